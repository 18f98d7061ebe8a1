/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * monitor-internal.h: the Monitor structure and the HMP command table,
 * shared by monitor.c (chardev, output), hmp.c (parsing, help,
 * completion) and hmp-cmds.c (the commands).  Private to monitor/.
 */
#ifndef MONITOR_MONITOR_INTERNAL_H
#define MONITOR_MONITOR_INTERNAL_H

#include "qomu/osdep.h"
#include "qapi/error.h"
#include "chardev/char-fe.h"
#include "monitor/monitor.h"
#include "readline.h"

struct Monitor {
    CharBackend chr;
    bool has_chr; /* false: output is captured (hmp_human_...) */
    GString *capture;
    ReadLineState *rs;
    bool on_mux;    /* shares a terminal with a serial port */
    bool attaching; /* inside qemu_chr_fe_set_handlers() */
    bool banner_shown;
    bool quitting; /* "quit" ran: no prompt any more */

    int cpu_index;      /* the current CPU ("cpu N") */

    /* x / xp remember the last format and size, as QEMU. */
    char last_format;
    int last_size;
};

/**
 * HMPHandler: a command.  @argv[0] is the command name; the table's
 * @min_args / @max_args are checked before the call (with max_args -1,
 * any number).  An error goes to @errp and is printed as one line.
 */
typedef void HMPHandler(Monitor *mon, int argc, char **argv, Error **errp);

/**
 * HMPCommand: one command.
 * @params: the arguments as shown by help ("path property").
 * @complete: one letter per argument for tab completion: 'p' QOM path,
 * 'P' property of the previous path, 't' device type, 'd' device id,
 * 'c' command name, 'i' info subcommand, '-' none.
 */
typedef struct HMPCommand {
    const char *name;
    const char *params;
    const char *help;
    HMPHandler *cmd;
    int min_args;
    int max_args;
    const char *complete;
} HMPCommand;

extern const HMPCommand hmp_cmds[];
extern const HMPCommand hmp_info_cmds[];

/** hmp_handle_line: run one command line on @mon. */
void hmp_handle_line(Monitor *mon, const char *line);

/** hmp_complete: the completion callback of the line editor. */
void hmp_complete(void *opaque, const char *cmdline, GPtrArray *out);

/** hmp_natural_cmp: compare names so that "dev[2]" < "dev[10]". */
int hmp_natural_cmp(const char *a, const char *b);

/* hmp.c: help for the table @cmds (all, or only @name). */
void hmp_help_cmd(Monitor *mon, const HMPCommand *cmds, const char *prefix,
                  const char *name, Error **errp);

/* hmp-cmds.c */
void hmp_info(Monitor *mon, int argc, char **argv, Error **errp);
void hmp_help(Monitor *mon, int argc, char **argv, Error **errp);

#endif /* MONITOR_MONITOR_INTERNAL_H */

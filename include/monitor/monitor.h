/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * monitor.h: the human monitor (HMP), as QEMU's include/monitor/monitor.h.
 *
 * A monitor is attached to a chardev: stdio, a Unix or TCP socket, or a
 * mux shared with a serial port ("mon:stdio", Ctrl-A c switches).  It
 * reads lines with a small line editor (history, tab completion), runs
 * them as commands and prints the "(qemu) " prompt again, as QEMU does
 * (users' habits and scripts expect that prompt, so qomu keeps it).
 *
 * While a command runs, error_report() output goes to that monitor
 * (error_set_print_func()); monitor_cur() is the monitor running it.
 *
 * QMP, the JSON monitor, is separate: include/monitor/qmp.h.
 *
 * Differences from QEMU: no monitor_fdset, no "-mon" option; a human
 * monitor is always in readline mode.
 */
#ifndef MONITOR_MONITOR_H
#define MONITOR_MONITOR_H

#include "qomu/osdep.h"
#include "qapi/error.h"
#include "qomu/typedefs.h"

typedef struct Monitor Monitor;

/**
 * monitor_init_globals: register the hook that attaches a monitor to the
 * mux of a "mon:" chardev spec (qemu_chr_set_monitor_hook()).  Call it
 * before any serial or chardev is created.  Idempotent.
 */
void monitor_init_globals(void);

/**
 * monitor_init_hmp: attach a human monitor to @chr.
 * Returns: the monitor, or NULL with @errp set (the chardev is in use).
 */
Monitor *monitor_init_hmp(Chardev *chr, Error **errp);

/**
 * monitor_init_from_spec: -monitor DEV: "stdio", "none",
 * "unix:PATH[,server][,nowait]", "tcp:[HOST]:PORT[,server][,nowait]",
 * "chardev:ID", "mon:SPEC" or any other -serial spelling.
 * Returns: true on success ("none" included).
 */
bool monitor_init_from_spec(const char *spec, Error **errp);

/**
 * monitor_cleanup: detach and free every monitor (at exit, before the
 * chardevs are deleted).
 */
void monitor_cleanup(void);

/** monitor_cur: the monitor running the current command, or NULL. */
Monitor *monitor_cur(void);

/**
 * monitor_printf: print to @mon's output ("\n" becomes "\r\n" on the
 * wire).  With @mon NULL, print to stdout.  Returns: bytes formatted.
 */
int monitor_printf(Monitor *mon, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

/** monitor_puts: print @str to @mon (NULL: stdout). */
void monitor_puts(Monitor *mon, const char *str);

#endif /* MONITOR_MONITOR_H */

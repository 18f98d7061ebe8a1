/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * hmp.h: running human-monitor commands from C (tests, and QMP's
 * human-monitor-command later), as QEMU's include/monitor/hmp.h.
 */
#ifndef MONITOR_HMP_H
#define MONITOR_HMP_H

#include "qomu/osdep.h"

/**
 * hmp_human_monitor_command: run one monitor command line on a monitor
 * with no chardev and return everything it printed (errors included, as
 * the "Error: ..." line a user would see).  Never fails: a bad command
 * gives its error text.  Returns: a new string for g_free().
 */
char *hmp_human_monitor_command(const char *cmdline);

/**
 * hmp_command_names: every top-level command name, sorted, NULL-ended
 * (for tests and completion).  Returns: a new GStrv.
 */
char **hmp_command_names(void);

/**
 * hmp_info_names: every `info` subcommand name, sorted, NULL-ended.
 * Returns: a new GStrv.
 */
char **hmp_info_names(void);

#endif /* MONITOR_HMP_H */

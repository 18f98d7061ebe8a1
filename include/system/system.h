/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * system.h: what the command line asked for, and the two steps main()
 * hands to the rest of the system: wiring the user's backends (serial,
 * monitor, chardevs, qtest) and running the machine.
 */
#ifndef SYSTEM_SYSTEM_H
#define SYSTEM_SYSTEM_H

#include "qomu/osdep.h"
#include "qomu/typedefs.h"

/**
 * QomuConfig: the parsed command line.  Strings point into argv; lists
 * are GPtrArrays of such strings, in command-line order (NULL if empty).
 */
typedef struct QomuConfig {
    QDict *machine_opts; /* -M, merged; "type" is the machine */
    bool machine_help;   /* -M TYPE,help */
    const char *machine_arg; /* the last -M text, for messages */
    const char *cpu, *mem, *smp;
    const char *cpu_type; /* the CPU type -cpu selected */
    const char *bios, *kernel, *initrd, *append, *dtb;
    GPtrArray *devices, *globals, *serials, *chardevs;
    const char *monitor, *qmp, *qtest;
    bool nographic, display_none, start_stopped, no_reboot, no_shutdown;
    const char *log_items, *log_file, *icount;
} QomuConfig;

/**
 * system_config_apply: create the chardevs, serial backends, monitor and
 * test-protocol endpoints the command line names, before the board is
 * built (boards look the serial backends up by index).  Returns: true on
 * success; @errp names the option and value that failed.
 */
bool system_config_apply(const QomuConfig *config, MachineState *ms,
                         Error **errp);

/**
 * system_run: reset the machine and run it until it shuts down.
 * Returns: the exit status for main() (the guest's, from the finisher or
 * HTIF, or 0).
 */
int system_run(const QomuConfig *config, MachineState *ms);

/**
 * serial_hd: the backend of the @i-th serial port (-serial, or the
 * default: mon:stdio), or NULL when there is none.  Boards give it to
 * their UARTs' "chardev" property.
 */
Chardev *serial_hd(int i);

/** serial_hds_add: append @chr as the next serial port backend. */
void serial_hds_add(Chardev *chr);

/** serial_hds_cleanup: forget the serial backends (at exit). */
void serial_hds_cleanup(void);

#endif /* SYSTEM_SYSTEM_H */

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qtest.h: the qtest-style test protocol (-qtest DEV), as QEMU's
 * system/qtest.c.  A test program drives devices from outside with text
 * lines on a chardev: memory reads and writes of any width, virtual clock
 * steps, IRQ interception.  Each command gets one answer line, "OK ..."
 * or "FAIL reason"; intercepted IRQ lines send "IRQ raise N" / "IRQ
 * lower N" lines when they change (before the answer of the command that
 * changed them).  See docs/devel/qtest.md for the command list.
 *
 * In qtest mode the harts never run and the virtual clock moves only by
 * clock_step / clock_set (deterministic mode with no instructions).
 *
 * Differences from QEMU: no -qtest-log, no I/O-port commands
 * (inb/outb...), no "module_load"; malformed arguments get a FAIL line
 * where QEMU asserts.
 */
#ifndef SYSTEM_QTEST_H
#define SYSTEM_QTEST_H

#include "qomu/osdep.h"
#include "qapi/error.h"

/** qtest_enabled: true when -qtest was given (the CPUs do not run). */
bool qtest_enabled(void);

/**
 * qtest_server_init: -qtest DEV: "unix:PATH" (connects to a test's
 * listening socket, as QEMU's libqtest expects), "stdio",
 * "chardev:ID", or another -serial spelling.  Switches the virtual
 * clock to deterministic mode.  Call before the board is built.
 * Returns: true on success.
 */
bool qtest_server_init(const char *spec, Error **errp);

/**
 * qtest_server_cleanup: detach from the chardev and free the
 * interception state (at exit, after the device tree is torn down and
 * before the chardevs are deleted).
 */
void qtest_server_cleanup(void);

/**
 * qtest_process_line: run one protocol command and return every line it
 * produced (IRQ lines, then the answer), for unit tests.  Returns: a new
 * string for g_free().
 */
char *qtest_process_line(const char *line);

#endif /* SYSTEM_QTEST_H */

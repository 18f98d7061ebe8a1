/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * char-stdio.h: the terminal handling of the stdio chardev, public so
 * that tests (and a program that prints an error before exiting) can use
 * it.  When stdin is a terminal the stdio chardev puts it in raw mode and
 * restores the saved settings on every way out: exit() (atexit), fatal
 * signals (SIGABRT, SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGQUIT), and
 * SIGINT / SIGTERM / SIGHUP (through the orderly shutdown that
 * os_setup_signal_handling() sets up, or directly if it did not).
 */
#ifndef CHARDEV_CHAR_STDIO_H
#define CHARDEV_CHAR_STDIO_H

/**
 * qemu_chr_stdio_term_raw: save @fd's terminal settings (once) and put it
 * in raw mode: no echo, no line editing, no CR/LF translation on input,
 * 8-bit; output processing kept; with @allow_signals Ctrl-C still raises
 * SIGINT (the stdio chardev's signal=on, the default).  Installs the
 * restore on every exit path.
 * Returns: false if @fd is not a terminal.
 */
bool qemu_chr_stdio_term_raw(int fd, bool allow_signals);

/**
 * qemu_chr_stdio_term_restore: put the saved settings back (idempotent;
 * async-signal-safe).
 */
void qemu_chr_stdio_term_restore(void);

#endif /* CHARDEV_CHAR_STDIO_H */

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The stdio chardev: input from fd 0 (raw terminal mode when it is a tty),
 * output to fd 1.  Only one may exist.  Options: signal=on|off (whether
 * Ctrl-C raises SIGINT while in raw mode; on by default, as QEMU).
 * The terminal's own mode is restored at exit, on fatal and termination
 * signals, and for a job-control stop (Ctrl-Z, SIGTSTP); SIGCONT takes
 * raw mode back when we are in the foreground.
 */
#include "qomu/osdep.h"
#include "chardev/char.h"
#include "chardev/char-stdio.h"
#include "chardev-internal.h"
#include "system/runstate.h"

#include <poll.h>
#include <signal.h>
#include <termios.h>
#include <unistd.h>

typedef struct StdioChardev {
    Chardev parent_obj;
} StdioChardev;

OBJECT_DECLARE_SIMPLE_TYPE(StdioChardev, CHARDEV_STDIO)

static const char *const stdio_opts[] = { "signal", NULL };

static bool stdio_in_use;

/* Read by signal handlers: keep them simple. */
static struct termios saved_tty;
static struct termios raw_tty;
static volatile sig_atomic_t tty_saved;
static volatile sig_atomic_t tty_raw;
/* Raw mode was given up for a job-control stop (SIGTSTP), not for good. */
static volatile sig_atomic_t tty_suspended;
static int tty_fd = -1;
static bool restore_installed;

void qemu_chr_stdio_term_restore(void)
{
    tty_suspended = 0;
    if (tty_saved && tty_raw) {
        tcsetattr(tty_fd, TCSANOW, &saved_tty);
        tty_raw = 0;
    }
}

static void term_atexit(void)
{
    qemu_chr_stdio_term_restore();
}

static void term_fatal_signal(int sig)
{
    /* SA_RESETHAND put the default action back: restore, then die. */
    qemu_chr_stdio_term_restore();
    raise(sig);
}

/*
 * Back to raw mode after a stop (ours, or a SIGSTOP after which the shell
 * may have reset the terminal), unless we were continued in the
 * background (`bg`): there tcsetattr() would stop us again with SIGTTOU,
 * and the next SIGCONT (`fg`) tries again.  A pty that is not our
 * controlling terminal has no foreground group (tcgetpgrp() fails): raw
 * mode is taken back then too.
 */
static void term_resume_raw(void)
{
    pid_t fg;

    if (!tty_suspended && !tty_raw) {
        return;
    }
    fg = tcgetpgrp(tty_fd);
    if (fg != -1 && fg != getpgrp()) {
        if (tty_raw) {
            tty_raw = 0;
            tty_suspended = 1;
        }
        return;
    }
    tty_suspended = 0;
    tty_raw = 1;
    tcsetattr(tty_fd, TCSANOW, &raw_tty);
}

/*
 * Ctrl-Z: give the terminal back to the shell in its own mode, stop with
 * the default action, and take raw mode back when continued.
 */
static void term_stop_signal(int sig)
{
    int saved_errno = errno;
    struct sigaction act = { 0 }, dfl = { 0 };
    sigset_t unblock;

    if (tty_saved && tty_raw) {
        tcsetattr(tty_fd, TCSANOW, &saved_tty);
        tty_raw = 0;
        tty_suspended = 1;
    }
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    sigaction(SIGTSTP, &dfl, &act);
    sigemptyset(&unblock);
    sigaddset(&unblock, SIGTSTP);
    sigprocmask(SIG_UNBLOCK, &unblock, NULL);
    raise(SIGTSTP);
    /* Stopped here until SIGCONT. */
    sigaction(SIGTSTP, &act, NULL);
    term_resume_raw();
    errno = saved_errno;
}

/* SIGCONT also after a stop we did not see (SIGSTOP, or a `fg` later). */
static void term_cont_signal(int sig)
{
    int saved_errno = errno;

    term_resume_raw();
    errno = saved_errno;
}

static void term_install_job_control(void)
{
    struct sigaction act = { 0 }, old;

    sigemptyset(&act.sa_mask);
    /* Leave a handler someone else installed (or SIG_IGN) alone. */
    if (sigaction(SIGTSTP, NULL, &old) == 0 && !(old.sa_flags & SA_SIGINFO) &&
        old.sa_handler == SIG_DFL) {
        act.sa_handler = term_stop_signal;
        act.sa_flags = SA_RESTART;
        sigaction(SIGTSTP, &act, NULL);
    }
    if (sigaction(SIGCONT, NULL, &old) == 0 && !(old.sa_flags & SA_SIGINFO) &&
        old.sa_handler == SIG_DFL) {
        act.sa_handler = term_cont_signal;
        act.sa_flags = SA_RESTART;
        sigaction(SIGCONT, &act, NULL);
    }
}

static void term_install_restore(void)
{
    static const int fatal[] = { SIGABRT, SIGSEGV, SIGBUS, SIGILL, SIGFPE,
                                 SIGQUIT };
    static const int term[] = { SIGINT, SIGTERM, SIGHUP };
    struct sigaction act = { 0 };

    if (restore_installed) {
        return;
    }
    restore_installed = true;
    atexit(term_atexit);
    term_install_job_control();
    qemu_set_fatal_signal_hook(qemu_chr_stdio_term_restore);

    act.sa_handler = term_fatal_signal;
    act.sa_flags = SA_RESETHAND | SA_NODEFER;
    sigemptyset(&act.sa_mask);
    for (size_t i = 0; i < ARRAY_SIZE(fatal); i++) {
        sigaction(fatal[i], &act, NULL);
    }
    /*
     * Termination signals: if nobody turned them into an orderly
     * shutdown (os_setup_signal_handling), restore and die.
     */
    for (size_t i = 0; i < ARRAY_SIZE(term); i++) {
        struct sigaction old;

        if (sigaction(term[i], NULL, &old) == 0 &&
            !(old.sa_flags & SA_SIGINFO) && old.sa_handler == SIG_DFL) {
            sigaction(term[i], &act, NULL);
        }
    }
}

bool qemu_chr_stdio_term_raw(int fd, bool allow_signals)
{
    struct termios tty;

    if (!isatty(fd)) {
        return false;
    }
    if (!tty_raw) {
        if (tcgetattr(fd, &saved_tty) < 0) {
            return false;
        }
        tty_fd = fd;
        tty_saved = 1;
    }
    term_install_restore();
    tty = saved_tty;
    tty.c_iflag &= ~(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR |
                     ICRNL | IXON);
    tty.c_oflag |= OPOST;
    tty.c_lflag &= ~(ECHO | ECHONL | ICANON | IEXTEN);
    if (!allow_signals) {
        tty.c_lflag &= ~ISIG;
    }
    tty.c_cflag &= ~(CSIZE | PARENB);
    tty.c_cflag |= CS8;
    tty.c_cc[VMIN] = 1;
    tty.c_cc[VTIME] = 0;
    raw_tty = tty;
    tty_suspended = 0;
    tty_raw = 1;
    tcsetattr(fd, TCSANOW, &tty);
    return true;
}

static void stdio_chr_read(Chardev *chr)
{
    uint8_t buf[1024];

    /* Take what the frontend can, while input keeps coming. */
    for (int rounds = 0; rounds < 64; rounds++) {
        int n = qemu_chr_be_can_write(chr);
        struct pollfd pfd = { .fd = 0, .events = POLLIN };
        ssize_t got;

        if (n <= 0) {
            return;
        }
        got = read(0, buf, MIN(n, (int)sizeof(buf)));
        if (got == 0 || (got < 0 && errno != EINTR && errno != EAGAIN)) {
            /* End of input: stop watching, keep the output. */
            chardev_io_watch_remove(chr);
            return;
        }
        if (got > 0) {
            qemu_chr_be_write(chr, buf, got);
        }
        if (poll(&pfd, 1, 0) <= 0 || !(pfd.revents & (POLLIN | POLLHUP))) {
            return;
        }
    }
}

static bool stdio_chr_open(Chardev *chr, QDict *opts, bool *be_opened,
                           Error **errp)
{
    bool allow_signals;

    if (stdio_in_use) {
        error_setg(errp, "cannot use stdio by multiple character devices");
        return false;
    }
    if (!chr_opt_bool(opts, "signal", true, &allow_signals, errp)) {
        return false;
    }
    stdio_in_use = true;
    qemu_chr_stdio_term_raw(0, allow_signals);
    chardev_io_watch_add(chr, 0, stdio_chr_read);
    chr->filename = g_strdup("stdio");
    return true;
}

static int stdio_chr_write(Chardev *chr, const uint8_t *buf, int len)
{
    return chardev_fd_write(1, buf, len);
}

static void stdio_chr_finalize(Object *obj)
{
    Chardev *chr = CHARDEV(obj);

    /* Only the chardev that opened stdio releases it. */
    if (chr->filename) {
        qemu_chr_stdio_term_restore();
        stdio_in_use = false;
    }
}

static void stdio_chr_class_init(ObjectClass *oc, const void *data)
{
    ChardevClass *cc = CHARDEV_CLASS(oc);

    cc->opts = stdio_opts;
    cc->open = stdio_chr_open;
    cc->chr_write = stdio_chr_write;
}

static const TypeInfo stdio_chr_type_info = {
    .name = TYPE_CHARDEV_STDIO,
    .parent = TYPE_CHARDEV,
    .instance_size = sizeof(StdioChardev),
    .instance_finalize = stdio_chr_finalize,
    .class_init = stdio_chr_class_init,
};

static void register_types(void)
{
    type_register_static(&stdio_chr_type_info);
}

type_init(register_types)

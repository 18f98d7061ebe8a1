/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Run state: RUNNING / PAUSED / ..., vm_start / vm_stop, and the
 * shutdown, reset, powerdown and stop requests acted on between CPU
 * slices by main_loop_should_exit().  See include/system/runstate.h.
 */
#include "qomu/osdep.h"
#include "qomu/timer.h"
#include "qapi/error.h"
#include "system/main-loop.h"
#include "system/runstate.h"

#include <glib-unix.h>
#include <signal.h>
#include <unistd.h>
#include <fcntl.h>

struct VMChangeStateEntry {
    VMChangeStateHandler *cb;
    void *opaque;
};

typedef struct HandlerEntry {
    void (*func)(void *opaque);
    void *opaque;
} HandlerEntry;

static RunState current_run_state = RUN_STATE_PRELAUNCH;

/* Requests: written from device models, the monitor, signal handlers. */
static volatile sig_atomic_t shutdown_requested;
static volatile sig_atomic_t reset_requested;
static volatile sig_atomic_t powerdown_requested;
static volatile sig_atomic_t vmstop_requested = RUN_STATE__MAX;
static volatile sig_atomic_t shutdown_signal;
static volatile sig_atomic_t shutdown_pid;
static int shutdown_exit_code;
static bool shutdown_exit_code_set;

static bool no_reboot;
static bool no_shutdown;

static GList *vm_change_state_handlers;   /* VMChangeStateEntry */
static GList *reset_handlers;             /* HandlerEntry */
static GList *powerdown_handlers;         /* HandlerEntry */

static void (*request_kick)(void *opaque);
static void *request_kick_opaque;
static void (*fatal_signal_hook)(void);

static int signal_pipe[2] = { -1, -1 };

static const char *const run_state_names[RUN_STATE__MAX] = {
    [RUN_STATE_PRELAUNCH] = "prelaunch",
    [RUN_STATE_RUNNING] = "running",
    [RUN_STATE_PAUSED] = "paused",
    [RUN_STATE_DEBUG] = "debug",
    [RUN_STATE_INTERNAL_ERROR] = "internal-error",
    [RUN_STATE_GUEST_PANICKED] = "guest-panicked",
    [RUN_STATE_SHUTDOWN] = "shutdown",
};

static const char *const shutdown_cause_names[SHUTDOWN_CAUSE__MAX] = {
    [SHUTDOWN_CAUSE_NONE] = "none",
    [SHUTDOWN_CAUSE_HOST_ERROR] = "host-error",
    [SHUTDOWN_CAUSE_HOST_QMP_QUIT] = "host-qmp-quit",
    [SHUTDOWN_CAUSE_HOST_QMP_SYSTEM_RESET] = "host-qmp-system-reset",
    [SHUTDOWN_CAUSE_HOST_SIGNAL] = "host-signal",
    [SHUTDOWN_CAUSE_HOST_UI] = "host-ui",
    [SHUTDOWN_CAUSE_GUEST_SHUTDOWN] = "guest-shutdown",
    [SHUTDOWN_CAUSE_GUEST_RESET] = "guest-reset",
    [SHUTDOWN_CAUSE_GUEST_PANIC] = "guest-panic",
    [SHUTDOWN_CAUSE_SUBSYSTEM_RESET] = "subsystem-reset",
};

const char *RunState_str(RunState state)
{
    g_assert(state >= 0 && state < RUN_STATE__MAX);
    return run_state_names[state];
}

const char *ShutdownCause_str(ShutdownCause cause)
{
    g_assert(cause >= 0 && cause < SHUTDOWN_CAUSE__MAX);
    return shutdown_cause_names[cause];
}

RunState runstate_get(void)
{
    return current_run_state;
}

bool runstate_check(RunState state)
{
    return current_run_state == state;
}

void runstate_set(RunState state)
{
    g_assert(state >= 0 && state < RUN_STATE__MAX);
    current_run_state = state;
}

bool runstate_is_running(void)
{
    return current_run_state == RUN_STATE_RUNNING;
}

bool runstate_needs_reset(void)
{
    return current_run_state == RUN_STATE_INTERNAL_ERROR ||
           current_run_state == RUN_STATE_GUEST_PANICKED ||
           current_run_state == RUN_STATE_SHUTDOWN;
}

VMChangeStateEntry *qemu_add_vm_change_state_handler(VMChangeStateHandler *cb,
                                                     void *opaque)
{
    VMChangeStateEntry *e = g_new0(VMChangeStateEntry, 1);

    e->cb = cb;
    e->opaque = opaque;
    vm_change_state_handlers = g_list_append(vm_change_state_handlers, e);
    return e;
}

void qemu_del_vm_change_state_handler(VMChangeStateEntry *e)
{
    vm_change_state_handlers = g_list_remove(vm_change_state_handlers, e);
    g_free(e);
}

static void vm_state_notify(bool running, RunState state)
{
    GList *l, *next;

    /* As QEMU: in order when starting, in reverse when stopping. */
    if (running) {
        for (l = vm_change_state_handlers; l; l = next) {
            VMChangeStateEntry *e = l->data;

            next = l->next;
            e->cb(e->opaque, running, state);
        }
    } else {
        for (l = g_list_last(vm_change_state_handlers); l; l = next) {
            VMChangeStateEntry *e = l->data;

            next = l->prev;
            e->cb(e->opaque, running, state);
        }
    }
}

void vm_start(void)
{
    if (runstate_is_running()) {
        return;
    }
    /* A stop requested before the start is stale now. */
    vmstop_requested = RUN_STATE__MAX;
    cpu_enable_ticks();
    runstate_set(RUN_STATE_RUNNING);
    vm_state_notify(true, RUN_STATE_RUNNING);
    qemu_notify_event();
}

int vm_stop(RunState state)
{
    if (!runstate_is_running()) {
        runstate_set(state);
        return 0;
    }
    cpu_disable_ticks();
    runstate_set(state);
    vm_state_notify(false, state);
    return 0;
}

static void request_notify(void)
{
    if (request_kick) {
        request_kick(request_kick_opaque);
    }
    qemu_notify_event();
}

void qemu_set_request_kick(void (*cb)(void *opaque), void *opaque)
{
    request_kick = cb;
    request_kick_opaque = opaque;
}

void qemu_system_vmstop_request(RunState state)
{
    vmstop_requested = state;
    request_notify();
}

void qemu_system_shutdown_request_with_code(ShutdownCause cause,
                                            int exit_code)
{
    if (!shutdown_exit_code_set) {
        shutdown_exit_code = exit_code;
        shutdown_exit_code_set = true;
    }
    qemu_system_shutdown_request(cause);
}

void qemu_system_shutdown_request(ShutdownCause cause)
{
    if (!shutdown_requested) {
        shutdown_requested = cause ? cause : SHUTDOWN_CAUSE_HOST_ERROR;
    }
    request_notify();
}

void qemu_system_reset_request(ShutdownCause cause)
{
    if (no_reboot && cause != SHUTDOWN_CAUSE_SUBSYSTEM_RESET) {
        qemu_system_shutdown_request(cause);
        return;
    }
    reset_requested = cause ? cause : SHUTDOWN_CAUSE_GUEST_RESET;
    request_notify();
}

void qemu_system_powerdown_request(void)
{
    powerdown_requested = 1;
    request_notify();
}

void qemu_system_killed(int signal, pid_t pid)
{
    char c = 0;
    ssize_t ret;

    shutdown_signal = signal;
    shutdown_pid = pid;
    shutdown_requested = SHUTDOWN_CAUSE_HOST_SIGNAL;
    if (request_kick) {
        request_kick(request_kick_opaque);
    }
    /* qemu_notify_event() is not async-signal-safe: use the pipe. */
    if (signal_pipe[1] >= 0) {
        ret = write(signal_pipe[1], &c, 1);
        (void)ret;
    }
}

ShutdownCause qemu_shutdown_requested_get(void)
{
    return shutdown_requested;
}

ShutdownCause qemu_reset_requested_get(void)
{
    return reset_requested;
}

void runstate_set_no_reboot(bool value)
{
    no_reboot = value;
}

void runstate_set_no_shutdown(bool value)
{
    no_shutdown = value;
}

static void handler_list_add(GList **list, void (*func)(void *),
                             void *opaque)
{
    HandlerEntry *e = g_new0(HandlerEntry, 1);

    e->func = func;
    e->opaque = opaque;
    *list = g_list_append(*list, e);
}

static void handler_list_del(GList **list, void (*func)(void *),
                             void *opaque)
{
    GList *l;

    for (l = *list; l; l = l->next) {
        HandlerEntry *e = l->data;

        if (e->func == func && e->opaque == opaque) {
            *list = g_list_delete_link(*list, l);
            g_free(e);
            return;
        }
    }
}

static int handler_list_run(GList *list)
{
    GList *l, *next;
    int n = 0;

    for (l = list; l; l = next) {
        HandlerEntry *e = l->data;

        next = l->next;
        e->func(e->opaque);
        n++;
    }
    return n;
}

void qemu_register_reset(QEMUResetHandler *func, void *opaque)
{
    handler_list_add(&reset_handlers, func, opaque);
}

void qemu_unregister_reset(QEMUResetHandler *func, void *opaque)
{
    handler_list_del(&reset_handlers, func, opaque);
}

void qemu_system_reset(ShutdownCause reason)
{
    handler_list_run(reset_handlers);
}

void qemu_register_powerdown_notifier(QEMUPowerdownHandler *func,
                                      void *opaque)
{
    handler_list_add(&powerdown_handlers, func, opaque);
}

void qemu_unregister_powerdown_notifier(QEMUPowerdownHandler *func,
                                        void *opaque)
{
    handler_list_del(&powerdown_handlers, func, opaque);
}

static void qemu_kill_report(void)
{
    if (shutdown_signal) {
        if (shutdown_pid > 0) {
            error_report("terminating on signal %d from pid %d",
                         (int)shutdown_signal, (int)shutdown_pid);
        } else {
            error_report("terminating on signal %d", (int)shutdown_signal);
        }
        shutdown_signal = 0;
    }
}

bool main_loop_should_exit(int *status)
{
    ShutdownCause request;

    request = shutdown_requested;
    if (request) {
        shutdown_requested = SHUTDOWN_CAUSE_NONE;
        qemu_kill_report();
        if (no_shutdown && request == SHUTDOWN_CAUSE_GUEST_SHUTDOWN) {
            vm_stop(RUN_STATE_SHUTDOWN);
        } else {
            *status = shutdown_exit_code_set ? shutdown_exit_code : 0;
            return true;
        }
    }

    request = reset_requested;
    if (request) {
        bool was_running = runstate_is_running();

        reset_requested = SHUTDOWN_CAUSE_NONE;
        if (was_running) {
            cpu_disable_ticks();
        }
        qemu_system_reset(request);
        if (was_running) {
            cpu_enable_ticks();
        } else {
            /* As QEMU: a stopped VM that is reset waits for "cont". */
            runstate_set(RUN_STATE_PRELAUNCH);
        }
    }

    if (powerdown_requested) {
        powerdown_requested = 0;
        if (!handler_list_run(powerdown_handlers)) {
            qemu_system_shutdown_request(SHUTDOWN_CAUSE_GUEST_SHUTDOWN);
            return main_loop_should_exit(status);
        }
    }

    if (vmstop_requested != RUN_STATE__MAX) {
        RunState r = vmstop_requested;

        vmstop_requested = RUN_STATE__MAX;
        vm_stop(r);
    }
    return false;
}

int qemu_main_loop(void)
{
    int status = 0;

    while (!main_loop_should_exit(&status)) {
        main_loop_wait(false);
    }
    return status;
}

static void signal_pipe_read(void *opaque)
{
    char buf[16];

    while (read(signal_pipe[0], buf, sizeof(buf)) > 0) {
        /* drain: the request itself is in shutdown_requested */
    }
}

static void termsig_handler(int signal, siginfo_t *info, void *ctx)
{
    if (shutdown_requested == SHUTDOWN_CAUSE_HOST_SIGNAL) {
        /* A second signal before we got to the first: die now. */
        qemu_run_fatal_signal_hook();
        sigaction(signal, &(struct sigaction){ .sa_handler = SIG_DFL },
                  NULL);
        raise(signal);
        return;
    }
    qemu_system_killed(signal, info ? info->si_pid : 0);
}

void os_setup_signal_handling(void)
{
    struct sigaction act = { 0 };

    if (signal_pipe[0] < 0 && g_unix_open_pipe(signal_pipe, FD_CLOEXEC,
                                               NULL)) {
        g_unix_set_fd_nonblocking(signal_pipe[0], true, NULL);
        g_unix_set_fd_nonblocking(signal_pipe[1], true, NULL);
        qemu_set_fd_handler(signal_pipe[0], signal_pipe_read, NULL, NULL);
    }
    act.sa_sigaction = termsig_handler;
    act.sa_flags = SA_SIGINFO;
    sigemptyset(&act.sa_mask);
    sigaction(SIGINT, &act, NULL);
    sigaction(SIGTERM, &act, NULL);
    sigaction(SIGHUP, &act, NULL);
    signal(SIGPIPE, SIG_IGN);
}

void qemu_set_fatal_signal_hook(void (*fn)(void))
{
    fatal_signal_hook = fn;
}

void qemu_run_fatal_signal_hook(void)
{
    if (fatal_signal_hook) {
        fatal_signal_hook();
    }
}

void runstate_cleanup(void)
{
    if (runstate_is_running()) {
        cpu_disable_ticks();
    }
    current_run_state = RUN_STATE_PRELAUNCH;
    shutdown_requested = SHUTDOWN_CAUSE_NONE;
    reset_requested = SHUTDOWN_CAUSE_NONE;
    powerdown_requested = 0;
    vmstop_requested = RUN_STATE__MAX;
    shutdown_signal = 0;
    shutdown_pid = 0;
    shutdown_exit_code = 0;
    shutdown_exit_code_set = false;
    no_reboot = false;
    no_shutdown = false;
    request_kick = NULL;
    request_kick_opaque = NULL;
    g_list_free_full(vm_change_state_handlers, g_free);
    g_list_free_full(reset_handlers, g_free);
    g_list_free_full(powerdown_handlers, g_free);
    vm_change_state_handlers = NULL;
    reset_handlers = NULL;
    powerdown_handlers = NULL;
    if (signal_pipe[0] >= 0) {
        qemu_set_fd_handler(signal_pipe[0], NULL, NULL, NULL);
        close(signal_pipe[0]);
        close(signal_pipe[1]);
        signal_pipe[0] = signal_pipe[1] = -1;
    }
}

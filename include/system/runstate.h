/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * runstate.h: the VM's run state and the requests that change it
 * (shutdown, reset, powerdown, stop), with QEMU's names
 * (include/system/runstate.h, include/system/reset.h).
 *
 * Requests may come from anywhere (a device model during a CPU slice, the
 * monitor, a signal handler): they only record what was asked and kick
 * the run loop.  The main program acts on them between slices:
 *
 *     while (!main_loop_should_exit(&status)) {
 *         run harts for a slice (if runstate_is_running());
 *         main_loop_wait(true);   (or a timed wait when all harts sleep)
 *     }
 *     exit(status);
 *
 * Reset is carried out by the handlers registered with qemu_register_reset()
 * (the board registers one that resets its Resettable tree and harts).
 *
 * Differences from QEMU: ShutdownCause and RunState are plain enums here
 * (no QAPI); -no-reboot / -no-shutdown are runstate_set_no_reboot() /
 * runstate_set_no_shutdown() rather than -action; shutdown requests carry
 * an exit status (qemu_system_shutdown_request_with_code()) for the
 * sifive_test finisher and HTIF; powerdown with no registered notifier
 * shuts the VM down (QEMU ignores it on boards with no power button).
 */
#ifndef SYSTEM_RUNSTATE_H
#define SYSTEM_RUNSTATE_H

#include <sys/types.h>

typedef enum RunState {
    RUN_STATE_PRELAUNCH = 0,    /* created, not yet started (-S) */
    RUN_STATE_RUNNING,
    RUN_STATE_PAUSED,           /* stopped by the user (monitor "stop") */
    RUN_STATE_DEBUG,            /* stopped by a debug request */
    RUN_STATE_INTERNAL_ERROR,   /* stopped: the emulator hit a problem */
    RUN_STATE_GUEST_PANICKED,
    RUN_STATE_SHUTDOWN,         /* guest shut down with -no-shutdown */
    RUN_STATE__MAX
} RunState;

typedef enum ShutdownCause {
    SHUTDOWN_CAUSE_NONE = 0,
    SHUTDOWN_CAUSE_HOST_ERROR,        /* the emulator failed */
    SHUTDOWN_CAUSE_HOST_QMP_QUIT,     /* monitor "quit" */
    SHUTDOWN_CAUSE_HOST_QMP_SYSTEM_RESET, /* monitor "system_reset" */
    SHUTDOWN_CAUSE_HOST_SIGNAL,       /* SIGINT, SIGTERM, SIGHUP */
    SHUTDOWN_CAUSE_HOST_UI,           /* Ctrl-A x */
    SHUTDOWN_CAUSE_GUEST_SHUTDOWN,    /* finisher, HTIF, SBI shutdown */
    SHUTDOWN_CAUSE_GUEST_RESET,       /* finisher 0x7777, SBI reset */
    SHUTDOWN_CAUSE_GUEST_PANIC,
    SHUTDOWN_CAUSE_SUBSYSTEM_RESET,
    SHUTDOWN_CAUSE__MAX
} ShutdownCause;

/** RunState_str: "running", "paused", ... as QEMU's query-status says. */
const char *RunState_str(RunState state);

/** ShutdownCause_str: "guest-shutdown", "host-signal", ... */
const char *ShutdownCause_str(ShutdownCause cause);

/** runstate_get: the current state. */
RunState runstate_get(void);

/** runstate_check: true if the current state is @state. */
bool runstate_check(RunState state);

/**
 * runstate_set: set the state directly (no clock or handler side
 * effects; prefer vm_start() / vm_stop()).
 */
void runstate_set(RunState state);

/** runstate_is_running: true in RUN_STATE_RUNNING. */
bool runstate_is_running(void);

/** runstate_needs_reset: true after a guest panic or internal error. */
bool runstate_needs_reset(void);

typedef void VMChangeStateHandler(void *opaque, bool running,
                                  RunState state);
typedef struct VMChangeStateEntry VMChangeStateEntry;

/**
 * qemu_add_vm_change_state_handler: call @cb when the VM starts or stops.
 * Returns: a handle for qemu_del_vm_change_state_handler().
 */
VMChangeStateEntry *qemu_add_vm_change_state_handler(VMChangeStateHandler *cb,
                                                     void *opaque);

/** qemu_del_vm_change_state_handler: remove and free @e. */
void qemu_del_vm_change_state_handler(VMChangeStateEntry *e);

/**
 * vm_start: start (or resume) the VM: the virtual clock runs, state
 * RUNNING, change-state handlers called.  No effect if already running.
 */
void vm_start(void);

/**
 * vm_stop: stop the VM in @state (PAUSED, DEBUG, SHUTDOWN...): the
 * virtual clock stops, handlers called.  If the VM is not running only
 * the state changes.  Returns: 0.
 */
int vm_stop(RunState state);

/**
 * qemu_system_vmstop_request: ask for vm_stop(@state) at the next check
 * (safe from a device model in the middle of a CPU slice).
 */
void qemu_system_vmstop_request(RunState state);

/**
 * qemu_system_shutdown_request: ask for the emulator to exit (status 0),
 * or, with -no-shutdown and a guest-initiated shutdown, to stop in
 * RUN_STATE_SHUTDOWN.
 */
void qemu_system_shutdown_request(ShutdownCause cause);

/**
 * qemu_system_shutdown_request_with_code: as above, exiting with status
 * @exit_code (the sifive_test finisher's 0x3333 | code << 16, HTIF's
 * tohost exit).  The first request's code wins.
 */
void qemu_system_shutdown_request_with_code(ShutdownCause cause,
                                            int exit_code);

/** qemu_system_reset_request: ask for a system reset (or, with
 * -no-reboot, a shutdown). */
void qemu_system_reset_request(ShutdownCause cause);

/**
 * qemu_system_powerdown_request: press the power button: the registered
 * powerdown notifiers run; if none is registered the VM shuts down.
 */
void qemu_system_powerdown_request(void);

/**
 * qemu_system_killed: a termination signal arrived (called from the
 * handlers os_setup_signal_handling() installs; async-signal-safe).
 */
void qemu_system_killed(int signal, pid_t pid);

/** qemu_shutdown_requested_get / qemu_reset_requested_get: pending? */
ShutdownCause qemu_shutdown_requested_get(void);
ShutdownCause qemu_reset_requested_get(void);

/** runstate_set_no_reboot: -no-reboot: a reset request shuts down. */
void runstate_set_no_reboot(bool no_reboot);

/**
 * runstate_set_no_shutdown: -no-shutdown: a guest shutdown stops the VM
 * (RUN_STATE_SHUTDOWN) instead of exiting; the monitor can still quit.
 */
void runstate_set_no_shutdown(bool no_shutdown);

typedef void QEMUResetHandler(void *opaque);

/**
 * qemu_register_reset: call @func(@opaque) on every system reset, in
 * registration order (the board registers its tree reset here).
 */
void qemu_register_reset(QEMUResetHandler *func, void *opaque);

/** qemu_unregister_reset: remove a handler registered with the same
 * @func and @opaque. */
void qemu_unregister_reset(QEMUResetHandler *func, void *opaque);

/**
 * qemu_system_reset: reset now: run every reset handler.  @reason is
 * the request's cause (SHUTDOWN_CAUSE_NONE for the cold reset at start).
 */
void qemu_system_reset(ShutdownCause reason);

typedef void QEMUPowerdownHandler(void *opaque);

/** qemu_register_powerdown_notifier: call @func on a powerdown request. */
void qemu_register_powerdown_notifier(QEMUPowerdownHandler *func,
                                      void *opaque);

/** qemu_unregister_powerdown_notifier: undo the above. */
void qemu_unregister_powerdown_notifier(QEMUPowerdownHandler *func,
                                        void *opaque);

/**
 * qemu_set_request_kick: @cb(@opaque) is called whenever a request is
 * made, so that the CPU run loop can end its slice early (cpus.c sets
 * this).  May run in a signal handler: @cb must be async-signal-safe
 * (e.g. set a flag).
 */
void qemu_set_request_kick(void (*cb)(void *opaque), void *opaque);

/**
 * main_loop_should_exit: act on pending requests: stop, reset (running
 * the reset handlers; a VM that was running keeps running), powerdown,
 * shutdown.
 * @status: set to the exit status when returning true.
 * Returns: true when the program should exit.
 */
bool main_loop_should_exit(int *status);

/**
 * qemu_main_loop: main_loop_should_exit() / main_loop_wait(false) until
 * exit (a machine with no CPUs, or qtest).  Returns: the exit status.
 */
int qemu_main_loop(void);

/**
 * os_setup_signal_handling: SIGINT, SIGTERM and SIGHUP request an orderly
 * shutdown through qemu_system_killed() (so atexit handlers, such as the
 * terminal restore of the stdio chardev, run); a second such signal
 * before the first was handled runs the fatal-signal hook and then the
 * signal's default action.  SIGPIPE is ignored (sockets report EPIPE).
 */
void os_setup_signal_handling(void);

/**
 * qemu_set_fatal_signal_hook: @fn runs (in a signal handler: it must be
 * async-signal-safe) before the emulator dies of a signal; the stdio
 * chardev restores the terminal here.
 */
void qemu_set_fatal_signal_hook(void (*fn)(void));

/** qemu_run_fatal_signal_hook: run the hook, if any (signal-safe). */
void qemu_run_fatal_signal_hook(void);

/**
 * runstate_cleanup: forget every request, handler and flag, free the
 * handler lists and go back to RUN_STATE_PRELAUNCH with the virtual clock
 * stopped (at exit, so nothing is left allocated; and between unit tests).
 */
void runstate_cleanup(void);

#endif /* SYSTEM_RUNSTATE_H */

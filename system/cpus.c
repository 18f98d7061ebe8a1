/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cpus.c: the run loop.  One thread runs the harts round-robin in time
 * slices and, between slices, the GLib main context (character I/O, the
 * monitor, timers).  When every hart waits for an interrupt (wfi), the
 * loop sleeps until the next virtual-timer deadline or I/O.
 *
 * See docs/devel/cpu-loop.md.
 */
#include "qomu/osdep.h"
#include "qapi/error.h"
#include "qomu/log.h"
#include "qomu/timer.h"
#include "hw/boards.h"
#include "hw/core/cpu.h"
#include "hw/loader.h"
#include "hw/resettable.h"
#include "system/main-loop.h"
#include "system/qtest.h"
#include "system/runstate.h"
#include "system/system.h"

/*
 * Instructions per hart per slice.  Large enough that the per-slice cost
 * (a non-blocking poll of the main context, timer checks) is noise, small
 * enough that timers and I/O are served within ~1 ms of host time.
 */
#define SLICE_INSNS 100000

static CPUState *running_cpu;
static volatile bool kick_pending;

/* A request (shutdown, reset, stop) ends the current slice early. */
static void cpus_kick(void *opaque)
{
    kick_pending = true;
    if (running_cpu) {
        cpu_exit(running_cpu);
    }
}

/* The system reset handler: every device and hart, then the ROM images. */
static void system_tree_reset(void *opaque)
{
    resettable_reset_tree(object_get_root(), RESET_TYPE_COLD);
    rom_reset();
}

/*
 * In deterministic mode the slice must end at the next virtual deadline,
 * so timers fire at exactly the same instruction in every run.
 */
static int64_t slice_budget(void)
{
    int64_t deadline;

    if (!icount_enabled()) {
        return SLICE_INSNS;
    }
    deadline = qemu_clock_deadline_ns_all(QEMU_CLOCK_VIRTUAL);
    if (deadline < 0) {
        return SLICE_INSNS;
    }
    deadline >>= icount_get_shift();
    return MAX(1, MIN(deadline, SLICE_INSNS));
}

/*
 * Run each hart that has work for one slice.
 * Returns: true if any hart ran (so the loop must not sleep).
 */
static bool run_harts_once(void)
{
    CPUState *cpu;
    bool ran = false;

    CPU_FOREACH(cpu) {
        int64_t budget;
        int ret;

        if (kick_pending || !runstate_is_running()) {
            break;
        }
        if (!cpu_has_work(cpu)) {
            continue;
        }
        budget = slice_budget();
        running_cpu = cpu;
        ret = cpu_exec(cpu, budget);
        running_cpu = NULL;
        if (ret == CPU_EXEC_HALTED) {
            continue;
        }
        ran = true;
        if (icount_enabled()) {
            /*
             * A slice counts as its whole budget (a slice cut short by a
             * request is rare and a host event anyway); a hart that halts
             * mid-slice adds nothing, since the loop then jumps virtual
             * time to the next deadline.  Either way every run of the same
             * program and input sees the same times.
             */
            icount_advance(budget);
            qemu_clock_run_timers(QEMU_CLOCK_VIRTUAL);
        }
    }
    return ran;
}

/* Every hart waits: sleep until the next timer or I/O. */
static void wait_for_event(void)
{
    int64_t deadline = qemu_clock_deadline_ns_all(QEMU_CLOCK_VIRTUAL);

    if (icount_enabled() && deadline >= 0) {
        /* Nothing runs until the timer: jump virtual time to it. */
        qemu_clock_advance_virtual_time(qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL)
                                        + deadline);
        main_loop_wait(true);
        return;
    }
    main_loop_wait_timeout(deadline);
}

int system_run(const QomuConfig *config, MachineState *ms)
{
    int status = 0;

    qemu_set_request_kick(cpus_kick, NULL);
    qemu_register_reset(system_tree_reset, NULL);
    qemu_system_reset(SHUTDOWN_CAUSE_NONE);
    if (!config->start_stopped) {
        vm_start();
    }

    for (;;) {
        kick_pending = false;
        if (main_loop_should_exit(&status)) {
            break;
        }
        /* Under -qtest the harts never run: the test drives the clock. */
        if (!runstate_is_running() || !first_cpu || qtest_enabled()) {
            main_loop_wait(false);
            continue;
        }
        if (run_harts_once()) {
            qemu_clock_run_all_timers();
            main_loop_wait(true);
        } else if (!kick_pending) {
            wait_for_event();
        }
    }

    vm_stop(RUN_STATE_SHUTDOWN);
    qemu_unregister_reset(system_tree_reset, NULL);
    qemu_set_request_kick(NULL, NULL);
    return status;
}

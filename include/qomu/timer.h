/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * timer.h: clocks and timers, with QEMU's names (include/qemu/timer.h).
 *
 * Three clocks:
 *   QEMU_CLOCK_REALTIME  host monotonic time; runs always (UI, monitor).
 *   QEMU_CLOCK_VIRTUAL   guest time; runs only while the VM runs
 *                        (vm_start() calls cpu_enable_ticks(), vm_stop()
 *                        calls cpu_disable_ticks()); starts at 0.
 *   QEMU_CLOCK_HOST      host wall-clock time (CLOCK_REALTIME), for RTCs.
 *
 * The virtual clock has two modes:
 *   - host-time mode (default): while ticks are enabled virtual time
 *     advances with the host's monotonic clock; while disabled it stands.
 *   - deterministic mode (QEMU's -icount shift=N), icount_configure(N):
 *     virtual time = (instructions executed << N) + bias.  The CPU run loop
 *     reports executed instructions with icount_advance(); when every hart
 *     waits for an interrupt it jumps time to the next deadline with
 *     qemu_clock_advance_virtual_time() instead of sleeping.  No host time
 *     enters guest time, so two runs are bit-identical.  The qtest-style
 *     test protocol uses this mode with no instructions at all and steps
 *     the clock with qemu_clock_advance_virtual_time().
 *
 * Timers are kept per clock in a list sorted by deadline; timers with the
 * same deadline fire in the order they were armed.  Everything here is
 * single-threaded (the one main thread); only the notify callback may be
 * a cross-thread wakeup.
 *
 * Differences from QEMU: no timer lists per AioContext, no attributes;
 * qemu_clock_deadline_ns_all() takes no attribute mask; cpu_enable_ticks()
 * and the icount_*() functions are declared here rather than in
 * system/cpu-timers.h; no "auto" icount shift, no icount sleep=on.
 */
#ifndef QOMU_TIMER_H
#define QOMU_TIMER_H

#include "qapi/error.h"

#define SCALE_MS 1000000
#define SCALE_US 1000
#define SCALE_NS 1

#define NANOSECONDS_PER_SECOND 1000000000LL

typedef enum QEMUClockType {
    QEMU_CLOCK_REALTIME = 0,
    QEMU_CLOCK_VIRTUAL = 1,
    QEMU_CLOCK_HOST = 2,
    QEMU_CLOCK_MAX
} QEMUClockType;

typedef void QEMUTimerCB(void *opaque);

typedef struct QEMUTimer QEMUTimer;

/*
 * QEMUTimer: public so that devices can embed one (timer_init_ns); treat
 * the fields as private.
 */
struct QEMUTimer {
    int64_t expire_time;        /* in ns; -1 when not pending */
    QEMUClockType type;
    QEMUTimerCB *cb;
    void *opaque;
    int scale;
    QEMUTimer *next;
    uint64_t fired_gen;
};

/** The largest icount shift accepted (as QEMU's MAX_ICOUNT_SHIFT). */
#define MAX_ICOUNT_SHIFT 10

/**
 * qemu_clock_get_ns: the current time of clock @type, in nanoseconds.
 */
int64_t qemu_clock_get_ns(QEMUClockType type);

/** qemu_clock_get_us: as qemu_clock_get_ns(), in microseconds. */
int64_t qemu_clock_get_us(QEMUClockType type);

/** qemu_clock_get_ms: as qemu_clock_get_ns(), in milliseconds. */
int64_t qemu_clock_get_ms(QEMUClockType type);

/** get_clock: host monotonic time in ns (QEMU_CLOCK_REALTIME). */
int64_t get_clock(void);

/** get_clock_realtime: host wall-clock time in ns (QEMU_CLOCK_HOST). */
int64_t get_clock_realtime(void);

/**
 * cpu_enable_ticks: let the virtual clock run (vm_start calls this).
 * Idempotent.
 */
void cpu_enable_ticks(void);

/**
 * cpu_disable_ticks: stop the virtual clock where it is (vm_stop calls
 * this).  Idempotent.
 */
void cpu_disable_ticks(void);

/** cpu_ticks_enabled: true while the virtual clock runs. */
bool cpu_ticks_enabled(void);

/**
 * icount_configure: switch the virtual clock to deterministic mode, one
 * instruction = 2^@shift ns.  Virtual time restarts at 0.
 * @shift: 0..MAX_ICOUNT_SHIFT.
 * Returns: false with @errp set when @shift is out of range.
 */
bool icount_configure(int shift, Error **errp);

/**
 * icount_disable: back to host-time mode (virtual time restarts at 0,
 * ticks disabled).  For tests and for a board torn down and rebuilt.
 */
void icount_disable(void);

/** icount_enabled: true in deterministic mode. */
bool icount_enabled(void);

/** icount_get_shift: the configured shift (0 when not enabled). */
int icount_get_shift(void);

/**
 * icount_advance: account @insns executed instructions (deterministic
 * mode; ignored otherwise).  The run loop calls this after each slice.
 */
void icount_advance(int64_t insns);

/** icount_get_raw: instructions accounted so far. */
int64_t icount_get_raw(void);

/** icount_to_ns: @insns instructions in virtual nanoseconds. */
int64_t icount_to_ns(int64_t insns);

/**
 * qemu_clock_advance_virtual_time: in deterministic mode, move virtual
 * time forward to @dest (ns), running every virtual timer that falls due
 * on the way at its own deadline, in order (QEMU's function of the same
 * name, used by qtest's clock_step and by the run loop when all harts
 * sleep).  @dest before the current time is ignored.
 * Returns: the virtual time afterwards.  In host-time mode it does not
 * move the clock and returns the current virtual time.
 */
int64_t qemu_clock_advance_virtual_time(int64_t dest);

/**
 * timer_init: initialise an embedded timer.
 * @ts: the timer; @type: its clock; @scale: SCALE_NS/US/MS, the unit of
 * timer_mod()'s argument; @cb, @opaque: called when it expires.
 */
void timer_init(QEMUTimer *ts, QEMUClockType type, int scale,
                QEMUTimerCB *cb, void *opaque);

/** timer_init_ns: timer_init() with SCALE_NS. */
static inline void timer_init_ns(QEMUTimer *ts, QEMUClockType type,
                                 QEMUTimerCB *cb, void *opaque)
{
    timer_init(ts, type, SCALE_NS, cb, opaque);
}

/** timer_init_us: timer_init() with SCALE_US. */
static inline void timer_init_us(QEMUTimer *ts, QEMUClockType type,
                                 QEMUTimerCB *cb, void *opaque)
{
    timer_init(ts, type, SCALE_US, cb, opaque);
}

/** timer_init_ms: timer_init() with SCALE_MS. */
static inline void timer_init_ms(QEMUTimer *ts, QEMUClockType type,
                                 QEMUTimerCB *cb, void *opaque)
{
    timer_init(ts, type, SCALE_MS, cb, opaque);
}

/**
 * timer_new: allocate and initialise a timer; free with timer_free().
 */
QEMUTimer *timer_new(QEMUClockType type, int scale, QEMUTimerCB *cb,
                     void *opaque);

/** timer_new_ns: timer_new() with SCALE_NS. */
static inline QEMUTimer *timer_new_ns(QEMUClockType type, QEMUTimerCB *cb,
                                      void *opaque)
{
    return timer_new(type, SCALE_NS, cb, opaque);
}

/** timer_new_us: timer_new() with SCALE_US. */
static inline QEMUTimer *timer_new_us(QEMUClockType type, QEMUTimerCB *cb,
                                      void *opaque)
{
    return timer_new(type, SCALE_US, cb, opaque);
}

/** timer_new_ms: timer_new() with SCALE_MS. */
static inline QEMUTimer *timer_new_ms(QEMUClockType type, QEMUTimerCB *cb,
                                      void *opaque)
{
    return timer_new(type, SCALE_MS, cb, opaque);
}

/**
 * timer_deinit: undo timer_init() (deletes the timer if pending).
 */
void timer_deinit(QEMUTimer *ts);

/** timer_free: delete and free a timer from timer_new(); NULL is fine. */
void timer_free(QEMUTimer *ts);

/**
 * timer_mod: (re)arm @ts to expire at @expire_time, in the timer's scale,
 * on its clock (absolute time).  A time already past fires at the next
 * qemu_clock_run_timers().
 */
void timer_mod(QEMUTimer *ts, int64_t expire_time);

/** timer_mod_ns: timer_mod() with @expire_time in nanoseconds. */
void timer_mod_ns(QEMUTimer *ts, int64_t expire_time);

/**
 * timer_mod_anticipate: as timer_mod(), but only if @ts is not pending
 * or @expire_time is earlier than its current deadline.
 */
void timer_mod_anticipate(QEMUTimer *ts, int64_t expire_time);

/** timer_mod_anticipate_ns: timer_mod_anticipate() in nanoseconds. */
void timer_mod_anticipate_ns(QEMUTimer *ts, int64_t expire_time);

/** timer_del: disarm @ts; no effect if not pending. */
void timer_del(QEMUTimer *ts);

/** timer_pending: true if @ts is armed. */
bool timer_pending(QEMUTimer *ts);

/**
 * timer_expired: true if @ts is armed and due at @current_time (in the
 * timer's scale).
 */
bool timer_expired(QEMUTimer *ts, int64_t current_time);

/** timer_expire_time_ns: the deadline of @ts in ns, or -1 if not armed. */
int64_t timer_expire_time_ns(QEMUTimer *ts);

/**
 * qemu_clock_deadline_ns_all: nanoseconds from now until the first timer
 * of clock @type expires: 0 if one is already due, -1 if none is armed.
 * For the virtual clock this is virtual time.
 */
int64_t qemu_clock_deadline_ns_all(QEMUClockType type);

/**
 * qemu_clock_first_deadline_ns: the absolute deadline of the first timer
 * of clock @type, or -1 if none (qomu addition; the run loop in
 * deterministic mode passes it to qemu_clock_advance_virtual_time()).
 */
int64_t qemu_clock_first_deadline_ns(QEMUClockType type);

/**
 * qemu_clock_run_timers: run the callbacks of the timers of @type that
 * are due now, in deadline order.  A timer re-armed by its own callback
 * for a time that is already due runs again at the next call, not in a
 * loop within this one.
 * Returns: true if any callback ran.
 */
bool qemu_clock_run_timers(QEMUClockType type);

/** qemu_clock_run_all_timers: run due timers of every clock. */
bool qemu_clock_run_all_timers(void);

/**
 * qemu_soonest_timeout: the smaller of two timeouts where -1 means
 * "infinite".
 */
static inline int64_t qemu_soonest_timeout(int64_t timeout1,
                                           int64_t timeout2)
{
    /* Casting -1 to unsigned makes it the largest value. */
    return ((uint64_t)timeout1 < (uint64_t)timeout2) ? timeout1 : timeout2;
}

/**
 * qemu_timer_set_notify_cb: @cb is called when a timer becomes the first
 * of its clock, so that a blocking wait can recompute its timeout (the
 * main loop installs qemu_notify_event here).
 */
void qemu_timer_set_notify_cb(void (*cb)(void *opaque, QEMUClockType type),
                              void *opaque);

#endif /* QOMU_TIMER_H */

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Clocks and timers: QEMU_CLOCK_REALTIME / VIRTUAL / HOST, sorted timer
 * lists per clock, and the deterministic (instruction-counted) virtual
 * clock.  See include/qomu/timer.h and docs/devel/main-loop.md.
 */
#include "qomu/osdep.h"
#include "qomu/timer.h"

#include <time.h>

typedef struct QEMUClock {
    QEMUTimer *active_timers;   /* sorted by expire_time */
} QEMUClock;

static QEMUClock qemu_clocks[QEMU_CLOCK_MAX];

/* Incremented on each qemu_clock_run_timers() pass. */
static uint64_t run_gen;

static void (*notify_cb)(void *opaque, QEMUClockType type);
static void *notify_opaque;

/*
 * Host-time mode: while ticks are enabled, virtual = get_clock() +
 * cpu_clock_offset; while disabled, virtual = cpu_clock_offset.
 */
static bool ticks_enabled;
static int64_t cpu_clock_offset;

/* Deterministic mode: virtual = (icount << icount_shift) + icount_bias. */
static bool icount_on;
static int icount_shift;
static int64_t icount_insns;
static int64_t icount_bias;

int64_t get_clock(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * NANOSECONDS_PER_SECOND + ts.tv_nsec;
}

int64_t get_clock_realtime(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_REALTIME, &ts);
    return ts.tv_sec * NANOSECONDS_PER_SECOND + ts.tv_nsec;
}

static int64_t cpu_get_clock(void)
{
    if (icount_on) {
        return (icount_insns << icount_shift) + icount_bias;
    }
    return ticks_enabled ? get_clock() + cpu_clock_offset : cpu_clock_offset;
}

int64_t qemu_clock_get_ns(QEMUClockType type)
{
    switch (type) {
    case QEMU_CLOCK_REALTIME:
        return get_clock();
    case QEMU_CLOCK_VIRTUAL:
        return cpu_get_clock();
    case QEMU_CLOCK_HOST:
        return get_clock_realtime();
    default:
        g_assert_not_reached();
    }
}

int64_t qemu_clock_get_us(QEMUClockType type)
{
    return qemu_clock_get_ns(type) / SCALE_US;
}

int64_t qemu_clock_get_ms(QEMUClockType type)
{
    return qemu_clock_get_ns(type) / SCALE_MS;
}

void cpu_enable_ticks(void)
{
    if (!ticks_enabled) {
        if (!icount_on) {
            cpu_clock_offset -= get_clock();
        }
        ticks_enabled = true;
    }
}

void cpu_disable_ticks(void)
{
    if (ticks_enabled) {
        if (!icount_on) {
            cpu_clock_offset = cpu_get_clock();
        }
        ticks_enabled = false;
    }
}

bool cpu_ticks_enabled(void)
{
    return ticks_enabled;
}

bool icount_configure(int shift, Error **errp)
{
    if (shift < 0 || shift > MAX_ICOUNT_SHIFT) {
        error_setg(errp, "icount shift %d out of range (expected 0..%d)",
                   shift, MAX_ICOUNT_SHIFT);
        return false;
    }
    icount_on = true;
    icount_shift = shift;
    icount_insns = 0;
    icount_bias = 0;
    return true;
}

void icount_disable(void)
{
    icount_on = false;
    icount_shift = 0;
    icount_insns = 0;
    icount_bias = 0;
    ticks_enabled = false;
    cpu_clock_offset = 0;
}

bool icount_enabled(void)
{
    return icount_on;
}

int icount_get_shift(void)
{
    return icount_on ? icount_shift : 0;
}

void icount_advance(int64_t insns)
{
    if (icount_on && insns > 0) {
        icount_insns += insns;
    }
}

int64_t icount_get_raw(void)
{
    return icount_insns;
}

int64_t icount_to_ns(int64_t insns)
{
    return insns << icount_shift;
}

int64_t qemu_clock_advance_virtual_time(int64_t dest)
{
    int64_t now;

    if (!icount_on) {
        return cpu_get_clock();
    }
    for (;;) {
        int64_t deadline = qemu_clock_first_deadline_ns(QEMU_CLOCK_VIRTUAL);

        now = cpu_get_clock();
        if (deadline < 0 || deadline > dest) {
            break;
        }
        if (deadline > now) {
            icount_bias += deadline - now;
        }
        qemu_clock_run_timers(QEMU_CLOCK_VIRTUAL);
        deadline = qemu_clock_first_deadline_ns(QEMU_CLOCK_VIRTUAL);
        if (deadline >= 0 && deadline <= cpu_get_clock()) {
            /*
             * A callback re-armed a timer for a time already reached:
             * leave it to the next pass of the main loop rather than
             * spin here.
             */
            return cpu_get_clock();
        }
    }
    now = cpu_get_clock();
    if (dest > now) {
        icount_bias += dest - now;
    }
    return cpu_get_clock();
}

void qemu_timer_set_notify_cb(void (*cb)(void *opaque, QEMUClockType type),
                              void *opaque)
{
    notify_cb = cb;
    notify_opaque = opaque;
}

void timer_init(QEMUTimer *ts, QEMUClockType type, int scale,
                QEMUTimerCB *cb, void *opaque)
{
    g_assert(type >= 0 && type < QEMU_CLOCK_MAX);
    ts->expire_time = -1;
    ts->type = type;
    ts->scale = scale;
    ts->cb = cb;
    ts->opaque = opaque;
    ts->next = NULL;
    ts->fired_gen = 0;
}

QEMUTimer *timer_new(QEMUClockType type, int scale, QEMUTimerCB *cb,
                     void *opaque)
{
    QEMUTimer *ts = g_new0(QEMUTimer, 1);

    timer_init(ts, type, scale, cb, opaque);
    return ts;
}

void timer_del(QEMUTimer *ts)
{
    QEMUTimer **pt;

    if (ts->expire_time < 0) {
        return;
    }
    for (pt = &qemu_clocks[ts->type].active_timers; *pt; pt = &(*pt)->next) {
        if (*pt == ts) {
            *pt = ts->next;
            break;
        }
    }
    ts->next = NULL;
    ts->expire_time = -1;
}

void timer_deinit(QEMUTimer *ts)
{
    timer_del(ts);
    ts->cb = NULL;
    ts->opaque = NULL;
}

void timer_free(QEMUTimer *ts)
{
    if (ts) {
        timer_del(ts);
        g_free(ts);
    }
}

void timer_mod_ns(QEMUTimer *ts, int64_t expire_time)
{
    QEMUClock *clock = &qemu_clocks[ts->type];
    QEMUTimer **pt;

    timer_del(ts);
    if (expire_time < 0) {
        expire_time = 0;
    }
    /* Insert after every timer with an earlier or equal deadline. */
    for (pt = &clock->active_timers; *pt; pt = &(*pt)->next) {
        if ((*pt)->expire_time > expire_time) {
            break;
        }
    }
    ts->expire_time = expire_time;
    ts->next = *pt;
    *pt = ts;
    if (pt == &clock->active_timers && notify_cb) {
        notify_cb(notify_opaque, ts->type);
    }
}

void timer_mod(QEMUTimer *ts, int64_t expire_time)
{
    int64_t ns;

    if (expire_time > INT64_MAX / ts->scale) {
        ns = INT64_MAX;
    } else {
        ns = expire_time * ts->scale;
    }
    timer_mod_ns(ts, ns);
}

void timer_mod_anticipate_ns(QEMUTimer *ts, int64_t expire_time)
{
    if (ts->expire_time < 0 || expire_time < ts->expire_time) {
        timer_mod_ns(ts, expire_time);
    }
}

void timer_mod_anticipate(QEMUTimer *ts, int64_t expire_time)
{
    if (expire_time > INT64_MAX / ts->scale) {
        timer_mod_anticipate_ns(ts, INT64_MAX);
    } else {
        timer_mod_anticipate_ns(ts, expire_time * ts->scale);
    }
}

bool timer_pending(QEMUTimer *ts)
{
    return ts->expire_time >= 0;
}

bool timer_expired(QEMUTimer *ts, int64_t current_time)
{
    return timer_pending(ts) && ts->expire_time <= current_time * ts->scale;
}

int64_t timer_expire_time_ns(QEMUTimer *ts)
{
    return ts->expire_time;
}

int64_t qemu_clock_first_deadline_ns(QEMUClockType type)
{
    QEMUTimer *first = qemu_clocks[type].active_timers;

    return first ? first->expire_time : -1;
}

int64_t qemu_clock_deadline_ns_all(QEMUClockType type)
{
    int64_t deadline = qemu_clock_first_deadline_ns(type);
    int64_t now;

    if (deadline < 0) {
        return -1;
    }
    now = qemu_clock_get_ns(type);
    return deadline > now ? deadline - now : 0;
}

bool qemu_clock_run_timers(QEMUClockType type)
{
    QEMUClock *clock = &qemu_clocks[type];
    int64_t now = qemu_clock_get_ns(type);
    uint64_t gen = ++run_gen;
    bool progress = false;

    for (;;) {
        QEMUTimer *ts = clock->active_timers;

        if (!ts || ts->expire_time > now || ts->fired_gen == gen) {
            break;
        }
        clock->active_timers = ts->next;
        ts->next = NULL;
        ts->expire_time = -1;
        ts->fired_gen = gen;
        if (ts->cb) {
            ts->cb(ts->opaque);
        }
        progress = true;
    }
    return progress;
}

bool qemu_clock_run_all_timers(void)
{
    bool progress = false;
    int type;

    for (type = 0; type < QEMU_CLOCK_MAX; type++) {
        progress |= qemu_clock_run_timers(type);
    }
    return progress;
}

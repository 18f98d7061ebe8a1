/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit tests for clocks and timers (util/qemu-timer.c).
 */
#include "qomu/osdep.h"
#include "qomu/timer.h"

typedef struct FireLog {
    GString *order;
    int64_t when[8];
    int count;
} FireLog;

typedef struct TimerCase {
    FireLog *log;
    char name;
} TimerCase;

static void log_fire(void *opaque)
{
    TimerCase *tc = opaque;

    g_string_append_c(tc->log->order, tc->name);
    if (tc->log->count < (int)ARRAY_SIZE(tc->log->when)) {
        tc->log->when[tc->log->count] =
            qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    }
    tc->log->count++;
}

static void test_virtual_stops_when_stopped(void)
{
    int64_t t0, t1, t2, t3;

    icount_disable();
    g_assert_cmpint(qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL), ==, 0);
    g_usleep(2000);
    g_assert_cmpint(qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL), ==, 0);

    cpu_enable_ticks();
    t0 = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    g_usleep(5000);
    t1 = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    g_assert_cmpint(t1 - t0, >=, 5000 * SCALE_US);

    cpu_disable_ticks();
    t2 = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    g_usleep(300 * 1000);
    g_assert_cmpint(qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL), ==, t2);
    g_assert_false(cpu_ticks_enabled());

    /* Resumes from where it stopped: the 300 ms stopped do not count. */
    cpu_enable_ticks();
    t3 = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    g_assert_cmpint(t3, >=, t2);
    g_assert_cmpint(t3 - t2, <, 150 * SCALE_MS);
    g_usleep(2000);
    g_assert_cmpint(qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL), >, t3);
    cpu_disable_ticks();
    icount_disable();
}

static void test_realtime_runs(void)
{
    int64_t a = qemu_clock_get_ns(QEMU_CLOCK_REALTIME);
    int64_t ms = qemu_clock_get_ms(QEMU_CLOCK_HOST);

    g_usleep(1000);
    g_assert_cmpint(qemu_clock_get_ns(QEMU_CLOCK_REALTIME) - a, >=,
                    1000 * SCALE_US);
    /* Wall clock: after 2020-01-01. */
    g_assert_cmpint(ms, >, 1577836800000LL);
    g_assert_cmpint(qemu_clock_get_us(QEMU_CLOCK_REALTIME), >=, a / 1000);
}

static void test_deadline_order(void)
{
    FireLog log = { .order = g_string_new("") };
    TimerCase a = { &log, 'a' }, b = { &log, 'b' }, c = { &log, 'c' };
    TimerCase d = { &log, 'd' };
    QEMUTimer *ta, *tb, *tc, *td;

    g_assert_true(icount_configure(0, &error_abort));
    ta = timer_new_ns(QEMU_CLOCK_VIRTUAL, log_fire, &a);
    tb = timer_new_us(QEMU_CLOCK_VIRTUAL, log_fire, &b);
    tc = timer_new_ns(QEMU_CLOCK_VIRTUAL, log_fire, &c);
    td = timer_new_ms(QEMU_CLOCK_VIRTUAL, log_fire, &d);

    timer_mod(ta, 300);
    timer_mod(tb, 1);           /* 1000 ns */
    timer_mod(tc, 100);
    timer_mod(td, 1);           /* 1 ms */
    g_assert_cmpint(timer_expire_time_ns(tb), ==, 1000);
    g_assert_cmpint(timer_expire_time_ns(td), ==, SCALE_MS);
    g_assert_cmpint(qemu_clock_deadline_ns_all(QEMU_CLOCK_VIRTUAL), ==, 100);

    /* Nothing due at time 0. */
    g_assert_false(qemu_clock_run_timers(QEMU_CLOCK_VIRTUAL));
    g_assert_cmpstr(log.order->str, ==, "");

    /* Running them all at once still goes in deadline order. */
    icount_advance(5000);
    g_assert_cmpint(qemu_clock_deadline_ns_all(QEMU_CLOCK_VIRTUAL), ==, 0);
    g_assert_true(qemu_clock_run_timers(QEMU_CLOCK_VIRTUAL));
    g_assert_cmpstr(log.order->str, ==, "cab");
    g_assert_false(timer_pending(ta));
    g_assert_true(timer_pending(td));
    g_assert_cmpint(timer_expire_time_ns(ta), ==, -1);

    /* Equal deadlines fire in arming order. */
    g_string_truncate(log.order, 0);
    timer_mod_ns(tb, 7000);
    timer_mod_ns(ta, 7000);
    timer_mod_ns(tc, 7000);
    icount_advance(2000);
    qemu_clock_run_timers(QEMU_CLOCK_VIRTUAL);
    g_assert_cmpstr(log.order->str, ==, "bac");

    timer_free(ta);
    timer_free(tb);
    timer_free(tc);
    timer_free(td);
    g_string_free(log.order, true);
    icount_disable();
}

static void test_timer_del(void)
{
    FireLog log = { .order = g_string_new("") };
    TimerCase a = { &log, 'a' }, b = { &log, 'b' };
    QEMUTimer ta, tb;

    g_assert_true(icount_configure(0, &error_abort));
    timer_init_ns(&ta, QEMU_CLOCK_VIRTUAL, log_fire, &a);
    timer_init_ns(&tb, QEMU_CLOCK_VIRTUAL, log_fire, &b);
    timer_mod(&ta, 10);
    timer_mod(&tb, 20);
    g_assert_true(timer_pending(&ta));
    timer_del(&ta);
    g_assert_false(timer_pending(&ta));
    timer_del(&ta);         /* twice is harmless */
    g_assert_cmpint(qemu_clock_first_deadline_ns(QEMU_CLOCK_VIRTUAL), ==, 20);
    icount_advance(100);
    qemu_clock_run_timers(QEMU_CLOCK_VIRTUAL);
    g_assert_cmpstr(log.order->str, ==, "b");
    g_assert_cmpint(qemu_clock_deadline_ns_all(QEMU_CLOCK_VIRTUAL), ==, -1);

    /* Re-arming a pending timer moves it. */
    timer_mod(&ta, 500);
    timer_mod(&ta, 200);
    g_assert_cmpint(timer_expire_time_ns(&ta), ==, 200);
    g_assert_true(timer_expired(&ta, 200));
    g_assert_false(timer_expired(&ta, 199));

    /* timer_mod_anticipate only moves a deadline earlier. */
    timer_mod_anticipate(&ta, 300);
    g_assert_cmpint(timer_expire_time_ns(&ta), ==, 200);
    timer_mod_anticipate(&ta, 150);
    g_assert_cmpint(timer_expire_time_ns(&ta), ==, 150);
    timer_deinit(&ta);
    g_assert_false(timer_pending(&ta));
    timer_mod_anticipate(&tb, 400);
    g_assert_cmpint(timer_expire_time_ns(&tb), ==, 400);
    timer_deinit(&tb);
    g_assert_cmpint(qemu_clock_deadline_ns_all(QEMU_CLOCK_VIRTUAL), ==, -1);
    g_string_free(log.order, true);
    icount_disable();
}

typedef struct Periodic {
    QEMUTimer *t;
    int64_t period;
    int64_t fired_at[16];
    int n;
} Periodic;

static void periodic_cb(void *opaque)
{
    Periodic *p = opaque;
    int64_t now = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);

    if (p->n < (int)ARRAY_SIZE(p->fired_at)) {
        p->fired_at[p->n] = now;
    }
    p->n++;
    timer_mod_ns(p->t, now + p->period);
}

static void test_deterministic(void)
{
    Periodic p = { .period = 1000 };
    Error *err = NULL;

    g_assert_false(icount_configure(MAX_ICOUNT_SHIFT + 1, &err));
    g_assert_nonnull(err);
    g_assert_nonnull(strstr(error_get_pretty(err), "out of range"));
    error_free(err);

    g_assert_true(icount_configure(3, &error_abort));
    g_assert_true(icount_enabled());
    g_assert_cmpint(icount_get_shift(), ==, 3);
    g_assert_cmpint(qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL), ==, 0);

    /* Host time does not enter virtual time, ticks or not. */
    cpu_enable_ticks();
    g_usleep(2000);
    g_assert_cmpint(qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL), ==, 0);

    icount_advance(100);
    g_assert_cmpint(icount_get_raw(), ==, 100);
    g_assert_cmpint(qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL), ==, 800);
    g_assert_cmpint(icount_to_ns(5), ==, 40);

    /* Stepping the clock fires a periodic timer at each exact deadline. */
    p.t = timer_new_ns(QEMU_CLOCK_VIRTUAL, periodic_cb, &p);
    timer_mod_ns(p.t, 1000);
    g_assert_cmpint(qemu_clock_advance_virtual_time(4500), ==, 4500);
    g_assert_cmpint(p.n, ==, 4);
    g_assert_cmpint(p.fired_at[0], ==, 1000);
    g_assert_cmpint(p.fired_at[1], ==, 2000);
    g_assert_cmpint(p.fired_at[2], ==, 3000);
    g_assert_cmpint(p.fired_at[3], ==, 4000);
    g_assert_cmpint(qemu_clock_deadline_ns_all(QEMU_CLOCK_VIRTUAL), ==, 500);

    /* Going backwards is ignored. */
    g_assert_cmpint(qemu_clock_advance_virtual_time(10), ==, 4500);

    /* Instructions and steps add up: 4500 + 100 << 3. */
    icount_advance(100);
    g_assert_cmpint(qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL), ==, 5300);
    g_assert_true(qemu_clock_run_timers(QEMU_CLOCK_VIRTUAL));
    g_assert_cmpint(p.n, ==, 5);
    g_assert_cmpint(p.fired_at[4], ==, 5300);
    g_assert_cmpint(timer_expire_time_ns(p.t), ==, 6300);

    timer_free(p.t);
    cpu_disable_ticks();
    icount_disable();
    g_assert_false(icount_enabled());
}

static void rearm_now_cb(void *opaque)
{
    Periodic *p = opaque;

    p->n++;
    timer_mod_ns(p->t, qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL));
}

static void test_rearm_no_spin(void)
{
    Periodic p = { 0 };

    g_assert_true(icount_configure(0, &error_abort));
    p.t = timer_new_ns(QEMU_CLOCK_VIRTUAL, rearm_now_cb, &p);
    timer_mod_ns(p.t, 0);
    g_assert_true(qemu_clock_run_timers(QEMU_CLOCK_VIRTUAL));
    g_assert_cmpint(p.n, ==, 1);
    g_assert_true(qemu_clock_run_timers(QEMU_CLOCK_VIRTUAL));
    g_assert_cmpint(p.n, ==, 2);
    qemu_clock_advance_virtual_time(100);
    g_assert_cmpint(p.n, ==, 3);
    timer_free(p.t);
    icount_disable();
}

static void test_realtime_timer(void)
{
    FireLog log = { .order = g_string_new("") };
    TimerCase a = { &log, 'a' };
    QEMUTimer *t = timer_new_ms(QEMU_CLOCK_REALTIME, log_fire, &a);
    int64_t deadline;

    timer_mod(t, qemu_clock_get_ms(QEMU_CLOCK_REALTIME) + 5);
    deadline = qemu_clock_deadline_ns_all(QEMU_CLOCK_REALTIME);
    g_assert_cmpint(deadline, >, 0);
    g_assert_cmpint(deadline, <=, 5 * SCALE_MS);
    g_assert_false(qemu_clock_run_timers(QEMU_CLOCK_REALTIME));
    g_usleep(6000);
    g_assert_true(qemu_clock_run_all_timers());
    g_assert_cmpstr(log.order->str, ==, "a");
    timer_free(t);
    timer_free(NULL);
    g_string_free(log.order, true);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/timer/virtual/stops-when-stopped",
                    test_virtual_stops_when_stopped);
    g_test_add_func("/timer/realtime/runs", test_realtime_runs);
    g_test_add_func("/timer/order/deadline", test_deadline_order);
    g_test_add_func("/timer/del", test_timer_del);
    g_test_add_func("/timer/icount/deterministic", test_deterministic);
    g_test_add_func("/timer/icount/rearm-no-spin", test_rearm_no_spin);
    g_test_add_func("/timer/realtime/fires", test_realtime_timer);
    return g_test_run();
}

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit tests for the main loop (system/main-loop.c): bottom halves, fd
 * handlers, timers run by the loop, wakeups.
 */
#include "qomu/osdep.h"
#include "qomu/timer.h"
#include "system/main-loop.h"
#include "system/runstate.h"

#include <signal.h>

#include <unistd.h>

typedef struct Counter {
    int n;
    QEMUBH *bh;
    GString *trace;
    char name;
} Counter;

static void count_cb(void *opaque)
{
    Counter *c = opaque;

    c->n++;
    if (c->trace) {
        g_string_append_c(c->trace, c->name);
    }
}

static void self_reschedule_cb(void *opaque)
{
    Counter *c = opaque;

    c->n++;
    if (c->n < 3) {
        qemu_bh_schedule(c->bh);
    }
}

static void self_delete_cb(void *opaque)
{
    Counter *c = opaque;

    c->n++;
    qemu_bh_delete(c->bh);
    c->bh = NULL;
}

static void test_bh(void)
{
    GString *trace = g_string_new("");
    Counter a = { .trace = trace, .name = 'a' };
    Counter b = { .trace = trace, .name = 'b' };
    Counter r = { 0 }, d = { 0 };
    QEMUBH *bha = qemu_bh_new(count_cb, &a);
    QEMUBH *bhb = qemu_bh_new(count_cb, &b);

    /* Not scheduled: nothing runs. */
    main_loop_wait(true);
    g_assert_cmpint(a.n, ==, 0);

    /* Scheduling twice runs once; in scheduling order. */
    qemu_bh_schedule(bhb);
    qemu_bh_schedule(bha);
    qemu_bh_schedule(bhb);
    main_loop_wait(false);          /* must not block: work is pending */
    g_assert_cmpint(a.n, ==, 1);
    g_assert_cmpint(b.n, ==, 1);
    g_assert_cmpstr(trace->str, ==, "ba");

    /* Cancel. */
    qemu_bh_schedule(bha);
    qemu_bh_cancel(bha);
    main_loop_wait(true);
    g_assert_cmpint(a.n, ==, 1);

    /* A bottom half scheduling itself runs once per pass. */
    r.bh = qemu_bh_new(self_reschedule_cb, &r);
    qemu_bh_schedule(r.bh);
    g_assert_true(qemu_bh_poll());
    g_assert_cmpint(r.n, ==, 1);
    g_assert_true(qemu_bh_poll());
    g_assert_cmpint(r.n, ==, 2);
    main_loop_wait(false);
    g_assert_cmpint(r.n, ==, 3);
    g_assert_false(qemu_bh_poll());

    /* Deleting itself from its callback, and deleting while scheduled. */
    d.bh = qemu_bh_new(self_delete_cb, &d);
    qemu_bh_schedule(d.bh);
    main_loop_wait(true);
    g_assert_cmpint(d.n, ==, 1);
    g_assert_null(d.bh);
    qemu_bh_schedule(bhb);
    qemu_bh_delete(bhb);
    main_loop_wait(true);
    g_assert_cmpint(b.n, ==, 1);

    /* One-shot. */
    qemu_bh_schedule_oneshot(count_cb, &a);
    main_loop_wait(true);
    main_loop_wait(true);
    g_assert_cmpint(a.n, ==, 2);

    qemu_bh_delete(bha);
    qemu_bh_delete(r.bh);
    qemu_bh_delete(NULL);
    g_string_free(trace, true);
}

typedef struct FdTest {
    int fds[2];
    char buf[16];
    int nread;
    int nwrite;
} FdTest;

static void fd_read_cb(void *opaque)
{
    FdTest *t = opaque;
    ssize_t n = read(t->fds[0], t->buf + t->nread,
                     sizeof(t->buf) - 1 - t->nread);

    if (n > 0) {
        t->nread += n;
    }
}

static void fd_write_cb(void *opaque)
{
    FdTest *t = opaque;

    t->nwrite++;
    /* Writable once is enough: stop watching. */
    qemu_set_fd_handler(t->fds[1], NULL, NULL, NULL);
}

static void test_fd_handler(void)
{
    FdTest t = { 0 };
    int64_t start;

    g_assert_cmpint(pipe(t.fds), ==, 0);
    qemu_set_fd_handler(t.fds[0], fd_read_cb, NULL, &t);

    /*
     * Nothing to read: a timed wait returns after the timeout (once the
     * wakeup that qemu_set_fd_handler() posted has been consumed).
     */
    main_loop_wait(true);
    start = get_clock();
    main_loop_wait_timeout(10 * SCALE_MS);
    g_assert_cmpint(get_clock() - start, >=, 9 * SCALE_MS);
    g_assert_cmpint(t.nread, ==, 0);

    g_assert_cmpint(write(t.fds[1], "hi", 2), ==, 2);
    main_loop_wait(false);
    g_assert_cmpint(t.nread, ==, 2);
    g_assert_cmpstr(t.buf, ==, "hi");

    qemu_set_fd_handler(t.fds[1], NULL, fd_write_cb, &t);
    main_loop_wait(false);
    g_assert_cmpint(t.nwrite, ==, 1);
    main_loop_wait(true);
    g_assert_cmpint(t.nwrite, ==, 1);

    /* Removed handlers no longer fire. */
    qemu_set_fd_handler(t.fds[0], NULL, NULL, NULL);
    g_assert_cmpint(write(t.fds[1], "x", 1), ==, 1);
    main_loop_wait(true);
    g_assert_cmpint(t.nread, ==, 2);

    close(t.fds[0]);
    close(t.fds[1]);
}

static void test_timers_in_loop(void)
{
    GString *trace = g_string_new("");
    Counter rt = { .trace = trace, .name = 'r' };
    Counter vt = { .trace = trace, .name = 'v' };
    QEMUTimer *trt = timer_new_ms(QEMU_CLOCK_REALTIME, count_cb, &rt);
    QEMUTimer *tvt = timer_new_ms(QEMU_CLOCK_VIRTUAL, count_cb, &vt);
    int64_t start = get_clock();

    icount_disable();
    /* A blocking wait sleeps until the realtime deadline, then runs it. */
    timer_mod(trt, qemu_clock_get_ms(QEMU_CLOCK_REALTIME) + 20);
    while (rt.n == 0) {
        main_loop_wait(false);
    }
    g_assert_cmpint(get_clock() - start, >=, 19 * SCALE_MS);

    /* A virtual timer does not fire while the VM is stopped... */
    timer_mod(tvt, 5);
    main_loop_wait(true);
    start = get_clock();
    main_loop_wait_timeout(20 * SCALE_MS);
    g_assert_cmpint(get_clock() - start, >=, 19 * SCALE_MS);
    g_assert_cmpint(vt.n, ==, 0);

    /* ...and wakes a blocking wait at its deadline once ticks run. */
    cpu_enable_ticks();
    while (vt.n == 0) {
        main_loop_wait(false);
    }
    g_assert_cmpint(qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL), >=, 5 * SCALE_MS);
    cpu_disable_ticks();
    g_assert_cmpstr(trace->str, ==, "rv");

    timer_free(trt);
    timer_free(tvt);
    g_string_free(trace, true);
    icount_disable();
}

static gpointer notify_thread(gpointer data)
{
    g_usleep(20000);
    qemu_notify_event();
    return NULL;
}

static void test_notify(void)
{
    GThread *th;
    int64_t start = get_clock();

    th = g_thread_new("notify", notify_thread, NULL);
    /* Would sleep 10 s without the wakeup. */
    main_loop_wait_timeout(10 * NANOSECONDS_PER_SECOND);
    g_assert_cmpint(get_clock() - start, <, 5 * NANOSECONDS_PER_SECOND);
    g_thread_join(th);
}

static gboolean glib_source_cb(gpointer data)
{
    (*(int *)data)++;
    return G_SOURCE_REMOVE;
}

static void test_glib_sources(void)
{
    int hits = 0;

    /* Plain GLib sources on the default context are dispatched too. */
    g_idle_add(glib_source_cb, &hits);
    main_loop_wait(false);
    g_assert_cmpint(hits, ==, 1);
    g_timeout_add(10, glib_source_cb, &hits);
    while (hits < 2) {
        main_loop_wait(false);
    }
    g_assert_cmpint(hits, ==, 2);
}

typedef struct StateLog {
    GString *s;
} StateLog;

static void state_cb_a(void *opaque, bool running, RunState state)
{
    StateLog *l = opaque;

    g_string_append_printf(l->s, "a%d:%s ", running, RunState_str(state));
}

static void state_cb_b(void *opaque, bool running, RunState state)
{
    StateLog *l = opaque;

    g_string_append_printf(l->s, "b%d:%s ", running, RunState_str(state));
}

static void test_runstate_start_stop(void)
{
    StateLog log = { g_string_new("") };
    VMChangeStateEntry *ea, *eb;
    int64_t t;

    runstate_cleanup();
    icount_disable();
    g_assert_true(runstate_check(RUN_STATE_PRELAUNCH));
    g_assert_false(runstate_is_running());
    ea = qemu_add_vm_change_state_handler(state_cb_a, &log);
    eb = qemu_add_vm_change_state_handler(state_cb_b, &log);

    vm_start();
    vm_start();                 /* no second notification */
    g_assert_true(runstate_is_running());
    g_assert_true(cpu_ticks_enabled());
    g_usleep(2000);
    g_assert_cmpint(qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL), >=,
                    2000 * SCALE_US);

    vm_stop(RUN_STATE_PAUSED);
    g_assert_true(runstate_check(RUN_STATE_PAUSED));
    g_assert_cmpstr(RunState_str(runstate_get()), ==, "paused");
    t = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    g_usleep(2000);
    g_assert_cmpint(qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL), ==, t);

    /* Handlers in order on start, in reverse on stop. */
    g_assert_cmpstr(log.s->str, ==,
                    "a1:running b1:running b0:paused a0:paused ");

    qemu_del_vm_change_state_handler(ea);
    vm_start();
    g_assert_cmpstr(log.s->str, ==,
                    "a1:running b1:running b0:paused a0:paused b1:running ");
    qemu_del_vm_change_state_handler(eb);

    /* A requested stop happens at the next check. */
    qemu_system_vmstop_request(RUN_STATE_DEBUG);
    g_assert_true(runstate_is_running());
    g_assert_false(main_loop_should_exit(&(int){ 0 }));
    g_assert_true(runstate_check(RUN_STATE_DEBUG));
    g_assert_false(cpu_ticks_enabled());

    g_string_free(log.s, true);
    runstate_cleanup();
    icount_disable();
}

static void kick_cb(void *opaque)
{
    (*(int *)opaque)++;
}

static void test_runstate_shutdown(void)
{
    int status = -1;
    int kicks = 0;

    runstate_cleanup();
    qemu_set_request_kick(kick_cb, &kicks);
    vm_start();
    g_assert_false(main_loop_should_exit(&status));
    g_assert_cmpint(status, ==, -1);

    /* The finisher's exit code; the first request's code wins. */
    qemu_system_shutdown_request_with_code(SHUTDOWN_CAUSE_GUEST_SHUTDOWN, 3);
    qemu_system_shutdown_request_with_code(SHUTDOWN_CAUSE_GUEST_SHUTDOWN, 7);
    g_assert_cmpint(kicks, ==, 2);
    g_assert_cmpint(qemu_shutdown_requested_get(), ==,
                    SHUTDOWN_CAUSE_GUEST_SHUTDOWN);
    g_assert_true(main_loop_should_exit(&status));
    g_assert_cmpint(status, ==, 3);
    runstate_cleanup();

    /* A plain shutdown exits 0. */
    vm_start();
    status = -1;
    qemu_system_shutdown_request(SHUTDOWN_CAUSE_HOST_QMP_QUIT);
    g_assert_true(main_loop_should_exit(&status));
    g_assert_cmpint(status, ==, 0);
    runstate_cleanup();

    /* -no-shutdown: a guest shutdown stops, a quit still exits. */
    runstate_set_no_shutdown(true);
    vm_start();
    qemu_system_shutdown_request(SHUTDOWN_CAUSE_GUEST_SHUTDOWN);
    g_assert_false(main_loop_should_exit(&status));
    g_assert_true(runstate_check(RUN_STATE_SHUTDOWN));
    g_assert_true(runstate_needs_reset());
    qemu_system_shutdown_request(SHUTDOWN_CAUSE_HOST_QMP_QUIT);
    g_assert_true(main_loop_should_exit(&status));
    runstate_cleanup();
}

static void reset_cb(void *opaque)
{
    GString *s = opaque;

    g_string_append_printf(s, "reset(%s) ", RunState_str(runstate_get()));
}

static void reset_cb2(void *opaque)
{
    g_string_append((GString *)opaque, "second ");
}

static void test_runstate_reset(void)
{
    GString *s = g_string_new("");
    int status = -1;

    runstate_cleanup();
    qemu_register_reset(reset_cb, s);
    qemu_register_reset(reset_cb2, s);
    vm_start();
    qemu_system_reset_request(SHUTDOWN_CAUSE_GUEST_RESET);
    g_assert_cmpint(qemu_reset_requested_get(), ==,
                    SHUTDOWN_CAUSE_GUEST_RESET);
    g_assert_cmpstr(s->str, ==, "");
    g_assert_false(main_loop_should_exit(&status));
    g_assert_cmpstr(s->str, ==, "reset(running) second ");
    g_assert_true(runstate_is_running());
    g_assert_true(cpu_ticks_enabled());

    /* Unregistered handlers do not run; a stopped VM waits for cont. */
    qemu_unregister_reset(reset_cb2, s);
    vm_stop(RUN_STATE_SHUTDOWN);
    qemu_system_reset_request(SHUTDOWN_CAUSE_HOST_QMP_SYSTEM_RESET);
    g_assert_false(main_loop_should_exit(&status));
    g_assert_cmpstr(s->str, ==, "reset(running) second reset(shutdown) ");
    g_assert_true(runstate_check(RUN_STATE_PRELAUNCH));

    /* -no-reboot: a guest reset shuts down. */
    runstate_set_no_reboot(true);
    vm_start();
    qemu_system_reset_request(SHUTDOWN_CAUSE_GUEST_RESET);
    g_assert_true(main_loop_should_exit(&status));
    g_assert_cmpint(status, ==, 0);
    g_assert_cmpstr(s->str, ==, "reset(running) second reset(shutdown) ");

    g_string_free(s, true);
    runstate_cleanup();
}

static void powerdown_cb(void *opaque)
{
    (*(int *)opaque)++;
}

static void test_runstate_powerdown(void)
{
    int presses = 0;
    int status = -1;

    runstate_cleanup();
    vm_start();
    qemu_register_powerdown_notifier(powerdown_cb, &presses);
    qemu_system_powerdown_request();
    g_assert_false(main_loop_should_exit(&status));
    g_assert_cmpint(presses, ==, 1);
    qemu_unregister_powerdown_notifier(powerdown_cb, &presses);

    /* No power button: the machine shuts down. */
    qemu_system_powerdown_request();
    g_assert_true(main_loop_should_exit(&status));
    g_assert_cmpint(presses, ==, 1);
    g_assert_cmpint(status, ==, 0);
    runstate_cleanup();
}

static gpointer sigterm_thread(gpointer data)
{
    g_usleep(20000);
    kill(getpid(), SIGTERM);
    return NULL;
}

static void test_runstate_signal(void)
{
    int status = -1;
    GThread *th;
    int64_t start;

    runstate_cleanup();
    os_setup_signal_handling();
    vm_start();

    /* SIGTERM becomes an orderly shutdown, and wakes a blocking wait. */
    main_loop_wait(true);
    start = get_clock();
    th = g_thread_new("sigterm", sigterm_thread, NULL);
    while (qemu_shutdown_requested_get() == SHUTDOWN_CAUSE_NONE &&
           get_clock() - start < 5 * NANOSECONDS_PER_SECOND) {
        main_loop_wait_timeout(10 * NANOSECONDS_PER_SECOND);
    }
    g_thread_join(th);
    g_assert_cmpint(get_clock() - start, <, 5 * NANOSECONDS_PER_SECOND);
    g_assert_cmpint(qemu_shutdown_requested_get(), ==,
                    SHUTDOWN_CAUSE_HOST_SIGNAL);
    g_assert_true(main_loop_should_exit(&status));
    g_assert_cmpint(status, ==, 0);
    runstate_cleanup();
    signal(SIGTERM, SIG_DFL);
    signal(SIGINT, SIG_DFL);
    signal(SIGHUP, SIG_DFL);
}

static void test_runstate_names(void)
{
    g_assert_cmpstr(RunState_str(RUN_STATE_PRELAUNCH), ==, "prelaunch");
    g_assert_cmpstr(RunState_str(RUN_STATE_RUNNING), ==, "running");
    g_assert_cmpstr(ShutdownCause_str(SHUTDOWN_CAUSE_GUEST_SHUTDOWN), ==,
                    "guest-shutdown");
    g_assert_cmpstr(ShutdownCause_str(SHUTDOWN_CAUSE_HOST_SIGNAL), ==,
                    "host-signal");
}

int main(int argc, char **argv)
{
    int ret;

    g_test_init(&argc, &argv, NULL);
    g_assert_true(qemu_init_main_loop(&error_abort));
    g_test_add_func("/main-loop/bh", test_bh);
    g_test_add_func("/main-loop/fd-handler", test_fd_handler);
    g_test_add_func("/main-loop/timers", test_timers_in_loop);
    g_test_add_func("/main-loop/notify", test_notify);
    g_test_add_func("/main-loop/glib-sources", test_glib_sources);
    g_test_add_func("/runstate/start-stop", test_runstate_start_stop);
    g_test_add_func("/runstate/shutdown", test_runstate_shutdown);
    g_test_add_func("/runstate/reset", test_runstate_reset);
    g_test_add_func("/runstate/powerdown", test_runstate_powerdown);
    g_test_add_func("/runstate/signal", test_runstate_signal);
    g_test_add_func("/runstate/names", test_runstate_names);
    ret = g_test_run();
    runstate_cleanup();
    qemu_main_loop_cleanup();
    return ret;
}

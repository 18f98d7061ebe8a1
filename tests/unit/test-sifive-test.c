/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-sifive-test: the finisher at 0x100000 driven through system memory;
 * checks the run-state requests it makes and the exit status main() gets.
 */
#include "qomu/osdep.h"
#include "qapi/error.h"
#include "qomu/log.h"
#include "qomu/module.h"
#include "hw/misc/sifive_test.h"
#include "exec/address-spaces.h"
#include "hw-test.h"
#include "system/runstate.h"

#define TEST_BASE 0x100000

static void begin(void)
{
    hwtest_begin();
    sifive_test_create(TEST_BASE);
    g_free(hwtest_log_take());
}

/* The write asks for a shutdown; main() would exit with @status. */
static void expect_exit(ShutdownCause cause, int status)
{
    int got = -1;

    g_assert_cmpint(qemu_shutdown_requested_get(), ==, cause);
    g_assert_cmpint(qemu_reset_requested_get(), ==, SHUTDOWN_CAUSE_NONE);
    g_assert_true(main_loop_should_exit(&got));
    g_assert_cmpint(got, ==, status);
}

static void test_pass(void)
{
    begin();
    g_assert_cmpint(qemu_shutdown_requested_get(), ==, SHUTDOWN_CAUSE_NONE);
    g_assert_cmpint(hwtest_write(TEST_BASE, FINISHER_PASS, 4), ==, MEMTX_OK);
    expect_exit(SHUTDOWN_CAUSE_GUEST_SHUTDOWN, 0);
    hwtest_end();
}

static void test_pass_halfword(void)
{
    begin();
    g_assert_cmpint(hwtest_write(TEST_BASE, FINISHER_PASS, 2), ==, MEMTX_OK);
    expect_exit(SHUTDOWN_CAUSE_GUEST_SHUTDOWN, 0);
    hwtest_end();
}

static void test_fail_code(void)
{
    begin();
    hwtest_wr32(TEST_BASE, FINISHER_FAIL | (42 << 16));
    expect_exit(SHUTDOWN_CAUSE_GUEST_PANIC, 42);
    hwtest_end();

    begin();
    hwtest_wr32(TEST_BASE, FINISHER_FAIL | (0xffffu << 16));
    expect_exit(SHUTDOWN_CAUSE_GUEST_PANIC, 0xffff);
    hwtest_end();

    /* As QEMU: a pass may carry a code too. */
    begin();
    hwtest_wr32(TEST_BASE, FINISHER_PASS | (3 << 16));
    expect_exit(SHUTDOWN_CAUSE_GUEST_SHUTDOWN, 3);
    hwtest_end();
}

static int resets;

static void count_reset(void *opaque)
{
    resets++;
}

static void test_reset(void)
{
    int status = -1;

    begin();
    resets = 0;
    qemu_register_reset(count_reset, NULL);
    hwtest_wr32(TEST_BASE, FINISHER_RESET);
    g_assert_cmpint(qemu_reset_requested_get(), ==, SHUTDOWN_CAUSE_GUEST_RESET);
    g_assert_cmpint(qemu_shutdown_requested_get(), ==, SHUTDOWN_CAUSE_NONE);
    g_assert_false(main_loop_should_exit(&status));
    g_assert_cmpint(resets, ==, 1);
    g_assert_cmpint(status, ==, -1);
    qemu_unregister_reset(count_reset, NULL);
    hwtest_end();
}

static void test_garbage(void)
{
    g_autofree char *log = NULL;
    int status = -1;

    begin();
    hwtest_wr32(TEST_BASE, 0x1234);
    hwtest_wr32(TEST_BASE, FINISHER_PASS << 16); /* command in the wrong half */
    hwtest_wr32(TEST_BASE + 4, FINISHER_PASS);   /* wrong register */
    g_assert_cmpint(hwtest_write(TEST_BASE, FINISHER_PASS, 1), !=, MEMTX_OK);
    g_assert_cmpint(hwtest_rd32(TEST_BASE), ==, 0);
    g_assert_cmpint(qemu_shutdown_requested_get(), ==, SHUTDOWN_CAUSE_NONE);
    g_assert_cmpint(qemu_reset_requested_get(), ==, SHUTDOWN_CAUSE_NONE);
    g_assert_false(main_loop_should_exit(&status));
    log = hwtest_log_take();
    g_assert_cmpstr(log, ==,
                    "sifive_test: write: addr=0x0 val=0x0000000000001234\n"
                    "sifive_test: write: addr=0x0 val=0x0000000055550000\n"
                    "sifive_test: write: addr=0x4 val=0x0000000000005555\n"
                    "memory: invalid write at 0x100000 in 'memory', size 1, "
                    "region 'riscv.sifive.test' offset 0x0: invalid size "
                    "(valid: 2 to 4 bytes)\n");
    hwtest_end();
}

int main(int argc, char **argv)
{
    hwtest_init(&argc, &argv, "test-sifive-test");
    g_test_add_func("/sifive-test/pass", test_pass);
    g_test_add_func("/sifive-test/pass-halfword", test_pass_halfword);
    g_test_add_func("/sifive-test/fail-code", test_fail_code);
    g_test_add_func("/sifive-test/reset", test_reset);
    g_test_add_func("/sifive-test/garbage", test_garbage);
    return hwtest_run();
}

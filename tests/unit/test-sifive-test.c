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
#include "system/runstate.h"

#define TEST_BASE 0x100000

static long live_at_start;
static char *log_path;
static size_t log_seen;

static char *log_take(void)
{
    g_autofree char *text = NULL;
    size_t len = 0;
    char *news;

    g_assert_true(g_file_get_contents(log_path, &text, &len, NULL));
    news = g_strdup(text + MIN(log_seen, len));
    log_seen = len;
    return news;
}

static MemTxResult wr(hwaddr addr, uint32_t v, unsigned size)
{
    MemTxResult r = MEMTX_OK;

    switch (size) {
    case 1:
        address_space_stb(&address_space_memory, addr, v,
                          MEMTXATTRS_UNSPECIFIED, &r);
        break;
    case 2:
        address_space_stw_le(&address_space_memory, addr, v,
                             MEMTXATTRS_UNSPECIFIED, &r);
        break;
    default:
        address_space_stl_le(&address_space_memory, addr, v,
                             MEMTXATTRS_UNSPECIFIED, &r);
        break;
    }
    return r;
}

static void begin(void)
{
    live_at_start = object_live_count();
    memory_map_init();
    sifive_test_create(TEST_BASE);
    g_free(log_take());
}

static void end(void)
{
    qdev_teardown_all();
    memory_map_cleanup();
    runstate_cleanup();
    g_assert_cmpint(object_live_count(), ==, live_at_start);
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
    g_assert_cmpint(wr(TEST_BASE, FINISHER_PASS, 4), ==, MEMTX_OK);
    expect_exit(SHUTDOWN_CAUSE_GUEST_SHUTDOWN, 0);
    end();
}

static void test_pass_halfword(void)
{
    begin();
    g_assert_cmpint(wr(TEST_BASE, FINISHER_PASS, 2), ==, MEMTX_OK);
    expect_exit(SHUTDOWN_CAUSE_GUEST_SHUTDOWN, 0);
    end();
}

static void test_fail_code(void)
{
    begin();
    wr(TEST_BASE, FINISHER_FAIL | (42 << 16), 4);
    expect_exit(SHUTDOWN_CAUSE_GUEST_PANIC, 42);
    end();

    begin();
    wr(TEST_BASE, FINISHER_FAIL | (0xffffu << 16), 4);
    expect_exit(SHUTDOWN_CAUSE_GUEST_PANIC, 0xffff);
    end();

    /* As QEMU: a pass may carry a code too. */
    begin();
    wr(TEST_BASE, FINISHER_PASS | (3 << 16), 4);
    expect_exit(SHUTDOWN_CAUSE_GUEST_SHUTDOWN, 3);
    end();
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
    wr(TEST_BASE, FINISHER_RESET, 4);
    g_assert_cmpint(qemu_reset_requested_get(), ==, SHUTDOWN_CAUSE_GUEST_RESET);
    g_assert_cmpint(qemu_shutdown_requested_get(), ==, SHUTDOWN_CAUSE_NONE);
    g_assert_false(main_loop_should_exit(&status));
    g_assert_cmpint(resets, ==, 1);
    g_assert_cmpint(status, ==, -1);
    qemu_unregister_reset(count_reset, NULL);
    end();
}

static void test_garbage(void)
{
    g_autofree char *log = NULL;
    MemTxResult r;
    int status = -1;

    begin();
    wr(TEST_BASE, 0x1234, 4);
    wr(TEST_BASE, FINISHER_PASS << 16, 4); /* command in the wrong half */
    wr(TEST_BASE + 4, FINISHER_PASS, 4);   /* wrong register */
    g_assert_cmpint(wr(TEST_BASE, FINISHER_PASS, 1), !=, MEMTX_OK);
    g_assert_cmpint(address_space_ldl_le(&address_space_memory, TEST_BASE,
                                         MEMTXATTRS_UNSPECIFIED, &r),
                    ==, 0);
    g_assert_cmpint(r, ==, MEMTX_OK);
    g_assert_cmpint(qemu_shutdown_requested_get(), ==, SHUTDOWN_CAUSE_NONE);
    g_assert_cmpint(qemu_reset_requested_get(), ==, SHUTDOWN_CAUSE_NONE);
    g_assert_false(main_loop_should_exit(&status));
    log = log_take();
    g_assert_cmpstr(log, ==,
                    "sifive_test: write: addr=0x0 val=0x0000000000001234\n"
                    "sifive_test: write: addr=0x0 val=0x0000000055550000\n"
                    "sifive_test: write: addr=0x4 val=0x0000000000005555\n"
                    "memory: invalid write at 0x100000 in 'memory', size 1, "
                    "region 'riscv.sifive.test' offset 0x0: invalid size "
                    "(valid: 2 to 4 bytes)\n");
    end();
}

int main(int argc, char **argv)
{
    g_autofree char *dir = g_dir_make_tmp("test-sifive-test-XXXXXX", NULL);
    int ret;

    g_test_init(&argc, &argv, NULL);
    module_call_init(MODULE_INIT_QOM);
    log_path = g_build_filename(dir, "log", NULL);
    g_assert_true(qemu_set_log_filename(log_path));
    qemu_set_log(LOG_GUEST_ERROR);

    g_test_add_func("/sifive-test/pass", test_pass);
    g_test_add_func("/sifive-test/pass-halfword", test_pass_halfword);
    g_test_add_func("/sifive-test/fail-code", test_fail_code);
    g_test_add_func("/sifive-test/reset", test_reset);
    g_test_add_func("/sifive-test/garbage", test_garbage);
    ret = g_test_run();

    qemu_log_close();
    unlink(log_path);
    rmdir(dir);
    g_free(log_path);
    return ret;
}

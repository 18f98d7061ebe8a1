/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-aclint: the ACLINT MTIMER and MSWI/SSWI driven from the outside, as
 * a CLINT at 0x2000000: registers through address_space_memory, interrupt
 * outputs through IRQ lines of the test, time through the deterministic
 * virtual clock (icount mode, stepped with qemu_clock_advance_virtual_time).
 */
#include "qomu/osdep.h"
#include "qapi/error.h"
#include "qomu/log.h"
#include "qomu/module.h"
#include "qomu/timer.h"
#include "hw/intc/riscv_aclint.h"
#include "hw/qdev-properties.h"
#include "exec/address-spaces.h"
#include "hw-test.h"

#define CLINT_BASE 0x2000000
#define MSIP(n) (CLINT_BASE + 4 * (n))
#define MTIMECMP(n) (CLINT_BASE + 0x4000 + 8 * (n))
#define MTIME (CLINT_BASE + 0xbff8)
#define NUM_HARTS 2

static HWTestSink mtip, msip;
static DeviceState *mtimer, *swi;

static void clint_begin(void)
{
    hwtest_begin();
    swi = riscv_aclint_swi_create(CLINT_BASE, 0, NUM_HARTS, false);
    mtimer = riscv_aclint_mtimer_create(
        CLINT_BASE + RISCV_ACLINT_SWI_SIZE, RISCV_ACLINT_DEFAULT_MTIMER_SIZE, 0,
        NUM_HARTS, RISCV_ACLINT_DEFAULT_MTIMECMP, RISCV_ACLINT_DEFAULT_MTIME,
        RISCV_ACLINT_DEFAULT_TIMEBASE_FREQ);
    hwtest_sink_connect(mtimer, NULL, NUM_HARTS, &mtip);
    hwtest_sink_connect(swi, NULL, NUM_HARTS, &msip);
    g_free(hwtest_log_take());
}

/* mtime counts at 10 MHz of virtual time: 100 ns per tick. */
static void test_mtime_counts(void)
{
    clint_begin();
    g_assert_cmphex(hwtest_rd64(MTIME), ==, 0);
    hwtest_clock_to(1000);
    g_assert_cmphex(hwtest_rd64(MTIME), ==, 10);
    hwtest_clock_to(1099);
    g_assert_cmphex(hwtest_rd64(MTIME), ==, 10);
    hwtest_clock_to(1100);
    g_assert_cmphex(hwtest_rd64(MTIME), ==, 11);
    g_assert_cmphex(riscv_aclint_mtimer_get_time(mtimer), ==, 11);
    /* The two halves. */
    hwtest_clock_to(100 * 0x100000000LL);
    g_assert_cmphex(hwtest_rd32(MTIME), ==, 0);
    g_assert_cmphex(hwtest_rd32(MTIME + 4), ==, 1);
    hwtest_end();
}

/* MTIP follows mtime >= mtimecmp, per hart, and re-arms on a new compare. */
static void test_mtimecmp_interrupt(void)
{
    clint_begin();
    /* After reset state: all ones, nothing pending. */
    g_assert_cmphex(hwtest_rd64(MTIMECMP(0)), ==, UINT64_MAX);
    g_assert_cmpint(mtip.level[0], ==, 0);

    hwtest_wr64(MTIMECMP(0), 100); /* 10 us */
    g_assert_cmphex(hwtest_rd64(MTIMECMP(0)), ==, 100);
    g_assert_cmpint(mtip.level[0], ==, 0);
    hwtest_clock_to(9999);
    g_assert_cmpint(mtip.level[0], ==, 0);
    hwtest_clock_to(10000);
    g_assert_cmpint(mtip.level[0], ==, 1);
    g_assert_cmpint(mtip.level[1], ==, 0);
    g_assert_cmpint(mtip.calls[1], ==, 0);

    /* Re-arm: a later compare lowers MTIP at once and fires again. */
    hwtest_wr64(MTIMECMP(0), 300);
    g_assert_cmpint(mtip.level[0], ==, 0);
    hwtest_clock_to(29900);
    g_assert_cmpint(mtip.level[0], ==, 0);
    hwtest_clock_to(30000);
    g_assert_cmpint(mtip.level[0], ==, 1);

    /* A compare in the past fires at the write. */
    hwtest_wr64(MTIMECMP(1), 5);
    g_assert_cmpint(mtip.level[1], ==, 1);

    /* 32-bit halves: high first (the spec's sequence), then low. */
    hwtest_wr32(MTIMECMP(1) + 4, 0);
    hwtest_wr32(MTIMECMP(1), 1000);
    g_assert_cmphex(hwtest_rd64(MTIMECMP(1)), ==, 1000);
    g_assert_cmphex(hwtest_rd32(MTIMECMP(1)), ==, 1000);
    g_assert_cmphex(hwtest_rd32(MTIMECMP(1) + 4), ==, 0);
    g_assert_cmpint(mtip.level[1], ==, 0);
    hwtest_wr32(MTIMECMP(1) + 4, 0xffffffff);
    g_assert_cmphex(hwtest_rd64(MTIMECMP(1)), ==, 0xffffffff000003e8ULL);
    g_assert_cmpint(mtip.level[1], ==, 0);

    /* A far-away compare arms nothing that fires. */
    hwtest_clock_to(100000000);
    g_assert_cmpint(mtip.level[1], ==, 0);
    hwtest_end();
}

/*
 * A compare beyond the end of the virtual clock arms no timer (a
 * deterministic run loop would jump to it when all harts wait).
 */
static void test_far_compare(void)
{
    clint_begin();
    g_assert_cmpint(qemu_clock_first_deadline_ns(QEMU_CLOCK_VIRTUAL), ==, -1);
    hwtest_wr64(MTIMECMP(0), 1000);
    g_assert_cmpint(qemu_clock_first_deadline_ns(QEMU_CLOCK_VIRTUAL), ==,
                    100000);
    hwtest_wr64(MTIMECMP(0), UINT64_MAX);
    g_assert_cmpint(qemu_clock_first_deadline_ns(QEMU_CLOCK_VIRTUAL), ==, -1);
    hwtest_wr64(MTIMECMP(1), 1ULL << 62);
    g_assert_cmpint(qemu_clock_first_deadline_ns(QEMU_CLOCK_VIRTUAL), ==, -1);
    g_assert_cmpint(mtip.level[0] + mtip.level[1], ==, 0);
    /* Moving mtime close re-arms it. */
    hwtest_wr64(MTIME, (1ULL << 62) - 10);
    g_assert_cmpint(qemu_clock_first_deadline_ns(QEMU_CLOCK_VIRTUAL), ==, 1000);
    hwtest_clock_to(1000);
    g_assert_cmpint(mtip.level[1], ==, 1);
    device_cold_reset(mtimer);
    g_assert_cmpint(qemu_clock_first_deadline_ns(QEMU_CLOCK_VIRTUAL), ==, -1);
    hwtest_end();
}

/* Writing mtime moves every comparison. */
static void test_mtime_write(void)
{
    clint_begin();
    hwtest_wr64(MTIMECMP(0), 500);
    hwtest_wr64(MTIMECMP(1), 2000);
    hwtest_wr64(MTIME, 1000);
    g_assert_cmphex(hwtest_rd64(MTIME), ==, 1000);
    g_assert_cmpint(mtip.level[0], ==, 1);
    g_assert_cmpint(mtip.level[1], ==, 0);
    /* mtime keeps counting from the new value. */
    hwtest_clock_to(1000);
    g_assert_cmphex(hwtest_rd64(MTIME), ==, 1010);
    hwtest_clock_to(100000); /* 1000 ticks later: 2000 */
    g_assert_cmpint(mtip.level[1], ==, 1);

    /* Back to 0: both compares are in the future again. */
    hwtest_wr64(MTIME, 0);
    g_assert_cmpint(mtip.level[0], ==, 0);
    g_assert_cmpint(mtip.level[1], ==, 0);
    hwtest_clock_to(100000 + 500 * 100);
    g_assert_cmpint(mtip.level[0], ==, 1);
    g_assert_cmpint(mtip.level[1], ==, 0);

    /* A 32-bit write of the high half keeps the low half. */
    hwtest_wr32(MTIME + 4, 2);
    g_assert_cmphex(hwtest_rd32(MTIME + 4), ==, 2);
    g_assert_cmphex(hwtest_rd32(MTIME), ==, 500);
    g_assert_cmpint(mtip.level[1], ==, 1);
    hwtest_end();
}

/* The virtual clock stops with the machine, and mtime with it. */
static void test_mtime_stops(void)
{
    uint64_t t0, t1;

    clint_begin();
    icount_disable();
    cpu_enable_ticks();
    t0 = hwtest_rd64(MTIME);
    g_usleep(2000);
    t1 = hwtest_rd64(MTIME);
    g_assert_cmpuint(t1, >=, t0 + 10000); /* >= 1 ms at 10 MHz */
    cpu_disable_ticks();
    t0 = hwtest_rd64(MTIME);
    g_usleep(2000);
    g_assert_cmphex(hwtest_rd64(MTIME), ==, t0);
    hwtest_end();
}

static void test_mswi(void)
{
    g_autofree char *log = NULL;

    clint_begin();
    g_assert_cmphex(hwtest_rd32(MSIP(0)), ==, 0);
    hwtest_wr32(MSIP(1), 1);
    g_assert_cmpint(msip.level[1], ==, 1);
    g_assert_cmpint(msip.level[0], ==, 0);
    g_assert_cmpint(msip.calls[0], ==, 0);
    g_assert_cmphex(hwtest_rd32(MSIP(1)), ==, 1);
    g_assert_cmphex(hwtest_rd32(MSIP(0)), ==, 0);
    hwtest_wr32(MSIP(0), 0xfffffffe); /* only bit 0 counts */
    g_assert_cmpint(msip.level[0], ==, 0);
    hwtest_wr32(MSIP(0), 0xffffffff);
    g_assert_cmpint(msip.level[0], ==, 1);
    g_assert_cmphex(hwtest_rd32(MSIP(0)), ==, 1);
    hwtest_wr32(MSIP(1), 0);
    g_assert_cmpint(msip.level[1], ==, 0);
    g_assert_cmpint(msip.level[0], ==, 1);
    g_assert_cmphex(hwtest_rd32(MSIP(1)), ==, 0);

    /* Past the last hart: reads 0, writes ignored, both logged. */
    g_assert_cmphex(hwtest_rd32(MSIP(2)), ==, 0);
    hwtest_wr32(MSIP(2), 1);
    log = hwtest_log_take();
    g_assert_nonnull(strstr(log, "aclint-swi: invalid read at 0x8"));
    g_assert_nonnull(strstr(log, "aclint-swi: invalid write at 0x8"));
    g_assert_cmpint(msip.calls[0] + msip.calls[1], ==, 4);
    hwtest_end();
}

static void test_sswi(void)
{
    DeviceState *dev;
    HWTestSink ssip;

    clint_begin();
    dev = riscv_aclint_swi_create(0x2f00000, 4, NUM_HARTS, true);
    hwtest_sink_connect(dev, NULL, NUM_HARTS, &ssip);
    hwtest_wr32(0x2f00004, 1);
    g_assert_cmpint(ssip.level[1], ==, 1);
    g_assert_cmpint(ssip.level[0], ==, 0);
    g_assert_cmphex(hwtest_rd32(0x2f00004), ==, 0); /* SETSSIP reads 0 */
    hwtest_wr32(0x2f00004, 0);                      /* 0 does not clear */
    g_assert_cmpint(ssip.level[1], ==, 1);
    g_assert_cmpint(ssip.calls[1], ==, 1);
    hwtest_end();
}

/* Bad accesses: wrong sizes fail on the bus, holes read 0 and log. */
static void test_bad_access(void)
{
    g_autofree char *log = NULL;
    uint64_t v;

    clint_begin();
    g_assert_cmpint(hwtest_read(MTIME, 2, &v), !=, MEMTX_OK);
    g_assert_cmpint(hwtest_write(MSIP(0), 1, 8), !=, MEMTX_OK);
    g_assert_cmpint(msip.level[0], ==, 0);
    /* Between the last mtimecmp and mtime. */
    g_assert_cmphex(hwtest_rd64(MTIMECMP(NUM_HARTS)), ==, 0);
    hwtest_wr64(MTIMECMP(NUM_HARTS), 1);
    log = hwtest_log_take();
    g_assert_nonnull(strstr(log, "aclint-mtimer: invalid read at 0x10"));
    g_assert_nonnull(strstr(log, "aclint-mtimer: invalid write at 0x10"));
    g_assert_cmpint(mtip.calls[0] + mtip.calls[1], ==, 0);
    hwtest_end();
}

static void test_reset(void)
{
    clint_begin();
    hwtest_clock_to(5000);
    hwtest_wr64(MTIMECMP(0), 10);
    hwtest_wr32(MSIP(1), 1);
    g_assert_cmpint(mtip.level[0], ==, 1);
    g_assert_cmpint(msip.level[1], ==, 1);
    device_cold_reset(mtimer);
    device_cold_reset(swi);
    g_assert_cmphex(hwtest_rd64(MTIME), ==, 0);
    g_assert_cmphex(hwtest_rd64(MTIMECMP(0)), ==, UINT64_MAX);
    g_assert_cmpint(mtip.level[0], ==, 0);
    g_assert_cmphex(hwtest_rd32(MSIP(1)), ==, 0);
    g_assert_cmpint(msip.level[1], ==, 0);
    /* And counts from there. */
    hwtest_clock_to(6000);
    g_assert_cmphex(hwtest_rd64(MTIME), ==, 10);
    hwtest_end();
}

static void expect_realize_error(const char *type, const char *prop,
                                 uint32_t value, const char *msg)
{
    DeviceState *dev = qdev_new(type);

    qdev_prop_set_uint32(dev, prop, value);
    hwtest_realize_error(dev, msg);
}

static void test_realize_errors(void)
{
    hwtest_begin();
    expect_realize_error(TYPE_RISCV_ACLINT_MTIMER, "num-harts", 0,
                         "'num-harts' is 0, expected 1..4095");
    expect_realize_error(TYPE_RISCV_ACLINT_MTIMER, "num-harts", 5000,
                         "'num-harts' is 5000");
    expect_realize_error(TYPE_RISCV_ACLINT_MTIMER, "timebase-freq", 0,
                         "'timebase-freq' must not be 0");
    expect_realize_error(TYPE_RISCV_ACLINT_MTIMER, "time-base", 0x7ffc,
                         "must be 8-byte aligned");
    expect_realize_error(TYPE_RISCV_ACLINT_MTIMER, "time-base", 0x8000,
                         "do not fit in 'aperture-size' 0x8000");
    expect_realize_error(TYPE_RISCV_ACLINT_MTIMER, "time-base", 0,
                         "overlaps the mtimecmp registers");
    expect_realize_error(TYPE_RISCV_ACLINT_SWI, "num-harts", 0,
                         "'num-harts' is 0");
    expect_realize_error(TYPE_RISCV_ACLINT_SWI, "sswi", 2,
                         "'sswi' is 2, expected 0 or 1");
    hwtest_end();
}

int main(int argc, char **argv)
{
    hwtest_init(&argc, &argv, "test-aclint");
    g_test_add_func("/aclint/mtimer/mtime-counts", test_mtime_counts);
    g_test_add_func("/aclint/mtimer/compare-interrupt",
                    test_mtimecmp_interrupt);
    g_test_add_func("/aclint/mtimer/mtime-write", test_mtime_write);
    g_test_add_func("/aclint/mtimer/far-compare", test_far_compare);
    g_test_add_func("/aclint/mtimer/stops-with-machine", test_mtime_stops);
    g_test_add_func("/aclint/mswi/set-clear", test_mswi);
    g_test_add_func("/aclint/sswi/set-only", test_sswi);
    g_test_add_func("/aclint/bad-access", test_bad_access);
    g_test_add_func("/aclint/reset", test_reset);
    g_test_add_func("/aclint/realize-errors", test_realize_errors);
    return hwtest_run();
}

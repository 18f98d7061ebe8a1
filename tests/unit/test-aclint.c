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

#define CLINT_BASE 0x2000000
#define MSIP(n) (CLINT_BASE + 4 * (n))
#define MTIMECMP(n) (CLINT_BASE + 0x4000 + 8 * (n))
#define MTIME (CLINT_BASE + 0xbff8)
#define NUM_HARTS 2

/* One line per hart and kind: the level and how often it was set. */
typedef struct Sink {
    int level[NUM_HARTS];
    int calls[NUM_HARTS];
} Sink;

static Sink mtip, msip;
static long live_at_start;
static char *log_path;
static size_t log_seen;

static void sink_set(void *opaque, int n, int level)
{
    Sink *sink = opaque;

    sink->level[n] = level;
    sink->calls[n]++;
}

/* What the log got since the last call. */
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

static uint32_t rd32(hwaddr addr)
{
    MemTxResult r;
    uint32_t v = address_space_ldl_le(&address_space_memory, addr,
                                      MEMTXATTRS_UNSPECIFIED, &r);

    g_assert_cmpint(r, ==, MEMTX_OK);
    return v;
}

static uint64_t rd64(hwaddr addr)
{
    MemTxResult r;
    uint64_t v = address_space_ldq_le(&address_space_memory, addr,
                                      MEMTXATTRS_UNSPECIFIED, &r);

    g_assert_cmpint(r, ==, MEMTX_OK);
    return v;
}

static void wr32(hwaddr addr, uint32_t v)
{
    MemTxResult r;

    address_space_stl_le(&address_space_memory, addr, v, MEMTXATTRS_UNSPECIFIED,
                         &r);
    g_assert_cmpint(r, ==, MEMTX_OK);
}

static void wr64(hwaddr addr, uint64_t v)
{
    MemTxResult r;

    address_space_stq_le(&address_space_memory, addr, v, MEMTXATTRS_UNSPECIFIED,
                         &r);
    g_assert_cmpint(r, ==, MEMTX_OK);
}

/* Step virtual time to @ns (absolute), running due timers. */
static void clock_to(int64_t ns)
{
    g_assert_cmpint(qemu_clock_advance_virtual_time(ns), ==, ns);
}

static DeviceState *mtimer, *swi;

static void connect_sinks(DeviceState *dev, Sink *sink)
{
    memset(sink, 0, sizeof(*sink));
    for (int n = 0; n < NUM_HARTS; n++) {
        qemu_irq irq = qemu_allocate_irq(sink_set, sink, n);

        qdev_connect_gpio_out(dev, n, irq);
        qemu_free_irq(irq); /* the connection holds it */
    }
}

static void clint_begin(void)
{
    live_at_start = object_live_count();
    memory_map_init();
    icount_configure(0, &error_abort);
    swi = riscv_aclint_swi_create(CLINT_BASE, 0, NUM_HARTS, false);
    mtimer = riscv_aclint_mtimer_create(
        CLINT_BASE + RISCV_ACLINT_SWI_SIZE, RISCV_ACLINT_DEFAULT_MTIMER_SIZE, 0,
        NUM_HARTS, RISCV_ACLINT_DEFAULT_MTIMECMP, RISCV_ACLINT_DEFAULT_MTIME,
        RISCV_ACLINT_DEFAULT_TIMEBASE_FREQ);
    connect_sinks(mtimer, &mtip);
    connect_sinks(swi, &msip);
    g_free(log_take());
}

static void clint_end(void)
{
    qdev_teardown_all();
    memory_map_cleanup();
    icount_disable();
    g_assert_cmpint(object_live_count(), ==, live_at_start);
}

/* mtime counts at 10 MHz of virtual time: 100 ns per tick. */
static void test_mtime_counts(void)
{
    clint_begin();
    g_assert_cmphex(rd64(MTIME), ==, 0);
    clock_to(1000);
    g_assert_cmphex(rd64(MTIME), ==, 10);
    clock_to(1099);
    g_assert_cmphex(rd64(MTIME), ==, 10);
    clock_to(1100);
    g_assert_cmphex(rd64(MTIME), ==, 11);
    g_assert_cmphex(riscv_aclint_mtimer_get_time(mtimer), ==, 11);
    /* The two halves. */
    clock_to(100 * 0x100000000LL);
    g_assert_cmphex(rd32(MTIME), ==, 0);
    g_assert_cmphex(rd32(MTIME + 4), ==, 1);
    clint_end();
}

/* MTIP follows mtime >= mtimecmp, per hart, and re-arms on a new compare. */
static void test_mtimecmp_interrupt(void)
{
    clint_begin();
    /* After reset state: all ones, nothing pending. */
    g_assert_cmphex(rd64(MTIMECMP(0)), ==, UINT64_MAX);
    g_assert_cmpint(mtip.level[0], ==, 0);

    wr64(MTIMECMP(0), 100); /* 10 us */
    g_assert_cmphex(rd64(MTIMECMP(0)), ==, 100);
    g_assert_cmpint(mtip.level[0], ==, 0);
    clock_to(9999);
    g_assert_cmpint(mtip.level[0], ==, 0);
    clock_to(10000);
    g_assert_cmpint(mtip.level[0], ==, 1);
    g_assert_cmpint(mtip.level[1], ==, 0);
    g_assert_cmpint(mtip.calls[1], ==, 0);

    /* Re-arm: a later compare lowers MTIP at once and fires again. */
    wr64(MTIMECMP(0), 300);
    g_assert_cmpint(mtip.level[0], ==, 0);
    clock_to(29900);
    g_assert_cmpint(mtip.level[0], ==, 0);
    clock_to(30000);
    g_assert_cmpint(mtip.level[0], ==, 1);

    /* A compare in the past fires at the write. */
    wr64(MTIMECMP(1), 5);
    g_assert_cmpint(mtip.level[1], ==, 1);

    /* 32-bit halves: high first (the spec's sequence), then low. */
    wr32(MTIMECMP(1) + 4, 0);
    wr32(MTIMECMP(1), 1000);
    g_assert_cmphex(rd64(MTIMECMP(1)), ==, 1000);
    g_assert_cmphex(rd32(MTIMECMP(1)), ==, 1000);
    g_assert_cmphex(rd32(MTIMECMP(1) + 4), ==, 0);
    g_assert_cmpint(mtip.level[1], ==, 0);
    wr32(MTIMECMP(1) + 4, 0xffffffff);
    g_assert_cmphex(rd64(MTIMECMP(1)), ==, 0xffffffff000003e8ULL);
    g_assert_cmpint(mtip.level[1], ==, 0);

    /* A far-away compare arms nothing that fires. */
    clock_to(100000000);
    g_assert_cmpint(mtip.level[1], ==, 0);
    clint_end();
}

/*
 * A compare beyond the end of the virtual clock arms no timer (a
 * deterministic run loop would jump to it when all harts wait).
 */
static void test_far_compare(void)
{
    clint_begin();
    g_assert_cmpint(qemu_clock_first_deadline_ns(QEMU_CLOCK_VIRTUAL), ==, -1);
    wr64(MTIMECMP(0), 1000);
    g_assert_cmpint(qemu_clock_first_deadline_ns(QEMU_CLOCK_VIRTUAL), ==,
                    100000);
    wr64(MTIMECMP(0), UINT64_MAX);
    g_assert_cmpint(qemu_clock_first_deadline_ns(QEMU_CLOCK_VIRTUAL), ==, -1);
    wr64(MTIMECMP(1), 1ULL << 62);
    g_assert_cmpint(qemu_clock_first_deadline_ns(QEMU_CLOCK_VIRTUAL), ==, -1);
    g_assert_cmpint(mtip.level[0] + mtip.level[1], ==, 0);
    /* Moving mtime close re-arms it. */
    wr64(MTIME, (1ULL << 62) - 10);
    g_assert_cmpint(qemu_clock_first_deadline_ns(QEMU_CLOCK_VIRTUAL), ==, 1000);
    clock_to(1000);
    g_assert_cmpint(mtip.level[1], ==, 1);
    device_cold_reset(mtimer);
    g_assert_cmpint(qemu_clock_first_deadline_ns(QEMU_CLOCK_VIRTUAL), ==, -1);
    clint_end();
}

/* Writing mtime moves every comparison. */
static void test_mtime_write(void)
{
    clint_begin();
    wr64(MTIMECMP(0), 500);
    wr64(MTIMECMP(1), 2000);
    wr64(MTIME, 1000);
    g_assert_cmphex(rd64(MTIME), ==, 1000);
    g_assert_cmpint(mtip.level[0], ==, 1);
    g_assert_cmpint(mtip.level[1], ==, 0);
    /* mtime keeps counting from the new value. */
    clock_to(1000);
    g_assert_cmphex(rd64(MTIME), ==, 1010);
    clock_to(100000); /* 1000 ticks later: 2000 */
    g_assert_cmpint(mtip.level[1], ==, 1);

    /* Back to 0: both compares are in the future again. */
    wr64(MTIME, 0);
    g_assert_cmpint(mtip.level[0], ==, 0);
    g_assert_cmpint(mtip.level[1], ==, 0);
    clock_to(100000 + 500 * 100);
    g_assert_cmpint(mtip.level[0], ==, 1);
    g_assert_cmpint(mtip.level[1], ==, 0);

    /* A 32-bit write of the high half keeps the low half. */
    wr32(MTIME + 4, 2);
    g_assert_cmphex(rd32(MTIME + 4), ==, 2);
    g_assert_cmphex(rd32(MTIME), ==, 500);
    g_assert_cmpint(mtip.level[1], ==, 1);
    clint_end();
}

/* The virtual clock stops with the machine, and mtime with it. */
static void test_mtime_stops(void)
{
    uint64_t t0, t1;

    clint_begin();
    icount_disable();
    cpu_enable_ticks();
    t0 = rd64(MTIME);
    g_usleep(2000);
    t1 = rd64(MTIME);
    g_assert_cmpuint(t1, >=, t0 + 10000); /* >= 1 ms at 10 MHz */
    cpu_disable_ticks();
    t0 = rd64(MTIME);
    g_usleep(2000);
    g_assert_cmphex(rd64(MTIME), ==, t0);
    clint_end();
}

static void test_mswi(void)
{
    g_autofree char *log = NULL;

    clint_begin();
    g_assert_cmphex(rd32(MSIP(0)), ==, 0);
    wr32(MSIP(1), 1);
    g_assert_cmpint(msip.level[1], ==, 1);
    g_assert_cmpint(msip.level[0], ==, 0);
    g_assert_cmpint(msip.calls[0], ==, 0);
    g_assert_cmphex(rd32(MSIP(1)), ==, 1);
    g_assert_cmphex(rd32(MSIP(0)), ==, 0);
    wr32(MSIP(0), 0xfffffffe); /* only bit 0 counts */
    g_assert_cmpint(msip.level[0], ==, 0);
    wr32(MSIP(0), 0xffffffff);
    g_assert_cmpint(msip.level[0], ==, 1);
    g_assert_cmphex(rd32(MSIP(0)), ==, 1);
    wr32(MSIP(1), 0);
    g_assert_cmpint(msip.level[1], ==, 0);
    g_assert_cmpint(msip.level[0], ==, 1);
    g_assert_cmphex(rd32(MSIP(1)), ==, 0);

    /* Past the last hart: reads 0, writes ignored, both logged. */
    g_assert_cmphex(rd32(MSIP(2)), ==, 0);
    wr32(MSIP(2), 1);
    log = log_take();
    g_assert_nonnull(strstr(log, "aclint-swi: invalid read at 0x8"));
    g_assert_nonnull(strstr(log, "aclint-swi: invalid write at 0x8"));
    g_assert_cmpint(msip.calls[0] + msip.calls[1], ==, 4);
    clint_end();
}

static void test_sswi(void)
{
    DeviceState *dev;
    Sink ssip;

    clint_begin();
    dev = riscv_aclint_swi_create(0x2f00000, 4, NUM_HARTS, true);
    connect_sinks(dev, &ssip);
    wr32(0x2f00004, 1);
    g_assert_cmpint(ssip.level[1], ==, 1);
    g_assert_cmpint(ssip.level[0], ==, 0);
    g_assert_cmphex(rd32(0x2f00004), ==, 0); /* SETSSIP reads 0 */
    wr32(0x2f00004, 0);                      /* 0 does not clear */
    g_assert_cmpint(ssip.level[1], ==, 1);
    g_assert_cmpint(ssip.calls[1], ==, 1);
    clint_end();
}

/* Bad accesses: wrong sizes fail on the bus, holes read 0 and log. */
static void test_bad_access(void)
{
    g_autofree char *log = NULL;
    MemTxResult r;

    clint_begin();
    address_space_lduw_le(&address_space_memory, MTIME, MEMTXATTRS_UNSPECIFIED,
                          &r);
    g_assert_cmpint(r, !=, MEMTX_OK);
    address_space_stq_le(&address_space_memory, MSIP(0), 1,
                         MEMTXATTRS_UNSPECIFIED, &r);
    g_assert_cmpint(r, !=, MEMTX_OK);
    g_assert_cmpint(msip.level[0], ==, 0);
    /* Between the last mtimecmp and mtime. */
    g_assert_cmphex(rd64(MTIMECMP(NUM_HARTS)), ==, 0);
    wr64(MTIMECMP(NUM_HARTS), 1);
    log = log_take();
    g_assert_nonnull(strstr(log, "aclint-mtimer: invalid read at 0x10"));
    g_assert_nonnull(strstr(log, "aclint-mtimer: invalid write at 0x10"));
    g_assert_cmpint(mtip.calls[0] + mtip.calls[1], ==, 0);
    clint_end();
}

static void test_reset(void)
{
    clint_begin();
    clock_to(5000);
    wr64(MTIMECMP(0), 10);
    wr32(MSIP(1), 1);
    g_assert_cmpint(mtip.level[0], ==, 1);
    g_assert_cmpint(msip.level[1], ==, 1);
    device_cold_reset(mtimer);
    device_cold_reset(swi);
    g_assert_cmphex(rd64(MTIME), ==, 0);
    g_assert_cmphex(rd64(MTIMECMP(0)), ==, UINT64_MAX);
    g_assert_cmpint(mtip.level[0], ==, 0);
    g_assert_cmphex(rd32(MSIP(1)), ==, 0);
    g_assert_cmpint(msip.level[1], ==, 0);
    /* And counts from there. */
    clock_to(6000);
    g_assert_cmphex(rd64(MTIME), ==, 10);
    clint_end();
}

static void expect_realize_error(const char *type, const char *prop,
                                 uint32_t value, const char *msg)
{
    DeviceState *dev = qdev_new(type);
    Error *err = NULL;

    qdev_prop_set_uint32(dev, prop, value);
    g_assert_false(sysbus_realize_and_unref(SYS_BUS_DEVICE(dev), &err));
    g_assert_nonnull(err);
    g_assert_nonnull(strstr(error_get_pretty(err), msg));
    error_free(err);
}

static void test_realize_errors(void)
{
    live_at_start = object_live_count();
    memory_map_init();
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
    qdev_teardown_all();
    memory_map_cleanup();
    g_assert_cmpint(object_live_count(), ==, live_at_start);
}

int main(int argc, char **argv)
{
    g_autofree char *dir = g_dir_make_tmp("test-aclint-XXXXXX", NULL);
    int ret;

    g_test_init(&argc, &argv, NULL);
    module_call_init(MODULE_INIT_QOM);
    log_path = g_build_filename(dir, "log", NULL);
    g_assert_true(qemu_set_log_filename(log_path));
    qemu_set_log(LOG_GUEST_ERROR);

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
    ret = g_test_run();

    qemu_log_close();
    unlink(log_path);
    rmdir(dir);
    g_free(log_path);
    return ret;
}

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-goldfish-rtc: the Goldfish RTC at 0x101000 (as on virt): time read
 * against the host clock, time set, alarm on the stepped virtual clock,
 * interrupt enable / clear, reset.
 */
#include "qomu/osdep.h"
#include "qapi/error.h"
#include "qomu/log.h"
#include "qomu/module.h"
#include "qomu/timer.h"
#include "hw/rtc/goldfish_rtc.h"
#include "exec/address-spaces.h"

#define RTC_BASE 0x101000
#define TIME_LOW (RTC_BASE + 0x00)
#define TIME_HIGH (RTC_BASE + 0x04)
#define ALARM_LOW (RTC_BASE + 0x08)
#define ALARM_HIGH (RTC_BASE + 0x0c)
#define IRQ_ENABLED (RTC_BASE + 0x10)
#define CLEAR_ALARM (RTC_BASE + 0x14)
#define ALARM_STATUS (RTC_BASE + 0x18)
#define CLEAR_INTERRUPT (RTC_BASE + 0x1c)

static DeviceState *rtc;
static int irq_level, irq_calls;
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

static void irq_set(void *opaque, int n, int level)
{
    irq_level = level;
    irq_calls++;
}

static uint32_t rd(hwaddr addr)
{
    MemTxResult r;
    uint32_t v = address_space_ldl_le(&address_space_memory, addr,
                                      MEMTXATTRS_UNSPECIFIED, &r);

    g_assert_cmpint(r, ==, MEMTX_OK);
    return v;
}

static void wr(hwaddr addr, uint32_t v)
{
    MemTxResult r;

    address_space_stl_le(&address_space_memory, addr, v, MEMTXATTRS_UNSPECIFIED,
                         &r);
    g_assert_cmpint(r, ==, MEMTX_OK);
}

/* The guest's way: low first (it latches high). */
static uint64_t read_time(void)
{
    uint64_t lo = rd(TIME_LOW);

    return ((uint64_t)rd(TIME_HIGH) << 32) | lo;
}

/* The Linux driver's order: high, then low (which arms). */
static void set_alarm(uint64_t t)
{
    wr(ALARM_HIGH, t >> 32);
    wr(ALARM_LOW, t & 0xffffffff);
}

static void clock_to(int64_t ns)
{
    g_assert_cmpint(qemu_clock_advance_virtual_time(ns), ==, ns);
}

static void begin(void)
{
    qemu_irq irq;

    live_at_start = object_live_count();
    memory_map_init();
    icount_configure(0, &error_abort);
    rtc = qdev_new(TYPE_GOLDFISH_RTC);
    sysbus_realize_and_unref(SYS_BUS_DEVICE(rtc), &error_abort);
    sysbus_mmio_map(SYS_BUS_DEVICE(rtc), 0, RTC_BASE);
    irq = qemu_allocate_irq(irq_set, NULL, 0);
    sysbus_connect_irq(SYS_BUS_DEVICE(rtc), 0, irq);
    qemu_free_irq(irq);
    irq_level = 0;
    irq_calls = 0;
    g_free(log_take());
}

static void end(void)
{
    qdev_teardown_all();
    memory_map_cleanup();
    icount_disable();
    g_assert_cmpint(object_live_count(), ==, live_at_start);
}

static void test_time_read(void)
{
    uint64_t before, t, after;

    begin();
    before = get_clock_realtime();
    t = read_time();
    after = get_clock_realtime();
    g_assert_cmpuint(t, >=, before);
    g_assert_cmpuint(t, <=, after);
    /* After 2020: the host clock is the epoch-based one. */
    g_assert_cmpuint(t, >, 1577836800ULL * NANOSECONDS_PER_SECOND);
    end();
}

static void test_time_set(void)
{
    uint64_t t;

    begin();
    wr(TIME_HIGH, 0);
    wr(TIME_LOW, 1000);
    t = read_time();
    g_assert_cmpuint(t, >=, 1000);
    g_assert_cmpuint(t, <, 1000 + NANOSECONDS_PER_SECOND);
    wr(TIME_HIGH, 0x12);
    t = read_time();
    g_assert_cmphex(t >> 32, ==, 0x12);
    g_assert_cmpuint(t & 0xffffffff, <, 1000 + NANOSECONDS_PER_SECOND);
    /* The time goes on. */
    g_usleep(1000);
    g_assert_cmpuint(read_time(), >=, t + 1000000);
    end();
}

static void test_alarm(void)
{
    uint64_t now;

    begin();
    wr(IRQ_ENABLED, 1);
    g_assert_cmphex(rd(IRQ_ENABLED), ==, 1);
    now = read_time();
    set_alarm(now + NANOSECONDS_PER_SECOND);
    g_assert_cmphex(rd(ALARM_LOW), ==,
                    (now + NANOSECONDS_PER_SECOND) & 0xffffffff);
    g_assert_cmphex(rd(ALARM_HIGH), ==, (now + NANOSECONDS_PER_SECOND) >> 32);
    g_assert_cmphex(rd(ALARM_STATUS), ==, 1);
    clock_to(NANOSECONDS_PER_SECOND / 2);
    g_assert_cmpint(irq_level, ==, 0);
    g_assert_cmphex(rd(ALARM_STATUS), ==, 1);
    clock_to(NANOSECONDS_PER_SECOND);
    g_assert_cmpint(irq_level, ==, 1);
    g_assert_cmphex(rd(ALARM_STATUS), ==, 0);
    wr(CLEAR_INTERRUPT, 1);
    g_assert_cmpint(irq_level, ==, 0);

    /* An alarm in the past fires at once. */
    set_alarm(read_time() - 1);
    g_assert_cmpint(irq_level, ==, 1);
    g_assert_cmphex(rd(ALARM_STATUS), ==, 0);
    wr(CLEAR_INTERRUPT, 1);

    /* An alarm past the end of the virtual clock arms nothing. */
    set_alarm(UINT64_MAX - 1);
    g_assert_cmphex(rd(ALARM_STATUS), ==, 1);
    g_assert_cmpint(qemu_clock_first_deadline_ns(QEMU_CLOCK_VIRTUAL), ==, -1);

    /* CLEAR_ALARM cancels. */
    set_alarm(read_time() + 1000);
    g_assert_cmphex(rd(ALARM_STATUS), ==, 1);
    wr(CLEAR_ALARM, 1);
    g_assert_cmphex(rd(ALARM_STATUS), ==, 0);
    clock_to(10 * NANOSECONDS_PER_SECOND);
    g_assert_cmpint(irq_level, ==, 0);
    end();
}

/* The interrupt is pending & enabled; enabling late delivers it. */
static void test_irq_enable(void)
{
    begin();
    set_alarm(read_time() + 1000);
    clock_to(NANOSECONDS_PER_SECOND);
    g_assert_cmpint(irq_level, ==, 0);
    g_assert_cmphex(rd(ALARM_STATUS), ==, 0);
    wr(IRQ_ENABLED, 3); /* only bit 0 */
    g_assert_cmphex(rd(IRQ_ENABLED), ==, 1);
    g_assert_cmpint(irq_level, ==, 1);
    wr(IRQ_ENABLED, 0);
    g_assert_cmpint(irq_level, ==, 0);
    end();
}

static void test_reset_and_bad_access(void)
{
    g_autofree char *log = NULL;
    MemTxResult r;
    uint64_t t;

    begin();
    wr(TIME_HIGH, 7);
    wr(IRQ_ENABLED, 1);
    set_alarm(read_time() - 1);
    g_assert_cmpint(irq_level, ==, 1);
    set_alarm(read_time() + NANOSECONDS_PER_SECOND);
    device_cold_reset(rtc);
    g_assert_cmpint(irq_level, ==, 0);
    g_assert_cmphex(rd(IRQ_ENABLED), ==, 0);
    g_assert_cmphex(rd(ALARM_STATUS), ==, 0);
    g_assert_cmphex(rd(ALARM_LOW), ==, 0);
    t = read_time();
    g_assert_cmphex(t >> 32, ==, 7); /* the time survives reset */
    wr(IRQ_ENABLED, 1);
    clock_to(2 * NANOSECONDS_PER_SECOND); /* the alarm was dropped */
    g_assert_cmpint(irq_level, ==, 0);

    g_assert_cmphex(rd(RTC_BASE + 0x20), ==, 0);
    wr(RTC_BASE + 0x24, 5);
    address_space_stw_le(&address_space_memory, IRQ_ENABLED, 1,
                         MEMTXATTRS_UNSPECIFIED, &r);
    g_assert_cmpint(r, !=, MEMTX_OK);
    log = log_take();
    g_assert_nonnull(strstr(log, "goldfish_rtc: invalid read at 0x20\n"));
    g_assert_nonnull(
        strstr(log, "goldfish_rtc: invalid write at 0x24 (value 0x5)\n"));
    end();
}

int main(int argc, char **argv)
{
    g_autofree char *dir = g_dir_make_tmp("test-goldfish-rtc-XXXXXX", NULL);
    int ret;

    g_test_init(&argc, &argv, NULL);
    module_call_init(MODULE_INIT_QOM);
    log_path = g_build_filename(dir, "log", NULL);
    g_assert_true(qemu_set_log_filename(log_path));
    qemu_set_log(LOG_GUEST_ERROR);

    g_test_add_func("/goldfish-rtc/time-read", test_time_read);
    g_test_add_func("/goldfish-rtc/time-set", test_time_set);
    g_test_add_func("/goldfish-rtc/alarm", test_alarm);
    g_test_add_func("/goldfish-rtc/irq-enable", test_irq_enable);
    g_test_add_func("/goldfish-rtc/reset-and-bad-access",
                    test_reset_and_bad_access);
    ret = g_test_run();

    qemu_log_close();
    unlink(log_path);
    rmdir(dir);
    g_free(log_path);
    return ret;
}

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
#include "hw-test.h"

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
static HWTestSink irq;

/* The guest's way: low first (it latches high). */
static uint64_t read_time(void)
{
    uint64_t lo = hwtest_rd32(TIME_LOW);

    return ((uint64_t)hwtest_rd32(TIME_HIGH) << 32) | lo;
}

/* The Linux driver's order: high, then low (which arms). */
static void set_alarm(uint64_t t)
{
    hwtest_wr32(ALARM_HIGH, t >> 32);
    hwtest_wr32(ALARM_LOW, t & 0xffffffff);
}

static void begin(void)
{
    hwtest_begin();
    rtc = qdev_new(TYPE_GOLDFISH_RTC);
    sysbus_realize_and_unref(SYS_BUS_DEVICE(rtc), &error_abort);
    sysbus_mmio_map(SYS_BUS_DEVICE(rtc), 0, RTC_BASE);
    hwtest_sink_connect(rtc, SYSBUS_DEVICE_GPIO_IRQ, 1, &irq);
    g_free(hwtest_log_take());
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
    hwtest_end();
}

static void test_time_set(void)
{
    uint64_t t;

    begin();
    hwtest_wr32(TIME_HIGH, 0);
    hwtest_wr32(TIME_LOW, 1000);
    t = read_time();
    g_assert_cmpuint(t, >=, 1000);
    g_assert_cmpuint(t, <, 1000 + NANOSECONDS_PER_SECOND);
    hwtest_wr32(TIME_HIGH, 0x12);
    t = read_time();
    g_assert_cmphex(t >> 32, ==, 0x12);
    g_assert_cmpuint(t & 0xffffffff, <, 1000 + NANOSECONDS_PER_SECOND);
    /* The time goes on. */
    g_usleep(1000);
    g_assert_cmpuint(read_time(), >=, t + 1000000);
    hwtest_end();
}

static void test_alarm(void)
{
    uint64_t now;

    begin();
    hwtest_wr32(IRQ_ENABLED, 1);
    g_assert_cmphex(hwtest_rd32(IRQ_ENABLED), ==, 1);
    now = read_time();
    set_alarm(now + NANOSECONDS_PER_SECOND);
    g_assert_cmphex(hwtest_rd32(ALARM_LOW), ==,
                    (now + NANOSECONDS_PER_SECOND) & 0xffffffff);
    g_assert_cmphex(hwtest_rd32(ALARM_HIGH), ==,
                    (now + NANOSECONDS_PER_SECOND) >> 32);
    g_assert_cmphex(hwtest_rd32(ALARM_STATUS), ==, 1);
    hwtest_clock_to(NANOSECONDS_PER_SECOND / 2);
    g_assert_cmpint(irq.level[0], ==, 0);
    g_assert_cmphex(hwtest_rd32(ALARM_STATUS), ==, 1);
    hwtest_clock_to(NANOSECONDS_PER_SECOND);
    g_assert_cmpint(irq.level[0], ==, 1);
    g_assert_cmphex(hwtest_rd32(ALARM_STATUS), ==, 0);
    hwtest_wr32(CLEAR_INTERRUPT, 1);
    g_assert_cmpint(irq.level[0], ==, 0);

    /* An alarm in the past fires at once. */
    set_alarm(read_time() - 1);
    g_assert_cmpint(irq.level[0], ==, 1);
    g_assert_cmphex(hwtest_rd32(ALARM_STATUS), ==, 0);
    hwtest_wr32(CLEAR_INTERRUPT, 1);

    /* An alarm past the end of the virtual clock arms nothing. */
    set_alarm(UINT64_MAX - 1);
    g_assert_cmphex(hwtest_rd32(ALARM_STATUS), ==, 1);
    g_assert_cmpint(qemu_clock_first_deadline_ns(QEMU_CLOCK_VIRTUAL), ==, -1);

    /* CLEAR_ALARM cancels. */
    set_alarm(read_time() + 1000);
    g_assert_cmphex(hwtest_rd32(ALARM_STATUS), ==, 1);
    hwtest_wr32(CLEAR_ALARM, 1);
    g_assert_cmphex(hwtest_rd32(ALARM_STATUS), ==, 0);
    hwtest_clock_to(10 * NANOSECONDS_PER_SECOND);
    g_assert_cmpint(irq.level[0], ==, 0);
    hwtest_end();
}

/* The interrupt is pending & enabled; enabling late delivers it. */
static void test_irq_enable(void)
{
    begin();
    set_alarm(read_time() + 1000);
    hwtest_clock_to(NANOSECONDS_PER_SECOND);
    g_assert_cmpint(irq.level[0], ==, 0);
    g_assert_cmphex(hwtest_rd32(ALARM_STATUS), ==, 0);
    hwtest_wr32(IRQ_ENABLED, 3); /* only bit 0 */
    g_assert_cmphex(hwtest_rd32(IRQ_ENABLED), ==, 1);
    g_assert_cmpint(irq.level[0], ==, 1);
    hwtest_wr32(IRQ_ENABLED, 0);
    g_assert_cmpint(irq.level[0], ==, 0);
    hwtest_end();
}

static void test_reset_and_bad_access(void)
{
    g_autofree char *log = NULL;
    uint64_t t;

    begin();
    hwtest_wr32(TIME_HIGH, 7);
    hwtest_wr32(IRQ_ENABLED, 1);
    set_alarm(read_time() - 1);
    g_assert_cmpint(irq.level[0], ==, 1);
    set_alarm(read_time() + NANOSECONDS_PER_SECOND);
    device_cold_reset(rtc);
    g_assert_cmpint(irq.level[0], ==, 0);
    g_assert_cmphex(hwtest_rd32(IRQ_ENABLED), ==, 0);
    g_assert_cmphex(hwtest_rd32(ALARM_STATUS), ==, 0);
    g_assert_cmphex(hwtest_rd32(ALARM_LOW), ==, 0);
    t = read_time();
    g_assert_cmphex(t >> 32, ==, 7); /* the time survives reset */
    hwtest_wr32(IRQ_ENABLED, 1);
    hwtest_clock_to(2 * NANOSECONDS_PER_SECOND); /* the alarm was dropped */
    g_assert_cmpint(irq.level[0], ==, 0);

    g_assert_cmphex(hwtest_rd32(RTC_BASE + 0x20), ==, 0);
    hwtest_wr32(RTC_BASE + 0x24, 5);
    g_assert_cmpint(hwtest_write(IRQ_ENABLED, 1, 2), !=, MEMTX_OK);
    log = hwtest_log_take();
    g_assert_nonnull(strstr(log, "goldfish_rtc: invalid read at 0x20\n"));
    g_assert_nonnull(
        strstr(log, "goldfish_rtc: invalid write at 0x24 (value 0x5)\n"));
    hwtest_end();
}

int main(int argc, char **argv)
{
    hwtest_init(&argc, &argv, "test-goldfish-rtc");
    g_test_add_func("/goldfish-rtc/time-read", test_time_read);
    g_test_add_func("/goldfish-rtc/time-set", test_time_set);
    g_test_add_func("/goldfish-rtc/alarm", test_alarm);
    g_test_add_func("/goldfish-rtc/irq-enable", test_irq_enable);
    g_test_add_func("/goldfish-rtc/reset-and-bad-access",
                    test_reset_and_bad_access);
    return hwtest_run();
}

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Goldfish RTC (Android emulator's goldfish platform, "google,goldfish-rtc";
 * the Linux driver is drivers/rtc/rtc-goldfish.c), as QEMU's
 * hw/rtc/goldfish_rtc.c.  See include/hw/rtc/goldfish_rtc.h.
 */
#include "qomu/osdep.h"
#include "qapi/error.h"
#include "qomu/log.h"
#include "qomu/module.h"
#include "hw/rtc/goldfish_rtc.h"

#define RTC_TIME_LOW 0x00
#define RTC_TIME_HIGH 0x04
#define RTC_ALARM_LOW 0x08
#define RTC_ALARM_HIGH 0x0c
#define RTC_IRQ_ENABLED 0x10
#define RTC_CLEAR_ALARM 0x14
#define RTC_ALARM_STATUS 0x18
#define RTC_CLEAR_INTERRUPT 0x1c

static uint64_t deposit_half(uint64_t old, bool high, uint32_t value)
{
    if (high) {
        return (old & 0xffffffffULL) | ((uint64_t)value << 32);
    }
    return (old & ~0xffffffffULL) | value;
}

static uint64_t goldfish_rtc_get_count(GoldfishRTCState *s)
{
    return s->tick_offset + (uint64_t)qemu_clock_get_ns(QEMU_CLOCK_HOST);
}

static void goldfish_rtc_update(GoldfishRTCState *s)
{
    qemu_set_irq(s->irq, (s->irq_pending & s->irq_enabled) ? 1 : 0);
}

static void goldfish_rtc_clear_alarm(GoldfishRTCState *s)
{
    timer_del(&s->timer);
    s->alarm_running = 0;
}

static void goldfish_rtc_raise_alarm(GoldfishRTCState *s)
{
    s->alarm_running = 0;
    s->irq_pending = 1;
    goldfish_rtc_update(s);
}

static void goldfish_rtc_interrupt(void *opaque)
{
    goldfish_rtc_raise_alarm(opaque);
}

static void goldfish_rtc_set_alarm(GoldfishRTCState *s)
{
    uint64_t ticks = goldfish_rtc_get_count(s);
    uint64_t event = s->alarm_next;
    int64_t now = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);

    if (event <= ticks) {
        goldfish_rtc_clear_alarm(s);
        goldfish_rtc_raise_alarm(s);
        return;
    }
    s->alarm_running = 1;
    if (event - ticks >= (uint64_t)(INT64_MAX - now)) {
        /* Past the end of the virtual clock: it can never fire. */
        timer_del(&s->timer);
        return;
    }
    timer_mod_ns(&s->timer, now + (int64_t)(event - ticks));
}

/* Reading TIME_LOW latches the high half for the TIME_HIGH read after it. */
static uint64_t goldfish_rtc_read(void *opaque, hwaddr offset, unsigned size)
{
    GoldfishRTCState *s = opaque;
    uint64_t r;

    switch (offset) {
    case RTC_TIME_LOW:
        r = goldfish_rtc_get_count(s);
        s->time_high = r >> 32;
        return r & 0xffffffff;
    case RTC_TIME_HIGH:
        return s->time_high;
    case RTC_ALARM_LOW:
        return s->alarm_next & 0xffffffff;
    case RTC_ALARM_HIGH:
        return s->alarm_next >> 32;
    case RTC_IRQ_ENABLED:
        return s->irq_enabled;
    case RTC_ALARM_STATUS:
        return s->alarm_running;
    default:
        qemu_log_mask(LOG_GUEST_ERROR,
                      "goldfish_rtc: invalid read at 0x%" PRIx64 "\n",
                      (uint64_t)offset);
        return 0;
    }
}

/*
 * Writing ALARM_LOW arms the alarm (the Linux driver writes ALARM_HIGH
 * first); TIME_* writes move the clock by changing the offset.
 */
static void goldfish_rtc_write(void *opaque, hwaddr offset, uint64_t value,
                               unsigned size)
{
    GoldfishRTCState *s = opaque;
    uint64_t cur;

    switch (offset) {
    case RTC_TIME_LOW:
    case RTC_TIME_HIGH:
        cur = goldfish_rtc_get_count(s);
        s->tick_offset +=
            deposit_half(cur, offset == RTC_TIME_HIGH, value) - cur;
        break;
    case RTC_ALARM_LOW:
        s->alarm_next = deposit_half(s->alarm_next, false, value);
        goldfish_rtc_set_alarm(s);
        break;
    case RTC_ALARM_HIGH:
        s->alarm_next = deposit_half(s->alarm_next, true, value);
        break;
    case RTC_IRQ_ENABLED:
        s->irq_enabled = value & 0x1;
        goldfish_rtc_update(s);
        break;
    case RTC_CLEAR_ALARM:
        goldfish_rtc_clear_alarm(s);
        break;
    case RTC_CLEAR_INTERRUPT:
        s->irq_pending = 0;
        goldfish_rtc_update(s);
        break;
    default:
        qemu_log_mask(LOG_GUEST_ERROR,
                      "goldfish_rtc: invalid write at 0x%" PRIx64
                      " (value 0x%" PRIx64 ")\n",
                      (uint64_t)offset, value);
        break;
    }
}

static const MemoryRegionOps goldfish_rtc_ops = {
    .read = goldfish_rtc_read,
    .write = goldfish_rtc_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid =
        {
            .min_access_size = 4,
            .max_access_size = 4,
        },
};

static void goldfish_rtc_init(Object *obj)
{
    GoldfishRTCState *s = GOLDFISH_RTC(obj);

    memory_region_init_io(&s->iomem, obj, &goldfish_rtc_ops, s,
                          TYPE_GOLDFISH_RTC, GOLDFISH_RTC_SIZE);
    sysbus_init_mmio(SYS_BUS_DEVICE(obj), &s->iomem);
    sysbus_init_irq(SYS_BUS_DEVICE(obj), &s->irq);
}

static void goldfish_rtc_realize(DeviceState *dev, Error **errp)
{
    GoldfishRTCState *s = GOLDFISH_RTC(dev);

    timer_init_ns(&s->timer, QEMU_CLOCK_VIRTUAL, goldfish_rtc_interrupt, s);
}

static void goldfish_rtc_unrealize(DeviceState *dev)
{
    GoldfishRTCState *s = GOLDFISH_RTC(dev);

    timer_deinit(&s->timer);
}

/* The time (offset) survives reset, as a battery-backed clock does. */
static void goldfish_rtc_reset_enter(Object *obj, ResetType type)
{
    GoldfishRTCState *s = GOLDFISH_RTC(obj);

    if (DEVICE(obj)->realized) {
        timer_del(&s->timer);
    }
    s->alarm_next = 0;
    s->alarm_running = 0;
    s->irq_pending = 0;
    s->irq_enabled = 0;
    s->time_high = 0;
}

static void goldfish_rtc_reset_hold(Object *obj, ResetType type)
{
    goldfish_rtc_update(GOLDFISH_RTC(obj));
}

static void goldfish_rtc_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    ResettableClass *rc = RESETTABLE_CLASS(klass);

    dc->desc = "Goldfish real-time clock";
    dc->realize = goldfish_rtc_realize;
    dc->unrealize = goldfish_rtc_unrealize;
    rc->phases.enter = goldfish_rtc_reset_enter;
    rc->phases.hold = goldfish_rtc_reset_hold;
}

static const TypeInfo goldfish_rtc_info = {
    .name = TYPE_GOLDFISH_RTC,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(GoldfishRTCState),
    .instance_init = goldfish_rtc_init,
    .class_init = goldfish_rtc_class_init,
};

static void goldfish_rtc_register_types(void)
{
    type_register_static(&goldfish_rtc_info);
}

type_init(goldfish_rtc_register_types)

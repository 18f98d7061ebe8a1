/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * goldfish_rtc.h: the Goldfish real-time clock ("google,goldfish-rtc"),
 * with QEMU's type name and register layout (hw/rtc/goldfish_rtc.c).
 *
 * Time is nanoseconds since the Unix epoch: the host's wall clock
 * (QEMU_CLOCK_HOST, as QEMU's default -rtc clock=host) plus an offset that
 * guest writes of TIME_LOW / TIME_HIGH set.  The alarm is armed on the
 * virtual clock for (alarm - time at arming) nanoseconds, so it fires
 * after that much guest time, does not fire while the machine is stopped,
 * and can be stepped in tests.  One sysbus IRQ output (index 0), level:
 * alarm fired and interrupts enabled.
 *
 * Differences from QEMU: no "big-endian" property (little-endian only);
 * the alarm runs on the virtual clock rather than the RTC's clock; no
 * migration state.
 */
#ifndef HW_RTC_GOLDFISH_RTC_H
#define HW_RTC_GOLDFISH_RTC_H

#include "hw/sysbus.h"
#include "exec/memory.h"
#include "qomu/timer.h"

#define TYPE_GOLDFISH_RTC "goldfish_rtc"

#define GOLDFISH_RTC_SIZE 0x1000

typedef struct GoldfishRTCState GoldfishRTCState;

#define GOLDFISH_RTC(obj)                                                      \
    OBJECT_CHECK(GoldfishRTCState, (obj), TYPE_GOLDFISH_RTC)

/** GoldfishRTCState: the RTC. */
struct GoldfishRTCState {
    /* private: */
    SysBusDevice parent_obj;

    /* public: */
    MemoryRegion iomem;
    QEMUTimer timer;
    qemu_irq irq;

    uint64_t tick_offset;
    uint64_t alarm_next;
    uint32_t alarm_running;
    uint32_t irq_pending;
    uint32_t irq_enabled;
    uint32_t time_high;
};

#endif /* HW_RTC_GOLDFISH_RTC_H */

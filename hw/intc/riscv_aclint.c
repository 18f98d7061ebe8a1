/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * RISC-V ACLINT MTIMER and MSWI/SSWI (RISC-V ACLINT spec 1.0-rc4; with the
 * default layout also the SiFive CLINT), as QEMU's hw/intc/riscv_aclint.c.
 * See include/hw/intc/riscv_aclint.h for wiring and differences.
 */
#include "qomu/osdep.h"
#include "qapi/error.h"
#include "qomu/log.h"
#include "qomu/module.h"
#include "hw/intc/riscv_aclint.h"
#include "hw/qdev-properties.h"
#include "exec/address-spaces.h"

/*
 * MTIMER: mtimecmp[n] at timecmp-base + 8 * n, mtime at time-base; both
 * 64-bit registers, accessible as two 32-bit halves.
 * MSWI: MSIP[n] at 4 * n, bit 0 (SSWI: SETSSIP[n], write-1-to-set, reads 0).
 */
#define ACLINT_MSIP_PENDING 0x1

/* Per-hart timer of an MTIMER: its callback needs to know which hart. */
struct RISCVAclintMTimerHart {
    QEMUTimer timer;
    RISCVAclintMTimerState *s;
    uint32_t n;
};

/* MTIMER helpers */

/* a * b / c without overflow in the intermediate product. */
static uint64_t aclint_muldiv64(uint64_t a, uint64_t b, uint64_t c, bool up)
{
    __uint128_t p = (__uint128_t)a * b;
    __uint128_t q = p / c;

    if (up && p % c) {
        q++;
    }
    return q > UINT64_MAX ? UINT64_MAX : (uint64_t)q;
}

static uint64_t aclint_mtimer_raw_ticks(RISCVAclintMTimerState *s)
{
    return aclint_muldiv64(qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL),
                           s->timebase_freq, NANOSECONDS_PER_SECOND, false);
}

uint64_t riscv_aclint_mtimer_get_time(void *opaque)
{
    RISCVAclintMTimerState *s = opaque;

    return aclint_mtimer_raw_ticks(s) + s->time_delta;
}

/*
 * Compare hart @n's mtimecmp with mtime: raise MTIP when mtime >= mtimecmp,
 * otherwise lower it and arm the virtual-clock timer for the moment mtime
 * gets there (rounded up, so the callback never comes early).
 */
static void aclint_mtimer_update(RISCVAclintMTimerState *s, uint32_t n)
{
    uint64_t now = riscv_aclint_mtimer_get_time(s);
    uint64_t diff, ns;
    int64_t now_ns;

    if (s->timecmp[n] <= now) {
        timer_del(&s->harts[n].timer);
        qemu_irq_raise(s->timer_irqs[n]);
        return;
    }
    qemu_irq_lower(s->timer_irqs[n]);
    diff = s->timecmp[n] - now;
    now_ns = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    ns = aclint_muldiv64(diff, NANOSECONDS_PER_SECOND, s->timebase_freq, true);
    if (ns >= (uint64_t)(INT64_MAX - now_ns)) {
        /*
         * Beyond the end of the virtual clock (e.g. mtimecmp = all ones,
         * "no timer"): arm nothing, or a deterministic run loop would jump
         * there when all harts wait.  A later mtime write re-evaluates.
         */
        timer_del(&s->harts[n].timer);
        return;
    }
    timer_mod_ns(&s->harts[n].timer, now_ns + (int64_t)ns);
}

static void aclint_mtimer_cb(void *opaque)
{
    RISCVAclintMTimerHart *h = opaque;

    aclint_mtimer_update(h->s, h->n);
}

static uint64_t riscv_aclint_mtimer_read(void *opaque, hwaddr addr,
                                         unsigned size)
{
    RISCVAclintMTimerState *s = opaque;
    uint64_t val;

    if (addr >= s->timecmp_base &&
        addr < s->timecmp_base + (uint64_t)s->num_harts * 8) {
        hwaddr off = addr - s->timecmp_base;

        val = s->timecmp[off >> 3];
    } else if (addr == s->time_base || addr == s->time_base + 4) {
        val = riscv_aclint_mtimer_get_time(s);
    } else {
        qemu_log_mask(LOG_GUEST_ERROR,
                      "aclint-mtimer: invalid read at 0x%" PRIx64
                      " (size %u)\n",
                      (uint64_t)addr, size);
        return 0;
    }
    if (size == 4) {
        return (addr & 4) ? val >> 32 : val & 0xffffffff;
    }
    if (addr & 4) {
        /* An 8-byte access must start at the register. */
        qemu_log_mask(LOG_GUEST_ERROR,
                      "aclint-mtimer: misaligned 8-byte read at 0x%" PRIx64
                      "\n",
                      (uint64_t)addr);
        return 0;
    }
    return val;
}

/* Merge a 4- or 8-byte write at @addr into the 64-bit register @old. */
static uint64_t aclint_merge(uint64_t old, hwaddr addr, uint64_t value,
                             unsigned size)
{
    if (size == 8) {
        return value;
    }
    if (addr & 4) {
        return (old & 0xffffffffULL) | (value << 32);
    }
    return (old & ~0xffffffffULL) | (value & 0xffffffffULL);
}

static void riscv_aclint_mtimer_write(void *opaque, hwaddr addr, uint64_t value,
                                      unsigned size)
{
    RISCVAclintMTimerState *s = opaque;

    if (size == 8 && (addr & 4)) {
        qemu_log_mask(LOG_GUEST_ERROR,
                      "aclint-mtimer: misaligned 8-byte write at 0x%" PRIx64
                      "\n",
                      (uint64_t)addr);
        return;
    }
    if (addr >= s->timecmp_base &&
        addr < s->timecmp_base + (uint64_t)s->num_harts * 8) {
        uint32_t n = (addr - s->timecmp_base) >> 3;

        s->timecmp[n] = aclint_merge(s->timecmp[n], addr, value, size);
        aclint_mtimer_update(s, n);
    } else if (addr == s->time_base || addr == s->time_base + 4) {
        uint64_t mtime =
            aclint_merge(riscv_aclint_mtimer_get_time(s), addr, value, size);

        /* mtime moved: every hart's comparison changes. */
        s->time_delta = mtime - aclint_mtimer_raw_ticks(s);
        for (uint32_t n = 0; n < s->num_harts; n++) {
            aclint_mtimer_update(s, n);
        }
    } else {
        qemu_log_mask(LOG_GUEST_ERROR,
                      "aclint-mtimer: invalid write at 0x%" PRIx64
                      " (size %u, value 0x%" PRIx64 ")\n",
                      (uint64_t)addr, size, value);
    }
}

static const MemoryRegionOps riscv_aclint_mtimer_ops = {
    .read = riscv_aclint_mtimer_read,
    .write = riscv_aclint_mtimer_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid =
        {
            .min_access_size = 4,
            .max_access_size = 8,
        },
    .impl =
        {
            .min_access_size = 4,
            .max_access_size = 8,
        },
};

static const Property riscv_aclint_mtimer_properties[] = {
    DEFINE_PROP_UINT32("hartid-base", RISCVAclintMTimerState, hartid_base, 0),
    DEFINE_PROP_UINT32("num-harts", RISCVAclintMTimerState, num_harts, 1),
    DEFINE_PROP_UINT32("timecmp-base", RISCVAclintMTimerState, timecmp_base,
                       RISCV_ACLINT_DEFAULT_MTIMECMP),
    DEFINE_PROP_UINT32("time-base", RISCVAclintMTimerState, time_base,
                       RISCV_ACLINT_DEFAULT_MTIME),
    DEFINE_PROP_UINT32("aperture-size", RISCVAclintMTimerState, aperture_size,
                       RISCV_ACLINT_DEFAULT_MTIMER_SIZE),
    DEFINE_PROP_UINT32("timebase-freq", RISCVAclintMTimerState, timebase_freq,
                       RISCV_ACLINT_DEFAULT_TIMEBASE_FREQ),
};

static const char *const riscv_aclint_mtimer_prop_desc[][2] = {
    {"hartid-base", "hart id driven by GPIO output 0"},
    {"num-harts", "number of harts (one mtimecmp and one output each)"},
    {"timecmp-base", "offset of hart 0's mtimecmp in the region"},
    {"time-base", "offset of mtime in the region"},
    {"aperture-size", "size of the MMIO region in bytes"},
    {"timebase-freq", "mtime frequency in Hz"},
};

/*
 * The region's size and the number of outputs depend on properties, so
 * both are made at realize; nothing is left for init.
 */
static void riscv_aclint_mtimer_realize(DeviceState *dev, Error **errp)
{
    RISCVAclintMTimerState *s = RISCV_ACLINT_MTIMER(dev);
    uint64_t cmp_end = s->timecmp_base + (uint64_t)s->num_harts * 8;

    if (s->num_harts < 1 || s->num_harts > RISCV_ACLINT_MAX_HARTS) {
        error_setg(errp,
                   "riscv.aclint.mtimer: property 'num-harts' is %u, "
                   "expected 1..%u",
                   s->num_harts, RISCV_ACLINT_MAX_HARTS);
        return;
    }
    if (s->timebase_freq == 0) {
        error_setg(errp, "riscv.aclint.mtimer: property 'timebase-freq' "
                         "must not be 0");
        return;
    }
    if (s->aperture_size == 0 ||
        s->aperture_size > RISCV_ACLINT_MAX_MTIMER_SIZE) {
        error_setg(errp,
                   "riscv.aclint.mtimer: property 'aperture-size' is "
                   "0x%x, expected 1..0x%x",
                   s->aperture_size, RISCV_ACLINT_MAX_MTIMER_SIZE);
        return;
    }
    if ((s->timecmp_base & 7) || (s->time_base & 7)) {
        error_setg(errp,
                   "riscv.aclint.mtimer: 'timecmp-base' (0x%x) and "
                   "'time-base' (0x%x) must be 8-byte aligned",
                   s->timecmp_base, s->time_base);
        return;
    }
    if (cmp_end > s->aperture_size ||
        (uint64_t)s->time_base + 8 > s->aperture_size) {
        error_setg(errp,
                   "riscv.aclint.mtimer: registers (mtimecmp "
                   "0x%x..0x%" PRIx64 ", mtime 0x%x) do not fit in "
                   "'aperture-size' 0x%x",
                   s->timecmp_base, cmp_end - 1, s->time_base,
                   s->aperture_size);
        return;
    }
    if (s->time_base >= s->timecmp_base && s->time_base < cmp_end) {
        error_setg(errp,
                   "riscv.aclint.mtimer: mtime at 0x%x overlaps the "
                   "mtimecmp registers 0x%x..0x%" PRIx64,
                   s->time_base, s->timecmp_base, cmp_end - 1);
        return;
    }

    memory_region_init_io(&s->mmio, OBJECT(dev), &riscv_aclint_mtimer_ops, s,
                          TYPE_RISCV_ACLINT_MTIMER, s->aperture_size);
    sysbus_init_mmio(SYS_BUS_DEVICE(dev), &s->mmio);

    s->timer_irqs = g_new0(qemu_irq, s->num_harts);
    qdev_init_gpio_out(dev, s->timer_irqs, s->num_harts);

    s->timecmp = g_new(uint64_t, s->num_harts);
    s->harts = g_new0(RISCVAclintMTimerHart, s->num_harts);
    for (uint32_t n = 0; n < s->num_harts; n++) {
        s->timecmp[n] = UINT64_MAX;
        s->harts[n].s = s;
        s->harts[n].n = n;
        timer_init_ns(&s->harts[n].timer, QEMU_CLOCK_VIRTUAL, aclint_mtimer_cb,
                      &s->harts[n]);
    }
}

static void riscv_aclint_mtimer_unrealize(DeviceState *dev)
{
    RISCVAclintMTimerState *s = RISCV_ACLINT_MTIMER(dev);

    for (uint32_t n = 0; s->harts && n < s->num_harts; n++) {
        timer_deinit(&s->harts[n].timer);
    }
}

static void riscv_aclint_mtimer_finalize(Object *obj)
{
    RISCVAclintMTimerState *s = RISCV_ACLINT_MTIMER(obj);

    g_free(s->harts);
    g_free(s->timecmp);
    g_free(s->timer_irqs);
}

/*
 * The ACLINT spec: mtime is cleared on reset; mtimecmp is unspecified, and
 * all ones keeps MTIP clear until firmware programs it.
 */
static void riscv_aclint_mtimer_reset_enter(Object *obj, ResetType type)
{
    RISCVAclintMTimerState *s = RISCV_ACLINT_MTIMER(obj);

    if (!s->harts) {
        return; /* not realized */
    }
    s->time_delta = -aclint_mtimer_raw_ticks(s);
    for (uint32_t n = 0; n < s->num_harts; n++) {
        s->timecmp[n] = UINT64_MAX;
        timer_del(&s->harts[n].timer);
    }
}

static void riscv_aclint_mtimer_reset_hold(Object *obj, ResetType type)
{
    RISCVAclintMTimerState *s = RISCV_ACLINT_MTIMER(obj);

    for (uint32_t n = 0; s->harts && n < s->num_harts; n++) {
        aclint_mtimer_update(s, n);
    }
}

/* MSWI / SSWI */

static uint64_t riscv_aclint_swi_read(void *opaque, hwaddr addr, unsigned size)
{
    RISCVAclintSwiState *s = opaque;

    if (addr < (uint64_t)s->num_harts * 4) {
        /* SETSSIP reads as zero (ACLINT spec, SSWI). */
        return s->sswi ? 0 : s->msip[addr >> 2];
    }
    qemu_log_mask(LOG_GUEST_ERROR,
                  "aclint-swi: invalid read at 0x%" PRIx64 "\n",
                  (uint64_t)addr);
    return 0;
}

static void riscv_aclint_swi_write(void *opaque, hwaddr addr, uint64_t value,
                                   unsigned size)
{
    RISCVAclintSwiState *s = opaque;
    uint32_t n = addr >> 2;

    if (addr >= (uint64_t)s->num_harts * 4) {
        qemu_log_mask(LOG_GUEST_ERROR,
                      "aclint-swi: invalid write at 0x%" PRIx64
                      " (value 0x%" PRIx64 ")\n",
                      (uint64_t)addr, value);
        return;
    }
    if (s->sswi) {
        /* Write 1 sets the hart's SSIP; 0 is ignored (an edge, not a level). */
        if (value & ACLINT_MSIP_PENDING) {
            qemu_irq_raise(s->soft_irqs[n]);
        }
        return;
    }
    s->msip[n] = value & ACLINT_MSIP_PENDING;
    qemu_set_irq(s->soft_irqs[n], s->msip[n]);
}

static const MemoryRegionOps riscv_aclint_swi_ops = {
    .read = riscv_aclint_swi_read,
    .write = riscv_aclint_swi_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid =
        {
            .min_access_size = 4,
            .max_access_size = 4,
        },
};

static const Property riscv_aclint_swi_properties[] = {
    DEFINE_PROP_UINT32("hartid-base", RISCVAclintSwiState, hartid_base, 0),
    DEFINE_PROP_UINT32("num-harts", RISCVAclintSwiState, num_harts, 1),
    DEFINE_PROP_UINT32("sswi", RISCVAclintSwiState, sswi, false),
};

static const char *const riscv_aclint_swi_prop_desc[][2] = {
    {"hartid-base", "hart id driven by GPIO output 0"},
    {"num-harts", "number of harts (one MSIP register and output each)"},
    {"sswi", "1: supervisor software interrupts (SETSSIP), 0: MSIP"},
};

static void riscv_aclint_swi_init(Object *obj)
{
    RISCVAclintSwiState *s = RISCV_ACLINT_SWI(obj);

    memory_region_init_io(&s->mmio, obj, &riscv_aclint_swi_ops, s,
                          TYPE_RISCV_ACLINT_SWI, RISCV_ACLINT_SWI_SIZE);
    sysbus_init_mmio(SYS_BUS_DEVICE(obj), &s->mmio);
}

static void riscv_aclint_swi_realize(DeviceState *dev, Error **errp)
{
    RISCVAclintSwiState *s = RISCV_ACLINT_SWI(dev);

    if (s->num_harts < 1 || s->num_harts > RISCV_ACLINT_MAX_HARTS) {
        error_setg(errp,
                   "riscv.aclint.swi: property 'num-harts' is %u, "
                   "expected 1..%u",
                   s->num_harts, RISCV_ACLINT_MAX_HARTS);
        return;
    }
    if (s->sswi > 1) {
        error_setg(errp,
                   "riscv.aclint.swi: property 'sswi' is %u, "
                   "expected 0 or 1",
                   s->sswi);
        return;
    }
    s->msip = g_new0(uint8_t, s->num_harts);
    s->soft_irqs = g_new0(qemu_irq, s->num_harts);
    qdev_init_gpio_out(dev, s->soft_irqs, s->num_harts);
}

static void riscv_aclint_swi_finalize(Object *obj)
{
    RISCVAclintSwiState *s = RISCV_ACLINT_SWI(obj);

    g_free(s->msip);
    g_free(s->soft_irqs);
}

static void riscv_aclint_swi_reset_enter(Object *obj, ResetType type)
{
    RISCVAclintSwiState *s = RISCV_ACLINT_SWI(obj);

    if (s->msip) {
        memset(s->msip, 0, s->num_harts);
    }
}

static void riscv_aclint_swi_reset_hold(Object *obj, ResetType type)
{
    RISCVAclintSwiState *s = RISCV_ACLINT_SWI(obj);

    for (uint32_t n = 0; s->soft_irqs && n < s->num_harts; n++) {
        qemu_irq_lower(s->soft_irqs[n]);
    }
}

/* Board helpers */

DeviceState *riscv_aclint_swi_create(hwaddr addr, uint32_t hartid_base,
                                     uint32_t num_harts, bool sswi)
{
    DeviceState *dev = qdev_new(TYPE_RISCV_ACLINT_SWI);

    qdev_prop_set_uint32(dev, "hartid-base", hartid_base);
    qdev_prop_set_uint32(dev, "num-harts", num_harts);
    qdev_prop_set_uint32(dev, "sswi", sswi);
    sysbus_realize_and_unref(SYS_BUS_DEVICE(dev), &error_fatal);
    sysbus_mmio_map(SYS_BUS_DEVICE(dev), 0, addr);
    return dev;
}

DeviceState *
riscv_aclint_mtimer_create(hwaddr addr, hwaddr size, uint32_t hartid_base,
                           uint32_t num_harts, uint32_t timecmp_base,
                           uint32_t time_base, uint32_t timebase_freq)
{
    DeviceState *dev = qdev_new(TYPE_RISCV_ACLINT_MTIMER);

    qdev_prop_set_uint32(dev, "hartid-base", hartid_base);
    qdev_prop_set_uint32(dev, "num-harts", num_harts);
    qdev_prop_set_uint32(dev, "timecmp-base", timecmp_base);
    qdev_prop_set_uint32(dev, "time-base", time_base);
    qdev_prop_set_uint32(dev, "aperture-size", size);
    qdev_prop_set_uint32(dev, "timebase-freq", timebase_freq);
    sysbus_realize_and_unref(SYS_BUS_DEVICE(dev), &error_fatal);
    sysbus_mmio_map(SYS_BUS_DEVICE(dev), 0, addr);
    return dev;
}

/* Types */

static void aclint_set_prop_desc(ObjectClass *klass,
                                 const char *const desc[][2], size_t n)
{
    for (size_t i = 0; i < n; i++) {
        object_class_property_set_description(klass, desc[i][0], desc[i][1]);
    }
}

static void riscv_aclint_mtimer_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    ResettableClass *rc = RESETTABLE_CLASS(klass);

    dc->desc = "RISC-V ACLINT machine timer (mtime, mtimecmp)";
    dc->realize = riscv_aclint_mtimer_realize;
    dc->unrealize = riscv_aclint_mtimer_unrealize;
    dc->user_creatable = false;
    device_class_set_props(dc, riscv_aclint_mtimer_properties);
    aclint_set_prop_desc(klass, riscv_aclint_mtimer_prop_desc,
                         ARRAY_SIZE(riscv_aclint_mtimer_prop_desc));
    rc->phases.enter = riscv_aclint_mtimer_reset_enter;
    rc->phases.hold = riscv_aclint_mtimer_reset_hold;
}

static void riscv_aclint_swi_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    ResettableClass *rc = RESETTABLE_CLASS(klass);

    dc->desc = "RISC-V ACLINT software interrupts (MSWI / SSWI)";
    dc->realize = riscv_aclint_swi_realize;
    dc->user_creatable = false;
    device_class_set_props(dc, riscv_aclint_swi_properties);
    aclint_set_prop_desc(klass, riscv_aclint_swi_prop_desc,
                         ARRAY_SIZE(riscv_aclint_swi_prop_desc));
    rc->phases.enter = riscv_aclint_swi_reset_enter;
    rc->phases.hold = riscv_aclint_swi_reset_hold;
}

static const TypeInfo riscv_aclint_types[] = {
    {
        .name = TYPE_RISCV_ACLINT_MTIMER,
        .parent = TYPE_SYS_BUS_DEVICE,
        .instance_size = sizeof(RISCVAclintMTimerState),
        .instance_finalize = riscv_aclint_mtimer_finalize,
        .class_init = riscv_aclint_mtimer_class_init,
    },
    {
        .name = TYPE_RISCV_ACLINT_SWI,
        .parent = TYPE_SYS_BUS_DEVICE,
        .instance_size = sizeof(RISCVAclintSwiState),
        .instance_init = riscv_aclint_swi_init,
        .instance_finalize = riscv_aclint_swi_finalize,
        .class_init = riscv_aclint_swi_class_init,
    },
};

DEFINE_TYPES(riscv_aclint_types)

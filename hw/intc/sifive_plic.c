/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * SiFive PLIC (RISC-V Platform-Level Interrupt Controller spec 1.0.0,
 * "sifive,plic-1.0.0"), as QEMU's hw/intc/sifive_plic.c.  See
 * include/hw/intc/sifive_plic.h for contexts, wiring and differences.
 */
#include "qomu/osdep.h"
#include "qapi/error.h"
#include "qomu/log.h"
#include "qomu/module.h"
#include "hw/intc/sifive_plic.h"
#include "hw/qdev-properties.h"

/*
 * Registers (offsets from the properties):
 *   priority-base + 4 * src      source priority (source 0 reserved)
 *   pending-base + 4 * word      pending bits, read-only
 *   enable-base + enable-stride * ctx + 4 * word   enable bits
 *   context-base + context-stride * ctx + 0        priority threshold
 *   context-base + context-stride * ctx + 4        claim (read) / complete
 */
#define PLIC_CONTEXT_THRESHOLD 0
#define PLIC_CONTEXT_CLAIM 4

static bool plic_bit(const uint32_t *words, uint32_t n)
{
    return (words[n >> 5] >> (n & 31)) & 1;
}

static void plic_set_bit(uint32_t *words, uint32_t n, bool value)
{
    if (value) {
        words[n >> 5] |= 1u << (n & 31);
    } else {
        words[n >> 5] &= ~(1u << (n & 31));
    }
}

static bool plic_in_range(hwaddr addr, uint64_t base, uint64_t size)
{
    return addr >= base && addr - base < size;
}

/*
 * The source context @addrid would get from a claim now: the pending,
 * enabled, unclaimed source of highest priority above the threshold;
 * the lowest ID wins a tie (PLIC spec 1.0.0, "Interrupt Priorities").
 * Returns: 0 when there is none.
 */
static uint32_t sifive_plic_best(SiFivePLICState *s, uint32_t addrid)
{
    uint32_t max_prio = s->target_priority[addrid];
    uint32_t best = 0;

    for (uint32_t w = 0; w < s->bitfield_words; w++) {
        uint32_t cand = s->pending[w] & ~s->claimed[w] &
                        s->enable[addrid * s->bitfield_words + w];

        while (cand) {
            uint32_t src = w * 32 + __builtin_ctz(cand);

            cand &= cand - 1;
            if (s->source_priority[src] > max_prio) {
                max_prio = s->source_priority[src];
                best = src;
            }
        }
    }
    return best;
}

static void sifive_plic_update(SiFivePLICState *s)
{
    for (uint32_t addrid = 0; addrid < s->num_addrs; addrid++) {
        uint32_t hart = s->addr_config[addrid].hartid - s->hartid_base;
        int level = sifive_plic_best(s, addrid) != 0;

        switch (s->addr_config[addrid].mode) {
        case PLICMode_M:
            qemu_set_irq(s->m_external_irqs[hart], level);
            break;
        case PLICMode_S:
            qemu_set_irq(s->s_external_irqs[hart], level);
            break;
        default:
            break;
        }
    }
}

/*
 * The gateway of a level-triggered source.  A high line forwards one
 * request; the core keeps it pending until a claim, even if the line
 * drops first (PLIC spec, "Interrupt Gateways"; QEMU does the same).  The
 * gateway forwards no new request until the completion.
 */
static void sifive_plic_irq_request(void *opaque, int irq, int level)
{
    SiFivePLICState *s = opaque;

    if (irq <= 0 || (uint32_t)irq >= s->num_sources) {
        qemu_log_mask(LOG_GUEST_ERROR,
                      "sifive_plic: input %d is not a source (1..%u)\n", irq,
                      s->num_sources - 1);
        return;
    }
    plic_set_bit(s->level, irq, level > 0);
    if (level > 0 && !plic_bit(s->claimed, irq)) {
        plic_set_bit(s->pending, irq, true);
    }
    sifive_plic_update(s);
}

static uint32_t sifive_plic_claim(SiFivePLICState *s, uint32_t addrid)
{
    uint32_t src = sifive_plic_best(s, addrid);

    if (src) {
        plic_set_bit(s->pending, src, false);
        plic_set_bit(s->claimed, src, true);
        sifive_plic_update(s);
    }
    return src;
}

static void sifive_plic_complete(SiFivePLICState *s, uint32_t addrid,
                                 uint32_t src)
{
    if (src == 0 || src >= s->num_sources) {
        qemu_log_mask(LOG_GUEST_ERROR,
                      "sifive_plic: context %u completes invalid source %u\n",
                      addrid, src);
        return;
    }
    /* PLIC spec: a completion for a source not enabled is ignored. */
    if (!plic_bit(&s->enable[addrid * s->bitfield_words], src)) {
        qemu_log_mask(LOG_GUEST_ERROR,
                      "sifive_plic: context %u completes source %u, which "
                      "it has not enabled\n",
                      addrid, src);
        return;
    }
    plic_set_bit(s->claimed, src, false);
    if (plic_bit(s->level, src)) {
        plic_set_bit(s->pending, src, true);
    }
    sifive_plic_update(s);
}

/*
 * Parse "MS,MS": fill addr_config, num_addrs and num_harts.
 * Returns: false with @errp set on a bad string.
 */
static bool sifive_plic_parse_hart_config(SiFivePLICState *s, Error **errp)
{
    const char *cfg = s->hart_config;
    uint32_t hart = 0, addrid = 0, seen = 0;

    if (!cfg || !*cfg) {
        error_setg(errp, "riscv.sifive.plic: property 'hart-config' is "
                         "required (e.g. \"MS,MS\")");
        return false;
    }
    s->addr_config = g_new0(PLICAddr, strlen(cfg));
    for (const char *p = cfg; *p; p++) {
        PLICMode mode;

        switch (*p) {
        case ',':
            hart++;
            seen = 0;
            continue;
        case 'M':
            mode = PLICMode_M;
            break;
        case 'S':
            mode = PLICMode_S;
            break;
        case 'H':
            mode = PLICMode_H;
            break;
        case 'U':
            mode = PLICMode_U;
            break;
        default:
            error_setg(errp,
                       "riscv.sifive.plic: property 'hart-config' "
                       "(\"%s\"): invalid mode '%c' for hart %u, "
                       "expected M, S, H or U",
                       cfg, *p, hart);
            return false;
        }
        if (seen & (1u << mode)) {
            error_setg(errp,
                       "riscv.sifive.plic: property 'hart-config' "
                       "(\"%s\"): mode '%c' twice for hart %u",
                       cfg, *p, hart);
            return false;
        }
        seen |= 1u << mode;
        s->addr_config[addrid].addrid = addrid;
        s->addr_config[addrid].hartid = s->hartid_base + hart;
        s->addr_config[addrid].mode = mode;
        addrid++;
    }
    if (addrid == 0) {
        error_setg(errp,
                   "riscv.sifive.plic: property 'hart-config' (\"%s\") "
                   "has no context",
                   cfg);
        return false;
    }
    s->num_addrs = addrid;
    s->num_harts = hart + 1;
    return true;
}

static bool sifive_plic_check_layout(SiFivePLICState *s, Error **errp)
{
    static const char *const names[] = {"priority", "pending", "enable",
                                        "context"};
    uint64_t base[4] = {s->priority_base, s->pending_base, s->enable_base,
                        s->context_base};
    uint64_t size[4] = {(uint64_t)s->num_sources * 4,
                        (uint64_t)s->bitfield_words * 4,
                        (uint64_t)s->num_addrs * s->enable_stride,
                        (uint64_t)s->num_addrs * s->context_stride};

    if (s->enable_stride < s->bitfield_words * 4 ||
        (s->enable_stride & (s->enable_stride - 1))) {
        error_setg(errp,
                   "riscv.sifive.plic: property 'enable-stride' is "
                   "0x%x, expected a power of two >= 0x%x",
                   s->enable_stride, s->bitfield_words * 4);
        return false;
    }
    if (s->context_stride < 8 ||
        (s->context_stride & (s->context_stride - 1))) {
        error_setg(errp,
                   "riscv.sifive.plic: property 'context-stride' is "
                   "0x%x, expected a power of two >= 8",
                   s->context_stride);
        return false;
    }
    for (int i = 0; i < 4; i++) {
        if (base[i] + size[i] > s->aperture_size) {
            error_setg(errp,
                       "riscv.sifive.plic: the %s registers "
                       "(0x%" PRIx64 "..0x%" PRIx64 ") do not fit in "
                       "'aperture-size' 0x%x",
                       names[i], base[i], base[i] + size[i] - 1,
                       s->aperture_size);
            return false;
        }
        for (int j = 0; j < i; j++) {
            if (base[i] < base[j] + size[j] && base[j] < base[i] + size[i]) {
                error_setg(errp,
                           "riscv.sifive.plic: the %s registers "
                           "overlap the %s registers",
                           names[i], names[j]);
                return false;
            }
        }
    }
    return true;
}

/*
 * Priority and threshold registers are WARL: with 2^n - 1 priorities the
 * value is masked (as QEMU and SiFive parts do), otherwise an out-of-range
 * value is ignored.
 */
static bool sifive_plic_legal_priority(SiFivePLICState *s, uint32_t *value)
{
    if (((s->num_priorities + 1) & s->num_priorities) == 0) {
        *value &= s->num_priorities;
        return true;
    }
    return *value <= s->num_priorities;
}

static uint64_t sifive_plic_read(void *opaque, hwaddr addr, unsigned size)
{
    SiFivePLICState *s = opaque;

    if (plic_in_range(addr, s->priority_base, (uint64_t)s->num_sources * 4)) {
        return s->source_priority[(addr - s->priority_base) >> 2];
    }
    if (plic_in_range(addr, s->pending_base, (uint64_t)s->bitfield_words * 4)) {
        return s->pending[(addr - s->pending_base) >> 2];
    }
    if (plic_in_range(addr, s->enable_base,
                      (uint64_t)s->num_addrs * s->enable_stride)) {
        uint32_t addrid = (addr - s->enable_base) / s->enable_stride;
        uint32_t word = ((addr - s->enable_base) & (s->enable_stride - 1)) >> 2;

        if (word < s->bitfield_words) {
            return s->enable[addrid * s->bitfield_words + word];
        }
    } else if (plic_in_range(addr, s->context_base,
                             (uint64_t)s->num_addrs * s->context_stride)) {
        uint32_t addrid = (addr - s->context_base) / s->context_stride;
        uint32_t reg = (addr - s->context_base) & (s->context_stride - 1);

        if (reg == PLIC_CONTEXT_THRESHOLD) {
            return s->target_priority[addrid];
        }
        if (reg == PLIC_CONTEXT_CLAIM) {
            return sifive_plic_claim(s, addrid);
        }
    }
    qemu_log_mask(LOG_GUEST_ERROR,
                  "sifive_plic: invalid register read at 0x%" PRIx64 "\n",
                  (uint64_t)addr);
    return 0;
}

static void sifive_plic_write(void *opaque, hwaddr addr, uint64_t value,
                              unsigned size)
{
    SiFivePLICState *s = opaque;
    uint32_t v = value;

    if (plic_in_range(addr, s->priority_base, (uint64_t)s->num_sources * 4)) {
        uint32_t src = (addr - s->priority_base) >> 2;

        if (src == 0) {
            /* Source 0 does not exist: its priority is hardwired to 0. */
            return;
        }
        if (sifive_plic_legal_priority(s, &v)) {
            s->source_priority[src] = v;
            sifive_plic_update(s);
        }
        return;
    }
    if (plic_in_range(addr, s->pending_base, (uint64_t)s->bitfield_words * 4)) {
        qemu_log_mask(
            LOG_GUEST_ERROR,
            "sifive_plic: write to read-only pending bits at 0x%" PRIx64 "\n",
            (uint64_t)addr);
        return;
    }
    if (plic_in_range(addr, s->enable_base,
                      (uint64_t)s->num_addrs * s->enable_stride)) {
        uint32_t addrid = (addr - s->enable_base) / s->enable_stride;
        uint32_t word = ((addr - s->enable_base) & (s->enable_stride - 1)) >> 2;

        if (word < s->bitfield_words) {
            uint32_t first = word * 32;

            if (word == 0) {
                v &= ~1u;
            }
            if (s->num_sources - first < 32) {
                v &= (1u << (s->num_sources - first)) - 1;
            }
            s->enable[addrid * s->bitfield_words + word] = v;
            sifive_plic_update(s);
            return;
        }
    } else if (plic_in_range(addr, s->context_base,
                             (uint64_t)s->num_addrs * s->context_stride)) {
        uint32_t addrid = (addr - s->context_base) / s->context_stride;
        uint32_t reg = (addr - s->context_base) & (s->context_stride - 1);

        if (reg == PLIC_CONTEXT_THRESHOLD) {
            if (sifive_plic_legal_priority(s, &v)) {
                s->target_priority[addrid] = v;
                sifive_plic_update(s);
            }
            return;
        }
        if (reg == PLIC_CONTEXT_CLAIM) {
            sifive_plic_complete(s, addrid, v);
            return;
        }
    }
    qemu_log_mask(LOG_GUEST_ERROR,
                  "sifive_plic: invalid register write at 0x%" PRIx64
                  " (value 0x%x)\n",
                  (uint64_t)addr, v);
}

static const MemoryRegionOps sifive_plic_ops = {
    .read = sifive_plic_read,
    .write = sifive_plic_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid =
        {
            .min_access_size = 4,
            .max_access_size = 4,
        },
};

static const Property sifive_plic_properties[] = {
    DEFINE_PROP_STRING("hart-config", SiFivePLICState, hart_config),
    DEFINE_PROP_UINT32("hartid-base", SiFivePLICState, hartid_base, 0),
    DEFINE_PROP_UINT32("num-sources", SiFivePLICState, num_sources, 0),
    DEFINE_PROP_UINT32("num-priorities", SiFivePLICState, num_priorities, 7),
    DEFINE_PROP_UINT32("priority-base", SiFivePLICState, priority_base, 0x0),
    DEFINE_PROP_UINT32("pending-base", SiFivePLICState, pending_base, 0x1000),
    DEFINE_PROP_UINT32("enable-base", SiFivePLICState, enable_base, 0x2000),
    DEFINE_PROP_UINT32("enable-stride", SiFivePLICState, enable_stride, 0x80),
    DEFINE_PROP_UINT32("context-base", SiFivePLICState, context_base, 0x200000),
    DEFINE_PROP_UINT32("context-stride", SiFivePLICState, context_stride,
                       0x1000),
    DEFINE_PROP_UINT32("aperture-size", SiFivePLICState, aperture_size,
                       0x600000),
};

static const char *const sifive_plic_prop_desc[][2] = {
    {"hart-config", "per hart, comma separated: its context modes (M, S, "
                    "U, H), e.g. \"MS,MS\""},
    {"hartid-base", "hart id of the first hart in hart-config"},
    {"num-sources", "number of sources including the reserved source 0 "
                    "(2..1024)"},
    {"num-priorities", "highest priority level"},
    {"priority-base", "offset of the source priority registers"},
    {"pending-base", "offset of the pending bits"},
    {"enable-base", "offset of context 0's enable bits"},
    {"enable-stride", "distance between contexts' enable bits"},
    {"context-base", "offset of context 0's threshold and claim registers"},
    {"context-stride", "distance between contexts' threshold registers"},
    {"aperture-size", "size of the MMIO region in bytes"},
};

static void sifive_plic_realize(DeviceState *dev, Error **errp)
{
    SiFivePLICState *s = SIFIVE_PLIC(dev);

    if (s->num_sources < 2 || s->num_sources > SIFIVE_PLIC_MAX_SOURCES) {
        error_setg(errp,
                   "riscv.sifive.plic: property 'num-sources' is %u, "
                   "expected 2..%u (source 0 included)",
                   s->num_sources, SIFIVE_PLIC_MAX_SOURCES);
        return;
    }
    if (s->num_priorities < 1) {
        error_setg(errp, "riscv.sifive.plic: property 'num-priorities' "
                         "must be at least 1");
        return;
    }
    if (!sifive_plic_parse_hart_config(s, errp)) {
        return;
    }
    if (s->num_addrs > SIFIVE_PLIC_MAX_CONTEXTS) {
        error_setg(errp, "riscv.sifive.plic: %u contexts, at most %u",
                   s->num_addrs, SIFIVE_PLIC_MAX_CONTEXTS);
        return;
    }
    s->bitfield_words = (s->num_sources + 31) / 32;
    s->num_enables = s->bitfield_words * s->num_addrs;
    if (!sifive_plic_check_layout(s, errp)) {
        return;
    }

    memory_region_init_io(&s->mmio, OBJECT(dev), &sifive_plic_ops, s,
                          TYPE_SIFIVE_PLIC, s->aperture_size);
    sysbus_init_mmio(SYS_BUS_DEVICE(dev), &s->mmio);

    s->source_priority = g_new0(uint32_t, s->num_sources);
    s->target_priority = g_new0(uint32_t, s->num_addrs);
    s->pending = g_new0(uint32_t, s->bitfield_words);
    s->claimed = g_new0(uint32_t, s->bitfield_words);
    s->level = g_new0(uint32_t, s->bitfield_words);
    s->enable = g_new0(uint32_t, s->num_enables);

    qdev_init_gpio_in(dev, sifive_plic_irq_request, s->num_sources);
    s->m_external_irqs = g_new0(qemu_irq, s->num_harts);
    qdev_init_gpio_out(dev, s->m_external_irqs, s->num_harts);
    s->s_external_irqs = g_new0(qemu_irq, s->num_harts);
    qdev_init_gpio_out(dev, s->s_external_irqs, s->num_harts);
}

static void sifive_plic_finalize(Object *obj)
{
    SiFivePLICState *s = SIFIVE_PLIC(obj);

    g_free(s->addr_config);
    g_free(s->source_priority);
    g_free(s->target_priority);
    g_free(s->pending);
    g_free(s->claimed);
    g_free(s->level);
    g_free(s->enable);
    g_free(s->m_external_irqs);
    g_free(s->s_external_irqs);
}

/*
 * Priorities, thresholds, enables and claims go back to 0.  The input
 * lines keep their level (the wires belong to the sources), so a line
 * still high is pending again, but nothing is enabled.
 */
static void sifive_plic_reset_enter(Object *obj, ResetType type)
{
    SiFivePLICState *s = SIFIVE_PLIC(obj);

    if (!s->enable) {
        return; /* not realized */
    }
    memset(s->source_priority, 0, s->num_sources * sizeof(uint32_t));
    memset(s->target_priority, 0, s->num_addrs * sizeof(uint32_t));
    memset(s->claimed, 0, s->bitfield_words * sizeof(uint32_t));
    memcpy(s->pending, s->level, s->bitfield_words * sizeof(uint32_t));
    memset(s->enable, 0, s->num_enables * sizeof(uint32_t));
}

static void sifive_plic_reset_hold(Object *obj, ResetType type)
{
    SiFivePLICState *s = SIFIVE_PLIC(obj);

    if (s->enable) {
        sifive_plic_update(s);
    }
}

DeviceState *sifive_plic_create(hwaddr addr, char *hart_config,
                                uint32_t num_harts, uint32_t hartid_base,
                                uint32_t num_sources, uint32_t num_priorities,
                                uint32_t priority_base, uint32_t pending_base,
                                uint32_t enable_base, uint32_t enable_stride,
                                uint32_t context_base, uint32_t context_stride,
                                uint32_t aperture_size)
{
    DeviceState *dev = qdev_new(TYPE_SIFIVE_PLIC);

    qdev_prop_set_string(dev, "hart-config", hart_config);
    qdev_prop_set_uint32(dev, "hartid-base", hartid_base);
    qdev_prop_set_uint32(dev, "num-sources", num_sources);
    qdev_prop_set_uint32(dev, "num-priorities", num_priorities);
    qdev_prop_set_uint32(dev, "priority-base", priority_base);
    qdev_prop_set_uint32(dev, "pending-base", pending_base);
    qdev_prop_set_uint32(dev, "enable-base", enable_base);
    qdev_prop_set_uint32(dev, "enable-stride", enable_stride);
    qdev_prop_set_uint32(dev, "context-base", context_base);
    qdev_prop_set_uint32(dev, "context-stride", context_stride);
    qdev_prop_set_uint32(dev, "aperture-size", aperture_size);
    sysbus_realize_and_unref(SYS_BUS_DEVICE(dev), &error_fatal);
    if (SIFIVE_PLIC(dev)->num_harts != num_harts) {
        error_setg(&error_abort,
                   "sifive_plic_create: hart-config \"%s\" has %u harts, "
                   "expected %u",
                   hart_config, SIFIVE_PLIC(dev)->num_harts, num_harts);
    }
    sysbus_mmio_map(SYS_BUS_DEVICE(dev), 0, addr);
    return dev;
}

static void sifive_plic_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    ResettableClass *rc = RESETTABLE_CLASS(klass);

    dc->desc = "SiFive platform-level interrupt controller";
    dc->realize = sifive_plic_realize;
    dc->user_creatable = false;
    device_class_set_props(dc, sifive_plic_properties);
    for (size_t i = 0; i < ARRAY_SIZE(sifive_plic_prop_desc); i++) {
        object_class_property_set_description(
            klass, sifive_plic_prop_desc[i][0], sifive_plic_prop_desc[i][1]);
    }
    rc->phases.enter = sifive_plic_reset_enter;
    rc->phases.hold = sifive_plic_reset_hold;
}

static const TypeInfo sifive_plic_info = {
    .name = TYPE_SIFIVE_PLIC,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(SiFivePLICState),
    .instance_finalize = sifive_plic_finalize,
    .class_init = sifive_plic_class_init,
};

static void sifive_plic_register_types(void)
{
    type_register_static(&sifive_plic_info);
}

type_init(sifive_plic_register_types)

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * sifive_plic.h: the SiFive PLIC ("sifive,plic-1.0.0", RISC-V PLIC spec
 * 1.0.0), with QEMU's type name, properties and layout
 * (include/hw/intc/sifive_plic.h).
 *
 * Contexts.  "hart-config" lists, per hart (comma separated, starting at
 * hart hartid-base), the privilege modes that have a context, e.g. "MS,MS"
 * gives context 0 = hart 0 M, 1 = hart 0 S, 2 = hart 1 M, 3 = hart 1 S (the
 * order of the device tree's interrupts-extended on virt).
 *
 * GPIO inputs: n = source n, for n in 1..num-sources-1 (num-sources counts
 * the reserved source 0, as in QEMU: virt's 96 gives sources 1..95,
 * riscv,ndev = 95).  Sources are level-triggered: a high line makes the
 * source pending unless it is claimed; a low line clears pending; on
 * complete a line still high makes it pending again.
 *
 * GPIO outputs (unnamed, as QEMU): n = M-mode external interrupt of hart
 * (hartid-base + n), num_harts + n = its S-mode external interrupt; the
 * board wires them to IRQ_M_EXT (11) and IRQ_S_EXT (9).  U and H contexts
 * may be configured but drive nothing (as QEMU).
 *
 * Differences from QEMU: sifive_plic_create() does not wire CPUs;
 * layout properties default to virt's values (QEMU: 0); enable bit 0
 * (source 0) and bits of sources >= num-sources read as zero; complete
 * of a source not enabled for the context is ignored (PLIC spec), and a
 * level-triggered source whose line is still high after complete is
 * pending again (QEMU waits for the device to raise it again).
 */
#ifndef HW_INTC_SIFIVE_PLIC_H
#define HW_INTC_SIFIVE_PLIC_H

#include "hw/sysbus.h"
#include "exec/memory.h"

#define TYPE_SIFIVE_PLIC "riscv.sifive.plic"

#define SIFIVE_PLIC_MAX_SOURCES 1024
#define SIFIVE_PLIC_MAX_CONTEXTS 15872

typedef struct SiFivePLICState SiFivePLICState;

#define SIFIVE_PLIC(obj) OBJECT_CHECK(SiFivePLICState, (obj), TYPE_SIFIVE_PLIC)

/** PLICMode: the privilege mode of a context (QEMU's numbering). */
typedef enum PLICMode {
    PLICMode_U,
    PLICMode_S,
    PLICMode_H,
    PLICMode_M
} PLICMode;

/** PLICAddr: one context ("addrid"): its hart and mode. */
typedef struct PLICAddr {
    uint32_t addrid;
    uint32_t hartid;
    PLICMode mode;
} PLICAddr;

/**
 * SiFivePLICState: the PLIC.  Bit arrays hold 32 sources per word; @enable
 * has @bitfield_words words per context.
 */
struct SiFivePLICState {
    /* private: */
    SysBusDevice parent_obj;

    /* public: */
    MemoryRegion mmio;
    uint32_t num_addrs;
    uint32_t num_harts;
    uint32_t bitfield_words;
    uint32_t num_enables;
    PLICAddr *addr_config;
    uint32_t *source_priority;
    uint32_t *target_priority;
    uint32_t *pending;
    uint32_t *claimed;
    uint32_t *level;
    uint32_t *enable;
    qemu_irq *m_external_irqs;
    qemu_irq *s_external_irqs;

    /* properties */
    char *hart_config;
    uint32_t hartid_base;
    uint32_t num_sources;
    uint32_t num_priorities;
    uint32_t priority_base;
    uint32_t pending_base;
    uint32_t enable_base;
    uint32_t enable_stride;
    uint32_t context_base;
    uint32_t context_stride;
    uint32_t aperture_size;
};

/**
 * sifive_plic_create: create, realize and map a PLIC (QEMU's signature).
 * @addr: guest-physical base (0xc000000 on virt).
 * @hart_config: e.g. "MS,MS".
 * @num_harts: the number of harts in @hart_config.
 * @hartid_base .. @aperture_size: the properties of the same names.
 * The caller wires the GPIO outputs; bad arguments are fatal.
 * Returns: the device (qdev owns it).
 */
DeviceState *sifive_plic_create(hwaddr addr, char *hart_config,
                                uint32_t num_harts, uint32_t hartid_base,
                                uint32_t num_sources, uint32_t num_priorities,
                                uint32_t priority_base, uint32_t pending_base,
                                uint32_t enable_base, uint32_t enable_stride,
                                uint32_t context_base, uint32_t context_stride,
                                uint32_t aperture_size);

#endif /* HW_INTC_SIFIVE_PLIC_H */

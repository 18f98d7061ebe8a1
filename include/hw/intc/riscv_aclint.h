/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * riscv_aclint.h: the RISC-V ACLINT machine timer (MTIMER) and software
 * interrupt devices (MSWI / SSWI), with QEMU's type names, properties and
 * register layouts (hw/intc/riscv_aclint.c), which also give the SiFive
 * CLINT layout: MSIP at 0x0, MTIMECMP at 0x4000, MTIME at 0xbff8.
 *
 * Wiring.  The devices do not know the CPU.  Each has one unnamed GPIO
 * output per hart: output n drives hart (hartid-base + n), and the board
 * connects it to the hart's GPIO input for the right mip bit:
 *     mtimer output n  ->  IRQ_M_TIMER (7)
 *     mswi output n    ->  IRQ_M_SOFT (3)   (sswi=1: IRQ_S_SOFT (1))
 * The `time` CSR reads riscv_aclint_mtimer_get_time(); the board passes it
 * to each hart: riscv_cpu_set_rdtime_fn(env, riscv_aclint_mtimer_get_time,
 * mtimer).
 *
 * Differences from QEMU:
 *  - the create helpers neither look up nor wire CPUs (the board connects
 *    the GPIO outputs and the rdtime function), so riscv_aclint_mtimer_create
 *    has no provide_rdtime argument;
 *  - MSIP is state of the device (QEMU reads it back from the hart's mip);
 *  - reset sets MTIMECMP to all ones (no timer interrupt pending after
 *    reset; the spec leaves MTIMECMP unspecified, QEMU leaves it as it was,
 *    0 at power-on, which makes MTIP pending until firmware writes it);
 *  - timebase-freq defaults to 10 MHz (QEMU: 0, the board sets it).
 */
#ifndef HW_INTC_RISCV_ACLINT_H
#define HW_INTC_RISCV_ACLINT_H

#include "hw/sysbus.h"
#include "exec/memory.h"
#include "qomu/timer.h"

#define TYPE_RISCV_ACLINT_MTIMER "riscv.aclint.mtimer"
#define TYPE_RISCV_ACLINT_SWI "riscv.aclint.swi"

#define RISCV_ACLINT_MAX_HARTS 4095
#define RISCV_ACLINT_DEFAULT_MTIMECMP 0x0
#define RISCV_ACLINT_DEFAULT_MTIME 0x7ff8
#define RISCV_ACLINT_DEFAULT_MTIMER_SIZE 0x8000
#define RISCV_ACLINT_DEFAULT_TIMEBASE_FREQ 10000000
#define RISCV_ACLINT_MAX_MTIMER_SIZE 0x8000000
#define RISCV_ACLINT_SWI_SIZE 0x4000

typedef struct RISCVAclintMTimerState RISCVAclintMTimerState;
typedef struct RISCVAclintMTimerHart RISCVAclintMTimerHart; /* private */
typedef struct RISCVAclintSwiState RISCVAclintSwiState;

#define RISCV_ACLINT_MTIMER(obj)                                               \
    OBJECT_CHECK(RISCVAclintMTimerState, (obj), TYPE_RISCV_ACLINT_MTIMER)
#define RISCV_ACLINT_SWI(obj)                                                  \
    OBJECT_CHECK(RISCVAclintSwiState, (obj), TYPE_RISCV_ACLINT_SWI)

/**
 * RISCVAclintMTimerState: one MTIMER.  mtime is
 * (virtual ns * timebase-freq / 10^9) + @time_delta, so it stands still
 * while the machine is stopped.
 */
struct RISCVAclintMTimerState {
    /* private: */
    SysBusDevice parent_obj;

    /* public: */
    MemoryRegion mmio;
    uint64_t time_delta;
    uint64_t *timecmp;
    RISCVAclintMTimerHart *harts;
    qemu_irq *timer_irqs;

    uint32_t hartid_base;
    uint32_t num_harts;
    uint32_t timecmp_base;
    uint32_t time_base;
    uint32_t aperture_size;
    uint32_t timebase_freq;
};

/** RISCVAclintSwiState: one MSWI (or SSWI with sswi=1). */
struct RISCVAclintSwiState {
    /* private: */
    SysBusDevice parent_obj;

    /* public: */
    MemoryRegion mmio;
    uint8_t *msip;
    qemu_irq *soft_irqs;

    uint32_t hartid_base;
    uint32_t num_harts;
    uint32_t sswi;
};

/**
 * riscv_aclint_mtimer_get_time: the current mtime of an MTIMER.
 * @opaque: the RISCVAclintMTimerState (as a void pointer, so that it can
 * be passed to riscv_cpu_set_rdtime_fn() unchanged).
 * Returns: mtime, in timebase-freq ticks.
 */
uint64_t riscv_aclint_mtimer_get_time(void *opaque);

/**
 * riscv_aclint_swi_create: create, realize and map an MSWI (or SSWI).
 * @addr: guest-physical base (0x2000000 for a CLINT).
 * @hartid_base: hart id of GPIO output 0.
 * @num_harts: number of harts (1..RISCV_ACLINT_MAX_HARTS).
 * @sswi: true for a supervisor software interrupt device.
 * The device is an orphan (placed under the machine by qdev); GPIO output
 * n must be connected by the caller.
 * Returns: the device (the caller holds no reference; qdev owns it).
 */
DeviceState *riscv_aclint_swi_create(hwaddr addr, uint32_t hartid_base,
                                     uint32_t num_harts, bool sswi);

/**
 * riscv_aclint_mtimer_create: create, realize and map an MTIMER.
 * @addr: guest-physical base (0x2004000 for a CLINT at 0x2000000).
 * @size: aperture size (RISCV_ACLINT_DEFAULT_MTIMER_SIZE for a CLINT).
 * @hartid_base, @num_harts: as for riscv_aclint_swi_create().
 * @timecmp_base: offset of hart 0's mtimecmp (RISCV_ACLINT_DEFAULT_MTIMECMP).
 * @time_base: offset of mtime (RISCV_ACLINT_DEFAULT_MTIME).
 * @timebase_freq: mtime frequency in Hz.
 * Bad arguments are a programming error (&error_fatal).
 * Returns: the device (qdev owns it).
 */
DeviceState *
riscv_aclint_mtimer_create(hwaddr addr, hwaddr size, uint32_t hartid_base,
                           uint32_t num_harts, uint32_t timecmp_base,
                           uint32_t time_base, uint32_t timebase_freq);

#endif /* HW_INTC_RISCV_ACLINT_H */

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * virt.h: the RISC-V "virt" board (QEMU's -M virt): its memory map,
 * interrupt numbers and state, as QEMU's include/hw/riscv/virt.h.
 *
 * The composition:
 *   /machine                 the board (VirtMachineState)
 *   /machine/ram             main memory at 0x80000000
 *   /machine/soc             the SoC: a container of the on-chip parts
 *   /machine/soc/harts[N]    the harts (hart ids 0..N-1)
 *   /machine/soc/mrom        the reset ROM at 0x1000
 *   /machine/soc/clint-swi, clint-mtimer   the CLINT (ACLINT MSWI + MTIMER)
 *   /machine/soc/plic        the PLIC
 *   /machine/soc/uart0       the ns16550a (backend: serial_hd(0))
 *   /machine/soc/test        the sifive_test finisher / syscon
 *   /machine/soc/rtc         the Goldfish RTC
 *
 * Differences from QEMU: at most VIRT_CPUS_MAX (8) harts in one socket
 * (QEMU: 512 over up to 8 sockets); no AIA, no ACLINT-with-SSWI option,
 * no flash, fw_cfg, virtio-mmio or platform bus; the PCIe windows are in
 * the map but no host bridge is created yet.
 */
#ifndef HW_RISCV_VIRT_H
#define HW_RISCV_VIRT_H

#include "exec/memory.h"
#include "hw/boards.h"

#define TYPE_RISCV_VIRT_MACHINE MACHINE_TYPE_NAME("virt")

typedef struct RISCVVirtState RISCVVirtState;

#define RISCV_VIRT_MACHINE(obj)                                                \
    OBJECT_CHECK(RISCVVirtState, (obj), TYPE_RISCV_VIRT_MACHINE)

#define VIRT_CPUS_MAX 8

/* The memory map (QEMU's virt_memmap indices). */
enum {
    VIRT_DEBUG,
    VIRT_MROM,
    VIRT_TEST,
    VIRT_RTC,
    VIRT_CLINT,
    VIRT_PCIE_PIO,
    VIRT_PLIC,
    VIRT_UART0,
    VIRT_PCIE_ECAM,
    VIRT_PCIE_MMIO,
    VIRT_DRAM,
    VIRT_MEMMAP_COUNT,
};

/* Interrupt sources of the PLIC (QEMU's numbers). */
enum {
    UART0_IRQ = 10,
    RTC_IRQ = 11,
    VIRTIO_IRQ = 1,
    PCIE_IRQ = 0x20,
    VIRT_IRQCHIP_NUM_SOURCES = 96,
};

#define VIRT_IRQCHIP_NUM_PRIO 7
#define VIRT_PLIC_PRIORITY_BASE 0x00
#define VIRT_PLIC_PENDING_BASE 0x1000
#define VIRT_PLIC_ENABLE_BASE 0x2000
#define VIRT_PLIC_ENABLE_STRIDE 0x80
#define VIRT_PLIC_CONTEXT_BASE 0x200000
#define VIRT_PLIC_CONTEXT_STRIDE 0x1000
#define VIRT_PLIC_SIZE(num_contexts)                                           \
    (VIRT_PLIC_CONTEXT_BASE + (num_contexts)*VIRT_PLIC_CONTEXT_STRIDE)

#define VIRT_TIMEBASE_FREQ 10000000
#define VIRT_UART_CLOCK 3686400 /* 0x384000: baud base 230400 */

/** MemMapEntry: one window of the memory map. */
typedef struct MemMapEntry {
    hwaddr base;
    hwaddr size;
} MemMapEntry;

/**
 * RISCVVirtState: the board.
 * @soc: the SoC container (child "soc").
 * @ram: main memory (child "ram" of the machine).
 * @mrom: the reset ROM (child "mrom" of the SoC).
 * @fdt_addr: where the device tree was placed (0 before boot setup).
 */
struct RISCVVirtState {
    /* private: */
    MachineState parent_obj;

    /* public: */
    Object *soc;
    MemoryRegion ram;
    MemoryRegion mrom;
    hwaddr fdt_addr;
};

/** virt_memmap: the board's memory map, indexed by VIRT_*. */
extern const MemMapEntry virt_memmap[VIRT_MEMMAP_COUNT];

#endif /* HW_RISCV_VIRT_H */

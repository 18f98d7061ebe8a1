/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gpex.h: the generic PCIe host bridge with ECAM ("gpex-pcihost"), as
 * QEMU's include/hw/pci-host/gpex.h, and the helper boards use to place
 * it (windows, INTx wiring, device-tree node as QEMU's riscv virt
 * create_fdt_pcie / create_pcie_irq_map).
 *
 * Sysbus regions: 0 the ECAM window (256 MiB: buses 0-255, 1 MiB each;
 * bus << 20 | devfn << 12 | register), 1 the PCI memory space (2^64; a
 * board maps an alias of the part it decodes), 2 the PCI I/O space
 * (64 KiB).  Sysbus IRQs 0-3: INTA..INTD after the swizzle.
 * The root bus is "pcie.0"; function 00.0 is the host bridge "gpex-root"
 * (1b36:0008, class 0600), child "gpex-root" of the host.
 *
 * Differences from QEMU: no high (64-bit) MMIO window and no MSI; bus
 * masters reach system memory directly (no IOMMU).
 */
#ifndef HW_PCI_HOST_GPEX_H
#define HW_PCI_HOST_GPEX_H

#include "hw/pci/pci_host.h"

#define TYPE_GPEX_HOST "gpex-pcihost"
#define TYPE_GPEX_ROOT_DEVICE "gpex-root"

#define GPEX_NUM_IRQS 4
#define PCIE_MMCFG_SIZE_MAX (1ULL << 28)
#define PCIE_MMCFG_SIZE_MIN (1ULL << 20)

typedef struct GPEXHost GPEXHost;
typedef struct GPEXRootState GPEXRootState;

#define GPEX_HOST(obj) OBJECT_CHECK(GPEXHost, (obj), TYPE_GPEX_HOST)

/** GPEXRootState: the host bridge function at 00.0. */
struct GPEXRootState {
    /* private: */
    PCIDevice parent_obj;
};

/**
 * GPEXHost: the host.
 * @mmcfg: the ECAM window (sysbus region 0).
 * @io_mmio: the PCI memory space (region 1).
 * @io_ioport: the PCI I/O space (region 2).
 * @ecam_alias, @mmio_alias: the windows gpex_create() maps.
 * @irq: the four INTx outputs.
 * @gpex_root: the host bridge function.
 */
struct GPEXHost {
    /* private: */
    PCIHostState parent_obj;

    /* public: */
    MemoryRegion mmcfg;
    MemoryRegion io_mmio;
    MemoryRegion io_ioport;
    MemoryRegion ecam_alias;
    MemoryRegion mmio_alias;
    qemu_irq irq[GPEX_NUM_IRQS];
    GPEXRootState gpex_root;
};

/**
 * GPEXConfig: where a board puts the host.
 * @ecam_base, @ecam_size: the ECAM window (size a multiple of 1 MiB).
 * @mmio_base, @mmio_size: the 32-bit MMIO window (bus address = CPU
 * address, as QEMU's virt).
 * @pio_base, @pio_size: the I/O window (bus I/O address 0 at @pio_base).
 * @irqchip, @irq_base: INTA..INTD drive irqchip inputs @irq_base..+3.
 * @irqchip_phandle: the interrupt controller's phandle for interrupt-map;
 * 0: read it from the node at @irqchip_fdt_path.
 * @irqchip_fdt_path: the interrupt controller's node, e.g.
 * "/soc/plic@c000000" (used when @irqchip_phandle is 0).
 */
typedef struct GPEXConfig {
    hwaddr ecam_base;
    hwaddr ecam_size;
    hwaddr mmio_base;
    hwaddr mmio_size;
    hwaddr pio_base;
    hwaddr pio_size;
    DeviceState *irqchip;
    int irq_base;
    uint32_t irqchip_phandle;
    const char *irqchip_fdt_path;
} GPEXConfig;

/**
 * gpex_create: create a gpex-pcihost as child @name of @parent, realize
 * it, map its ECAM, MMIO and I/O windows into @sysmem as @cfg says and
 * wire its INTx outputs to @cfg->irqchip.
 * Returns: the host, or NULL with @errp set.
 */
GPEXHost *gpex_create(Object *parent, const char *name, MemoryRegion *sysmem,
                      const GPEXConfig *cfg, Error **errp);

/**
 * gpex_fdt_add_node: add the host's node under @parent_path (e.g. "/soc",
 * with #address-cells = #size-cells = 2) of @fdt, exactly as QEMU's
 * riscv virt: "pci@<ecam>" with compatible "pci-host-ecam-generic",
 * device_type "pci", #address-cells 3, #size-cells 2, #interrupt-cells 1,
 * bus-range, linux,pci-domain 0, dma-coherent, reg, ranges (I/O and
 * 32-bit MMIO), interrupt-map-mask <0x1800 0 0 7> and an interrupt-map of
 * 4 slots x 4 pins swizzled to @cfg->irq_base..+3.
 * Returns: true on success.
 */
bool gpex_fdt_add_node(void *fdt, const char *parent_path,
                       const GPEXConfig *cfg, Error **errp);

/**
 * gpex_virt_init: what the virt board calls: gpex_create() as child
 * "pcie" of @parent, then, when @fdt is not NULL, gpex_fdt_add_node()
 * under "/soc".  Returns: the host, or NULL with @errp set.
 */
GPEXHost *gpex_virt_init(Object *parent, MemoryRegion *sysmem,
                         const GPEXConfig *cfg, void *fdt, Error **errp);

#endif /* HW_PCI_HOST_GPEX_H */

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * pci_bus.h: PCI buses (TYPE_PCI_BUS "PCI", TYPE_PCIE_BUS "PCIE"), as
 * QEMU's include/hw/pci/pci_bus.h and the root-bus functions of its
 * pci.h.
 *
 * A root bus belongs to a host bridge.  It knows the bus's memory and I/O
 * spaces (where BARs map), the DMA target of bus masters, and how INTx
 * pins reach the host's lines (map_irq: device pin -> line; set_irq:
 * drive line).  Its devices are indexed by devfn.
 */
#ifndef HW_PCI_PCI_BUS_H
#define HW_PCI_PCI_BUS_H

#include "hw/pci/pci.h"

#define TYPE_PCI_BUS "PCI"
#define TYPE_PCIE_BUS "PCIE"

#define PCI_BUS(obj) OBJECT_CHECK(PCIBus, (obj), TYPE_PCI_BUS)

/** pci_set_irq_fn: drive host line @irq_num to @level. */
typedef void (*pci_set_irq_fn)(void *opaque, int irq_num, int level);
/** pci_map_irq_fn: the host line of @pci_dev's pin @irq_num (0 = INTA). */
typedef int (*pci_map_irq_fn)(PCIDevice *pci_dev, int irq_num);

/**
 * PCIBus: a PCI bus.
 * @devices: the functions by devfn.
 * @address_space_mem, @address_space_io: the bus's memory and I/O spaces.
 * @dma_root: what bus masters reach (system memory for a host bridge).
 * @set_irq, @map_irq, @irq_opaque, @nirq, @irq_count: INTx routing; a
 * line is high while any device pin mapped to it is asserted.
 * @devfn_min: the first devfn automatic placement uses.
 */
struct PCIBus {
    /* private: */
    BusState qbus;

    /* public: */
    PCIDevice *devices[PCI_DEVFN_MAX];
    MemoryRegion *address_space_mem;
    MemoryRegion *address_space_io;
    MemoryRegion *dma_root;
    pci_set_irq_fn set_irq;
    pci_map_irq_fn map_irq;
    void *irq_opaque;
    int nirq;
    int *irq_count;
    uint8_t devfn_min;
};

/**
 * pci_root_bus_new: create a root bus of @typename (TYPE_PCI_BUS or
 * TYPE_PCIE_BUS) named @name, owned by the host bridge @parent, whose
 * BARs map into @address_space_mem / @address_space_io.
 */
PCIBus *pci_root_bus_new(DeviceState *parent, const char *name,
                         MemoryRegion *address_space_mem,
                         MemoryRegion *address_space_io, uint8_t devfn_min,
                         const char *typename);

/**
 * pci_bus_irqs: route the bus's INTx: @map_irq picks one of @nirq lines,
 * @set_irq drives it (with @irq_opaque).
 */
void pci_bus_irqs(PCIBus *bus, pci_set_irq_fn set_irq, void *irq_opaque,
                  int nirq);

/** pci_bus_map_irqs: set the bus's pin-to-line mapping. */
void pci_bus_map_irqs(PCIBus *bus, pci_map_irq_fn map_irq);

/**
 * pci_register_root_bus: pci_root_bus_new() + pci_bus_irqs() +
 * pci_bus_map_irqs(), as QEMU's.
 */
PCIBus *pci_register_root_bus(DeviceState *parent, const char *name,
                              pci_set_irq_fn set_irq, pci_map_irq_fn map_irq,
                              void *irq_opaque,
                              MemoryRegion *address_space_mem,
                              MemoryRegion *address_space_io,
                              uint8_t devfn_min, int nirq,
                              const char *typename);

/**
 * pci_bus_set_dma_root: make @root (usually system memory) what the bus's
 * masters reach.  Call before devices are realized.
 */
void pci_bus_set_dma_root(PCIBus *bus, MemoryRegion *root);

/**
 * pci_swizzle_map_irq_fn: the standard swizzle: line (slot + pin) % 4.
 */
int pci_swizzle_map_irq_fn(PCIDevice *pci_dev, int pin);

/** pci_bus_num: the bus number (0 for a root bus). */
int pci_bus_num(PCIBus *bus);

/** pci_bus_is_express: whether @bus is a PCIe bus. */
bool pci_bus_is_express(const PCIBus *bus);

/** pci_find_device: the function at @bus_num / @devfn, or NULL. */
PCIDevice *pci_find_device(PCIBus *bus, int bus_num, uint8_t devfn);

/**
 * pci_host_config_read_common / pci_host_config_write_common: a host
 * bridge's configuration access to @pci_dev: @len (1, 2, 4) bytes at
 * @addr, below @limit (the configuration-space size the access mechanism
 * reaches).  Reads past the limit return all ones; writes are dropped.
 */
uint32_t pci_host_config_read_common(PCIDevice *pci_dev, uint32_t addr,
                                     uint32_t limit, uint32_t len);
void pci_host_config_write_common(PCIDevice *pci_dev, uint32_t addr,
                                  uint32_t limit, uint32_t val, uint32_t len);

#endif /* HW_PCI_PCI_BUS_H */

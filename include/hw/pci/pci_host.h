/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * pci_host.h: the abstract PCI host bridge (TYPE_PCI_HOST_BRIDGE), as
 * QEMU's include/hw/pci/pci_host.h: a sysbus device that owns a root PCI
 * bus.  Concrete hosts (gpex) add the configuration access mechanism and
 * the windows.
 */
#ifndef HW_PCI_PCI_HOST_H
#define HW_PCI_PCI_HOST_H

#include "hw/pci/pci_bus.h"
#include "hw/sysbus.h"

#define TYPE_PCI_HOST_BRIDGE "pci-host-bridge"
#define TYPE_PCIE_HOST_BRIDGE "pcie-host-bridge"

typedef struct PCIHostState PCIHostState;

#define PCI_HOST_BRIDGE(obj) \
    OBJECT_CHECK(PCIHostState, (obj), TYPE_PCI_HOST_BRIDGE)

/**
 * PCIHostState: a host bridge.
 * @bus: its root bus (NULL until the concrete host creates it).
 */
struct PCIHostState {
    /* private: */
    SysBusDevice busdev;

    /* public: */
    PCIBus *bus;
};

/**
 * pci_host_bridges: every realized host bridge, in creation order (for
 * `info pci`).  Returns: a list the caller frees with g_slist_free().
 */
GSList *pci_host_bridges(void);

#endif /* HW_PCI_PCI_HOST_H */

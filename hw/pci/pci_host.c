/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * pci_host.c: the abstract PCI and PCIe host bridges (QEMU's
 * hw/pci/pci_host.c and pcie_host.c types): sysbus devices owning a root
 * bus.  The configuration access mechanism is the concrete host's.
 */
#include "qomu/osdep.h"

#include "hw/pci/pci_host.h"
#include "qomu/module.h"

static int pci_host_collect(DeviceState *dev, void *opaque)
{
    GSList **list = opaque;

    if (object_dynamic_cast(OBJECT(dev), TYPE_PCI_HOST_BRIDGE) &&
        dev->realized) {
        *list = g_slist_append(*list, dev);
    }
    return 0;
}

GSList *pci_host_bridges(void)
{
    GSList *list = NULL;

    qbus_walk_children(sysbus_get_default(), pci_host_collect, NULL, &list);
    return list;
}

static const TypeInfo pci_host_types[] = {
    {
        .name = TYPE_PCI_HOST_BRIDGE,
        .parent = TYPE_SYS_BUS_DEVICE,
        .instance_size = sizeof(PCIHostState),
        .abstract = true,
    },
    {
        .name = TYPE_PCIE_HOST_BRIDGE,
        .parent = TYPE_PCI_HOST_BRIDGE,
        .abstract = true,
    },
};

DEFINE_TYPES(pci_host_types)

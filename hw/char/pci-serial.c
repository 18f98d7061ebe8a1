/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * pci-serial.c: QEMU's "pci-serial" (1b36:0002, QEMU's
 * docs/specs/pci-serial.rst): one 16550A behind an 8-byte I/O BAR 0,
 * interrupting on INTA.  The UART is the core "serial" device, a QOM child
 * "serial" of the PCI function; "chardev" and "baudbase" are aliases of
 * its properties.
 */
#include "qomu/osdep.h"

#include "hw/char/serial.h"
#include "hw/pci/pci.h"
#include "hw/qdev-properties.h"
#include "qapi/error.h"
#include "qomu/module.h"

#define TYPE_PCI_SERIAL "pci-serial"

typedef struct PCISerialState {
    PCIDevice dev;
    SerialState state;
    uint8_t prog_if;
} PCISerialState;

#define PCI_SERIAL(obj) OBJECT_CHECK(PCISerialState, (obj), TYPE_PCI_SERIAL)

static const Property serial_pci_properties[] = {
    /* 16550-compatible programming interface (PCI class 0700, if 02). */
    DEFINE_PROP_UINT8("prog_if", PCISerialState, prog_if, 0x02),
};

static void serial_pci_instance_init(Object *obj)
{
    PCISerialState *pci = PCI_SERIAL(obj);

    object_initialize_child(obj, "serial", &pci->state, TYPE_SERIAL);
    object_property_add_alias(obj, "chardev", OBJECT(&pci->state), "chardev");
    object_property_add_alias(obj, "baudbase", OBJECT(&pci->state), "baudbase");
}

static void serial_pci_realize(PCIDevice *dev, Error **errp)
{
    PCISerialState *pci = PCI_SERIAL(dev);
    SerialState *s = &pci->state;

    if (!qdev_realize(DEVICE(s), NULL, errp)) {
        return;
    }
    dev->config[PCI_CLASS_PROG] = pci->prog_if;
    pci_config_set_interrupt_pin(dev->config, 1);
    s->irq = pci_allocate_irq(dev);
    pci_register_bar(dev, 0, PCI_BASE_ADDRESS_SPACE_IO, &s->io);
}

static void serial_pci_exit(PCIDevice *dev)
{
    PCISerialState *pci = PCI_SERIAL(dev);
    SerialState *s = &pci->state;

    qdev_unrealize(DEVICE(s));
    qemu_free_irq(s->irq);
    s->irq = NULL;
}

static void serial_pci_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    PCIDeviceClass *pc = PCI_DEVICE_CLASS(klass);

    pc->realize = serial_pci_realize;
    pc->exit = serial_pci_exit;
    pc->vendor_id = PCI_VENDOR_ID_REDHAT;
    pc->device_id = PCI_DEVICE_ID_REDHAT_SERIAL;
    pc->revision = 1;
    pc->class_id = PCI_CLASS_COMMUNICATION_SERIAL;
    dc->desc = "PCI 16550A serial port (chardev backend)";
    device_class_set_props(dc, serial_pci_properties);
    device_class_set_category(dc, DEVICE_CATEGORY_INPUT);
}

static const TypeInfo serial_pci_types[] = {
    {
        .name = TYPE_PCI_SERIAL,
        .parent = TYPE_PCI_DEVICE,
        .instance_size = sizeof(PCISerialState),
        .instance_init = serial_pci_instance_init,
        .class_init = serial_pci_class_init,
        .interfaces =
            (const InterfaceInfo[]){
                {INTERFACE_CONVENTIONAL_PCI_DEVICE},
                {},
            },
    },
};

DEFINE_TYPES(serial_pci_types)

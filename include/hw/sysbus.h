/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * sysbus.h: memory-mapped devices on the main system bus, as QEMU's
 * include/hw/sysbus.h.
 *
 * A SysBusDevice declares its MMIO regions (sysbus_init_mmio) and IRQ
 * outputs (sysbus_init_irq) in instance_init or realize; the board maps the
 * regions (sysbus_mmio_map) and wires the IRQs (sysbus_connect_irq).
 *
 * The main system bus "main-system-bus" (type "System") is created on
 * first use and lives in the composition tree at /sysbus (a child of the
 * root, not of /machine/unattached as in QEMU); it is realized from the
 * start.  `info qtree` prints each region at the address where it is
 * really mapped in system memory, found in the memory tree at print time
 * (whoever mapped it), or ffffffffffffffff when it is not mapped there.
 */
#ifndef HW_SYSBUS_H
#define HW_SYSBUS_H

#include "hw/qdev-core.h"

#define QDEV_MAX_MMIO 32
#define QDEV_MAX_PIO 32

#define TYPE_SYSTEM_BUS "System"
#define TYPE_SYS_BUS_DEVICE "sys-bus-device"

/* The name of a SysBusDevice's IRQ output GPIO list. */
#define SYSBUS_DEVICE_GPIO_IRQ "sysbus-irq"

typedef struct SysBusDevice SysBusDevice;
typedef struct SysBusDeviceClass SysBusDeviceClass;

#define SYS_BUS_DEVICE(obj) \
    OBJECT_CHECK(SysBusDevice, (obj), TYPE_SYS_BUS_DEVICE)
#define SYS_BUS_DEVICE_CLASS(klass) \
    OBJECT_CLASS_CHECK(SysBusDeviceClass, (klass), TYPE_SYS_BUS_DEVICE)
#define SYS_BUS_DEVICE_GET_CLASS(obj) \
    OBJECT_GET_CLASS(SysBusDeviceClass, (obj), TYPE_SYS_BUS_DEVICE)

/**
 * SysBusDeviceClass: the class of memory-mapped devices.
 * @explicit_ofw_unit_address: unused (QEMU compatibility).
 */
struct SysBusDeviceClass {
    DeviceClass parent_class;

    char *(*explicit_ofw_unit_address)(const SysBusDevice *dev);
};

/**
 * SysBusDevice: a memory-mapped device.
 * @num_mmio: regions declared with sysbus_init_mmio().
 * @mmio: each region and the address sysbus_mmio_map() last gave it
 * (-1 when never mapped through sysbus).
 */
struct SysBusDevice {
    /* private: */
    DeviceState parent_obj;

    /* public: */
    int num_mmio;
    struct {
        hwaddr addr;
        MemoryRegion *memory;
    } mmio[QDEV_MAX_MMIO];
    int num_pio;
    uint32_t pio[QDEV_MAX_PIO];
};

/**
 * sysbus_get_default: the main system bus (created on first use).
 */
BusState *sysbus_get_default(void);

/**
 * sysbus_init_mmio: declare @memory as the device's next MMIO region
 * (numbered from 0).
 */
void sysbus_init_mmio(SysBusDevice *dev, MemoryRegion *memory);

/** sysbus_mmio_get_region: region @n of @dev. */
MemoryRegion *sysbus_mmio_get_region(SysBusDevice *dev, int n);

/** sysbus_has_mmio: whether @dev has region @n. */
bool sysbus_has_mmio(SysBusDevice *dev, unsigned int n);

/**
 * sysbus_mmio_map: map region @n of @dev at @addr in system memory (moving
 * it if it was mapped before).
 */
void sysbus_mmio_map(SysBusDevice *dev, int n, hwaddr addr);

/** sysbus_mmio_map_overlap: the same with a priority. */
void sysbus_mmio_map_overlap(SysBusDevice *dev, int n, hwaddr addr,
                             int priority);

/** sysbus_mmio_unmap: unmap region @n from system memory. */
void sysbus_mmio_unmap(SysBusDevice *dev, int n);

/**
 * sysbus_mmio_real_addr: where region @n of @dev is mapped in system
 * memory now (through any chain of containers; if the region itself is not
 * mapped but an alias of it is, where its offset 0 appears through that
 * alias), or (hwaddr)-1.
 */
hwaddr sysbus_mmio_real_addr(SysBusDevice *dev, int n);

/**
 * sysbus_init_irq: declare @p as the device's next IRQ output (a
 * "sysbus-irq" GPIO output line).
 */
void sysbus_init_irq(SysBusDevice *dev, qemu_irq *p);

/** sysbus_connect_irq: connect IRQ output @n of @dev to @irq. */
void sysbus_connect_irq(SysBusDevice *dev, int n, qemu_irq irq);

/** sysbus_get_connected_irq: what IRQ output @n is connected to. */
qemu_irq sysbus_get_connected_irq(SysBusDevice *dev, int n);

/** sysbus_has_irq: whether @dev has IRQ output @n. */
bool sysbus_has_irq(SysBusDevice *dev, int n);

/**
 * sysbus_realize: qdev_realize() on the main system bus.
 */
bool sysbus_realize(SysBusDevice *dev, Error **errp);

/** sysbus_realize_and_unref: qdev_realize_and_unref() on it. */
bool sysbus_realize_and_unref(SysBusDevice *dev, Error **errp);

/**
 * sysbus_create_varargs: create @name, realize it on the main system bus
 * (aborting on failure: a board bug), map region 0 at @addr (unless
 * (hwaddr)-1) and connect its IRQ outputs to the NULL-terminated list of
 * qemu_irq that follows.  The device is added to the machine as
 * "<type>[N]"; give it a real name with object_property_add_child first
 * when you can.
 */
DeviceState *sysbus_create_varargs(const char *name, hwaddr addr, ...);

/** sysbus_create_simple: the same with one IRQ (or NULL). */
DeviceState *sysbus_create_simple(const char *name, hwaddr addr,
                                  qemu_irq irq);

#endif /* HW_SYSBUS_H */

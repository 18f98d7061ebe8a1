/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * sysbus.c: the main system bus and memory-mapped devices
 * (TYPE_SYS_BUS_DEVICE): MMIO regions, IRQ outputs, `info qtree` lines.
 */
#include "qomu/osdep.h"
#include "qapi/error.h"
#include "hw/sysbus.h"
#include "exec/memory.h"
#include "exec/address-spaces.h"
#include "qdev-internal.h"

static BusState *main_system_bus;

BusState *sysbus_peek_default(void)
{
    return main_system_bus;
}

BusState *sysbus_get_default(void)
{
    if (!main_system_bus) {
        main_system_bus = qbus_new(TYPE_SYSTEM_BUS, NULL, "main-system-bus");
        object_property_add_child(object_get_root(), "sysbus",
                                  OBJECT(main_system_bus));
        object_unref(OBJECT(main_system_bus));
        qbus_realize(main_system_bus, &error_abort);
    }
    return main_system_bus;
}

static void system_bus_finalize(Object *obj)
{
    if (BUS(obj) == main_system_bus) {
        main_system_bus = NULL;
    }
}

/* MMIO */

void sysbus_init_mmio(SysBusDevice *dev, MemoryRegion *memory)
{
    int n = dev->num_mmio++;

    g_assert(n < QDEV_MAX_MMIO);
    dev->mmio[n].addr = (hwaddr)-1;
    dev->mmio[n].memory = memory;
}

MemoryRegion *sysbus_mmio_get_region(SysBusDevice *dev, int n)
{
    g_assert(n >= 0 && n < dev->num_mmio);
    return dev->mmio[n].memory;
}

bool sysbus_has_mmio(SysBusDevice *dev, unsigned int n)
{
    return n < (unsigned int)dev->num_mmio;
}

static void sysbus_mmio_map_common(SysBusDevice *dev, int n, hwaddr addr,
                                   bool may_overlap, int priority)
{
    MemoryRegion *mr = sysbus_mmio_get_region(dev, n);

    if (mr->container) {
        memory_region_del_subregion(mr->container, mr);
    }
    dev->mmio[n].addr = addr;
    if (may_overlap) {
        memory_region_add_subregion_overlap(get_system_memory(), addr, mr,
                                            priority);
    } else {
        memory_region_add_subregion(get_system_memory(), addr, mr);
    }
}

void sysbus_mmio_map(SysBusDevice *dev, int n, hwaddr addr)
{
    sysbus_mmio_map_common(dev, n, addr, false, 0);
}

void sysbus_mmio_map_overlap(SysBusDevice *dev, int n, hwaddr addr,
                             int priority)
{
    sysbus_mmio_map_common(dev, n, addr, true, priority);
}

void sysbus_mmio_unmap(SysBusDevice *dev, int n)
{
    MemoryRegion *mr = sysbus_mmio_get_region(dev, n);

    if (mr->container) {
        memory_region_del_subregion(mr->container, mr);
    }
    dev->mmio[n].addr = (hwaddr)-1;
}

/*
 * The address is looked up in the memory tree rather than remembered, so
 * it is right however the region was mapped (a board may map a region by
 * hand, or into a container that is itself mapped).
 */
static hwaddr region_real_addr(MemoryRegion *mr, int depth)
{
    MemoryRegion *sysmem = get_system_memory();
    MemoryRegion *r;
    hwaddr addr = 0;

    for (r = mr; r && r != sysmem; r = r->container) {
        if (!r->container) {
            break;
        }
        addr += r->addr;
    }
    if (r == sysmem) {
        return addr;
    }
    /*
     * Not mapped itself: maybe through an alias that is.  Report where the
     * region's offset 0 appears through the first mapped alias.
     */
    for (guint i = 0; depth < 4 && mr->alias_users && i < mr->alias_users->len;
         i++) {
        MemoryRegion *alias = g_ptr_array_index(mr->alias_users, i);
        hwaddr a = region_real_addr(alias, depth + 1);

        if (a != (hwaddr)-1) {
            return a - alias->alias_offset;
        }
    }
    return (hwaddr)-1;
}

hwaddr sysbus_mmio_real_addr(SysBusDevice *dev, int n)
{
    return region_real_addr(sysbus_mmio_get_region(dev, n), 0);
}

/* IRQs */

void sysbus_init_irq(SysBusDevice *dev, qemu_irq *p)
{
    qdev_init_gpio_out_named(DEVICE(dev), p, SYSBUS_DEVICE_GPIO_IRQ, 1);
}

void sysbus_connect_irq(SysBusDevice *dev, int n, qemu_irq irq)
{
    qdev_connect_gpio_out_named(DEVICE(dev), SYSBUS_DEVICE_GPIO_IRQ, n, irq);
}

qemu_irq sysbus_get_connected_irq(SysBusDevice *dev, int n)
{
    return qdev_get_gpio_out_connector(DEVICE(dev), SYSBUS_DEVICE_GPIO_IRQ, n);
}

bool sysbus_has_irq(SysBusDevice *dev, int n)
{
    NamedGPIOList *ngl;

    for (ngl = DEVICE(dev)->gpios; ngl; ngl = ngl->next) {
        if (!g_strcmp0(ngl->name, SYSBUS_DEVICE_GPIO_IRQ)) {
            return n >= 0 && n < ngl->num_out;
        }
    }
    return false;
}

/* Creation helpers */

bool sysbus_realize(SysBusDevice *dev, Error **errp)
{
    return qdev_realize(DEVICE(dev), sysbus_get_default(), errp);
}

bool sysbus_realize_and_unref(SysBusDevice *dev, Error **errp)
{
    return qdev_realize_and_unref(DEVICE(dev), sysbus_get_default(), errp);
}

DeviceState *sysbus_create_varargs(const char *name, hwaddr addr, ...)
{
    DeviceState *dev = qdev_new(name);
    SysBusDevice *s = SYS_BUS_DEVICE(dev);
    va_list va;
    qemu_irq irq;
    int n = 0;

    sysbus_realize_and_unref(s, &error_abort);
    if (addr != (hwaddr)-1) {
        sysbus_mmio_map(s, 0, addr);
    }
    va_start(va, addr);
    while ((irq = va_arg(va, qemu_irq)) != NULL) {
        sysbus_connect_irq(s, n++, irq);
    }
    va_end(va);
    return dev;
}

DeviceState *sysbus_create_simple(const char *name, hwaddr addr, qemu_irq irq)
{
    return sysbus_create_varargs(name, addr, irq, NULL);
}

/* `info qtree`: each region at its real address, as QEMU's format. */
static void sysbus_dev_print(GString *out, DeviceState *dev, int indent)
{
    SysBusDevice *s = SYS_BUS_DEVICE(dev);

    for (int i = 0; i < s->num_mmio; i++) {
        g_string_append_printf(out, "%*smmio %016" PRIx64 "/%016" PRIx64 "\n",
                               indent, "",
                               (uint64_t)sysbus_mmio_real_addr(s, i),
                               memory_region_size(s->mmio[i].memory));
    }
}

static char *sysbus_get_dev_path(DeviceState *dev)
{
    SysBusDevice *s = SYS_BUS_DEVICE(dev);

    if (s->num_mmio) {
        return g_strdup_printf("%s@%" PRIx64, object_get_typename(OBJECT(dev)),
                               (uint64_t)sysbus_mmio_real_addr(s, 0));
    }
    return g_strdup(object_get_typename(OBJECT(dev)));
}

static void system_bus_class_init(ObjectClass *klass, const void *data)
{
    BusClass *bc = BUS_CLASS(klass);

    bc->print_dev = sysbus_dev_print;
    bc->get_dev_path = sysbus_get_dev_path;
}

static void sysbus_device_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->bus_type = TYPE_SYSTEM_BUS;
    dc->user_creatable = false;
    dc->not_user_creatable_reason =
        "memory-mapped devices are placed and wired by the board";
    dc->hotpluggable = false;
}

static const TypeInfo sysbus_types[] = {
    {
        .name = TYPE_SYSTEM_BUS,
        .parent = TYPE_BUS,
        .instance_size = sizeof(BusState),
        .instance_finalize = system_bus_finalize,
        .class_init = system_bus_class_init,
    },
    {
        .name = TYPE_SYS_BUS_DEVICE,
        .parent = TYPE_DEVICE,
        .instance_size = sizeof(SysBusDevice),
        .abstract = true,
        .class_size = sizeof(SysBusDeviceClass),
        .class_init = sysbus_device_class_init,
    },
};

DEFINE_TYPES(sysbus_types)

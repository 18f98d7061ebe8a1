/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gpex.c: the generic PCIe host bridge with ECAM configuration access
 * (QEMU's gpex-pcihost; PCI Express Base Specification 4.0, 7.2.2 ECAM)
 * and its host bridge function gpex-root.
 */
#include "qomu/osdep.h"

#include <libfdt.h>

#include "exec/address-spaces.h"
#include "hw/pci-host/gpex.h"
#include "hw/pci/pci_bus.h"
#include "hw/qdev-properties.h"
#include "qapi/error.h"
#include "qomu/log.h"
#include "qomu/module.h"

/* ECAM address: bus [27:20], device/function [19:12], register [11:0]. */
#define ECAM_BUS(addr) (((addr) >> 20) & 0xff)
#define ECAM_DEVFN(addr) (((addr) >> 12) & 0xff)
#define ECAM_REG(addr) ((addr)&0xfff)

/* Device-tree constants (QEMU's hw/riscv/virt.c). */
#define FDT_PCI_ADDR_CELLS 3
#define FDT_PCI_INT_CELLS 1
#define FDT_PLIC_INT_CELLS 1
#define FDT_PCI_RANGE_IOPORT 0x01000000
#define FDT_PCI_RANGE_MMIO 0x02000000

static PCIDevice *gpex_ecam_device(GPEXHost *s, hwaddr addr)
{
    PCIBus *bus = PCI_HOST_BRIDGE(s)->bus;

    return pci_find_device(bus, ECAM_BUS(addr), ECAM_DEVFN(addr));
}

static uint64_t gpex_ecam_read(void *opaque, hwaddr addr, unsigned size)
{
    PCIDevice *d = gpex_ecam_device(opaque, addr);
    uint64_t all_ones = size == 8 ? ~0ULL : (1ULL << (size * 8)) - 1;

    /* No function there: the master abort reads as all ones. */
    if (!d) {
        return all_ones;
    }
    return pci_host_config_read_common(d, ECAM_REG(addr),
                                       PCIE_CONFIG_SPACE_SIZE, size) &
           all_ones;
}

static void gpex_ecam_write(void *opaque, hwaddr addr, uint64_t val,
                            unsigned size)
{
    PCIDevice *d = gpex_ecam_device(opaque, addr);

    if (!d) {
        return;
    }
    pci_host_config_write_common(d, ECAM_REG(addr), PCIE_CONFIG_SPACE_SIZE, val,
                                 size);
}

static const MemoryRegionOps gpex_ecam_ops = {
    .read = gpex_ecam_read,
    .write = gpex_ecam_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = {.min_access_size = 1, .max_access_size = 4},
    .impl = {.min_access_size = 1, .max_access_size = 4},
};

static void gpex_set_irq(void *opaque, int irq_num, int level)
{
    GPEXHost *s = opaque;

    qemu_set_irq(s->irq[irq_num], level);
}

static void gpex_host_init(Object *obj)
{
    GPEXHost *s = GPEX_HOST(obj);
    SysBusDevice *sbd = SYS_BUS_DEVICE(obj);

    memory_region_init_io(&s->mmcfg, obj, &gpex_ecam_ops, s, "pcie-mmcfg-mmio",
                          PCIE_MMCFG_SIZE_MAX);
    memory_region_init(&s->io_mmio, obj, "gpex_mmio", UINT64_MAX);
    memory_region_init(&s->io_ioport, obj, "gpex_ioport", 64 * 1024);
    sysbus_init_mmio(sbd, &s->mmcfg);
    sysbus_init_mmio(sbd, &s->io_mmio);
    sysbus_init_mmio(sbd, &s->io_ioport);
    for (int i = 0; i < GPEX_NUM_IRQS; i++) {
        sysbus_init_irq(sbd, &s->irq[i]);
    }
    object_initialize_child(obj, "gpex-root", &s->gpex_root,
                            TYPE_GPEX_ROOT_DEVICE);
}

static void gpex_host_realize(DeviceState *dev, Error **errp)
{
    GPEXHost *s = GPEX_HOST(dev);
    PCIHostState *pci = PCI_HOST_BRIDGE(dev);

    if (!pci->bus) {
        pci->bus = pci_register_root_bus(
            dev, "pcie.0", gpex_set_irq, pci_swizzle_map_irq_fn, s, &s->io_mmio,
            &s->io_ioport, 0, GPEX_NUM_IRQS, TYPE_PCIE_BUS);
        pci_bus_set_dma_root(pci->bus, get_system_memory());
    }
    qdev_prop_set_int32(DEVICE(&s->gpex_root), "addr", PCI_DEVFN(0, 0));
    if (!qdev_set_parent_bus(DEVICE(&s->gpex_root), BUS(pci->bus), errp)) {
        return;
    }
}

static void gpex_host_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = gpex_host_realize;
    dc->desc = "generic PCIe host bridge with ECAM";
    dc->fw_name = "pci";
    dc->user_creatable = false;
    dc->not_user_creatable_reason = "the board creates the PCIe host";
    dc->hotpluggable = false;
    device_class_set_category(dc, DEVICE_CATEGORY_BRIDGE);
}

static void gpex_root_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->vendor_id = PCI_VENDOR_ID_REDHAT;
    k->device_id = PCI_DEVICE_ID_REDHAT_PCIE_HOST;
    k->revision = 0;
    k->class_id = PCI_CLASS_BRIDGE_HOST;
    dc->desc = "QEMU generic PCIe host bridge";
    dc->user_creatable = false;
    dc->not_user_creatable_reason =
        "it is part of the PCIe host (function 00.0 of pcie.0)";
    dc->hotpluggable = false;
    device_class_set_category(dc, DEVICE_CATEGORY_BRIDGE);
}

GPEXHost *gpex_create(Object *parent, const char *name, MemoryRegion *sysmem,
                      const GPEXConfig *cfg, Error **errp)
{
    DeviceState *dev = qdev_new(TYPE_GPEX_HOST);
    SysBusDevice *sbd = SYS_BUS_DEVICE(dev);
    GPEXHost *s = GPEX_HOST(dev);

    object_property_add_child(parent, name, OBJECT(dev));
    if (!sysbus_realize_and_unref(sbd, errp)) {
        object_unparent(OBJECT(dev));
        return NULL;
    }
    /*
     * The ECAM window shows the first ecam_size bytes; the MMIO window
     * shows the same bus addresses as the CPU's (QEMU's virt).
     */
    memory_region_init_alias(&s->ecam_alias, OBJECT(dev), "pcie-ecam",
                             &s->mmcfg, 0, cfg->ecam_size);
    memory_region_add_subregion(sysmem, cfg->ecam_base, &s->ecam_alias);
    memory_region_init_alias(&s->mmio_alias, OBJECT(dev), "pcie-mmio",
                             &s->io_mmio, cfg->mmio_base, cfg->mmio_size);
    memory_region_add_subregion(sysmem, cfg->mmio_base, &s->mmio_alias);
    sysbus_mmio_map(sbd, 2, cfg->pio_base);
    for (int i = 0; i < GPEX_NUM_IRQS; i++) {
        if (cfg->irqchip) {
            sysbus_connect_irq(
                sbd, i, qdev_get_gpio_in(cfg->irqchip, cfg->irq_base + i));
        }
    }
    return s;
}

/* QEMU's create_pcie_irq_map: slots 0-3 x pins A-D, swizzled. */
static int gpex_fdt_irq_map(void *fdt, int node, const GPEXConfig *cfg)
{
    enum {
        STRIDE = FDT_PCI_ADDR_CELLS + FDT_PCI_INT_CELLS + 1 + FDT_PLIC_INT_CELLS
    };
    fdt32_t map[GPEX_NUM_IRQS * GPEX_NUM_IRQS * STRIDE] = {0};
    fdt32_t *p = map;
    int err;

    for (int dev = 0; dev < GPEX_NUM_IRQS; dev++) {
        int devfn = PCI_DEVFN(dev, 0);

        for (int pin = 0; pin < GPEX_NUM_IRQS; pin++) {
            int irq = cfg->irq_base + (pin + PCI_SLOT(devfn)) % GPEX_NUM_IRQS;

            p[0] = cpu_to_fdt32(devfn << 8);
            p[FDT_PCI_ADDR_CELLS] = cpu_to_fdt32(pin + 1);
            p[FDT_PCI_ADDR_CELLS + FDT_PCI_INT_CELLS] =
                cpu_to_fdt32(cfg->irqchip_phandle);
            p[FDT_PCI_ADDR_CELLS + FDT_PCI_INT_CELLS + 1] = cpu_to_fdt32(irq);
            p += STRIDE;
        }
    }
    err = fdt_setprop(fdt, node, "interrupt-map", map, sizeof(map));
    if (err) {
        return err;
    }
    {
        fdt32_t mask[] = {cpu_to_fdt32(0x1800), 0, 0, cpu_to_fdt32(0x7)};

        return fdt_setprop(fdt, node, "interrupt-map-mask", mask, sizeof(mask));
    }
}

bool gpex_fdt_add_node(void *fdt, const char *parent_path,
                       const GPEXConfig *cfg, Error **errp)
{
    g_autofree char *name =
        g_strdup_printf("pci@%" PRIx64, (uint64_t)cfg->ecam_base);
    fdt32_t bus_range[] = {
        0, cpu_to_fdt32(cfg->ecam_size / PCIE_MMCFG_SIZE_MIN - 1)};
    fdt64_t reg[] = {cpu_to_fdt64(cfg->ecam_base),
                     cpu_to_fdt64(cfg->ecam_size)};
    /* <flags pci-addr(2) cpu-addr(2) size(2)> per window. */
    fdt32_t ranges[] = {
        cpu_to_fdt32(FDT_PCI_RANGE_IOPORT),
        0,
        0,
        cpu_to_fdt32(cfg->pio_base >> 32),
        cpu_to_fdt32(cfg->pio_base),
        cpu_to_fdt32(cfg->pio_size >> 32),
        cpu_to_fdt32(cfg->pio_size),
        cpu_to_fdt32(FDT_PCI_RANGE_MMIO),
        cpu_to_fdt32(cfg->mmio_base >> 32),
        cpu_to_fdt32(cfg->mmio_base),
        cpu_to_fdt32(cfg->mmio_base >> 32),
        cpu_to_fdt32(cfg->mmio_base),
        cpu_to_fdt32(cfg->mmio_size >> 32),
        cpu_to_fdt32(cfg->mmio_size),
    };
    GPEXConfig c = *cfg;
    int parent, node;

    if (!c.irqchip_phandle && c.irqchip_fdt_path) {
        int ic = fdt_path_offset(fdt, c.irqchip_fdt_path);

        c.irqchip_phandle = ic < 0 ? 0 : fdt_get_phandle(fdt, ic);
    }
    if (!c.irqchip_phandle) {
        error_setg(errp,
                   "PCIe node: no phandle for the interrupt controller %s "
                   "in the device tree",
                   c.irqchip_fdt_path ? c.irqchip_fdt_path : "(none given)");
        return false;
    }
    parent = fdt_path_offset(fdt, parent_path);
    node = parent < 0 ? parent : fdt_add_subnode(fdt, parent, name);
    if (node >= 0 &&
        (fdt_setprop_u32(fdt, node, "#address-cells", FDT_PCI_ADDR_CELLS) ||
         fdt_setprop_u32(fdt, node, "#interrupt-cells", FDT_PCI_INT_CELLS) ||
         fdt_setprop_u32(fdt, node, "#size-cells", 2) ||
         fdt_setprop_string(fdt, node, "compatible", "pci-host-ecam-generic") ||
         fdt_setprop_string(fdt, node, "device_type", "pci") ||
         fdt_setprop_u32(fdt, node, "linux,pci-domain", 0) ||
         fdt_setprop(fdt, node, "bus-range", bus_range, sizeof(bus_range)) ||
         fdt_setprop(fdt, node, "dma-coherent", NULL, 0) ||
         fdt_setprop(fdt, node, "reg", reg, sizeof(reg)) ||
         fdt_setprop(fdt, node, "ranges", ranges, sizeof(ranges)) ||
         gpex_fdt_irq_map(fdt, node, &c))) {
        node = -FDT_ERR_NOSPACE;
    }
    if (node < 0) {
        error_setg(errp,
                   "cannot add the PCIe node %s/%s to the device tree: %s",
                   parent_path, name, fdt_strerror(node));
        return false;
    }
    return true;
}

GPEXHost *gpex_virt_init(Object *parent, MemoryRegion *sysmem,
                         const GPEXConfig *cfg, void *fdt, Error **errp)
{
    GPEXHost *s = gpex_create(parent, "pcie", sysmem, cfg, errp);

    if (!s) {
        return NULL;
    }
    if (fdt && !gpex_fdt_add_node(fdt, "/soc", cfg, errp)) {
        return NULL;
    }
    return s;
}

static const TypeInfo gpex_types[] = {
    {
        .name = TYPE_GPEX_HOST,
        .parent = TYPE_PCIE_HOST_BRIDGE,
        .instance_size = sizeof(GPEXHost),
        .instance_init = gpex_host_init,
        .class_init = gpex_host_class_init,
    },
    {
        .name = TYPE_GPEX_ROOT_DEVICE,
        .parent = TYPE_PCI_DEVICE,
        .instance_size = sizeof(GPEXRootState),
        .class_init = gpex_root_class_init,
        .interfaces =
            (const InterfaceInfo[]){
                {INTERFACE_CONVENTIONAL_PCI_DEVICE},
                {},
            },
    },
};

DEFINE_TYPES(gpex_types)

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-pci: the PCI core and the gpex host as on virt (ECAM 0x30000000,
 * MMIO 0x40000000, I/O 0x3000000), driven through system memory only:
 * configuration space through the ECAM window, BARs through the windows,
 * INTx on four IRQ lines of the test, DMA into RAM at 0x80000000.
 */
#include "qomu/osdep.h"

#include "exec/address-spaces.h"
#include "pci-test.h"
#include "hw/pci/pci_bus.h"
#include "hw/qdev-properties.h"
#include "qapi/error.h"
#include "qapi/keyval.h"
#include "qobject/qdict.h"
#include "qomu/module.h"


#define CFG(devfn, reg) (ECAM_BASE + ((devfn) << 12) + (reg))

#define TYPE_PCI_UNIT "pci-unit-test"
#define TYPE_PCIE_UNIT "pcie-unit-test"
#define TYPE_SYSBUS_UNIT "sysbus-unit-test"

/* A test function: BAR0 I/O 16 B, BAR1 memory 4 KiB, BAR2+3 64-bit
 * prefetchable 1 MiB.  Register 0 of every BAR counts accesses; writing
 * BAR1 register 4 sets the INTx level. */
typedef struct PCIUnitState {
    PCIDevice parent_obj;
    MemoryRegion io;
    MemoryRegion mem;
    MemoryRegion mem64;
    uint32_t count;
    uint8_t pin;
} PCIUnitState;

#define PCI_UNIT(obj) OBJECT_CHECK(PCIUnitState, (obj), TYPE_PCI_UNIT)

static HWTestSink lines;
static GPEXHost *host;

static uint64_t unit_read(void *opaque, hwaddr addr, unsigned size)
{
    PCIUnitState *s = opaque;

    return addr == 0 ? ++s->count : 0x5a;
}

static void unit_write(void *opaque, hwaddr addr, uint64_t val, unsigned size)
{
    PCIUnitState *s = opaque;

    if (addr == 4) {
        pci_set_irq(PCI_DEVICE(s), val & 1);
    }
}

static const MemoryRegionOps unit_ops = {
    .read = unit_read,
    .write = unit_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = {.min_access_size = 1, .max_access_size = 4},
};

static const Property unit_props[] = {
    DEFINE_PROP_UINT8("pin", PCIUnitState, pin, 1),
};

static void unit_realize(PCIDevice *d, Error **errp)
{
    PCIUnitState *s = PCI_UNIT(d);

    if (s->pin > 4) {
        error_setg(errp, "pin must be 0-4");
        return;
    }
    pci_config_set_interrupt_pin(d->config, s->pin);
    memory_region_init_io(&s->io, OBJECT(d), &unit_ops, s, "unit-io", 16);
    memory_region_init_io(&s->mem, OBJECT(d), &unit_ops, s, "unit-mem", 4096);
    memory_region_init_io(&s->mem64, OBJECT(d), &unit_ops, s, "unit-mem64",
                          1 << 20);
    pci_register_bar(d, 0, PCI_BASE_ADDRESS_SPACE_IO, &s->io);
    pci_register_bar(d, 1, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->mem);
    pci_register_bar(d, 2,
                     PCI_BASE_ADDRESS_SPACE_MEMORY |
                         PCI_BASE_ADDRESS_MEM_TYPE_64 |
                         PCI_BASE_ADDRESS_MEM_PREFETCH,
                     &s->mem64);
    g_assert_cmpint(pci_add_capability(d, PCI_CAP_ID_VNDR, 0, 8, errp), ==,
                    0x40);
}

static void unit_exit(PCIDevice *d)
{
    PCIUnitState *s = PCI_UNIT(d);

    object_unparent(OBJECT(&s->io));
    object_unparent(OBJECT(&s->mem));
    object_unparent(OBJECT(&s->mem64));
}

static void unit_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = unit_realize;
    k->exit = unit_exit;
    k->vendor_id = 0x1234;
    k->device_id = 0xbeef;
    k->revision = 0x10;
    k->class_id = PCI_CLASS_OTHERS << 8;
    device_class_set_props(DEVICE_CLASS(klass), unit_props);
}

static void sysbus_unit_class_init(ObjectClass *klass, const void *data)
{
    DEVICE_CLASS(klass)->user_creatable = true;
}

static const TypeInfo unit_types[] = {
    {
        .name = TYPE_PCI_UNIT,
        .parent = TYPE_PCI_DEVICE,
        .instance_size = sizeof(PCIUnitState),
        .class_init = unit_class_init,
        .interfaces =
            (const InterfaceInfo[]){
                {INTERFACE_CONVENTIONAL_PCI_DEVICE},
                {},
            },
    },
    {
        /* A user-creatable device that is not PCI. */
        .name = TYPE_SYSBUS_UNIT,
        .parent = TYPE_SYS_BUS_DEVICE,
        .instance_size = sizeof(SysBusDevice),
        .class_init = sysbus_unit_class_init,
    },
    {
        .name = TYPE_PCIE_UNIT,
        .parent = TYPE_PCI_UNIT,
        .interfaces =
            (const InterfaceInfo[]){
                {INTERFACE_PCIE_DEVICE},
                {},
            },
    },
};

DEFINE_TYPES(unit_types)

/* Helpers */

static uint32_t cfg_rd(int devfn, int reg, unsigned size)
{
    uint64_t v = 0;

    g_assert_cmpint(hwtest_read(CFG(devfn, reg), size, &v), ==, MEMTX_OK);
    return v;
}

static void cfg_wr(int devfn, int reg, uint32_t v, unsigned size)
{
    g_assert_cmpint(hwtest_write(CFG(devfn, reg), v, size), ==, MEMTX_OK);
}

static PCIBus *root_bus(void)
{
    return PCI_HOST_BRIDGE(host)->bus;
}

static PCIDevice *add_dev(const char *type, const char *addr, int pin)
{
    DeviceState *dev = qdev_new(type);

    if (addr) {
        g_assert_true(
            object_property_parse(OBJECT(dev), "addr", addr, &error_abort));
    }
    qdev_prop_set_uint8(dev, "pin", pin);
    object_property_add_child(qdev_get_machine(), "dev[*]", OBJECT(dev));
    g_assert_true(qdev_realize_and_unref(dev, BUS(root_bus()), &error_abort));
    return PCI_DEVICE(dev);
}

/* Realize with @opts ("addr=..."), expect failure; returns the message. */
static char *add_dev_err(const char *type, const char *addr, bool mf)
{
    DeviceState *dev = qdev_new(type);
    Error *err = NULL;
    char *msg;

    if (mf) {
        qdev_prop_set_bit(dev, "multifunction", true);
    }
    if (addr && !object_property_parse(OBJECT(dev), "addr", addr, &err)) {
        object_unref(OBJECT(dev));
        msg = g_strdup(error_get_pretty(err));
        error_free(err);
        return msg;
    }
    g_assert_false(qdev_realize(dev, BUS(root_bus()), &err));
    g_assert_nonnull(err);
    object_unref(OBJECT(dev));
    msg = g_strdup(error_get_pretty(err));
    error_free(err);
    return msg;
}

static void begin(void)
{
    host = pcitest_begin(&lines);
}

/* Tests */

static void test_ids(void)
{
    begin();
    add_dev(TYPE_PCI_UNIT, NULL, 1);
    /* The host bridge function at 00.0 (QEMU's gpex-root). */
    g_assert_cmphex(cfg_rd(0, PCI_VENDOR_ID, 4), ==, 0x00081b36);
    g_assert_cmphex(cfg_rd(0, PCI_CLASS_DEVICE, 2), ==, 0x0600);
    g_assert_cmphex(cfg_rd(0, PCI_HEADER_TYPE, 1), ==, 0);
    /* The first free slot is 01. */
    g_assert_cmphex(cfg_rd(PCI_DEVFN(1, 0), PCI_VENDOR_ID, 2), ==, 0x1234);
    g_assert_cmphex(cfg_rd(PCI_DEVFN(1, 0), PCI_DEVICE_ID, 2), ==, 0xbeef);
    g_assert_cmphex(cfg_rd(PCI_DEVFN(1, 0), PCI_CLASS_REVISION, 4), ==,
                    0xff000010);
    g_assert_cmphex(cfg_rd(PCI_DEVFN(1, 0), PCI_SUBSYSTEM_VENDOR_ID, 4), ==,
                    0x11001af4);
    g_assert_cmphex(cfg_rd(PCI_DEVFN(1, 0), PCI_INTERRUPT_PIN, 1), ==, 1);
    /* Byte reads of a word. */
    g_assert_cmphex(cfg_rd(PCI_DEVFN(1, 0), PCI_DEVICE_ID + 1, 1), ==, 0xbe);
    /* Nothing there, another bus, and a function of an empty slot. */
    g_assert_cmphex(cfg_rd(PCI_DEVFN(2, 0), 0, 4), ==, 0xffffffff);
    g_assert_cmphex(cfg_rd(PCI_DEVFN(1, 1), 0, 2), ==, 0xffff);
    g_assert_cmphex(hwtest_rd32(ECAM_BASE + (1 << 20)), ==, 0xffffffff);
    /* A conventional function has no extended space; reads give ones. */
    g_assert_cmphex(cfg_rd(PCI_DEVFN(1, 0), 0x100, 4), ==, 0xffffffff);
    /* The capability list. */
    g_assert_cmphex(cfg_rd(PCI_DEVFN(1, 0), PCI_STATUS, 2) &
                        PCI_STATUS_CAP_LIST,
                    ==, PCI_STATUS_CAP_LIST);
    g_assert_cmphex(cfg_rd(PCI_DEVFN(1, 0), PCI_CAPABILITY_LIST, 1), ==, 0x40);
    g_assert_cmphex(cfg_rd(PCI_DEVFN(1, 0), 0x40, 2), ==, PCI_CAP_ID_VNDR);
    hwtest_end();
}

static void test_pcie_config_size(void)
{
    begin();
    add_dev(TYPE_PCIE_UNIT, "03.0", 1);
    g_assert_cmpint(pci_config_size(root_bus()->devices[PCI_DEVFN(3, 0)]), ==,
                    PCIE_CONFIG_SPACE_SIZE);
    g_assert_cmphex(cfg_rd(PCI_DEVFN(3, 0), 0x100, 4), ==, 0);
    cfg_wr(PCI_DEVFN(3, 0), 0xffc, 0x12345678, 4);
    g_assert_cmphex(cfg_rd(PCI_DEVFN(3, 0), 0xffc, 4), ==, 0x12345678);
    hwtest_end();
}

static void test_masks(void)
{
    int fn = PCI_DEVFN(1, 0);
    PCIDevice *d;

    begin();
    d = add_dev(TYPE_PCI_UNIT, "01.0", 1);
    /* Read-only identity. */
    cfg_wr(fn, PCI_VENDOR_ID, 0xffffffff, 4);
    g_assert_cmphex(cfg_rd(fn, PCI_VENDOR_ID, 4), ==, 0xbeef1234);
    cfg_wr(fn, PCI_CLASS_REVISION, 0, 4);
    g_assert_cmphex(cfg_rd(fn, PCI_CLASS_REVISION, 4), ==, 0xff000010);
    cfg_wr(fn, PCI_INTERRUPT_PIN, 3, 1);
    g_assert_cmphex(cfg_rd(fn, PCI_INTERRUPT_PIN, 1), ==, 1);
    /* Read-write: interrupt line, cache line size; command keeps only the
     * implemented bits. */
    cfg_wr(fn, PCI_INTERRUPT_LINE, 0x2a, 1);
    g_assert_cmphex(cfg_rd(fn, PCI_INTERRUPT_LINE, 1), ==, 0x2a);
    cfg_wr(fn, PCI_COMMAND, 0xffff, 2);
    g_assert_cmphex(cfg_rd(fn, PCI_COMMAND, 2), ==, 0x0547);
    cfg_wr(fn, PCI_COMMAND, 0, 2);
    /* W1C: status error bits clear on 1, stay on 0. */
    pci_set_word(d->config + PCI_STATUS, pci_get_word(d->config + PCI_STATUS) |
                                             PCI_STATUS_REC_MASTER_ABORT |
                                             PCI_STATUS_DETECTED_PARITY);
    cfg_wr(fn, PCI_STATUS, 0, 2);
    g_assert_cmphex(cfg_rd(fn, PCI_STATUS, 2) & 0xff00, ==,
                    PCI_STATUS_REC_MASTER_ABORT | PCI_STATUS_DETECTED_PARITY);
    cfg_wr(fn, PCI_STATUS, PCI_STATUS_REC_MASTER_ABORT, 2);
    g_assert_cmphex(cfg_rd(fn, PCI_STATUS, 2) & 0xff00, ==,
                    PCI_STATUS_DETECTED_PARITY);
    /* Writing 1 to the read-only capability bit does not clear it. */
    cfg_wr(fn, PCI_STATUS, 0xffff, 2);
    g_assert_cmphex(cfg_rd(fn, PCI_STATUS, 2), ==, PCI_STATUS_CAP_LIST);
    /* The capability header is read-only; its body is the device's. */
    cfg_wr(fn, 0x40, 0xffff, 2);
    g_assert_cmphex(cfg_rd(fn, 0x40, 2), ==, PCI_CAP_ID_VNDR);
    hwtest_end();
}

static void test_bar_sizing(void)
{
    int fn = PCI_DEVFN(1, 0);

    begin();
    add_dev(TYPE_PCI_UNIT, "01.0", 1);
    g_assert_cmphex(cfg_rd(fn, PCI_BASE_ADDRESS_0, 4), ==, 0x1);
    g_assert_cmphex(cfg_rd(fn, PCI_BASE_ADDRESS_0 + 8, 4), ==, 0xc);
    for (int i = 0; i < 6; i++) {
        cfg_wr(fn, PCI_BASE_ADDRESS_0 + 4 * i, 0xffffffff, 4);
    }
    g_assert_cmphex(cfg_rd(fn, PCI_BASE_ADDRESS_0, 4), ==, 0xfffffff1);
    g_assert_cmphex(cfg_rd(fn, PCI_BASE_ADDRESS_0 + 4, 4), ==, 0xfffff000);
    g_assert_cmphex(cfg_rd(fn, PCI_BASE_ADDRESS_0 + 8, 4), ==, 0xfff0000c);
    g_assert_cmphex(cfg_rd(fn, PCI_BASE_ADDRESS_0 + 12, 4), ==, 0xffffffff);
    /* Unimplemented BARs read 0. */
    g_assert_cmphex(cfg_rd(fn, PCI_BASE_ADDRESS_0 + 16, 4), ==, 0);
    g_assert_cmphex(cfg_rd(fn, PCI_BASE_ADDRESS_0 + 20, 4), ==, 0);
    hwtest_end();
}

static void test_bar_mapping(void)
{
    int fn = PCI_DEVFN(2, 0);
    PCIUnitState *s;
    PCIDevice *d;
    uint64_t v;

    begin();
    d = add_dev(TYPE_PCI_UNIT, "02.0", 1);
    s = PCI_UNIT(d);
    cfg_wr(fn, PCI_BASE_ADDRESS_0, 0x1000, 4);
    cfg_wr(fn, PCI_BASE_ADDRESS_0 + 4, MMIO_BASE + 0x2000, 4);
    cfg_wr(fn, PCI_BASE_ADDRESS_0 + 8, MMIO_BASE + 0x100000, 4);
    cfg_wr(fn, PCI_BASE_ADDRESS_0 + 12, 0, 4);
    /* Decode off: nothing there. */
    g_assert_cmpint(hwtest_read(MMIO_BASE + 0x2000, 4, &v), !=, MEMTX_OK);
    g_assert_cmphex(pci_get_bar_addr(d, 1), ==, PCI_BAR_UNMAPPED);
    /* Memory decode on: the memory BARs answer, I/O stays off. */
    cfg_wr(fn, PCI_COMMAND, PCI_COMMAND_MEMORY, 2);
    g_assert_cmphex(pci_get_bar_addr(d, 1), ==, MMIO_BASE + 0x2000);
    g_assert_cmphex(pci_get_bar_addr(d, 2), ==, MMIO_BASE + 0x100000);
    g_assert_cmphex(pci_get_bar_addr(d, 0), ==, PCI_BAR_UNMAPPED);
    g_assert_cmpint(hwtest_rd32(MMIO_BASE + 0x2000), ==, 1);
    g_assert_cmpint(hwtest_rd32(MMIO_BASE + 0x100000), ==, 2);
    g_assert_cmpint(hwtest_rd32(MMIO_BASE + 0x2008), ==, 0x5a);
    g_assert_cmpint(hwtest_read(PIO_BASE + 0x1000, 4, &v), !=, MEMTX_OK);
    /* I/O decode: bus I/O 0x1000 is CPU 0x3001000. */
    cfg_wr(fn, PCI_COMMAND, PCI_COMMAND_MEMORY | PCI_COMMAND_IO, 2);
    g_assert_cmpint(hwtest_rd32(PIO_BASE + 0x1000), ==, 3);
    /* Moving a BAR moves the mapping. */
    cfg_wr(fn, PCI_BASE_ADDRESS_0 + 4, MMIO_BASE + 0x5000, 4);
    g_assert_cmpint(hwtest_read(MMIO_BASE + 0x2000, 4, &v), !=, MEMTX_OK);
    g_assert_cmpint(hwtest_rd32(MMIO_BASE + 0x5000), ==, 4);
    /* A 64-bit BAR above 4 GiB is outside the 1 GiB window. */
    cfg_wr(fn, PCI_BASE_ADDRESS_0 + 12, 1, 4);
    g_assert_cmphex(pci_get_bar_addr(d, 2), ==,
                    0x100000000ULL + MMIO_BASE + 0x100000);
    g_assert_cmpint(hwtest_read(MMIO_BASE + 0x100000, 4, &v), !=, MEMTX_OK);
    /* Decode off again unmaps everything. */
    cfg_wr(fn, PCI_COMMAND, 0, 2);
    g_assert_cmpint(hwtest_read(MMIO_BASE + 0x5000, 4, &v), !=, MEMTX_OK);
    g_assert_cmpint(hwtest_read(PIO_BASE + 0x1000, 4, &v), !=, MEMTX_OK);
    g_assert_cmpint(s->count, ==, 4);
    /* Reset puts BARs and command back. */
    cfg_wr(fn, PCI_COMMAND, PCI_COMMAND_MEMORY, 2);
    bus_cold_reset(BUS(root_bus()));
    g_assert_cmphex(cfg_rd(fn, PCI_COMMAND, 2), ==, 0);
    g_assert_cmphex(cfg_rd(fn, PCI_BASE_ADDRESS_0 + 4, 4), ==, 0);
    g_assert_cmphex(pci_get_bar_addr(d, 1), ==, PCI_BAR_UNMAPPED);
    hwtest_end();
}

static void test_bus_master(void)
{
    uint8_t buf[8] = {1, 2, 3, 4, 5, 6, 7, 8};
    uint8_t back[8];
    int fn = PCI_DEVFN(1, 0);
    PCIDevice *d;

    begin();
    d = add_dev(TYPE_PCI_UNIT, "01.0", 1);
    /* Bus Master off: the write reaches nothing, reads are all ones. */
    g_assert_cmpint(pci_dma_write(d, RAM_BASE + 0x100, buf, 8), !=, MEMTX_OK);
    g_assert_cmphex(hwtest_rd32(RAM_BASE + 0x100), ==, 0);
    g_assert_cmpint(pci_dma_read(d, RAM_BASE + 0x100, back, 8), !=, MEMTX_OK);
    g_assert_cmphex(back[0], ==, 0xff);
    /* On. */
    cfg_wr(fn, PCI_COMMAND, PCI_COMMAND_MASTER, 2);
    g_assert_cmpint(pci_dma_write(d, RAM_BASE + 0x100, buf, 8), ==, MEMTX_OK);
    g_assert_cmphex(hwtest_rd32(RAM_BASE + 0x100), ==, 0x04030201);
    hwtest_wr32(RAM_BASE + 0x104, 0xdeadbeef);
    g_assert_cmpint(pci_dma_read(d, RAM_BASE + 0x100, back, 8), ==, MEMTX_OK);
    g_assert_cmphex(back[4], ==, 0xef);
    /* Off again. */
    cfg_wr(fn, PCI_COMMAND, 0, 2);
    g_assert_cmpint(pci_dma_write(d, RAM_BASE + 0x200, buf, 8), !=, MEMTX_OK);
    g_assert_cmphex(hwtest_rd32(RAM_BASE + 0x200), ==, 0);
    hwtest_end();
}

static void intx(PCIDevice *d, int level)
{
    PCIUnitState *s = PCI_UNIT(d);

    memory_region_dispatch_write(&s->mem, 4, level, 4, MEMTXATTRS_UNSPECIFIED);
}

static void test_intx_swizzle(void)
{
    PCIDevice *d[8];
    static const struct {
        const char *addr;
        int pin;
        int line;
    } cases[] = {
        {"01.0", 1, 1}, {"02.0", 1, 2}, {"03.0", 1, 3}, {"04.0", 1, 0},
        {"05.0", 1, 1}, {"06.0", 2, 3}, {"07.0", 4, 2}, {"1f.0", 3, 1},
    };

    begin();
    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        d[i] = add_dev(TYPE_PCI_UNIT, cases[i].addr, cases[i].pin);
    }
    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        intx(d[i], 1);
        for (int l = 0; l < GPEX_NUM_IRQS; l++) {
            g_assert_cmpint(lines.level[l], ==, l == cases[i].line);
        }
        g_assert_cmphex(pci_get_word(d[i]->config + PCI_STATUS) &
                            PCI_STATUS_INTERRUPT,
                        ==, PCI_STATUS_INTERRUPT);
        intx(d[i], 0);
        g_assert_cmpint(lines.level[cases[i].line], ==, 0);
        g_assert_cmphex(pci_get_word(d[i]->config + PCI_STATUS) &
                            PCI_STATUS_INTERRUPT,
                        ==, 0);
    }
    /* A shared line stays up while any of its devices asserts. */
    intx(d[0], 1);
    intx(d[4], 1);
    intx(d[0], 0);
    g_assert_cmpint(lines.level[1], ==, 1);
    intx(d[4], 0);
    g_assert_cmpint(lines.level[1], ==, 0);
    /* INTx Disable masks the line but not the status bit. */
    intx(d[1], 1);
    g_assert_cmpint(lines.level[2], ==, 1);
    cfg_wr(PCI_DEVFN(2, 0), PCI_COMMAND, PCI_COMMAND_INTX_DISABLE, 2);
    g_assert_cmpint(lines.level[2], ==, 0);
    g_assert_cmphex(cfg_rd(PCI_DEVFN(2, 0), PCI_STATUS, 2) &
                        PCI_STATUS_INTERRUPT,
                    ==, PCI_STATUS_INTERRUPT);
    cfg_wr(PCI_DEVFN(2, 0), PCI_COMMAND, 0, 2);
    g_assert_cmpint(lines.level[2], ==, 1);
    /* Unplugging an asserting device drops its contribution. */
    object_unparent(OBJECT(d[1]));
    g_assert_cmpint(lines.level[2], ==, 0);
    hwtest_end();
}

static void test_addr_errors(void)
{
    g_autofree char *occupied = NULL;
    g_autofree char *syntax = NULL;
    g_autofree char *range = NULL;
    g_autofree char *single = NULL;
    g_autofree char *needs_mf = NULL;
    PCIDevice *d;

    begin();
    d = add_dev(TYPE_PCI_UNIT, "05.0", 1);
    DEVICE(d)->id = g_strdup("u5");
    add_dev(TYPE_PCI_UNIT, "03", 1);
    g_assert_nonnull(root_bus()->devices[PCI_DEVFN(3, 0)]);
    occupied = add_dev_err(TYPE_PCI_UNIT, "05.0", false);
    g_assert_cmpstr(occupied, ==,
                    "PCI address 05.0 on bus 'pcie.0' is already in use by "
                    "device 'u5' (type 'pci-unit-test'); free slots: 01-02, "
                    "04, 06-1f");
    syntax = add_dev_err(TYPE_PCI_UNIT, "zz", false);
    g_assert_cmpstr(syntax, ==,
                    "property 'addr' expects a PCI address SLOT.FN in hex "
                    "(slot 00-1f, function 0-7, e.g. 05.0), not 'zz'");
    range = add_dev_err(TYPE_PCI_UNIT, "20.0", false);
    g_assert_nonnull(strstr(range, "not '20.0'"));
    g_free(range);
    range = add_dev_err(TYPE_PCI_UNIT, "05.8", false);
    g_assert_nonnull(strstr(range, "not '05.8'"));
    single = add_dev_err(TYPE_PCI_UNIT, "05.1", false);
    g_assert_nonnull(strstr(single, "single-function device pci-unit-test "
                                    "at 05.0"));
    /* Multifunction: function 0 multifunction=on, then function 1. */
    {
        DeviceState *f0 = qdev_new(TYPE_PCI_UNIT);
        PCIDevice *f1;

        qdev_prop_set_bit(f0, "multifunction", true);
        object_property_parse(OBJECT(f0), "addr", "08.0", &error_abort);
        object_property_add_child(qdev_get_machine(), "f0", OBJECT(f0));
        qdev_realize_and_unref(f0, BUS(root_bus()), &error_abort);
        f1 = add_dev(TYPE_PCI_UNIT, "08.1", 2);
        g_assert_cmphex(cfg_rd(PCI_DEVFN(8, 0), PCI_HEADER_TYPE, 1), ==, 0x80);
        g_assert_cmphex(cfg_rd(PCI_DEVFN(8, 1), PCI_VENDOR_ID, 2), ==, 0x1234);
        g_assert_true(f1 == root_bus()->devices[PCI_DEVFN(8, 1)]);
    }
    /* Function 1 first, then a single-function 0 is refused. */
    add_dev(TYPE_PCI_UNIT, "09.1", 1);
    needs_mf = add_dev_err(TYPE_PCI_UNIT, "09.0", false);
    g_assert_nonnull(strstr(needs_mf, "must be multifunction=on"));
    /* Nothing half-built was left: slots 05 and 09 still hold the same. */
    g_assert_true(root_bus()->devices[PCI_DEVFN(5, 0)] == d);
    g_assert_null(root_bus()->devices[PCI_DEVFN(9, 0)]);
    hwtest_end();
}

static void test_auto_slot_and_unplug(void)
{
    PCIDevice *a, *b, *c;

    begin();
    a = add_dev(TYPE_PCI_UNIT, NULL, 1);
    b = add_dev(TYPE_PCI_UNIT, NULL, 1);
    g_assert_cmpint(a->devfn, ==, PCI_DEVFN(1, 0));
    g_assert_cmpint(b->devfn, ==, PCI_DEVFN(2, 0));
    /* Unplug (device_del): the slot reads empty and is reused. */
    cfg_wr(PCI_DEVFN(1, 0), PCI_BASE_ADDRESS_0 + 4, MMIO_BASE + 0x3000, 4);
    cfg_wr(PCI_DEVFN(1, 0), PCI_COMMAND, PCI_COMMAND_MEMORY, 2);
    g_assert_cmpint(hwtest_rd32(MMIO_BASE + 0x3000), ==, 1);
    g_assert_true(qdev_unplug(DEVICE(a), &error_abort));
    g_assert_cmphex(cfg_rd(PCI_DEVFN(1, 0), PCI_VENDOR_ID, 4), ==, 0xffffffff);
    {
        uint64_t v;

        g_assert_cmpint(hwtest_read(MMIO_BASE + 0x3000, 4, &v), !=, MEMTX_OK);
    }
    c = add_dev(TYPE_PCI_UNIT, NULL, 1);
    g_assert_cmpint(c->devfn, ==, PCI_DEVFN(1, 0));
    /* The host bridge function cannot be unplugged. */
    g_assert_false(qdev_unplug(DEVICE(&host->gpex_root), NULL));
    hwtest_end();
}

static void test_qtree_and_info(void)
{
    g_autofree char *qtree = NULL;
    g_autofree char *info = NULL;
    PCIDevice *d;

    begin();
    d = add_dev(TYPE_PCI_UNIT, "04.0", 2);
    DEVICE(d)->id = g_strdup("u4");
    cfg_wr(PCI_DEVFN(4, 0), PCI_BASE_ADDRESS_0 + 4, MMIO_BASE + 0x1000, 4);
    cfg_wr(PCI_DEVFN(4, 0), PCI_INTERRUPT_LINE, 0x21, 1);
    cfg_wr(PCI_DEVFN(4, 0), PCI_COMMAND, PCI_COMMAND_MEMORY, 2);
    qtree = qdev_qtree_text();
    g_assert_nonnull(strstr(qtree, "dev: gpex-pcihost, id \"\"\n"));
    g_assert_nonnull(strstr(qtree, "bus: pcie.0\n"));
    g_assert_nonnull(strstr(qtree, "type PCIE\n"));
    g_assert_nonnull(strstr(qtree, "class Host bridge, addr 00:00.0, pci id "
                                   "1b36:0008 (sub 1af4:1100)\n"));
    g_assert_nonnull(strstr(qtree, "class Class ff00, addr 00:04.0, pci id "
                                   "1234:beef (sub 1af4:1100)\n"));
    g_assert_nonnull(strstr(qtree, "bar 1: mem at 0x40001000 [0x40001fff]\n"));
    g_assert_nonnull(strstr(qtree, "bar 0: i/o at 0xffffffffffffffff "
                                   "[0xe]\n"));
    info = pci_info_text();
    g_assert_nonnull(strstr(info, "  Bus  0, device   0, function 0:\n"
                                  "    Host bridge: PCI device 1b36:0008\n"));
    g_assert_nonnull(strstr(info, "  Bus  0, device   4, function 0:\n"
                                  "    Class ff00: PCI device 1234:beef\n"
                                  "      PCI subsystem 1af4:1100\n"
                                  "      IRQ 33, pin B\n"
                                  "      BAR0: I/O at 0xffffffffffffffff "
                                  "[0x000e].\n"
                                  "      BAR1: 32 bit memory at 0x40001000 "
                                  "[0x40001fff].\n"
                                  "      BAR2: 64 bit prefetchable memory at "
                                  "0xffffffffffffffff [0x000ffffe].\n"
                                  "      id \"u4\"\n"));
    hwtest_end();
}

/* -device through qdev_device_add(): the bus errors. */
static char *device_add_err(const char *opts)
{
    QDict *qdict = keyval_parse(opts, "driver", NULL, &error_abort);
    Error *err = NULL;
    char *msg;

    g_assert_null(qdev_device_add(qdict, &err));
    qobject_unref(qdict);
    g_assert_nonnull(err);
    msg = g_strdup(error_get_pretty(err));
    error_free(err);
    return msg;
}

static void test_bus_errors(void)
{
    g_autofree char *no_bus = NULL;
    g_autofree char *not_pci = NULL;
    g_autofree char *pci_on_sysbus = NULL;

    /* A machine without a PCI host. */
    hwtest_begin();
    no_bus = device_add_err("pci-unit-test");
    g_assert_cmpstr(no_bus, ==,
                    "no bus of type PCI for device type 'pci-unit-test' "
                    "(this machine has none)");
    hwtest_end();

    begin();
    not_pci = device_add_err("sysbus-unit-test,bus=pcie.0");
    g_assert_cmpstr(not_pci, ==,
                    "device type 'sysbus-unit-test' cannot go on bus "
                    "'pcie.0' (type PCIE): it needs a bus of type System; "
                    "buses that fit: main-system-bus");
    pci_on_sysbus = device_add_err("pci-unit-test,bus=main-system-bus");
    g_assert_nonnull(strstr(pci_on_sysbus, "it needs a bus of type PCI; "
                                           "buses that fit: pcie.0"));
    /* Nothing was left behind by the failures. */
    g_assert_null(object_resolve_path("/machine/peripheral-anon/"
                                      "pci-unit-test[0]",
                                      NULL));
    g_assert_null(root_bus()->devices[PCI_DEVFN(1, 0)]);
    hwtest_end();
}

int main(int argc, char **argv)
{
    hwtest_init(&argc, &argv, "test-pci");
    g_test_add_func("/pci/config/ids", test_ids);
    g_test_add_func("/pci/config/pcie-size", test_pcie_config_size);
    g_test_add_func("/pci/config/masks", test_masks);
    g_test_add_func("/pci/bar/sizing", test_bar_sizing);
    g_test_add_func("/pci/bar/mapping", test_bar_mapping);
    g_test_add_func("/pci/dma/bus-master", test_bus_master);
    g_test_add_func("/pci/intx/swizzle", test_intx_swizzle);
    g_test_add_func("/pci/addr/errors", test_addr_errors);
    g_test_add_func("/pci/hotplug/auto-slot-and-unplug",
                    test_auto_slot_and_unplug);
    g_test_add_func("/pci/monitor/qtree-and-info", test_qtree_and_info);
    g_test_add_func("/pci/addr/bus-errors", test_bus_errors);
    return hwtest_run();
}

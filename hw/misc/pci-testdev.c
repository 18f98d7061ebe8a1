/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * pci-testdev.c: QEMU's PCI test device "pci-testdev" (1b36:0005, as used
 * by kvm-unit-tests): a memory BAR and an I/O BAR, each with three tests
 * whose header (test number, width, offset, data, count, name) reads at
 * offset 0 and whose test register counts writes.
 *
 * Layout of both BARs (QEMU's): writing N (0-2) to byte 0 selects test N
 * of that BAR ("no-eventfd", "wildcard-eventfd", "datamatch-eventfd") and
 * zeroes its count; the header of the selected test then reads from
 * offset 0:
 *   0 test, 1 width (1), 4 offset (le32), 8 data (le8), 12 count (le32),
 *   16 the NUL-terminated name ("mmio-no-eventfd" ...).
 * A byte write at the test's offset (mmio: 2048 + i, portio: 128 + i, i
 * the test index over both BARs, which is also the "test" byte) counts
 * once; every test but the wildcard one counts only data 0xfa (QEMU's
 * match_data is true for "no-eventfd" too).
 *
 * Difference from QEMU: no eventfds (qomu has no KVM).  QEMU's TCG lets
 * the eventfd swallow the writes of the two eventfd tests, so only
 * "no-eventfd" counts there; qomu counts all three through the device.
 * No "membar" BAR.
 */
#include "qomu/osdep.h"

#include "hw/pci/pci.h"
#include "qapi/error.h"
#include "qomu/module.h"

#define TYPE_PCI_TEST_DEV "pci-testdev"

/* Header fields */
#define HDR_TEST 0
#define HDR_WIDTH 1
#define HDR_OFFSET 4
#define HDR_DATA 8
#define HDR_COUNT 12
#define HDR_NAME 16

#define IOTEST_DATAMATCH 0xfa
#define IOTEST_NOMATCH 0xce
#define IOTEST_IOSIZE 128
#define IOTEST_MEMSIZE 2048
#define IOTEST_ACCESS_WIDTH 1

enum { IOTEST_MMIO, IOTEST_PORTIO, IOTEST_MAX_TYPE };
enum {
    IOTEST_NO_EVENTFD,
    IOTEST_WILDCARD,
    IOTEST_DATAMATCH_TEST,
    IOTEST_MAX_TEST
};
#define IOTEST_MAX (IOTEST_MAX_TEST * IOTEST_MAX_TYPE)

static const char *const iotest_test[IOTEST_MAX_TEST] = {
    "no-eventfd",
    "wildcard-eventfd",
    "datamatch-eventfd",
};
static const char *const iotest_type[IOTEST_MAX_TYPE] = {"mmio", "portio"};

typedef struct IOTest {
    uint8_t hdr[HDR_NAME + 32];
    unsigned bufsize;
    bool match_data;
} IOTest;

typedef struct PCITestDevState {
    PCIDevice parent_obj;
    MemoryRegion mmio;
    MemoryRegion portio;
    IOTest tests[IOTEST_MAX];
    int current;
} PCITestDevState;

#define PCI_TEST_DEV(obj)                                                      \
    OBJECT_CHECK(PCITestDevState, (obj), TYPE_PCI_TEST_DEV)

static void pci_testdev_count(IOTest *test)
{
    pci_set_long(test->hdr + HDR_COUNT,
                 pci_get_long(test->hdr + HDR_COUNT) + 1);
}

static uint64_t pci_testdev_read(void *opaque, hwaddr addr, unsigned size)
{
    PCITestDevState *d = opaque;
    IOTest *test;

    if (d->current < 0) {
        return 0;
    }
    test = &d->tests[d->current];
    /* As QEMU: the name's final NUL reads as 0 through this check. */
    if (addr + size >= test->bufsize) {
        return 0;
    }
    return test->hdr[addr];
}

static void pci_testdev_write(PCITestDevState *d, hwaddr addr, uint64_t val,
                              unsigned size, int type)
{
    IOTest *test;

    if (addr == HDR_TEST) {
        d->current = -1;
        if (val >= IOTEST_MAX_TEST) {
            return;
        }
        d->current = type * IOTEST_MAX_TEST + val;
        pci_set_long(d->tests[d->current].hdr + HDR_COUNT, 0);
        return;
    }
    if (d->current < 0) {
        return;
    }
    test = &d->tests[d->current];
    if (addr != pci_get_long(test->hdr + HDR_OFFSET)) {
        return;
    }
    if (test->match_data &&
        (size != IOTEST_ACCESS_WIDTH || val != test->hdr[HDR_DATA])) {
        return;
    }
    pci_testdev_count(test);
}

static void pci_testdev_mmio_write(void *opaque, hwaddr addr, uint64_t val,
                                   unsigned size)
{
    pci_testdev_write(opaque, addr, val, size, IOTEST_MMIO);
}

static void pci_testdev_pio_write(void *opaque, hwaddr addr, uint64_t val,
                                  unsigned size)
{
    pci_testdev_write(opaque, addr, val, size, IOTEST_PORTIO);
}

/* Byte registers: the memory API splits wider accesses (QEMU's impl 1). */
static const MemoryRegionOps pci_testdev_mmio_ops = {
    .read = pci_testdev_read,
    .write = pci_testdev_mmio_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = {.min_access_size = 1, .max_access_size = 8},
    .impl = {.min_access_size = 1, .max_access_size = 1},
};

static const MemoryRegionOps pci_testdev_pio_ops = {
    .read = pci_testdev_read,
    .write = pci_testdev_pio_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = {.min_access_size = 1, .max_access_size = 4},
    .impl = {.min_access_size = 1, .max_access_size = 1},
};

static void pci_testdev_instance_init(Object *obj)
{
    PCITestDevState *d = PCI_TEST_DEV(obj);

    memory_region_init_io(&d->mmio, obj, &pci_testdev_mmio_ops, d,
                          "pci-testdev-mmio", IOTEST_MEMSIZE * 2);
    memory_region_init_io(&d->portio, obj, &pci_testdev_pio_ops, d,
                          "pci-testdev-portio", IOTEST_IOSIZE * 2);
}

static void pci_testdev_reset_tests(PCITestDevState *d)
{
    d->current = -1;
    for (int i = 0; i < IOTEST_MAX; i++) {
        IOTest *test = &d->tests[i];
        int type = i / IOTEST_MAX_TEST;
        int n = i % IOTEST_MAX_TEST;
        g_autofree char *name =
            g_strdup_printf("%s-%s", iotest_type[type], iotest_test[n]);

        memset(test->hdr, 0, sizeof(test->hdr));
        test->bufsize = HDR_NAME + strlen(name) + 1;
        memcpy(test->hdr + HDR_NAME, name, strlen(name) + 1);
        test->hdr[HDR_TEST] = i;
        test->hdr[HDR_WIDTH] = IOTEST_ACCESS_WIDTH;
        pci_set_long(test->hdr + HDR_OFFSET,
                     (type == IOTEST_MMIO ? IOTEST_MEMSIZE : IOTEST_IOSIZE) +
                         i * IOTEST_ACCESS_WIDTH);
        test->match_data = n != IOTEST_WILDCARD;
        test->hdr[HDR_DATA] =
            test->match_data ? IOTEST_DATAMATCH : IOTEST_NOMATCH;
    }
}

static void pci_testdev_realize(PCIDevice *pci_dev, Error **errp)
{
    PCITestDevState *d = PCI_TEST_DEV(pci_dev);

    pci_dev->config[PCI_INTERRUPT_PIN] = 0;
    pci_testdev_reset_tests(d);
    pci_register_bar(pci_dev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &d->mmio);
    pci_register_bar(pci_dev, 1, PCI_BASE_ADDRESS_SPACE_IO, &d->portio);
}

static void pci_testdev_reset(DeviceState *dev)
{
    PCI_TEST_DEV(dev)->current = -1;
}

static void pci_testdev_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = pci_testdev_realize;
    k->vendor_id = PCI_VENDOR_ID_REDHAT;
    k->device_id = PCI_DEVICE_ID_REDHAT_TEST;
    k->revision = 0x00;
    k->class_id = PCI_CLASS_OTHERS;
    dc->desc = "PCI Test Device";
    device_class_set_category(dc, DEVICE_CATEGORY_MISC);
    device_class_set_legacy_reset(dc, pci_testdev_reset);
}

static const TypeInfo pci_testdev_types[] = {
    {
        .name = TYPE_PCI_TEST_DEV,
        .parent = TYPE_PCI_DEVICE,
        .instance_size = sizeof(PCITestDevState),
        .instance_init = pci_testdev_instance_init,
        .class_init = pci_testdev_class_init,
        .interfaces =
            (const InterfaceInfo[]){
                {INTERFACE_CONVENTIONAL_PCI_DEVICE},
                {},
            },
    },
};

DEFINE_TYPES(pci_testdev_types)

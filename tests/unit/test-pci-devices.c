/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-pci-devices: edu, pci-testdev and pci-serial on the gpex host as on
 * virt, driven only through system memory (ECAM at 0x30000000, MMIO window
 * 0x40000000, I/O window 0x3000000), with the four INTx lines on IRQ sinks,
 * RAM at 0x80000000 and the virtual clock stepped in deterministic mode.
 */
#include "qomu/osdep.h"

#include "chardev/char.h"
#include "exec/address-spaces.h"
#include "pci-test.h"
#include "hw/pci/pci_bus.h"
#include "hw/qdev-properties.h"
#include "qapi/error.h"
#include "qobject/qdict.h"
#include "qapi/keyval.h"
#include "qomu/log.h"
#include "qomu/module.h"
#include "qomu/timer.h"
#include "system/main-loop.h"


#define CFG(devfn, reg) (ECAM_BASE + ((devfn) << 12) + (reg))

static HWTestSink lines;
static GPEXHost *host;

/* -device DRIVER,...: the same path as the command line. */
static DeviceState *device_add(const char *opts)
{
    QDict *qdict = keyval_parse(opts, "driver", NULL, &error_abort);
    DeviceState *dev = qdev_device_add(qdict, &error_abort);

    qobject_unref(qdict);
    return dev;
}

static void begin(void)
{
    host = pcitest_begin(&lines);
    g_free(hwtest_log_take());
}

/* Enable decoding and mastering, put BAR @bar at @addr. */
static void setup_bar(int devfn, int bar, uint32_t addr, uint16_t cmd)
{
    hwtest_wr32(CFG(devfn, PCI_BASE_ADDRESS_0 + 4 * bar), addr);
    hwtest_wr16(CFG(devfn, PCI_COMMAND), cmd);
}

#define EDU MMIO_BASE
#define EDU_FN PCI_DEVFN(1, 0)

static void test_edu_regs(void)
{
    begin();
    device_add("edu");
    g_assert_cmphex(hwtest_rd32(CFG(EDU_FN, PCI_VENDOR_ID)), ==, 0x11e81234);
    g_assert_cmphex(hwtest_rd32(CFG(EDU_FN, PCI_CLASS_REVISION)), ==,
                    0x00ff0010);
    g_assert_cmphex(hwtest_rd8(CFG(EDU_FN, PCI_INTERRUPT_PIN)), ==, 1);
    /* BAR0: 1 MiB, 32-bit memory. */
    hwtest_wr32(CFG(EDU_FN, PCI_BASE_ADDRESS_0), 0xffffffff);
    g_assert_cmphex(hwtest_rd32(CFG(EDU_FN, PCI_BASE_ADDRESS_0)), ==,
                    0xfff00000);
    setup_bar(EDU_FN, 0, EDU, PCI_COMMAND_MEMORY);
    g_assert_cmphex(hwtest_rd32(EDU + 0x00), ==, 0x010000ed);
    hwtest_wr32(EDU + 0x04, 0x12345678);
    g_assert_cmphex(hwtest_rd32(EDU + 0x04), ==, 0xedcba987);
    /* 64-bit accesses below 0x80 read all ones and write nothing. */
    g_assert_cmphex(hwtest_rd64(EDU + 0x00), ==, ~0ULL);
    hwtest_wr64(EDU + 0x00, 0);
    g_assert_cmphex(hwtest_rd32(EDU + 0x04), ==, 0xedcba987);
    /* Raise / ack. */
    hwtest_wr32(EDU + 0x60, 0x30);
    g_assert_cmphex(hwtest_rd32(EDU + 0x24), ==, 0x30);
    g_assert_cmpint(lines.level[1], ==, 1);
    hwtest_wr32(EDU + 0x64, 0x10);
    g_assert_cmpint(lines.level[1], ==, 1);
    hwtest_wr32(EDU + 0x64, 0x20);
    g_assert_cmphex(hwtest_rd32(EDU + 0x24), ==, 0);
    g_assert_cmpint(lines.level[1], ==, 0);
    hwtest_end();
}

static void test_edu_factorial(void)
{
    begin();
    device_add("edu,addr=05.0");
    setup_bar(PCI_DEVFN(5, 0), 0, EDU, PCI_COMMAND_MEMORY);
    /* Without the interrupt. */
    hwtest_wr32(EDU + 0x08, 5);
    g_assert_cmphex(hwtest_rd32(EDU + 0x20) & 1, ==, 1);
    /* A second write while computing is ignored. */
    hwtest_wr32(EDU + 0x08, 7);
    hwtest_clock_step(10000);
    g_assert_cmphex(hwtest_rd32(EDU + 0x20), ==, 0);
    g_assert_cmpint(hwtest_rd32(EDU + 0x08), ==, 120);
    g_assert_cmpint(lines.level[1], ==, 0);
    /* With it: slot 5 pin A is line (5 + 0) % 4 = 1. */
    hwtest_wr32(EDU + 0x20, 0x80);
    hwtest_wr32(EDU + 0x08, 12);
    g_assert_cmpint(lines.level[1], ==, 0);
    hwtest_clock_step(10000);
    g_assert_cmpint(hwtest_rd32(EDU + 0x08), ==, 479001600);
    g_assert_cmphex(hwtest_rd32(EDU + 0x24), ==, 1);
    g_assert_cmpint(lines.level[1], ==, 1);
    hwtest_wr32(EDU + 0x64, 1);
    g_assert_cmpint(lines.level[1], ==, 0);
    /* 32-bit wrap as QEMU: 13! mod 2^32. */
    hwtest_wr32(EDU + 0x08, 13);
    hwtest_clock_step(10000);
    g_assert_cmphex(hwtest_rd32(EDU + 0x08), ==, 0x17328cc00ULL & 0xffffffff);
    hwtest_end();
}

static void test_edu_dma(void)
{
    static const char pattern[] = "qomu edu DMA test pattern";

    begin();
    device_add("edu,dma_mask=0xffffffff");
    setup_bar(EDU_FN, 0, EDU, PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER);
    for (size_t i = 0; i < sizeof(pattern); i++) {
        hwtest_wr8(RAM_BASE + 0x100 + i, pattern[i]);
    }
    /* RAM -> buffer (direction 0), with the DMA interrupt. */
    hwtest_wr64(EDU + 0x80, RAM_BASE + 0x100);
    hwtest_wr64(EDU + 0x88, 0x40000 + 0x10);
    hwtest_wr64(EDU + 0x90, sizeof(pattern));
    hwtest_wr64(EDU + 0x98, 0x1 | 0x4);
    g_assert_cmphex(hwtest_rd64(EDU + 0x98), ==, 5);
    /* Registers are frozen while it runs. */
    hwtest_wr64(EDU + 0x80, 0x1234);
    g_assert_cmphex(hwtest_rd64(EDU + 0x80), ==, RAM_BASE + 0x100);
    hwtest_clock_step(50 * 1000 * 1000);
    g_assert_cmphex(hwtest_rd64(EDU + 0x98), ==, 5);
    hwtest_clock_step(60 * 1000 * 1000);
    g_assert_cmphex(hwtest_rd64(EDU + 0x98), ==, 4);
    g_assert_cmphex(hwtest_rd32(EDU + 0x24), ==, 0x100);
    g_assert_cmpint(lines.level[1], ==, 1);
    hwtest_wr32(EDU + 0x64, 0x100);
    g_assert_cmpint(lines.level[1], ==, 0);
    /* Buffer -> RAM (direction 1), 32-bit register writes. */
    hwtest_wr32(EDU + 0x80, 0x40000 + 0x10);
    hwtest_wr32(EDU + 0x88, RAM_BASE + 0x800);
    hwtest_wr32(EDU + 0x90, sizeof(pattern));
    hwtest_wr32(EDU + 0x98, 0x1 | 0x2);
    hwtest_clock_step(200 * 1000 * 1000);
    g_assert_cmphex(hwtest_rd32(EDU + 0x24), ==, 0);
    for (size_t i = 0; i < sizeof(pattern); i++) {
        g_assert_cmpint(hwtest_rd8(RAM_BASE + 0x800 + i), ==, pattern[i]);
    }
    /* Bus Master off: the transfer completes but reaches no RAM. */
    hwtest_wr16(CFG(EDU_FN, PCI_COMMAND), PCI_COMMAND_MEMORY);
    hwtest_wr64(EDU + 0x88, RAM_BASE + 0x1000);
    hwtest_wr64(EDU + 0x98, 0x1 | 0x2 | 0x4);
    hwtest_clock_step(200 * 1000 * 1000);
    g_assert_cmphex(hwtest_rd32(EDU + 0x24), ==, 0x100);
    g_assert_cmphex(hwtest_rd64(RAM_BASE + 0x1000), ==, 0);
    hwtest_wr32(EDU + 0x64, 0x100);
    /* Outside the buffer: a logged guest error, nothing copied. */
    hwtest_wr16(CFG(EDU_FN, PCI_COMMAND),
                PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER);
    hwtest_wr64(EDU + 0x80, 0x40000 + 0xff0);
    hwtest_wr64(EDU + 0x88, RAM_BASE + 0x2000);
    hwtest_wr64(EDU + 0x90, 0x20);
    hwtest_wr64(EDU + 0x98, 0x1 | 0x2);
    hwtest_clock_step(200 * 1000 * 1000);
    g_assert_cmphex(hwtest_rd64(RAM_BASE + 0x2000), ==, 0);
    {
        g_autofree char *log = hwtest_log_take();

        g_assert_nonnull(strstr(log, "edu: DMA of 0x20 bytes does not fit"));
    }
    hwtest_end();
}

static void test_edu_dma_mask_default(void)
{
    begin();
    device_add("edu");
    setup_bar(EDU_FN, 0, EDU, PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER);
    /* QEMU's default 28-bit mask clamps RAM at 0x80000000 to 0. */
    hwtest_wr64(EDU + 0x80, 0x40000);
    hwtest_wr64(EDU + 0x88, RAM_BASE + 0x100);
    hwtest_wr64(EDU + 0x90, 8);
    hwtest_wr64(EDU + 0x98, 0x3);
    hwtest_clock_step(200 * 1000 * 1000);
    {
        g_autofree char *log = hwtest_log_take();

        g_assert_nonnull(strstr(log, "edu: clamping DMA address "
                                     "0x0000000080000100 to "
                                     "0x0000000000000100"));
    }
    hwtest_end();
}

#define TD_MMIO (MMIO_BASE + 0x10000)
#define TD_PIO 0x1000

static uint32_t td_count(hwaddr base)
{
    return hwtest_rd32(base + 12);
}

static void test_testdev(void)
{
    char name[32];

    begin();
    device_add("pci-testdev,addr=02.0");
    g_assert_cmphex(hwtest_rd32(CFG(PCI_DEVFN(2, 0), PCI_VENDOR_ID)), ==,
                    0x00051b36);
    g_assert_cmphex(hwtest_rd8(CFG(PCI_DEVFN(2, 0), PCI_INTERRUPT_PIN)), ==, 0);
    hwtest_wr32(CFG(PCI_DEVFN(2, 0), PCI_BASE_ADDRESS_0), 0xffffffff);
    hwtest_wr32(CFG(PCI_DEVFN(2, 0), PCI_BASE_ADDRESS_0 + 4), 0xffffffff);
    g_assert_cmphex(hwtest_rd32(CFG(PCI_DEVFN(2, 0), PCI_BASE_ADDRESS_0)), ==,
                    0xfffff000);
    g_assert_cmphex(hwtest_rd32(CFG(PCI_DEVFN(2, 0), PCI_BASE_ADDRESS_0 + 4)),
                    ==, 0xffffff01);
    hwtest_wr32(CFG(PCI_DEVFN(2, 0), PCI_BASE_ADDRESS_0), TD_MMIO);
    hwtest_wr32(CFG(PCI_DEVFN(2, 0), PCI_BASE_ADDRESS_0 + 4), TD_PIO);
    hwtest_wr16(CFG(PCI_DEVFN(2, 0), PCI_COMMAND),
                PCI_COMMAND_MEMORY | PCI_COMMAND_IO);

    /* MMIO test 0 ("no-eventfd"): data 0xfa at 2048, byte writes. */
    hwtest_wr8(TD_MMIO, 0);
    g_assert_cmpint(hwtest_rd32(TD_MMIO + 4), ==, 2048);
    g_assert_cmphex(hwtest_rd8(TD_MMIO + 8), ==, 0xfa);
    for (int i = 0; i < 16; i++) {
        name[i] = hwtest_rd8(TD_MMIO + 16 + i);
    }
    name[16] = 0;
    g_assert_cmpstr(name, ==, "mmio-no-eventfd");
    for (int i = 0; i < 5; i++) {
        hwtest_wr8(TD_MMIO + 2048, 0xfa);
    }
    hwtest_wr8(TD_MMIO + 2048, 0xfb);
    hwtest_wr8(TD_MMIO + 2040, 0xfa);
    g_assert_cmpint(td_count(TD_MMIO), ==, 5);
    /* A wider write reaches the byte registers one byte at a time (as
     * QEMU's impl size 1): its low byte counts. */
    hwtest_wr16(TD_MMIO + 2048, 0x01fa);
    g_assert_cmpint(td_count(TD_MMIO), ==, 6);
    /* MMIO test 2: datamatch 0xfa at 2050. */
    hwtest_wr8(TD_MMIO, 2);
    g_assert_cmpint(td_count(TD_MMIO), ==, 0);
    g_assert_cmpint(hwtest_rd32(TD_MMIO + 4), ==, 2050);
    g_assert_cmphex(hwtest_rd8(TD_MMIO + 8), ==, 0xfa);
    hwtest_wr8(TD_MMIO + 2050, 0xfa);
    hwtest_wr8(TD_MMIO + 2050, 0xfb);
    hwtest_wr8(TD_MMIO + 2050, 0xfa);
    g_assert_cmpint(td_count(TD_MMIO), ==, 2);
    /* Port I/O test 1 (index 4, "wildcard"): offset 128 + 4, any data. */
    hwtest_wr8(PIO_BASE + TD_PIO, 1);
    g_assert_cmpint(hwtest_rd8(PIO_BASE + TD_PIO), ==, 4);
    g_assert_cmphex(hwtest_rd8(PIO_BASE + TD_PIO + 8), ==, 0xce);
    g_assert_cmpint(hwtest_rd32(PIO_BASE + TD_PIO + 4), ==, 132);
    hwtest_wr8(PIO_BASE + TD_PIO + 132, 0x11);
    hwtest_wr8(PIO_BASE + TD_PIO + 132, 0x22);
    hwtest_wr8(PIO_BASE + TD_PIO + 132, 0x33);
    g_assert_cmpint(td_count(PIO_BASE + TD_PIO), ==, 3);
    /* A test number out of range deselects: reads give 0. */
    hwtest_wr8(PIO_BASE + TD_PIO, 7);
    g_assert_cmpint(td_count(PIO_BASE + TD_PIO), ==, 0);
    hwtest_end();
}

static void test_pci_serial(void)
{
    Chardev *chr;
    DeviceState *dev;
    Object *uart;
    char out[8] = {0};

    begin();
    chr = qemu_chr_new_from_opts("ringbuf,id=c0,size=256", &error_abort);
    dev = device_add("pci-serial,chardev=c0,id=ps0,addr=03.0");
    /* The UART is a QOM child of the PCI function. */
    uart = object_resolve_path_component(OBJECT(dev), "serial");
    g_assert_nonnull(uart);
    g_assert_nonnull(object_dynamic_cast(uart, "serial"));
    g_assert_cmphex(hwtest_rd32(CFG(PCI_DEVFN(3, 0), PCI_VENDOR_ID)), ==,
                    0x00021b36);
    g_assert_cmphex(hwtest_rd32(CFG(PCI_DEVFN(3, 0), PCI_CLASS_REVISION)), ==,
                    0x07000201);
    hwtest_wr32(CFG(PCI_DEVFN(3, 0), PCI_BASE_ADDRESS_0), 0xffffffff);
    g_assert_cmphex(hwtest_rd32(CFG(PCI_DEVFN(3, 0), PCI_BASE_ADDRESS_0)), ==,
                    0xfffffff9);
    setup_bar(PCI_DEVFN(3, 0), 0, 0x2000, PCI_COMMAND_IO);
    /* Transmit through the BAR into the chardev. */
    hwtest_wr8(PIO_BASE + 0x2000, 'h');
    hwtest_wr8(PIO_BASE + 0x2000, 'i');
    hwtest_clock_step(10 * 1000 * 1000);
    g_assert_cmpint(qemu_chr_ringbuf_read(chr, (uint8_t *)out, 7), ==, 2);
    g_assert_cmpstr(out, ==, "hi");
    /* Receive interrupt on INTA: slot 3 -> line 3. */
    hwtest_wr8(PIO_BASE + 0x2000 + 1, 0x01); /* IER: RDA */
    g_assert_cmpint(lines.level[3], ==, 0);
    qemu_chr_be_write(chr, (const uint8_t *)"x", 1);
    g_assert_cmpint(lines.level[3], ==, 1);
    g_assert_cmpint(hwtest_rd8(PIO_BASE + 0x2000), ==, 'x');
    g_assert_cmpint(lines.level[3], ==, 0);
    /* Hot-unplug takes the UART along. */
    g_assert_true(qdev_unplug(dev, &error_abort));
    g_assert_cmphex(hwtest_rd32(CFG(PCI_DEVFN(3, 0), PCI_VENDOR_ID)), ==,
                    0xffffffff);
    hwtest_end();
}

int main(int argc, char **argv)
{
    hwtest_init(&argc, &argv, "test-pci-devices");
    qemu_init_main_loop(&error_abort);
    qemu_chr_new_from_opts("null,id=warmup", &error_abort);
    chardev_cleanup_all();

    g_test_add_func("/pci/edu/registers", test_edu_regs);
    g_test_add_func("/pci/edu/factorial", test_edu_factorial);
    g_test_add_func("/pci/edu/dma", test_edu_dma);
    g_test_add_func("/pci/edu/dma-mask-default", test_edu_dma_mask_default);
    g_test_add_func("/pci/testdev/counters", test_testdev);
    g_test_add_func("/pci/pci-serial/io-and-irq", test_pci_serial);
    return hwtest_run();
}

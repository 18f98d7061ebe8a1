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
#include "hw/pci-host/gpex.h"
#include "hw/pci/pci_bus.h"
#include "hw/qdev-properties.h"
#include "qapi/error.h"
#include "qobject/qdict.h"
#include "qapi/keyval.h"
#include "qomu/log.h"
#include "qomu/module.h"
#include "qomu/timer.h"
#include "system/main-loop.h"

#define ECAM_BASE 0x30000000
#define MMIO_BASE 0x40000000
#define PIO_BASE 0x3000000
#define RAM_BASE 0x80000000

#define CFG(devfn, reg) (ECAM_BASE + ((devfn) << 12) + (reg))

static int line_level[GPEX_NUM_IRQS];
static GPEXHost *host;
static MemoryRegion *ram;
static long live_at_start;
static char *log_path;
static size_t log_seen;

static void line_set(void *opaque, int n, int level)
{
    line_level[n] = level;
}

static uint64_t rd(hwaddr addr, unsigned size)
{
    uint64_t v = 0;

    g_assert_cmpint(address_space_rw(&address_space_memory, addr,
                                     MEMTXATTRS_UNSPECIFIED, &v, size, false),
                    ==, MEMTX_OK);
    return v;
}

static void wr(hwaddr addr, uint64_t v, unsigned size)
{
    g_assert_cmpint(address_space_rw(&address_space_memory, addr,
                                     MEMTXATTRS_UNSPECIFIED, &v, size, true),
                    ==, MEMTX_OK);
}

static char *log_take(void)
{
    g_autofree char *text = NULL;
    size_t len = 0;
    char *news;

    g_assert_true(g_file_get_contents(log_path, &text, &len, NULL));
    news = g_strdup(text + MIN(log_seen, len));
    log_seen = len;
    return news;
}

static void step_ns(int64_t ns)
{
    int64_t dest = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL) + ns;

    g_assert_cmpint(qemu_clock_advance_virtual_time(dest), ==, dest);
}

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
    GPEXConfig cfg = {
        .ecam_base = ECAM_BASE,
        .ecam_size = 0x10000000,
        .mmio_base = MMIO_BASE,
        .mmio_size = 0x40000000,
        .pio_base = PIO_BASE,
        .pio_size = 0x10000,
    };

    live_at_start = object_live_count();
    memory_map_init();
    icount_configure(0, &error_abort);
    ram = g_new0(MemoryRegion, 1);
    g_assert_true(
        memory_region_init_ram(ram, NULL, "ram", 0x10000, &error_abort));
    memory_region_add_subregion(get_system_memory(), RAM_BASE, ram);
    host = gpex_create(qdev_get_machine(), "pcie", get_system_memory(), &cfg,
                       &error_abort);
    memset(line_level, 0, sizeof(line_level));
    for (int i = 0; i < GPEX_NUM_IRQS; i++) {
        qemu_irq irq = qemu_allocate_irq(line_set, NULL, i);

        sysbus_connect_irq(SYS_BUS_DEVICE(host), i, irq);
        qemu_free_irq(irq);
    }
    g_free(log_take());
}

static void end(void)
{
    qdev_teardown_all();
    chardev_cleanup_all();
    memory_region_del_subregion(get_system_memory(), ram);
    object_unref(OBJECT(ram));
    g_free(ram);
    memory_map_cleanup();
    icount_disable();
    g_assert_cmpint(object_live_count(), ==, live_at_start);
}

/* Enable decoding and mastering, put BAR @bar at @addr. */
static void setup_bar(int devfn, int bar, uint32_t addr, uint16_t cmd)
{
    wr(CFG(devfn, PCI_BASE_ADDRESS_0 + 4 * bar), addr, 4);
    wr(CFG(devfn, PCI_COMMAND), cmd, 2);
}

#define EDU MMIO_BASE
#define EDU_FN PCI_DEVFN(1, 0)

static void test_edu_regs(void)
{
    begin();
    device_add("edu");
    g_assert_cmphex(rd(CFG(EDU_FN, PCI_VENDOR_ID), 4), ==, 0x11e81234);
    g_assert_cmphex(rd(CFG(EDU_FN, PCI_CLASS_REVISION), 4), ==, 0x00ff0010);
    g_assert_cmphex(rd(CFG(EDU_FN, PCI_INTERRUPT_PIN), 1), ==, 1);
    /* BAR0: 1 MiB, 32-bit memory. */
    wr(CFG(EDU_FN, PCI_BASE_ADDRESS_0), 0xffffffff, 4);
    g_assert_cmphex(rd(CFG(EDU_FN, PCI_BASE_ADDRESS_0), 4), ==, 0xfff00000);
    setup_bar(EDU_FN, 0, EDU, PCI_COMMAND_MEMORY);
    g_assert_cmphex(rd(EDU + 0x00, 4), ==, 0x010000ed);
    wr(EDU + 0x04, 0x12345678, 4);
    g_assert_cmphex(rd(EDU + 0x04, 4), ==, 0xedcba987);
    /* 64-bit accesses below 0x80 read all ones and write nothing. */
    g_assert_cmphex(rd(EDU + 0x00, 8), ==, ~0ULL);
    wr(EDU + 0x00, 0, 8);
    g_assert_cmphex(rd(EDU + 0x04, 4), ==, 0xedcba987);
    /* Raise / ack. */
    wr(EDU + 0x60, 0x30, 4);
    g_assert_cmphex(rd(EDU + 0x24, 4), ==, 0x30);
    g_assert_cmpint(line_level[1], ==, 1);
    wr(EDU + 0x64, 0x10, 4);
    g_assert_cmpint(line_level[1], ==, 1);
    wr(EDU + 0x64, 0x20, 4);
    g_assert_cmphex(rd(EDU + 0x24, 4), ==, 0);
    g_assert_cmpint(line_level[1], ==, 0);
    end();
}

static void test_edu_factorial(void)
{
    begin();
    device_add("edu,addr=05.0");
    setup_bar(PCI_DEVFN(5, 0), 0, EDU, PCI_COMMAND_MEMORY);
    /* Without the interrupt. */
    wr(EDU + 0x08, 5, 4);
    g_assert_cmphex(rd(EDU + 0x20, 4) & 1, ==, 1);
    /* A second write while computing is ignored. */
    wr(EDU + 0x08, 7, 4);
    step_ns(10000);
    g_assert_cmphex(rd(EDU + 0x20, 4), ==, 0);
    g_assert_cmpint(rd(EDU + 0x08, 4), ==, 120);
    g_assert_cmpint(line_level[1], ==, 0);
    /* With it: slot 5 pin A is line (5 + 0) % 4 = 1. */
    wr(EDU + 0x20, 0x80, 4);
    wr(EDU + 0x08, 12, 4);
    g_assert_cmpint(line_level[1], ==, 0);
    step_ns(10000);
    g_assert_cmpint(rd(EDU + 0x08, 4), ==, 479001600);
    g_assert_cmphex(rd(EDU + 0x24, 4), ==, 1);
    g_assert_cmpint(line_level[1], ==, 1);
    wr(EDU + 0x64, 1, 4);
    g_assert_cmpint(line_level[1], ==, 0);
    /* 32-bit wrap as QEMU: 13! mod 2^32. */
    wr(EDU + 0x08, 13, 4);
    step_ns(10000);
    g_assert_cmphex(rd(EDU + 0x08, 4), ==, 0x17328cc00ULL & 0xffffffff);
    end();
}

static void test_edu_dma(void)
{
    static const char pattern[] = "qomu edu DMA test pattern";

    begin();
    device_add("edu,dma_mask=0xffffffff");
    setup_bar(EDU_FN, 0, EDU, PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER);
    for (size_t i = 0; i < sizeof(pattern); i++) {
        wr(RAM_BASE + 0x100 + i, pattern[i], 1);
    }
    /* RAM -> buffer (direction 0), with the DMA interrupt. */
    wr(EDU + 0x80, RAM_BASE + 0x100, 8);
    wr(EDU + 0x88, 0x40000 + 0x10, 8);
    wr(EDU + 0x90, sizeof(pattern), 8);
    wr(EDU + 0x98, 0x1 | 0x4, 8);
    g_assert_cmphex(rd(EDU + 0x98, 8), ==, 5);
    /* Registers are frozen while it runs. */
    wr(EDU + 0x80, 0x1234, 8);
    g_assert_cmphex(rd(EDU + 0x80, 8), ==, RAM_BASE + 0x100);
    step_ns(50 * 1000 * 1000);
    g_assert_cmphex(rd(EDU + 0x98, 8), ==, 5);
    step_ns(60 * 1000 * 1000);
    g_assert_cmphex(rd(EDU + 0x98, 8), ==, 4);
    g_assert_cmphex(rd(EDU + 0x24, 4), ==, 0x100);
    g_assert_cmpint(line_level[1], ==, 1);
    wr(EDU + 0x64, 0x100, 4);
    g_assert_cmpint(line_level[1], ==, 0);
    /* Buffer -> RAM (direction 1), 32-bit register writes. */
    wr(EDU + 0x80, 0x40000 + 0x10, 4);
    wr(EDU + 0x88, RAM_BASE + 0x800, 4);
    wr(EDU + 0x90, sizeof(pattern), 4);
    wr(EDU + 0x98, 0x1 | 0x2, 4);
    step_ns(200 * 1000 * 1000);
    g_assert_cmphex(rd(EDU + 0x24, 4), ==, 0);
    for (size_t i = 0; i < sizeof(pattern); i++) {
        g_assert_cmpint(rd(RAM_BASE + 0x800 + i, 1), ==, pattern[i]);
    }
    /* Bus Master off: the transfer completes but reaches no RAM. */
    wr(CFG(EDU_FN, PCI_COMMAND), PCI_COMMAND_MEMORY, 2);
    wr(EDU + 0x88, RAM_BASE + 0x1000, 8);
    wr(EDU + 0x98, 0x1 | 0x2 | 0x4, 8);
    step_ns(200 * 1000 * 1000);
    g_assert_cmphex(rd(EDU + 0x24, 4), ==, 0x100);
    g_assert_cmphex(rd(RAM_BASE + 0x1000, 8), ==, 0);
    wr(EDU + 0x64, 0x100, 4);
    /* Outside the buffer: a logged guest error, nothing copied. */
    wr(CFG(EDU_FN, PCI_COMMAND), PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER, 2);
    wr(EDU + 0x80, 0x40000 + 0xff0, 8);
    wr(EDU + 0x88, RAM_BASE + 0x2000, 8);
    wr(EDU + 0x90, 0x20, 8);
    wr(EDU + 0x98, 0x1 | 0x2, 8);
    step_ns(200 * 1000 * 1000);
    g_assert_cmphex(rd(RAM_BASE + 0x2000, 8), ==, 0);
    {
        g_autofree char *log = log_take();

        g_assert_nonnull(strstr(log, "edu: DMA of 0x20 bytes does not fit"));
    }
    end();
}

static void test_edu_dma_mask_default(void)
{
    begin();
    device_add("edu");
    setup_bar(EDU_FN, 0, EDU, PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER);
    /* QEMU's default 28-bit mask clamps RAM at 0x80000000 to 0. */
    wr(EDU + 0x80, 0x40000, 8);
    wr(EDU + 0x88, RAM_BASE + 0x100, 8);
    wr(EDU + 0x90, 8, 8);
    wr(EDU + 0x98, 0x3, 8);
    step_ns(200 * 1000 * 1000);
    {
        g_autofree char *log = log_take();

        g_assert_nonnull(strstr(log, "edu: clamping DMA address "
                                     "0x0000000080000100 to "
                                     "0x0000000000000100"));
    }
    end();
}

#define TD_MMIO (MMIO_BASE + 0x10000)
#define TD_PIO 0x1000

static uint32_t td_count(hwaddr base)
{
    return rd(base + 12, 4);
}

static void test_testdev(void)
{
    char name[32];

    begin();
    device_add("pci-testdev,addr=02.0");
    g_assert_cmphex(rd(CFG(PCI_DEVFN(2, 0), PCI_VENDOR_ID), 4), ==, 0x00051b36);
    g_assert_cmphex(rd(CFG(PCI_DEVFN(2, 0), PCI_INTERRUPT_PIN), 1), ==, 0);
    wr(CFG(PCI_DEVFN(2, 0), PCI_BASE_ADDRESS_0), 0xffffffff, 4);
    wr(CFG(PCI_DEVFN(2, 0), PCI_BASE_ADDRESS_0 + 4), 0xffffffff, 4);
    g_assert_cmphex(rd(CFG(PCI_DEVFN(2, 0), PCI_BASE_ADDRESS_0), 4), ==,
                    0xfffff000);
    g_assert_cmphex(rd(CFG(PCI_DEVFN(2, 0), PCI_BASE_ADDRESS_0 + 4), 4), ==,
                    0xffffff01);
    wr(CFG(PCI_DEVFN(2, 0), PCI_BASE_ADDRESS_0), TD_MMIO, 4);
    wr(CFG(PCI_DEVFN(2, 0), PCI_BASE_ADDRESS_0 + 4), TD_PIO, 4);
    wr(CFG(PCI_DEVFN(2, 0), PCI_COMMAND), PCI_COMMAND_MEMORY | PCI_COMMAND_IO,
       2);

    /* MMIO test 0 ("no-eventfd"): data 0xfa at 2048, byte writes. */
    wr(TD_MMIO, 0, 1);
    g_assert_cmpint(rd(TD_MMIO + 4, 4), ==, 2048);
    g_assert_cmphex(rd(TD_MMIO + 8, 1), ==, 0xfa);
    for (int i = 0; i < 16; i++) {
        name[i] = rd(TD_MMIO + 16 + i, 1);
    }
    name[16] = 0;
    g_assert_cmpstr(name, ==, "mmio-no-eventfd");
    for (int i = 0; i < 5; i++) {
        wr(TD_MMIO + 2048, 0xfa, 1);
    }
    wr(TD_MMIO + 2048, 0xfb, 1);
    wr(TD_MMIO + 2040, 0xfa, 1);
    g_assert_cmpint(td_count(TD_MMIO), ==, 5);
    /* A wider write reaches the byte registers one byte at a time (as
     * QEMU's impl size 1): its low byte counts. */
    wr(TD_MMIO + 2048, 0x01fa, 2);
    g_assert_cmpint(td_count(TD_MMIO), ==, 6);
    /* MMIO test 2: datamatch 0xfa at 2050. */
    wr(TD_MMIO, 2, 1);
    g_assert_cmpint(td_count(TD_MMIO), ==, 0);
    g_assert_cmpint(rd(TD_MMIO + 4, 4), ==, 2050);
    g_assert_cmphex(rd(TD_MMIO + 8, 1), ==, 0xfa);
    wr(TD_MMIO + 2050, 0xfa, 1);
    wr(TD_MMIO + 2050, 0xfb, 1);
    wr(TD_MMIO + 2050, 0xfa, 1);
    g_assert_cmpint(td_count(TD_MMIO), ==, 2);
    /* Port I/O test 1 (index 4, "wildcard"): offset 128 + 4, any data. */
    wr(PIO_BASE + TD_PIO, 1, 1);
    g_assert_cmpint(rd(PIO_BASE + TD_PIO, 1), ==, 4);
    g_assert_cmphex(rd(PIO_BASE + TD_PIO + 8, 1), ==, 0xce);
    g_assert_cmpint(rd(PIO_BASE + TD_PIO + 4, 4), ==, 132);
    wr(PIO_BASE + TD_PIO + 132, 0x11, 1);
    wr(PIO_BASE + TD_PIO + 132, 0x22, 1);
    wr(PIO_BASE + TD_PIO + 132, 0x33, 1);
    g_assert_cmpint(td_count(PIO_BASE + TD_PIO), ==, 3);
    /* A test number out of range deselects: reads give 0. */
    wr(PIO_BASE + TD_PIO, 7, 1);
    g_assert_cmpint(td_count(PIO_BASE + TD_PIO), ==, 0);
    end();
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
    g_assert_cmphex(rd(CFG(PCI_DEVFN(3, 0), PCI_VENDOR_ID), 4), ==, 0x00021b36);
    g_assert_cmphex(rd(CFG(PCI_DEVFN(3, 0), PCI_CLASS_REVISION), 4), ==,
                    0x07000201);
    wr(CFG(PCI_DEVFN(3, 0), PCI_BASE_ADDRESS_0), 0xffffffff, 4);
    g_assert_cmphex(rd(CFG(PCI_DEVFN(3, 0), PCI_BASE_ADDRESS_0), 4), ==,
                    0xfffffff9);
    setup_bar(PCI_DEVFN(3, 0), 0, 0x2000, PCI_COMMAND_IO);
    /* Transmit through the BAR into the chardev. */
    wr(PIO_BASE + 0x2000, 'h', 1);
    wr(PIO_BASE + 0x2000, 'i', 1);
    step_ns(10 * 1000 * 1000);
    g_assert_cmpint(qemu_chr_ringbuf_read(chr, (uint8_t *)out, 7), ==, 2);
    g_assert_cmpstr(out, ==, "hi");
    /* Receive interrupt on INTA: slot 3 -> line 3. */
    wr(PIO_BASE + 0x2000 + 1, 0x01, 1); /* IER: RDA */
    g_assert_cmpint(line_level[3], ==, 0);
    qemu_chr_be_write(chr, (const uint8_t *)"x", 1);
    g_assert_cmpint(line_level[3], ==, 1);
    g_assert_cmpint(rd(PIO_BASE + 0x2000, 1), ==, 'x');
    g_assert_cmpint(line_level[3], ==, 0);
    /* Hot-unplug takes the UART along. */
    g_assert_true(qdev_unplug(dev, &error_abort));
    g_assert_cmphex(rd(CFG(PCI_DEVFN(3, 0), PCI_VENDOR_ID), 4), ==, 0xffffffff);
    end();
}

int main(int argc, char **argv)
{
    g_autofree char *dir = g_dir_make_tmp("test-pci-devices-XXXXXX", NULL);
    int ret;

    g_test_init(&argc, &argv, NULL);
    module_call_init(MODULE_INIT_QOM);
    qemu_init_main_loop(&error_abort);
    qemu_chr_new_from_opts("null,id=warmup", &error_abort);
    chardev_cleanup_all();
    log_path = g_build_filename(dir, "log", NULL);
    g_assert_true(qemu_set_log_filename(log_path));
    qemu_set_log(LOG_GUEST_ERROR);

    g_test_add_func("/pci/edu/registers", test_edu_regs);
    g_test_add_func("/pci/edu/factorial", test_edu_factorial);
    g_test_add_func("/pci/edu/dma", test_edu_dma);
    g_test_add_func("/pci/edu/dma-mask-default", test_edu_dma_mask_default);
    g_test_add_func("/pci/testdev/counters", test_testdev);
    g_test_add_func("/pci/pci-serial/io-and-irq", test_pci_serial);
    ret = g_test_run();
    qemu_log_close();
    unlink(log_path);
    rmdir(dir);
    g_free(log_path);
    return ret;
}

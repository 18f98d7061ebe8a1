/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * PCI from the guest on the virt board, as an OS would do it: enumerate
 * bus 0 through the ECAM window (0x30000000), size and assign every BAR
 * (memory from 0x40000000, I/O from bus address 0x1000 in the window at
 * 0x3000000), enable decoding and bus mastering, then drive the devices:
 * edu (ID, liveness, factorial with INTx through the PLIC, DMA both ways
 * with its interrupt), pci-testdev (write counters in both BARs) and
 * pci-serial (loopback byte and its receive interrupt).
 *
 * Run with: -device edu,dma_mask=0xffffffff -device pci-testdev
 *           -device pci-serial   (QEMU and qomu alike)
 */
#include "runtime.h"

#define ECAM_BASE 0x30000000UL
#define MMIO_BASE 0x40000000UL
#define PIO_BASE 0x03000000UL
#define CFG(slot, fn, reg) \
    (ECAM_BASE + ((uint64_t)(slot) << 15) + ((fn) << 12) + (reg))

#define PCI_COMMAND 0x04
#define PCI_STATUS 0x06
#define PCI_CLASS_REVISION 0x08
#define PCI_HEADER_TYPE 0x0e
#define PCI_BAR0 0x10
#define PCI_INTERRUPT_LINE 0x3c
#define PCI_INTERRUPT_PIN 0x3d
#define CMD_IO 0x1
#define CMD_MEM 0x2
#define CMD_MASTER 0x4

#define PLIC_BASE 0x0c000000UL
#define PLIC_PRIORITY(irq) (PLIC_BASE + 4 * (irq))
#define PLIC_PENDING(irq) (PLIC_BASE + 0x1000 + 4 * ((irq) / 32))
#define PLIC_ENABLE(irq) (PLIC_BASE + 0x2000 + 4 * ((irq) / 32))
#define PLIC_THRESHOLD (PLIC_BASE + 0x200000)
#define PLIC_CLAIM (PLIC_BASE + 0x200004)
#define PCIE_IRQ 32

/* 10 MHz timebase: 5 s of patience (edu DMA takes 100 ms). */
#define TIMEOUT 50000000ULL

#define MAX_FUNCS 16

struct func {
    int slot;
    uint16_t vendor;
    uint16_t device;
    uint64_t bar[6];     /* CPU address of each BAR, 0 if none */
    uint64_t bar_size[6];
    int pin;
};

static struct func funcs[MAX_FUNCS];
static int nfuncs;
static uint64_t next_mem = MMIO_BASE;
static uint64_t next_io = 0x1000;

static uint32_t cfg_read32(int slot, int reg)
{
    return mmio_read32(CFG(slot, 0, reg));
}

static void cfg_write32(int slot, int reg, uint32_t v)
{
    mmio_write32(CFG(slot, 0, reg), v);
}

static uint64_t align_up(uint64_t v, uint64_t a)
{
    return (v + a - 1) & ~(a - 1);
}

/* Size BAR @i by writing all ones, then give it an address. */
static int assign_bar(struct func *f, int i)
{
    int reg = PCI_BAR0 + 4 * i;
    uint32_t orig = cfg_read32(f->slot, reg);
    uint32_t mask;
    uint64_t size, addr;
    bool io = orig & 1;
    bool is64 = !io && (orig & 6) == 4;

    cfg_write32(f->slot, reg, 0xffffffff);
    mask = cfg_read32(f->slot, reg);
    if (is64) {
        cfg_write32(f->slot, reg + 4, 0xffffffff);
        CHECK_EQ(cfg_read32(f->slot, reg + 4), 0xffffffff);
    }
    if (!mask) {
        return 1;
    }
    size = (uint64_t)(~(mask & (io ? ~3u : ~15u))) + 1;
    size &= 0xffffffff;
    if (io) {
        addr = align_up(next_io, size);
        next_io = addr + size;
        cfg_write32(f->slot, reg, addr);
        f->bar[i] = PIO_BASE + addr;
    } else {
        addr = align_up(next_mem, size);
        next_mem = addr + size;
        cfg_write32(f->slot, reg, addr);
        if (is64) {
            cfg_write32(f->slot, reg + 4, 0);
        }
        f->bar[i] = addr;
    }
    f->bar_size[i] = size;
    /* The address reads back with the type bits. */
    CHECK_EQ(cfg_read32(f->slot, reg) & ~(io ? 3u : 15u), addr);
    return is64 ? 2 : 1;
}

static void enumerate(void)
{
    for (int slot = 0; slot < 32; slot++) {
        uint32_t id = cfg_read32(slot, 0);
        struct func *f;

        if ((id & 0xffff) == 0xffff) {
            continue;
        }
        CHECK(nfuncs < MAX_FUNCS);
        f = &funcs[nfuncs++];
        f->slot = slot;
        f->vendor = id & 0xffff;
        f->device = id >> 16;
        f->pin = mmio_read32(CFG(slot, 0, PCI_INTERRUPT_PIN & ~3)) >> 8 & 0xff;
        rt_puts("pci: 00:");
        rt_puthex(slot);
        rt_puts(".0 ");
        rt_puthex(f->vendor);
        rt_puts(":");
        rt_puthex(f->device);
        rt_puts("\n");
        for (int i = 0; i < 6;) {
            i += assign_bar(f, i);
        }
        /* The line this slot's pin reaches (QEMU's interrupt-map). */
        if (f->pin) {
            mmio_write32(CFG(slot, 0, PCI_INTERRUPT_LINE),
                         (f->pin << 8) |
                             (PCIE_IRQ + (slot + f->pin - 1) % 4));
        }
        mmio_write32(CFG(slot, 0, PCI_COMMAND), CMD_IO | CMD_MEM | CMD_MASTER);
    }
}

static struct func *find(uint16_t vendor, uint16_t device)
{
    for (int i = 0; i < nfuncs; i++) {
        if (funcs[i].vendor == vendor && funcs[i].device == device) {
            return &funcs[i];
        }
    }
    rt_puts("pci: device not found: ");
    rt_puthex(vendor);
    rt_puts(":");
    rt_puthex(device);
    rt_puts("\n");
    rt_fail(1000);
}

static int irq_of(struct func *f)
{
    return PCIE_IRQ + (f->slot + f->pin - 1) % 4;
}

static bool plic_pending(int irq)
{
    return mmio_read32(PLIC_PENDING(irq)) & (1u << (irq % 32));
}

static bool wait_pending(int irq, bool level)
{
    uint64_t end = rt_mtime() + TIMEOUT;

    while (plic_pending(irq) != level) {
        if (rt_mtime() > end) {
            return false;
        }
    }
    return true;
}

/* Let @irq through to hart 0's M context. */
static void plic_enable(int irq)
{
    mmio_write32(PLIC_PRIORITY(irq), 1);
    mmio_write32(PLIC_ENABLE(irq),
                 mmio_read32(PLIC_ENABLE(irq)) | (1u << (irq % 32)));
    mmio_write32(PLIC_THRESHOLD, 0);
}

static void test_host_bridge(void)
{
    struct func *h = &funcs[0];

    CHECK_EQ(h->slot, 0);
    CHECK_EQ(h->vendor, 0x1b36);
    CHECK_EQ(h->device, 0x0008);
    CHECK_EQ(cfg_read32(0, PCI_CLASS_REVISION) >> 16, 0x0600);
    /* An empty slot reads all ones. */
    CHECK_EQ(cfg_read32(31, 0), 0xffffffff);
}

static void test_edu(void)
{
    struct func *f = find(0x1234, 0x11e8);
    uint64_t bar = f->bar[0];
    int irq = irq_of(f);
    uint64_t end;
    static volatile uint8_t src[64], dst[64];

    CHECK_EQ(f->bar_size[0], 1 << 20);
    CHECK_EQ(f->pin, 1);
    CHECK_EQ(mmio_read32(bar + 0x00), 0x010000ed);
    mmio_write32(bar + 0x04, 0x0f0f1234);
    CHECK_EQ(mmio_read32(bar + 0x04), 0xf0f0edcb);

    /* Factorial with its interrupt. */
    plic_enable(irq);
    mmio_write32(bar + 0x20, 0x80);
    mmio_write32(bar + 0x08, 10);
    end = rt_mtime() + TIMEOUT;
    while (mmio_read32(bar + 0x20) & 1) {
        CHECK(rt_mtime() < end);
    }
    CHECK_EQ(mmio_read32(bar + 0x08), 3628800);
    CHECK(wait_pending(irq, true));
    CHECK_EQ(mmio_read32(bar + 0x24), 1);
    CHECK_EQ(mmio_read32(PLIC_CLAIM), irq);
    mmio_write32(bar + 0x64, 1);
    mmio_write32(PLIC_CLAIM, irq);
    CHECK(wait_pending(irq, false));
    mmio_write32(bar + 0x20, 0);

    /* DMA: RAM -> edu buffer -> other RAM, then the interrupt. */
    for (int i = 0; i < 64; i++) {
        src[i] = i * 7 + 1;
        dst[i] = 0;
    }
    mmio_write64(bar + 0x80, (uintptr_t)src);
    mmio_write64(bar + 0x88, 0x40000);
    mmio_write64(bar + 0x90, 64);
    mmio_write64(bar + 0x98, 1);
    end = rt_mtime() + TIMEOUT;
    while (mmio_read64(bar + 0x98) & 1) {
        CHECK(rt_mtime() < end);
    }
    mmio_write64(bar + 0x80, 0x40000);
    mmio_write64(bar + 0x88, (uintptr_t)dst);
    mmio_write64(bar + 0x90, 64);
    mmio_write64(bar + 0x98, 1 | 2 | 4);
    CHECK(wait_pending(irq, true));
    CHECK_EQ(mmio_read32(bar + 0x24), 0x100);
    for (int i = 0; i < 64; i++) {
        CHECK_EQ(dst[i], (uint8_t)(i * 7 + 1));
    }
    CHECK_EQ(mmio_read32(PLIC_CLAIM), irq);
    mmio_write32(bar + 0x64, 0x100);
    mmio_write32(PLIC_CLAIM, irq);
    CHECK(wait_pending(irq, false));
}

static void test_testdev(void)
{
    struct func *f = find(0x1b36, 0x0005);
    volatile uint8_t *mem = (volatile uint8_t *)f->bar[0];
    volatile uint8_t *io = (volatile uint8_t *)f->bar[1];

    CHECK_EQ(f->pin, 0);
    CHECK(f->bar[1] >= PIO_BASE && f->bar[1] < PIO_BASE + 0x10000);
    /* Test 0 of each BAR ("no-eventfd") counts byte writes of 0xfa. */
    mem[0] = 0;
    CHECK_EQ(mmio_read32((uintptr_t)mem + 4), 2048);
    CHECK_EQ(mem[8], 0xfa);
    CHECK_EQ(mem[16], 'm');
    for (int i = 0; i < 3; i++) {
        mem[2048] = 0xfa;
    }
    mem[2048] = 0x01;
    CHECK_EQ(mmio_read32((uintptr_t)mem + 12), 3);
    io[0] = 0;
    CHECK_EQ(io[0], 3);
    CHECK_EQ(mmio_read32((uintptr_t)io + 4), 128 + 3);
    io[128 + 3] = 0xfa;
    io[128 + 3] = 0x01;
    CHECK_EQ(mmio_read32((uintptr_t)io + 12), 1);
}

static void test_serial(void)
{
    struct func *f = find(0x1b36, 0x0002);
    volatile uint8_t *uart = (volatile uint8_t *)f->bar[0];
    int irq = irq_of(f);

    CHECK_EQ(f->bar_size[0], 8);
    CHECK_EQ(cfg_read32(f->slot, PCI_CLASS_REVISION) >> 8, 0x070002);
    plic_enable(irq);
    uart[3] = 0x03;          /* LCR: 8N1 */
    uart[2] = 0x07;          /* FCR: FIFOs on, cleared */
    uart[4] = 0x10 | 0x08;   /* MCR: loopback, OUT2 */
    uart[1] = 0x01;          /* IER: received data */
    CHECK(!plic_pending(irq));
    uart[0] = 'Q';
    CHECK(wait_pending(irq, true));
    CHECK(uart[5] & 1);
    CHECK_EQ(uart[0], 'Q');
    CHECK(!(uart[5] & 1));
    /* The PLIC keeps it pending until claimed; the line is low now. */
    CHECK_EQ(mmio_read32(PLIC_CLAIM), irq);
    mmio_write32(PLIC_CLAIM, irq);
    CHECK(wait_pending(irq, false));
    uart[1] = 0;
    uart[4] = 0;
}

int main(void)
{
    enumerate();
    CHECK(nfuncs >= 4);
    test_host_bridge();
    test_edu();
    test_testdev();
    test_serial();
    return 0;
}

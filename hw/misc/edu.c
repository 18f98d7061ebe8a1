/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * edu.c: QEMU's educational PCI device "edu" (1234:11e8, QEMU's
 * docs/specs/edu.rst): ID and liveness registers, a factorial unit and a
 * DMA engine between guest memory and a 4 KiB internal buffer, each with
 * an interrupt, on one 1 MiB memory BAR and INTA.
 *
 * Differences from QEMU: the factorial is computed by a virtual-clock
 * timer, not a thread (it completes FACT_DELAY_NS after the write); a DMA
 * range outside the buffer is a guest error that is logged and ends the
 * transfer without copying (QEMU aborts); no MSI.
 */
#include "qomu/osdep.h"

#include "hw/pci/pci.h"
#include "hw/qdev-properties.h"
#include "qapi/error.h"
#include "qomu/log.h"
#include "qomu/module.h"
#include "qomu/timer.h"

#define TYPE_PCI_EDU_DEVICE "edu"

/* Registers (BAR0) */
#define EDU_ID 0x00
#define EDU_LIVENESS 0x04
#define EDU_FACT 0x08
#define EDU_STATUS 0x20
#define EDU_STATUS_COMPUTING 0x01
#define EDU_STATUS_IRQFACT 0x80
#define EDU_IRQ_STATUS 0x24
#define EDU_IRQ_RAISE 0x60
#define EDU_IRQ_ACK 0x64
#define EDU_DMA_SRC 0x80
#define EDU_DMA_DST 0x88
#define EDU_DMA_COUNT 0x90
#define EDU_DMA_CMD 0x98
#define EDU_DMA_RUN 0x1
#define EDU_DMA_DIR(cmd) (((cmd)&0x2) >> 1)
#define EDU_DMA_FROM_PCI 0
#define EDU_DMA_TO_PCI 1
#define EDU_DMA_IRQ 0x4

#define EDU_ID_VALUE 0x010000edu
#define FACT_IRQ 0x00000001
#define DMA_IRQ 0x00000100
#define DMA_START 0x40000
#define DMA_SIZE 4096
#define EDU_BAR_SIZE (1 * 1024 * 1024)

/* How long the units take (QEMU: a thread for the factorial, 100 ms DMA). */
#define FACT_DELAY_NS 1000
#define DMA_DELAY_MS 100

typedef struct EduState {
    PCIDevice pdev;
    MemoryRegion mmio;

    uint32_t addr4;
    uint32_t fact;
    uint32_t status;
    uint32_t irq_status;

    struct dma_state {
        dma_addr_t src;
        dma_addr_t dst;
        dma_addr_t cnt;
        dma_addr_t cmd;
    } dma;
    QEMUTimer fact_timer;
    QEMUTimer dma_timer;
    uint8_t dma_buf[DMA_SIZE];
    uint64_t dma_mask;
} EduState;

#define EDU(obj) OBJECT_CHECK(EduState, (obj), TYPE_PCI_EDU_DEVICE)

static void edu_raise_irq(EduState *edu, uint32_t val)
{
    edu->irq_status |= val;
    if (edu->irq_status) {
        pci_set_irq(&edu->pdev, 1);
    }
}

static void edu_lower_irq(EduState *edu, uint32_t val)
{
    edu->irq_status &= ~val;
    if (!edu->irq_status) {
        pci_set_irq(&edu->pdev, 0);
    }
}

/* Whether [addr, addr + size) lies inside [start, start + DMA_SIZE). */
static bool edu_in_buffer(uint64_t addr, uint64_t size)
{
    return addr >= DMA_START && size <= DMA_SIZE &&
           addr - DMA_START <= DMA_SIZE - size;
}

static dma_addr_t edu_clamp_addr(EduState *edu, dma_addr_t addr)
{
    if (addr & ~edu->dma_mask) {
        qemu_log_mask(LOG_GUEST_ERROR,
                      "edu: clamping DMA address 0x%016" PRIx64
                      " to 0x%016" PRIx64 " (dma_mask 0x%" PRIx64 ")\n",
                      addr, addr & edu->dma_mask, edu->dma_mask);
    }
    return addr & edu->dma_mask;
}

static void edu_fact_done(void *opaque)
{
    EduState *edu = opaque;
    uint32_t val = edu->fact;
    uint32_t ret = 1;

    for (; val > 0; val--) {
        ret *= val;
    }
    edu->fact = ret;
    edu->status &= ~EDU_STATUS_COMPUTING;
    if (edu->status & EDU_STATUS_IRQFACT) {
        edu_raise_irq(edu, FACT_IRQ);
    }
}

static void edu_dma_done(void *opaque)
{
    EduState *edu = opaque;
    bool ok;

    if (!(edu->dma.cmd & EDU_DMA_RUN)) {
        return;
    }
    if (EDU_DMA_DIR(edu->dma.cmd) == EDU_DMA_FROM_PCI) {
        ok = edu_in_buffer(edu->dma.dst, edu->dma.cnt);
        if (ok) {
            pci_dma_read(&edu->pdev, edu_clamp_addr(edu, edu->dma.src),
                         edu->dma_buf + (edu->dma.dst - DMA_START),
                         edu->dma.cnt);
        }
    } else {
        ok = edu_in_buffer(edu->dma.src, edu->dma.cnt);
        if (ok) {
            pci_dma_write(&edu->pdev, edu_clamp_addr(edu, edu->dma.dst),
                          edu->dma_buf + (edu->dma.src - DMA_START),
                          edu->dma.cnt);
        }
    }
    if (!ok) {
        qemu_log_mask(LOG_GUEST_ERROR,
                      "edu: DMA of 0x%" PRIx64 " bytes does not fit the "
                      "buffer 0x%x-0x%x (src 0x%" PRIx64 ", dst 0x%" PRIx64
                      "); nothing copied\n",
                      edu->dma.cnt, DMA_START, DMA_START + DMA_SIZE - 1,
                      edu->dma.src, edu->dma.dst);
    }
    edu->dma.cmd &= ~EDU_DMA_RUN;
    if (edu->dma.cmd & EDU_DMA_IRQ) {
        edu_raise_irq(edu, DMA_IRQ);
    }
}

/* A DMA register changes only while no transfer runs. */
static void edu_dma_set(EduState *edu, dma_addr_t *reg, uint64_t val,
                        bool start)
{
    if (edu->dma.cmd & EDU_DMA_RUN) {
        return;
    }
    *reg = val;
    if (start) {
        timer_mod(&edu->dma_timer,
                  qemu_clock_get_ms(QEMU_CLOCK_VIRTUAL) + DMA_DELAY_MS);
    }
}

static uint64_t edu_mmio_read(void *opaque, hwaddr addr, unsigned size)
{
    EduState *edu = opaque;

    /* As QEMU: 32-bit registers below 0x80, 32 or 64 bits from 0x80. */
    if (addr < 0x80 ? size != 4 : size != 4 && size != 8) {
        return ~0ULL;
    }
    switch (addr) {
    case EDU_ID:
        return EDU_ID_VALUE;
    case EDU_LIVENESS:
        return edu->addr4;
    case EDU_FACT:
        return edu->fact;
    case EDU_STATUS:
        return edu->status;
    case EDU_IRQ_STATUS:
        return edu->irq_status;
    case EDU_DMA_SRC:
        return edu->dma.src;
    case EDU_DMA_DST:
        return edu->dma.dst;
    case EDU_DMA_COUNT:
        return edu->dma.cnt;
    case EDU_DMA_CMD:
        return edu->dma.cmd;
    default:
        return ~0ULL;
    }
}

static void edu_mmio_write(void *opaque, hwaddr addr, uint64_t val,
                           unsigned size)
{
    EduState *edu = opaque;

    if (addr < 0x80 ? size != 4 : size != 4 && size != 8) {
        qemu_log_mask(LOG_GUEST_ERROR,
                      "edu: %u-byte write at 0x%" HWADDR_PRIx " ignored\n",
                      size, addr);
        return;
    }
    switch (addr) {
    case EDU_LIVENESS:
        edu->addr4 = ~val;
        break;
    case EDU_FACT:
        if (edu->status & EDU_STATUS_COMPUTING) {
            break;
        }
        edu->status |= EDU_STATUS_COMPUTING;
        edu->fact = val;
        timer_mod_ns(&edu->fact_timer,
                     qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL) + FACT_DELAY_NS);
        break;
    case EDU_STATUS:
        if (val & EDU_STATUS_IRQFACT) {
            edu->status |= EDU_STATUS_IRQFACT;
        } else {
            edu->status &= ~EDU_STATUS_IRQFACT;
        }
        break;
    case EDU_IRQ_RAISE:
        edu_raise_irq(edu, val);
        break;
    case EDU_IRQ_ACK:
        edu_lower_irq(edu, val);
        break;
    case EDU_DMA_SRC:
        edu_dma_set(edu, &edu->dma.src, val, false);
        break;
    case EDU_DMA_DST:
        edu_dma_set(edu, &edu->dma.dst, val, false);
        break;
    case EDU_DMA_COUNT:
        edu_dma_set(edu, &edu->dma.cnt, val, false);
        break;
    case EDU_DMA_CMD:
        if (val & EDU_DMA_RUN) {
            edu_dma_set(edu, &edu->dma.cmd, val, true);
        }
        break;
    default:
        qemu_log_mask(LOG_GUEST_ERROR,
                      "edu: write to unknown register 0x%" HWADDR_PRIx "\n",
                      addr);
        break;
    }
}

static const MemoryRegionOps edu_mmio_ops = {
    .read = edu_mmio_read,
    .write = edu_mmio_write,
    .endianness = DEVICE_NATIVE_ENDIAN,
    .valid = {.min_access_size = 4, .max_access_size = 8},
    .impl = {.min_access_size = 4, .max_access_size = 8},
};

static const Property edu_properties[] = {
    DEFINE_PROP_UINT64("dma_mask", EduState, dma_mask, (1ULL << 28) - 1),
};

static void edu_instance_init(Object *obj)
{
    EduState *edu = EDU(obj);

    memory_region_init_io(&edu->mmio, obj, &edu_mmio_ops, edu, "edu-mmio",
                          EDU_BAR_SIZE);
    timer_init_ns(&edu->fact_timer, QEMU_CLOCK_VIRTUAL, edu_fact_done, edu);
    timer_init_ms(&edu->dma_timer, QEMU_CLOCK_VIRTUAL, edu_dma_done, edu);
}

static void pci_edu_realize(PCIDevice *pdev, Error **errp)
{
    EduState *edu = EDU(pdev);

    pci_config_set_interrupt_pin(pdev->config, 1);
    edu->addr4 = 0;
    edu->fact = 0;
    edu->status = 0;
    edu->irq_status = 0;
    memset(&edu->dma, 0, sizeof(edu->dma));
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &edu->mmio);
}

static void pci_edu_uninit(PCIDevice *pdev)
{
    EduState *edu = EDU(pdev);

    timer_del(&edu->fact_timer);
    timer_del(&edu->dma_timer);
}

static void edu_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = pci_edu_realize;
    k->exit = pci_edu_uninit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = PCI_DEVICE_ID_QEMU_EDU;
    k->revision = 0x10;
    k->class_id = PCI_CLASS_OTHERS;
    dc->desc = "QEMU educational PCI device (factorial, DMA, INTx)";
    device_class_set_category(dc, DEVICE_CATEGORY_MISC);
    device_class_set_props(dc, edu_properties);
}

static const TypeInfo edu_types[] = {
    {
        .name = TYPE_PCI_EDU_DEVICE,
        .parent = TYPE_PCI_DEVICE,
        .instance_size = sizeof(EduState),
        .instance_init = edu_instance_init,
        .class_init = edu_class_init,
        .interfaces =
            (const InterfaceInfo[]){
                {INTERFACE_CONVENTIONAL_PCI_DEVICE},
                {},
            },
    },
};

DEFINE_TYPES(edu_types)

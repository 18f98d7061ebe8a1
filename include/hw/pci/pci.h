/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * pci.h: PCI devices (TYPE_PCI_DEVICE), as QEMU's include/hw/pci/pci.h.
 *
 * A PCI device sits on a PCI bus (TYPE_PCI_BUS "PCI" or TYPE_PCIE_BUS
 * "PCIE", see pci_bus.h) at a device/function number (devfn, property
 * "addr" written SLOT.FN).  It has a configuration space of 256 bytes
 * (4 KiB when the device implements INTERFACE_PCIE_DEVICE and sits on a
 * PCIe bus) with three per-byte masks, as QEMU:
 *   wmask    bits the guest may write (the others are read-only);
 *   w1cmask  bits the guest clears by writing 1 (status bits);
 *   cmask    bits whose value is checked on migration (kept for QEMU's
 *            semantics; qomu does not migrate).
 * Up to six BARs (pci_register_bar()) are sized by the guest writing all
 * ones and are mapped into the bus's memory or I/O space only while the
 * command register enables that decode.  DMA (pci_dma_read/write) goes
 * through the device's bus-master address space, which reaches the bus's
 * DMA target only while the Bus Master bit is set.  INTx: pci_set_irq()
 * on the pin in PCI_INTERRUPT_PIN; the bus maps it to the host's lines
 * (standard swizzle).
 *
 * Differences from QEMU: no ROM BAR, no MSI/MSI-X, no power state, no
 * migration; bridges (secondary buses) are not modelled yet, so only bus 0
 * exists; a conventional / express device is chosen by the interfaces
 * INTERFACE_CONVENTIONAL_PCI_DEVICE / INTERFACE_PCIE_DEVICE as QEMU, but a
 * device that names neither is conventional.
 */
#ifndef HW_PCI_PCI_H
#define HW_PCI_PCI_H

#include "exec/memory.h"
#include "hw/irq.h"
#include "hw/pci/pci_ids.h"
#include "hw/pci/pci_regs.h"
#include "hw/qdev-core.h"

#define TYPE_PCI_DEVICE "pci-device"
#define INTERFACE_CONVENTIONAL_PCI_DEVICE "conventional-pci-device"
#define INTERFACE_PCIE_DEVICE "pci-express-device"

typedef uint64_t pcibus_t;
typedef uint64_t dma_addr_t;
typedef struct PCIBus PCIBus;
typedef struct PCIDevice PCIDevice;
typedef struct PCIDeviceClass PCIDeviceClass;

#define PCI_DEVICE(obj) OBJECT_CHECK(PCIDevice, (obj), TYPE_PCI_DEVICE)
#define PCI_DEVICE_CLASS(klass) \
    OBJECT_CLASS_CHECK(PCIDeviceClass, (klass), TYPE_PCI_DEVICE)
#define PCI_DEVICE_GET_CLASS(obj) \
    OBJECT_GET_CLASS(PCIDeviceClass, (obj), TYPE_PCI_DEVICE)

#define PCI_DEVFN(slot, func) ((((slot) & 0x1f) << 3) | ((func) & 0x07))
#define PCI_SLOT(devfn) (((devfn) >> 3) & 0x1f)
#define PCI_FUNC(devfn) ((devfn) & 0x07)
#define PCI_SLOT_MAX 32
#define PCI_FUNC_MAX 8
#define PCI_DEVFN_MAX 256

/* A BAR that is not mapped (decode off, or address 0). */
#define PCI_BAR_UNMAPPED (~(pcibus_t)0)

/* PCIDevice.cap_present bits */
enum {
    QEMU_PCI_CAP_MULTIFUNCTION_BITNR = 3,
    QEMU_PCI_CAP_MULTIFUNCTION = 1 << QEMU_PCI_CAP_MULTIFUNCTION_BITNR,
    QEMU_PCI_CAP_EXPRESS = 1 << 2,
};

typedef uint32_t PCIConfigReadFunc(PCIDevice *pci_dev, uint32_t address,
                                   int len);
typedef void PCIConfigWriteFunc(PCIDevice *pci_dev, uint32_t address,
                                uint32_t data, int len);

/**
 * PCIIORegion: one BAR.
 * @addr: where it is mapped on the bus, or PCI_BAR_UNMAPPED.
 * @size: its size (a power of two).
 * @type: PCI_BASE_ADDRESS_SPACE_IO or the memory type bits.
 * @memory: the device's region (NULL: BAR not registered).
 * @address_space: the bus space it maps into (memory or I/O).
 */
typedef struct PCIIORegion {
    pcibus_t addr;
    pcibus_t size;
    uint8_t type;
    MemoryRegion *memory;
    MemoryRegion *address_space;
} PCIIORegion;

/**
 * PCIDeviceClass: a PCI device type.
 * @realize, @exit: the device's own realize and unrealize (the PCI core
 * registers the function first, then calls @realize; @exit before the
 * core unregisters it).
 * @config_read, @config_write: configuration-space hooks (NULL: the
 * defaults, pci_default_read_config / pci_default_write_config; a hook
 * normally calls the default).
 * @vendor_id, @device_id, @revision, @class_id, @subsystem_vendor_id,
 * @subsystem_id: the identity written into the header at realize
 * (subsystem 0 gives QEMU's 1af4:1100).
 */
struct PCIDeviceClass {
    DeviceClass parent_class;

    void (*realize)(PCIDevice *dev, Error **errp);
    void (*exit)(PCIDevice *dev);
    PCIConfigReadFunc *config_read;
    PCIConfigWriteFunc *config_write;

    uint16_t vendor_id;
    uint16_t device_id;
    uint8_t revision;
    uint16_t class_id;
    uint16_t subsystem_vendor_id;
    uint16_t subsystem_id;
};

/**
 * PCIDevice: the state every PCI device starts with.
 * @config: the configuration space (@config_size bytes).
 * @cmask, @wmask, @w1cmask, @used: per-byte masks and capability bytes.
 * @devfn: the device/function number ("addr"; -1 before realize: auto).
 * @name: the type name, for messages.
 * @io_regions: the BARs.
 * @bus_master_as: the address space device DMA goes through.
 * @bus_master_container_region: its root.
 * @bus_master_enable_region: the alias of the bus's DMA target, enabled
 * while PCI_COMMAND_MASTER is set.
 * @irq_state: asserted INTx pins (bit per pin).
 * @cap_present: QEMU_PCI_CAP_* bits.
 */
struct PCIDevice {
    /* private: */
    DeviceState qdev;

    /* public: */
    uint8_t *config;
    uint8_t *cmask;
    uint8_t *wmask;
    uint8_t *w1cmask;
    uint8_t *used;
    uint32_t config_size;

    int32_t devfn;
    char name[64];
    PCIIORegion io_regions[PCI_NUM_REGIONS];

    AddressSpace bus_master_as;
    MemoryRegion bus_master_container_region;
    MemoryRegion bus_master_enable_region;
    bool bus_master_as_ready;

    PCIConfigReadFunc *config_read;
    PCIConfigWriteFunc *config_write;

    int irq_state;
    uint32_t cap_present;
};

/* Registration and BARs */

/**
 * pci_register_bar: make @memory BAR @region_num of @pci_dev.
 * @type: PCI_BASE_ADDRESS_SPACE_IO, or PCI_BASE_ADDRESS_SPACE_MEMORY
 * ORed with PCI_BASE_ADDRESS_MEM_TYPE_64 and / or
 * PCI_BASE_ADDRESS_MEM_PREFETCH.
 * The region's size must be a power of two (a programming error
 * otherwise); a 64-bit BAR also uses @region_num + 1.  Call it from
 * realize.
 */
void pci_register_bar(PCIDevice *pci_dev, int region_num, uint8_t type,
                      MemoryRegion *memory);

/**
 * pci_get_bar_addr: where BAR @region_num is mapped on the bus, or
 * PCI_BAR_UNMAPPED.
 */
pcibus_t pci_get_bar_addr(PCIDevice *pci_dev, int region_num);

/**
 * pci_add_capability: add a capability of @cap_id and @size bytes to the
 * list at @offset (0: the first free offset after the header).
 * Returns: the offset, or -1 with @errp set when it overlaps.
 */
int pci_add_capability(PCIDevice *pdev, uint8_t cap_id, uint8_t offset,
                       uint8_t size, Error **errp);

/** pci_del_capability: remove capability @cap_id from the list. */
void pci_del_capability(PCIDevice *pdev, uint8_t cap_id, uint8_t size);

/** pci_find_capability: the offset of capability @cap_id, or 0. */
uint8_t pci_find_capability(PCIDevice *pci_dev, uint8_t cap_id);

/* Configuration space */

/** pci_default_read_config: read @len bytes at @address. */
uint32_t pci_default_read_config(PCIDevice *d, uint32_t address, int len);

/**
 * pci_default_write_config: write @len bytes at @address through the
 * masks, then update BAR mappings, bus mastering and INTx disable.
 */
void pci_default_write_config(PCIDevice *d, uint32_t address, uint32_t val,
                              int len);

/**
 * pci_config_size: 256, or 4096 for an express device on a PCIe bus.
 */
static inline uint32_t pci_config_size(const PCIDevice *d)
{
    return d->config_size;
}

/**
 * pci_is_express: whether @d has the PCIe (4 KiB) configuration space.
 */
static inline bool pci_is_express(const PCIDevice *d)
{
    return d->cap_present & QEMU_PCI_CAP_EXPRESS;
}

/* Little-endian accessors of configuration bytes (as QEMU's). */
static inline void pci_set_byte(uint8_t *config, uint8_t val)
{
    *config = val;
}

static inline uint8_t pci_get_byte(const uint8_t *config)
{
    return *config;
}

static inline void pci_set_word(uint8_t *config, uint16_t val)
{
    config[0] = val;
    config[1] = val >> 8;
}

static inline uint16_t pci_get_word(const uint8_t *config)
{
    return config[0] | (config[1] << 8);
}

static inline void pci_set_long(uint8_t *config, uint32_t val)
{
    pci_set_word(config, val);
    pci_set_word(config + 2, val >> 16);
}

static inline uint32_t pci_get_long(const uint8_t *config)
{
    return pci_get_word(config) | ((uint32_t)pci_get_word(config + 2) << 16);
}

static inline void pci_set_quad(uint8_t *config, uint64_t val)
{
    pci_set_long(config, val);
    pci_set_long(config + 4, val >> 32);
}

static inline uint64_t pci_get_quad(const uint8_t *config)
{
    return pci_get_long(config) | ((uint64_t)pci_get_long(config + 4) << 32);
}

static inline void pci_config_set_vendor_id(uint8_t *config, uint16_t val)
{
    pci_set_word(&config[PCI_VENDOR_ID], val);
}

static inline void pci_config_set_device_id(uint8_t *config, uint16_t val)
{
    pci_set_word(&config[PCI_DEVICE_ID], val);
}

static inline void pci_config_set_revision(uint8_t *config, uint8_t val)
{
    pci_set_byte(&config[PCI_REVISION_ID], val);
}

static inline void pci_config_set_class(uint8_t *config, uint16_t val)
{
    pci_set_word(&config[PCI_CLASS_DEVICE], val);
}

static inline void pci_config_set_prog_interface(uint8_t *config,
                                                 uint8_t val)
{
    pci_set_byte(&config[PCI_CLASS_PROG], val);
}

static inline void pci_config_set_interrupt_pin(uint8_t *config, uint8_t val)
{
    pci_set_byte(&config[PCI_INTERRUPT_PIN], val);
}

/* Interrupts */

/**
 * pci_intx: the INTx pin of @pci_dev, 0 (INTA) to 3, or -1 when its
 * PCI_INTERRUPT_PIN is 0 (no interrupt).
 */
int pci_intx(PCIDevice *pci_dev);

/**
 * pci_set_irq: set the level of @pci_dev's INTx pin (from
 * PCI_INTERRUPT_PIN).  PCI_COMMAND_INTX_DISABLE masks it towards the
 * host; PCI_STATUS_INTERRUPT shows the device's own level.
 */
void pci_set_irq(PCIDevice *pci_dev, int level);

/** pci_irq_assert: pci_set_irq(@pci_dev, 1). */
static inline void pci_irq_assert(PCIDevice *pci_dev)
{
    pci_set_irq(pci_dev, 1);
}

/** pci_irq_deassert: pci_set_irq(@pci_dev, 0). */
static inline void pci_irq_deassert(PCIDevice *pci_dev)
{
    pci_set_irq(pci_dev, 0);
}

/** pci_irq_pulse: assert, then deassert. */
static inline void pci_irq_pulse(PCIDevice *pci_dev)
{
    pci_irq_assert(pci_dev);
    pci_irq_deassert(pci_dev);
}

/**
 * pci_allocate_irq: a qemu_irq that drives @pci_dev's INTx pin, for a
 * sub-device that has a plain IRQ output (pci-serial's UART).  Free it
 * with qemu_free_irq().
 */
qemu_irq pci_allocate_irq(PCIDevice *pci_dev);

/* DMA */

/** pci_get_address_space: the bus-master address space of @dev. */
AddressSpace *pci_get_address_space(PCIDevice *dev);

/**
 * pci_dma_rw: a bus-master access of @len bytes at bus address @addr.
 * While Bus Master is clear the access hits nothing (reads return all
 * ones as a master abort would, and MEMTX_DECODE_ERROR is returned).
 */
MemTxResult pci_dma_rw(PCIDevice *dev, dma_addr_t addr, void *buf,
                       dma_addr_t len, bool is_write);

/** pci_dma_read: pci_dma_rw() reading into @buf. */
static inline MemTxResult pci_dma_read(PCIDevice *dev, dma_addr_t addr,
                                       void *buf, dma_addr_t len)
{
    return pci_dma_rw(dev, addr, buf, len, false);
}

/** pci_dma_write: pci_dma_rw() writing @buf. */
static inline MemTxResult pci_dma_write(PCIDevice *dev, dma_addr_t addr,
                                        const void *buf, dma_addr_t len)
{
    return pci_dma_rw(dev, addr, (void *)buf, len, true);
}

/* Lookup and monitor */

/** pci_get_bus: the bus @dev sits on. */
PCIBus *pci_get_bus(const PCIDevice *dev);

/**
 * pci_create_simple: create a device of @name at @devfn (-1: first free
 * slot) on @bus, realize it, abort on failure (board code).
 */
PCIDevice *pci_create_simple(PCIBus *bus, int devfn, const char *name);

/**
 * pci_info_text: the `info pci` text for every PCI root bus, as QEMU's
 * HMP prints it.  Returns: a new string for g_free().
 */
char *pci_info_text(void);

#endif /* HW_PCI_PCI_H */

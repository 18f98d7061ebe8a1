/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * pci.c: the PCI core: the PCI and PCIe bus types, TYPE_PCI_DEVICE
 * (configuration space with masks, BARs, bus mastering, INTx) and
 * `info pci`, as QEMU's hw/pci/pci.c (PCI Local Bus Specification 3.0).
 */
#include "qomu/osdep.h"

#include "exec/address-spaces.h"
#include "hw/pci/pci.h"
#include "hw/pci/pci_bus.h"
#include "hw/pci/pci_host.h"
#include "hw/qdev-properties.h"
#include "qapi/error.h"
#include "qapi/visitor.h"
#include "qomu/log.h"
#include "qomu/module.h"

/* The status bits the guest clears by writing 1 (PCI 3.0, 6.2.3). */
#define PCI_STATUS_W1C                                                         \
    (PCI_STATUS_PARITY | PCI_STATUS_SIG_TARGET_ABORT |                         \
     PCI_STATUS_REC_TARGET_ABORT | PCI_STATUS_REC_MASTER_ABORT |               \
     PCI_STATUS_SIG_SYSTEM_ERROR | PCI_STATUS_DETECTED_PARITY)

/* The command bits qomu implements; the others read as 0. */
#define PCI_COMMAND_WRITABLE                                                   \
    (PCI_COMMAND_IO | PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER |                \
     PCI_COMMAND_PARITY | PCI_COMMAND_SERR | PCI_COMMAND_INTX_DISABLE)

/* Bus */

static PCIDevice *pci_bus_first_in_slot(PCIBus *bus, int slot)
{
    for (int fn = 0; fn < PCI_FUNC_MAX; fn++) {
        if (bus->devices[PCI_DEVFN(slot, fn)]) {
            return bus->devices[PCI_DEVFN(slot, fn)];
        }
    }
    return NULL;
}

/* "01, 03-1f": the slots of @bus with no function in use. */
static char *pci_bus_free_slots(PCIBus *bus)
{
    GString *s = g_string_new(NULL);
    int slot = PCI_SLOT(bus->devfn_min);

    while (slot < PCI_SLOT_MAX) {
        int end;

        if (pci_bus_first_in_slot(bus, slot)) {
            slot++;
            continue;
        }
        for (end = slot;
             end + 1 < PCI_SLOT_MAX && !pci_bus_first_in_slot(bus, end + 1);
             end++) {
        }
        g_string_append_printf(s, "%s%02x", s->len ? ", " : "", slot);
        if (end > slot) {
            g_string_append_printf(s, "-%02x", end);
        }
        slot = end + 1;
    }
    if (!s->len) {
        g_string_append(s, "none");
    }
    return g_string_free(s, FALSE);
}

int pci_bus_num(PCIBus *bus)
{
    return 0;
}

bool pci_bus_is_express(const PCIBus *bus)
{
    return object_dynamic_cast(OBJECT(bus), TYPE_PCIE_BUS) != NULL;
}

PCIDevice *pci_find_device(PCIBus *bus, int bus_num, uint8_t devfn)
{
    if (!bus || bus_num != pci_bus_num(bus)) {
        return NULL;
    }
    return bus->devices[devfn];
}

PCIBus *pci_get_bus(const PCIDevice *dev)
{
    return PCI_BUS(dev->qdev.parent_bus);
}

int pci_swizzle_map_irq_fn(PCIDevice *pci_dev, int pin)
{
    return (PCI_SLOT(pci_dev->devfn) + pin) % PCI_NUM_PINS;
}

PCIBus *pci_root_bus_new(DeviceState *parent, const char *name,
                         MemoryRegion *address_space_mem,
                         MemoryRegion *address_space_io, uint8_t devfn_min,
                         const char *typename)
{
    PCIBus *bus = PCI_BUS(qbus_new(typename, parent, name));

    bus->address_space_mem = address_space_mem;
    bus->address_space_io = address_space_io;
    bus->devfn_min = devfn_min;
    return bus;
}

void pci_bus_irqs(PCIBus *bus, pci_set_irq_fn set_irq, void *irq_opaque,
                  int nirq)
{
    bus->set_irq = set_irq;
    bus->irq_opaque = irq_opaque;
    bus->nirq = nirq;
    g_free(bus->irq_count);
    bus->irq_count = g_new0(int, nirq);
}

void pci_bus_map_irqs(PCIBus *bus, pci_map_irq_fn map_irq)
{
    bus->map_irq = map_irq;
}

PCIBus *pci_register_root_bus(DeviceState *parent, const char *name,
                              pci_set_irq_fn set_irq, pci_map_irq_fn map_irq,
                              void *irq_opaque, MemoryRegion *address_space_mem,
                              MemoryRegion *address_space_io, uint8_t devfn_min,
                              int nirq, const char *typename)
{
    PCIBus *bus = pci_root_bus_new(parent, name, address_space_mem,
                                   address_space_io, devfn_min, typename);

    pci_bus_irqs(bus, set_irq, irq_opaque, nirq);
    pci_bus_map_irqs(bus, map_irq);
    return bus;
}

void pci_bus_set_dma_root(PCIBus *bus, MemoryRegion *root)
{
    bus->dma_root = root;
}

/* BARs */

static pcibus_t pci_bar_address(PCIDevice *d, int reg, uint8_t type,
                                pcibus_t size)
{
    uint16_t cmd = pci_get_word(d->config + PCI_COMMAND);
    int bar = PCI_BASE_ADDRESS_0 + reg * 4;
    pcibus_t new_addr, last_addr;

    if (type & PCI_BASE_ADDRESS_SPACE_IO) {
        if (!(cmd & PCI_COMMAND_IO)) {
            return PCI_BAR_UNMAPPED;
        }
        new_addr = pci_get_long(d->config + bar) & ~(size - 1);
        last_addr = new_addr + size - 1;
        /* As QEMU (no pci_allow_0_address on virt): 0 means unassigned. */
        if (last_addr <= new_addr || last_addr >= UINT32_MAX || new_addr == 0) {
            return PCI_BAR_UNMAPPED;
        }
        return new_addr;
    }
    if (!(cmd & PCI_COMMAND_MEMORY)) {
        return PCI_BAR_UNMAPPED;
    }
    if (type & PCI_BASE_ADDRESS_MEM_TYPE_64) {
        new_addr = pci_get_quad(d->config + bar);
    } else {
        new_addr = pci_get_long(d->config + bar);
    }
    new_addr &= ~(size - 1);
    last_addr = new_addr + size - 1;
    if (last_addr <= new_addr || last_addr == PCI_BAR_UNMAPPED ||
        new_addr == 0 ||
        (!(type & PCI_BASE_ADDRESS_MEM_TYPE_64) && last_addr >= UINT32_MAX)) {
        return PCI_BAR_UNMAPPED;
    }
    return new_addr;
}

static void pci_update_mappings(PCIDevice *d)
{
    for (int i = 0; i < PCI_NUM_REGIONS; i++) {
        PCIIORegion *r = &d->io_regions[i];
        pcibus_t new_addr;

        if (!r->memory || !r->address_space) {
            continue;
        }
        new_addr = pci_bar_address(d, i, r->type, r->size);
        if (new_addr == r->addr) {
            continue;
        }
        if (r->addr != PCI_BAR_UNMAPPED) {
            memory_region_del_subregion(r->address_space, r->memory);
        }
        r->addr = new_addr;
        if (r->addr != PCI_BAR_UNMAPPED) {
            /* Above the window's own contents, as QEMU (priority 1). */
            memory_region_add_subregion_overlap(r->address_space, r->addr,
                                                r->memory, 1);
        }
    }
}

static void pci_unregister_io_regions(PCIDevice *d)
{
    for (int i = 0; i < PCI_NUM_REGIONS; i++) {
        PCIIORegion *r = &d->io_regions[i];

        if (r->memory && r->addr != PCI_BAR_UNMAPPED && r->address_space) {
            memory_region_del_subregion(r->address_space, r->memory);
        }
        r->addr = PCI_BAR_UNMAPPED;
        r->memory = NULL;
    }
}

void pci_register_bar(PCIDevice *pci_dev, int region_num, uint8_t type,
                      MemoryRegion *memory)
{
    PCIBus *bus = pci_get_bus(pci_dev);
    pcibus_t size = memory_region_size(memory);
    PCIIORegion *r;
    int addr = PCI_BASE_ADDRESS_0 + region_num * 4;
    uint64_t wmask;

    if (region_num < 0 || region_num >= PCI_NUM_REGIONS ||
        ((type & PCI_BASE_ADDRESS_MEM_TYPE_64) &&
         region_num + 1 >= PCI_NUM_REGIONS) ||
        size == 0 || (size & (size - 1))) {
        error_report("pci_register_bar: %s: bad BAR %d (size 0x%" PRIx64
                     "): regions 0-5, 64-bit ones 0-4, sizes powers of two",
                     pci_dev->name, region_num, size);
        abort();
    }
    /* An I/O BAR decodes at least 4 bytes, a memory BAR 16. */
    if (type & PCI_BASE_ADDRESS_SPACE_IO) {
        size = MAX(size, 4);
    } else {
        size = MAX(size, 16);
    }
    r = &pci_dev->io_regions[region_num];
    r->addr = PCI_BAR_UNMAPPED;
    r->size = size;
    r->type = type;
    r->memory = memory;
    r->address_space = type & PCI_BASE_ADDRESS_SPACE_IO
                           ? bus->address_space_io
                           : bus->address_space_mem;

    wmask = ~(size - 1);
    pci_set_long(pci_dev->config + addr, type);
    if (type & PCI_BASE_ADDRESS_MEM_TYPE_64) {
        pci_set_quad(pci_dev->wmask + addr, wmask);
        pci_set_quad(pci_dev->cmask + addr, ~0ULL);
        pci_set_long(pci_dev->config + addr + 4, 0);
    } else {
        pci_set_long(pci_dev->wmask + addr, wmask & 0xffffffff);
        pci_set_long(pci_dev->cmask + addr, 0xffffffff);
    }
}

pcibus_t pci_get_bar_addr(PCIDevice *pci_dev, int region_num)
{
    return pci_dev->io_regions[region_num].addr;
}

/* Capabilities */

static uint8_t pci_find_space(PCIDevice *pdev, uint8_t size)
{
    int offset = PCI_CONFIG_HEADER_SIZE;

    for (int i = PCI_CONFIG_HEADER_SIZE; i < PCI_CONFIG_SPACE_SIZE; i++) {
        if (pdev->used[i]) {
            offset = i + 1;
        } else if (i - offset + 1 == size) {
            return offset;
        }
    }
    return 0;
}

uint8_t pci_find_capability(PCIDevice *pdev, uint8_t cap_id)
{
    int guard = 48;
    uint8_t next;

    if (!(pci_get_word(pdev->config + PCI_STATUS) & PCI_STATUS_CAP_LIST)) {
        return 0;
    }
    for (next = pdev->config[PCI_CAPABILITY_LIST]; next && guard--;
         next = pdev->config[next + PCI_CAP_LIST_NEXT]) {
        if (pdev->config[next + PCI_CAP_LIST_ID] == cap_id) {
            return next;
        }
    }
    return 0;
}

int pci_add_capability(PCIDevice *pdev, uint8_t cap_id, uint8_t offset,
                       uint8_t size, Error **errp)
{
    uint8_t *config;

    if (!offset) {
        offset = pci_find_space(pdev, size);
        if (!offset) {
            error_setg(errp,
                       "%s: no room for a %u-byte capability 0x%02x in "
                       "the configuration space",
                       pdev->name, size, cap_id);
            return -1;
        }
    } else {
        if (offset < PCI_CONFIG_HEADER_SIZE ||
            offset + size > PCI_CONFIG_SPACE_SIZE) {
            error_setg(errp,
                       "%s: capability 0x%02x at 0x%02x+%u is outside "
                       "0x40-0xff",
                       pdev->name, cap_id, offset, size);
            return -1;
        }
        for (int i = offset; i < offset + size; i++) {
            if (pdev->used[i]) {
                error_setg(errp,
                           "%s: capability 0x%02x at 0x%02x+%u overlaps "
                           "the one at 0x%02x",
                           pdev->name, cap_id, offset, size, i);
                return -1;
            }
        }
    }
    config = pdev->config + offset;
    config[PCI_CAP_LIST_ID] = cap_id;
    config[PCI_CAP_LIST_NEXT] = pdev->config[PCI_CAPABILITY_LIST];
    pdev->config[PCI_CAPABILITY_LIST] = offset;
    pci_set_word(pdev->config + PCI_STATUS,
                 pci_get_word(pdev->config + PCI_STATUS) | PCI_STATUS_CAP_LIST);
    memset(pdev->used + offset, 0xff, size);
    /* The list itself is read-only; the capability body is the device's. */
    memset(pdev->wmask + offset, 0, size);
    memset(pdev->cmask + offset, 0xff, size);
    return offset;
}

void pci_del_capability(PCIDevice *pdev, uint8_t cap_id, uint8_t size)
{
    uint8_t offset = pci_find_capability(pdev, cap_id);
    uint8_t *prev = &pdev->config[PCI_CAPABILITY_LIST];

    if (!offset) {
        return;
    }
    while (*prev != offset) {
        prev = &pdev->config[*prev + PCI_CAP_LIST_NEXT];
    }
    *prev = pdev->config[offset + PCI_CAP_LIST_NEXT];
    memset(pdev->wmask + offset, 0xff, size);
    memset(pdev->w1cmask + offset, 0, size);
    memset(pdev->cmask + offset, 0, size);
    memset(pdev->used + offset, 0, size);
    if (!pdev->config[PCI_CAPABILITY_LIST]) {
        pci_set_word(pdev->config + PCI_STATUS,
                     pci_get_word(pdev->config + PCI_STATUS) &
                         ~PCI_STATUS_CAP_LIST);
    }
}

/* Interrupts */

int pci_intx(PCIDevice *pci_dev)
{
    return pci_get_byte(pci_dev->config + PCI_INTERRUPT_PIN) - 1;
}

static bool pci_irq_disabled(PCIDevice *d)
{
    return pci_get_word(d->config + PCI_COMMAND) & PCI_COMMAND_INTX_DISABLE;
}

/* Move the bus line of @pin by @change (+1 / -1). */
static void pci_change_irq_level(PCIDevice *d, int pin, int change)
{
    PCIBus *bus = pci_get_bus(d);
    int line;

    if (!bus->map_irq || !bus->set_irq) {
        return;
    }
    line = bus->map_irq(d, pin);
    if (line < 0 || line >= bus->nirq) {
        return;
    }
    bus->irq_count[line] += change;
    bus->set_irq(bus->irq_opaque, line, bus->irq_count[line] != 0);
}

static void pci_update_irq_status(PCIDevice *d)
{
    uint16_t status = pci_get_word(d->config + PCI_STATUS);

    if (d->irq_state) {
        status |= PCI_STATUS_INTERRUPT;
    } else {
        status &= ~PCI_STATUS_INTERRUPT;
    }
    pci_set_word(d->config + PCI_STATUS, status);
}

static void pci_irq_handler(void *opaque, int pin, int level)
{
    PCIDevice *d = opaque;
    int change;

    if (pin < 0 || pin >= PCI_NUM_PINS) {
        return;
    }
    change = (level ? 1 : 0) - ((d->irq_state >> pin) & 1);
    if (!change) {
        return;
    }
    d->irq_state = (d->irq_state & ~(1 << pin)) | ((level ? 1 : 0) << pin);
    pci_update_irq_status(d);
    if (pci_irq_disabled(d)) {
        return;
    }
    pci_change_irq_level(d, pin, change);
}

void pci_set_irq(PCIDevice *pci_dev, int level)
{
    pci_irq_handler(pci_dev, pci_intx(pci_dev), level);
}

qemu_irq pci_allocate_irq(PCIDevice *pci_dev)
{
    return qemu_allocate_irq(pci_irq_handler, pci_dev, pci_intx(pci_dev));
}

/* Withdraw (or restore) the device's asserted pins from the bus lines. */
static void pci_update_irq_disabled(PCIDevice *d, bool was_disabled)
{
    bool disabled = pci_irq_disabled(d);

    if (disabled == was_disabled) {
        return;
    }
    for (int pin = 0; pin < PCI_NUM_PINS; pin++) {
        if ((d->irq_state >> pin) & 1) {
            pci_change_irq_level(d, pin, disabled ? -1 : 1);
        }
    }
}

static void pci_device_deassert_intx(PCIDevice *d)
{
    for (int pin = 0; pin < PCI_NUM_PINS; pin++) {
        pci_irq_handler(d, pin, 0);
    }
}

/* Bus mastering */

static void pci_update_bus_master(PCIDevice *d)
{
    if (d->bus_master_as_ready) {
        memory_region_set_enabled(&d->bus_master_enable_region,
                                  pci_get_word(d->config + PCI_COMMAND) &
                                      PCI_COMMAND_MASTER);
    }
}

AddressSpace *pci_get_address_space(PCIDevice *dev)
{
    return &dev->bus_master_as;
}

MemTxResult pci_dma_rw(PCIDevice *dev, dma_addr_t addr, void *buf,
                       dma_addr_t len, bool is_write)
{
    MemTxResult r;

    if (!dev->bus_master_as_ready) {
        return MEMTX_DECODE_ERROR;
    }
    r = address_space_rw(&dev->bus_master_as, addr, MEMTXATTRS_UNSPECIFIED, buf,
                         len, is_write);
    if (r != MEMTX_OK && !is_write) {
        /* A master abort reads as all ones. */
        memset(buf, 0xff, len);
    }
    return r;
}

/* Configuration space */

uint32_t pci_default_read_config(PCIDevice *d, uint32_t address, int len)
{
    uint32_t val = 0;

    if (address + len > d->config_size) {
        return ~0u;
    }
    for (int i = 0; i < len; i++) {
        val |= (uint32_t)d->config[address + i] << (8 * i);
    }
    return val;
}

static bool ranges_overlap(uint32_t a, uint32_t alen, uint32_t b, uint32_t blen)
{
    return a < b + blen && b < a + alen;
}

void pci_default_write_config(PCIDevice *d, uint32_t addr, uint32_t val_in,
                              int l)
{
    bool was_irq_disabled = pci_irq_disabled(d);
    uint32_t val = val_in;

    if (addr + l > d->config_size) {
        return;
    }
    for (int i = 0; i < l; i++, val >>= 8) {
        uint8_t wmask = d->wmask[addr + i];
        uint8_t w1cmask = d->w1cmask[addr + i];

        d->config[addr + i] = (d->config[addr + i] & ~wmask) | (val & wmask);
        d->config[addr + i] &= ~(val & w1cmask);
    }
    if (ranges_overlap(addr, l, PCI_BASE_ADDRESS_0, 24) ||
        ranges_overlap(addr, l, PCI_COMMAND, 2)) {
        pci_update_mappings(d);
    }
    if (ranges_overlap(addr, l, PCI_COMMAND, 2)) {
        pci_update_irq_disabled(d, was_irq_disabled);
        pci_update_bus_master(d);
    }
}

uint32_t pci_host_config_read_common(PCIDevice *pci_dev, uint32_t addr,
                                     uint32_t limit, uint32_t len)
{
    limit = MIN(limit, pci_config_size(pci_dev));
    if (addr >= limit) {
        return ~0u;
    }
    return pci_dev->config_read(pci_dev, addr, MIN(len, limit - addr));
}

void pci_host_config_write_common(PCIDevice *pci_dev, uint32_t addr,
                                  uint32_t limit, uint32_t val, uint32_t len)
{
    limit = MIN(limit, pci_config_size(pci_dev));
    if (addr >= limit) {
        return;
    }
    pci_dev->config_write(pci_dev, addr, val, MIN(len, limit - addr));
}

static void pci_config_alloc(PCIDevice *d)
{
    int size = pci_config_size(d);

    d->config = g_malloc0(size);
    d->cmask = g_malloc0(size);
    d->wmask = g_malloc0(size);
    d->w1cmask = g_malloc0(size);
    d->used = g_malloc0(size);
}

static void pci_config_free(PCIDevice *d)
{
    g_clear_pointer(&d->config, g_free);
    g_clear_pointer(&d->cmask, g_free);
    g_clear_pointer(&d->wmask, g_free);
    g_clear_pointer(&d->w1cmask, g_free);
    g_clear_pointer(&d->used, g_free);
}

/* The header's fixed parts and masks (QEMU's pci_init_* helpers). */
static void pci_config_init(PCIDevice *d, PCIDeviceClass *pc)
{
    uint16_t subvendor = pc->subsystem_vendor_id;
    uint16_t subdevice = pc->subsystem_id;

    pci_config_set_vendor_id(d->config, pc->vendor_id);
    pci_config_set_device_id(d->config, pc->device_id);
    pci_config_set_revision(d->config, pc->revision);
    pci_config_set_class(d->config, pc->class_id);
    if (!subvendor && !subdevice) {
        subvendor = PCI_SUBVENDOR_ID_REDHAT_QUMRANET;
        subdevice = PCI_SUBDEVICE_ID_QEMU;
    }
    pci_set_word(d->config + PCI_SUBSYSTEM_VENDOR_ID, subvendor);
    pci_set_word(d->config + PCI_SUBSYSTEM_ID, subdevice);
    if (d->cap_present & QEMU_PCI_CAP_MULTIFUNCTION) {
        d->config[PCI_HEADER_TYPE] |= PCI_HEADER_TYPE_MULTI_FUNCTION;
    }

    /* cmask: what identifies the device. */
    pci_set_word(d->cmask + PCI_VENDOR_ID, 0xffff);
    pci_set_word(d->cmask + PCI_DEVICE_ID, 0xffff);
    d->cmask[PCI_STATUS] = PCI_STATUS_CAP_LIST;
    d->cmask[PCI_REVISION_ID] = 0xff;
    d->cmask[PCI_CLASS_PROG] = 0xff;
    pci_set_word(d->cmask + PCI_CLASS_DEVICE, 0xffff);
    d->cmask[PCI_HEADER_TYPE] = 0xff;
    d->cmask[PCI_CAPABILITY_LIST] = 0xff;

    /* wmask: the registers software owns. */
    d->wmask[PCI_CACHE_LINE_SIZE] = 0xff;
    d->wmask[PCI_INTERRUPT_LINE] = 0xff;
    pci_set_word(d->wmask + PCI_COMMAND, PCI_COMMAND_WRITABLE);
    memset(d->wmask + PCI_CONFIG_HEADER_SIZE, 0xff,
           pci_config_size(d) - PCI_CONFIG_HEADER_SIZE);

    pci_set_word(d->w1cmask + PCI_STATUS, PCI_STATUS_W1C);
    memset(d->used, 0xff, PCI_CONFIG_HEADER_SIZE);
}

/* Reset: command, status and BARs as after power-up (PCI 3.0, 6.2). */
static void pci_do_device_reset(PCIDevice *dev)
{
    pci_device_deassert_intx(dev);
    pci_set_word(dev->config + PCI_COMMAND,
                 pci_get_word(dev->config + PCI_COMMAND) &
                     ~pci_get_word(dev->wmask + PCI_COMMAND));
    pci_set_word(dev->config + PCI_STATUS,
                 pci_get_word(dev->config + PCI_STATUS) &
                     ~pci_get_word(dev->w1cmask + PCI_STATUS));
    dev->config[PCI_CACHE_LINE_SIZE] = 0;
    dev->config[PCI_INTERRUPT_LINE] = 0;
    for (int i = 0; i < PCI_NUM_REGIONS; i++) {
        PCIIORegion *r = &dev->io_regions[i];

        if (!r->size) {
            continue;
        }
        pci_set_long(dev->config + PCI_BASE_ADDRESS_0 + i * 4, r->type);
        if (r->type & PCI_BASE_ADDRESS_MEM_TYPE_64) {
            pci_set_long(dev->config + PCI_BASE_ADDRESS_0 + i * 4 + 4, 0);
        }
    }
    pci_update_mappings(dev);
    pci_update_bus_master(dev);
}

/* The device type */

/* "SLOT[.FN]", hex, slot optionally with 0x (QEMU's spelling). */
static bool pci_parse_devfn(const char *str, unsigned int *slot,
                            unsigned int *fn)
{
    const char *p = str;
    char *end;
    guint64 v;

    if (!g_ascii_isxdigit(*p)) {
        return false;
    }
    v = g_ascii_strtoull(p, &end, 16);
    if (end == p || v > 31) {
        return false;
    }
    *slot = v;
    *fn = 0;
    if (!*end) {
        return true;
    }
    if (*end != '.' || !g_ascii_isxdigit(end[1]) || end[2]) {
        return false;
    }
    *fn = g_ascii_xdigit_value(end[1]);
    return *fn <= 7;
}

/* "addr": a devfn written SLOT[.FN] in hex (QEMU's pci-devfn property). */
static void pci_devfn_set(Object *obj, Visitor *v, const char *name,
                          void *opaque, Error **errp)
{
    const Property *prop = opaque;
    int32_t *ptr = object_field_prop_ptr(obj, prop);
    g_autofree char *str = NULL;
    unsigned int slot, fn;
    int32_t value;

    if (!visit_type_str(v, name, &str, NULL)) {
        if (!visit_type_int32(v, name, &value, errp)) {
            return;
        }
        if (value < -1 || value > 255) {
            error_setg(errp,
                       "property '%s' expects a devfn from -1 to 255 or "
                       "SLOT.FN, not %d",
                       name, value);
            return;
        }
        *ptr = value;
        return;
    }
    if (!pci_parse_devfn(str, &slot, &fn)) {
        error_setg(errp,
                   "property '%s' expects a PCI address SLOT.FN in hex "
                   "(slot 00-1f, function 0-7, e.g. 05.0), not '%s'",
                   name, str);
        return;
    }
    *ptr = PCI_DEVFN(slot, fn);
}

static const PropertyInfo pci_prop_devfn = {
    .type = "pci-devfn",
    .description = "Slot and optional function number, example: 06.0 or 06",
    .get = qdev_propinfo_get_int32,
    .set = pci_devfn_set,
    .set_default_value = qdev_propinfo_set_default_value_int,
};

static const Property pci_props[] = {
    DEFINE_PROP_SIGNED("addr", PCIDevice, devfn, -1, pci_prop_devfn, int32_t),
    DEFINE_PROP_BIT("multifunction", PCIDevice, cap_present,
                    QEMU_PCI_CAP_MULTIFUNCTION_BITNR, false),
};

static bool pci_check_slot(PCIBus *bus, PCIDevice *d, Error **errp)
{
    BusState *qbus = BUS(bus);
    PCIDevice *occupant;
    int slot;

    if (d->devfn < 0) {
        for (int devfn = bus->devfn_min; devfn < PCI_DEVFN_MAX;
             devfn += PCI_FUNC_MAX) {
            if (!pci_bus_first_in_slot(bus, PCI_SLOT(devfn))) {
                d->devfn = devfn;
                return true;
            }
        }
        error_setg(errp,
                   "no free slot on PCI bus '%s' for %s: all %d slots are "
                   "in use (remove a device or give addr=SLOT.FN of a free "
                   "function)",
                   qbus->name, d->name,
                   PCI_SLOT_MAX - PCI_SLOT(bus->devfn_min));
        return false;
    }
    occupant = bus->devices[d->devfn];
    if (occupant) {
        g_autofree char *desc = qdev_device_describe(DEVICE(occupant));
        g_autofree char *free_slots = pci_bus_free_slots(bus);

        error_setg(errp,
                   "PCI address %02x.%x on bus '%s' is already in use by "
                   "%s (type '%s'); free slots: %s",
                   PCI_SLOT(d->devfn), PCI_FUNC(d->devfn), qbus->name, desc,
                   occupant->name, free_slots);
        return false;
    }
    if (d->devfn < bus->devfn_min) {
        error_setg(errp,
                   "PCI address %02x.%x on bus '%s' is reserved (the first "
                   "free address is %02x.0)",
                   PCI_SLOT(d->devfn), PCI_FUNC(d->devfn), qbus->name,
                   PCI_SLOT(bus->devfn_min));
        return false;
    }
    /* Multifunction rules (QEMU's pci_init_multifunction). */
    slot = PCI_SLOT(d->devfn);
    if (PCI_FUNC(d->devfn)) {
        PCIDevice *f0 = bus->devices[PCI_DEVFN(slot, 0)];

        if (f0 && !(f0->cap_present & QEMU_PCI_CAP_MULTIFUNCTION)) {
            error_setg(errp,
                       "PCI: single-function device %s at %02x.0 cannot have "
                       "function %x beside it (give it multifunction=on)",
                       f0->name, slot, PCI_FUNC(d->devfn));
            return false;
        }
    } else if (!(d->cap_present & QEMU_PCI_CAP_MULTIFUNCTION)) {
        for (int fn = 1; fn < PCI_FUNC_MAX; fn++) {
            if (bus->devices[PCI_DEVFN(slot, fn)]) {
                error_setg(errp,
                           "PCI: %s at %02x.0 must be multifunction=on: "
                           "function %02x.%x is in use",
                           d->name, slot, slot, fn);
                return false;
            }
        }
    }
    return true;
}

static void pci_qdev_realize(DeviceState *qdev, Error **errp)
{
    PCIDevice *d = PCI_DEVICE(qdev);
    PCIDeviceClass *pc = PCI_DEVICE_GET_CLASS(d);
    PCIBus *bus = pci_get_bus(d);
    Error *local_err = NULL;
    int32_t devfn_user = d->devfn;
    g_autofree char *as_name = NULL;

    g_strlcpy(d->name, object_get_typename(OBJECT(d)), sizeof(d->name));
    if (!pci_check_slot(bus, d, errp)) {
        d->devfn = devfn_user;
        return;
    }
    if (object_dynamic_cast(OBJECT(d), INTERFACE_PCIE_DEVICE) &&
        pci_bus_is_express(bus)) {
        d->cap_present |= QEMU_PCI_CAP_EXPRESS;
    } else {
        d->cap_present &= ~QEMU_PCI_CAP_EXPRESS;
    }
    d->config_size =
        pci_is_express(d) ? PCIE_CONFIG_SPACE_SIZE : PCI_CONFIG_SPACE_SIZE;
    pci_config_alloc(d);
    pci_config_init(d, pc);
    for (int i = 0; i < PCI_NUM_REGIONS; i++) {
        d->io_regions[i].addr = PCI_BAR_UNMAPPED;
    }
    d->config_read =
        pc->config_read ? pc->config_read : pci_default_read_config;
    d->config_write =
        pc->config_write ? pc->config_write : pci_default_write_config;
    d->irq_state = 0;

    if (bus->dma_root) {
        as_name = g_strdup_printf("%s bus master", d->name);
        memory_region_init_alias(&d->bus_master_enable_region, OBJECT(d),
                                 "bus-master", bus->dma_root, 0,
                                 memory_region_size(bus->dma_root));
        memory_region_set_enabled(&d->bus_master_enable_region, false);
        memory_region_add_subregion(&d->bus_master_container_region, 0,
                                    &d->bus_master_enable_region);
        address_space_init(&d->bus_master_as, &d->bus_master_container_region,
                           as_name);
        d->bus_master_as_ready = true;
    }
    bus->devices[d->devfn] = d;

    if (pc->realize) {
        pc->realize(d, &local_err);
        if (local_err) {
            error_propagate(errp, local_err);
            bus->devices[d->devfn] = NULL;
            pci_unregister_io_regions(d);
            if (d->bus_master_as_ready) {
                address_space_destroy(&d->bus_master_as);
                memory_region_del_subregion(&d->bus_master_container_region,
                                            &d->bus_master_enable_region);
                object_unparent(OBJECT(&d->bus_master_enable_region));
                d->bus_master_as_ready = false;
            }
            pci_config_free(d);
            d->devfn = devfn_user;
            return;
        }
    }
}

static void pci_qdev_unrealize(DeviceState *qdev)
{
    PCIDevice *d = PCI_DEVICE(qdev);
    PCIDeviceClass *pc = PCI_DEVICE_GET_CLASS(d);
    PCIBus *bus = pci_get_bus(d);

    /* As QEMU: BARs go before the device's exit frees their regions. */
    pci_unregister_io_regions(d);
    if (pc->exit) {
        pc->exit(d);
    }
    pci_device_deassert_intx(d);
    if (d->bus_master_as_ready) {
        address_space_destroy(&d->bus_master_as);
        memory_region_del_subregion(&d->bus_master_container_region,
                                    &d->bus_master_enable_region);
        object_unparent(OBJECT(&d->bus_master_enable_region));
        d->bus_master_as_ready = false;
    }
    if (bus && d->devfn >= 0 && bus->devices[d->devfn] == d) {
        bus->devices[d->devfn] = NULL;
    }
    pci_config_free(d);
}

static void pci_device_init(Object *obj)
{
    PCIDevice *d = PCI_DEVICE(obj);

    memory_region_init(&d->bus_master_container_region, obj,
                       "bus-master-container", UINT64_MAX);
}

static void pci_device_finalize(Object *obj)
{
    pci_config_free(PCI_DEVICE(obj));
}

static void pci_device_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = pci_qdev_realize;
    dc->unrealize = pci_qdev_unrealize;
    dc->bus_type = TYPE_PCI_BUS;
    dc->hotpluggable = true;
    device_class_set_props(dc, pci_props);
}

PCIDevice *pci_create_simple(PCIBus *bus, int devfn, const char *name)
{
    DeviceState *dev = qdev_new(name);

    qdev_prop_set_int32(dev, "addr", devfn);
    qdev_realize_and_unref(dev, BUS(bus), &error_fatal);
    return PCI_DEVICE(dev);
}

/* The bus type */

static void pcibus_reset_hold(Object *obj, ResetType type)
{
    PCIBus *bus = PCI_BUS(obj);

    for (int i = 0; i < PCI_DEVFN_MAX; i++) {
        if (bus->devices[i]) {
            pci_do_device_reset(bus->devices[i]);
        }
    }
}

static const char *pci_class_name(uint16_t class_id)
{
    static const struct {
        uint16_t class_id;
        const char *desc;
    } classes[] = {
        {PCI_CLASS_STORAGE_SCSI, "SCSI controller"},
        {PCI_CLASS_NETWORK_ETHERNET, "Ethernet controller"},
        {PCI_CLASS_DISPLAY_VGA, "VGA controller"},
        {PCI_CLASS_BRIDGE_HOST, "Host bridge"},
        {PCI_CLASS_BRIDGE_PCI, "PCI bridge"},
        {PCI_CLASS_BRIDGE_OTHER, "Bridge"},
        {PCI_CLASS_COMMUNICATION_SERIAL, "Serial port"},
        {PCI_CLASS_COMMUNICATION_OTHER, "Communication controller"},
    };

    for (size_t i = 0; i < ARRAY_SIZE(classes); i++) {
        if (classes[i].class_id == class_id) {
            return classes[i].desc;
        }
    }
    return NULL;
}

/* `info qtree`: QEMU's pcibus_dev_print. */
static void pcibus_dev_print(GString *out, DeviceState *dev, int indent)
{
    PCIDevice *d = PCI_DEVICE(dev);
    uint16_t class_id;
    const char *desc;

    if (!d->config) {
        return;
    }
    class_id = pci_get_word(d->config + PCI_CLASS_DEVICE);
    desc = pci_class_name(class_id);
    if (desc) {
        g_string_append_printf(out, "%*sclass %s, ", indent, "", desc);
    } else {
        g_string_append_printf(out, "%*sclass Class %04x, ", indent, "",
                               class_id);
    }
    g_string_append_printf(
        out, "addr %02x:%02x.%x, pci id %04x:%04x (sub %04x:%04x)\n",
        pci_bus_num(pci_get_bus(d)), PCI_SLOT(d->devfn), PCI_FUNC(d->devfn),
        pci_get_word(d->config + PCI_VENDOR_ID),
        pci_get_word(d->config + PCI_DEVICE_ID),
        pci_get_word(d->config + PCI_SUBSYSTEM_VENDOR_ID),
        pci_get_word(d->config + PCI_SUBSYSTEM_ID));
    for (int i = 0; i < PCI_NUM_REGIONS; i++) {
        PCIIORegion *r = &d->io_regions[i];

        if (!r->size) {
            continue;
        }
        g_string_append_printf(
            out, "%*sbar %d: %s at 0x%" PRIx64 " [0x%" PRIx64 "]\n", indent, "",
            i, r->type & PCI_BASE_ADDRESS_SPACE_IO ? "i/o" : "mem", r->addr,
            r->addr + r->size - 1);
    }
}

static char *pcibus_get_dev_path(DeviceState *dev)
{
    PCIDevice *d = PCI_DEVICE(dev);

    return g_strdup_printf("0000:%02x:%02x.%x", pci_bus_num(pci_get_bus(d)),
                           PCI_SLOT(d->devfn), PCI_FUNC(d->devfn));
}

static void pci_bus_finalize(Object *obj)
{
    g_free(PCI_BUS(obj)->irq_count);
}

static void pci_bus_class_init(ObjectClass *klass, const void *data)
{
    BusClass *k = BUS_CLASS(klass);
    ResettableClass *rc = RESETTABLE_CLASS(klass);

    k->print_dev = pcibus_dev_print;
    k->get_dev_path = pcibus_get_dev_path;
    rc->phases.hold = pcibus_reset_hold;
}

/* `info pci` */

static void pci_info_device(GString *out, PCIDevice *d)
{
    uint16_t class_id = pci_get_word(d->config + PCI_CLASS_DEVICE);
    const char *desc = pci_class_name(class_id);
    int pin = d->config[PCI_INTERRUPT_PIN];

    g_string_append_printf(out, "  Bus %2d, device %3d, function %d:\n",
                           pci_bus_num(pci_get_bus(d)), PCI_SLOT(d->devfn),
                           PCI_FUNC(d->devfn));
    if (desc) {
        g_string_append_printf(out, "    %s", desc);
    } else {
        g_string_append_printf(out, "    Class %04x", class_id);
    }
    g_string_append_printf(out, ": PCI device %04x:%04x\n",
                           pci_get_word(d->config + PCI_VENDOR_ID),
                           pci_get_word(d->config + PCI_DEVICE_ID));
    g_string_append_printf(out, "      PCI subsystem %04x:%04x\n",
                           pci_get_word(d->config + PCI_SUBSYSTEM_VENDOR_ID),
                           pci_get_word(d->config + PCI_SUBSYSTEM_ID));
    if (pin) {
        g_string_append_printf(out, "      IRQ %d, pin %c\n",
                               d->config[PCI_INTERRUPT_LINE], 'A' + pin - 1);
    }
    for (int i = 0; i < PCI_NUM_REGIONS; i++) {
        PCIIORegion *r = &d->io_regions[i];

        if (!r->size) {
            continue;
        }
        g_string_append_printf(out, "      BAR%d: ", i);
        if (r->type & PCI_BASE_ADDRESS_SPACE_IO) {
            g_string_append_printf(
                out, "I/O at 0x%04" PRIx64 " [0x%04" PRIx64 "].\n", r->addr,
                r->addr + r->size - 1);
        } else {
            g_string_append_printf(
                out, "%d bit%s memory at 0x%08" PRIx64 " [0x%08" PRIx64 "].\n",
                r->type & PCI_BASE_ADDRESS_MEM_TYPE_64 ? 64 : 32,
                r->type & PCI_BASE_ADDRESS_MEM_PREFETCH ? " prefetchable" : "",
                r->addr, r->addr + r->size - 1);
        }
    }
    g_string_append_printf(out, "      id \"%s\"\n",
                           d->qdev.id ? d->qdev.id : "");
}

char *pci_info_text(void)
{
    GString *out = g_string_new(NULL);
    GSList *hosts = pci_host_bridges();

    for (GSList *l = hosts; l; l = l->next) {
        PCIBus *bus = PCI_HOST_BRIDGE(l->data)->bus;

        if (!bus) {
            continue;
        }
        for (int i = 0; i < PCI_DEVFN_MAX; i++) {
            if (bus->devices[i]) {
                pci_info_device(out, bus->devices[i]);
            }
        }
    }
    g_slist_free(hosts);
    return g_string_free(out, FALSE);
}

static const TypeInfo pci_types[] = {
    {
        .name = TYPE_PCI_BUS,
        .parent = TYPE_BUS,
        .instance_size = sizeof(PCIBus),
        .instance_finalize = pci_bus_finalize,
        .class_init = pci_bus_class_init,
    },
    {
        .name = TYPE_PCIE_BUS,
        .parent = TYPE_PCI_BUS,
    },
    {
        .name = INTERFACE_CONVENTIONAL_PCI_DEVICE,
        .parent = TYPE_INTERFACE,
    },
    {
        .name = INTERFACE_PCIE_DEVICE,
        .parent = TYPE_INTERFACE,
    },
    {
        .name = TYPE_PCI_DEVICE,
        .parent = TYPE_DEVICE,
        .instance_size = sizeof(PCIDevice),
        .instance_init = pci_device_init,
        .instance_finalize = pci_device_finalize,
        .abstract = true,
        .class_size = sizeof(PCIDeviceClass),
        .class_init = pci_device_class_init,
    },
};

DEFINE_TYPES(pci_types)

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * physmem.c: host memory behind RAM regions, guest-physical accesses
 * through address spaces (buffers and typed loads / stores), the CPU's RAM
 * fast path, the RAM write hook, and system memory.
 * See docs/devel/memory.md.
 */
#include "qomu/osdep.h"
#include "qomu/log.h"
#include "qapi/error.h"
#include "exec/memory.h"
#include "exec/address-spaces.h"
#include "memory-internal.h"

#include <sys/mman.h>

/* RAM */

uint8_t *qomu_ram_alloc(uint64_t size, size_t *map_size, Error **errp)
{
    void *p;

    if (size > SIZE_MAX) {
        error_setg(errp, "0x%" PRIx64 " bytes is more than the host can map",
                   size);
        return NULL;
    }
    /*
     * MAP_NORESERVE | MAP_ANONYMOUS: the pages are zero and take no
     * resident memory (nor swap reservation) until the guest touches them.
     */
    p = mmap(NULL, size, PROT_READ | PROT_WRITE,
             MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED) {
        error_setg_errno(errp, errno, "cannot map 0x%" PRIx64 " bytes", size);
        return NULL;
    }
    *map_size = size;
    return p;
}

void qomu_ram_free(uint8_t *block, size_t map_size)
{
    munmap(block, map_size);
}

/* The RAM write hook */

static void (*ram_write_hook)(void *opaque, hwaddr addr, hwaddr len);
static void *ram_write_hook_opaque;

void memory_set_ram_write_hook(void (*fn)(void *opaque, hwaddr addr,
                                          hwaddr len),
                               void *opaque)
{
    ram_write_hook = fn;
    ram_write_hook_opaque = fn ? opaque : NULL;
}

void memory_notify_ram_write(hwaddr addr, hwaddr len)
{
    if (ram_write_hook) {
        ram_write_hook(ram_write_hook_opaque, addr, len);
    }
}

/* Accesses */

typedef enum AccessMode {
    ACCESS_BUFFER, /* address_space_rw: I/O pieces as large as allowed */
    ACCESS_TYPED,  /* ld* / st*: one I/O access of exactly that size */
    ACCESS_LOADER, /* address_space_write_rom: RAM and ROM only */
} AccessMode;

static unsigned pow2floor(hwaddr l)
{
    unsigned p = 1;

    while (p * 2 <= l && p < 8) {
        p *= 2;
    }
    return p;
}

/* The largest I/O access at @off of at most @l bytes (QEMU's rules). */
static unsigned memory_access_size(MemoryRegion *mr, hwaddr l, hwaddr off)
{
    unsigned max = mr->ops->valid.max_access_size;

    if (max == 0) {
        max = 4;
    }
    if (!mr->ops->impl.unaligned) {
        hwaddr align = off & -off;
        if (align != 0 && align < max) {
            max = align;
        }
    }
    return pow2floor(MIN(l, (hwaddr)max));
}

static MemTxResult address_space_access(AddressSpace *as, hwaddr addr,
                                        MemTxAttrs attrs, uint8_t *buf,
                                        hwaddr len, bool is_write,
                                        AccessMode mode)
{
    FlatView *fv = address_space_get_flatview(as);
    MemTxResult result = MEMTX_OK;

    flatview_ref(fv);
    while (len > 0) {
        u128 next = 0;
        const FlatRange *fr = flatview_lookup(fv, addr, &next);
        hwaddr l;

        if (!fr) {
            l = (u128)len < next - addr ? len : (hwaddr)(next - addr);
            if (mode != ACCESS_LOADER) {
                qemu_log_mask(LOG_GUEST_ERROR,
                              "memory: decode error: %s at 0x%" HWADDR_PRIx
                              ", size 0x%" HWADDR_PRIx
                              ", in '%s': no region there (hole)\n",
                              is_write ? "write" : "read", addr, l, as->name);
            }
            if (!is_write) {
                memset(buf, 0, l);
            }
            result |= MEMTX_DECODE_ERROR;
        } else {
            MemoryRegion *mr = fr->mr;
            u128 avail = flatrange_end(fr) - addr;
            hwaddr off;

            l = (u128)len < avail ? len : (hwaddr)avail;
            off = fr->offset_in_region + (addr - fr->start);
            if (mr->ram) {
                uint8_t *p = mr->ram_block + off;

                if (!is_write) {
                    memcpy(buf, p, l);
                } else if (fr->readonly && mode != ACCESS_LOADER) {
                    qemu_log_mask(LOG_GUEST_ERROR,
                                  "memory: write at 0x%" HWADDR_PRIx
                                  ", size 0x%" HWADDR_PRIx
                                  ", to read-only region '%s' ignored\n",
                                  addr, l, memory_region_name(mr));
                } else {
                    memcpy(p, buf, l);
                    memory_notify_ram_write(addr, l);
                }
            } else if (mode == ACCESS_LOADER) {
                result |= MEMTX_DECODE_ERROR;
            } else {
                if (mode == ACCESS_BUFFER || l < len) {
                    l = memory_access_size(mr, l, off);
                }
                result |= memory_region_access(mr, as, addr, off, buf, l,
                                               is_write, attrs);
                /*
                 * The callback may have changed the map, even finalised
                 * regions: go on with the current view.
                 */
                if (address_space_get_flatview(as) != fv) {
                    flatview_unref(fv);
                    fv = address_space_get_flatview(as);
                    flatview_ref(fv);
                }
            }
        }
        addr += l;
        buf += l;
        len -= l;
    }
    flatview_unref(fv);
    return result;
}

MemTxResult address_space_rw(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                             void *buf, hwaddr len, bool is_write)
{
    return address_space_access(as, addr, attrs, buf, len, is_write,
                                ACCESS_BUFFER);
}

MemTxResult address_space_read(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                               void *buf, hwaddr len)
{
    return address_space_access(as, addr, attrs, buf, len, false,
                                ACCESS_BUFFER);
}

MemTxResult address_space_write(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                                const void *buf, hwaddr len)
{
    return address_space_access(as, addr, attrs, (uint8_t *)buf, len, true,
                                ACCESS_BUFFER);
}

MemTxResult address_space_write_rom(AddressSpace *as, hwaddr addr,
                                    MemTxAttrs attrs, const void *buf,
                                    hwaddr len)
{
    return address_space_access(as, addr, attrs, (uint8_t *)buf, len, true,
                                ACCESS_LOADER);
}

static uint64_t bswap_size(uint64_t val, unsigned size)
{
    switch (size) {
    case 2:
        return GUINT16_SWAP_LE_BE((uint16_t)val);
    case 4:
        return GUINT32_SWAP_LE_BE((uint32_t)val);
    case 8:
        return GUINT64_SWAP_LE_BE(val);
    default:
        return val;
    }
}

/*
 * The range holding all of [@addr, @addr + @size), or NULL (a hole, or an
 * access crossing a range boundary: the general path handles those).
 */
static const FlatRange *typed_lookup(AddressSpace *as, hwaddr addr,
                                     unsigned size)
{
    FlatView *fv = address_space_get_flatview(as);
    const FlatRange *fr;
    u128 next;

    fr = flatview_lookup(fv, addr, &next);
    if (fr && (u128)addr + size <= flatrange_end(fr)) {
        return fr;
    }
    return NULL;
}

static uint64_t load_typed(AddressSpace *as, hwaddr addr, unsigned size,
                           bool big, MemTxAttrs attrs, MemTxResult *result)
{
    const FlatRange *fr = typed_lookup(as, addr, size);
    uint8_t buf[8];
    MemTxResult r;
    uint64_t val;

    if (fr) {
        MemoryRegion *mr = fr->mr;
        hwaddr off = fr->offset_in_region + (addr - fr->start);

        if (mr->ram) {
            val = ldn_le(mr->ram_block + off, size);
            r = MEMTX_OK;
        } else {
            /* @fr may go stale in the callback: only @mr and @off are used */
            r = memory_region_access(mr, as, addr, off, buf, size, false,
                                     attrs);
            val = ldn_le(buf, size);
        }
    } else {
        r = address_space_access(as, addr, attrs, buf, size, false,
                                 ACCESS_TYPED);
        val = ldn_le(buf, size);
    }
    if (result) {
        *result = r;
    }
    return big ? bswap_size(val, size) : val;
}

static void store_typed(AddressSpace *as, hwaddr addr, uint64_t val,
                        unsigned size, bool big, MemTxAttrs attrs,
                        MemTxResult *result)
{
    const FlatRange *fr = typed_lookup(as, addr, size);
    uint8_t buf[8];
    MemTxResult r;

    stn_le(buf, big ? bswap_size(val, size) : val, size);
    if (fr && !(fr->mr->ram && fr->readonly)) {
        MemoryRegion *mr = fr->mr;
        hwaddr off = fr->offset_in_region + (addr - fr->start);

        if (mr->ram) {
            memcpy(mr->ram_block + off, buf, size);
            memory_notify_ram_write(addr, size);
            r = MEMTX_OK;
        } else {
            r = memory_region_access(mr, as, addr, off, buf, size, true, attrs);
        }
    } else {
        r = address_space_access(as, addr, attrs, buf, size, true,
                                 ACCESS_TYPED);
    }
    if (result) {
        *result = r;
    }
}

uint32_t address_space_ldub(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                            MemTxResult *result)
{
    return load_typed(as, addr, 1, false, attrs, result);
}

uint32_t address_space_lduw_le(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                               MemTxResult *result)
{
    return load_typed(as, addr, 2, false, attrs, result);
}

uint32_t address_space_ldl_le(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                              MemTxResult *result)
{
    return load_typed(as, addr, 4, false, attrs, result);
}

uint64_t address_space_ldq_le(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                              MemTxResult *result)
{
    return load_typed(as, addr, 8, false, attrs, result);
}

uint32_t address_space_lduw_be(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                               MemTxResult *result)
{
    return load_typed(as, addr, 2, true, attrs, result);
}

uint32_t address_space_ldl_be(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                              MemTxResult *result)
{
    return load_typed(as, addr, 4, true, attrs, result);
}

uint64_t address_space_ldq_be(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                              MemTxResult *result)
{
    return load_typed(as, addr, 8, true, attrs, result);
}

void address_space_stb(AddressSpace *as, hwaddr addr, uint32_t val,
                       MemTxAttrs attrs, MemTxResult *result)
{
    store_typed(as, addr, val, 1, false, attrs, result);
}

void address_space_stw_le(AddressSpace *as, hwaddr addr, uint32_t val,
                          MemTxAttrs attrs, MemTxResult *result)
{
    store_typed(as, addr, val, 2, false, attrs, result);
}

void address_space_stl_le(AddressSpace *as, hwaddr addr, uint32_t val,
                          MemTxAttrs attrs, MemTxResult *result)
{
    store_typed(as, addr, val, 4, false, attrs, result);
}

void address_space_stq_le(AddressSpace *as, hwaddr addr, uint64_t val,
                          MemTxAttrs attrs, MemTxResult *result)
{
    store_typed(as, addr, val, 8, false, attrs, result);
}

void address_space_stw_be(AddressSpace *as, hwaddr addr, uint32_t val,
                          MemTxAttrs attrs, MemTxResult *result)
{
    store_typed(as, addr, val, 2, true, attrs, result);
}

void address_space_stl_be(AddressSpace *as, hwaddr addr, uint32_t val,
                          MemTxAttrs attrs, MemTxResult *result)
{
    store_typed(as, addr, val, 4, true, attrs, result);
}

void address_space_stq_be(AddressSpace *as, hwaddr addr, uint64_t val,
                          MemTxAttrs attrs, MemTxResult *result)
{
    store_typed(as, addr, val, 8, true, attrs, result);
}

/* The CPU fast path */

void *address_space_get_ram_ptr(AddressSpace *as, hwaddr addr, bool is_write,
                                hwaddr *plen)
{
    FlatView *fv = address_space_get_flatview(as);
    const FlatRange *fr;
    u128 next, avail;

    fr = flatview_lookup(fv, addr, &next);
    if (!fr || !fr->mr->ram || (is_write && fr->readonly)) {
        return NULL;
    }
    avail = flatrange_end(fr) - addr;
    if (plen) {
        *plen = avail > UINT64_MAX ? UINT64_MAX : (hwaddr)avail;
    }
    return fr->mr->ram_block + fr->offset_in_region + (addr - fr->start);
}

/* System memory */

static MemoryRegion *system_memory;
AddressSpace address_space_memory;

void memory_map_init(void)
{
    if (system_memory) {
        return;
    }
    system_memory = g_new0(MemoryRegion, 1);
    memory_region_init(system_memory, NULL, "system", UINT64_MAX);
    address_space_init(&address_space_memory, system_memory, "memory");
}

void memory_map_cleanup(void)
{
    if (!system_memory) {
        return;
    }
    address_space_destroy(&address_space_memory);
    object_unref(OBJECT(system_memory));
    g_free(system_memory);
    system_memory = NULL;
}

MemoryRegion *get_system_memory(void)
{
    memory_map_init();
    return system_memory;
}

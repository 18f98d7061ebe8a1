/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * memory-internal.h: what memory.c (regions, flat views, I/O dispatch) and
 * physmem.c (RAM, address-space accesses) share.  Not a public header.
 */
#ifndef SYSTEM_MEMORY_INTERNAL_H
#define SYSTEM_MEMORY_INTERNAL_H

#include "exec/memory.h"

typedef unsigned __int128 u128;

/* One range of a flat view: [start, start + size) shows @mr from @offset. */
typedef struct FlatRange {
    hwaddr start;
    u128 size;
    MemoryRegion *mr;
    hwaddr offset_in_region;
    bool readonly;
} FlatRange;

/* A rendered address space: sorted, non-overlapping ranges. */
struct FlatView {
    unsigned ref;
    FlatRange *ranges;
    unsigned nr;
    unsigned nalloc;
    unsigned last_hit; /* lookup cache: the range found last */
    MemoryRegion *root;
};

static inline u128 flatrange_end(const FlatRange *fr)
{
    return (u128)fr->start + fr->size;
}

/* The up-to-date view of @as (re-rendered if the topology changed). */
FlatView *address_space_get_flatview(AddressSpace *as);
void flatview_ref(FlatView *fv);
void flatview_unref(FlatView *fv);

/*
 * flatview_lookup: the range containing @addr, or NULL; then *@next is the
 * start of the next range above @addr, or 2^64 if there is none.
 */
const FlatRange *flatview_lookup(FlatView *fv, hwaddr addr, u128 *next);

/*
 * memory_region_access: one access of @size bytes (a power of two, at most
 * 8) at offset @off of I/O region @mr: validation against ops->valid,
 * re-entrancy guard, adaptation to ops->impl, device byte order.  @buf
 * holds the bytes in guest memory order.  @as and @addr only serve the
 * log messages (@as may be NULL).
 */
MemTxResult memory_region_access(MemoryRegion *mr, AddressSpace *as,
                                 hwaddr addr, hwaddr off, uint8_t *buf,
                                 unsigned size, bool is_write,
                                 MemTxAttrs attrs);

/*
 * ldn_le / stn_le: @size (1, 2, 4 or 8) bytes at @p as a little-endian
 * value, whatever the host's byte order.
 */
static inline uint64_t ldn_le(const uint8_t *p, unsigned size)
{
    uint16_t w;
    uint32_t l;
    uint64_t q;

    switch (size) {
    case 1:
        return *p;
    case 2:
        memcpy(&w, p, 2);
        return GUINT16_FROM_LE(w);
    case 4:
        memcpy(&l, p, 4);
        return GUINT32_FROM_LE(l);
    case 8:
        memcpy(&q, p, 8);
        return GUINT64_FROM_LE(q);
    default:
        q = 0;
        for (unsigned i = 0; i < size; i++) {
            q |= (uint64_t)p[i] << (8 * i);
        }
        return q;
    }
}

static inline void stn_le(uint8_t *p, uint64_t val, unsigned size)
{
    uint16_t w;
    uint32_t l;
    uint64_t q;

    switch (size) {
    case 1:
        *p = val;
        break;
    case 2:
        w = GUINT16_TO_LE((uint16_t)val);
        memcpy(p, &w, 2);
        break;
    case 4:
        l = GUINT32_TO_LE((uint32_t)val);
        memcpy(p, &l, 4);
        break;
    case 8:
        q = GUINT64_TO_LE(val);
        memcpy(p, &q, 8);
        break;
    default:
        for (unsigned i = 0; i < size; i++) {
            p[i] = val >> (8 * i);
        }
        break;
    }
}

/* physmem.c: host memory for RAM regions. */
uint8_t *qomu_ram_alloc(uint64_t size, size_t *map_size, Error **errp);
void qomu_ram_free(uint8_t *block, size_t map_size);

/* physmem.c: call the RAM write hook, if any. */
void memory_notify_ram_write(hwaddr addr, hwaddr len);

#endif /* SYSTEM_MEMORY_INTERNAL_H */

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

/* physmem.c: host memory for RAM regions. */
uint8_t *qomu_ram_alloc(uint64_t size, size_t *map_size, Error **errp);
void qomu_ram_free(uint8_t *block, size_t map_size);

/* physmem.c: call the RAM write hook, if any. */
void memory_notify_ram_write(hwaddr addr, hwaddr len);

#endif /* SYSTEM_MEMORY_INTERNAL_H */

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * memory.h: the memory API - memory regions, address spaces, flat views and
 * guest-physical accesses, with QEMU's names and semantics.
 *
 * A MemoryRegion is a QOM object (TYPE_MEMORY_REGION) of one of these
 * kinds: RAM (host memory, reserved with mmap and populated on first touch),
 * ROM (RAM the guest cannot write; loaders can), I/O (MMIO: an ops table of
 * callbacks), alias (a window into another region) or container (holds
 * sub-regions at offsets, with priorities).  memory_region_init*(mr, owner,
 * name, size) makes @mr a child of @owner named @name in the composition
 * tree, so `info qom-tree` shows "/machine/soc/uart0/uart0-mmio".
 *
 * An AddressSpace has a root region; its FlatView (sorted, non-overlapping
 * ranges) is rendered lazily on the first access after any change of any
 * region, and accesses find their range by binary search.
 *
 * Differences from QEMU (on purpose):
 * - no RCU, no listeners, no dirty logging, no migration; one thread.
 *   memory_region_transaction_begin/commit exist but are not needed: views
 *   are re-rendered lazily anyway.
 * - a region removes itself from its container, unlinks its sub-regions
 *   and detaches the aliases and address spaces that point at it when it is
 *   finalised, so tearing the tree down in any order leaves nothing
 *   dangling.  Sub-regions and aliases therefore take no references.
 * - a region's child name in the QOM tree is @name itself (QEMU uses
 *   "name[0]"); a clash falls back to "name[*]" numbering, and '/' in a
 *   name becomes '-' in the child name (memory_region_name() keeps @name).
 * - an ownerless region is not in the QOM tree; whoever initialised it
 *   holds its only reference and drops it with object_unref(OBJECT(mr)).
 * - an access whose size is outside the ops' valid sizes, or unaligned when
 *   that is not allowed, or refused by valid.accepts, fails with MEMTX_ERROR
 *   (QEMU says MEMTX_DECODE_ERROR); holes give MEMTX_DECODE_ERROR.
 * - access-size adaptation uses byte lanes: an access narrower than
 *   impl.min_access_size becomes one access of the implemented size at the
 *   aligned address, with the data in its byte lanes (written bytes outside
 *   the original access are zero); QEMU passes the unaligned address.
 * - guest writes to ROM are ignored (and logged under guest_errors) and
 *   return MEMTX_OK, as QEMU's CPU stores to ROM are discarded.
 * - the re-entrancy guard is per owner object (QEMU: per DeviceState).
 */
#ifndef EXEC_MEMORY_H
#define EXEC_MEMORY_H

#include "qomu/osdep.h"
#include "qomu/typedefs.h"
#include "exec/memattrs.h"
#include "qom/object.h"

#define TYPE_MEMORY_REGION "memory-region"
DECLARE_INSTANCE_CHECKER(MemoryRegion, MEMORY_REGION, TYPE_MEMORY_REGION)

/**
 * enum device_endian: the byte order of a device's registers.
 * DEVICE_NATIVE_ENDIAN is the target's order: little-endian on RISC-V.
 */
enum device_endian {
    DEVICE_NATIVE_ENDIAN,
    DEVICE_BIG_ENDIAN,
    DEVICE_LITTLE_ENDIAN,
};

typedef struct MemoryRegionOps MemoryRegionOps;
typedef struct MemoryRegionSection MemoryRegionSection;

/**
 * MemoryRegionOps: how an I/O region is accessed.
 * @read: read @size bytes at offset @addr; returns the value.
 * @write: write @data (@size bytes) at offset @addr.
 * @read_with_attrs, @write_with_attrs: the same with attributes and a
 * result; used instead of @read / @write when set.
 * @endianness: the byte order of the registers (see enum device_endian).
 * @valid: what the device accepts; other accesses fail with MEMTX_ERROR.
 *   @min_access_size, @max_access_size: in bytes; max 0 accepts any size
 *   (min 0 means 1); @unaligned: accept accesses not aligned to their
 *   size; @accepts: if set, may refuse an access.
 * @impl: what the callbacks implement; accepted accesses of other sizes are
 *   widened or split to fit.  0 means 1 (min) and 4 (max), as in QEMU.
 *   @unaligned: the callbacks handle unaligned accesses themselves.
 */
struct MemoryRegionOps {
    uint64_t (*read)(void *opaque, hwaddr addr, unsigned size);
    void (*write)(void *opaque, hwaddr addr, uint64_t data, unsigned size);
    MemTxResult (*read_with_attrs)(void *opaque, hwaddr addr, uint64_t *data,
                                   unsigned size, MemTxAttrs attrs);
    MemTxResult (*write_with_attrs)(void *opaque, hwaddr addr, uint64_t data,
                                    unsigned size, MemTxAttrs attrs);

    enum device_endian endianness;

    struct {
        unsigned min_access_size;
        unsigned max_access_size;
        bool unaligned;
        bool (*accepts)(void *opaque, hwaddr addr, unsigned size, bool is_write,
                        MemTxAttrs attrs);
    } valid;

    struct {
        unsigned min_access_size;
        unsigned max_access_size;
        bool unaligned;
    } impl;
};

/**
 * MemoryRegion: one region.  Embed it in the owner's state and initialise
 * it with a memory_region_init*() function.  Fields are private.
 */
struct MemoryRegion {
    Object parent_obj;
    /* private: */
    const MemoryRegionOps *ops;
    void *opaque;
    Object *owner;
    char *name;
    __uint128_t size;        /* UINT64_MAX at init means 2^64 */
    MemoryRegion *container; /* the region this one is mapped in */
    hwaddr addr;             /* offset in the container */
    int priority;
    bool enabled;
    bool ram;      /* RAM or ROM: backed by ram_block */
    bool readonly; /* ROM, or RAM made read-only */
    bool terminates;
    bool disable_reentrancy_guard;
    uint8_t *ram_block; /* mmap'ed host memory, NULL for size 0 */
    size_t ram_map_size;
    MemoryRegion *alias;
    hwaddr alias_offset;
    GPtrArray *subregions;  /* highest priority first */
    GPtrArray *alias_users; /* aliases whose target is this region */
};

/**
 * MemoryRegionSection: a part of a region as mapped in an address space,
 * returned by memory_region_find().  @mr is NULL when nothing is mapped.
 */
struct MemoryRegionSection {
    MemoryRegion *mr;
    hwaddr offset_within_region;
    hwaddr offset_within_address_space;
    uint64_t size;
    bool readonly;
};

/**
 * AddressSpace: a view of a root region as the CPU or a DMA master sees
 * it.  Initialise with address_space_init(); fields are private.
 */
struct AddressSpace {
    /* private: */
    char *name;
    MemoryRegion *root;
    FlatView *current_map;
    uint64_t topology_seen; /* memory topology version current_map shows */
    uint64_t generation;    /* bumped when current_map changes */
};

/* Initialising regions */

/**
 * memory_region_init: initialise @mr as an empty container of @size bytes
 * (UINT64_MAX means the whole 64-bit space).
 * @mr: the region (usually embedded in @owner's state).
 * @owner: the object that owns it (its parent in the QOM tree), or NULL.
 * @name: the region's name (shown by `info mtree`); also its child name.
 * @size: in bytes.
 */
void memory_region_init(MemoryRegion *mr, Object *owner, const char *name,
                        uint64_t size);

/**
 * memory_region_init_io: initialise @mr as an I/O region whose accesses
 * call @ops with @opaque (usually the device state).
 */
void memory_region_init_io(MemoryRegion *mr, Object *owner,
                           const MemoryRegionOps *ops, void *opaque,
                           const char *name, uint64_t size);

/**
 * memory_region_init_ram: initialise @mr as @size bytes of RAM.  The host
 * memory is reserved with mmap(MAP_NORESERVE) and only costs resident
 * memory once touched; it reads as zero until written.
 * Returns: true; false with @errp set if the host memory cannot be
 * reserved (then @mr is finalised: do not use it).
 */
bool memory_region_init_ram(MemoryRegion *mr, Object *owner, const char *name,
                            uint64_t size, Error **errp);

/**
 * memory_region_init_rom: as memory_region_init_ram, but read-only to the
 * guest; loaders write it with address_space_write_rom().
 */
bool memory_region_init_rom(MemoryRegion *mr, Object *owner, const char *name,
                            uint64_t size, Error **errp);

/**
 * memory_region_init_alias: initialise @mr as a window of @size bytes
 * into @orig starting at @offset.  Mapping @mr maps that part of @orig.
 */
void memory_region_init_alias(MemoryRegion *mr, Object *owner, const char *name,
                              MemoryRegion *orig, hwaddr offset, uint64_t size);

/**
 * memory_region_init_unimplemented: initialise @mr as an I/O region for a
 * device that is not modelled: every access is logged under `-d unimp`
 * (LOG_UNIMP) with the region name, offset, size and value; reads return
 * zero and writes are ignored.  Any size from 1 to 8, aligned or not.
 * (QEMU's create_unimplemented_device() is a sysbus device built on such
 * a region.)  Priority -1000 is usual when mapping it, as in QEMU.
 */
void memory_region_init_unimplemented(MemoryRegion *mr, Object *owner,
                                      const char *name, uint64_t size);

/* Building the tree */

/**
 * memory_region_add_subregion: map @subregion at @offset in @mr (a
 * container) with priority 0.  @subregion must not be mapped elsewhere.
 */
void memory_region_add_subregion(MemoryRegion *mr, hwaddr offset,
                                 MemoryRegion *subregion);

/**
 * memory_region_add_subregion_overlap: map @subregion at @offset in @mr
 * with @priority.  Where sub-regions overlap, the higher priority is
 * visible; at equal priority the one added last wins.  Where a sub-region
 * does not cover its container, lower-priority regions (or the
 * container's own contents, for an I/O or RAM container) show through.
 */
void memory_region_add_subregion_overlap(MemoryRegion *mr, hwaddr offset,
                                         MemoryRegion *subregion, int priority);

/** memory_region_del_subregion: unmap @subregion from @mr. */
void memory_region_del_subregion(MemoryRegion *mr, MemoryRegion *subregion);

/**
 * memory_region_set_enabled: show (true) or hide (false) @mr and its
 * sub-regions wherever it is mapped.  Regions start enabled.
 */
void memory_region_set_enabled(MemoryRegion *mr, bool enabled);

/** memory_region_is_enabled: whether @mr is enabled. */
bool memory_region_is_enabled(MemoryRegion *mr);

/** memory_region_set_address: move @mr to @addr within its container. */
void memory_region_set_address(MemoryRegion *mr, hwaddr addr);

/** memory_region_set_alias_offset: point alias @mr at @offset of its target. */
void memory_region_set_alias_offset(MemoryRegion *mr, hwaddr offset);

/** memory_region_set_size: change the size of @mr. */
void memory_region_set_size(MemoryRegion *mr, uint64_t size);

/**
 * memory_region_set_readonly: make RAM @mr read-only to the guest (true)
 * or writable again; a ROM is read-only from the start.
 */
void memory_region_set_readonly(MemoryRegion *mr, bool readonly);

/**
 * memory_region_disable_reentrancy_guard: let @mr's callbacks be entered
 * while another region of the same owner is in a callback (for devices
 * that really forward to themselves).
 */
void memory_region_disable_reentrancy_guard(MemoryRegion *mr);

/** memory_region_transaction_begin: kept for QEMU's API; nothing to do. */
void memory_region_transaction_begin(void);
/** memory_region_transaction_commit: kept for QEMU's API; nothing to do. */
void memory_region_transaction_commit(void);

/* Queries */

/** memory_region_size: the size in bytes (UINT64_MAX for 2^64). */
uint64_t memory_region_size(MemoryRegion *mr);

/** memory_region_name: the name given at init. */
const char *memory_region_name(const MemoryRegion *mr);

/** memory_region_owner: the owner given at init, or NULL. */
Object *memory_region_owner(MemoryRegion *mr);

/** memory_region_is_ram: true for RAM and ROM regions. */
bool memory_region_is_ram(MemoryRegion *mr);

/** memory_region_is_rom: true for ROM (and read-only RAM). */
bool memory_region_is_rom(MemoryRegion *mr);

/** memory_region_is_mapped: true if @mr is a sub-region of a container. */
bool memory_region_is_mapped(MemoryRegion *mr);

/** memory_region_get_container: the container @mr is mapped in, or NULL. */
MemoryRegion *memory_region_get_container(MemoryRegion *mr);

/** memory_region_get_address: the offset of @mr in its container. */
hwaddr memory_region_get_address(MemoryRegion *mr);

/**
 * memory_region_get_ram_ptr: the host memory of RAM / ROM @mr (for an
 * alias, of its target at the alias offset), or NULL for other kinds.
 * Writes through this pointer bypass the RAM write hook.
 */
void *memory_region_get_ram_ptr(MemoryRegion *mr);

/**
 * memory_region_ref / memory_region_unref: take / drop a reference on the
 * owner of @mr (nothing for an ownerless region), as QEMU does.
 */
void memory_region_ref(MemoryRegion *mr);
void memory_region_unref(MemoryRegion *mr);

/**
 * memory_region_find: what is mapped at [@addr, @addr + @size) of
 * container @mr, looking through the flat view of @mr's topmost container.
 * Returns: a section for the first range at @addr (@size clipped to it);
 * .mr is NULL if nothing is mapped at @addr.  When .mr is set, a reference
 * was taken: drop it with memory_region_unref(section.mr).
 */
MemoryRegionSection memory_region_find(MemoryRegion *mr, hwaddr addr,
                                       uint64_t size);

/**
 * memory_region_dispatch_read / _write: one access of @size bytes (1, 2,
 * 4 or 8) at offset @addr of I/O region @mr, with the same validation,
 * size adaptation, endianness and re-entrancy rules as an address-space
 * access; @size is in bytes where QEMU takes a MemOp.  The value is in the
 * target's (little-endian) order.  RAM / ROM regions are read and written
 * directly (ROM writes ignored).
 */
MemTxResult memory_region_dispatch_read(MemoryRegion *mr, hwaddr addr,
                                        uint64_t *pval, unsigned size,
                                        MemTxAttrs attrs);
MemTxResult memory_region_dispatch_write(MemoryRegion *mr, hwaddr addr,
                                         uint64_t val, unsigned size,
                                         MemTxAttrs attrs);

/* Address spaces */

/**
 * address_space_init: make @as show @root, named @name ("memory",
 * "cpu-memory-0", "pci-dma").  Destroy it with address_space_destroy().
 */
void address_space_init(AddressSpace *as, MemoryRegion *root, const char *name);

/** address_space_destroy: release what address_space_init took. */
void address_space_destroy(AddressSpace *as);

/**
 * address_space_for_each_range: call @cb for each range of @as's flat
 * view, in address order, as a section (.mr is the region that terminates
 * there: RAM, ROM or I/O; .size 0 means 2^64), until @cb returns true.
 * Returns: true if @cb stopped the walk.
 */
bool address_space_for_each_range(AddressSpace *as,
                                  bool (*cb)(const MemoryRegionSection *s,
                                             void *opaque),
                                  void *opaque);

/**
 * address_space_rw: read or write @len bytes at @addr.  @buf holds the
 * bytes in guest memory order.  RAM is copied; I/O regions get accesses
 * of the largest size their valid sizes and the alignment allow (as
 * QEMU's memory_access_size()); holes read as zero.
 * Returns: MEMTX_OK, or the OR of the results of the pieces.
 */
MemTxResult address_space_rw(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                             void *buf, hwaddr len, bool is_write);
/** address_space_read: address_space_rw(..., false). */
MemTxResult address_space_read(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                               void *buf, hwaddr len);
/** address_space_write: address_space_rw(..., true). */
MemTxResult address_space_write(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                                const void *buf, hwaddr len);

/**
 * address_space_write_rom: write @len bytes into the RAM and ROM at
 * @addr, as a loader does (ROM included); I/O regions and holes are
 * skipped.  Returns: MEMTX_OK, or MEMTX_DECODE_ERROR if some bytes did
 * not land in RAM or ROM.
 */
MemTxResult address_space_write_rom(AddressSpace *as, hwaddr addr,
                                    MemTxAttrs attrs, const void *buf,
                                    hwaddr len);

/*
 * Typed loads and stores: one access of exactly that size (an I/O region
 * sees one access of 1, 2, 4 or 8 bytes, adapted only to its impl sizes;
 * an access outside its valid sizes fails).  @result may be NULL.  A
 * failed load returns 0 (or what the device returned).  The names without
 * _le / _be use the target's order (little-endian).
 */
uint32_t address_space_ldub(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                            MemTxResult *result);
uint32_t address_space_lduw_le(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                               MemTxResult *result);
uint32_t address_space_ldl_le(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                              MemTxResult *result);
uint64_t address_space_ldq_le(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                              MemTxResult *result);
uint32_t address_space_lduw_be(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                               MemTxResult *result);
uint32_t address_space_ldl_be(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                              MemTxResult *result);
uint64_t address_space_ldq_be(AddressSpace *as, hwaddr addr, MemTxAttrs attrs,
                              MemTxResult *result);
void address_space_stb(AddressSpace *as, hwaddr addr, uint32_t val,
                       MemTxAttrs attrs, MemTxResult *result);
void address_space_stw_le(AddressSpace *as, hwaddr addr, uint32_t val,
                          MemTxAttrs attrs, MemTxResult *result);
void address_space_stl_le(AddressSpace *as, hwaddr addr, uint32_t val,
                          MemTxAttrs attrs, MemTxResult *result);
void address_space_stq_le(AddressSpace *as, hwaddr addr, uint64_t val,
                          MemTxAttrs attrs, MemTxResult *result);
void address_space_stw_be(AddressSpace *as, hwaddr addr, uint32_t val,
                          MemTxAttrs attrs, MemTxResult *result);
void address_space_stl_be(AddressSpace *as, hwaddr addr, uint32_t val,
                          MemTxAttrs attrs, MemTxResult *result);
void address_space_stq_be(AddressSpace *as, hwaddr addr, uint64_t val,
                          MemTxAttrs attrs, MemTxResult *result);

#define address_space_lduw address_space_lduw_le
#define address_space_ldl address_space_ldl_le
#define address_space_ldq address_space_ldq_le
#define address_space_stw address_space_stw_le
#define address_space_stl address_space_stl_le
#define address_space_stq address_space_stq_le

/* The CPU fast path */

/**
 * address_space_get_ram_ptr: host pointer for guest-physical @addr when it
 * is backed by RAM (or ROM when !@is_write) in @as; *@plen = contiguous
 * bytes valid from there (to the end of the flat range, which is the end
 * of the region unless a higher-priority region covers part of it).
 * NULL for MMIO, holes, disabled regions, or ROM on write.
 * The pointer stays valid until address_space_map_generation(@as)
 * changes.  Writes through it bypass the RAM write hook.
 */
void *address_space_get_ram_ptr(AddressSpace *as, hwaddr addr, bool is_write,
                                hwaddr *plen);

/**
 * address_space_map_generation: a counter bumped on every change of @as's
 * flat view; a CPU software TLB holding host pointers compares it between
 * blocks and flushes when it changed.  Cheap when nothing changed; after a
 * change it re-renders the view (and bumps only if the view differs).
 */
uint64_t address_space_map_generation(AddressSpace *as);

/**
 * memory_set_ram_write_hook: @fn is called for every write into RAM that
 * does not come from the CPU's own TLB fast path (address_space_write /
 * st*, DMA, loaders, ROM loading), with the range as addressed in the
 * address space written through, so decoded-instruction caches can be
 * invalidated.  One global hook; NULL removes it.
 */
void memory_set_ram_write_hook(void (*fn)(void *opaque, hwaddr addr,
                                          hwaddr len),
                               void *opaque);

/* info mtree */

/**
 * mtree_info_text: the text of `info mtree` (@flatview false) or
 * `info mtree -f` (true), in QEMU's format, for every address space in the
 * order they were created.  Returns: a new string for g_free().
 */
char *mtree_info_text(bool flatview);

/**
 * mtree_info_text_full: as mtree_info_text(); with @disabled, the tree also
 * shows disabled regions, marked " [disabled]" (`info mtree -D`).
 */
char *mtree_info_text_full(bool flatview, bool disabled);

#endif /* EXEC_MEMORY_H */

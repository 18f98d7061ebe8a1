/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * memory.c: memory regions (a QOM type), their tree, flat views of address
 * spaces, I/O dispatch with access-size adaptation, and `info mtree`.
 * See docs/devel/memory.md.
 */
#include "qomu/osdep.h"
#include "qomu/log.h"
#include "qapi/error.h"
#include "qapi/visitor.h"
#include "exec/memory.h"
#include "memory-internal.h"

#define SIZE_2_64 ((u128)1 << 64)

/*
 * Bumped on every change of any region that can change a flat view;
 * address spaces re-render lazily when theirs is older.
 */
static uint64_t memory_topology_version = 1;

/* Address spaces, in creation order (for `info mtree`). */
static GPtrArray *address_spaces;

/*
 * The re-entrancy guard: owners (or ownerless regions) whose I/O callback
 * is running.  An access to a region of one of them is refused.
 */
#define MAX_IO_NESTING 16
static const void *engaged_in_io[MAX_IO_NESTING];
static unsigned n_engaged_in_io;

static void memory_topology_changed(void)
{
    memory_topology_version++;
}

/* Regions */

static void memory_region_instance_init(Object *obj)
{
    MemoryRegion *mr = MEMORY_REGION(obj);

    mr->enabled = true;
    mr->subregions = g_ptr_array_new();
}

static void memory_region_unlink_subregion(MemoryRegion *mr,
                                           MemoryRegion *subregion)
{
    g_ptr_array_remove(mr->subregions, subregion);
    subregion->container = NULL;
}

static void memory_region_instance_finalize(Object *obj)
{
    MemoryRegion *mr = MEMORY_REGION(obj);
    guint i;

    /*
     * Detach everything that points at this region, so the tree can be
     * torn down in any order (see the header).
     */
    if (mr->container) {
        memory_region_unlink_subregion(mr->container, mr);
    }
    for (i = 0; i < mr->subregions->len; i++) {
        MemoryRegion *sub = g_ptr_array_index(mr->subregions, i);
        sub->container = NULL;
    }
    g_ptr_array_free(mr->subregions, true);
    if (mr->alias && mr->alias->alias_users) {
        g_ptr_array_remove(mr->alias->alias_users, mr);
    }
    if (mr->alias_users) {
        for (i = 0; i < mr->alias_users->len; i++) {
            MemoryRegion *user = g_ptr_array_index(mr->alias_users, i);
            user->alias = NULL;
        }
        g_ptr_array_free(mr->alias_users, true);
    }
    if (address_spaces) {
        for (i = 0; i < address_spaces->len; i++) {
            AddressSpace *as = g_ptr_array_index(address_spaces, i);
            if (as->root == mr) {
                as->root = NULL;
            }
        }
    }
    if (mr->ram_block) {
        qomu_ram_free(mr->ram_block, mr->ram_map_size);
    }
    g_free(mr->name);
    memory_topology_changed();
}

/* Read-only properties, as QEMU's: container, addr, priority, size. */

static void mr_prop_get_container(Object *obj, Visitor *v, const char *name,
                                  void *opaque, Error **errp)
{
    MemoryRegion *mr = MEMORY_REGION(obj);
    g_autofree char *path = NULL;

    if (mr->container) {
        path = object_get_canonical_path(OBJECT(mr->container));
    }
    if (!path) {
        path = g_strdup("");
    }
    visit_type_str(v, name, &path, errp);
}

static Object *mr_prop_resolve_container(Object *obj, void *opaque,
                                         const char *part)
{
    MemoryRegion *mr = MEMORY_REGION(obj);

    return mr->container ? OBJECT(mr->container) : NULL;
}

static void mr_prop_get_addr(Object *obj, Visitor *v, const char *name,
                             void *opaque, Error **errp)
{
    uint64_t value = MEMORY_REGION(obj)->addr;

    visit_type_uint64(v, name, &value, errp);
}

static void mr_prop_get_priority(Object *obj, Visitor *v, const char *name,
                                 void *opaque, Error **errp)
{
    int32_t value = MEMORY_REGION(obj)->priority;

    visit_type_int32(v, name, &value, errp);
}

static void mr_prop_get_size(Object *obj, Visitor *v, const char *name,
                             void *opaque, Error **errp)
{
    uint64_t value = memory_region_size(MEMORY_REGION(obj));

    visit_type_uint64(v, name, &value, errp);
}

static void memory_region_class_init(ObjectClass *oc, const void *data)
{
    ObjectProperty *prop;

    prop = object_class_property_add(oc, "container",
                                     "link<" TYPE_MEMORY_REGION ">",
                                     mr_prop_get_container, NULL, NULL, NULL);
    prop->resolve = mr_prop_resolve_container;
    object_class_property_add(oc, "addr", "uint64", mr_prop_get_addr, NULL,
                              NULL, NULL);
    object_class_property_add(oc, "priority", "int32", mr_prop_get_priority,
                              NULL, NULL, NULL);
    object_class_property_add(oc, "size", "uint64", mr_prop_get_size, NULL,
                              NULL, NULL);
}

static const TypeInfo memory_region_info = {
    .name = TYPE_MEMORY_REGION,
    .parent = TYPE_OBJECT,
    .instance_size = sizeof(MemoryRegion),
    .instance_init = memory_region_instance_init,
    .instance_finalize = memory_region_instance_finalize,
    .class_init = memory_region_class_init,
};

static void memory_register_types(void)
{
    type_register_static(&memory_region_info);
}

type_init(memory_register_types)

    static void memory_region_do_init(MemoryRegion *mr, Object *owner,
                                      const char *name, uint64_t size)
{
    object_initialize(mr, sizeof(*mr), TYPE_MEMORY_REGION);
    mr->size = size == UINT64_MAX ? SIZE_2_64 : size;
    mr->name = g_strdup(name);
    mr->owner = owner;
    if (owner) {
        g_autofree char *child =
            g_strdelimit(g_strdup(name ? name : "memory-region[*]"), "/", '-');

        if (!object_property_try_add_child(owner, child, OBJECT(mr), NULL)) {
            g_autofree char *numbered = g_strdup_printf("%s[*]", child);
            object_property_add_child(owner, numbered, OBJECT(mr));
        }
        /* The owner holds the only reference; unparenting finalises. */
        object_unref(OBJECT(mr));
    }
}

void memory_region_init(MemoryRegion *mr, Object *owner, const char *name,
                        uint64_t size)
{
    memory_region_do_init(mr, owner, name, size);
}

void memory_region_init_io(MemoryRegion *mr, Object *owner,
                           const MemoryRegionOps *ops, void *opaque,
                           const char *name, uint64_t size)
{
    memory_region_do_init(mr, owner, name, size);
    mr->ops = ops;
    mr->opaque = opaque;
    mr->terminates = true;
}

static void memory_region_destroy_failed(MemoryRegion *mr)
{
    if (mr->owner) {
        object_unparent(OBJECT(mr));
    } else {
        object_unref(OBJECT(mr));
    }
}

bool memory_region_init_ram(MemoryRegion *mr, Object *owner, const char *name,
                            uint64_t size, Error **errp)
{
    ERRP_GUARD();

    memory_region_do_init(mr, owner, name, size);
    mr->ram = true;
    mr->terminates = true;
    if (size == 0) {
        return true;
    }
    mr->ram_block = qomu_ram_alloc(size, &mr->ram_map_size, errp);
    if (!mr->ram_block) {
        error_prepend(errp, "cannot allocate RAM '%s': ", name);
        memory_region_destroy_failed(mr);
        return false;
    }
    return true;
}

bool memory_region_init_rom(MemoryRegion *mr, Object *owner, const char *name,
                            uint64_t size, Error **errp)
{
    if (!memory_region_init_ram(mr, owner, name, size, errp)) {
        return false;
    }
    mr->readonly = true;
    return true;
}

void memory_region_init_alias(MemoryRegion *mr, Object *owner, const char *name,
                              MemoryRegion *orig, hwaddr offset, uint64_t size)
{
    memory_region_do_init(mr, owner, name, size);
    mr->alias = orig;
    mr->alias_offset = offset;
    if (!orig->alias_users) {
        orig->alias_users = g_ptr_array_new();
    }
    g_ptr_array_add(orig->alias_users, mr);
}

static uint64_t unimp_read(void *opaque, hwaddr addr, unsigned size)
{
    MemoryRegion *mr = opaque;

    qemu_log_mask(
        LOG_UNIMP,
        "%s: unimplemented device read (size %u, offset 0x%" HWADDR_PRIx ")\n",
        memory_region_name(mr), size, addr);
    return 0;
}

static void unimp_write(void *opaque, hwaddr addr, uint64_t data, unsigned size)
{
    MemoryRegion *mr = opaque;

    qemu_log_mask(
        LOG_UNIMP,
        "%s: unimplemented device write (size %u, offset 0x%" HWADDR_PRIx
        ", value 0x%0*" PRIx64 ")\n",
        memory_region_name(mr), size, addr, (int)size * 2, data);
}

static const MemoryRegionOps unimp_ops = {
    .read = unimp_read,
    .write = unimp_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = {.min_access_size = 1, .max_access_size = 8, .unaligned = true},
    .impl = {.min_access_size = 1, .max_access_size = 8, .unaligned = true},
};

void memory_region_init_unimplemented(MemoryRegion *mr, Object *owner,
                                      const char *name, uint64_t size)
{
    memory_region_init_io(mr, owner, &unimp_ops, mr, name, size);
}

/* Building the tree */

static QOMU_NORETURN void memory_bug(const char *fmt, ...) QOMU_PRINTF(1, 2);

static void memory_bug(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    fprintf(stderr, "qomu: memory API misuse: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n");
    va_end(ap);
    abort();
}

void memory_region_add_subregion_overlap(MemoryRegion *mr, hwaddr offset,
                                         MemoryRegion *subregion, int priority)
{
    guint i;

    if (subregion->container) {
        memory_bug("region '%s' is already mapped in '%s'",
                   memory_region_name(subregion),
                   memory_region_name(subregion->container));
    }
    if (mr == subregion) {
        memory_bug("region '%s' cannot contain itself", memory_region_name(mr));
    }
    subregion->container = mr;
    subregion->addr = offset;
    subregion->priority = priority;
    /* Highest priority first; at equal priority the newest first. */
    for (i = 0; i < mr->subregions->len; i++) {
        MemoryRegion *other = g_ptr_array_index(mr->subregions, i);
        if (priority >= other->priority) {
            break;
        }
    }
    g_ptr_array_insert(mr->subregions, i, subregion);
    memory_topology_changed();
}

void memory_region_add_subregion(MemoryRegion *mr, hwaddr offset,
                                 MemoryRegion *subregion)
{
    memory_region_add_subregion_overlap(mr, offset, subregion, 0);
}

void memory_region_del_subregion(MemoryRegion *mr, MemoryRegion *subregion)
{
    if (subregion->container != mr) {
        memory_bug("region '%s' is not mapped in '%s'",
                   memory_region_name(subregion), memory_region_name(mr));
    }
    memory_region_unlink_subregion(mr, subregion);
    memory_topology_changed();
}

void memory_region_set_enabled(MemoryRegion *mr, bool enabled)
{
    if (mr->enabled != enabled) {
        mr->enabled = enabled;
        memory_topology_changed();
    }
}

bool memory_region_is_enabled(MemoryRegion *mr)
{
    return mr->enabled;
}

void memory_region_set_address(MemoryRegion *mr, hwaddr addr)
{
    if (mr->addr != addr) {
        mr->addr = addr;
        memory_topology_changed();
    }
}

void memory_region_set_alias_offset(MemoryRegion *mr, hwaddr offset)
{
    if (mr->alias_offset != offset) {
        mr->alias_offset = offset;
        memory_topology_changed();
    }
}

void memory_region_set_size(MemoryRegion *mr, uint64_t size)
{
    u128 s = size == UINT64_MAX ? SIZE_2_64 : size;

    if (mr->ram && s > mr->ram_map_size) {
        memory_bug("RAM region '%s' cannot grow", memory_region_name(mr));
    }
    if (mr->size != s) {
        mr->size = s;
        memory_topology_changed();
    }
}

void memory_region_set_readonly(MemoryRegion *mr, bool readonly)
{
    if (mr->readonly != readonly) {
        mr->readonly = readonly;
        memory_topology_changed();
    }
}

void memory_region_disable_reentrancy_guard(MemoryRegion *mr)
{
    mr->disable_reentrancy_guard = true;
}

void memory_region_transaction_begin(void)
{
}

void memory_region_transaction_commit(void)
{
}

/* Queries */

uint64_t memory_region_size(MemoryRegion *mr)
{
    return mr->size >= SIZE_2_64 ? UINT64_MAX : (uint64_t)mr->size;
}

const char *memory_region_name(const MemoryRegion *mr)
{
    return mr->name ? mr->name : "";
}

Object *memory_region_owner(MemoryRegion *mr)
{
    return mr->owner;
}

bool memory_region_is_ram(MemoryRegion *mr)
{
    return mr->ram;
}

bool memory_region_is_rom(MemoryRegion *mr)
{
    return mr->ram && mr->readonly;
}

bool memory_region_is_mapped(MemoryRegion *mr)
{
    return mr->container != NULL;
}

MemoryRegion *memory_region_get_container(MemoryRegion *mr)
{
    return mr->container;
}

hwaddr memory_region_get_address(MemoryRegion *mr)
{
    return mr->addr;
}

void *memory_region_get_ram_ptr(MemoryRegion *mr)
{
    hwaddr offset = 0;

    while (mr->alias) {
        offset += mr->alias_offset;
        mr = mr->alias;
    }
    if (!mr->ram || !mr->ram_block) {
        return NULL;
    }
    return mr->ram_block + offset;
}

void memory_region_ref(MemoryRegion *mr)
{
    if (mr && mr->owner) {
        object_ref(mr->owner);
    }
}

void memory_region_unref(MemoryRegion *mr)
{
    if (mr && mr->owner) {
        object_unref(mr->owner);
    }
}

/* Flat views */

static FlatView *flatview_new(MemoryRegion *root)
{
    FlatView *fv = g_new0(FlatView, 1);

    fv->ref = 1;
    fv->root = root;
    return fv;
}

void flatview_ref(FlatView *fv)
{
    fv->ref++;
}

void flatview_unref(FlatView *fv)
{
    if (fv && --fv->ref == 0) {
        g_free(fv->ranges);
        g_free(fv);
    }
}

static void flatview_insert(FlatView *fv, unsigned pos, const FlatRange *fr)
{
    if (fv->nr == fv->nalloc) {
        fv->nalloc = MAX(16, fv->nalloc * 2);
        fv->ranges = g_renew(FlatRange, fv->ranges, fv->nalloc);
    }
    memmove(&fv->ranges[pos + 1], &fv->ranges[pos],
            (fv->nr - pos) * sizeof(FlatRange));
    fv->ranges[pos] = *fr;
    fv->nr++;
}

/*
 * Render @mr, whose offset 0 sits at @base (before adding mr->addr), into
 * the parts of [@clip_start, @clip_end) that higher-priority regions left
 * free.  Signed 128-bit arithmetic: an alias can put its target's base
 * below 0, and a 2^64 region ends above UINT64_MAX.
 */
static void render_region(FlatView *fv, MemoryRegion *mr, __int128 base,
                          __int128 clip_start, __int128 clip_end, bool readonly)
{
    __int128 start, end, cur;
    unsigned i;
    guint j;

    if (!mr->enabled) {
        return;
    }
    base += mr->addr;
    start = MAX(clip_start, base);
    end = MIN(clip_end, base + (__int128)mr->size);
    if (start >= end) {
        return;
    }
    readonly |= mr->readonly;

    if (mr->alias) {
        render_region(fv, mr->alias,
                      base - (__int128)mr->alias_offset - mr->alias->addr,
                      start, end, readonly);
        return;
    }
    for (j = 0; j < mr->subregions->len; j++) {
        render_region(fv, g_ptr_array_index(mr->subregions, j), base, start,
                      end, readonly);
    }
    if (!mr->terminates) {
        return;
    }

    /* Fill the gaps the sub-regions left. */
    cur = start;
    i = 0;
    while (cur < end) {
        FlatRange fr = {
            .mr = mr,
            .readonly = readonly,
        };

        while (i < fv->nr && (__int128)flatrange_end(&fv->ranges[i]) <= cur) {
            i++;
        }
        fr.start = (hwaddr)cur;
        fr.offset_in_region = (hwaddr)(cur - base);
        if (i == fv->nr || (__int128)fv->ranges[i].start >= end) {
            fr.size = (u128)(end - cur);
            flatview_insert(fv, i, &fr);
            return;
        }
        if ((__int128)fv->ranges[i].start > cur) {
            fr.size = (u128)((__int128)fv->ranges[i].start - cur);
            flatview_insert(fv, i, &fr);
            i++;
        }
        cur = (__int128)flatrange_end(&fv->ranges[i]);
        i++;
    }
}

static bool flatrange_can_merge(const FlatRange *a, const FlatRange *b)
{
    return a->mr == b->mr && a->readonly == b->readonly &&
           flatrange_end(a) == b->start &&
           (u128)a->offset_in_region + a->size == b->offset_in_region;
}

static void flatview_simplify(FlatView *fv)
{
    unsigned i, j;

    if (fv->nr == 0) {
        return;
    }
    for (i = 0, j = 1; j < fv->nr; j++) {
        if (flatrange_can_merge(&fv->ranges[i], &fv->ranges[j])) {
            fv->ranges[i].size += fv->ranges[j].size;
        } else {
            fv->ranges[++i] = fv->ranges[j];
        }
    }
    fv->nr = i + 1;
}

static FlatView *generate_flatview(MemoryRegion *root)
{
    FlatView *fv = flatview_new(root);

    if (root) {
        /* The root shows at address 0 of its address space. */
        render_region(fv, root, -(__int128)root->addr, 0, (__int128)SIZE_2_64,
                      false);
        flatview_simplify(fv);
    }
    return fv;
}

static bool flatview_equal(const FlatView *a, const FlatView *b)
{
    unsigned i;

    if (a->root != b->root || a->nr != b->nr) {
        return false;
    }
    for (i = 0; i < a->nr; i++) {
        const FlatRange *x = &a->ranges[i], *y = &b->ranges[i];
        if (x->start != y->start || x->size != y->size || x->mr != y->mr ||
            x->offset_in_region != y->offset_in_region ||
            x->readonly != y->readonly) {
            return false;
        }
    }
    return true;
}

const FlatRange *flatview_lookup(FlatView *fv, hwaddr addr, u128 *next)
{
    unsigned lo = 0, hi = fv->nr;

    /* Accesses come in runs to the same range: try the last one first. */
    if (fv->last_hit < fv->nr) {
        const FlatRange *fr = &fv->ranges[fv->last_hit];
        if (addr >= fr->start && addr < flatrange_end(fr)) {
            return fr;
        }
    }

    /* Find the first range that starts above @addr. */
    while (lo < hi) {
        unsigned mid = lo + (hi - lo) / 2;
        if (fv->ranges[mid].start <= addr) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if (lo > 0 && addr < flatrange_end(&fv->ranges[lo - 1])) {
        fv->last_hit = lo - 1;
        return &fv->ranges[lo - 1];
    }
    *next = lo < fv->nr ? fv->ranges[lo].start : SIZE_2_64;
    return NULL;
}

/* Address spaces */

void address_space_init(AddressSpace *as, MemoryRegion *root, const char *name)
{
    memset(as, 0, sizeof(*as));
    as->name = g_strdup(name ? name : "anonymous");
    as->root = root;
    if (!address_spaces) {
        address_spaces = g_ptr_array_new();
    }
    g_ptr_array_add(address_spaces, as);
    address_space_get_flatview(as);
}

void address_space_destroy(AddressSpace *as)
{
    if (address_spaces) {
        g_ptr_array_remove(address_spaces, as);
        if (address_spaces->len == 0) {
            g_ptr_array_free(address_spaces, true);
            address_spaces = NULL;
        }
    }
    flatview_unref(as->current_map);
    as->current_map = NULL;
    g_free(as->name);
    as->name = NULL;
    as->root = NULL;
}

FlatView *address_space_get_flatview(AddressSpace *as)
{
    if (unlikely(as->topology_seen != memory_topology_version)) {
        FlatView *fv = generate_flatview(as->root);

        if (as->current_map && flatview_equal(as->current_map, fv)) {
            flatview_unref(fv);
        } else {
            flatview_unref(as->current_map);
            as->current_map = fv;
            as->generation++;
        }
        as->topology_seen = memory_topology_version;
    }
    return as->current_map;
}

uint64_t address_space_map_generation(AddressSpace *as)
{
    address_space_get_flatview(as);
    return as->generation;
}

bool address_space_for_each_range(AddressSpace *as,
                                  bool (*cb)(const MemoryRegionSection *s,
                                             void *opaque),
                                  void *opaque)
{
    FlatView *fv = address_space_get_flatview(as);
    bool stopped = false;
    unsigned i;

    flatview_ref(fv);
    for (i = 0; i < fv->nr && !stopped; i++) {
        const FlatRange *fr = &fv->ranges[i];
        MemoryRegionSection s = {
            .mr = fr->mr,
            .offset_within_region = fr->offset_in_region,
            .offset_within_address_space = fr->start,
            .size = (uint64_t)fr->size,
            .readonly = fr->readonly,
        };
        stopped = cb(&s, opaque);
    }
    flatview_unref(fv);
    return stopped;
}

MemoryRegionSection memory_region_find(MemoryRegion *mr, hwaddr addr,
                                       uint64_t size)
{
    MemoryRegionSection section = {0};
    MemoryRegion *root = mr;
    hwaddr abs = addr;
    FlatView *fv = NULL;
    const FlatRange *fr;
    u128 next, avail;
    guint i;

    while (root->container) {
        abs += root->addr;
        root = root->container;
    }
    for (i = 0; address_spaces && i < address_spaces->len; i++) {
        AddressSpace *as = g_ptr_array_index(address_spaces, i);
        if (as->root == root) {
            fv = address_space_get_flatview(as);
            flatview_ref(fv);
            break;
        }
    }
    if (!fv) {
        fv = generate_flatview(root);
    }
    fr = flatview_lookup(fv, abs, &next);
    if (fr) {
        avail = flatrange_end(fr) - abs;
        section.mr = fr->mr;
        section.offset_within_region = fr->offset_in_region + (abs - fr->start);
        section.offset_within_address_space = abs;
        section.size = avail < size ? (uint64_t)avail : size;
        section.readonly = fr->readonly;
        memory_region_ref(fr->mr);
    }
    flatview_unref(fv);
    return section;
}

/* I/O dispatch */

static bool memory_region_big_endian(MemoryRegion *mr)
{
    return mr->ops->endianness == DEVICE_BIG_ENDIAN;
}

static void lanes_from_value(uint8_t *lanes, uint64_t val, unsigned size,
                             bool big)
{
    unsigned j;

    if (!big) {
        stn_le(lanes, val, size);
        return;
    }

    for (j = 0; j < size; j++) {
        lanes[j] = val >> (8 * (big ? size - 1 - j : j));
    }
}

static uint64_t lanes_to_value(const uint8_t *lanes, unsigned size, bool big)
{
    uint64_t val = 0;
    unsigned j;

    if (!big) {
        return ldn_le(lanes, size);
    }

    for (j = 0; j < size; j++) {
        val |= (uint64_t)lanes[j] << (8 * (big ? size - 1 - j : j));
    }
    return val;
}

static const char *access_name(bool is_write)
{
    return is_write ? "write" : "read";
}

static bool memory_region_access_valid(MemoryRegion *mr, AddressSpace *as,
                                       hwaddr addr, hwaddr off, unsigned size,
                                       bool is_write, MemTxAttrs attrs)
{
    const MemoryRegionOps *ops = mr->ops;
    const char *reason = NULL;
    char buf[64];

    if (!ops->valid.unaligned && (off & (size - 1))) {
        reason = "unaligned";
    } else if (ops->valid.max_access_size &&
               (size > ops->valid.max_access_size ||
                size < MAX(ops->valid.min_access_size, 1))) {
        snprintf(buf, sizeof(buf), "invalid size (valid: %u to %u bytes)",
                 MAX(ops->valid.min_access_size, 1),
                 ops->valid.max_access_size);
        reason = buf;
    } else if (ops->valid.accepts &&
               !ops->valid.accepts(mr->opaque, off, size, is_write, attrs)) {
        reason = "rejected by the device";
    }
    if (reason) {
        qemu_log_mask(
            LOG_GUEST_ERROR,
            "memory: invalid %s at 0x%" HWADDR_PRIx
            "%s%s%s, size %u, region '%s' offset 0x%" HWADDR_PRIx ": %s\n",
            access_name(is_write), addr, as ? " in '" : "", as ? as->name : "",
            as ? "'" : "", size, memory_region_name(mr), off, reason);
        return false;
    }
    return true;
}

static MemTxResult memory_region_call(MemoryRegion *mr, hwaddr off,
                                      uint64_t *val, unsigned size,
                                      bool is_write, MemTxAttrs attrs)
{
    const MemoryRegionOps *ops = mr->ops;
    uint64_t mask = size == 8 ? UINT64_MAX : (1ULL << (size * 8)) - 1;
    MemTxResult r = MEMTX_OK;

    if (is_write) {
        if (ops->write_with_attrs) {
            r = ops->write_with_attrs(mr->opaque, off, *val & mask, size,
                                      attrs);
        } else if (ops->write) {
            ops->write(mr->opaque, off, *val & mask, size);
        }
    } else {
        *val = 0;
        if (ops->read_with_attrs) {
            r = ops->read_with_attrs(mr->opaque, off, val, size, attrs);
        } else if (ops->read) {
            *val = ops->read(mr->opaque, off, size);
        }
        *val &= mask;
    }
    return r;
}

/*
 * Adapt an access to the sizes the callbacks implement.  The access is a
 * run of bytes; each callback access of size @a at an @a-aligned offset
 * (or at the access's own offset if impl.unaligned) covers @a byte lanes,
 * ordered by the device's endianness.  Narrow accesses are widened (a
 * write puts zero in the lanes outside the access), wide ones split.
 */
static MemTxResult access_with_adjusted_size(MemoryRegion *mr, hwaddr off,
                                             uint8_t *buf, unsigned size,
                                             bool is_write, MemTxAttrs attrs)
{
    const MemoryRegionOps *ops = mr->ops;
    unsigned amin = ops->impl.min_access_size ? ops->impl.min_access_size : 1;
    unsigned amax = ops->impl.max_access_size ? ops->impl.max_access_size : 4;
    unsigned a = MAX(MIN(size, amax), amin);
    bool big = memory_region_big_endian(mr);
    hwaddr end = off + size;
    hwaddr c = ops->impl.unaligned ? off : off & ~(hwaddr)(a - 1);
    MemTxResult r = MEMTX_OK;
    uint8_t lanes[8];
    uint64_t val;

    a = MIN(a, 8);
    if (a == size && c == off) {
        /* The common case: one access of the implemented size. */
        if (is_write) {
            val = lanes_to_value(buf, a, big);
            return memory_region_call(mr, off, &val, a, true, attrs);
        }
        r = memory_region_call(mr, off, &val, a, false, attrs);
        lanes_from_value(buf, val, a, big);
        return r;
    }
    for (; c < end; c += a) {
        hwaddr lo = MAX(c, off);
        hwaddr hi = MIN(c + a, end);

        if (is_write) {
            memset(lanes, 0, sizeof(lanes));
            memcpy(lanes + (lo - c), buf + (lo - off), hi - lo);
            val = lanes_to_value(lanes, a, big);
            r |= memory_region_call(mr, c, &val, a, true, attrs);
        } else {
            r |= memory_region_call(mr, c, &val, a, false, attrs);
            lanes_from_value(lanes, val, a, big);
            memcpy(buf + (lo - off), lanes + (lo - c), hi - lo);
        }
    }
    return r;
}

MemTxResult memory_region_access(MemoryRegion *mr, AddressSpace *as,
                                 hwaddr addr, hwaddr off, uint8_t *buf,
                                 unsigned size, bool is_write, MemTxAttrs attrs)
{
    const void *key = mr->owner ? (const void *)mr->owner : mr;
    bool guarded = !mr->disable_reentrancy_guard;
    MemTxResult r;
    unsigned i;

    if (!mr->ops) {
        qemu_log_mask(LOG_GUEST_ERROR,
                      "memory: %s at 0x%" HWADDR_PRIx ", size %u, region '%s'"
                      " offset 0x%" HWADDR_PRIx ": region has no contents\n",
                      access_name(is_write), addr, size, memory_region_name(mr),
                      off);
        if (!is_write) {
            memset(buf, 0, size);
        }
        return MEMTX_DECODE_ERROR;
    }
    if (!memory_region_access_valid(mr, as, addr, off, size, is_write, attrs)) {
        if (!is_write) {
            memset(buf, 0, size);
        }
        return MEMTX_ERROR;
    }
    if (guarded) {
        const char *why = NULL;

        for (i = 0; i < n_engaged_in_io; i++) {
            if (engaged_in_io[i] == key) {
                why = "its device is already in an I/O callback";
            }
        }
        if (!why && n_engaged_in_io == MAX_IO_NESTING) {
            why = "I/O callbacks nested too deep";
        }
        if (why) {
            qemu_log_mask(LOG_GUEST_ERROR,
                          "memory: blocked re-entrant %s at 0x%" HWADDR_PRIx
                          ", size %u, region '%s' offset 0x%" HWADDR_PRIx
                          ": %s\n",
                          access_name(is_write), addr, size,
                          memory_region_name(mr), off, why);
            if (!is_write) {
                memset(buf, 0, size);
            }
            return MEMTX_ACCESS_ERROR;
        }
        engaged_in_io[n_engaged_in_io++] = key;
    }
    /*
     * Hold the owner for the duration, as QEMU does: a callback may unplug
     * its own device, and a split access still needs the region.
     */
    memory_region_ref(mr);
    r = access_with_adjusted_size(mr, off, buf, size, is_write, attrs);
    if (guarded) {
        n_engaged_in_io--;
    }
    memory_region_unref(mr);
    return r;
}

static MemTxResult memory_region_dispatch(MemoryRegion *mr, hwaddr addr,
                                          uint8_t *buf, unsigned size,
                                          bool is_write, MemTxAttrs attrs)
{
    hwaddr offset = addr;

    while (mr->alias) {
        offset += mr->alias_offset;
        mr = mr->alias;
    }
    if (size != 1 && size != 2 && size != 4 && size != 8) {
        memory_bug("access size %u to region '%s'", size,
                   memory_region_name(mr));
    }
    if (mr->ram) {
        if ((u128)offset + size > mr->size) {
            qemu_log_mask(LOG_GUEST_ERROR,
                          "memory: %s beyond the end of region '%s' "
                          "(offset 0x%" HWADDR_PRIx ", size %u)\n",
                          access_name(is_write), memory_region_name(mr), offset,
                          size);
            if (!is_write) {
                memset(buf, 0, size);
            }
            return MEMTX_DECODE_ERROR;
        }
        if (!is_write) {
            memcpy(buf, mr->ram_block + offset, size);
        } else if (!mr->readonly) {
            memcpy(mr->ram_block + offset, buf, size);
        }
        return MEMTX_OK;
    }
    return memory_region_access(mr, NULL, offset, offset, buf, size, is_write,
                                attrs);
}

MemTxResult memory_region_dispatch_read(MemoryRegion *mr, hwaddr addr,
                                        uint64_t *pval, unsigned size,
                                        MemTxAttrs attrs)
{
    uint8_t buf[8];
    MemTxResult r = memory_region_dispatch(mr, addr, buf, size, false, attrs);

    *pval = lanes_to_value(buf, size, false);
    return r;
}

MemTxResult memory_region_dispatch_write(MemoryRegion *mr, hwaddr addr,
                                         uint64_t val, unsigned size,
                                         MemTxAttrs attrs)
{
    uint8_t buf[8];

    lanes_from_value(buf, val, MIN(size, 8), false);
    return memory_region_dispatch(mr, addr, buf, size, true, attrs);
}

/* info mtree */

#define MTREE_INDENT "  "

static const char *memory_region_type(const MemoryRegion *mr)
{
    if (mr->alias) {
        return memory_region_type(mr->alias);
    }
    if (mr->ram && mr->readonly) {
        return "rom";
    }
    if (mr->ram) {
        return "ram";
    }
    return "i/o";
}

/* The last byte of a region of @size (QEMU's MR_SIZE: 0 for size 0). */
static hwaddr mr_size_last(u128 size)
{
    return size ? (hwaddr)(size - 1) : 0;
}

static gint mtree_compare(gconstpointer a, gconstpointer b)
{
    const MemoryRegion *x = *(MemoryRegion *const *)a;
    const MemoryRegion *y = *(MemoryRegion *const *)b;

    if (x->addr != y->addr) {
        return x->addr < y->addr ? -1 : 1;
    }
    return x->priority > y->priority ? -1 : x->priority < y->priority;
}

static void mtree_print_mr(GString *out, const MemoryRegion *mr, unsigned level,
                           hwaddr base, GPtrArray *aliases, bool disabled)
{
    hwaddr start = base + mr->addr;
    hwaddr last = start + mr_size_last(mr->size);
    g_autoptr(GPtrArray) subs = NULL;
    unsigned i;

    if (!mr->enabled && !disabled) {
        return;
    }
    for (i = 0; i < level; i++) {
        g_string_append(out, MTREE_INDENT);
    }
    g_string_append_printf(out, "%016" PRIx64 "-%016" PRIx64 " (prio %d, %s): ",
                           start, last, mr->priority, memory_region_type(mr));
    if (mr->alias) {
        if (!g_ptr_array_find(aliases, mr->alias, NULL)) {
            g_ptr_array_add(aliases, mr->alias);
        }
        g_string_append_printf(out, "alias %s @%s %016" PRIx64 "-%016" PRIx64,
                               memory_region_name(mr),
                               memory_region_name(mr->alias), mr->alias_offset,
                               mr->alias_offset + mr_size_last(mr->size));
    } else {
        g_string_append(out, memory_region_name(mr));
    }
    g_string_append_printf(out, "%s\n", mr->enabled ? "" : " [disabled]");

    subs = g_ptr_array_copy(mr->subregions, NULL, NULL);
    g_ptr_array_sort(subs, mtree_compare);
    for (i = 0; i < subs->len; i++) {
        mtree_print_mr(out, g_ptr_array_index(subs, i), level + 1, start,
                       aliases, disabled);
    }
}

static gint as_compare_name(gconstpointer a, gconstpointer b)
{
    const AddressSpace *x = *(AddressSpace *const *)a;
    const AddressSpace *y = *(AddressSpace *const *)b;

    return strcmp(x->name, y->name);
}

/* Address spaces grouped by root, in order of their first address space. */
static GPtrArray *address_spaces_by_root(void)
{
    GPtrArray *groups =
        g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
    guint i, j;

    for (i = 0; address_spaces && i < address_spaces->len; i++) {
        AddressSpace *as = g_ptr_array_index(address_spaces, i);
        GPtrArray *group = NULL;

        for (j = 0; j < groups->len; j++) {
            GPtrArray *g = g_ptr_array_index(groups, j);
            if (((AddressSpace *)g_ptr_array_index(g, 0))->root == as->root) {
                group = g;
            }
        }
        if (!group) {
            group = g_ptr_array_new();
            g_ptr_array_add(groups, group);
        }
        g_ptr_array_add(group, as);
    }
    for (j = 0; j < groups->len; j++) {
        g_ptr_array_sort(g_ptr_array_index(groups, j), as_compare_name);
    }
    return groups;
}

static void mtree_info_as(GString *out, bool disabled)
{
    g_autoptr(GPtrArray) groups = address_spaces_by_root();
    g_autoptr(GPtrArray) aliases = g_ptr_array_new();
    guint i, j;

    for (i = 0; i < groups->len; i++) {
        GPtrArray *group = g_ptr_array_index(groups, i);
        AddressSpace *first = g_ptr_array_index(group, 0);

        for (j = 0; j < group->len; j++) {
            AddressSpace *as = g_ptr_array_index(group, j);
            g_string_append_printf(out, "address-space: %s\n", as->name);
        }
        if (first->root) {
            mtree_print_mr(out, first->root, 1, 0, aliases, disabled);
        }
        g_string_append(out, "\n");
    }
    /* The alias queue grows while aliased regions are printed. */
    for (i = 0; i < aliases->len; i++) {
        const MemoryRegion *mr = g_ptr_array_index(aliases, i);

        g_string_append_printf(out, "memory-region: %s\n",
                               memory_region_name(mr));
        mtree_print_mr(out, mr, 1, 0, aliases, disabled);
        g_string_append(out, "\n");
    }
}

static void mtree_info_flatview(GString *out)
{
    g_autoptr(GPtrArray) groups = address_spaces_by_root();
    guint i, j, k;

    for (i = 0; i < groups->len; i++) {
        GPtrArray *group = g_ptr_array_index(groups, i);
        AddressSpace *first = g_ptr_array_index(group, 0);
        FlatView *fv = address_space_get_flatview(first);

        g_string_append_printf(out, "FlatView #%u\n", i);
        for (j = 0; j < group->len; j++) {
            AddressSpace *as = g_ptr_array_index(group, j);
            g_string_append_printf(out, " AS \"%s\", root: %s", as->name,
                                   as->root ? memory_region_name(as->root)
                                            : "(none)");
            if (as->root && as->root->alias) {
                g_string_append_printf(out, ", alias %s",
                                       memory_region_name(as->root->alias));
            }
            g_string_append(out, "\n");
        }
        g_string_append_printf(out, " Root memory region: %s\n",
                               fv->root ? memory_region_name(fv->root)
                                        : "(none)");
        if (fv->nr == 0) {
            g_string_append(out, MTREE_INDENT "No rendered FlatView\n\n");
            continue;
        }
        for (k = 0; k < fv->nr; k++) {
            const FlatRange *fr = &fv->ranges[k];

            g_string_append_printf(
                out,
                MTREE_INDENT "%016" PRIx64 "-%016" PRIx64 " (prio %d, %s): %s",
                fr->start, fr->start + mr_size_last(fr->size), fr->mr->priority,
                fr->readonly ? "rom" : memory_region_type(fr->mr),
                memory_region_name(fr->mr));
            if (fr->offset_in_region) {
                g_string_append_printf(out, " @%016" PRIx64,
                                       fr->offset_in_region);
            }
            g_string_append(out, "\n");
        }
        g_string_append(out, "\n");
    }
}

char *mtree_info_text_full(bool flatview, bool disabled)
{
    GString *out = g_string_new("");

    if (flatview) {
        mtree_info_flatview(out);
    } else {
        mtree_info_as(out, disabled);
    }
    return g_string_free(out, false);
}

char *mtree_info_text(bool flatview)
{
    return mtree_info_text_full(flatview, false);
}

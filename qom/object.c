/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * object.c: types, classes, casts, instances, properties and the
 * composition tree of the QEMU Object Model.
 *
 * Typed property helpers live in object-props.c; the visitor-based
 * convenience accessors in qom-qobject.c.
 */
#include "qomu/osdep.h"
#include "qapi/error.h"
#include "qapi/visitor.h"
#include "qobject/qobject.h"
#include "qomu/cutils.h"
#include "qom/object.h"
#include "qom-internal.h"

#define MAX_INTERFACES 32

typedef struct InterfaceImpl {
    const char *typename;
} InterfaceImpl;

typedef struct TypeImpl TypeImpl;

struct TypeImpl {
    char *name;
    size_t class_size;
    size_t instance_size;
    size_t instance_align;

    void (*class_init)(ObjectClass *klass, const void *data);
    void (*class_base_init)(ObjectClass *klass, const void *data);
    const void *class_data;

    void (*instance_init)(Object *obj);
    void (*instance_post_init)(Object *obj);
    void (*instance_finalize)(Object *obj);

    bool abstract;

    char *parent;
    struct TypeImpl *parent_type;

    ObjectClass *class;

    int num_interfaces;
    InterfaceImpl interfaces[MAX_INTERFACES];
};

static Type type_interface;
static long live_objects;

/* Types */

static GHashTable *type_table_get(void)
{
    static GHashTable *type_table;

    if (!type_table) {
        type_table = g_hash_table_new(g_str_hash, g_str_equal);
    }
    return type_table;
}

static TypeImpl *type_table_lookup(const char *name)
{
    return g_hash_table_lookup(type_table_get(), name);
}

static TypeImpl *type_new(const TypeInfo *info)
{
    TypeImpl *ti = g_new0(TypeImpl, 1);
    int i;

    ti->name = g_strdup(info->name);
    ti->parent = g_strdup(info->parent);
    ti->class_size = info->class_size;
    ti->instance_size = info->instance_size;
    ti->instance_align = info->instance_align;
    ti->class_init = info->class_init;
    ti->class_base_init = info->class_base_init;
    ti->class_data = info->class_data;
    ti->instance_init = info->instance_init;
    ti->instance_post_init = info->instance_post_init;
    ti->instance_finalize = info->instance_finalize;
    ti->abstract = info->abstract;

    for (i = 0; info->interfaces && info->interfaces[i].type; i++) {
        g_assert(i < MAX_INTERFACES);
        ti->interfaces[i].typename = g_strdup(info->interfaces[i].type);
    }
    ti->num_interfaces = i;
    return ti;
}

Type type_try_register(const TypeInfo *info, Error **errp)
{
    TypeImpl *ti;

    if (!info->name || !info->name[0]) {
        error_setg(errp, "cannot register a type without a name");
        return NULL;
    }
    if (type_table_lookup(info->name)) {
        error_setg(errp, "type '%s' is already registered", info->name);
        return NULL;
    }
    if (info->parent && !strcmp(info->parent, info->name)) {
        error_setg(errp, "type '%s' cannot be its own parent", info->name);
        return NULL;
    }
    ti = type_new(info);
    g_hash_table_insert(type_table_get(), ti->name, ti);
    return ti;
}

Type type_register_static(const TypeInfo *info)
{
    return type_try_register(info, &error_abort);
}

Type type_register(const TypeInfo *info)
{
    return type_register_static(info);
}

void type_register_static_array(const TypeInfo *infos, int nr_infos)
{
    for (int i = 0; i < nr_infos; i++) {
        type_register_static(&infos[i]);
    }
}

static TypeImpl *type_get_by_name(const char *name)
{
    return name ? type_table_lookup(name) : NULL;
}

static TypeImpl *type_get_parent(TypeImpl *type)
{
    if (!type->parent_type && type->parent) {
        type->parent_type = type_get_by_name(type->parent);
        if (!type->parent_type) {
            fprintf(stderr, "qom: type '%s' has unknown parent type '%s'\n",
                    type->name, type->parent);
            abort();
        }
    }
    return type->parent_type;
}

static bool type_has_parent(TypeImpl *type)
{
    return type->parent != NULL;
}

static size_t type_class_get_size(TypeImpl *ti)
{
    if (ti->class_size) {
        return ti->class_size;
    }
    if (type_has_parent(ti)) {
        return type_class_get_size(type_get_parent(ti));
    }
    return sizeof(ObjectClass);
}

static size_t type_object_get_size(TypeImpl *ti)
{
    if (ti->instance_size) {
        return ti->instance_size;
    }
    if (type_has_parent(ti)) {
        return type_object_get_size(type_get_parent(ti));
    }
    return 0;
}

static bool type_is_ancestor(TypeImpl *type, TypeImpl *target_type)
{
    g_assert(target_type);

    /* Check if target_type is a direct ancestor of type */
    while (type) {
        if (type == target_type) {
            return true;
        }
        type = type_get_parent(type);
    }
    return false;
}

static void type_initialize(TypeImpl *ti);

/*
 * Each implemented interface gets a class of its own, "<type>::<iface>",
 * whose parent is the interface type, so that an interface's class_init
 * defaults can be overridden per implementing type.
 */
static void type_initialize_interface(TypeImpl *ti, TypeImpl *interface_type,
                                      TypeImpl *parent_type)
{
    InterfaceClass *new_iface;
    TypeInfo info = { 0 };
    TypeImpl *iface_impl;
    g_autofree char *name = g_strdup_printf("%s::%s", ti->name,
                                            interface_type->name);

    info.parent = parent_type->name;
    info.name = name;
    info.abstract = true;

    iface_impl = type_new(&info);
    iface_impl->parent_type = parent_type;
    type_initialize(iface_impl);

    new_iface = (InterfaceClass *)iface_impl->class;
    new_iface->concrete_class = ti->class;
    new_iface->interface_type = interface_type;

    ti->class->interfaces = g_slist_append(ti->class->interfaces, new_iface);
}

static void type_initialize(TypeImpl *ti)
{
    TypeImpl *parent;

    if (ti->class) {
        return;
    }

    ti->class_size = type_class_get_size(ti);
    ti->instance_size = type_object_get_size(ti);
    /* Any type with zero instance_size is implicitly abstract. */
    if (ti->instance_size == 0) {
        ti->abstract = true;
    }
    if (type_interface && type_is_ancestor(ti, type_interface)) {
        g_assert(ti->instance_size == 0);
        g_assert(ti->abstract);
        g_assert(!ti->instance_init);
        g_assert(!ti->instance_post_init);
        g_assert(!ti->instance_finalize);
        g_assert(!ti->num_interfaces);
    }
    ti->class = g_malloc0(ti->class_size);

    parent = type_get_parent(ti);
    if (parent) {
        type_initialize(parent);
        g_assert(parent->class_size <= ti->class_size);
        g_assert(parent->instance_size <= ti->instance_size);
        memcpy(ti->class, parent->class, parent->class_size);
        ti->class->interfaces = NULL;

        for (GSList *e = parent->class->interfaces; e; e = e->next) {
            InterfaceClass *iface = e->data;
            ObjectClass *klass = OBJECT_CLASS(iface);

            type_initialize_interface(ti, iface->interface_type,
                                      klass->type);
        }

        for (int i = 0; i < ti->num_interfaces; i++) {
            TypeImpl *t = type_get_by_name(ti->interfaces[i].typename);
            if (!t) {
                fprintf(stderr, "qom: type '%s' implements unknown "
                        "interface '%s'\n", ti->name,
                        ti->interfaces[i].typename);
                abort();
            }
            if (!type_is_ancestor(t, type_interface)) {
                fprintf(stderr, "qom: type '%s' lists '%s' as an interface, "
                        "but it is not one\n", ti->name, t->name);
                abort();
            }
            bool implemented = false;
            for (GSList *e = ti->class->interfaces; e; e = e->next) {
                TypeImpl *target_type = OBJECT_CLASS(e->data)->type;
                if (type_is_ancestor(target_type, t)) {
                    implemented = true;
                    break;
                }
            }
            if (!implemented) {
                type_initialize_interface(ti, t, t);
            }
        }
    }

    memset(ti->class->object_cast_cache, 0,
           sizeof(ti->class->object_cast_cache));
    memset(ti->class->class_cast_cache, 0,
           sizeof(ti->class->class_cast_cache));
    ti->class->properties = g_hash_table_new(g_str_hash, g_str_equal);
    ti->class->prop_order = g_ptr_array_new();
    ti->class->type = ti;

    /* class_base_init of every ancestor, nearest first, as QEMU does. */
    while (parent) {
        if (parent->class_base_init) {
            parent->class_base_init(ti->class, ti->class_data);
        }
        parent = type_get_parent(parent);
    }

    if (ti->class_init) {
        ti->class_init(ti->class, ti->class_data);
    }
}

/* Classes */

ObjectClass *object_class_by_name(const char *typename)
{
    TypeImpl *type = type_get_by_name(typename);

    if (!type) {
        return NULL;
    }
    type_initialize(type);
    return type->class;
}

bool object_type_exists(const char *typename)
{
    return type_get_by_name(typename) != NULL;
}

const char *object_class_get_name(ObjectClass *klass)
{
    return klass->type->name;
}

ObjectClass *object_class_get_parent(ObjectClass *klass)
{
    TypeImpl *type = type_get_parent(klass->type);

    if (!type) {
        return NULL;
    }
    type_initialize(type);
    return type->class;
}

bool object_class_is_abstract(ObjectClass *klass)
{
    return klass->type->abstract;
}

ObjectClass *object_class_dynamic_cast(ObjectClass *klass,
                                       const char *typename)
{
    ObjectClass *ret = NULL;
    TypeImpl *target_type;
    TypeImpl *type;

    if (!klass) {
        return NULL;
    }

    /* A simple fast path that can trigger a lot for leaf classes. */
    type = klass->type;
    if (type->name == typename || !strcmp(type->name, typename)) {
        return klass;
    }

    target_type = type_get_by_name(typename);
    if (!target_type) {
        return NULL;
    }

    if (klass->interfaces && type_is_ancestor(target_type, type_interface)) {
        int found = 0;

        for (GSList *i = klass->interfaces; i; i = i->next) {
            ObjectClass *target_class = i->data;
            if (type_is_ancestor(target_class->type, target_type)) {
                ret = target_class;
                found++;
            }
        }
        /* The match should be unique: two would make the cast ambiguous. */
        if (found > 1) {
            ret = NULL;
        }
    } else if (type_is_ancestor(type, target_type)) {
        ret = klass;
    }
    return ret;
}

static bool cast_cache_lookup(const char **cache, const char *typename)
{
    for (int i = 0; i < OBJECT_CLASS_CAST_CACHE; i++) {
        if (cache[i] == typename) {
            return true;
        }
    }
    return false;
}

/* Most recent first; the names are the callers' TYPE_* string literals. */
static void cast_cache_insert(const char **cache, const char *typename)
{
    for (int i = OBJECT_CLASS_CAST_CACHE - 1; i > 0; i--) {
        cache[i] = cache[i - 1];
    }
    cache[0] = typename;
}

ObjectClass *object_class_dynamic_cast_assert(ObjectClass *klass,
                                              const char *typename,
                                              const char *file, int line,
                                              const char *func)
{
    ObjectClass *ret;

    if (!klass || !klass->interfaces) {
        if (klass && cast_cache_lookup(klass->class_cast_cache, typename)) {
            return klass;
        }
    }
    ret = object_class_dynamic_cast(klass, typename);
    if (!ret && klass) {
        fprintf(stderr, "%s:%d:%s: class '%s' is not of type '%s'\n",
                file, line, func, klass->type->name, typename);
        abort();
    }
    if (klass && ret == klass) {
        cast_cache_insert(klass->class_cast_cache, typename);
    }
    return ret;
}

typedef struct OCFData {
    void (*fn)(ObjectClass *klass, void *opaque);
    const char *implements_type;
    bool include_abstract;
    void *opaque;
} OCFData;

static gint compare_type_names(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

const char **object_type_get_names(void)
{
    GHashTable *t = type_table_get();
    guint n = 0;
    const char **names = (const char **)g_hash_table_get_keys_as_array(t, &n);

    qsort(names, n, sizeof(char *), compare_type_names);
    return names;
}

void object_class_foreach(void (*fn)(ObjectClass *klass, void *opaque),
                          const char *implements_type, bool include_abstract,
                          void *opaque)
{
    g_autofree const char **names = object_type_get_names();

    for (int i = 0; names[i]; i++) {
        ObjectClass *k = object_class_by_name(names[i]);

        if (implements_type && !object_class_dynamic_cast(k,
                                                          implements_type)) {
            continue;
        }
        if (!include_abstract && k->type->abstract) {
            continue;
        }
        fn(k, opaque);
    }
}

static void add_to_list(ObjectClass *klass, void *opaque)
{
    GSList **list = opaque;

    *list = g_slist_prepend(*list, klass);
}

GSList *object_class_get_list(const char *implements_type,
                              bool include_abstract)
{
    GSList *list = NULL;

    object_class_foreach(add_to_list, implements_type, include_abstract,
                         &list);
    return g_slist_reverse(list);
}

GSList *object_class_get_list_sorted(const char *implements_type,
                                     bool include_abstract)
{
    return object_class_get_list(implements_type, include_abstract);
}

bool object_class_implements(const char *typename,
                             const char *implements_type)
{
    ObjectClass *k = object_class_by_name(typename);

    return k && object_class_dynamic_cast(k, implements_type);
}

/* Instances */

static void object_init_with_type(Object *obj, TypeImpl *ti)
{
    if (type_has_parent(ti)) {
        object_init_with_type(obj, type_get_parent(ti));
    }
    if (ti->instance_init) {
        ti->instance_init(obj);
    }
}

/* Like QEMU: the leaf's instance_post_init runs first, then its parent's. */
static void object_post_init_with_type(Object *obj, TypeImpl *ti)
{
    if (ti->instance_post_init) {
        ti->instance_post_init(obj);
    }
    if (type_has_parent(ti)) {
        object_post_init_with_type(obj, type_get_parent(ti));
    }
}

static void object_class_property_init_all(Object *obj)
{
    ObjectPropertyIterator iter;
    ObjectProperty *prop;

    object_class_property_iter_init(&iter, object_get_class(obj));
    while ((prop = object_property_iter_next(&iter))) {
        if (prop->init) {
            prop->init(obj, prop);
        }
    }
}

static void object_initialize_with_type(Object *obj, size_t size,
                                        TypeImpl *type)
{
    type_initialize(type);

    g_assert(type->instance_size >= sizeof(Object));
    if (type->abstract) {
        fprintf(stderr, "qom: cannot create an instance of abstract type "
                "'%s'\n", type->name);
        abort();
    }
    g_assert(size >= type->instance_size);

    memset(obj, 0, type->instance_size);
    obj->class = type->class;
    obj->ref = 1;
    obj->properties = g_hash_table_new(g_str_hash, g_str_equal);
    obj->prop_order = g_ptr_array_new();
    live_objects++;
    object_class_property_init_all(obj);
    object_init_with_type(obj, type);
    object_post_init_with_type(obj, type);
}

void object_initialize(void *data, size_t size, const char *typename)
{
    TypeImpl *type = type_get_by_name(typename);

    if (!type) {
        fprintf(stderr, "qom: missing object type '%s'\n", typename);
        abort();
    }
    object_initialize_with_type(data, size, type);
}

void object_initialize_child_internal(Object *parent, const char *propname,
                                      void *childobj, size_t size,
                                      const char *type)
{
    Object *obj = childobj;

    object_initialize(childobj, size, type);
    object_property_add_child(parent, propname, obj);
    /*
     * The child property took a reference; drop object_initialize's so the
     * parent holds the only one and unparenting finalises the child.
     */
    object_unref(obj);
}

static void object_free_aligned(void *p)
{
    free(p);
}

static Object *object_new_with_type(TypeImpl *type)
{
    Object *obj;
    size_t size, align;
    ObjectFree *obj_free;

    g_assert(type != NULL);
    type_initialize(type);

    size = type->instance_size;
    align = type->instance_align;
    if (likely(align <= __alignof__(max_align_t))) {
        obj = g_malloc(size);
        obj_free = g_free;
    } else {
        void *p = NULL;
        if (posix_memalign(&p, align, size)) {
            g_error("qom: out of memory allocating '%s'", type->name);
        }
        obj = p;
        obj_free = object_free_aligned;
    }
    object_initialize_with_type(obj, size, type);
    obj->free = obj_free;
    return obj;
}

Object *object_new_with_class(ObjectClass *klass)
{
    return object_new_with_type(klass->type);
}

Object *object_new(const char *typename)
{
    TypeImpl *ti = type_get_by_name(typename);

    if (!ti) {
        fprintf(stderr, "qom: missing object type '%s'\n", typename);
        abort();
    }
    return object_new_with_type(ti);
}

static void object_property_free(ObjectProperty *prop)
{
    g_free(prop->name);
    g_free(prop->type);
    g_free(prop->description);
    qobject_unref(prop->defval);
    g_free(prop);
}

/*
 * Properties are released newest first, so children created last are
 * finalised first: teardown mirrors construction.
 */
static void object_property_del_all(Object *obj)
{
    ObjectPropertyIterator iter;
    ObjectProperty *prop;

    while (obj->prop_order->len) {
        prop = g_ptr_array_index(obj->prop_order, obj->prop_order->len - 1);
        g_ptr_array_remove_index(obj->prop_order, obj->prop_order->len - 1);
        g_hash_table_remove(obj->properties, prop->name);
        if (prop->release) {
            prop->release(obj, prop->name, prop->opaque);
        }
        object_property_free(prop);
    }
    /* Class properties may hold per-instance state too (strong links). */
    object_class_property_iter_init(&iter, obj->class);
    while ((prop = object_property_iter_next(&iter))) {
        if (prop->release) {
            prop->release(obj, prop->name, prop->opaque);
        }
    }
}

static void object_deinit(Object *obj, TypeImpl *type)
{
    if (type->instance_finalize) {
        type->instance_finalize(obj);
    }
    if (type_has_parent(type)) {
        object_deinit(obj, type_get_parent(type));
    }
}

static void object_finalize(void *data)
{
    Object *obj = data;
    TypeImpl *ti = obj->class->type;

    object_property_del_all(obj);
    object_deinit(obj, ti);

    g_assert(obj->ref == 0);
    g_assert(obj->parent == NULL);
    g_hash_table_unref(obj->properties);
    g_ptr_array_free(obj->prop_order, TRUE);
    live_objects--;
    if (obj->free) {
        obj->free(obj);
    }
}

Object *object_dynamic_cast(Object *obj, const char *typename)
{
    if (obj && object_class_dynamic_cast(object_get_class(obj), typename)) {
        return obj;
    }
    return NULL;
}

Object *object_dynamic_cast_assert(Object *obj, const char *typename,
                                   const char *file, int line,
                                   const char *func)
{
    if (!obj) {
        return NULL;
    }
    if (cast_cache_lookup(obj->class->object_cast_cache, typename)) {
        return obj;
    }
    if (!object_dynamic_cast(obj, typename)) {
        fprintf(stderr, "%s:%d:%s: object %p of type '%s' is not an "
                "instance of '%s'\n", file, line, func, (void *)obj,
                object_get_typename(obj), typename);
        abort();
    }
    cast_cache_insert(obj->class->object_cast_cache, typename);
    return obj;
}

ObjectClass *object_get_class(Object *obj)
{
    return obj->class;
}

const char *object_get_typename(const Object *obj)
{
    return obj->class->type->name;
}

Object *object_ref(void *objptr)
{
    Object *obj = OBJECT(objptr);

    if (!obj) {
        return NULL;
    }
    g_assert(obj->ref > 0);
    obj->ref++;
    return obj;
}

void object_unref(void *objptr)
{
    Object *obj = OBJECT(objptr);

    if (!obj) {
        return;
    }
    g_assert(obj->ref > 0);
    if (--obj->ref == 0) {
        object_finalize(obj);
    }
}

uint32_t object_get_ref_count(Object *obj)
{
    return obj->ref;
}

long object_live_count(void)
{
    return live_objects;
}

/* Properties */

static ObjectProperty *property_add_common(GHashTable *table,
                                           GPtrArray *order,
                                           const char *name,
                                           const char *type,
                                           ObjectPropertyAccessor *get,
                                           ObjectPropertyAccessor *set,
                                           ObjectPropertyRelease *release,
                                           void *opaque)
{
    ObjectProperty *prop = g_new0(ObjectProperty, 1);

    prop->name = g_strdup(name);
    prop->type = g_strdup(type);
    prop->get = get;
    prop->set = set;
    prop->release = release;
    prop->opaque = opaque;
    g_hash_table_insert(table, prop->name, prop);
    g_ptr_array_add(order, prop);
    return prop;
}

ObjectProperty *object_property_try_add(Object *obj, const char *name,
                                        const char *type,
                                        ObjectPropertyAccessor *get,
                                        ObjectPropertyAccessor *set,
                                        ObjectPropertyRelease *release,
                                        void *opaque, Error **errp)
{
    size_t name_len = strlen(name);

    if (name_len >= 3 && !memcmp(name + name_len - 3, "[*]", 4)) {
        g_autofree char *base = g_strndup(name, name_len - 3);

        for (int i = 0; i < INT_MAX; i++) {
            g_autofree char *full_name = g_strdup_printf("%s[%d]", base, i);

            if (!object_property_find(obj, full_name)) {
                return object_property_try_add(obj, full_name, type, get,
                                               set, release, opaque, errp);
            }
        }
        g_assert_not_reached();
    }

    if (object_property_find(obj, name)) {
        error_setg(errp, "attempt to add duplicate property '%s' to object "
                   "(type '%s')", name, object_get_typename(obj));
        return NULL;
    }
    return property_add_common(obj->properties, obj->prop_order, name, type,
                               get, set, release, opaque);
}

ObjectProperty *object_property_add(Object *obj, const char *name,
                                    const char *type,
                                    ObjectPropertyAccessor *get,
                                    ObjectPropertyAccessor *set,
                                    ObjectPropertyRelease *release,
                                    void *opaque)
{
    return object_property_try_add(obj, name, type, get, set, release,
                                   opaque, &error_abort);
}

ObjectProperty *object_class_property_add(ObjectClass *klass,
                                          const char *name, const char *type,
                                          ObjectPropertyAccessor *get,
                                          ObjectPropertyAccessor *set,
                                          ObjectPropertyRelease *release,
                                          void *opaque)
{
    if (object_class_property_find(klass, name)) {
        fprintf(stderr, "qom: attempt to add duplicate property '%s' to "
                "class (type '%s')\n", name, object_class_get_name(klass));
        abort();
    }
    return property_add_common(klass->properties, klass->prop_order, name,
                               type, get, set, release, opaque);
}

ObjectProperty *object_class_property_find(ObjectClass *klass,
                                           const char *name)
{
    for (; klass; klass = object_class_get_parent(klass)) {
        ObjectProperty *prop = g_hash_table_lookup(klass->properties, name);
        if (prop) {
            return prop;
        }
    }
    return NULL;
}

ObjectProperty *object_property_find(Object *obj, const char *name)
{
    ObjectProperty *prop = object_class_property_find(obj->class, name);

    if (prop) {
        return prop;
    }
    return g_hash_table_lookup(obj->properties, name);
}

ObjectProperty *object_property_find_err(Object *obj, const char *name,
                                         Error **errp)
{
    ObjectProperty *prop = object_property_find(obj, name);

    if (!prop) {
        g_autoptr(GPtrArray) names = g_ptr_array_new();
        ObjectPropertyIterator iter;
        ObjectProperty *p;
        const char *guess;

        error_setg(errp, "Property '%s.%s' not found",
                   object_get_typename(obj), name);
        object_property_iter_init(&iter, obj);
        while ((p = object_property_iter_next(&iter))) {
            g_ptr_array_add(names, p->name);
        }
        g_ptr_array_add(names, NULL);
        guess = qemu_suggest(name, (const char *const *)names->pdata);
        if (guess && errp) {
            error_append_hint(errp, "Did you mean '%s'?\n", guess);
        }
    }
    return prop;
}

void object_property_iter_init(ObjectPropertyIterator *iter, Object *obj)
{
    iter->props = obj->prop_order;
    iter->index = 0;
    iter->nextclass = object_get_class(obj);
}

void object_class_property_iter_init(ObjectPropertyIterator *iter,
                                     ObjectClass *klass)
{
    iter->props = NULL;
    iter->index = 0;
    iter->nextclass = klass;
}

ObjectProperty *object_property_iter_next(ObjectPropertyIterator *iter)
{
    for (;;) {
        if (iter->props && iter->index < iter->props->len) {
            return g_ptr_array_index(iter->props, iter->index++);
        }
        if (!iter->nextclass) {
            return NULL;
        }
        iter->props = iter->nextclass->prop_order;
        iter->index = 0;
        iter->nextclass = object_class_get_parent(iter->nextclass);
    }
}

void object_property_del(Object *obj, const char *name)
{
    ObjectProperty *prop = g_hash_table_lookup(obj->properties, name);

    if (!prop) {
        return;
    }
    g_hash_table_remove(obj->properties, name);
    g_ptr_array_remove(obj->prop_order, prop);
    if (prop->release) {
        prop->release(obj, prop->name, prop->opaque);
    }
    object_property_free(prop);
}

void object_property_set_description(Object *obj, const char *name,
                                     const char *description)
{
    ObjectProperty *op = object_property_find(obj, name);

    g_assert(op);
    g_free(op->description);
    op->description = g_strdup(description);
}

void object_class_property_set_description(ObjectClass *klass,
                                           const char *name,
                                           const char *description)
{
    ObjectProperty *op = g_hash_table_lookup(klass->properties, name);

    g_assert(op);
    g_free(op->description);
    op->description = g_strdup(description);
}

bool object_property_get(Object *obj, const char *name, Visitor *v,
                         Error **errp)
{
    ERRP_GUARD();
    ObjectProperty *prop = object_property_find_err(obj, name, errp);

    if (!prop) {
        return false;
    }
    if (!prop->get) {
        error_setg(errp, "Property '%s.%s' is not readable",
                   object_get_typename(obj), name);
        return false;
    }
    prop->get(obj, v, name, prop->opaque, errp);
    return !*errp;
}

bool object_property_set(Object *obj, const char *name, Visitor *v,
                         Error **errp)
{
    ERRP_GUARD();
    ObjectProperty *prop = object_property_find_err(obj, name, errp);

    if (!prop) {
        return false;
    }
    if (!prop->set) {
        error_setg(errp, "Property '%s.%s' is read-only",
                   object_get_typename(obj), name);
        return false;
    }
    prop->set(obj, v, name, prop->opaque, errp);
    return !*errp;
}

const char *object_property_get_type(Object *obj, const char *name,
                                     Error **errp)
{
    ObjectProperty *prop = object_property_find_err(obj, name, errp);

    return prop ? prop->type : NULL;
}

bool object_property_is_child(ObjectProperty *prop)
{
    return g_str_has_prefix(prop->type, "child<");
}

bool object_property_is_link(ObjectProperty *prop)
{
    return g_str_has_prefix(prop->type, "link<");
}

/* The composition tree */

static void object_get_child_property(Object *obj, Visitor *v,
                                      const char *name, void *opaque,
                                      Error **errp)
{
    Object *child = opaque;
    g_autofree char *path = object_get_canonical_path(child);

    visit_type_str(v, name, &path, errp);
}

static Object *object_resolve_child_property(Object *parent, void *opaque,
                                             const char *part)
{
    return opaque;
}

static void object_finalize_child_property(Object *obj, const char *name,
                                           void *opaque)
{
    Object *child = opaque;

    if (child->class->unparent) {
        (child->class->unparent)(child);
    }
    child->parent = NULL;
    object_unref(child);
}

ObjectProperty *object_property_try_add_child(Object *obj, const char *name,
                                              Object *child, Error **errp)
{
    g_autofree char *type = NULL;
    ObjectProperty *op;

    g_assert(!child->parent);

    type = g_strdup_printf("child<%s>", object_get_typename(child));
    op = object_property_try_add(obj, name, type, object_get_child_property,
                                 NULL, object_finalize_child_property, child,
                                 errp);
    if (!op) {
        return NULL;
    }
    op->resolve = object_resolve_child_property;
    object_ref(child);
    child->parent = obj;
    return op;
}

ObjectProperty *object_property_add_child(Object *obj, const char *name,
                                          Object *child)
{
    return object_property_try_add_child(obj, name, child, &error_abort);
}

static ObjectProperty *object_property_find_child(Object *obj,
                                                  const Object *child)
{
    for (guint i = 0; i < obj->prop_order->len; i++) {
        ObjectProperty *prop = g_ptr_array_index(obj->prop_order, i);

        if (object_property_is_child(prop) && prop->opaque == child) {
            return prop;
        }
    }
    return NULL;
}

void object_unparent(Object *obj)
{
    if (obj->parent) {
        ObjectProperty *prop = object_property_find_child(obj->parent, obj);

        g_assert(prop);
        object_property_del(obj->parent, prop->name);
    }
}

Object *object_get_parent(Object *obj)
{
    return obj->parent;
}

const char *object_get_canonical_path_component(const Object *obj)
{
    ObjectProperty *prop;

    if (!obj->parent) {
        return NULL;
    }
    prop = object_property_find_child(obj->parent, obj);
    g_assert(prop);
    return prop->name;
}

char *object_get_canonical_path(const Object *obj)
{
    Object *root = object_get_root();
    GString *path;

    if (obj == root) {
        return g_strdup("/");
    }
    path = g_string_new(NULL);
    do {
        const char *component = object_get_canonical_path_component(obj);

        if (!component) {
            /* Not under the root: there is no canonical path. */
            g_string_free(path, TRUE);
            return NULL;
        }
        g_string_prepend(path, component);
        g_string_prepend_c(path, '/');
        obj = obj->parent;
    } while (obj != root);

    return g_string_free(path, FALSE);
}

Object *object_resolve_path_component(Object *parent, const char *part)
{
    ObjectProperty *prop = object_property_find(parent, part);

    if (!prop || !prop->resolve) {
        return NULL;
    }
    return prop->resolve(parent, prop->opaque, part);
}

static Object *object_resolve_abs_path(Object *parent, char **parts,
                                       const char *typename)
{
    Object *child;

    if (!*parts) {
        return object_dynamic_cast(parent, typename);
    }
    if (!strcmp(*parts, "")) {
        return object_resolve_abs_path(parent, parts + 1, typename);
    }
    child = object_resolve_path_component(parent, *parts);
    if (!child) {
        return NULL;
    }
    return object_resolve_abs_path(child, parts + 1, typename);
}

/*
 * A partial path matches every place in the tree where it can be resolved
 * as an absolute path starting there; more than one match is ambiguous.
 */
static Object *object_resolve_partial_path(Object *parent, char **parts,
                                           const char *typename,
                                           bool *ambiguous)
{
    Object *obj = object_resolve_abs_path(parent, parts, typename);

    for (guint i = 0; i < parent->prop_order->len; i++) {
        ObjectProperty *prop = g_ptr_array_index(parent->prop_order, i);
        Object *found;

        if (!object_property_is_child(prop)) {
            continue;
        }
        found = object_resolve_partial_path(prop->opaque, parts, typename,
                                            ambiguous);
        if (found) {
            if (obj) {
                *ambiguous = true;
                return NULL;
            }
            obj = found;
        }
        if (*ambiguous) {
            return NULL;
        }
    }
    return obj;
}

Object *object_resolve_path_type(const char *path, const char *typename,
                                 bool *ambiguousp)
{
    g_auto(GStrv) parts = NULL;
    Object *obj;

    if (!typename) {
        typename = TYPE_OBJECT;
    }
    if (ambiguousp) {
        *ambiguousp = false;
    }
    if (!path || !path[0]) {
        return NULL;
    }
    parts = g_strsplit(path, "/", 0);
    g_assert(parts);

    if (parts[0] == NULL || strcmp(parts[0], "") != 0) {
        bool ambiguous = false;

        obj = object_resolve_partial_path(object_get_root(), parts, typename,
                                          &ambiguous);
        if (ambiguousp) {
            *ambiguousp = ambiguous;
        }
    } else {
        obj = object_resolve_abs_path(object_get_root(), parts + 1,
                                      typename);
    }
    return obj;
}

Object *object_resolve_path(const char *path, bool *ambiguous)
{
    return object_resolve_path_type(path, TYPE_OBJECT, ambiguous);
}

Object *object_resolve_path_at(Object *parent, const char *path)
{
    g_auto(GStrv) parts = g_strsplit(path, "/", 0);

    if (*path == '/') {
        return object_resolve_abs_path(object_get_root(), parts + 1,
                                       TYPE_OBJECT);
    }
    return object_resolve_abs_path(parent, parts, TYPE_OBJECT);
}

/*
 * Iterate over a snapshot, holding a reference on each child, so that @fn
 * may unparent the child it is given.
 */
static int do_object_child_foreach(Object *obj,
                                   int (*fn)(Object *child, void *opaque),
                                   void *opaque, bool recurse)
{
    g_autoptr(GPtrArray) children = g_ptr_array_new();
    int ret = 0;

    for (guint i = 0; i < obj->prop_order->len; i++) {
        ObjectProperty *prop = g_ptr_array_index(obj->prop_order, i);

        if (object_property_is_child(prop)) {
            g_ptr_array_add(children, object_ref(prop->opaque));
        }
    }
    for (guint i = 0; i < children->len; i++) {
        Object *child = g_ptr_array_index(children, i);

        if (!ret) {
            ret = fn(child, opaque);
            if (!ret && recurse) {
                ret = do_object_child_foreach(child, fn, opaque, true);
            }
        }
        object_unref(child);
    }
    return ret;
}

int object_child_foreach(Object *obj, int (*fn)(Object *child, void *opaque),
                         void *opaque)
{
    return do_object_child_foreach(obj, fn, opaque, false);
}

int object_child_foreach_recursive(Object *obj,
                                   int (*fn)(Object *child, void *opaque),
                                   void *opaque)
{
    return do_object_child_foreach(obj, fn, opaque, true);
}

static Object *root_object;

Object *object_get_root(void)
{
    if (!root_object) {
        root_object = object_new(TYPE_CONTAINER);
    }
    return root_object;
}

Object *object_get_objects_root(void)
{
    return container_get(object_get_root(), "/objects");
}

void object_root_cleanup(void)
{
    Object *root = root_object;

    if (!root) {
        return;
    }
    /* Unparent children first so their unparent hooks run with a root. */
    while (root->prop_order->len) {
        ObjectProperty *prop =
            g_ptr_array_index(root->prop_order, root->prop_order->len - 1);
        object_property_del(root, prop->name);
    }
    root_object = NULL;
    object_unref(root);
}

/* The base types */

static void object_class_init(ObjectClass *klass, const void *data)
{
    object_class_property_add_str(klass, "type", qom_get_type, NULL);
    object_class_property_set_description(klass, "type",
                                          "the object's type name");
}

static void register_types(void)
{
    static const TypeInfo interface_info = {
        .name = TYPE_INTERFACE,
        .class_size = sizeof(InterfaceClass),
        .abstract = true,
    };
    static const TypeInfo object_info = {
        .name = TYPE_OBJECT,
        .instance_size = sizeof(Object),
        .class_init = object_class_init,
        .abstract = true,
    };

    type_interface = type_register_static(&interface_info);
    type_register_static(&object_info);
}

type_init(register_types)

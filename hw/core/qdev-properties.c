/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qdev-properties.c: static device properties (the Property tables) and
 * global defaults (-global).
 */
#include "qomu/osdep.h"
#include "qomu/cutils.h"
#include "qapi/error.h"
#include "qapi/visitor.h"
#include "qobject/qlist.h"
#include "hw/qdev-properties.h"
#include "qdev-internal.h"

void *object_field_prop_ptr(Object *obj, const Property *prop)
{
    /* Integer arithmetic: array elements live outside the object. */
    return (void *)((uintptr_t)obj + (uintptr_t)prop->offset);
}

void qdev_prop_set_after_realize(DeviceState *dev, const char *name,
                                 Error **errp)
{
    const char *who = dev->id ? dev->id : dev->canonical_path;
    g_autofree char *path = NULL;

    if (!who) {
        path = object_get_canonical_path(OBJECT(dev));
        who = path ? path : "(not in the tree)";
    }
    error_setg(errp,
               "property '%s' of device '%s' (type '%s') cannot be "
               "changed after it was realized",
               name, who, object_get_typename(OBJECT(dev)));
}

static bool qdev_prop_allow_set(Object *obj, const char *name,
                                const PropertyInfo *info, Error **errp)
{
    DeviceState *dev = DEVICE(obj);

    if (dev->realized && !info->realized_set_allowed) {
        qdev_prop_set_after_realize(dev, name, errp);
        return false;
    }
    return true;
}

void qdev_prop_allow_set_link_before_realize(const Object *obj,
                                             const char *name, Object *val,
                                             Error **errp)
{
    DeviceState *dev = DEVICE(obj);

    if (dev->realized) {
        qdev_prop_set_after_realize(dev, name, errp);
    }
}

static void field_prop_get(Object *obj, Visitor *v, const char *name,
                           void *opaque, Error **errp)
{
    const Property *prop = opaque;

    prop->info->get(obj, v, name, opaque, errp);
}

static void field_prop_set(Object *obj, Visitor *v, const char *name,
                           void *opaque, Error **errp)
{
    const Property *prop = opaque;

    if (!qdev_prop_allow_set(obj, name, prop->info, errp)) {
        return;
    }
    prop->info->set(obj, v, name, opaque, errp);
}

static void field_prop_release(Object *obj, const char *name, void *opaque)
{
    const Property *prop = opaque;

    prop->info->release(obj, name, opaque);
}

/* Defaults */

void qdev_propinfo_set_default_value_enum(ObjectProperty *op,
                                          const Property *prop)
{
    object_property_set_default_str(
        op, qapi_enum_lookup(prop->info->enum_table, prop->defval.i));
}

void qdev_propinfo_set_default_value_int(ObjectProperty *op,
                                         const Property *prop)
{
    object_property_set_default_int(op, prop->defval.i);
}

void qdev_propinfo_set_default_value_uint(ObjectProperty *op,
                                          const Property *prop)
{
    object_property_set_default_uint(op, prop->defval.u);
}

static void set_default_value_bool(ObjectProperty *op, const Property *prop)
{
    object_property_set_default_bool(op, prop->defval.u);
}

/* Enums */

void qdev_propinfo_get_enum(Object *obj, Visitor *v, const char *name,
                            void *opaque, Error **errp)
{
    const Property *prop = opaque;
    int *ptr = object_field_prop_ptr(obj, prop);

    visit_type_enum(v, name, ptr, prop->info->enum_table, errp);
}

void qdev_propinfo_set_enum(Object *obj, Visitor *v, const char *name,
                            void *opaque, Error **errp)
{
    const Property *prop = opaque;
    int *ptr = object_field_prop_ptr(obj, prop);

    visit_type_enum(v, name, ptr, prop->info->enum_table, errp);
}

const PropertyInfo qdev_prop_on_off_auto = {
    .type = "OnOffAuto",
    .description = "on/off/auto",
    .enum_table = &OnOffAuto_lookup,
    .get = qdev_propinfo_get_enum,
    .set = qdev_propinfo_set_enum,
    .set_default_value = qdev_propinfo_set_default_value_enum,
};

/* Bits */

/* Bit @bitnr of a uint32_t (qdev_prop_bit) or uint64_t (bit64) field. */
#define DEFINE_BIT_PROP(_name, _ctype)                                         \
    static void prop_get_##_name(Object *obj, Visitor *v, const char *name,    \
                                 void *opaque, Error **errp)                   \
    {                                                                          \
        const Property *prop = opaque;                                         \
        _ctype *p = object_field_prop_ptr(obj, prop);                          \
        bool value = (*p >> prop->bitnr) & 1;                                  \
        visit_type_bool(v, name, &value, errp);                                \
    }                                                                          \
    static void prop_set_##_name(Object *obj, Visitor *v, const char *name,    \
                                 void *opaque, Error **errp)                   \
    {                                                                          \
        const Property *prop = opaque;                                         \
        _ctype *p = object_field_prop_ptr(obj, prop);                          \
        _ctype mask = (_ctype)1 << prop->bitnr;                                \
        bool value;                                                            \
        if (visit_type_bool(v, name, &value, errp)) {                          \
            *p = value ? *p | mask : *p & ~mask;                               \
        }                                                                      \
    }                                                                          \
    const PropertyInfo qdev_prop_##_name = {                                   \
        .type = "bool",                                                        \
        .description = "on/off",                                               \
        .get = prop_get_##_name,                                               \
        .set = prop_set_##_name,                                               \
        .set_default_value = set_default_value_bool,                           \
    };

DEFINE_BIT_PROP(bit, uint32_t)
DEFINE_BIT_PROP(bit64, uint64_t)

/* Scalars: the visitor does the parsing and the range checks. */

#define DEFINE_SCALAR_ACCESSORS(_name, _ctype, _visit)                         \
    static void prop_get_##_name(Object *obj, Visitor *v, const char *name,    \
                                 void *opaque, Error **errp)                   \
    {                                                                          \
        _ctype *ptr = object_field_prop_ptr(obj, opaque);                      \
        _visit(v, name, ptr, errp);                                            \
    }                                                                          \
    static void prop_set_##_name(Object *obj, Visitor *v, const char *name,    \
                                 void *opaque, Error **errp)                   \
    {                                                                          \
        _ctype *ptr = object_field_prop_ptr(obj, opaque);                      \
        _ctype value;                                                          \
        if (_visit(v, name, &value, errp)) {                                   \
            *ptr = value;                                                      \
        }                                                                      \
    }

DEFINE_SCALAR_ACCESSORS(bool, bool, visit_type_bool)
DEFINE_SCALAR_ACCESSORS(uint8, uint8_t, visit_type_uint8)
DEFINE_SCALAR_ACCESSORS(uint16, uint16_t, visit_type_uint16)
DEFINE_SCALAR_ACCESSORS(uint32, uint32_t, visit_type_uint32)
DEFINE_SCALAR_ACCESSORS(int32, int32_t, visit_type_int32)
DEFINE_SCALAR_ACCESSORS(uint64, uint64_t, visit_type_uint64)
DEFINE_SCALAR_ACCESSORS(int64, int64_t, visit_type_int64)
DEFINE_SCALAR_ACCESSORS(size, uint64_t, visit_type_size)

void qdev_propinfo_get_int32(Object *obj, Visitor *v, const char *name,
                             void *opaque, Error **errp)
{
    prop_get_int32(obj, v, name, opaque, errp);
}

void qdev_propinfo_get_uint32(Object *obj, Visitor *v, const char *name,
                              void *opaque, Error **errp)
{
    prop_get_uint32(obj, v, name, opaque, errp);
}

const PropertyInfo qdev_prop_bool = {
    .type = "bool",
    .description = "on/off",
    .get = prop_get_bool,
    .set = prop_set_bool,
    .set_default_value = set_default_value_bool,
};

const PropertyInfo qdev_prop_uint8 = {
    .type = "uint8",
    .get = prop_get_uint8,
    .set = prop_set_uint8,
    .set_default_value = qdev_propinfo_set_default_value_uint,
};

const PropertyInfo qdev_prop_uint16 = {
    .type = "uint16",
    .get = prop_get_uint16,
    .set = prop_set_uint16,
    .set_default_value = qdev_propinfo_set_default_value_uint,
};

const PropertyInfo qdev_prop_uint32 = {
    .type = "uint32",
    .get = prop_get_uint32,
    .set = prop_set_uint32,
    .set_default_value = qdev_propinfo_set_default_value_uint,
};

const PropertyInfo qdev_prop_int32 = {
    .type = "int32",
    .get = prop_get_int32,
    .set = prop_set_int32,
    .set_default_value = qdev_propinfo_set_default_value_int,
};

const PropertyInfo qdev_prop_uint64 = {
    .type = "uint64",
    .get = prop_get_uint64,
    .set = prop_set_uint64,
    .set_default_value = qdev_propinfo_set_default_value_uint,
};

const PropertyInfo qdev_prop_uint64_checkmask = {
    .type = "uint64",
    .get = prop_get_uint64,
    .set = prop_set_uint64,
    .set_default_value = qdev_propinfo_set_default_value_uint,
};

const PropertyInfo qdev_prop_int64 = {
    .type = "int64",
    .get = prop_get_int64,
    .set = prop_set_int64,
    .set_default_value = qdev_propinfo_set_default_value_int,
};

const PropertyInfo qdev_prop_size = {
    .type = "size",
    .get = prop_get_size,
    .set = prop_set_size,
    .set_default_value = qdev_propinfo_set_default_value_uint,
};

/* Strings */

static void prop_get_string(Object *obj, Visitor *v, const char *name,
                            void *opaque, Error **errp)
{
    char **ptr = object_field_prop_ptr(obj, opaque);
    char *str = *ptr ? *ptr : (char *)"";

    visit_type_str(v, name, &str, errp);
}

static void prop_set_string(Object *obj, Visitor *v, const char *name,
                            void *opaque, Error **errp)
{
    char **ptr = object_field_prop_ptr(obj, opaque);
    char *str;

    if (!visit_type_str(v, name, &str, errp)) {
        return;
    }
    g_free(*ptr);
    *ptr = str;
}

static void prop_release_string(Object *obj, const char *name, void *opaque)
{
    char **ptr = object_field_prop_ptr(obj, opaque);

    g_free(*ptr);
    *ptr = NULL;
}

const PropertyInfo qdev_prop_string = {
    .type = "str",
    .get = prop_get_string,
    .set = prop_set_string,
    .release = prop_release_string,
};

/* Links */

static ObjectProperty *create_link_property(ObjectClass *oc, const char *name,
                                            const Property *prop)
{
    /*
     * A weak link (no reference held): the target, a board object, lives
     * longer than the device, and the class property has no per-instance
     * release to drop a reference.
     */
    return object_class_property_add_link(
        oc, name, prop->link_type, prop->offset,
        qdev_prop_allow_set_link_before_realize, 0);
}

const PropertyInfo qdev_prop_link = {
    .type = "link",
    .create = create_link_property,
};

/* Arrays: a list of elements of prop->arrayinfo's type. */

typedef struct ArrayElementList {
    struct ArrayElementList *next;
    char value[];
} ArrayElementList;

static Property array_elem_prop(Object *obj, const Property *parent,
                                const char *name, void *elem)
{
    return (Property){
        .name = name,
        .info = parent->arrayinfo,
        .offset = (ptrdiff_t)((uintptr_t)elem - (uintptr_t)obj),
    };
}

static void array_release_elements(Object *obj, const Property *prop,
                                   char *array, uint32_t len)
{
    if (!prop->arrayinfo->release) {
        return;
    }
    for (uint32_t i = 0; i < len; i++) {
        Property ep = array_elem_prop(obj, prop, prop->name,
                                      array + i * prop->arrayfieldsize);

        prop->arrayinfo->release(obj, prop->name, &ep);
    }
}

static void prop_release_array(Object *obj, const char *name, void *opaque)
{
    const Property *prop = opaque;
    uint32_t *alenptr = object_field_prop_ptr(obj, prop);
    char **arrayptr = (void *)((uintptr_t)obj + prop->arrayoffset);

    array_release_elements(obj, prop, *arrayptr, *alenptr);
    g_free(*arrayptr);
    *arrayptr = NULL;
    *alenptr = 0;
}

static void prop_set_array(Object *obj, Visitor *v, const char *name,
                           void *opaque, Error **errp)
{
    const Property *prop = opaque;
    uint32_t *alenptr = object_field_prop_ptr(obj, prop);
    char **arrayptr = (void *)((uintptr_t)obj + prop->arrayoffset);
    size_t elem_size = sizeof(ArrayElementList) + prop->arrayfieldsize;
    ArrayElementList *list = NULL, *elem, *next;
    uint32_t count = 0, i;
    bool ok = false;
    char *array;

    if (!visit_start_list(v, name, (GenericList **)&list, elem_size, errp)) {
        return;
    }
    for (elem = list; elem; elem = (ArrayElementList *)visit_next_list(
                                v, (GenericList *)elem, elem_size)) {
        Property ep = array_elem_prop(obj, prop, name, elem->value);
        Error *local_err = NULL;

        prop->arrayinfo->set(obj, v, NULL, &ep, &local_err);
        if (local_err) {
            error_propagate(errp, local_err);
            goto out;
        }
        count++;
    }
    ok = visit_check_list(v, errp);
out:
    visit_end_list(v, (void **)&list);

    array = ok ? g_malloc0_n(count ? count : 1, prop->arrayfieldsize) : NULL;
    for (elem = list, i = 0; elem; elem = next, i++) {
        next = elem->next;
        if (ok) {
            memcpy(array + i * prop->arrayfieldsize, elem->value,
                   prop->arrayfieldsize);
        } else if (i < count) {
            Property ep = array_elem_prop(obj, prop, name, elem->value);

            if (prop->arrayinfo->release) {
                prop->arrayinfo->release(obj, name, &ep);
            }
        }
        g_free(elem);
    }
    if (!ok) {
        return;
    }
    prop_release_array(obj, name, opaque);
    *arrayptr = array;
    *alenptr = count;
}

static void prop_get_array(Object *obj, Visitor *v, const char *name,
                           void *opaque, Error **errp)
{
    const Property *prop = opaque;
    uint32_t *alenptr = object_field_prop_ptr(obj, prop);
    char **arrayptr = (void *)((uintptr_t)obj + prop->arrayoffset);
    size_t elem_size = sizeof(ArrayElementList) + prop->arrayfieldsize;
    ArrayElementList *list = NULL, **tail = &list, *elem, *next;

    /* The output visitor walks a real list: build one of copies. */
    for (uint32_t i = 0; i < *alenptr; i++) {
        elem = g_malloc0(elem_size);
        memcpy(elem->value, *arrayptr + i * prop->arrayfieldsize,
               prop->arrayfieldsize);
        *tail = elem;
        tail = &elem->next;
    }
    if (visit_start_list(v, name, (GenericList **)&list, elem_size, errp)) {
        bool ok = true;

        for (elem = list; elem && ok;
             elem = (ArrayElementList *)visit_next_list(v, (GenericList *)elem,
                                                        elem_size)) {
            Property ep = array_elem_prop(obj, prop, name, elem->value);
            Error *local_err = NULL;

            prop->arrayinfo->get(obj, v, NULL, &ep, &local_err);
            if (local_err) {
                error_propagate(errp, local_err);
                ok = false;
            }
        }
        if (ok) {
            visit_check_list(v, errp);
        }
        visit_end_list(v, (void **)&list);
    }
    for (elem = list; elem; elem = next) {
        next = elem->next;
        g_free(elem);
    }
}

const PropertyInfo qdev_prop_array = {
    .type = "list",
    .get = prop_get_array,
    .set = prop_set_array,
    .release = prop_release_array,
};

/* Installing properties */

static ObjectProperty *qdev_class_add_property(DeviceClass *klass,
                                               const Property *prop)
{
    ObjectClass *oc = OBJECT_CLASS(klass);
    ObjectProperty *op;

    if (prop->info->create) {
        op = prop->info->create(oc, prop->name, prop);
    } else {
        /*
         * No QOM release: class properties are not released per instance,
         * so device_finalize() releases the static properties itself.
         */
        op = object_class_property_add(oc, prop->name, prop->info->type,
                                       field_prop_get, field_prop_set, NULL,
                                       (void *)prop);
    }
    if (prop->set_default && prop->info->set_default_value) {
        prop->info->set_default_value(op, prop);
    }
    if (prop->info->description) {
        object_class_property_set_description(oc, prop->name,
                                              prop->info->description);
    }
    return op;
}

void device_class_set_props_n(DeviceClass *dc, const Property *props, size_t n)
{
    g_assert(!dc->props_);
    g_assert(n <= UINT16_MAX);
    dc->props_ = props;
    dc->props_count_ = n;
    for (size_t i = 0; i < n; i++) {
        g_assert(props[i].name && props[i].info);
        qdev_class_add_property(dc, &props[i]);
    }
}

void qdev_property_add_static(DeviceState *dev, const Property *prop)
{
    Object *obj = OBJECT(dev);
    ObjectProperty *op;

    g_assert(!prop->info->create);
    op = object_property_add(
        obj, prop->name, prop->info->type, field_prop_get, field_prop_set,
        prop->info->release ? field_prop_release : NULL, (void *)prop);
    if (prop->info->description) {
        object_property_set_description(obj, prop->name,
                                        prop->info->description);
    }
    if (prop->set_default && prop->info->set_default_value) {
        prop->info->set_default_value(op, prop);
        if (op->init) {
            op->init(obj, op);
        }
    }
}

void qdev_release_static_props(DeviceState *dev)
{
    ObjectClass *oc = object_get_class(OBJECT(dev));
    ObjectClass *device_class = object_class_by_name(TYPE_DEVICE);

    for (; oc && oc != device_class; oc = object_class_get_parent(oc)) {
        DeviceClass *dc = DEVICE_CLASS(oc);

        for (unsigned i = 0; i < dc->props_count_; i++) {
            const Property *prop = &dc->props_[i];

            if (prop->info->release) {
                prop->info->release(OBJECT(dev), prop->name, (void *)prop);
            }
        }
    }
}

/* Setting from board code */

/*
 * A user's -global beats a board's setting: keep the user's value and
 * say so, naming both values.
 */
static bool qdev_prop_user_owned(DeviceState *dev, const char *name,
                                 const char *board_value)
{
    const char *user_value;
    g_autofree char *desc = NULL;

    if (!dev->user_globals) {
        return false;
    }
    user_value = g_hash_table_lookup(dev->user_globals, name);
    if (!user_value) {
        return false;
    }
    if (strcmp(user_value, board_value) != 0) {
        desc = qdev_device_describe(dev);
        warn_report("%s (type '%s'): keeping the value %s of property '%s' "
                    "from -global; the board's default %s is not used",
                    desc, object_get_typename(OBJECT(dev)), user_value, name,
                    board_value);
    }
    return true;
}

void qdev_prop_set_bit(DeviceState *dev, const char *name, bool value)
{
    if (!qdev_prop_user_owned(dev, name, value ? "on" : "off")) {
        object_property_set_bool(OBJECT(dev), name, value, &error_abort);
    }
}

#define DEFINE_QDEV_PROP_SET_UINT(_name, _ctype)                               \
    void qdev_prop_set_##_name(DeviceState *dev, const char *name,             \
                               _ctype value)                                   \
    {                                                                          \
        g_autofree char *s = g_strdup_printf("%" PRIu64, (uint64_t)value);     \
        if (!qdev_prop_user_owned(dev, name, s)) {                             \
            object_property_set_uint(OBJECT(dev), name, value, &error_abort);  \
        }                                                                      \
    }

#define DEFINE_QDEV_PROP_SET_INT(_name, _ctype)                                \
    void qdev_prop_set_##_name(DeviceState *dev, const char *name,             \
                               _ctype value)                                   \
    {                                                                          \
        g_autofree char *s = g_strdup_printf("%" PRId64, (int64_t)value);      \
        if (!qdev_prop_user_owned(dev, name, s)) {                             \
            object_property_set_int(OBJECT(dev), name, value, &error_abort);   \
        }                                                                      \
    }

DEFINE_QDEV_PROP_SET_UINT(uint8, uint8_t)
DEFINE_QDEV_PROP_SET_UINT(uint16, uint16_t)
DEFINE_QDEV_PROP_SET_UINT(uint32, uint32_t)
DEFINE_QDEV_PROP_SET_UINT(uint64, uint64_t)
DEFINE_QDEV_PROP_SET_UINT(size, uint64_t)
DEFINE_QDEV_PROP_SET_INT(int32, int32_t)
DEFINE_QDEV_PROP_SET_INT(int64, int64_t)

void qdev_prop_set_string(DeviceState *dev, const char *name, const char *value)
{
    if (!qdev_prop_user_owned(dev, name, value ? value : "")) {
        object_property_set_str(OBJECT(dev), name, value ? value : "",
                                &error_abort);
    }
}

void qdev_prop_set_enum(DeviceState *dev, const char *name, int value)
{
    ObjectProperty *op = object_property_find(OBJECT(dev), name);
    const Property *prop;
    const char *s;

    g_assert(op && op->get == field_prop_get);
    prop = op->opaque;
    g_assert(prop->info->enum_table);
    s = qapi_enum_lookup(prop->info->enum_table, value);
    if (!qdev_prop_user_owned(dev, name, s)) {
        object_property_set_str(OBJECT(dev), name, s, &error_abort);
    }
}

void qdev_prop_set_link(DeviceState *dev, const char *name, Object *value)
{
    object_property_set_link(OBJECT(dev), name, value, &error_abort);
}

void qdev_prop_set_array(DeviceState *dev, const char *name, QList *values)
{
    object_property_set_qobject(OBJECT(dev), name, QOBJECT(values),
                                &error_abort);
    qobject_unref(values);
}

/* Globals */

static GPtrArray *global_props;    /* GlobalProperty *, registration order */
static GPtrArray *parsed_globals;  /* those qdev_global_parse() allocated */
static GHashTable *warned_globals; /* board globals already warned about */

void qdev_prop_register_global(GlobalProperty *prop)
{
    if (!global_props) {
        global_props = g_ptr_array_new();
    }
    g_ptr_array_add(global_props, prop);
}

static void free_parsed_global(gpointer p)
{
    GlobalProperty *g = p;

    g_free((char *)g->driver);
    g_free((char *)g->property);
    g_free((char *)g->value);
    g_free(g);
}

void qdev_prop_reset_globals(void)
{
    if (global_props) {
        g_ptr_array_free(global_props, TRUE);
        global_props = NULL;
    }
    if (parsed_globals) {
        g_ptr_array_free(parsed_globals, TRUE);
        parsed_globals = NULL;
    }
    if (warned_globals) {
        g_hash_table_unref(warned_globals);
        warned_globals = NULL;
    }
}

/* Split "a,b=c,,d" at single commas; ",," is a literal comma. */
static GPtrArray *split_keyval(const char *str)
{
    GPtrArray *parts = g_ptr_array_new_with_free_func(g_free);
    GString *cur = g_string_new(NULL);

    for (const char *p = str; *p; p++) {
        if (*p == ',') {
            if (p[1] == ',') {
                g_string_append_c(cur, ',');
                p++;
                continue;
            }
            g_ptr_array_add(parts, g_string_free(cur, FALSE));
            cur = g_string_new(NULL);
            continue;
        }
        g_string_append_c(cur, *p);
    }
    g_ptr_array_add(parts, g_string_free(cur, FALSE));
    return parts;
}

bool qdev_global_parse(const char *str, Error **errp)
{
    const char *eq = strchr(str, '=');
    g_autofree char *driver = NULL, *property = NULL, *value = NULL;
    GlobalProperty *g;

    if (!eq) {
        error_setg(errp,
                   "-global %s: expected driver.property=value or "
                   "driver=D,property=P,value=V",
                   str);
        return false;
    }
    if (memchr(str, '.', eq - str)) {
        /* driver.property=value: the property is after the last dot. */
        const char *dot = eq;

        while (*dot != '.') {
            dot--;
        }
        driver = g_strndup(str, dot - str);
        property = g_strndup(dot + 1, eq - dot - 1);
        value = g_strdup(eq + 1);
    } else {
        GPtrArray *parts = split_keyval(str);

        for (guint i = 0; i < parts->len; i++) {
            const char *kv = g_ptr_array_index(parts, i);
            const char *e = strchr(kv, '=');
            char **dst;

            if (!e) {
                error_setg(errp, "-global %s: '%s' is not key=value", str, kv);
                g_ptr_array_free(parts, TRUE);
                return false;
            }
            if (!strncmp(kv, "driver=", 7)) {
                dst = &driver;
            } else if (!strncmp(kv, "property=", 9)) {
                dst = &property;
            } else if (!strncmp(kv, "value=", 6)) {
                dst = &value;
            } else {
                error_setg(errp,
                           "-global %s: unknown key '%.*s' (expected "
                           "driver, property or value)",
                           str, (int)(e - kv), kv);
                g_ptr_array_free(parts, TRUE);
                return false;
            }
            g_free(*dst);
            *dst = g_strdup(e + 1);
        }
        g_ptr_array_free(parts, TRUE);
        if (!driver || !property || !value) {
            error_setg(errp,
                       "-global %s: expected driver=D,property=P,"
                       "value=V (missing '%s')",
                       str,
                       !driver     ? "driver"
                       : !property ? "property"
                                   : "value");
            return false;
        }
    }
    if (!*driver || !*property) {
        error_setg(errp, "-global %s: the %s name is empty", str,
                   *driver ? "property" : "driver");
        return false;
    }

    g = g_new0(GlobalProperty, 1);
    g->driver = g_steal_pointer(&driver);
    g->property = g_steal_pointer(&property);
    g->value = g_steal_pointer(&value);
    g->user_provided = true;
    if (!parsed_globals) {
        parsed_globals = g_ptr_array_new_with_free_func(free_parsed_global);
    }
    g_ptr_array_add(parsed_globals, g);
    qdev_prop_register_global(g);
    return true;
}

bool object_apply_global_props(Object *obj, const GPtrArray *props,
                               Error **errp)
{
    for (guint i = 0; props && i < props->len; i++) {
        GlobalProperty *p = g_ptr_array_index(props, i);
        Error *err = NULL;

        if (!object_dynamic_cast(obj, p->driver)) {
            continue;
        }
        p->used = true;
        if (!object_property_parse(obj, p->property, p->value, &err)) {
            error_prepend(&err, "can't apply global %s.%s=%s: ", p->driver,
                          p->property, p->value);
            if (!p->optional) {
                error_propagate(errp, err);
                return false;
            }
            error_free(err);
        }
    }
    return true;
}

static void qdev_apply_one_global(DeviceState *dev, GlobalProperty *g,
                                  GHashTable *board_set)
{
    Object *obj = OBJECT(dev);
    Error *err = NULL;

    if (!object_property_find(obj, g->property)) {
        return; /* qdev_prop_check_globals() reports it */
    }
    if (g->user_provided) {
        GlobalProperty *board = g_hash_table_lookup(board_set, g->property);

        if (board && strcmp(board->value, g->value) != 0) {
            if (!warned_globals) {
                warned_globals = g_hash_table_new(NULL, NULL);
            }
            if (!g_hash_table_contains(warned_globals, board)) {
                g_hash_table_add(warned_globals, board);
                warn_report("-global %s.%s=%s overrides the board's default "
                            "%s.%s=%s",
                            g->driver, g->property, g->value, board->driver,
                            board->property, board->value);
            }
        }
    }
    if (!object_property_parse(obj, g->property, g->value, &err)) {
        if (g->optional) {
            error_free(err);
            return;
        }
        error_prepend(&err, "-global %s.%s=%s: ", g->driver, g->property,
                      g->value);
        g->used = true; /* realize reports it; no "not used" warning too */
        if (!dev->global_error) {
            dev->global_error = err;
        } else {
            error_free(err);
        }
        return;
    }
    g->used = true;
    if (g->user_provided) {
        if (!dev->user_globals) {
            dev->user_globals =
                g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
        }
        g_hash_table_replace(dev->user_globals, g_strdup(g->property),
                             g_strdup(g->value));
    } else {
        g_hash_table_replace(board_set, (char *)g->property, g);
    }
}

/*
 * An interface type descends from "interface" (a class that merely
 * implements one can also be cast to it, so a cast does not tell).
 */
static bool class_is_interface(ObjectClass *oc)
{
    for (; oc; oc = object_class_get_parent(oc)) {
        if (!strcmp(object_class_get_name(oc), TYPE_INTERFACE)) {
            return true;
        }
    }
    return false;
}

/*
 * Board globals first, then the user's, so the user's win; within each,
 * globals for an ancestor type before those for a more derived one, and
 * registration order within one type.
 */
void qdev_prop_set_globals(DeviceState *dev)
{
    GPtrArray *chain;
    GHashTable *board_set;

    if (!global_props || !global_props->len) {
        return;
    }
    chain = g_ptr_array_new();
    for (ObjectClass *oc = object_get_class(OBJECT(dev)); oc;
         oc = object_class_get_parent(oc)) {
        g_ptr_array_insert(chain, 0, (gpointer)object_class_get_name(oc));
    }
    board_set = g_hash_table_new(g_str_hash, g_str_equal);
    for (int pass = 0; pass < 2; pass++) {
        /* Globals for an interface the device implements come first. */
        for (guint i = 0; i < global_props->len; i++) {
            GlobalProperty *g = g_ptr_array_index(global_props, i);
            ObjectClass *oc;

            if (g->user_provided != (pass == 1)) {
                continue;
            }
            oc = object_class_by_name(g->driver);
            if (oc && class_is_interface(oc) &&
                object_dynamic_cast(OBJECT(dev), g->driver)) {
                qdev_apply_one_global(dev, g, board_set);
            }
        }
        for (guint c = 0; c < chain->len; c++) {
            const char *tname = g_ptr_array_index(chain, c);

            for (guint i = 0; i < global_props->len; i++) {
                GlobalProperty *g = g_ptr_array_index(global_props, i);

                if (g->user_provided == (pass == 1) &&
                    !strcmp(g->driver, tname)) {
                    qdev_apply_one_global(dev, g, board_set);
                }
            }
        }
    }
    g_hash_table_unref(board_set);
    g_ptr_array_free(chain, TRUE);
}

static void add_class_name(ObjectClass *oc, void *opaque)
{
    g_ptr_array_add(opaque, (gpointer)object_class_get_name(oc));
}

static char *did_you_mean(const char *word, GPtrArray *names)
{
    const char *hint =
        qemu_suggest_n(word, (const char *const *)names->pdata, names->len);

    return hint ? g_strdup_printf(" (did you mean '%s'?)", hint) : g_strdup("");
}

int qdev_prop_check_globals(void)
{
    int warnings = 0;

    for (guint i = 0; global_props && i < global_props->len; i++) {
        GlobalProperty *g = g_ptr_array_index(global_props, i);
        ObjectClass *oc;

        if (g->used || g->optional || !g->user_provided) {
            continue;
        }
        warnings++;
        oc = object_class_by_name(g->driver);
        if (oc && class_is_interface(oc)) {
            warn_report("-global %s.%s=%s was not used: no device "
                        "implementing '%s' has property '%s'",
                        g->driver, g->property, g->value, g->driver,
                        g->property);
        } else if (!oc || !object_class_dynamic_cast(oc, TYPE_DEVICE)) {
            GPtrArray *names = g_ptr_array_new();
            g_autofree char *hint = NULL;

            object_class_foreach(add_class_name, TYPE_DEVICE, false, names);
            hint = did_you_mean(g->driver, names);
            warn_report("-global %s.%s=%s: there is no device type '%s'%s",
                        g->driver, g->property, g->value, g->driver, hint);
            g_ptr_array_free(names, TRUE);
        } else if (!object_class_property_find(oc, g->property)) {
            GPtrArray *names = g_ptr_array_new();
            ObjectPropertyIterator iter;
            ObjectProperty *prop;
            g_autofree char *hint = NULL;

            object_class_property_iter_init(&iter, oc);
            while ((prop = object_property_iter_next(&iter))) {
                g_ptr_array_add(names, prop->name);
            }
            hint = did_you_mean(g->property, names);
            warn_report("-global %s.%s=%s: device type '%s' has no property "
                        "'%s'%s",
                        g->driver, g->property, g->value, g->driver,
                        g->property, hint);
            g_ptr_array_free(names, TRUE);
        } else {
            warn_report("-global %s.%s=%s was not used: no device of type "
                        "'%s' was created",
                        g->driver, g->property, g->value, g->driver);
        }
    }
    return warnings;
}

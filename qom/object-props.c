/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * object-props.c: typed QOM properties (str, bool, enum, uintN pointers),
 * links, aliases and property defaults.
 */
#include "qomu/osdep.h"
#include "qapi/error.h"
#include "qapi/visitor.h"
#include "qapi/qobject-input-visitor.h"
#include "qapi/util.h"
#include "qobject/qbool.h"
#include "qobject/qjson.h"
#include "qobject/qnum.h"
#include "qobject/qstring.h"
#include "qom/object.h"
#include "qom-internal.h"

char *qom_get_type(Object *obj, Error **errp)
{
    return g_strdup(object_get_typename(obj));
}

/* Strings */

typedef struct StringProperty {
    char *(*get)(Object *, Error **);
    void (*set)(Object *, const char *, Error **);
} StringProperty;

static void property_get_str(Object *obj, Visitor *v, const char *name,
                             void *opaque, Error **errp)
{
    StringProperty *prop = opaque;
    Error *err = NULL;
    char *value = prop->get(obj, &err);

    if (err) {
        error_propagate(errp, err);
        return;
    }
    visit_type_str(v, name, &value, errp);
    g_free(value);
}

static void property_set_str(Object *obj, Visitor *v, const char *name,
                             void *opaque, Error **errp)
{
    StringProperty *prop = opaque;
    char *value;

    if (!visit_type_str(v, name, &value, errp)) {
        return;
    }
    prop->set(obj, value, errp);
    g_free(value);
}

static void property_release_data(Object *obj, const char *name,
                                  void *opaque)
{
    g_free(opaque);
}

ObjectProperty *object_property_add_str(Object *obj, const char *name,
                                        char *(*get)(Object *, Error **),
                                        void (*set)(Object *, const char *,
                                                    Error **))
{
    StringProperty *prop = g_new0(StringProperty, 1);

    prop->get = get;
    prop->set = set;
    return object_property_add(obj, name, "string",
                               get ? property_get_str : NULL,
                               set ? property_set_str : NULL,
                               property_release_data, prop);
}

ObjectProperty *object_class_property_add_str(
    ObjectClass *klass, const char *name, char *(*get)(Object *, Error **),
    void (*set)(Object *, const char *, Error **))
{
    /* Class properties live as long as the class: never released. */
    StringProperty *prop = g_new0(StringProperty, 1);

    prop->get = get;
    prop->set = set;
    return object_class_property_add(klass, name, "string",
                                     get ? property_get_str : NULL,
                                     set ? property_set_str : NULL, NULL,
                                     prop);
}

/* Booleans */

typedef struct BoolProperty {
    bool (*get)(Object *, Error **);
    void (*set)(Object *, bool, Error **);
} BoolProperty;

static void property_get_bool(Object *obj, Visitor *v, const char *name,
                              void *opaque, Error **errp)
{
    BoolProperty *prop = opaque;
    Error *err = NULL;
    bool value = prop->get(obj, &err);

    if (err) {
        error_propagate(errp, err);
        return;
    }
    visit_type_bool(v, name, &value, errp);
}

static void property_set_bool(Object *obj, Visitor *v, const char *name,
                              void *opaque, Error **errp)
{
    BoolProperty *prop = opaque;
    bool value;

    if (!visit_type_bool(v, name, &value, errp)) {
        return;
    }
    prop->set(obj, value, errp);
}

ObjectProperty *object_property_add_bool(Object *obj, const char *name,
                                         bool (*get)(Object *, Error **),
                                         void (*set)(Object *, bool,
                                                     Error **))
{
    BoolProperty *prop = g_new0(BoolProperty, 1);

    prop->get = get;
    prop->set = set;
    return object_property_add(obj, name, "bool",
                               get ? property_get_bool : NULL,
                               set ? property_set_bool : NULL,
                               property_release_data, prop);
}

ObjectProperty *object_class_property_add_bool(
    ObjectClass *klass, const char *name, bool (*get)(Object *, Error **),
    void (*set)(Object *, bool, Error **))
{
    BoolProperty *prop = g_new0(BoolProperty, 1);

    prop->get = get;
    prop->set = set;
    return object_class_property_add(klass, name, "bool",
                                     get ? property_get_bool : NULL,
                                     set ? property_set_bool : NULL, NULL,
                                     prop);
}

/* Enums */

typedef struct EnumProperty {
    const QEnumLookup *lookup;
    int (*get)(Object *, Error **);
    void (*set)(Object *, int, Error **);
} EnumProperty;

static void property_get_enum(Object *obj, Visitor *v, const char *name,
                              void *opaque, Error **errp)
{
    EnumProperty *prop = opaque;
    Error *err = NULL;
    int value = prop->get(obj, &err);

    if (err) {
        error_propagate(errp, err);
        return;
    }
    visit_type_enum(v, name, &value, prop->lookup, errp);
}

static void property_set_enum(Object *obj, Visitor *v, const char *name,
                              void *opaque, Error **errp)
{
    EnumProperty *prop = opaque;
    int value;

    if (!visit_type_enum(v, name, &value, prop->lookup, errp)) {
        return;
    }
    prop->set(obj, value, errp);
}

ObjectProperty *object_property_add_enum(Object *obj, const char *name,
                                         const char *typename,
                                         const QEnumLookup *lookup,
                                         int (*get)(Object *, Error **),
                                         void (*set)(Object *, int,
                                                     Error **))
{
    EnumProperty *prop = g_new0(EnumProperty, 1);

    prop->lookup = lookup;
    prop->get = get;
    prop->set = set;
    return object_property_add(obj, name, typename,
                               get ? property_get_enum : NULL,
                               set ? property_set_enum : NULL,
                               property_release_data, prop);
}

ObjectProperty *object_class_property_add_enum(
    ObjectClass *klass, const char *name, const char *typename,
    const QEnumLookup *lookup, int (*get)(Object *, Error **),
    void (*set)(Object *, int, Error **))
{
    EnumProperty *prop = g_new0(EnumProperty, 1);

    prop->lookup = lookup;
    prop->get = get;
    prop->set = set;
    return object_class_property_add(klass, name, typename,
                                     get ? property_get_enum : NULL,
                                     set ? property_set_enum : NULL, NULL,
                                     prop);
}

int object_property_get_enum(Object *obj, const char *name,
                             const char *typename, Error **errp)
{
    ObjectProperty *prop = object_property_find_err(obj, name, errp);
    g_autofree char *str = NULL;
    EnumProperty *enumprop;

    if (!prop) {
        return -1;
    }
    if (strcmp(prop->type, typename) != 0 || prop->get != property_get_enum) {
        error_setg(errp, "Property '%s.%s' is of type '%s', not enum '%s'",
                   object_get_typename(obj), name, prop->type, typename);
        return -1;
    }
    enumprop = prop->opaque;
    str = object_property_get_str(obj, name, errp);
    if (!str) {
        return -1;
    }
    return qapi_enum_parse(enumprop->lookup, str, -1, errp);
}

/* Unsigned integers held by the caller */

#define DEFINE_UINT_PTR_PROPERTY(bits)                                      \
    static void property_get_uint##bits##_ptr(Object *obj, Visitor *v,      \
                                              const char *name,             \
                                              void *opaque, Error **errp)   \
    {                                                                       \
        uint##bits##_t value = *(uint##bits##_t *)opaque;                   \
        visit_type_uint##bits(v, name, &value, errp);                       \
    }                                                                       \
    static void property_set_uint##bits##_ptr(Object *obj, Visitor *v,      \
                                              const char *name,             \
                                              void *opaque, Error **errp)   \
    {                                                                       \
        uint##bits##_t value;                                               \
        if (visit_type_uint##bits(v, name, &value, errp)) {                 \
            *(uint##bits##_t *)opaque = value;                              \
        }                                                                   \
    }                                                                       \
    ObjectProperty *object_property_add_uint##bits##_ptr(                   \
        Object *obj, const char *name, const uint##bits##_t *v,             \
        ObjectPropertyFlags flags)                                          \
    {                                                                       \
        return object_property_add(                                         \
            obj, name, "uint" #bits,                                        \
            (flags & OBJ_PROP_FLAG_READ) ? property_get_uint##bits##_ptr    \
                                         : NULL,                            \
            (flags & OBJ_PROP_FLAG_WRITE) ? property_set_uint##bits##_ptr   \
                                          : NULL,                           \
            NULL, (void *)v);                                               \
    }

DEFINE_UINT_PTR_PROPERTY(8)
DEFINE_UINT_PTR_PROPERTY(16)
DEFINE_UINT_PTR_PROPERTY(32)
DEFINE_UINT_PTR_PROPERTY(64)

/* Links */

typedef struct LinkProperty {
    union {
        Object **targetp;
        ptrdiff_t offset; /* with OBJ_PROP_LINK_CLASS */
    };
    void (*check)(const Object *, const char *, Object *, Error **);
    ObjectPropertyLinkFlags flags;
} LinkProperty;

static Object **object_link_get_targetp(Object *obj, LinkProperty *lprop)
{
    if (lprop->flags & OBJ_PROP_LINK_CLASS) {
        return (Object **)((char *)obj + lprop->offset);
    }
    return lprop->targetp;
}

void object_property_allow_set_link(const Object *obj, const char *name,
                                    Object *val, Error **errp)
{
    /* Allow the link to be set, always */
}

static void object_get_link_property(Object *obj, Visitor *v,
                                     const char *name, void *opaque,
                                     Error **errp)
{
    Object **targetp = object_link_get_targetp(obj, opaque);
    g_autofree char *path = NULL;

    if (*targetp) {
        path = object_get_canonical_path(*targetp);
    }
    if (!path) {
        path = g_strdup("");
    }
    visit_type_str(v, name, &path, errp);
}

/* "link<foo>" -> "foo" */
static char *link_target_type(const char *proptype)
{
    size_t len = strlen(proptype);

    g_assert(g_str_has_prefix(proptype, "link<") && len > 6);
    return g_strndup(proptype + 5, len - 6);
}

static Object *object_resolve_link(Object *obj, const char *name,
                                   const char *path, Error **errp)
{
    ObjectProperty *prop = object_property_find(obj, name);
    g_autofree char *target_type = link_target_type(prop->type);
    bool ambiguous = false;
    Object *target;

    target = object_resolve_path_type(path, target_type, &ambiguous);
    if (ambiguous) {
        error_setg(errp, "Path '%s' does not uniquely identify an object",
                   path);
        return NULL;
    }
    if (!target) {
        target = object_resolve_path(path, &ambiguous);
        if (target || ambiguous) {
            error_setg(errp, "Property '%s.%s': '%s' is not a %s",
                       object_get_typename(obj), name, path, target_type);
        } else {
            error_setg(errp, "Property '%s.%s': no object at path '%s'",
                       object_get_typename(obj), name, path);
        }
        return NULL;
    }
    return target;
}

static void object_set_link_property(Object *obj, Visitor *v,
                                     const char *name, void *opaque,
                                     Error **errp)
{
    ERRP_GUARD();
    LinkProperty *prop = opaque;
    Object **targetp = object_link_get_targetp(obj, prop);
    Object *old_target = *targetp;
    Object *new_target = NULL;
    g_autofree char *path = NULL;

    if (!visit_type_str(v, name, &path, errp)) {
        return;
    }
    if (*path) {
        new_target = object_resolve_link(obj, name, path, errp);
        if (!new_target) {
            return;
        }
    }
    prop->check(obj, name, new_target, errp);
    if (*errp) {
        return;
    }
    *targetp = new_target;
    if (prop->flags & OBJ_PROP_LINK_STRONG) {
        object_ref(new_target);
        object_unref(old_target);
    }
}

static Object *object_resolve_link_property(Object *parent, void *opaque,
                                            const char *part)
{
    return *object_link_get_targetp(parent, opaque);
}

static void object_release_link_property(Object *obj, const char *name,
                                         void *opaque)
{
    LinkProperty *prop = opaque;
    Object **targetp = object_link_get_targetp(obj, prop);

    if ((prop->flags & OBJ_PROP_LINK_STRONG) && *targetp) {
        object_unref(*targetp);
    }
    if (prop->flags & OBJ_PROP_LINK_CLASS) {
        return; /* class properties live as long as their class */
    }
    if (prop->flags & OBJ_PROP_LINK_DIRECT) {
        g_free(prop->targetp); /* a const link owns its cell */
    }
    g_free(prop);
}

ObjectProperty *object_property_add_link(
    Object *obj, const char *name, const char *type, Object **targetp,
    void (*check)(const Object *, const char *, Object *, Error **),
    ObjectPropertyLinkFlags flags)
{
    LinkProperty *prop = g_new0(LinkProperty, 1);
    g_autofree char *full_type = g_strdup_printf("link<%s>", type);
    ObjectProperty *op;

    prop->targetp = targetp;
    prop->check = check;
    prop->flags = flags;
    op = object_property_add(obj, name, full_type, object_get_link_property,
                             check ? object_set_link_property : NULL,
                             object_release_link_property, prop);
    op->resolve = object_resolve_link_property;
    return op;
}

ObjectProperty *object_class_property_add_link(
    ObjectClass *oc, const char *name, const char *type, ptrdiff_t offset,
    void (*check)(const Object *, const char *, Object *, Error **),
    ObjectPropertyLinkFlags flags)
{
    LinkProperty *prop = g_new0(LinkProperty, 1);
    g_autofree char *full_type = g_strdup_printf("link<%s>", type);
    ObjectProperty *op;

    prop->offset = offset;
    prop->check = check;
    prop->flags = flags | OBJ_PROP_LINK_CLASS;
    op = object_class_property_add(oc, name, full_type,
                                   object_get_link_property,
                                   check ? object_set_link_property : NULL,
                                   object_release_link_property, prop);
    op->resolve = object_resolve_link_property;
    return op;
}

ObjectProperty *object_property_add_const_link(Object *obj, const char *name,
                                               Object *target)
{
    LinkProperty *prop = g_new0(LinkProperty, 1);
    g_autofree char *full_type =
        g_strdup_printf("link<%s>", object_get_typename(target));
    ObjectProperty *op;

    /* The link keeps a private copy of the pointer: it never changes. */
    prop->targetp = g_new0(Object *, 1);
    *prop->targetp = target;
    prop->flags = OBJ_PROP_LINK_DIRECT;
    op = object_property_add(obj, name, full_type, object_get_link_property,
                             NULL, object_release_link_property, prop);
    op->resolve = object_resolve_link_property;
    return op;
}

/* Aliases */

typedef struct AliasProperty {
    Object *target_obj;
    char *target_name;
} AliasProperty;

static void property_get_alias(Object *obj, Visitor *v, const char *name,
                               void *opaque, Error **errp)
{
    AliasProperty *prop = opaque;

    object_property_get(prop->target_obj, prop->target_name, v, errp);
}

static void property_set_alias(Object *obj, Visitor *v, const char *name,
                               void *opaque, Error **errp)
{
    AliasProperty *prop = opaque;

    object_property_set(prop->target_obj, prop->target_name, v, errp);
}

static Object *property_resolve_alias(Object *obj, void *opaque,
                                      const char *part)
{
    AliasProperty *prop = opaque;

    return object_resolve_path_component(prop->target_obj,
                                         prop->target_name);
}

static void property_release_alias(Object *obj, const char *name,
                                   void *opaque)
{
    AliasProperty *prop = opaque;

    g_free(prop->target_name);
    g_free(prop);
}

ObjectProperty *object_property_add_alias(Object *obj, const char *name,
                                          Object *target_obj,
                                          const char *target_name)
{
    ObjectProperty *target_prop, *op;
    AliasProperty *prop;
    g_autofree char *prop_type = NULL;

    target_prop = object_property_find(target_obj, target_name);
    g_assert(target_prop);

    if (object_property_is_child(target_prop)) {
        prop_type = g_strdup_printf("link%s", target_prop->type +
                                              strlen("child"));
    } else {
        prop_type = g_strdup(target_prop->type);
    }

    prop = g_new0(AliasProperty, 1);
    prop->target_obj = target_obj;
    prop->target_name = g_strdup(target_name);

    op = object_property_add(obj, name, prop_type,
                             target_prop->get ? property_get_alias : NULL,
                             target_prop->set ? property_set_alias : NULL,
                             property_release_alias, prop);
    op->resolve = property_resolve_alias;
    if (target_prop->defval) {
        op->defval = qobject_ref(target_prop->defval);
    }
    object_property_set_description(obj, op->name, target_prop->description);
    return op;
}

/* Defaults */

static void object_property_init_defval(Object *obj, ObjectProperty *prop)
{
    Visitor *v = qobject_input_visitor_new(prop->defval);

    g_assert(prop->set != NULL);
    prop->set(obj, v, prop->name, prop->opaque, &error_abort);
    visit_free(v);
}

static void object_property_set_default(ObjectProperty *prop,
                                        QObject *defval)
{
    g_assert(!prop->defval);
    g_assert(!prop->init);

    prop->defval = defval;
    prop->init = object_property_init_defval;
}

void object_property_set_default_bool(ObjectProperty *prop, bool value)
{
    object_property_set_default(prop, QOBJECT(qbool_from_bool(value)));
}

void object_property_set_default_str(ObjectProperty *prop,
                                     const char *value)
{
    object_property_set_default(prop, QOBJECT(qstring_from_str(value)));
}

void object_property_set_default_int(ObjectProperty *prop, int64_t value)
{
    object_property_set_default(prop, QOBJECT(qnum_from_int(value)));
}

void object_property_set_default_uint(ObjectProperty *prop, uint64_t value)
{
    object_property_set_default(prop, QOBJECT(qnum_from_uint(value)));
}

char *object_property_get_default(ObjectProperty *prop)
{
    QString *s;

    if (!prop->defval) {
        return NULL;
    }
    s = qobject_to(QString, prop->defval);
    if (s) {
        return g_strdup(qstring_get_str(s));
    }
    return g_string_free(qobject_to_json(prop->defval), FALSE);
}

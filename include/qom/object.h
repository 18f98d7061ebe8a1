/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * object.h: the QEMU Object Model (QOM), rebuilt small.
 *
 * Types are described by a TypeInfo and registered at start-up (type_init).
 * A type's class is created lazily on first use: the parent's class is
 * initialised first and copied into the child's, then every ancestor's
 * class_base_init runs, then the type's own class_init.  Instances run
 * instance_init from the root type down to the leaf, then
 * instance_post_init, and on finalisation instance_finalize from the leaf
 * up to the root.
 *
 * Objects carry properties (name, type, getter and setter that take a
 * Visitor).  child<T> properties make the composition tree, rooted at
 * object_get_root() ("/"); link<T> properties point elsewhere.
 *
 * The API follows QEMU's names and semantics.  Differences from QEMU:
 * - property iteration follows insertion order (QEMU's is hash order), so
 *   every listing is deterministic;
 * - object_live_count() counts live objects so tests can prove teardown;
 * - type_try_register() reports a duplicate type name as an Error.
 */
#ifndef QOM_OBJECT_H
#define QOM_OBJECT_H

#include "qomu/osdep.h"
#include "qomu/typedefs.h"
#include "qomu/module.h"

typedef struct TypeImpl *Type;
typedef struct TypeInfo TypeInfo;
typedef struct InterfaceClass InterfaceClass;
typedef struct InterfaceInfo InterfaceInfo;
typedef struct ObjectProperty ObjectProperty;
typedef struct QEnumLookup QEnumLookup;

#define TYPE_OBJECT "object"
#define TYPE_INTERFACE "interface"
#define TYPE_CONTAINER "container"

/**
 * ObjectPropertyAccessor: get or set a property through a Visitor.
 * @obj: the object; @v: the visitor; @name: the property name;
 * @opaque: the property's opaque pointer; @errp: error out.
 */
typedef void(ObjectPropertyAccessor)(Object *obj, Visitor *v,
                                     const char *name, void *opaque,
                                     Error **errp);

/**
 * ObjectPropertyResolve: return the object a path component @part names
 * through this property (child and link properties), or NULL.
 */
typedef Object *(ObjectPropertyResolve)(Object *obj, void *opaque,
                                        const char *part);

/** ObjectPropertyRelease: called when the property is deleted. */
typedef void(ObjectPropertyRelease)(Object *obj, const char *name,
                                    void *opaque);

/** ObjectPropertyInit: set the property's default value on a new object. */
typedef void(ObjectPropertyInit)(Object *obj, ObjectProperty *prop);

struct ObjectProperty {
    char *name;
    char *type;
    char *description;
    ObjectPropertyAccessor *get;
    ObjectPropertyAccessor *set;
    ObjectPropertyResolve *resolve;
    ObjectPropertyRelease *release;
    ObjectPropertyInit *init;
    void *opaque;
    QObject *defval; /* default value, or NULL */
};

/** ObjectUnparent: called when an object is removed from its parent. */
typedef void(ObjectUnparent)(Object *obj);

/** ObjectFree: frees an object's memory when it was allocated by QOM. */
typedef void(ObjectFree)(void *obj);

#define OBJECT_CLASS_CAST_CACHE 4

/**
 * ObjectClass: the base of every class.
 *
 * A class is one per type, created lazily and never freed while the
 * program runs.  Subclasses embed it as their first member (parent_class).
 */
struct ObjectClass {
    /* private: */
    Type type;
    GSList *interfaces; /* InterfaceClass *, own and inherited */
    const char *object_cast_cache[OBJECT_CLASS_CAST_CACHE];
    const char *class_cast_cache[OBJECT_CLASS_CAST_CACHE];
    GHashTable *properties; /* name -> ObjectProperty * */
    GPtrArray *prop_order;  /* ObjectProperty *, in insertion order */
    /* public: */
    ObjectUnparent *unparent;
};

/**
 * Object: the base of every instance.  Subclasses embed it first
 * (parent_obj).  Fields are private: use the functions below.
 */
struct Object {
    /* private: */
    ObjectClass *class;
    ObjectFree *free;
    GHashTable *properties; /* name -> ObjectProperty * */
    GPtrArray *prop_order;
    uint32_t ref;
    Object *parent;
};

/**
 * TypeInfo: the description of a type, registered with type_register_static.
 * @name: unique type name (lower-case, dashes or dots).
 * @parent: parent type name (NULL only for "object" and "interface").
 * @instance_size: size of the instance struct; 0 = inherit the parent's.
 * @instance_init: initialise an instance; cannot fail.
 * @instance_post_init: runs after every instance_init of the chain.
 * @instance_finalize: release what instance_init took.
 * @abstract: the type cannot be instantiated.
 * @class_size: size of the class struct; 0 = inherit the parent's.
 * @class_init: initialise this type's class (after the parent's is copied).
 * @class_base_init: runs for every descendant class before its class_init.
 * @class_data: passed to class_init and class_base_init.
 * @interfaces: interfaces the type implements, ended by an empty entry.
 */
struct TypeInfo {
    const char *name;
    const char *parent;

    size_t instance_size;
    size_t instance_align;
    void (*instance_init)(Object *obj);
    void (*instance_post_init)(Object *obj);
    void (*instance_finalize)(Object *obj);

    bool abstract;
    size_t class_size;

    void (*class_init)(ObjectClass *klass, const void *data);
    void (*class_base_init)(ObjectClass *klass, const void *data);
    const void *class_data;

    const InterfaceInfo *interfaces;
};

/** InterfaceInfo: one interface a type implements. */
struct InterfaceInfo {
    const char *type;
};

/**
 * InterfaceClass: the base of every interface class.  An interface class
 * found through a class or object cast has @concrete_class pointing to the
 * class that implements it.
 */
struct InterfaceClass {
    ObjectClass parent_class;
    /* private: */
    ObjectClass *concrete_class;
    Type interface_type;
};

/* Casts */

/** OBJECT: cast any instance pointer to Object * (unchecked). */
#define OBJECT(obj) ((Object *)(obj))
/** OBJECT_CLASS: cast any class pointer to ObjectClass * (unchecked). */
#define OBJECT_CLASS(class) ((ObjectClass *)(class))

/**
 * OBJECT_CHECK: checked cast of @obj to @type; a bad cast is a programming
 * error and aborts with a message naming both types.
 */
#define OBJECT_CHECK(type, obj, name) \
    ((type *)object_dynamic_cast_assert(OBJECT(obj), (name), __FILE__, \
                                        __LINE__, __func__))
/** OBJECT_CLASS_CHECK: checked cast of a class. */
#define OBJECT_CLASS_CHECK(class_type, class, name) \
    ((class_type *)object_class_dynamic_cast_assert(OBJECT_CLASS(class), \
                                                    (name), __FILE__, \
                                                    __LINE__, __func__))
/** OBJECT_GET_CLASS: the class of @obj, checked-cast to @class. */
#define OBJECT_GET_CLASS(class, obj, name) \
    OBJECT_CLASS_CHECK(class, object_get_class(OBJECT(obj)), name)
/** INTERFACE_CHECK: checked cast of an object to an interface type. */
#define INTERFACE_CHECK(interface, obj, name) \
    ((interface *)object_dynamic_cast_assert(OBJECT((obj)), (name), \
                                             __FILE__, __LINE__, __func__))

/*
 * Declaring a type's cast helpers, as QEMU does:
 *   OBJECT_DECLARE_TYPE(FooState, FooClass, FOO) gives FooState *FOO(obj),
 *   FooClass *FOO_CLASS(klass), FooClass *FOO_GET_CLASS(obj), typedefs for
 *   both structs and g_autoptr support; TYPE_FOO must be defined.
 *   OBJECT_DECLARE_SIMPLE_TYPE(FooState, FOO) is the same without a class.
 */
#define DECLARE_INSTANCE_CHECKER(InstanceType, OBJ_NAME, TYPENAME) \
    static inline G_GNUC_UNUSED InstanceType *OBJ_NAME(const void *obj) \
    {                                                                   \
        return OBJECT_CHECK(InstanceType, obj, TYPENAME);               \
    }

#define DECLARE_CLASS_CHECKERS(ClassType, OBJ_NAME, TYPENAME)              \
    static inline G_GNUC_UNUSED ClassType *OBJ_NAME##_GET_CLASS(           \
        const void *obj)                                                   \
    {                                                                      \
        return OBJECT_GET_CLASS(ClassType, obj, TYPENAME);                 \
    }                                                                      \
    static inline G_GNUC_UNUSED ClassType *OBJ_NAME##_CLASS(               \
        const void *klass)                                                 \
    {                                                                      \
        return OBJECT_CLASS_CHECK(ClassType, klass, TYPENAME);             \
    }

#define DECLARE_OBJ_CHECKERS(InstanceType, ClassType, OBJ_NAME, TYPENAME) \
    DECLARE_INSTANCE_CHECKER(InstanceType, OBJ_NAME, TYPENAME)            \
    DECLARE_CLASS_CHECKERS(ClassType, OBJ_NAME, TYPENAME)

#define OBJECT_DECLARE_TYPE(InstanceType, ClassType, MODULE_OBJ_NAME)      \
    typedef struct InstanceType InstanceType;                              \
    typedef struct ClassType ClassType;                                    \
    G_DEFINE_AUTOPTR_CLEANUP_FUNC(InstanceType, object_unref)              \
    DECLARE_OBJ_CHECKERS(InstanceType, ClassType, MODULE_OBJ_NAME,         \
                         TYPE_##MODULE_OBJ_NAME)

#define OBJECT_DECLARE_SIMPLE_TYPE(InstanceType, MODULE_OBJ_NAME)          \
    typedef struct InstanceType InstanceType;                              \
    G_DEFINE_AUTOPTR_CLEANUP_FUNC(InstanceType, object_unref)              \
    DECLARE_INSTANCE_CHECKER(InstanceType, MODULE_OBJ_NAME,                \
                             TYPE_##MODULE_OBJ_NAME)

/** DEFINE_TYPES: register an array of TypeInfo at start-up. */
#define DEFINE_TYPES(type_array)                                        \
    static void do_qomu_init_##type_array(void)                         \
    {                                                                   \
        type_register_static_array(type_array, ARRAY_SIZE(type_array)); \
    }                                                                   \
    type_init(do_qomu_init_##type_array)

/* Types */

/**
 * type_register_static: register @info (which must outlive the program).
 * A duplicate name is a programming error: it is reported and aborts.
 * Returns: the new type.
 */
Type type_register_static(const TypeInfo *info);

/** type_register: same as type_register_static; @info is copied. */
Type type_register(const TypeInfo *info);

/**
 * type_try_register: register @info, or fail with an error naming the
 * duplicate (or a missing name / parent).  Returns: the type, or NULL.
 */
Type type_try_register(const TypeInfo *info, Error **errp);

/** type_register_static_array: register @nr_infos types from @infos. */
void type_register_static_array(const TypeInfo *infos, int nr_infos);

/* Classes */

/**
 * object_class_by_name: the class of type @typename, initialising it (and
 * its ancestors) on first use.  Returns: the class, or NULL if no such type.
 */
ObjectClass *object_class_by_name(const char *typename);

/** object_class_get_name: the type name of @klass. */
const char *object_class_get_name(ObjectClass *klass);

/** object_class_get_parent: the parent class, or NULL for "object". */
ObjectClass *object_class_get_parent(ObjectClass *klass);

/** object_class_is_abstract: true if @klass cannot be instantiated. */
bool object_class_is_abstract(ObjectClass *klass);

/**
 * object_class_dynamic_cast: @klass as @typename (a class type or an
 * interface), or NULL if @klass is not of that type.
 */
ObjectClass *object_class_dynamic_cast(ObjectClass *klass,
                                       const char *typename);

/** object_class_dynamic_cast_assert: like the above; aborts on failure. */
ObjectClass *object_class_dynamic_cast_assert(ObjectClass *klass,
                                              const char *typename,
                                              const char *file, int line,
                                              const char *func);

/**
 * object_class_foreach: call @fn for every class implementing
 * @implements_type (NULL: all), skipping abstract ones unless
 * @include_abstract.  Order: by type name.
 */
void object_class_foreach(void (*fn)(ObjectClass *klass, void *opaque),
                          const char *implements_type, bool include_abstract,
                          void *opaque);

/**
 * object_class_get_list: the classes object_class_foreach would visit, as
 * a GSList the caller frees with g_slist_free (sorted by type name).
 */
GSList *object_class_get_list(const char *implements_type,
                              bool include_abstract);

/** object_class_get_list_sorted: same; kept for QEMU compatibility. */
GSList *object_class_get_list_sorted(const char *implements_type,
                                     bool include_abstract);

/**
 * object_class_implements: true if the class named @typename is, or
 * descends from, or implements @implements_type.
 */
bool object_class_implements(const char *typename,
                             const char *implements_type);

/** object_type_exists: true if a type named @typename is registered. */
bool object_type_exists(const char *typename);

/**
 * object_type_get_names: every registered type name, sorted; a
 * NULL-terminated array the caller frees with g_free (not the strings).
 */
const char **object_type_get_names(void);

/* Instances */

/**
 * object_new: allocate and initialise an instance of @typename.
 * The caller holds the one reference.  Aborts if the type does not exist
 * or is abstract (a programming error; check with object_class_by_name and
 * object_class_is_abstract first when the name comes from the user).
 */
Object *object_new(const char *typename);

/** object_new_with_class: object_new for a class already looked up. */
Object *object_new_with_class(ObjectClass *klass);

/**
 * object_initialize: initialise an instance embedded in memory the caller
 * owns (@size bytes at @data, at least the type's instance size).
 */
void object_initialize(void *data, size_t size, const char *typename);

/**
 * object_initialize_child: initialise @child (embedded in @parent's state)
 * as @type and add it as child property @propname of @parent.  The parent
 * holds the only reference; object_unparent() finalises it.
 */
#define object_initialize_child(parent, propname, child, type) \
    object_initialize_child_internal((parent), (propname), (child), \
                                     sizeof(*(child)), (type))
void object_initialize_child_internal(Object *parent, const char *propname,
                                      void *child, size_t size,
                                      const char *type);

/**
 * object_new_with_props: create @typename, set properties from a
 * NULL-terminated list of name, value string pairs, and add it as child
 * @id of @parent (if @parent is not NULL).  For user-creatable objects,
 * completes them.  Returns: the object (owned by @parent if given), or
 * NULL with @errp set and nothing left behind.
 */
Object *object_new_with_props(const char *typename, Object *parent,
                              const char *id, Error **errp, ...)
    G_GNUC_NULL_TERMINATED;

/**
 * object_set_props: set properties from a NULL-terminated list of name,
 * value string pairs.  Returns: true on success.
 */
bool object_set_props(Object *obj, Error **errp, ...) G_GNUC_NULL_TERMINATED;

/**
 * object_set_properties_from_qdict: set every property named in @qdict.
 * Values are QObjects of the property's type, or QStrings parsed as the
 * command line does when @from_keyval.  Returns: true on success.
 */
bool object_set_properties_from_qdict(Object *obj, const QDict *qdict,
                                      bool from_keyval, Error **errp);

/**
 * object_dynamic_cast: @obj as @typename (a class type or an interface),
 * or NULL.  @obj may be NULL.
 */
Object *object_dynamic_cast(Object *obj, const char *typename);

/** object_dynamic_cast_assert: like the above; aborts with a message. */
Object *object_dynamic_cast_assert(Object *obj, const char *typename,
                                   const char *file, int line,
                                   const char *func);

/** object_get_class: the class of @obj. */
ObjectClass *object_get_class(Object *obj);

/** object_get_typename: the type name of @obj. */
const char *object_get_typename(const Object *obj);

/** object_ref: take a reference on @obj.  Returns: @obj. */
Object *object_ref(void *obj);

/**
 * object_unref: drop a reference on @obj; at zero the object is finalised
 * (its properties released, children unparented, instance_finalize run
 * leaf to root) and freed if QOM allocated it.  @obj may be NULL.
 */
void object_unref(void *obj);

/** object_get_ref_count: the current reference count (for tests). */
uint32_t object_get_ref_count(Object *obj);

/**
 * object_live_count: how many objects are initialised and not yet
 * finalised, over the whole program.  Tests use it to prove teardown.
 */
long object_live_count(void);

/* Properties */

/**
 * object_property_try_add: add a property to @obj.
 * @type: the type name ("bool", "str", "uint32", "child<foo>", ...).
 * @get, @set: accessors (NULL: not readable / not writable).
 * @release: called when the property is deleted (may be NULL).
 * Returns: the property, or NULL (and @errp set) if the name is taken.
 *
 * A name ending in "[*]" gets the first free index: "dev[*]" -> "dev[0]".
 */
ObjectProperty *object_property_try_add(Object *obj, const char *name,
                                        const char *type,
                                        ObjectPropertyAccessor *get,
                                        ObjectPropertyAccessor *set,
                                        ObjectPropertyRelease *release,
                                        void *opaque, Error **errp);

/** object_property_add: like object_property_try_add; aborts on clash. */
ObjectProperty *object_property_add(Object *obj, const char *name,
                                    const char *type,
                                    ObjectPropertyAccessor *get,
                                    ObjectPropertyAccessor *set,
                                    ObjectPropertyRelease *release,
                                    void *opaque);

/** object_property_del: delete property @name of @obj (releasing it). */
void object_property_del(Object *obj, const char *name);

/**
 * object_class_property_add: add a property to every instance of @klass
 * and its subclasses.  Aborts if the name is taken (a programming error).
 */
ObjectProperty *object_class_property_add(ObjectClass *klass,
                                          const char *name, const char *type,
                                          ObjectPropertyAccessor *get,
                                          ObjectPropertyAccessor *set,
                                          ObjectPropertyRelease *release,
                                          void *opaque);

/** object_property_find: property @name of @obj (or its class), or NULL. */
ObjectProperty *object_property_find(Object *obj, const char *name);

/**
 * object_property_find_err: like object_property_find; sets
 * "Property '<type>.<name>' not found" (with "did you mean" as a hint)
 * when there is none.
 */
ObjectProperty *object_property_find_err(Object *obj, const char *name,
                                         Error **errp);

/** object_class_property_find: class property @name, or NULL. */
ObjectProperty *object_class_property_find(ObjectClass *klass,
                                           const char *name);

/**
 * ObjectPropertyIterator: walks an object's own properties, then its
 * class's, then each ancestor class's, in insertion order.
 */
typedef struct ObjectPropertyIterator {
    ObjectClass *nextclass;
    GPtrArray *props;
    guint index;
} ObjectPropertyIterator;

void object_property_iter_init(ObjectPropertyIterator *iter, Object *obj);
void object_class_property_iter_init(ObjectPropertyIterator *iter,
                                     ObjectClass *klass);
/** object_property_iter_next: the next property, or NULL at the end. */
ObjectProperty *object_property_iter_next(ObjectPropertyIterator *iter);

/** object_property_set_description: set the help text of a property. */
void object_property_set_description(Object *obj, const char *name,
                                     const char *description);
void object_class_property_set_description(ObjectClass *klass,
                                           const char *name,
                                           const char *description);

/**
 * object_property_set_default_bool / _str / _int / _uint: record a
 * default value on @prop and apply it to every new instance (the default
 * is shown by help and `qom-list`).
 */
void object_property_set_default_bool(ObjectProperty *prop, bool value);
void object_property_set_default_str(ObjectProperty *prop,
                                     const char *value);
void object_property_set_default_int(ObjectProperty *prop, int64_t value);
void object_property_set_default_uint(ObjectProperty *prop, uint64_t value);
/** object_property_get_default: @prop's default as a string, or NULL. */
char *object_property_get_default(ObjectProperty *prop);

/**
 * object_property_get: read property @name of @obj into visitor @v.
 * Fails if there is no such property or it is write-only.
 */
bool object_property_get(Object *obj, const char *name, Visitor *v,
                         Error **errp);

/**
 * object_property_set: write property @name of @obj from visitor @v.
 * Fails if there is no such property, it is read-only, or the value is bad.
 */
bool object_property_set(Object *obj, const char *name, Visitor *v,
                         Error **errp);

/* Typed convenience accessors (through QObject visitors). */
bool object_property_set_str(Object *obj, const char *name,
                             const char *value, Error **errp);
/** object_property_get_str: returns a new string, or NULL on error. */
char *object_property_get_str(Object *obj, const char *name, Error **errp);
bool object_property_set_bool(Object *obj, const char *name, bool value,
                              Error **errp);
bool object_property_get_bool(Object *obj, const char *name, Error **errp);
bool object_property_set_int(Object *obj, const char *name, int64_t value,
                             Error **errp);
/** object_property_get_int: the value, or -1 with @errp set. */
int64_t object_property_get_int(Object *obj, const char *name,
                                Error **errp);
bool object_property_set_uint(Object *obj, const char *name, uint64_t value,
                              Error **errp);
/** object_property_get_uint: the value, or 0 with @errp set. */
uint64_t object_property_get_uint(Object *obj, const char *name,
                                  Error **errp);
/**
 * object_property_get_enum: the enum property's value as an index into
 * its lookup table, or -1 with @errp set.
 */
int object_property_get_enum(Object *obj, const char *name,
                             const char *typename, Error **errp);
/** object_property_set_link: point link property @name at @value. */
bool object_property_set_link(Object *obj, const char *name, Object *value,
                              Error **errp);
/** object_property_get_link: the object a link property points at. */
Object *object_property_get_link(Object *obj, const char *name,
                                 Error **errp);
/** object_property_set_qobject: write from a QObject of the right type. */
bool object_property_set_qobject(Object *obj, const char *name,
                                 QObject *value, Error **errp);
/** object_property_get_qobject: read as a new QObject, or NULL. */
QObject *object_property_get_qobject(Object *obj, const char *name,
                                     Error **errp);

/**
 * object_property_parse: set property @name from the text @string, parsed
 * as the command line does ("on", "64K", "0x1000", an enum name, a path).
 */
bool object_property_parse(Object *obj, const char *name,
                           const char *string, Error **errp);

/**
 * object_property_print: the property's value as text; @human selects the
 * human form (e.g. sizes as "64 KiB", integers also in hex) as shown by
 * `info qtree`.  Returns: a new string, or NULL with @errp set.
 */
char *object_property_print(Object *obj, const char *name, bool human,
                            Error **errp);

/** object_property_get_type: the type string of property @name. */
const char *object_property_get_type(Object *obj, const char *name,
                                     Error **errp);

/* Typed properties stored by the caller */

typedef enum {
    OBJ_PROP_FLAG_READ = 1 << 0,
    OBJ_PROP_FLAG_WRITE = 1 << 1,
    OBJ_PROP_FLAG_READWRITE = (OBJ_PROP_FLAG_READ | OBJ_PROP_FLAG_WRITE),
} ObjectPropertyFlags;

ObjectProperty *object_property_add_str(Object *obj, const char *name,
                                        char *(*get)(Object *, Error **),
                                        void (*set)(Object *, const char *,
                                                    Error **));
ObjectProperty *object_class_property_add_str(
    ObjectClass *klass, const char *name, char *(*get)(Object *, Error **),
    void (*set)(Object *, const char *, Error **));
ObjectProperty *object_property_add_bool(Object *obj, const char *name,
                                         bool (*get)(Object *, Error **),
                                         void (*set)(Object *, bool,
                                                     Error **));
ObjectProperty *object_class_property_add_bool(
    ObjectClass *klass, const char *name, bool (*get)(Object *, Error **),
    void (*set)(Object *, bool, Error **));
/** object_property_add_enum: @typename names the enum ("OnOffAuto"). */
ObjectProperty *object_property_add_enum(Object *obj, const char *name,
                                         const char *typename,
                                         const QEnumLookup *lookup,
                                         int (*get)(Object *, Error **),
                                         void (*set)(Object *, int,
                                                     Error **));
ObjectProperty *object_class_property_add_enum(
    ObjectClass *klass, const char *name, const char *typename,
    const QEnumLookup *lookup, int (*get)(Object *, Error **),
    void (*set)(Object *, int, Error **));
ObjectProperty *object_property_add_uint8_ptr(Object *obj, const char *name,
                                              const uint8_t *v,
                                              ObjectPropertyFlags flags);
ObjectProperty *object_property_add_uint16_ptr(Object *obj,
                                               const char *name,
                                               const uint16_t *v,
                                               ObjectPropertyFlags flags);
ObjectProperty *object_property_add_uint32_ptr(Object *obj,
                                               const char *name,
                                               const uint32_t *v,
                                               ObjectPropertyFlags flags);
ObjectProperty *object_property_add_uint64_ptr(Object *obj,
                                               const char *name,
                                               const uint64_t *v,
                                               ObjectPropertyFlags flags);

/* The composition tree */

/**
 * object_property_try_add_child: make @child a child of @obj under
 * property @name ("child<type>"); @obj takes a reference.  @child must
 * have no parent.  "[*]" in @name is auto-numbered.
 */
ObjectProperty *object_property_try_add_child(Object *obj, const char *name,
                                              Object *child, Error **errp);
/** object_property_add_child: as above; aborts on a clash. */
ObjectProperty *object_property_add_child(Object *obj, const char *name,
                                          Object *child);

typedef enum {
    /* Unref the target when the link is changed or deleted. */
    OBJ_PROP_LINK_STRONG = 0x1,
    /* private */
    OBJ_PROP_LINK_DIRECT = 0x2,
    OBJ_PROP_LINK_CLASS = 0x4,
} ObjectPropertyLinkFlags;

/**
 * object_property_allow_set_link: a link check that accepts any target
 * of the right type.
 */
void object_property_allow_set_link(const Object *obj, const char *name,
                                    Object *val, Error **errp);

/**
 * object_property_add_link: add link<@type> property @name to @obj backed
 * by *@targetp.  Setting it takes a path (absolute or partial); @check
 * may refuse a target (NULL: the link is read-only after creation).
 */
ObjectProperty *object_property_add_link(
    Object *obj, const char *name, const char *type, Object **targetp,
    void (*check)(const Object *obj, const char *name, Object *val,
                  Error **errp),
    ObjectPropertyLinkFlags flags);

/**
 * object_class_property_add_link: the same on a class; the target
 * pointer lives at @offset in each instance.
 */
ObjectProperty *object_class_property_add_link(
    ObjectClass *oc, const char *name, const char *type, ptrdiff_t offset,
    void (*check)(const Object *obj, const char *name, Object *val,
                  Error **errp),
    ObjectPropertyLinkFlags flags);

/** object_property_add_const_link: a read-only link to @target. */
ObjectProperty *object_property_add_const_link(Object *obj, const char *name,
                                               Object *target);

/**
 * object_property_add_alias: property @name of @obj forwards to property
 * @target_name of @target_obj (same type, description, default).
 */
ObjectProperty *object_property_add_alias(Object *obj, const char *name,
                                          Object *target_obj,
                                          const char *target_name);

/** object_get_root: the root container "/" (created on first use). */
Object *object_get_root(void);

/**
 * object_root_cleanup: unparent everything under the root, newest first,
 * and finalise the root itself (qomu: QEMU never frees its tree).  The
 * next object_get_root() makes a new, empty root.
 */
void object_root_cleanup(void);

/** object_get_objects_root: the container for -object, "/objects". */
Object *object_get_objects_root(void);

/**
 * object_get_parent: the parent in the composition tree, or NULL.
 */
Object *object_get_parent(Object *obj);

/**
 * object_get_canonical_path_component: the name of @obj in its parent
 * (do not free), or NULL if it has no parent.
 */
const char *object_get_canonical_path_component(const Object *obj);

/**
 * object_get_canonical_path: "/machine/soc/uart0"; a new string, or NULL
 * if @obj is not in the tree under the root.
 */
char *object_get_canonical_path(const Object *obj);

/**
 * object_resolve_path: resolve an absolute path ("/machine/soc") or a
 * partial one ("uart0", matched against every path that ends with it).
 * @ambiguous: set to true when a partial path matches more than one object
 * (the result is then NULL); may be NULL.
 */
Object *object_resolve_path(const char *path, bool *ambiguous);

/** object_resolve_path_type: as above, only objects of type @typename. */
Object *object_resolve_path_type(const char *path, const char *typename,
                                 bool *ambiguous);

/** object_resolve_path_at: resolve @path relative to @parent. */
Object *object_resolve_path_at(Object *parent, const char *path);

/** object_resolve_path_component: the object @part names under @parent. */
Object *object_resolve_path_component(Object *parent, const char *part);

/**
 * object_child_foreach: call @fn on each child of @obj (in insertion
 * order) until it returns non-zero.  Returns: that value, or 0.
 */
int object_child_foreach(Object *obj, int (*fn)(Object *child, void *opaque),
                         void *opaque);

/** object_child_foreach_recursive: as above, depth first, pre-order. */
int object_child_foreach_recursive(Object *obj,
                                   int (*fn)(Object *child, void *opaque),
                                   void *opaque);

/**
 * object_unparent: remove @obj from its parent (calling its class's
 * unparent hook first, e.g. to unrealize a device) and drop the parent's
 * reference, which finalises it unless someone else holds one.
 */
void object_unparent(Object *obj);

/**
 * container_get: the object at @path under @root, creating empty
 * containers for missing components.
 */
Object *container_get(Object *root, const char *path);

/** object_property_is_child: true for a child<> property. */
bool object_property_is_child(ObjectProperty *prop);
/** object_property_is_link: true for a link<> property. */
bool object_property_is_link(ObjectProperty *prop);

#endif /* QOM_OBJECT_H */

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qdev-properties.h: static device properties and -global, as QEMU's
 * include/hw/qdev-properties.h.
 *
 * A device class lists its configurable fields in a const Property table:
 *
 *   static const Property foo_properties[] = {
 *       DEFINE_PROP_UINT32("baudbase", FooState, baudbase, 115200),
 *       DEFINE_PROP_BOOL("fifo", FooState, fifo_enabled, true),
 *   };
 *   ...
 *   device_class_set_props(dc, foo_properties);
 *
 * Each entry becomes a class property whose getter and setter take a
 * Visitor, with its default (applied to each new instance before
 * instance_init) and a description shown by `-device foo,help`.  Setting a
 * property of a realized device fails with
 *   property 'x' of device 'id' (type 't') cannot be changed after it was
 *   realized
 * (id: the device's id, or its canonical path when it has none).
 *
 * Choices and differences from QEMU:
 * - tables are sized (QEMU's current form): device_class_set_props()
 *   takes the array itself and counts it with ARRAY_SIZE; there is no
 *   DEFINE_PROP_END_OF_LIST;
 * - DEFINE_PROP_ARRAY is QEMU's current list property: the value is a
 *   list, set from JSON / QObject ("foo": [1, 2]) or from keyval
 *   "foo.0=1,foo.1=2" when the caller's keyval parser builds lists; there
 *   are no len-foo / foo[i] properties;
 * - a user's -global (GlobalProperty.user_provided) is never overridden by
 *   a board default: not by a board global, and not by a later
 *   qdev_prop_set_*() on the device; each such conflict is warned about
 *   once, naming both values;
 * - globals apply in class order: those for an interface the device
 *   implements, then those for an ancestor type, then those for more
 *   derived types (registration order within one type), board globals
 *   before user globals;
 * - a global whose value is bad makes the device's realize fail with the
 *   reason (QEMU exits at creation).
 */
#ifndef HW_QDEV_PROPERTIES_H
#define HW_QDEV_PROPERTIES_H

#include "hw/qdev-core.h"
#include "qapi/util.h"
#include "qapi/qapi-types-common.h"

typedef struct PropertyInfo PropertyInfo;

/**
 * Property: one static property.
 * @name: the property name (lower case, dashes).
 * @info: its type (qdev_prop_uint32 ...).
 * @offset: the field's offset in the device state.
 * @link_type: for links, the target type.
 * @bitnr: for bit properties, the bit.
 * @set_default: whether @defval applies.
 * @defval: the default value (i for signed and enums, u for unsigned and
 * bools).
 * @arrayinfo, @arrayoffset, @arrayfieldsize: for arrays, the element type,
 * the offset of the element pointer and the element size; the count is
 * the uint32_t field at @offset.
 */
struct Property {
    const char *name;
    const PropertyInfo *info;
    ptrdiff_t offset;
    const char *link_type;
    uint8_t bitnr;
    bool set_default;
    union {
        int64_t i;
        uint64_t u;
    } defval;
    const PropertyInfo *arrayinfo;
    int arrayoffset;
    int arrayfieldsize;
};

/**
 * PropertyInfo: a property type.
 * @type: the type name shown by help ("uint32", "bool", "str", "size",
 * "OnOffAuto", "link<irq>").
 * @description: a default description.
 * @enum_table: for enums, the names.
 * @realized_set_allowed: may be set on a realized device.
 * @set_default_value: record @prop's default on the class property.
 * @create: add the property in a special way (links); NULL for the usual
 * getter / setter.
 * @get, @set: the accessors; opaque is the Property.
 * @release: frees what the property owns (strings) at finalize.
 */
struct PropertyInfo {
    const char *type;
    const char *description;
    const QEnumLookup *enum_table;
    bool realized_set_allowed;
    void (*set_default_value)(ObjectProperty *op, const Property *prop);
    ObjectProperty *(*create)(ObjectClass *oc, const char *name,
                              const Property *prop);
    ObjectPropertyAccessor *get;
    ObjectPropertyAccessor *set;
    ObjectPropertyRelease *release;
};

extern const PropertyInfo qdev_prop_bit;
extern const PropertyInfo qdev_prop_bit64;
extern const PropertyInfo qdev_prop_bool;
extern const PropertyInfo qdev_prop_uint8;
extern const PropertyInfo qdev_prop_uint16;
extern const PropertyInfo qdev_prop_uint32;
extern const PropertyInfo qdev_prop_int32;
extern const PropertyInfo qdev_prop_uint64;
extern const PropertyInfo qdev_prop_uint64_checkmask;
extern const PropertyInfo qdev_prop_int64;
extern const PropertyInfo qdev_prop_size;
extern const PropertyInfo qdev_prop_string;
extern const PropertyInfo qdev_prop_on_off_auto;
extern const PropertyInfo qdev_prop_link;
extern const PropertyInfo qdev_prop_array;

/* Compile-time check that a field has the expected type (evaluates to 0). */
#define qdev_type_check(t1, t2) ((t1 *)0 - (t2 *)0)
#define qdev_typeof_field(type, field) typeof(((type *)0)->field)

#define DEFINE_PROP(_name, _state, _field, _prop, _type, ...) {      \
        .name = (_name),                                             \
        .info = &(_prop),                                            \
        .offset = offsetof(_state, _field) +                         \
                  qdev_type_check(_type,                             \
                                  qdev_typeof_field(_state, _field)), \
        __VA_ARGS__                                                  \
    }

#define DEFINE_PROP_SIGNED(_name, _state, _field, _defval, _prop, _type) \
    DEFINE_PROP(_name, _state, _field, _prop, _type,                     \
                .set_default = true,                                     \
                .defval.i = (_type)(_defval))

#define DEFINE_PROP_SIGNED_NODEFAULT(_name, _state, _field, _prop, _type) \
    DEFINE_PROP(_name, _state, _field, _prop, _type)

#define DEFINE_PROP_UNSIGNED(_name, _state, _field, _defval, _prop, _type) \
    DEFINE_PROP(_name, _state, _field, _prop, _type,                       \
                .set_default = true,                                       \
                .defval.u = (_type)(_defval))

#define DEFINE_PROP_UNSIGNED_NODEFAULT(_name, _state, _field, _prop, _type) \
    DEFINE_PROP(_name, _state, _field, _prop, _type)

/** DEFINE_PROP_BIT: bit @_bit of the uint32_t @_field, as a bool. */
#define DEFINE_PROP_BIT(_name, _state, _field, _bit, _defval) \
    DEFINE_PROP(_name, _state, _field, qdev_prop_bit, uint32_t, \
                .bitnr = (_bit),                               \
                .set_default = true,                           \
                .defval.u = (bool)(_defval))

/** DEFINE_PROP_BIT64: bit @_bit of the uint64_t @_field, as a bool. */
#define DEFINE_PROP_BIT64(_name, _state, _field, _bit, _defval) \
    DEFINE_PROP(_name, _state, _field, qdev_prop_bit64, uint64_t, \
                .bitnr = (_bit),                                 \
                .set_default = true,                             \
                .defval.u = (bool)(_defval))

#define DEFINE_PROP_BOOL(_name, _state, _field, _defval) \
    DEFINE_PROP(_name, _state, _field, qdev_prop_bool, bool, \
                .set_default = true,                        \
                .defval.u = (bool)(_defval))

#define DEFINE_PROP_UINT8(_n, _s, _f, _d) \
    DEFINE_PROP_UNSIGNED(_n, _s, _f, _d, qdev_prop_uint8, uint8_t)
#define DEFINE_PROP_UINT16(_n, _s, _f, _d) \
    DEFINE_PROP_UNSIGNED(_n, _s, _f, _d, qdev_prop_uint16, uint16_t)
#define DEFINE_PROP_UINT32(_n, _s, _f, _d) \
    DEFINE_PROP_UNSIGNED(_n, _s, _f, _d, qdev_prop_uint32, uint32_t)
#define DEFINE_PROP_INT32(_n, _s, _f, _d) \
    DEFINE_PROP_SIGNED(_n, _s, _f, _d, qdev_prop_int32, int32_t)
#define DEFINE_PROP_UINT64(_n, _s, _f, _d) \
    DEFINE_PROP_UNSIGNED(_n, _s, _f, _d, qdev_prop_uint64, uint64_t)
#define DEFINE_PROP_INT64(_n, _s, _f, _d) \
    DEFINE_PROP_SIGNED(_n, _s, _f, _d, qdev_prop_int64, int64_t)
/** DEFINE_PROP_SIZE: a uint64_t size ("64K", "1G", "0x1000"). */
#define DEFINE_PROP_SIZE(_n, _s, _f, _d) \
    DEFINE_PROP_UNSIGNED(_n, _s, _f, _d, qdev_prop_size, uint64_t)
/** DEFINE_PROP_STRING: a char * the device owns (freed at finalize). */
#define DEFINE_PROP_STRING(_n, _s, _f) \
    DEFINE_PROP(_n, _s, _f, qdev_prop_string, char *)
#define DEFINE_PROP_ON_OFF_AUTO(_n, _s, _f, _d) \
    DEFINE_PROP_SIGNED(_n, _s, _f, _d, qdev_prop_on_off_auto, OnOffAuto)

/**
 * DEFINE_PROP_ENUM: an enum field of C type @_type whose PropertyInfo
 * @_info was built with QDEV_PROP_ENUM_INFO().
 */
#define DEFINE_PROP_ENUM(_n, _s, _f, _d, _info, _type) \
    DEFINE_PROP_SIGNED(_n, _s, _f, _d, _info, _type)

/**
 * QDEV_PROP_ENUM_INFO: the initializer of a PropertyInfo for an enum.
 * @_typename: the enum's name shown by help ("FooMode").
 * @_lookup: the QEnumLookup with its names.
 * @_desc: the description.
 * Example:
 *   static const PropertyInfo prop_foo_mode =
 *       QDEV_PROP_ENUM_INFO("FooMode", FooMode_lookup, "fast/slow");
 */
#define QDEV_PROP_ENUM_INFO(_typename, _lookup, _desc) {     \
        .type = (_typename),                                 \
        .description = (_desc),                              \
        .enum_table = &(_lookup),                            \
        .get = qdev_propinfo_get_enum,                       \
        .set = qdev_propinfo_set_enum,                       \
        .set_default_value = qdev_propinfo_set_default_value_enum, \
    }

/**
 * DEFINE_PROP_LINK: a link to an object of type @_type stored in the
 * @_ptr_type field @_field (set by path before realize).
 */
#define DEFINE_PROP_LINK(_name, _state, _field, _type, _ptr_type) \
    DEFINE_PROP(_name, _state, _field, qdev_prop_link, _ptr_type,  \
                .link_type = (_type))

/**
 * DEFINE_PROP_ARRAY: a list property.  The uint32_t @_field holds the
 * length and the @_arraytype * @_arrayfield the elements (allocated by
 * the setter, freed at finalize); @_arrayprop is the element type.
 */
#define DEFINE_PROP_ARRAY(_name, _state, _field, _arrayfield, _arrayprop, \
                          _arraytype)                                     \
    DEFINE_PROP(_name, _state, _field, qdev_prop_array, uint32_t,         \
                .set_default = true,                                      \
                .defval.u = 0,                                            \
                .arrayinfo = &(_arrayprop),                               \
                .arrayfieldsize = sizeof(_arraytype),                     \
                .arrayoffset = offsetof(_state, _arrayfield) +            \
                    qdev_type_check(_arraytype *,                         \
                                    qdev_typeof_field(_state,             \
                                                      _arrayfield)))

/**
 * device_class_set_props: install the static property table @props (an
 * array, counted with ARRAY_SIZE) on @dc.  Call once per class.
 */
#define device_class_set_props(dc, props) \
    device_class_set_props_n((dc), (props), ARRAY_SIZE(props))

/** device_class_set_props_n: the same with an explicit count @n. */
void device_class_set_props_n(DeviceClass *dc, const Property *props,
                              size_t n);

/**
 * qdev_property_add_static: add @prop to the single device @dev (an
 * instance property with the same behaviour as a class one).
 */
void qdev_property_add_static(DeviceState *dev, const Property *prop);

/**
 * object_field_prop_ptr: where @prop's field lives in @obj.
 */
void *object_field_prop_ptr(Object *obj, const Property *prop);

/*
 * Setting properties from board code.  A bad name or value is a
 * programming error and aborts (as QEMU).  A property that a user's
 * -global set keeps the user's value (with a warning).
 */
void qdev_prop_set_bit(DeviceState *dev, const char *name, bool value);
void qdev_prop_set_uint8(DeviceState *dev, const char *name, uint8_t value);
void qdev_prop_set_uint16(DeviceState *dev, const char *name,
                          uint16_t value);
void qdev_prop_set_uint32(DeviceState *dev, const char *name,
                          uint32_t value);
void qdev_prop_set_int32(DeviceState *dev, const char *name, int32_t value);
void qdev_prop_set_uint64(DeviceState *dev, const char *name,
                          uint64_t value);
void qdev_prop_set_int64(DeviceState *dev, const char *name, int64_t value);
void qdev_prop_set_size(DeviceState *dev, const char *name, uint64_t value);
void qdev_prop_set_string(DeviceState *dev, const char *name,
                          const char *value);
/** qdev_prop_set_enum: set an enum property by its value. */
void qdev_prop_set_enum(DeviceState *dev, const char *name, int value);
/** qdev_prop_set_link: point a link property at @value. */
void qdev_prop_set_link(DeviceState *dev, const char *name, Object *value);
/**
 * qdev_prop_set_array: set an array property from @values, a QList of
 * QObjects of the element type.  Takes ownership of @values.
 */
void qdev_prop_set_array(DeviceState *dev, const char *name, QList *values);

/**
 * qdev_prop_set_after_realize: set the "cannot be changed after it was
 * realized" error for property @name of @dev.
 */
void qdev_prop_set_after_realize(DeviceState *dev, const char *name,
                                 Error **errp);

/**
 * qdev_prop_allow_set_link_before_realize: a link check that refuses
 * changes once the device is realized.
 */
void qdev_prop_allow_set_link_before_realize(const Object *obj,
                                             const char *name, Object *val,
                                             Error **errp);

/* Helpers for custom PropertyInfos (enums, integers). */
void qdev_propinfo_get_enum(Object *obj, Visitor *v, const char *name,
                            void *opaque, Error **errp);
void qdev_propinfo_set_enum(Object *obj, Visitor *v, const char *name,
                            void *opaque, Error **errp);
/* Getters of int32 / uint32 fields, for custom PropertyInfos (PCI devfn). */
void qdev_propinfo_get_int32(Object *obj, Visitor *v, const char *name,
                             void *opaque, Error **errp);
void qdev_propinfo_get_uint32(Object *obj, Visitor *v, const char *name,
                              void *opaque, Error **errp);
void qdev_propinfo_set_default_value_enum(ObjectProperty *op,
                                          const Property *prop);
void qdev_propinfo_set_default_value_int(ObjectProperty *op,
                                         const Property *prop);
void qdev_propinfo_set_default_value_uint(ObjectProperty *op,
                                          const Property *prop);

/* Globals (-global) */

/**
 * GlobalProperty: a default for property @property of every device of
 * type @driver (or a subtype).
 * @driver, @property, @value: what to set ("ns16550a", "baudbase",
 * "9600").
 * @user_provided: from the user's -global (wins over board globals and
 * board settings).
 * @used: set once it applied to some device.
 * @optional: a board compat value that may not apply; no warning.
 */
typedef struct GlobalProperty {
    const char *driver;
    const char *property;
    const char *value;
    bool used;
    bool optional;
    bool user_provided;
} GlobalProperty;

/**
 * qdev_prop_register_global: add @prop to the global list (the caller
 * keeps it alive).  Applies to devices created afterwards.
 */
void qdev_prop_register_global(GlobalProperty *prop);

/**
 * qdev_global_parse: register the user's -global @str, in either form
 * "driver.property=value" or "driver=D,property=P,value=V" (",," is a
 * literal comma).  Returns: true on success; a malformed string is an
 * error naming what was expected.
 */
bool qdev_global_parse(const char *str, Error **errp);

/**
 * qdev_prop_check_globals: warn about every non-optional global that
 * never applied: unknown driver ("-global foo.x=1: no device type 'foo'",
 * with a "did you mean"), unknown property, or no such device created.
 * Returns: the number of warnings.
 */
int qdev_prop_check_globals(void);

/**
 * qdev_prop_reset_globals: forget every global (for tests and teardown);
 * frees those qdev_global_parse() registered.
 */
void qdev_prop_reset_globals(void);

/**
 * object_apply_global_props: apply the entries of @props (GlobalProperty
 * pointers) that match @obj's type, as QEMU's function of that name (in
 * array order; no user/board rule).  Returns: true on success.
 */
bool object_apply_global_props(Object *obj, const GPtrArray *props,
                               Error **errp);

/**
 * qdev_prop_set_globals: apply the registered globals to @dev (called by
 * the device type's instance_post_init).
 */
void qdev_prop_set_globals(DeviceState *dev);

#endif /* HW_QDEV_PROPERTIES_H */

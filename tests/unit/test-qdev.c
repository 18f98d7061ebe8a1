/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-qdev.c: the device model: static properties, realize, buses,
 * globals, GPIO lines, sysbus, reset, teardown, device_add errors and the
 * `info qtree` text, with test device types defined here.
 */
#include "qomu/osdep.h"
#include "qapi/error.h"
#include "qapi/visitor.h"
#include "qobject/qdict.h"
#include "qobject/qlist.h"
#include "qobject/qnum.h"
#include "qobject/qstring.h"
#include "qobject/qjson.h"
#include "qapi/keyval.h"
#include "hw/qdev-core.h"
#include "hw/qdev-properties.h"
#include "hw/qdev-properties-system.h"
#include "chardev/char.h"
#include "chardev/char-fe.h"
#include "hw/sysbus.h"
#include "hw/irq.h"
#include "hw/resettable.h"
#include "exec/memory.h"
#include "exec/address-spaces.h"

/* Warnings are captured here instead of going to stderr. */
static GString *warnings;

static void capture_print(void *opaque, const char *msg)
{
    g_string_append(warnings, msg);
}

/* What every test leaves behind: nothing. */
static long live_at_start;

static void test_begin(void)
{
    live_at_start = object_live_count();
    g_string_truncate(warnings, 0);
}

static void test_end(void)
{
    qdev_teardown_all();
    memory_map_cleanup();
    g_assert_cmpint(object_live_count(), ==, live_at_start);
}

/* The reset log: "enter:a hold:a exit:a ..." */
static GString *reset_log;

static void log_phase(Object *obj, const char *phase)
{
    DeviceState *dev = (DeviceState *)object_dynamic_cast(obj, TYPE_DEVICE);
    const char *name = dev && dev->id ? dev->id :
                       object_dynamic_cast(obj, TYPE_BUS) ? "bus" :
                       object_get_canonical_path_component(obj);

    g_string_append_printf(reset_log, "%s%s:%s", reset_log->len ? " " : "",
                           phase, name ? name : "?");
}

static void tst_reset_enter(Object *obj, ResetType type)
{
    log_phase(obj, "enter");
}

static void tst_reset_hold(Object *obj, ResetType type)
{
    log_phase(obj, "hold");
}

static void tst_reset_exit(Object *obj, ResetType type)
{
    log_phase(obj, "exit");
}

/* tst-dev: one property of each kind */

#define TYPE_TST_DEV "tst-dev"

typedef enum TstMode {
    TST_MODE_FAST,
    TST_MODE_SLOW,
    TST_MODE__MAX,
} TstMode;

static const char *const tst_mode_names[] = { "fast", "slow" };
static const QEnumLookup TstMode_lookup = {
    .array = tst_mode_names,
    .size = TST_MODE__MAX,
};
static const PropertyInfo prop_tst_mode =
    QDEV_PROP_ENUM_INFO("TstMode", TstMode_lookup, "fast/slow");

typedef struct TstDev {
    DeviceState parent_obj;

    bool b;
    uint32_t flags;
    uint64_t flags64;
    uint8_t u8;
    uint16_t u16;
    uint32_t u32;
    uint64_t u64;
    int32_t i32;
    int64_t i64;
    uint64_t size;
    char *str;
    OnOffAuto ooa;
    TstMode mode;
    Object *link;
    uint32_t num_arr;
    uint32_t *arr;
    uint32_t num_sarr;
    char **sarr;
    bool fail;
    int realizes;
    int unrealizes;
} TstDev;

#define TST_DEV(obj) OBJECT_CHECK(TstDev, (obj), TYPE_TST_DEV)

static const Property tst_dev_props[] = {
    DEFINE_PROP_BOOL("b", TstDev, b, true),
    DEFINE_PROP_BIT("bit3", TstDev, flags, 3, true),
    DEFINE_PROP_BIT("bit4", TstDev, flags, 4, false),
    DEFINE_PROP_BIT64("bit40", TstDev, flags64, 40, true),
    DEFINE_PROP_UINT8("u8", TstDev, u8, 7),
    DEFINE_PROP_UINT16("u16", TstDev, u16, 1600),
    DEFINE_PROP_UINT32("u32", TstDev, u32, 115200),
    DEFINE_PROP_UINT64("u64", TstDev, u64, 0x100000000ULL),
    DEFINE_PROP_INT32("i32", TstDev, i32, -5),
    DEFINE_PROP_INT64("i64", TstDev, i64, -6000000000LL),
    DEFINE_PROP_SIZE("size", TstDev, size, 64 * 1024),
    DEFINE_PROP_STRING("str", TstDev, str),
    DEFINE_PROP_ON_OFF_AUTO("ooa", TstDev, ooa, ON_OFF_AUTO_AUTO),
    DEFINE_PROP_ENUM("mode", TstDev, mode, TST_MODE_SLOW, prop_tst_mode,
                     TstMode),
    DEFINE_PROP_LINK("link", TstDev, link, TYPE_DEVICE, Object *),
    DEFINE_PROP_ARRAY("arr", TstDev, num_arr, arr, qdev_prop_uint32,
                      uint32_t),
    DEFINE_PROP_ARRAY("sarr", TstDev, num_sarr, sarr, qdev_prop_string,
                      char *),
    DEFINE_PROP_BOOL("fail", TstDev, fail, false),
};

static void tst_dev_realize(DeviceState *dev, Error **errp)
{
    TstDev *s = TST_DEV(dev);

    if (s->fail) {
        error_setg(errp, "tst-dev: asked to fail");
        return;
    }
    s->realizes++;
}

static void tst_dev_unrealize(DeviceState *dev)
{
    TST_DEV(dev)->unrealizes++;
}

static void tst_dev_class_init(ObjectClass *oc, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);
    ResettableClass *rc = RESETTABLE_CLASS(oc);
    ResettablePhases parent;

    dc->realize = tst_dev_realize;
    dc->unrealize = tst_dev_unrealize;
    dc->desc = "a device with every kind of property";
    device_class_set_category(dc, DEVICE_CATEGORY_MISC);
    device_class_set_props(dc, tst_dev_props);
    resettable_class_set_parent_phases(rc, tst_reset_enter, tst_reset_hold,
                                       tst_reset_exit, &parent);
}

/* tst-bus, tst-bus-one (max one device), tst-other-bus */

#define TYPE_TST_BUS "tst-bus"
#define TYPE_TST_BUS_ONE "tst-bus-one"
#define TYPE_TST_OTHER_BUS "tst-other-bus"

static void tst_bus_one_class_init(ObjectClass *oc, const void *data)
{
    BUS_CLASS(oc)->max_dev = 1;
}

static void tst_bus_class_init(ObjectClass *oc, const void *data)
{
    ResettableClass *rc = RESETTABLE_CLASS(oc);
    ResettablePhases parent;

    resettable_class_set_parent_phases(rc, tst_reset_enter, tst_reset_hold,
                                       tst_reset_exit, &parent);
}

/* tst-busdev: plugs into a tst-bus */

#define TYPE_TST_BUSDEV "tst-busdev"

static void tst_busdev_class_init(ObjectClass *oc, const void *data)
{
    DEVICE_CLASS(oc)->bus_type = TYPE_TST_BUS;
}

/* tst-ctl: owns a tst-bus made in instance_init; tst-ctl2: one in realize */

#define TYPE_TST_CTL "tst-ctl"
#define TYPE_TST_CTL2 "tst-ctl2"

typedef struct TstCtl {
    TstDev parent_obj;
    BusState bus;
    BusState *bus2;
} TstCtl;

#define TST_CTL(obj) OBJECT_CHECK(TstCtl, (obj), TYPE_TST_CTL)

static void tst_ctl_init(Object *obj)
{
    TstCtl *s = TST_CTL(obj);

    qbus_init(&s->bus, sizeof(s->bus), TYPE_TST_BUS, DEVICE(obj), NULL);
}

static void tst_ctl2_realize(DeviceState *dev, Error **errp)
{
    TstCtl *s = TST_CTL(dev);

    s->bus2 = qbus_new(TYPE_TST_BUS_ONE, dev, NULL);
}

static void tst_ctl2_class_init(ObjectClass *oc, const void *data)
{
    DEVICE_CLASS(oc)->realize = tst_ctl2_realize;
}

/* tst-sub, tst-subsub: a subclass chain for globals */

#define TYPE_TST_SUB "tst-sub"
#define TYPE_TST_SUBSUB "tst-subsub"

/* tst-cpu: a device on no bus (as a CPU) */

#define TYPE_TST_CPU "tst-cpu"

static void tst_cpu_class_init(ObjectClass *oc, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->user_creatable = false;
    dc->not_user_creatable_reason = "CPUs are created by -smp";
}

/* tst-robj: a Resettable object that is not a device */

#define TYPE_TST_ROBJ "tst-robj"

typedef struct TstRObj {
    Object parent_obj;
    ResettableState reset;
} TstRObj;

static ResettableState *tst_robj_get_state(Object *obj)
{
    return &((TstRObj *)obj)->reset;
}

static void tst_robj_class_init(ObjectClass *oc, const void *data)
{
    ResettableClass *rc = RESETTABLE_CLASS(oc);

    rc->get_state = tst_robj_get_state;
    rc->phases.enter = tst_reset_enter;
    rc->phases.hold = tst_reset_hold;
    rc->phases.exit = tst_reset_exit;
}

/* tst-legacy: a device with a legacy single reset */

#define TYPE_TST_LEGACY "tst-legacy"

static int legacy_resets;

static void tst_legacy_reset(DeviceState *dev)
{
    legacy_resets++;
    log_phase(OBJECT(dev), "legacy");
}

static void tst_legacy_class_init(ObjectClass *oc, const void *data)
{
    device_class_set_legacy_reset(DEVICE_CLASS(oc), tst_legacy_reset);
    DEVICE_CLASS(oc)->hotpluggable = false;
}

/* tst-sysdev: a memory-mapped device with a region, an IRQ, GPIO inputs */

#define TYPE_TST_SYSDEV "tst-sysdev"

typedef struct TstSysDev {
    SysBusDevice parent_obj;
    MemoryRegion mmio;
    qemu_irq irq;
    qemu_irq named_out[2];
    int in_level[2];
} TstSysDev;

#define TST_SYSDEV(obj) OBJECT_CHECK(TstSysDev, (obj), TYPE_TST_SYSDEV)

static uint64_t tst_sysdev_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void tst_sysdev_write(void *opaque, hwaddr addr, uint64_t val,
                             unsigned size)
{
}

static const MemoryRegionOps tst_sysdev_ops = {
    .read = tst_sysdev_read,
    .write = tst_sysdev_write,
};

static void tst_sysdev_gpio_in(void *opaque, int n, int level)
{
    TST_SYSDEV(opaque)->in_level[n] = level;
}

static void tst_sysdev_init(Object *obj)
{
    TstSysDev *s = TST_SYSDEV(obj);

    memory_region_init_io(&s->mmio, obj, &tst_sysdev_ops, s, "tst-mmio",
                          0x100);
    sysbus_init_mmio(SYS_BUS_DEVICE(obj), &s->mmio);
    sysbus_init_irq(SYS_BUS_DEVICE(obj), &s->irq);
    qdev_init_gpio_in(DEVICE(obj), tst_sysdev_gpio_in, 2);
    qdev_init_gpio_out_named(DEVICE(obj), s->named_out, "led", 2);
}

static void tst_sysdev_class_init(ObjectClass *oc, const void *data)
{
    ResettableClass *rc = RESETTABLE_CLASS(oc);
    ResettablePhases parent;

    resettable_class_set_parent_phases(rc, tst_reset_enter, tst_reset_hold,
                                       tst_reset_exit, &parent);
}

static const TypeInfo tst_types[] = {
    {
        .name = TYPE_TST_DEV,
        .parent = TYPE_DEVICE,
        .instance_size = sizeof(TstDev),
        .class_init = tst_dev_class_init,
    }, {
        .name = TYPE_TST_BUS,
        .parent = TYPE_BUS,
        .instance_size = sizeof(BusState),
        .class_init = tst_bus_class_init,
    }, {
        .name = TYPE_TST_BUS_ONE,
        .parent = TYPE_TST_BUS,
        .class_init = tst_bus_one_class_init,
    }, {
        .name = TYPE_TST_OTHER_BUS,
        .parent = TYPE_BUS,
        .instance_size = sizeof(BusState),
    }, {
        .name = TYPE_TST_BUSDEV,
        .parent = TYPE_TST_DEV,
        .class_init = tst_busdev_class_init,
    }, {
        .name = TYPE_TST_CTL,
        .parent = TYPE_TST_DEV,
        .instance_size = sizeof(TstCtl),
        .instance_init = tst_ctl_init,
    }, {
        .name = TYPE_TST_CTL2,
        .parent = TYPE_TST_CTL,
        .class_init = tst_ctl2_class_init,
    }, {
        .name = TYPE_TST_SUB,
        .parent = TYPE_TST_DEV,
    }, {
        .name = TYPE_TST_SUBSUB,
        .parent = TYPE_TST_SUB,
    }, {
        .name = TYPE_TST_CPU,
        .parent = TYPE_TST_DEV,
        .class_init = tst_cpu_class_init,
    }, {
        .name = TYPE_TST_ROBJ,
        .parent = TYPE_OBJECT,
        .instance_size = sizeof(TstRObj),
        .class_init = tst_robj_class_init,
        .interfaces = (const InterfaceInfo[]) {
            { TYPE_RESETTABLE_INTERFACE },
            { }
        },
    }, {
        .name = TYPE_TST_LEGACY,
        .parent = TYPE_DEVICE,
        .class_init = tst_legacy_class_init,
    }, {
        .name = TYPE_TST_SYSDEV,
        .parent = TYPE_SYS_BUS_DEVICE,
        .instance_size = sizeof(TstSysDev),
        .instance_init = tst_sysdev_init,
        .class_init = tst_sysdev_class_init,
    },
};

DEFINE_TYPES(tst_types)

/* Helpers */

static int list_one(Object *obj, void *opaque)
{
    g_autofree char *path = object_get_canonical_path(obj);

    g_string_append_printf(opaque, "%s %s\n", path,
                           object_get_typename(obj));
    return 0;
}

/* Every object in the composition tree, one line each. */
static char *qom_tree_text(void)
{
    GString *s = g_string_new(NULL);

    object_child_foreach_recursive(object_get_root(), list_one, s);
    return g_string_free(s, FALSE);
}

static Object *machine(void)
{
    return qdev_get_machine();
}

/* A tst-dev child of /machine named @name, unrealized. */
static DeviceState *new_child(const char *type, const char *name)
{
    DeviceState *dev = qdev_new(type);

    object_property_add_child(machine(), name, OBJECT(dev));
    object_unref(OBJECT(dev));
    return dev;
}

static char *print_prop(DeviceState *dev, const char *name)
{
    return object_property_print(OBJECT(dev), name, false, &error_abort);
}

/* Properties */

static void test_props_defaults(void)
{
    DeviceState *dev;
    TstDev *s;
    ObjectProperty *op;
    g_autofree char *def = NULL;

    test_begin();
    dev = qdev_new(TYPE_TST_DEV);
    s = TST_DEV(dev);
    g_assert_true(s->b);
    g_assert_cmphex(s->flags, ==, 1 << 3);
    g_assert_cmphex(s->flags64, ==, 1ULL << 40);
    g_assert_cmpuint(s->u8, ==, 7);
    g_assert_cmpuint(s->u16, ==, 1600);
    g_assert_cmpuint(s->u32, ==, 115200);
    g_assert_cmphex(s->u64, ==, 0x100000000ULL);
    g_assert_cmpint(s->i32, ==, -5);
    g_assert_cmpint(s->i64, ==, -6000000000LL);
    g_assert_cmpuint(s->size, ==, 65536);
    g_assert_null(s->str);
    g_assert_cmpint(s->ooa, ==, ON_OFF_AUTO_AUTO);
    g_assert_cmpint(s->mode, ==, TST_MODE_SLOW);
    g_assert_null(s->link);
    g_assert_cmpuint(s->num_arr, ==, 0);

    /* Defaults and types are visible to help. */
    op = object_property_find(OBJECT(dev), "u32");
    g_assert_nonnull(op);
    g_assert_cmpstr(op->type, ==, "uint32");
    def = object_property_get_default(op);
    g_assert_cmpstr(def, ==, "115200");
    g_free(def);
    def = object_property_get_default(object_property_find(OBJECT(dev),
                                                           "mode"));
    g_assert_cmpstr(def, ==, "slow");
    g_assert_cmpstr(object_property_find(OBJECT(dev), "ooa")->description,
                    ==, "on/off/auto");
    g_assert_false(dev->realized);
    object_unref(OBJECT(dev));
    test_end();
}

static void test_props_set_string(void)
{
    DeviceState *dev;
    TstDev *s;
    Error *err = NULL;
    char *v;

    test_begin();
    dev = qdev_new(TYPE_TST_DEV);
    s = TST_DEV(dev);
    g_assert_true(object_property_parse(OBJECT(dev), "b", "off",
                                        &error_abort));
    g_assert_true(object_property_parse(OBJECT(dev), "bit4", "on",
                                        &error_abort));
    g_assert_true(object_property_parse(OBJECT(dev), "bit3", "off",
                                        &error_abort));
    g_assert_true(object_property_parse(OBJECT(dev), "u8", "255",
                                        &error_abort));
    g_assert_true(object_property_parse(OBJECT(dev), "u32", "0x1000",
                                        &error_abort));
    g_assert_true(object_property_parse(OBJECT(dev), "i32", "-42",
                                        &error_abort));
    g_assert_true(object_property_parse(OBJECT(dev), "size", "2M",
                                        &error_abort));
    g_assert_true(object_property_parse(OBJECT(dev), "str", "hello",
                                        &error_abort));
    g_assert_true(object_property_parse(OBJECT(dev), "ooa", "on",
                                        &error_abort));
    g_assert_true(object_property_parse(OBJECT(dev), "mode", "fast",
                                        &error_abort));
    g_assert_false(s->b);
    g_assert_cmphex(s->flags, ==, 1 << 4);
    g_assert_cmpuint(s->u8, ==, 255);
    g_assert_cmpuint(s->u32, ==, 0x1000);
    g_assert_cmpint(s->i32, ==, -42);
    g_assert_cmpuint(s->size, ==, 2 * 1024 * 1024);
    g_assert_cmpstr(s->str, ==, "hello");
    g_assert_cmpint(s->ooa, ==, ON_OFF_AUTO_ON);
    g_assert_cmpint(s->mode, ==, TST_MODE_FAST);

    /* Read back as text. */
    v = print_prop(dev, "bit4");
    g_assert_cmpstr(v, ==, "true");
    g_free(v);
    v = print_prop(dev, "u32");
    g_assert_cmpstr(v, ==, "4096");
    g_free(v);
    v = print_prop(dev, "mode");
    g_assert_cmpstr(v, ==, "fast");
    g_free(v);
    v = print_prop(dev, "str");
    g_assert_cmpstr(v, ==, "hello");
    g_free(v);

    /* Bad values name the property and what was expected; no change. */
    g_assert_false(object_property_parse(OBJECT(dev), "u8", "256", &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "u8"));
    g_assert_nonnull(strstr(error_get_pretty(err), "256"));
    error_free(err);
    err = NULL;
    g_assert_cmpuint(s->u8, ==, 255);
    g_assert_false(object_property_parse(OBJECT(dev), "mode", "medium",
                                         &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "medium"));
    g_assert_nonnull(strstr(error_get_pretty(err), "fast, slow"));
    error_free(err);
    err = NULL;
    g_assert_false(object_property_parse(OBJECT(dev), "b", "maybe", &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "'b'"));
    error_free(err);
    object_unref(OBJECT(dev));
    test_end();
}

static void test_props_set_qobject(void)
{
    DeviceState *dev;
    TstDev *s;
    QObject *q;
    QList *list;
    Error *err = NULL;
    g_autofree char *json = NULL;

    test_begin();
    dev = qdev_new(TYPE_TST_DEV);
    s = TST_DEV(dev);
    q = QOBJECT(qnum_from_uint(UINT64_MAX));
    g_assert_true(object_property_set_qobject(OBJECT(dev), "u64", q,
                                              &error_abort));
    qobject_unref(q);
    g_assert_cmphex(s->u64, ==, UINT64_MAX);
    g_assert_true(object_property_set_bool(OBJECT(dev), "bit40", false,
                                           &error_abort));
    g_assert_cmphex(s->flags64, ==, 0);
    g_assert_true(object_property_set_int(OBJECT(dev), "i64", INT64_MIN,
                                          &error_abort));
    g_assert_cmpint(s->i64, ==, INT64_MIN);
    g_assert_true(object_property_set_str(OBJECT(dev), "ooa", "off",
                                          &error_abort));
    g_assert_cmpint(s->ooa, ==, ON_OFF_AUTO_OFF);
    g_assert_true(object_property_set_uint(OBJECT(dev), "u16", 65535,
                                           &error_abort));
    g_assert_false(object_property_set_uint(OBJECT(dev), "u16", 65536,
                                            &err));
    error_free(err);
    err = NULL;
    g_assert_cmpuint(s->u16, ==, 65535);

    /* Arrays: a list, from QObject / JSON, read back as a list. */
    q = qobject_from_json("[1, 2, 3000000000]", &error_abort);
    g_assert_true(object_property_set_qobject(OBJECT(dev), "arr", q,
                                              &error_abort));
    qobject_unref(q);
    g_assert_cmpuint(s->num_arr, ==, 3);
    g_assert_cmpuint(s->arr[2], ==, 3000000000U);
    q = object_property_get_qobject(OBJECT(dev), "arr", &error_abort);
    json = g_string_free(qobject_to_json(q), FALSE);
    qobject_unref(q);
    g_assert_cmpstr(json, ==, "[1, 2, 3000000000]");
    /* A bad element leaves the old value. */
    q = qobject_from_json("[1, -1]", &error_abort);
    g_assert_false(object_property_set_qobject(OBJECT(dev), "arr", q, &err));
    qobject_unref(q);
    error_free(err);
    err = NULL;
    g_assert_cmpuint(s->num_arr, ==, 3);
    /* String arrays own their strings (released at finalize). */
    list = qlist_new();
    qlist_append_str(list, "a");
    qlist_append_str(list, "bc");
    qdev_prop_set_array(dev, "sarr", list);
    g_assert_cmpuint(s->num_sarr, ==, 2);
    g_assert_cmpstr(s->sarr[1], ==, "bc");
    q = qobject_from_json("[\"x\", 3]", &error_abort);
    g_assert_false(object_property_set_qobject(OBJECT(dev), "sarr", q,
                                               &err));
    qobject_unref(q);
    error_free(err);
    g_assert_cmpstr(s->sarr[0], ==, "a");
    object_unref(OBJECT(dev));
    test_end();
}

static void test_props_frozen(void)
{
    DeviceState *dev, *other;
    Error *err = NULL;

    test_begin();
    dev = new_child(TYPE_TST_DEV, "frozen");
    other = new_child(TYPE_TST_DEV, "target");
    g_assert_true(object_property_set_str(OBJECT(dev), "link",
                                          "/machine/target", &error_abort));
    g_assert_true(TST_DEV(dev)->link == OBJECT(other));
    g_assert_true(qdev_realize(dev, NULL, &error_abort));
    g_assert_true(dev->realized);
    g_assert_cmpint(TST_DEV(dev)->realizes, ==, 1);

    /* No id: the canonical path names the device. */
    g_assert_false(object_property_parse(OBJECT(dev), "u32", "1", &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "property 'u32' of device '/machine/frozen' (type "
                    "'tst-dev') cannot be changed after it was realized");
    error_free(err);
    err = NULL;
    g_assert_cmpuint(TST_DEV(dev)->u32, ==, 115200);
    g_assert_false(object_property_set_str(OBJECT(dev), "link", "", &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "property 'link' of device '/machine/frozen' (type "
                    "'tst-dev') cannot be changed after it was realized");
    error_free(err);
    err = NULL;

    /* With an id, the id. */
    other->id = g_strdup("uart7");
    g_assert_true(qdev_realize(other, NULL, &error_abort));
    g_assert_false(object_property_set_bool(OBJECT(other), "bit3", false,
                                            &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "property 'bit3' of device 'uart7' (type 'tst-dev') "
                    "cannot be changed after it was realized");
    error_free(err);
    err = NULL;

    /* Unrealize and it may change again; realized is a property. */
    g_assert_true(object_property_set_bool(OBJECT(dev), "realized", false,
                                           &error_abort));
    g_assert_cmpint(TST_DEV(dev)->unrealizes, ==, 1);
    g_assert_true(object_property_parse(OBJECT(dev), "u32", "1",
                                        &error_abort));
    g_assert_true(object_property_get_bool(OBJECT(other), "realized",
                                           &error_abort));
    test_end();
}

/* The chardev property: the real chardev layer, then a fake one. */

static int fake_attached;

static Chardev *fake_find(const char *id)
{
    return !strcmp(id, "fake0") ? (Chardev *)"fake0" : NULL;
}

static bool fake_be_init(void *be, Chardev *chr, Error **errp)
{
    ((CharBackend *)be)->chr = chr;
    fake_attached++;
    return true;
}

static void fake_be_deinit(void *be)
{
    if (((CharBackend *)be)->chr) {
        ((CharBackend *)be)->chr = NULL;
        fake_attached--;
    }
}

static const char *fake_be_label(void *be)
{
    return (const char *)((CharBackend *)be)->chr;
}

static const char *fake_chr_label(Chardev *chr)
{
    return (const char *)chr;
}

static const QdevChrHooks fake_hooks = {
    .find = fake_find,
    .be_init = fake_be_init,
    .be_deinit = fake_be_deinit,
    .be_label = fake_be_label,
    .chr_label = fake_chr_label,
};

#define TYPE_TST_CHRDEV "tst-chrdev"

typedef struct TstChrDev {
    DeviceState parent_obj;
    CharBackend chr;
} TstChrDev;

static const Property tst_chrdev_props[] = {
    DEFINE_PROP_CHR("chardev", TstChrDev, chr),
};

static void tst_chrdev_class_init(ObjectClass *oc, const void *data)
{
    device_class_set_props(DEVICE_CLASS(oc), tst_chrdev_props);
}

static const TypeInfo tst_chrdev_info = {
    .name = TYPE_TST_CHRDEV,
    .parent = TYPE_DEVICE,
    .instance_size = sizeof(TstChrDev),
    .class_init = tst_chrdev_class_init,
};

static void test_props_chardev(void)
{
    DeviceState *dev, *dev2;
    Chardev *chr;
    Error *err = NULL;
    char *v;

    test_begin();
    dev = qdev_new(TYPE_TST_CHRDEV);
    dev2 = qdev_new(TYPE_TST_CHRDEV);
    g_assert_false(object_property_parse(OBJECT(dev), "chardev", "serial9",
                                         &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "property 'chardev' of type 'tst-chrdev': there is no "
                    "chardev with id 'serial9'");
    error_free(err);
    err = NULL;

    chr = qemu_chr_new("serial0", "null", &error_abort);
    qdev_prop_set_chr(dev, "chardev", chr);
    g_assert_true(((TstChrDev *)dev)->chr.chr == chr);
    v = print_prop(dev, "chardev");
    g_assert_cmpstr(v, ==, "serial0");
    g_free(v);
    /* A chardev takes one frontend. */
    g_assert_false(object_property_parse(OBJECT(dev2), "chardev", "serial0",
                                         &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "chardev 'serial0' is already in use");
    error_free(err);
    /* Finalizing the device detaches it; the chardev is free again. */
    object_unref(OBJECT(dev));
    g_assert_true(object_property_parse(OBJECT(dev2), "chardev", "serial0",
                                        &error_abort));
    /* Unsetting detaches too. */
    g_assert_true(object_property_parse(OBJECT(dev2), "chardev", "",
                                        &error_abort));
    g_assert_null(((TstChrDev *)dev2)->chr.chr);
    object_unref(OBJECT(dev2));

    /* Another backend layer through hooks. */
    qdev_prop_register_chr_hooks(&fake_hooks);
    dev = qdev_new(TYPE_TST_CHRDEV);
    g_assert_true(object_property_parse(OBJECT(dev), "chardev", "fake0",
                                        &error_abort));
    g_assert_cmpint(fake_attached, ==, 1);
    v = print_prop(dev, "chardev");
    g_assert_cmpstr(v, ==, "fake0");
    g_free(v);
    object_unref(OBJECT(dev));
    g_assert_cmpint(fake_attached, ==, 0);
    qdev_prop_register_chr_hooks(NULL);
    test_end();
}

/* A custom PropertyInfo, as PCI's "addr": "slot.fn" text, int32 field. */

#define TYPE_TST_CUSTOM "tst-custom"

typedef struct TstCustom {
    DeviceState parent_obj;
    int32_t devfn;
} TstCustom;

static void set_devfn(Object *obj, Visitor *v, const char *name,
                      void *opaque, Error **errp)
{
    int32_t *ptr = object_field_prop_ptr(obj, opaque);
    g_autofree char *str = NULL;
    unsigned slot, fn;

    /* The default arrives as an integer, the user's value as text. */
    if (!visit_type_str(v, name, &str, NULL)) {
        visit_type_int32(v, name, ptr, errp);
        return;
    }
    if (sscanf(str, "%x.%x", &slot, &fn) != 2 || slot > 31 || fn > 7) {
        error_setg(errp, "property '%s' expects slot.fn, got '%s'", name,
                   str);
        return;
    }
    *ptr = slot << 3 | fn;
}

static const PropertyInfo prop_devfn = {
    .type = "int32",
    .description = "slot.fn",
    .get = qdev_propinfo_get_int32,
    .set = set_devfn,
    .set_default_value = qdev_propinfo_set_default_value_int,
};

static const Property tst_custom_props[] = {
    DEFINE_PROP_SIGNED("addr", TstCustom, devfn, -1, prop_devfn, int32_t),
};

static void tst_custom_class_init(ObjectClass *oc, const void *data)
{
    device_class_set_props(DEVICE_CLASS(oc), tst_custom_props);
}

static const TypeInfo tst_custom_info = {
    .name = TYPE_TST_CUSTOM,
    .parent = TYPE_DEVICE,
    .instance_size = sizeof(TstCustom),
    .class_init = tst_custom_class_init,
};

static void test_props_custom(void)
{
    DeviceState *dev;
    Error *err = NULL;
    char *v;

    test_begin();
    dev = qdev_new(TYPE_TST_CUSTOM);
    g_assert_cmpint(((TstCustom *)dev)->devfn, ==, -1);
    g_assert_true(object_property_parse(OBJECT(dev), "addr", "1f.2",
                                        &error_abort));
    g_assert_cmpint(((TstCustom *)dev)->devfn, ==, 0xfa);
    v = print_prop(dev, "addr");
    g_assert_cmpstr(v, ==, "250");
    g_free(v);
    g_assert_false(object_property_parse(OBJECT(dev), "addr", "40.0", &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "property 'addr' expects slot.fn, got '40.0'");
    error_free(err);
    object_unref(OBJECT(dev));
    test_end();
}

/* Realize and its failure */

static void test_realize_failure(void)
{
    DeviceState *ctl, *dev;
    BusState *bus;
    g_autofree char *tree_before = NULL, *qtree_before = NULL;
    g_autofree char *tree_after = NULL, *qtree_after = NULL;
    long live;
    Error *err = NULL;

    test_begin();
    ctl = new_child(TYPE_TST_CTL, "ctl");
    qdev_realize(ctl, NULL, &error_abort);
    bus = &TST_CTL(ctl)->bus;
    g_assert_true(qdev_get_child_bus(ctl, bus->name) == bus);
    g_assert_nonnull(bus);

    tree_before = qom_tree_text();
    qtree_before = qdev_bus_tree_text(bus);
    live = object_live_count();

    dev = qdev_new(TYPE_TST_BUSDEV);
    qdev_prop_set_bit(dev, "fail", true);
    g_assert_false(qdev_realize_and_unref(dev, bus, &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "tst-dev: asked to fail");
    error_free(err);

    tree_after = qom_tree_text();
    qtree_after = qdev_bus_tree_text(bus);
    g_assert_cmpstr(tree_before, ==, tree_after);
    g_assert_cmpstr(qtree_before, ==, qtree_after);
    g_assert_cmpint(object_live_count(), ==, live);
    g_assert_cmpint(bus->num_children, ==, 0);
    test_end();
}

/* Buses */

static void test_bus_naming(void)
{
    DeviceState *a, *b, *c;
    BusState *own;
    g_autofree char *name = NULL, *path = NULL;
    int n;

    test_begin();
    a = new_child(TYPE_TST_CTL, "a");
    b = new_child(TYPE_TST_CTL, "b");
    /* Made in instance_init, no id yet: "<type>.N" counting the class. */
    g_assert_true(g_str_has_prefix(TST_CTL(a)->bus.name, "tst-bus."));
    n = atoi(TST_CTL(a)->bus.name + strlen("tst-bus."));
    name = g_strdup_printf("tst-bus.%d", n + 1);
    g_assert_cmpstr(TST_CTL(b)->bus.name, ==, name);
    /* The bus is a child of its device in the composition tree. */
    path = g_strdup_printf("/machine/a/%s", TST_CTL(a)->bus.name);
    g_assert_true(object_resolve_path(path, NULL) ==
                  OBJECT(&TST_CTL(a)->bus));

    /* Made in realize with an id: "<id>.N" (N = buses it has so far). */
    c = new_child(TYPE_TST_CTL2, "c");
    c->id = g_strdup("hub");
    qdev_realize(c, NULL, &error_abort);
    g_assert_cmpstr(TST_CTL(c)->bus2->name, ==, "hub.1");
    g_assert_true(qdev_get_child_bus(c, "hub.1") == TST_CTL(c)->bus2);
    g_assert_true(TST_CTL(c)->bus2->realized);

    /* Explicit names win. */
    own = qbus_new(TYPE_TST_OTHER_BUS, a, "side");
    g_assert_cmpstr(own->name, ==, "side");
    g_assert_cmpint(a->num_child_bus, ==, 2);
    test_end();
}

static void test_bus_placement(void)
{
    DeviceState *ctl, *d1, *d2, *d3, *d4, *plain, *ctl2;
    BusState *bus, *one, *other;
    BusChild *kid;
    Error *err = NULL;
    g_autofree char *msg = NULL;
    int i = 0;

    test_begin();
    ctl = new_child(TYPE_TST_CTL, "ctl");
    bus = &TST_CTL(ctl)->bus;
    other = qbus_new(TYPE_TST_OTHER_BUS, ctl, "other");

    /* Devices plugged before the controller is realized follow it. */
    d1 = new_child(TYPE_TST_BUSDEV, "d1");
    d2 = new_child(TYPE_TST_BUSDEV, "d2");
    g_assert_true(qdev_set_parent_bus(d1, bus, &error_abort));
    g_assert_true(qdev_set_parent_bus(d2, bus, &error_abort));
    g_assert_true(qdev_get_parent_bus(d1) == bus);
    g_assert_false(d1->realized);
    qdev_realize(ctl, NULL, &error_abort);
    g_assert_true(d1->realized && d2->realized);
    QBUS_FOREACH_CHILD(kid, bus) {
        g_assert_true(kid->child == (i == 0 ? d1 : d2));
        i++;
    }
    g_assert_cmpint(i, ==, 2);

    /* Wrong bus type: say which buses would fit. */
    d3 = new_child(TYPE_TST_BUSDEV, "d3");
    g_assert_false(qdev_realize(d3, other, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "device type 'tst-busdev' cannot go on bus 'other' "
                    "(type tst-other-bus): it needs a bus of type tst-bus");
    error_free(err);
    err = NULL;

    /* A device that needs a bus, given none. */
    g_assert_false(qdev_realize(d3, NULL, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "device type 'tst-busdev' needs a bus of type tst-bus");
    error_free(err);
    err = NULL;

    /* A device on no bus, given one. */
    plain = new_child(TYPE_TST_DEV, "plain");
    g_assert_false(qdev_realize(plain, bus, &err));
    msg = g_strdup_printf("device type 'tst-dev' does not go on a bus (not "
                          "on bus '%s')", bus->name);
    g_assert_cmpstr(error_get_pretty(err), ==, msg);
    error_free(err);
    err = NULL;

    /* A full bus. */
    ctl2 = new_child(TYPE_TST_CTL2, "ctl2");
    qdev_realize(ctl2, NULL, &error_abort);
    one = TST_CTL(ctl2)->bus2;
    g_assert_true(qdev_realize(d3, one, &error_abort));
    d4 = new_child(TYPE_TST_BUSDEV, "d4");
    g_assert_false(qdev_realize(d4, one, &err));
    g_free(msg);
    msg = g_strdup_printf("bus '%s' is full (it takes at most 1 device)",
                          one->name);
    g_assert_cmpstr(error_get_pretty(err), ==, msg);
    error_free(err);
    g_assert_null(qdev_get_parent_bus(d4));

    /* Unrealize goes children first, in reverse order. */
    qdev_unrealize(ctl);
    g_assert_false(d1->realized || d2->realized);
    g_assert_cmpint(TST_DEV(d1)->unrealizes, ==, 1);
    test_end();
}

static void test_bus_find(void)
{
    DeviceState *ctl, *d1;
    BusState *bus;
    Error *err = NULL;

    test_begin();
    ctl = qdev_new(TYPE_TST_CTL);
    ctl->id = g_strdup("ctl");
    object_property_add_child(machine(), "ctl", OBJECT(ctl));
    object_unref(OBJECT(ctl));
    /* Put the controller itself on the main system bus: not allowed. */
    g_assert_false(qdev_realize(ctl, sysbus_get_default(), &err));
    error_free(err);
    err = NULL;
    qdev_realize(ctl, NULL, &error_abort);
    bus = &TST_CTL(ctl)->bus;

    /* A sysbus device to hang the controller's bus under the tree. */
    g_assert_true(qbus_find_recursive(sysbus_get_default(), NULL,
                                      TYPE_SYSTEM_BUS) ==
                  sysbus_get_default());
    g_assert_null(qbus_find_recursive(sysbus_get_default(), NULL,
                                      TYPE_TST_BUS));
    g_assert_true(qbus_find("main-system-bus", &error_abort) ==
                  sysbus_get_default());
    g_assert_null(qbus_find("main-sytem-bus", &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Bus 'main-sytem-bus' not found (did you mean "
                    "'main-system-bus'?)");
    error_free(err);

    d1 = new_child(TYPE_TST_BUSDEV, "d1");
    d1->id = g_strdup("disk");
    qdev_realize(d1, bus, &error_abort);
    g_assert_true(qdev_find_recursive(bus, "disk") == d1);
    g_assert_true(qbus_find_recursive(bus, bus->name, NULL) == bus);
    test_end();
}

/* GPIO lines */

static int sink_level[4];
static int sink_calls;

static void sink_handler(void *opaque, int n, int level)
{
    sink_level[n] = level;
    sink_calls++;
}

static void test_gpio(void)
{
    DeviceState *dev, *dev2, *soc, *inner;
    TstSysDev *s, *s2;
    qemu_irq sink;
    Object *line;

    test_begin();
    sink_calls = 0;
    dev = new_child(TYPE_TST_SYSDEV, "gpio0");
    dev2 = new_child(TYPE_TST_SYSDEV, "gpio1");
    s = TST_SYSDEV(dev);
    s2 = TST_SYSDEV(dev2);

    /* Inputs are children named as QEMU names them. */
    line = object_resolve_path("/machine/gpio0/unnamed-gpio-in[1]", NULL);
    g_assert_nonnull(line);
    g_assert_true(object_dynamic_cast(line, TYPE_IRQ) != NULL);
    g_assert_true(qdev_get_gpio_in(dev, 1) == (qemu_irq)line);
    g_assert_nonnull(object_property_find(OBJECT(dev), "led[1]"));
    g_assert_nonnull(object_property_find(OBJECT(dev), "sysbus-irq[0]"));

    /* Unconnected outputs are harmless. */
    qemu_irq_raise(s->irq);
    qemu_set_irq(s->named_out[1], 1);

    /* Device to device; the line records the level last set (info irq). */
    g_assert_cmpint(qdev_get_gpio_in(dev2, 0)->level, ==, 0);
    qdev_connect_gpio_out_named(dev, "led", 1, qdev_get_gpio_in(dev2, 0));
    qemu_irq_raise(s->named_out[1]);
    g_assert_cmpint(s2->in_level[0], ==, 1);
    g_assert_cmpint(qdev_get_gpio_in(dev2, 0)->level, ==, 1);
    g_assert_cmpint(qdev_get_gpio_in(dev2, 1)->level, ==, 0);
    qemu_irq_lower(s->named_out[1]);
    g_assert_cmpint(s2->in_level[0], ==, 0);
    g_assert_cmpint(qdev_get_gpio_in(dev2, 0)->level, ==, 0);
    g_assert_true(qdev_get_gpio_out_connector(dev, "led", 1) ==
                  qdev_get_gpio_in(dev2, 0));

    /* To a free-standing line; the connection keeps it alive. */
    sink = qemu_allocate_irq(sink_handler, NULL, 2);
    sysbus_connect_irq(SYS_BUS_DEVICE(dev), 0, sink);
    g_assert_true(sysbus_get_connected_irq(SYS_BUS_DEVICE(dev), 0) == sink);
    qemu_free_irq(sink);
    qemu_irq_pulse(s->irq);
    g_assert_cmpint(sink_calls, ==, 2);
    g_assert_cmpint(sink_level[2], ==, 0);
    g_assert_cmpint(sink->level, ==, 0);
    qemu_irq_raise(s->irq);
    g_assert_cmpint(sink_level[2], ==, 1);
    g_assert_cmpint(sink->level, ==, 1);
    g_assert_true(sysbus_has_irq(SYS_BUS_DEVICE(dev), 0));
    g_assert_false(sysbus_has_irq(SYS_BUS_DEVICE(dev), 1));

    /* A container passes its child's lines through. */
    soc = qdev_new(TYPE_TST_DEV);
    object_property_add_child(machine(), "soc", OBJECT(soc));
    object_unref(OBJECT(soc));
    inner = qdev_new(TYPE_TST_SYSDEV);
    object_property_add_child(OBJECT(soc), "inner", OBJECT(inner));
    object_unref(OBJECT(inner));
    qdev_pass_gpios(inner, soc, NULL);
    qdev_pass_gpios(inner, soc, "led");
    g_assert_true(qdev_get_gpio_in(soc, 1) == qdev_get_gpio_in(inner, 1));
    g_assert_nonnull(object_property_find(OBJECT(soc), "led[0]"));
    qdev_connect_gpio_out_named(soc, "led", 0, qdev_get_gpio_in(dev2, 1));
    qemu_irq_raise(TST_SYSDEV(inner)->named_out[0]);
    g_assert_cmpint(s2->in_level[1], ==, 1);
    qemu_set_irq(qdev_get_gpio_in(soc, 0), 1);
    g_assert_cmpint(TST_SYSDEV(inner)->in_level[0], ==, 1);
    test_end();
}

/* sysbus and `info qtree` */

static void test_sysbus_qtree(void)
{
    DeviceState *dev, *dev2, *hand;
    MemoryRegion container, alias;
    g_autofree char *text = NULL;
    const char *expected;

    test_begin();
    memory_map_init();
    dev = new_child(TYPE_TST_SYSDEV, "uart0");
    dev->id = g_strdup("serial");
    sysbus_realize(SYS_BUS_DEVICE(dev), &error_abort);
    sysbus_mmio_map(SYS_BUS_DEVICE(dev), 0, 0x10000000);

    /* Mapped by hand into a container mapped at 0x20000000. */
    hand = new_child(TYPE_TST_SYSDEV, "hand");
    sysbus_realize(SYS_BUS_DEVICE(hand), &error_abort);
    memory_region_init(&container, NULL, "tst-container", 0x10000);
    memory_region_add_subregion(&container, 0x400,
                                sysbus_mmio_get_region(SYS_BUS_DEVICE(hand),
                                                       0));
    memory_region_add_subregion(get_system_memory(), 0x20000000, &container);

    /* Never mapped. */
    dev2 = new_child(TYPE_TST_SYSDEV, "unmapped");
    sysbus_realize(SYS_BUS_DEVICE(dev2), &error_abort);

    g_assert_cmphex(sysbus_mmio_real_addr(SYS_BUS_DEVICE(hand), 0), ==,
                    0x20000400);
    /* Through an alias of the region's second half, at 0x30000080. */
    memory_region_init_alias(&alias, NULL, "tst-alias",
                             sysbus_mmio_get_region(SYS_BUS_DEVICE(dev2), 0),
                             0x80, 0x80);
    memory_region_add_subregion(get_system_memory(), 0x30000080, &alias);
    g_assert_cmphex(sysbus_mmio_real_addr(SYS_BUS_DEVICE(dev2), 0), ==,
                    0x30000000);
    memory_region_del_subregion(get_system_memory(), &alias);
    object_unref(OBJECT(&alias));
    text = qdev_qtree_text();
    expected =
        "bus: main-system-bus\n"
        "  type System\n"
        "  dev: tst-sysdev, id \"serial\"\n"
        "    gpio-out \"sysbus-irq\" 1\n"
        "    gpio-in \"\" 2\n"
        "    gpio-out \"led\" 2\n"
        "    mmio 0000000010000000/0000000000000100\n"
        "  dev: tst-sysdev, id \"\"\n"
        "    gpio-out \"sysbus-irq\" 1\n"
        "    gpio-in \"\" 2\n"
        "    gpio-out \"led\" 2\n"
        "    mmio 0000000020000400/0000000000000100\n"
        "  dev: tst-sysdev, id \"\"\n"
        "    gpio-out \"sysbus-irq\" 1\n"
        "    gpio-in \"\" 2\n"
        "    gpio-out \"led\" 2\n"
        "    mmio ffffffffffffffff/0000000000000100\n";
    g_assert_cmpstr(text, ==, expected);

    /* The main system bus lives at /sysbus. */
    g_assert_true(object_resolve_path("/sysbus", NULL) ==
                  OBJECT(sysbus_get_default()));
    memory_region_del_subregion(get_system_memory(), &container);
    object_unparent(OBJECT(hand));
    object_unref(OBJECT(&container));
    test_end();
}

static void test_qtree_props(void)
{
    DeviceState *ctl, *d;
    g_autofree char *text = NULL;

    test_begin();
    ctl = new_child(TYPE_TST_CTL, "ctl");
    qdev_realize(ctl, NULL, &error_abort);
    d = new_child(TYPE_TST_BUSDEV, "d");
    d->id = g_strdup("d0");
    qdev_prop_set_string(d, "str", "hi");
    qdev_realize(d, &TST_CTL(ctl)->bus, &error_abort);
    text = qdev_bus_tree_text(&TST_CTL(ctl)->bus);
    g_assert_true(g_str_has_prefix(text, "bus: tst-bus."));
    g_assert_true(g_str_has_prefix(strchr(text, '\n') + 1,
                                   "  type tst-bus\n"
                                   "  dev: tst-busdev, id \"d0\"\n"
                                   "    b = true\n"
                                   "    bit3 = true\n"));
    g_assert_nonnull(strstr(text, "    size = 65536 (64 KiB)\n"));
    g_assert_nonnull(strstr(text, "    str = \"hi\"\n"));
    g_assert_nonnull(strstr(text, "    mode = \"slow\"\n"));
    test_end();
}

/* Globals */

static void test_globals_order(void)
{
    GlobalProperty g_subsub = { TYPE_TST_SUBSUB, "u32", "3" };
    GlobalProperty g_base = { TYPE_TST_DEV, "u32", "1" };
    GlobalProperty g_sub = { TYPE_TST_SUB, "u32", "2" };
    GlobalProperty g_base2 = { TYPE_TST_DEV, "u8", "9" };
    GlobalProperty g_iface = { TYPE_RESETTABLE_INTERFACE, "u16", "77" };
    GlobalProperty g_iface_sub = { TYPE_TST_SUB, "u16", "78" };
    DeviceState *d, *s, *ss;

    test_begin();
    /* Registered most specific first: the order must not matter. */
    qdev_prop_register_global(&g_subsub);
    qdev_prop_register_global(&g_base);
    qdev_prop_register_global(&g_sub);
    qdev_prop_register_global(&g_iface_sub);
    qdev_prop_register_global(&g_base2);
    qdev_prop_register_global(&g_iface);
    d = qdev_new(TYPE_TST_DEV);
    s = qdev_new(TYPE_TST_SUB);
    ss = qdev_new(TYPE_TST_SUBSUB);
    g_assert_cmpuint(TST_DEV(d)->u32, ==, 1);
    g_assert_cmpuint(TST_DEV(s)->u32, ==, 2);
    g_assert_cmpuint(TST_DEV(ss)->u32, ==, 3);
    g_assert_cmpuint(TST_DEV(ss)->u8, ==, 9);
    /* An interface's global applies, before any type's. */
    g_assert_cmpuint(TST_DEV(d)->u16, ==, 77);
    g_assert_cmpuint(TST_DEV(ss)->u16, ==, 78);
    g_assert_true(g_base.used && g_sub.used && g_subsub.used);
    object_unref(OBJECT(d));
    object_unref(OBJECT(s));
    object_unref(OBJECT(ss));
    qdev_prop_reset_globals();
    test_end();
}

static void test_globals_user_wins(void)
{
    GlobalProperty board = { TYPE_TST_SUB, "u32", "5" };
    DeviceState *d;

    test_begin();
    qdev_prop_register_global(&board);
    /* The user's global for the base type beats the board's for the sub. */
    g_assert_true(qdev_global_parse("tst-dev.u32=7", &error_abort));
    g_assert_true(qdev_global_parse("driver=tst-dev,property=str,"
                                    "value=a,,b", &error_abort));
    d = qdev_new(TYPE_TST_SUB);
    g_assert_cmpuint(TST_DEV(d)->u32, ==, 7);
    g_assert_cmpstr(TST_DEV(d)->str, ==, "a,b");
    g_assert_nonnull(strstr(warnings->str,
                            "-global tst-dev.u32=7 overrides the board's "
                            "default tst-sub.u32=5"));
    g_string_truncate(warnings, 0);

    /* A board setting does not override it either, and says so. */
    qdev_prop_set_uint32(d, "u32", 115200);
    g_assert_cmpuint(TST_DEV(d)->u32, ==, 7);
    g_assert_nonnull(strstr(warnings->str, "keeping the value 7 of property "
                            "'u32' from -global; the board's default 115200 "
                            "is not used"));
    /* Board settings of other properties go through. */
    qdev_prop_set_uint32(d, "u16", 3);
    g_assert_cmpuint(TST_DEV(d)->u16, ==, 3);
    /* -device options (plain property sets) still win. */
    object_property_parse(OBJECT(d), "u32", "8", &error_abort);
    g_assert_cmpuint(TST_DEV(d)->u32, ==, 8);
    object_unref(OBJECT(d));
    qdev_prop_reset_globals();
    test_end();
}

static void test_globals_check(void)
{
    Error *err = NULL;
    DeviceState *d;

    test_begin();
    g_assert_true(qdev_global_parse("tst-devv.u32=1", &error_abort));
    g_assert_true(qdev_global_parse("tst-dev.u33=1", &error_abort));
    g_assert_true(qdev_global_parse("tst-legacy.u32=1", &error_abort));
    g_assert_true(qdev_global_parse("tst-sub.u8=300", &error_abort));
    g_assert_true(qdev_global_parse("tst-cpu.u8=3", &error_abort));
    g_assert_true(qdev_global_parse("tst-ctl.u8=4", &error_abort));
    g_assert_false(qdev_global_parse("tst-dev", &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "-global tst-dev: expected driver.property=value or "
                    "driver=D,property=P,value=V");
    error_free(err);
    err = NULL;
    g_assert_false(qdev_global_parse("driver=tst-dev,value=1", &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "missing 'property'"));
    error_free(err);
    err = NULL;

    d = qdev_new(TYPE_TST_DEV);
    object_unref(OBJECT(d));
    d = qdev_new(TYPE_TST_CPU);
    g_assert_cmpuint(TST_DEV(d)->u8, ==, 3);
    object_unref(OBJECT(d));

    /* A global with a bad value makes realize fail with the reason. */
    d = new_child(TYPE_TST_SUB, "sub");
    g_assert_false(qdev_realize(d, NULL, &err));
    g_assert_nonnull(strstr(error_get_pretty(err),
                            "-global tst-sub.u8=300: "));
    error_free(err);

    g_assert_cmpint(qdev_prop_check_globals(), ==, 4);
    g_assert_nonnull(strstr(warnings->str,
                            "-global tst-ctl.u8=4 was not used: no device "
                            "of type 'tst-ctl' was created"));
    g_assert_nonnull(strstr(warnings->str,
                            "-global tst-devv.u32=1: there is no device "
                            "type 'tst-devv' (did you mean 'tst-dev'?)"));
    g_assert_nonnull(strstr(warnings->str,
                            "-global tst-dev.u33=1: device type 'tst-dev' "
                            "has no property 'u33' (did you mean 'u32'?)"));
    g_assert_nonnull(strstr(warnings->str,
                            "-global tst-legacy.u32=1: device type "
                            "'tst-legacy' has no property 'u32'"));
    g_assert_null(strstr(warnings->str, "tst-sub.u8"));
    g_assert_null(strstr(warnings->str, "tst-cpu.u8"));
    qdev_prop_reset_globals();
    test_end();
}

/* Reset */

static void test_reset_phases(void)
{
    DeviceState *ctl, *a, *b;

    test_begin();
    reset_log = g_string_new(NULL);
    ctl = new_child(TYPE_TST_CTL, "ctl");
    ctl->id = g_strdup("ctl");
    qdev_realize(ctl, NULL, &error_abort);
    a = new_child(TYPE_TST_BUSDEV, "a");
    a->id = g_strdup("a");
    b = new_child(TYPE_TST_BUSDEV, "b");
    b->id = g_strdup("b");
    qdev_realize(a, &TST_CTL(ctl)->bus, &error_abort);
    qdev_realize(b, &TST_CTL(ctl)->bus, &error_abort);

    device_cold_reset(ctl);
    /* Children before parents in every phase; each phase tree-wide. */
    g_assert_cmpstr(reset_log->str, ==,
                    "enter:a enter:b enter:bus enter:ctl "
                    "hold:a hold:b hold:bus hold:ctl "
                    "exit:a exit:b exit:bus exit:ctl");
    g_assert_false(resettable_is_in_reset(OBJECT(a)));

    /* Nested: assert twice, the methods run once; exit at the last release. */
    g_string_truncate(reset_log, 0);
    resettable_assert_reset(OBJECT(a), RESET_TYPE_COLD);
    resettable_assert_reset(OBJECT(a), RESET_TYPE_COLD);
    g_assert_true(resettable_is_in_reset(OBJECT(a)));
    resettable_release_reset(OBJECT(a), RESET_TYPE_COLD);
    g_assert_cmpstr(reset_log->str, ==, "enter:a hold:a");
    resettable_release_reset(OBJECT(a), RESET_TYPE_COLD);
    g_assert_cmpstr(reset_log->str, ==, "enter:a hold:a exit:a");
    g_string_free(reset_log, TRUE);
    reset_log = NULL;
    test_end();
}

static int count_in_log(const char *what)
{
    int n = 0;

    for (const char *p = reset_log->str; (p = strstr(p, what)); p++) {
        n++;
    }
    return n;
}

static void test_reset_system_once(void)
{
    DeviceState *ctl, *a, *cpu, *sys, *legacy, *unrealized;
    Object *robj, *soc;
    unsigned roots;

    test_begin();
    reset_log = g_string_new(NULL);
    legacy_resets = 0;
    soc = container_get(machine(), "/soc");
    ctl = new_child(TYPE_TST_CTL, "ctl");
    qdev_realize(ctl, NULL, &error_abort);
    a = new_child(TYPE_TST_BUSDEV, "a");
    qdev_realize(a, &TST_CTL(ctl)->bus, &error_abort);
    /* A CPU-like device on no bus, owned by the SoC. */
    cpu = qdev_new(TYPE_TST_CPU);
    object_property_add_child(soc, "hart0", OBJECT(cpu));
    object_unref(OBJECT(cpu));
    qdev_realize(cpu, NULL, &error_abort);
    /* A sysbus device owned by the SoC, on the main system bus. */
    sys = qdev_new(TYPE_TST_SYSDEV);
    object_property_add_child(soc, "uart0", OBJECT(sys));
    object_unref(OBJECT(sys));
    sysbus_realize(SYS_BUS_DEVICE(sys), &error_abort);
    legacy = new_child(TYPE_TST_LEGACY, "legacy");
    qdev_realize(legacy, NULL, &error_abort);
    /* A Resettable object that is not a device. */
    robj = object_new(TYPE_TST_ROBJ);
    object_property_add_child(machine(), "robj", robj);
    object_unref(robj);
    /* Not realized: not reset. */
    unrealized = new_child(TYPE_TST_DEV, "unrealized");

    roots = resettable_reset_tree(object_get_root(), RESET_TYPE_COLD);
    /* Roots: ctl, hart0, legacy, robj, the main system bus. */
    g_assert_cmpuint(roots, ==, 5);
    /* Logged: ctl, a, ctl's bus, hart0, uart0, robj (+ legacy's reset). */
    g_assert_cmpint(count_in_log("enter:"), ==, 6);
    g_assert_cmpint(count_in_log("hold:"), ==, 6);
    g_assert_cmpint(count_in_log("exit:"), ==, 6);
    g_assert_cmpint(count_in_log("enter:ctl"), ==, 1);
    g_assert_cmpint(count_in_log("enter:a"), ==, 1);
    g_assert_cmpint(count_in_log("enter:bus"), ==, 1);
    g_assert_cmpint(count_in_log("enter:hart0"), ==, 1);
    g_assert_cmpint(count_in_log("enter:uart0"), ==, 1);
    g_assert_cmpint(count_in_log("enter:robj"), ==, 1);
    g_assert_cmpint(count_in_log("enter:unrealized"), ==, 0);
    g_assert_cmpint(count_in_log("legacy:legacy"), ==, 1);
    g_assert_cmpint(legacy_resets, ==, 1);
    /* Every enter comes before every hold, every hold before every exit. */
    g_assert_true(strstr(reset_log->str, "hold:") >
                  g_strrstr(reset_log->str, "enter:"));
    g_assert_true(strstr(reset_log->str, "exit:") >
                  g_strrstr(reset_log->str, "hold:"));
    (void)unrealized;
    g_string_free(reset_log, TRUE);
    reset_log = NULL;
    test_end();
}

/* Teardown */

static void test_teardown(void)
{
    DeviceState *ctl, *d, *sys;
    Object *soc;
    qemu_irq sink;
    QList *list;

    test_begin();
    memory_map_init();
    soc = container_get(machine(), "/soc");
    ctl = qdev_new(TYPE_TST_CTL2);
    object_property_add_child(soc, "ctl", OBJECT(ctl));
    list = qlist_new();
    qlist_append_str(list, "x");
    qdev_prop_set_array(ctl, "sarr", list);
    qdev_realize_and_unref(ctl, NULL, &error_abort);
    d = qdev_new(TYPE_TST_BUSDEV);
    object_property_add_child(soc, "d", OBJECT(d));
    qdev_realize_and_unref(d, TST_CTL(ctl)->bus2, &error_abort);
    sys = qdev_new(TYPE_TST_SYSDEV);
    object_property_add_child(soc, "uart0", OBJECT(sys));
    sysbus_realize_and_unref(SYS_BUS_DEVICE(sys), &error_abort);
    sysbus_mmio_map(SYS_BUS_DEVICE(sys), 0, 0x10000000);
    sink = qemu_allocate_irq(sink_handler, NULL, 0);
    sysbus_connect_irq(SYS_BUS_DEVICE(sys), 0, sink);
    qemu_free_irq(sink);
    /* An orphan gets a named place under /machine. */
    d = qdev_new(TYPE_TST_DEV);
    qdev_realize_and_unref(d, NULL, &error_abort);
    g_assert_true(object_resolve_path("/machine/tst-dev[0]", NULL) ==
                  OBJECT(d));
    g_assert_cmpint(object_live_count(), >, live_at_start + 10);
    /* test_end() tears down and checks the live count. */
    test_end();
}

static void test_teardown_subtree(void)
{
    DeviceState *a, *b;
    Object *soc;
    long live;

    test_begin();
    machine();
    live = object_live_count();
    soc = container_get(machine(), "/soc");
    a = new_child(TYPE_TST_DEV, "a");
    qdev_realize(a, NULL, &error_abort);
    b = qdev_new(TYPE_TST_DEV);
    object_property_add_child(soc, "b", OBJECT(b));
    qdev_realize_and_unref(b, NULL, &error_abort);
    qdev_teardown(soc);
    g_assert_null(object_resolve_path("/machine/soc", NULL));
    g_assert_true(a->realized);
    object_unparent(OBJECT(a));
    g_assert_cmpint(object_live_count(), ==, live);
    test_end();
}

/* device_add */

static QDict *opts(const char *json)
{
    return qobject_to(QDict, qobject_from_json(json, &error_abort));
}

static void expect_add_error(const char *json, bool from_json,
                             const char *msg)
{
    QDict *o = opts(json);
    Error *err = NULL;
    g_autofree char *before = qom_tree_text();
    g_autofree char *after = NULL;

    g_assert_null(qdev_device_add_from_qdict(o, from_json, &err));
    g_assert_nonnull(err);
    if (strcmp(error_get_pretty(err), msg) != 0) {
        g_test_message("got: %s", error_get_pretty(err));
    }
    g_assert_cmpstr(error_get_pretty(err), ==, msg);
    error_free(err);
    qobject_unref(o);
    after = qom_tree_text();
    g_assert_cmpstr(before, ==, after);
}

#define TYPE_TST_USERDEV "tst-userdev"

/* tst-sysctl: a memory-mapped controller owning a one-slot tst-bus. */
#define TYPE_TST_SYSCTL "tst-sysctl"

typedef struct TstSysCtl {
    SysBusDevice parent_obj;
    BusState *bus;
} TstSysCtl;

static void tst_sysctl_realize(DeviceState *dev, Error **errp)
{
    ((TstSysCtl *)dev)->bus = qbus_new(TYPE_TST_BUS_ONE, dev, NULL);
}

static void tst_sysctl_class_init(ObjectClass *oc, const void *data)
{
    DEVICE_CLASS(oc)->realize = tst_sysctl_realize;
}

static const TypeInfo tst_sysctl_info = {
    .name = TYPE_TST_SYSCTL,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(TstSysCtl),
    .class_init = tst_sysctl_class_init,
};

static const TypeInfo tst_userdev_info = {
    .name = TYPE_TST_USERDEV,
    .parent = TYPE_TST_BUSDEV,
};

static void test_device_add(void)
{
    DeviceState *ctl, *ctl2, *dev, *sysctl;
    char *qdev_qtree_text_tmp;
    QDict *o;

    test_begin();
    machine();
    sysbus_get_default();
    expect_add_error("{'driver': 'tst-dve'}", false,
                     "'tst-dve' is not a valid device model name (did you "
                     "mean 'tst-dev'?)");
    expect_add_error("{'driver': 'zzzzzzzz'}", false,
                     "'zzzzzzzz' is not a valid device model name (try "
                     "-device help)");
    expect_add_error("{'driver': 'sys-bus-device'}", false,
                     "device type 'sys-bus-device' is abstract and cannot "
                     "be created; use one of its subtypes");
    expect_add_error("{'driver': 'tst-sysdev'}", false,
                     "device type 'tst-sysdev' cannot be created with "
                     "-device or device_add: memory-mapped devices are "
                     "placed and wired by the board");
    expect_add_error("{'driver': 'tst-cpu'}", false,
                     "device type 'tst-cpu' cannot be created with -device "
                     "or device_add: CPUs are created by -smp");
    expect_add_error("{'driver': 'tst-busdev'}", false,
                     "no bus of type tst-bus for device type 'tst-busdev' "
                     "(this machine has none)");
    expect_add_error("{'driver': 'tst-dev', 'u33': '1'}", false,
                     "device type 'tst-dev' has no property 'u33' (did you "
                     "mean 'u32'?); its properties are: b, bit3, bit4, "
                     "bit40, u8, u16, u32, u64, i32, i64, size, str, ooa, "
                     "mode, link, arr, sarr, fail");
    expect_add_error("{'driver': 'tst-dev', 'id': '0x'}", false,
                     "invalid device id '0x': an id starts with a letter "
                     "and has only letters, digits, '-', '.' and '_'");
    expect_add_error("{'driver': 'tst-dev', 'bus': 'nowhere'}", false,
                     "Bus 'nowhere' not found");
    expect_add_error("{'driver': 'tst-dev', 'fail': 'on'}", false,
                     "tst-dev: asked to fail");
    expect_add_error("{'driver': 'tst-dev', 'id': 5}", true,
                     "'id' must be a string");
    expect_add_error("{'id': 'x'}", false,
                     "missing 'driver' (the device type; try -device help)");

    /* Success: /machine/peripheral/<id>, /machine/peripheral-anon/... */
    o = opts("{'driver': 'tst-dev', 'id': 'one', 'u32': '0x20', "
             "'size': '1M', 'mode': 'fast'}");
    dev = qdev_device_add(o, &error_abort);
    qobject_unref(o);
    g_assert_true(object_resolve_path("/machine/peripheral/one", NULL) ==
                  OBJECT(dev));
    g_assert_true(dev->realized);
    g_assert_cmpuint(TST_DEV(dev)->u32, ==, 0x20);
    g_assert_cmpuint(TST_DEV(dev)->size, ==, 1024 * 1024);
    o = opts("{'driver': 'tst-dev', 'u32': 33, 'arr': [4, 5]}");
    dev = qdev_device_add_from_qdict(o, true, &error_abort);
    qobject_unref(o);
    g_assert_true(object_resolve_path("/machine/peripheral-anon/tst-dev[0]",
                                      NULL) == OBJECT(dev));
    g_assert_cmpuint(TST_DEV(dev)->num_arr, ==, 2);
    expect_add_error("{'driver': 'tst-dev', 'id': 'one'}", false,
                     "duplicate device id 'one': another device already "
                     "has it");
    expect_add_error("{'driver': 'tst-dev', 'u8': '256'}", false,
                     "Parameter 'u8' expects uint8_t (0 to 255), got 256");

    /* Buses: by type, by name, wrong type, full. */
    ctl = qdev_new(TYPE_TST_CTL);
    ctl->id = g_strdup("ctl");
    object_property_add_child(machine(), "ctl", OBJECT(ctl));
    qdev_realize_and_unref(ctl, NULL, &error_abort);
    ctl2 = qdev_new(TYPE_TST_CTL2);
    ctl2->id = g_strdup("hub");
    object_property_add_child(machine(), "hub", OBJECT(ctl2));
    qdev_realize_and_unref(ctl2, NULL, &error_abort);
    (void)ctl2;
    /* The controllers hang off nothing the tree walks from sysbus. */
    expect_add_error("{'driver': 'tst-userdev'}", false,
                     "no bus of type tst-bus for device type 'tst-userdev' "
                     "(this machine has none)");
    expect_add_error("{'driver': 'tst-userdev', 'bus': 'main-system-bus'}",
                     false,
                     "device type 'tst-userdev' cannot go on bus "
                     "'main-system-bus' (type System): it needs a bus of "
                     "type tst-bus");

    /* A controller on the main system bus: its bus is found by type. */
    sysctl = qdev_new(TYPE_TST_SYSCTL);
    sysctl->id = g_strdup("sc");
    object_property_add_child(machine(), "sc", OBJECT(sysctl));
    sysbus_realize_and_unref(SYS_BUS_DEVICE(sysctl), &error_abort);
    g_assert_cmpstr(((TstSysCtl *)sysctl)->bus->name, ==, "sc.0");
    g_assert_true(qbus_find("/sc", &error_abort) ==
                  ((TstSysCtl *)sysctl)->bus);
    g_assert_true(qbus_find("/main-system-bus/sc/sc.0", &error_abort) ==
                  ((TstSysCtl *)sysctl)->bus);
    expect_add_error("{'driver': 'tst-userdev', 'bus': 'main-system-bus'}",
                     false,
                     "device type 'tst-userdev' cannot go on bus "
                     "'main-system-bus' (type System): it needs a bus of "
                     "type tst-bus; buses that fit: sc.0");
    o = opts("{'driver': 'tst-userdev', 'id': 'u1'}");
    dev = qdev_device_add(o, &error_abort);
    qobject_unref(o);
    g_assert_true(qdev_get_parent_bus(dev) == ((TstSysCtl *)sysctl)->bus);
    expect_add_error("{'driver': 'tst-userdev'}", false,
                     "every bus of type tst-bus is full (first: 'sc.0'); "
                     "device type 'tst-userdev' has nowhere to go");
    expect_add_error("{'driver': 'tst-userdev', 'bus': 'sc.0'}", false,
                     "bus 'sc.0' is full (it takes at most 1 device)");
    g_assert_nonnull(strstr(qdev_qtree_text_tmp = qdev_qtree_text(),
                            "  dev: tst-sysctl, id \"sc\"\n"
                            "    bus: sc.0\n"
                            "      type tst-bus-one\n"
                            "      dev: tst-userdev, id \"u1\"\n"));
    g_free(qdev_qtree_text_tmp);
    test_end();
}

/* The -device text path: keyval, with an array as "arr.N=". */
static void test_device_add_keyval(void)
{
    QDict *o;
    DeviceState *dev;
    Error *err = NULL;

    test_begin();
    machine();
    sysbus_get_default();
    o = keyval_parse("tst-dev,id=kv,arr.0=7,arr.1=0x10,sarr.0=a,,b,"
                     "size=4K,b=off", "driver", NULL, &error_abort);
    dev = qdev_device_add(o, &error_abort);
    qobject_unref(o);
    g_assert_cmpuint(TST_DEV(dev)->num_arr, ==, 2);
    g_assert_cmpuint(TST_DEV(dev)->arr[1], ==, 16);
    g_assert_cmpstr(TST_DEV(dev)->sarr[0], ==, "a,b");
    g_assert_cmpuint(TST_DEV(dev)->size, ==, 4096);
    g_assert_false(TST_DEV(dev)->b);

    /* A bad element names it; nothing is left behind. */
    o = keyval_parse("tst-dev,arr.0=1,arr.1=x", "driver", NULL,
                     &error_abort);
    g_assert_null(qdev_device_add(o, &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "arr"));
    error_free(err);
    qobject_unref(o);
    g_assert_null(object_resolve_path("/machine/peripheral-anon", NULL));
    test_end();
}

/* After the machine is built, device_add hotplugs. */
static void test_device_hotplug(void)
{
    QDict *o;
    DeviceState *dev;
    Error *err = NULL;

    test_begin();
    machine();
    sysbus_get_default();
    reset_log = g_string_new(NULL);
    qdev_machine_creation_done();
    o = keyval_parse("tst-dev,id=hot", "driver", NULL, &error_abort);
    dev = qdev_device_add(o, &error_abort);
    qobject_unref(o);
    g_assert_true(dev->hotplugged);
    g_assert_true(object_property_get_bool(OBJECT(dev), "hotplugged",
                                           &error_abort));
    /* A hotplugged device is reset as it is realized. */
    g_assert_cmpstr(reset_log->str, ==, "enter:hot hold:hot exit:hot");

    o = keyval_parse("tst-legacy", "driver", NULL, &error_abort);
    g_assert_null(qdev_device_add(o, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "device type 'tst-legacy' does not support hotplugging");
    error_free(err);
    err = NULL;
    qobject_unref(o);

    /* device_del */
    g_assert_true(qdev_unplug(dev, &error_abort));
    g_assert_null(object_resolve_path("/machine/peripheral/hot", NULL));
    dev = new_child(TYPE_TST_LEGACY, "fixed");
    g_assert_false(qdev_unplug(dev, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "device '/machine/fixed' (type 'tst-legacy') does not "
                    "support hot-unplug");
    error_free(err);
    g_string_free(reset_log, TRUE);
    reset_log = NULL;
    test_end();
    g_assert_false(qdev_hotplug);
}

static void test_device_help(void)
{
    g_autofree char *list = NULL, *one = NULL, *none = NULL;
    Error *err = NULL;

    test_begin();
    list = qdev_device_help_text(NULL, &error_abort);
    g_assert_nonnull(strstr(list, "Misc devices:\nname \"tst-busdev\", bus "
                            "tst-bus, desc \"a device with every kind of "
                            "property\"\n"));
    /* Not user-creatable: not listed (as QEMU). */
    g_assert_null(strstr(list, "tst-sysdev"));
    one = qdev_device_help_text("tst-dev", &error_abort);
    g_assert_true(g_str_has_prefix(one, "tst-dev options:\n"
                                        "  b=<bool>               - on/off "
                                        "(default: true)\n"));
    g_assert_nonnull(strstr(one, "  u32=<uint32> (default: 115200)\n"));
    g_assert_nonnull(strstr(one, "  mode=<TstMode>         - fast/slow "
                                 "(default: slow)\n"));
    none = qdev_device_help_text("tst-legacy", &error_abort);
    g_assert_cmpstr(none, ==, "There are no options for tst-legacy.\n");
    g_assert_null(qdev_device_help_text("tst-dve", &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "did you mean"));
    error_free(err);
    test_end();
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    module_call_init(MODULE_INIT_QOM);
    type_register_static(&tst_chrdev_info);
    type_register_static(&tst_userdev_info);
    type_register_static(&tst_custom_info);
    type_register_static(&tst_sysctl_info);
    warnings = g_string_new(NULL);
    error_set_print_func(capture_print, NULL, NULL);

    g_test_add_func("/qdev/props/defaults", test_props_defaults);
    g_test_add_func("/qdev/props/set-string", test_props_set_string);
    g_test_add_func("/qdev/props/set-qobject", test_props_set_qobject);
    g_test_add_func("/qdev/props/frozen-after-realize", test_props_frozen);
    g_test_add_func("/qdev/props/chardev", test_props_chardev);
    g_test_add_func("/qdev/props/custom-info", test_props_custom);
    g_test_add_func("/qdev/realize/failure-leaves-nothing",
                    test_realize_failure);
    g_test_add_func("/qdev/bus/naming", test_bus_naming);
    g_test_add_func("/qdev/bus/placement", test_bus_placement);
    g_test_add_func("/qdev/bus/find", test_bus_find);
    g_test_add_func("/qdev/gpio/wiring", test_gpio);
    g_test_add_func("/qdev/sysbus/qtree-real-addresses", test_sysbus_qtree);
    g_test_add_func("/qdev/qtree/props", test_qtree_props);
    g_test_add_func("/qdev/globals/subclass-order", test_globals_order);
    g_test_add_func("/qdev/globals/user-wins", test_globals_user_wins);
    g_test_add_func("/qdev/globals/check", test_globals_check);
    g_test_add_func("/qdev/reset/phase-order", test_reset_phases);
    g_test_add_func("/qdev/reset/system-exactly-once",
                    test_reset_system_once);
    g_test_add_func("/qdev/teardown/all", test_teardown);
    g_test_add_func("/qdev/teardown/subtree", test_teardown_subtree);
    g_test_add_func("/qdev/device-add/errors-and-placement",
                    test_device_add);
    g_test_add_func("/qdev/device-add/keyval", test_device_add_keyval);
    g_test_add_func("/qdev/device-add/hotplug", test_device_hotplug);
    g_test_add_func("/qdev/device-add/help", test_device_help);
    return g_test_run();
}

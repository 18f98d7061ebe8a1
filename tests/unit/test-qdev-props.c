/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-qdev-props.c: qdev static properties: defaults, setting them as text
 * and through visitors, frozen after realize, arrays, the chardev property,
 * a custom PropertyInfo, globals and the -device help text.  The shared test
 * device types are in qdev-test-types.c.
 */
#include "qomu/osdep.h"
#include "qapi/error.h"
#include "qapi/visitor.h"
#include "qobject/qlist.h"
#include "qobject/qnum.h"
#include "qobject/qjson.h"
#include "hw/qdev-core.h"
#include "hw/qdev-properties.h"
#include "hw/qdev-properties-system.h"
#include "chardev/char.h"
#include "chardev/char-fe.h"
#include "qdev-test-types.h"

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

/* -device help */

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
    qdev_test_init(&argc, &argv);
    type_register_static(&tst_chrdev_info);
    type_register_static(&tst_custom_info);

    g_test_add_func("/qdev/props/defaults", test_props_defaults);
    g_test_add_func("/qdev/props/set-string", test_props_set_string);
    g_test_add_func("/qdev/props/set-qobject", test_props_set_qobject);
    g_test_add_func("/qdev/props/frozen-after-realize", test_props_frozen);
    g_test_add_func("/qdev/props/chardev", test_props_chardev);
    g_test_add_func("/qdev/props/custom-info", test_props_custom);
    g_test_add_func("/qdev/globals/subclass-order", test_globals_order);
    g_test_add_func("/qdev/globals/user-wins", test_globals_user_wins);
    g_test_add_func("/qdev/globals/check", test_globals_check);
    g_test_add_func("/qdev/device-add/help", test_device_help);
    return g_test_run();
}

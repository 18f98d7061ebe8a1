/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-device-introspect.c: in the spirit of QEMU's device-introspect-test.
 * For every registered non-abstract device type (every library of the
 * program is linked in): create it, list and read every property (as a
 * QObject and as text), read its help text, destroy it; the composition
 * tree, the `info qtree` text and the live-object count must be the same
 * before and after.  This catches leaks and dangling references in
 * instance_init / instance_finalize of every device.
 */
#include "qomu/osdep.h"
#include "qapi/error.h"
#include "qobject/qobject.h"
#include "hw/qdev-core.h"
#include "hw/qdev-properties.h"
#include "hw/sysbus.h"
#include "exec/address-spaces.h"

/* A device with one property of each kind, so every kind is covered. */
#define TYPE_INTRO_DEV "intro-dev"

typedef struct IntroDev {
    DeviceState parent_obj;
    bool b;
    uint32_t flags;
    uint8_t u8;
    uint64_t size;
    char *str;
    OnOffAuto ooa;
    Object *link;
    uint32_t num_arr;
    char **arr;
} IntroDev;

static const Property intro_props[] = {
    DEFINE_PROP_BOOL("b", IntroDev, b, true),
    DEFINE_PROP_BIT("bit0", IntroDev, flags, 0, true),
    DEFINE_PROP_UINT8("u8", IntroDev, u8, 1),
    DEFINE_PROP_SIZE("size", IntroDev, size, 4096),
    DEFINE_PROP_STRING("str", IntroDev, str),
    DEFINE_PROP_ON_OFF_AUTO("ooa", IntroDev, ooa, ON_OFF_AUTO_OFF),
    DEFINE_PROP_LINK("link", IntroDev, link, TYPE_DEVICE, Object *),
    DEFINE_PROP_ARRAY("arr", IntroDev, num_arr, arr, qdev_prop_string,
                      char *),
};

static void intro_class_init(ObjectClass *oc, const void *data)
{
    device_class_set_props(DEVICE_CLASS(oc), intro_props);
}

static const TypeInfo intro_info = {
    .name = TYPE_INTRO_DEV,
    .parent = TYPE_DEVICE,
    .instance_size = sizeof(IntroDev),
    .class_init = intro_class_init,
};

static int list_one(Object *obj, void *opaque)
{
    g_autofree char *path = object_get_canonical_path(obj);

    g_string_append_printf(opaque, "%s %s\n", path,
                           object_get_typename(obj));
    return 0;
}

static char *qom_tree_text(void)
{
    GString *s = g_string_new(NULL);

    object_child_foreach_recursive(object_get_root(), list_one, s);
    return g_string_free(s, FALSE);
}

static void test_one_device(gconstpointer data)
{
    const char *type = data;
    g_autofree char *tree_before = qom_tree_text();
    g_autofree char *qtree_before = qdev_qtree_text();
    g_autofree char *tree_after = NULL, *qtree_after = NULL;
    g_autofree char *help = NULL;
    long live = object_live_count();
    ObjectPropertyIterator iter;
    ObjectProperty *prop;
    DeviceState *dev;
    int nprops = 0;

    help = qdev_device_help_text(type, &error_abort);
    g_assert_nonnull(help);

    dev = qdev_new(type);
    g_assert_false(dev->realized);
    object_property_iter_init(&iter, OBJECT(dev));
    while ((prop = object_property_iter_next(&iter))) {
        QObject *value;
        Error *err = NULL;
        char *text;

        nprops++;
        if (!prop->get) {
            continue;
        }
        value = object_property_get_qobject(OBJECT(dev), prop->name, &err);
        if (err) {
            g_test_message("%s.%s: %s", type, prop->name,
                           error_get_pretty(err));
        }
        g_assert_null(err);
        qobject_unref(value);
        text = object_property_print(OBJECT(dev), prop->name, true, &err);
        g_assert_null(err);
        g_free(text);
    }
    g_assert_cmpint(nprops, >, 0);
    object_unref(OBJECT(dev));

    tree_after = qom_tree_text();
    qtree_after = qdev_qtree_text();
    g_assert_cmpstr(tree_before, ==, tree_after);
    g_assert_cmpstr(qtree_before, ==, qtree_after);
    g_assert_cmpint(object_live_count(), ==, live);
}

static void test_device_list(void)
{
    g_autofree char *list = qdev_device_help_text(NULL, &error_abort);

    g_assert_nonnull(strstr(list, "name \"intro-dev\""));
}

int main(int argc, char **argv)
{
    GSList *types, *l;
    int ret;

    g_test_init(&argc, &argv, NULL);
    module_call_init(MODULE_INIT_QOM);
    type_register_static(&intro_info);

    /* The trees a real run would have: a machine container, sysbus. */
    memory_map_init();
    qdev_get_machine();
    sysbus_get_default();

    g_test_add_func("/device/introspect/list", test_device_list);
    types = object_class_get_list(TYPE_DEVICE, false);
    for (l = types; l; l = l->next) {
        const char *name = object_class_get_name(l->data);
        g_autofree char *path = g_strdup_printf("/device/introspect/%s",
                                                name);

        g_test_add_data_func(path, name, test_one_device);
    }
    g_slist_free(types);
    ret = g_test_run();

    qdev_teardown_all();
    memory_map_cleanup();
    return ret;
}

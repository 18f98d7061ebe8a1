/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit tests for QOM properties and the composition tree: each property
 * kind (set, get, errors), child and link properties, aliases, defaults,
 * paths (absolute, partial, ambiguous), unparent and live counts.
 */
#include "qomu/osdep.h"
#include "qapi/error.h"
#include "qapi/util.h"
#include "qobject/qdict.h"
#include "qobject/qnum.h"
#include "qobject/qstring.h"
#include "qom/object.h"

#define TYPE_GADGET "gadget"
#define TYPE_WIDGET "widget"

typedef enum { COLOR_RED, COLOR_GREEN, COLOR_BLUE, COLOR__MAX } Color;
static const char *const color_names[] = { "red", "green", "blue" };
static const QEnumLookup color_lookup = {
    .array = color_names,
    .size = COLOR__MAX,
};

typedef struct Gadget {
    Object parent_obj;
    bool on;
    char *label;
    int color;
    uint8_t u8;
    uint16_t u16;
    uint32_t u32;
    uint64_t u64;
    Object *peer;     /* link<widget>, checked */
    Object *strong;   /* link<object>, strong */
} Gadget;

#define GADGET(obj) OBJECT_CHECK(Gadget, (obj), TYPE_GADGET)

static int finalized_widgets;

static bool gadget_get_on(Object *obj, Error **errp)
{
    return GADGET(obj)->on;
}

static void gadget_set_on(Object *obj, bool value, Error **errp)
{
    GADGET(obj)->on = value;
}

static char *gadget_get_label(Object *obj, Error **errp)
{
    return g_strdup(GADGET(obj)->label);
}

static void gadget_set_label(Object *obj, const char *value, Error **errp)
{
    if (strlen(value) > 8) {
        error_setg(errp, "label '%s' is longer than 8 characters", value);
        return;
    }
    g_free(GADGET(obj)->label);
    GADGET(obj)->label = g_strdup(value);
}

static int gadget_get_color(Object *obj, Error **errp)
{
    return GADGET(obj)->color;
}

static void gadget_set_color(Object *obj, int value, Error **errp)
{
    GADGET(obj)->color = value;
}

static void check_peer(const Object *obj, const char *name, Object *val,
                       Error **errp)
{
    if (val && !strcmp(object_get_canonical_path_component(val), "forbidden")) {
        error_setg(errp, "peer may not be 'forbidden'");
    }
}

static void gadget_class_init(ObjectClass *oc, const void *data)
{
    ObjectProperty *op;

    op = object_class_property_add_bool(oc, "on", gadget_get_on,
                                        gadget_set_on);
    object_property_set_default_bool(op, true);
    object_class_property_set_description(oc, "on", "power switch");
    op = object_class_property_add_str(oc, "label", gadget_get_label,
                                       gadget_set_label);
    object_property_set_default_str(op, "none");
    op = object_class_property_add_enum(oc, "color", "Color", &color_lookup,
                                        gadget_get_color, gadget_set_color);
    object_property_set_default_str(op, "green");
    object_class_property_add_link(oc, "peer", TYPE_WIDGET,
                                   offsetof(Gadget, peer), check_peer, 0);
    object_class_property_add_link(oc, "strong", TYPE_OBJECT,
                                   offsetof(Gadget, strong),
                                   object_property_allow_set_link,
                                   OBJ_PROP_LINK_STRONG);
}

static void gadget_init(Object *obj)
{
    Gadget *g = GADGET(obj);

    object_property_add_uint8_ptr(obj, "u8", &g->u8,
                                  OBJ_PROP_FLAG_READWRITE);
    object_property_add_uint16_ptr(obj, "u16", &g->u16,
                                   OBJ_PROP_FLAG_READWRITE);
    object_property_add_uint32_ptr(obj, "u32", &g->u32, OBJ_PROP_FLAG_READ);
    object_property_add_uint64_ptr(obj, "u64", &g->u64,
                                   OBJ_PROP_FLAG_READWRITE);
}

static void gadget_finalize(Object *obj)
{
    g_free(GADGET(obj)->label);
}

static void widget_finalize(Object *obj)
{
    finalized_widgets++;
}

static const TypeInfo prop_test_types[] = {
    {
        .name = TYPE_GADGET,
        .parent = TYPE_OBJECT,
        .instance_size = sizeof(Gadget),
        .class_init = gadget_class_init,
        .instance_init = gadget_init,
        .instance_finalize = gadget_finalize,
    }, {
        .name = TYPE_WIDGET,
        .parent = TYPE_OBJECT,
        .instance_size = sizeof(Object),
        .instance_finalize = widget_finalize,
    },
};

DEFINE_TYPES(prop_test_types)

static Object *new_child(Object *parent, const char *name, const char *type)
{
    Object *obj = object_new(type);

    object_property_add_child(parent, name, obj);
    object_unref(obj);
    return obj;
}

static void test_defaults(void)
{
    Object *obj = object_new(TYPE_GADGET);
    ObjectProperty *prop = object_property_find(obj, "color");
    g_autofree char *def = object_property_get_default(prop);
    g_autofree char *label = object_property_get_str(obj, "label",
                                                     &error_abort);

    g_assert_true(GADGET(obj)->on);
    g_assert_cmpstr(label, ==, "none");
    g_assert_cmpint(GADGET(obj)->color, ==, COLOR_GREEN);
    g_assert_cmpstr(def, ==, "green");
    g_assert_cmpstr(prop->type, ==, "Color");
    g_assert_cmpstr(object_property_find(obj, "on")->description, ==,
                    "power switch");
    object_unref(obj);
}

static void test_bool_str_enum(void)
{
    Object *obj = object_new(TYPE_GADGET);
    Error *err = NULL;
    g_autofree char *s = NULL;

    g_assert_true(object_property_set_bool(obj, "on", false, &error_abort));
    g_assert_false(object_property_get_bool(obj, "on", &error_abort));
    g_assert_true(object_property_parse(obj, "on", "yes", &error_abort));
    g_assert_true(GADGET(obj)->on);

    g_assert_true(object_property_set_str(obj, "label", "abc", &err));
    s = object_property_get_str(obj, "label", &error_abort);
    g_assert_cmpstr(s, ==, "abc");
    /* The setter's own error comes back unchanged. */
    g_assert_false(object_property_set_str(obj, "label", "much-too-long",
                                           &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "label 'much-too-long' is longer than 8 characters");
    error_free_or_abort(&err);

    g_assert_true(object_property_parse(obj, "color", "blue", &error_abort));
    g_assert_cmpint(object_property_get_enum(obj, "color", "Color",
                                             &error_abort), ==, COLOR_BLUE);
    g_assert_false(object_property_parse(obj, "color", "pink", &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "pink"));
    g_assert_nonnull(strstr(error_get_pretty(err), "red"));
    error_free_or_abort(&err);
    g_assert_cmpint(object_property_get_enum(obj, "color", "Other", &err),
                    ==, -1);
    error_free_or_abort(&err);
    object_unref(obj);
}

static void test_uint_ptrs(void)
{
    Object *obj = object_new(TYPE_GADGET);
    Gadget *g = GADGET(obj);
    Error *err = NULL;
    g_autofree char *printed = NULL;

    g_assert_true(object_property_set_uint(obj, "u8", 255, &error_abort));
    g_assert_cmpuint(g->u8, ==, 255);
    g_assert_false(object_property_set_uint(obj, "u8", 256, &err));
    g_assert_cmpuint(g->u8, ==, 255);
    error_free_or_abort(&err);
    g_assert_false(object_property_parse(obj, "u16", "70000", &err));
    error_free_or_abort(&err);
    g_assert_true(object_property_parse(obj, "u16", "0x1234", &error_abort));
    g_assert_cmpuint(g->u16, ==, 0x1234);
    g_assert_true(object_property_parse(obj, "u64", "18446744073709551615",
                                        &error_abort));
    g_assert_cmpuint(g->u64, ==, UINT64_MAX);
    g_assert_cmpuint(object_property_get_uint(obj, "u64", &error_abort), ==,
                     UINT64_MAX);
    printed = object_property_print(obj, "u16", false, &error_abort);
    g_assert_cmpstr(printed, ==, "4660");

    /* u32 is read-only. */
    g->u32 = 7;
    g_assert_cmpuint(object_property_get_uint(obj, "u32", &error_abort), ==,
                     7);
    g_assert_false(object_property_set_uint(obj, "u32", 8, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Property 'gadget.u32' is read-only");
    error_free_or_abort(&err);
    object_unref(obj);
}

static void test_property_errors(void)
{
    Object *obj = object_new(TYPE_GADGET);
    Error *err = NULL;

    g_assert_false(object_property_set_bool(obj, "of", true, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Property 'gadget.of' not found");
    g_assert_cmpstr(error_get_hint(err), ==, "Did you mean 'on'?\n");
    error_free_or_abort(&err);
    /* Wrong type through the QObject visitor. */
    g_assert_false(object_property_set_str(obj, "on", "maybe", &err));
    error_free_or_abort(&err);
    g_assert_false(object_property_set_int(obj, "label", 3, &err));
    error_free_or_abort(&err);
    /* Duplicate object property. */
    g_assert_null(object_property_try_add(obj, "u8", "uint8", NULL, NULL,
                                          NULL, NULL, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "attempt to add duplicate property 'u8' to object "
                    "(type 'gadget')");
    error_free_or_abort(&err);
    g_assert_cmpstr(object_property_get_type(obj, "u64", &error_abort), ==,
                    "uint64");
    object_unref(obj);
}

static void test_iteration_order(void)
{
    Object *obj = object_new(TYPE_GADGET);
    ObjectPropertyIterator iter;
    ObjectProperty *prop;
    GString *names = g_string_new(NULL);

    object_property_iter_init(&iter, obj);
    while ((prop = object_property_iter_next(&iter))) {
        g_string_append_printf(names, "%s ", prop->name);
    }
    /* Own properties, then the class's, then the ancestors'. */
    g_assert_cmpstr(names->str, ==,
                    "u8 u16 u32 u64 on label color peer strong type ");
    g_string_free(names, TRUE);
    object_unref(obj);
}

static void test_tree_paths(void)
{
    Object *root = object_get_root();
    Object *machine = container_get(root, "/machine");
    Object *soc, *uart0, *uart1, *found;
    bool ambiguous;
    g_autofree char *path = NULL;

    g_assert(container_get(root, "/machine") == machine);
    soc = new_child(machine, "soc", TYPE_WIDGET);
    uart0 = new_child(soc, "uart0", TYPE_WIDGET);
    uart1 = new_child(soc, "uart[*]", TYPE_WIDGET);
    g_assert_cmpstr(object_get_canonical_path_component(uart1), ==,
                    "uart[0]");
    new_child(soc, "uart[*]", TYPE_GADGET);
    g_assert_nonnull(object_resolve_path("/machine/soc/uart[1]", NULL));

    path = object_get_canonical_path(uart0);
    g_assert_cmpstr(path, ==, "/machine/soc/uart0");
    g_assert(object_get_parent(uart0) == soc);

    /* Absolute, partial, typed, relative. */
    g_assert(object_resolve_path("/machine/soc/uart0", NULL) == uart0);
    g_assert(object_resolve_path("uart0", &ambiguous) == uart0);
    g_assert_false(ambiguous);
    g_assert(object_resolve_path("soc/uart0", NULL) == uart0);
    g_assert_null(object_resolve_path("/machine/uart0", NULL));
    g_assert_null(object_resolve_path("/machine/soc/nothing", NULL));
    g_assert(object_resolve_path_type("uart[1]", TYPE_GADGET, NULL) != NULL);
    g_assert_null(object_resolve_path_type("uart[1]", TYPE_WIDGET, NULL));
    g_assert(object_resolve_path_at(machine, "soc/uart0") == uart0);

    /* A second "soc/uart0" elsewhere makes the partial path ambiguous. */
    {
        Object *other = new_child(machine, "other", TYPE_WIDGET);
        Object *soc2 = new_child(other, "soc", TYPE_WIDGET);

        new_child(soc2, "uart0", TYPE_WIDGET);
        found = object_resolve_path("soc/uart0", &ambiguous);
        g_assert_null(found);
        g_assert_true(ambiguous);
        object_unparent(other);
        g_assert(object_resolve_path("soc/uart0", &ambiguous) == uart0);
        g_assert_false(ambiguous);
    }
    object_unparent(machine);
    g_assert_null(object_resolve_path("/machine", NULL));
}

static void test_links(void)
{
    Object *root = object_get_root();
    Object *box = container_get(root, "/box");
    Object *w1 = new_child(box, "w1", TYPE_WIDGET);
    Object *forbidden = new_child(box, "forbidden", TYPE_WIDGET);
    Object *g = new_child(box, "g", TYPE_GADGET);
    Error *err = NULL;
    g_autofree char *s = NULL;

    g_assert_true(object_property_set_link(g, "peer", w1, &error_abort));
    g_assert(GADGET(g)->peer == w1);
    g_assert(object_property_get_link(g, "peer", &error_abort) == w1);
    s = object_property_get_str(g, "peer", &error_abort);
    g_assert_cmpstr(s, ==, "/box/w1");
    /* Resolution through the link: /box/g/peer is w1. */
    g_assert(object_resolve_path("/box/g/peer", NULL) == w1);

    /* Set by partial path, refused by the check, wrong type, missing. */
    g_assert_true(object_property_parse(g, "peer", "w1", &error_abort));
    g_assert_false(object_property_parse(g, "peer", "forbidden", &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "peer may not be 'forbidden'");
    error_free_or_abort(&err);
    g_assert(GADGET(g)->peer == w1);
    g_assert_false(object_property_parse(g, "peer", "/box/g", &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Property 'gadget.peer': '/box/g' is not a widget");
    error_free_or_abort(&err);
    g_assert_false(object_property_parse(g, "peer", "/nowhere", &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Property 'gadget.peer': no object at path '/nowhere'");
    error_free_or_abort(&err);
    g_assert_true(object_property_parse(g, "peer", "", &error_abort));
    g_assert_null(GADGET(g)->peer);
    g_assert(forbidden);

    /* A strong link holds a reference. */
    g_assert_cmpuint(object_get_ref_count(w1), ==, 1);
    object_property_set_link(g, "strong", w1, &error_abort);
    g_assert_cmpuint(object_get_ref_count(w1), ==, 2);
    object_property_set_link(g, "strong", NULL, &error_abort);
    g_assert_cmpuint(object_get_ref_count(w1), ==, 1);
    object_property_set_link(g, "strong", w1, &error_abort);

    /* A const link is read-only. */
    object_property_add_const_link(w1, "buddy", g);
    g_assert(object_resolve_path("/box/w1/buddy", NULL) == g);
    g_assert_false(object_property_set_link(w1, "buddy", w1, &err));
    error_free_or_abort(&err);

    object_unparent(box);
}

static void test_alias(void)
{
    Object *root = object_get_root();
    Object *board = container_get(root, "/board");
    Object *g = new_child(board, "g", TYPE_GADGET);
    ObjectProperty *op;

    op = object_property_add_alias(board, "switch", g, "on");
    g_assert_cmpstr(op->type, ==, "bool");
    g_assert_cmpstr(op->description, ==, "power switch");
    g_assert_true(object_property_parse(board, "switch", "off",
                                        &error_abort));
    g_assert_false(GADGET(g)->on);
    g_assert_false(object_property_get_bool(board, "switch", &error_abort));
    object_property_add_alias(board, "gadget", board, "g");
    g_assert(object_resolve_path("/board/gadget", NULL) == g);
    object_unparent(board);
}

static void test_set_props(void)
{
    Object *root = object_get_root();
    Object *obj;
    Error *err = NULL;
    long live = object_live_count();
    g_autoptr(QDict) qdict = qdict_new();

    obj = object_new_with_props(TYPE_GADGET, root, "g1", &error_abort,
                                "label", "hello", "color", "red", "u8",
                                "17", NULL);
    g_assert_cmpstr(GADGET(obj)->label, ==, "hello");
    g_assert_cmpint(GADGET(obj)->color, ==, COLOR_RED);
    g_assert_cmpuint(GADGET(obj)->u8, ==, 17);
    g_assert(object_resolve_path("/g1", NULL) == obj);

    /* A bad value leaves nothing behind. */
    g_assert_null(object_new_with_props(TYPE_GADGET, root, "g2", &err,
                                        "u8", "300", NULL));
    error_free_or_abort(&err);
    g_assert_null(object_resolve_path("/g2", NULL));
    g_assert_null(object_new_with_props("no-such", root, "g3", &err, NULL));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "unknown object type 'no-such'");
    error_free_or_abort(&err);

    g_assert_true(object_set_props(obj, &error_abort, "on", "off", NULL));
    g_assert_false(GADGET(obj)->on);

    qdict_put_str(qdict, "label", "kv");
    qdict_put_str(qdict, "u16", "0x10");
    g_assert_true(object_set_properties_from_qdict(obj, qdict, true,
                                                   &error_abort));
    g_assert_cmpstr(GADGET(obj)->label, ==, "kv");
    g_assert_cmpuint(GADGET(obj)->u16, ==, 16);
    /* Without keyval, a QString where an integer is expected fails. */
    qdict_del(qdict, "u16");
    qdict_put_str(qdict, "u8", "5");
    g_assert_false(object_set_properties_from_qdict(obj, qdict, false,
                                                    &err));
    error_free_or_abort(&err);
    g_assert_cmpuint(GADGET(obj)->u8, ==, 17);
    qdict_put_int(qdict, "u8", 5);
    g_assert_true(object_set_properties_from_qdict(obj, qdict, false,
                                                   &error_abort));
    g_assert_cmpuint(GADGET(obj)->u8, ==, 5);

    object_unparent(obj);
    g_assert_cmpint(object_live_count(), ==, live);
}

static void test_qobject_roundtrip(void)
{
    Object *obj = object_new(TYPE_GADGET);
    QObject *q;

    /* A uint64 takes no size suffix (that is the "size" type). */
    g_assert_false(object_property_parse(obj, "u64", "64K", NULL));
    object_property_parse(obj, "u64", "65536", &error_abort);
    q = object_property_get_qobject(obj, "u64", &error_abort);
    g_assert_cmpuint(qnum_get_uint(qobject_to(QNum, q)), ==, 65536);
    qobject_unref(q);
    q = object_property_get_qobject(obj, "color", &error_abort);
    g_assert_cmpstr(qstring_get_str(qobject_to(QString, q)), ==, "green");
    g_assert_true(object_property_set_qobject(obj, "label", q,
                                              &error_abort));
    g_assert_cmpstr(GADGET(obj)->label, ==, "green");
    qobject_unref(q);
    object_unref(obj);
}

/* Unparenting a subtree finalises every object in it, deepest first. */
static void test_unparent_subtree(void)
{
    long live = object_live_count();
    Object *top = container_get(object_get_root(), "/top");
    Object *a = new_child(top, "a", TYPE_WIDGET);

    finalized_widgets = 0;
    for (int i = 0; i < 10; i++) {
        Object *w = new_child(a, "w[*]", TYPE_WIDGET);
        new_child(w, "leaf", TYPE_WIDGET);
    }
    g_assert_cmpint(object_live_count(), ==, live + 1 + 1 + 20);
    /* A reference held elsewhere keeps one object alive after unparent. */
    Object *kept = object_ref(object_resolve_path("/top/a/w[3]", NULL));
    object_unparent(top);
    g_assert_cmpint(finalized_widgets, ==, 1 + 20 - 2);
    g_assert_null(object_get_parent(kept));
    object_unref(kept);
    g_assert_cmpint(finalized_widgets, ==, 1 + 20);
    g_assert_cmpint(object_live_count(), ==, live);
}

static int count_child(Object *child, void *opaque)
{
    (*(int *)opaque)++;
    return 0;
}

static int stop_at_b(Object *child, void *opaque)
{
    return !strcmp(object_get_canonical_path_component(child), "b") ? 42 : 0;
}

static void test_child_foreach(void)
{
    Object *top = container_get(object_get_root(), "/iter");
    int n = 0;

    new_child(new_child(top, "a", TYPE_WIDGET), "a1", TYPE_WIDGET);
    new_child(top, "b", TYPE_WIDGET);
    new_child(top, "c", TYPE_WIDGET);
    object_child_foreach(top, count_child, &n);
    g_assert_cmpint(n, ==, 3);
    n = 0;
    object_child_foreach_recursive(top, count_child, &n);
    g_assert_cmpint(n, ==, 4);
    g_assert_cmpint(object_child_foreach(top, stop_at_b, NULL), ==, 42);
    object_unparent(top);
}

static void test_root_cleanup(void)
{
    container_get(object_get_root(), "/x/y/z");
    object_root_cleanup();
    /* Everything this program created is gone. */
    g_assert_cmpint(object_live_count(), ==, 0);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    module_call_init(MODULE_INIT_QOM);

    g_test_add_func("/qom/props/defaults", test_defaults);
    g_test_add_func("/qom/props/bool-str-enum", test_bool_str_enum);
    g_test_add_func("/qom/props/uint-ptrs", test_uint_ptrs);
    g_test_add_func("/qom/props/errors", test_property_errors);
    g_test_add_func("/qom/props/iteration-order", test_iteration_order);
    g_test_add_func("/qom/props/links", test_links);
    g_test_add_func("/qom/props/alias", test_alias);
    g_test_add_func("/qom/props/set-props", test_set_props);
    g_test_add_func("/qom/props/qobject", test_qobject_roundtrip);
    g_test_add_func("/qom/tree/paths", test_tree_paths);
    g_test_add_func("/qom/tree/unparent-subtree", test_unparent_subtree);
    g_test_add_func("/qom/tree/child-foreach", test_child_foreach);
    g_test_add_func("/qom/tree/root-cleanup", test_root_cleanup);
    return g_test_run();
}

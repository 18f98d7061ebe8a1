/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-qdev-life.c: a qdev device's life: realize failure leaves nothing
 * behind, reset phases (order, nesting, a system reset reaching each device
 * exactly once), teardown of the whole tree or a subtree, and hotplug with
 * device_add / device_del.  The shared test device types are in
 * qdev-test-types.c.
 */
#include "qomu/osdep.h"
#include "qapi/error.h"
#include "qobject/qdict.h"
#include "qobject/qlist.h"
#include "qapi/keyval.h"
#include "hw/qdev-core.h"
#include "hw/qdev-properties.h"
#include "hw/sysbus.h"
#include "hw/irq.h"
#include "hw/resettable.h"
#include "exec/memory.h"
#include "exec/address-spaces.h"
#include "qdev-test-types.h"

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

int main(int argc, char **argv)
{
    qdev_test_init(&argc, &argv);
    g_test_add_func("/qdev/realize/failure-leaves-nothing",
                    test_realize_failure);
    g_test_add_func("/qdev/reset/phase-order", test_reset_phases);
    g_test_add_func("/qdev/reset/system-exactly-once", test_reset_system_once);
    g_test_add_func("/qdev/teardown/all", test_teardown);
    g_test_add_func("/qdev/teardown/subtree", test_teardown_subtree);
    g_test_add_func("/qdev/device-add/hotplug", test_device_hotplug);
    return g_test_run();
}

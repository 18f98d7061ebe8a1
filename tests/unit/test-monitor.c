/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-monitor.c: HMP commands through hmp_human_monitor_command() on a
 * small tree: hotplug churn with a hot-pluggable test device (registered
 * only here: no board device is hot-pluggable yet), device_del refusals,
 * natural sorting in info qom-tree, one-line errors, and the qtest
 * protocol's parser through qtest_process_line().
 */
#include "qomu/osdep.h"
#include "qapi/error.h"
#include "qomu/module.h"
#include "exec/address-spaces.h"
#include "exec/memory.h"
#include "hw/qdev-core.h"
#include "monitor/hmp.h"
#include "qom/object.h"
#include "system/qtest.h"

#define TYPE_TEST_HOTPLUG "test-hotplug-dev"
#define TYPE_TEST_COLDPLUG "test-coldplug-dev"

static void test_coldplug_class_init(ObjectClass *oc, const void *data)
{
    DEVICE_CLASS(oc)->hotpluggable = false;
}

static const TypeInfo test_types[] = {
    {
        .name = TYPE_TEST_HOTPLUG,
        .parent = TYPE_DEVICE,
        .instance_size = sizeof(DeviceState),
    },
    {
        .name = TYPE_TEST_COLDPLUG,
        .parent = TYPE_DEVICE,
        .instance_size = sizeof(DeviceState),
        .class_init = test_coldplug_class_init,
    },
};

static void register_test_types(void)
{
    type_register_static_array(test_types, ARRAY_SIZE(test_types));
}

type_init(register_test_types)

    static char *hmp(const char *cmd)
{
    return hmp_human_monitor_command(cmd);
}

static void assert_hmp_empty(const char *cmd)
{
    g_autofree char *out = hmp(cmd);

    g_assert_cmpstr(out, ==, "");
}

/* A one-line "Error: ..." containing @needle. */
static void assert_hmp_error(const char *cmd, const char *needle)
{
    g_autofree char *out = hmp(cmd);

    g_assert_true(g_str_has_prefix(out, "Error: "));
    g_assert_nonnull(strstr(out, needle));
    g_assert_true(strchr(out, '\n') == out + strlen(out) - 1);
}

static void test_hotplug_churn(void)
{
    g_autofree char *tree0 = NULL;
    g_autofree char *tree1 = NULL;
    long live0;

    /* The first add creates /machine/peripheral; the trees then repeat. */
    assert_hmp_empty("device_add " TYPE_TEST_HOTPLUG ",id=hp0");
    assert_hmp_empty("device_del hp0");
    tree0 = hmp("info qom-tree");
    live0 = object_live_count();
    for (int i = 0; i < 200; i++) {
        g_autofree char *tree = NULL;
        DeviceState *dev;

        assert_hmp_empty("device_add " TYPE_TEST_HOTPLUG ",id=hp0");
        dev = DEVICE(object_resolve_path("/machine/peripheral/hp0", NULL));
        g_assert_nonnull(dev);
        g_assert_true(dev->realized);
        g_assert_true(dev->hotplugged);
        tree = hmp("info qom-tree");
        g_assert_nonnull(strstr(tree, "/hp0 (" TYPE_TEST_HOTPLUG ")"));
        assert_hmp_error("device_add " TYPE_TEST_HOTPLUG ",id=hp0", "hp0");
        assert_hmp_empty("device_del hp0");
        g_assert_null(object_resolve_path("/machine/peripheral/hp0", NULL));
    }
    tree1 = hmp("info qom-tree");
    g_assert_cmpstr(tree0, ==, tree1);
    g_assert_cmpint(object_live_count(), ==, live0);
}

static void test_hotplug_anon_and_refusals(void)
{
    g_autofree char *tree = NULL;

    assert_hmp_empty("device_add " TYPE_TEST_HOTPLUG);
    tree = hmp("info qom-tree /machine/peripheral-anon");
    g_assert_nonnull(strstr(tree, "/" TYPE_TEST_HOTPLUG "[0] ("));
    assert_hmp_empty("device_del /machine/peripheral-anon/" TYPE_TEST_HOTPLUG
                     "[0]");
    assert_hmp_error("device_del nosuch", "not found");
    assert_hmp_error("device_del /machine", "not found");
    assert_hmp_error("device_del /machine/board-dev", "belongs to the board");
    assert_hmp_error("device_add " TYPE_TEST_COLDPLUG ",id=cold2",
                     "does not support hotplugging");
    assert_hmp_error("device_del cold", "hot-unplug");
    g_assert_nonnull(object_resolve_path("/machine/peripheral/cold", NULL));
}

static void test_qom_tree_natural_order(void)
{
    g_autofree char *tree = NULL;
    const char *p2, *p10;

    tree = hmp("info qom-tree /machine/sorted");
    p2 = strstr(tree, "/dev[2] (container)");
    p10 = strstr(tree, "/dev[10] (container)");
    g_assert_nonnull(p2);
    g_assert_nonnull(p10);
    g_assert_true(p2 < p10);
    g_assert_true(g_str_has_prefix(tree, "/sorted (container)\n"));
}

static void test_errors_one_line(void)
{
    static const char *const bad[] = {
        "nosuch",
        "info nosuch",
        "qom-get",
        "qom-get /nope x",
        "qom-get /machine nosuchprop",
        "qom-list /nope",
        "qom-set /machine "
        "type x",
        "x /zz 0",
        "x /4x",
        "xp /99999999x 0",
        "xp zz",
        "info mtree -q",
        "info registers -q",
        "\"open",
        "%n%n%s",
        "device_add",
        "device_add nosuch",
        "device_add ,,",
        "help nosuch",
    };

    for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
        assert_hmp_error(bad[i], "");
    }
    assert_hmp_empty("");
}

static void test_help(void)
{
    g_autofree char *out = hmp("help qom-get");
    g_auto(GStrv) names = hmp_command_names();
    g_auto(GStrv) infos = hmp_info_names();

    g_assert_cmpstr(out, ==,
                    "qom-get path property -- print a property's "
                    "value (as JSON)\n");
    g_assert_true(g_strv_contains((const char *const *)names, "device_del"));
    g_assert_true(g_strv_contains((const char *const *)infos, "qom-tree"));
    for (int i = 0; names[i]; i++) {
        g_autofree char *cmd = g_strdup_printf("help %s", names[i]);
        g_autofree char *text = hmp(cmd);

        g_assert_true(g_str_has_prefix(text, names[i]));
    }
}

static void test_xp(void)
{
    g_autofree char *x = NULL;
    g_autofree char *c = NULL;
    g_autofree char *d = NULL;

    g_autofree char *hole = NULL;
    static const uint8_t bytes[] = {0xfe, 0xff, 'A', '\n', 0x01, 0, 0, 0};

    address_space_write(&address_space_memory, 0x1000, MEMTXATTRS_UNSPECIFIED,
                        bytes, sizeof(bytes));
    x = hmp("xp /2xw 0x1000");
    g_assert_cmpstr(x, ==, "0000000000001000: 0x0a41fffe 0x00000001\n");
    c = hmp("xp /4c 0x1001");
    g_assert_cmpstr(c, ==, "0000000000001001: '\\xff' 'A' '\\n' '\\x01'\n");
    d = hmp("xp /1dh 0x1000");
    g_assert_cmpstr(d, ==, "0000000000001000:    -2\n");
    hole = hmp("xp /1x 0x100000");
    g_assert_cmpstr(hole, ==, "0000000000100000: Cannot access memory\n");
}

static void test_qtest_parser(void)
{
    static const char *const bad[] = {
        "nosuch",
        "readb",
        "readb zz",
        "writew 0",
        "read 0 999999999999",
        "write 0 2 nothex",
        "clock_step -1",
        "clock_set",
        "set_irq_in",
        "irq_intercept_in /nope",
    };
    g_autofree char *ok = qtest_process_line("endianness");

    g_assert_cmpstr(ok, ==, "OK little\n");
    for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
        g_autofree char *out = qtest_process_line(bad[i]);

        g_assert_true(g_str_has_prefix(out, "FAIL "));
    }
}

int main(int argc, char **argv)
{
    Object *machine, *sorted;
    DeviceState *board_dev;
    MemoryRegion ram;
    int ret;

    g_test_init(&argc, &argv, NULL);
    module_call_init(MODULE_INIT_QOM);
    memory_map_init();
    machine = object_new(TYPE_CONTAINER);
    object_property_add_child(object_get_root(), "machine", machine);
    object_unref(machine);
    memory_region_init_ram(&ram, machine, "test.ram", 0x10000, &error_abort);
    memory_region_add_subregion(get_system_memory(), 0, &ram);
    sorted = container_get(machine, "sorted");
    for (int i = 12; i >= 0; i--) {
        g_autofree char *name = g_strdup_printf("dev[%d]", i);

        container_get(sorted, name);
    }
    board_dev = qdev_new(TYPE_TEST_HOTPLUG);
    object_property_add_child(machine, "board-dev", OBJECT(board_dev));
    qdev_realize_and_unref(board_dev, NULL, &error_abort);
    /* As -device does before the machine is complete. */
    assert_hmp_empty("device_add " TYPE_TEST_COLDPLUG ",id=cold");
    qdev_machine_creation_done();

    g_test_add_func("/monitor/hotplug/churn", test_hotplug_churn);
    g_test_add_func("/monitor/hotplug/anon-and-refusals",
                    test_hotplug_anon_and_refusals);
    g_test_add_func("/monitor/qom-tree/natural-order",
                    test_qom_tree_natural_order);
    g_test_add_func("/monitor/errors/one-line", test_errors_one_line);
    g_test_add_func("/monitor/help", test_help);
    g_test_add_func("/monitor/xp", test_xp);
    g_test_add_func("/qtest/parser", test_qtest_parser);
    ret = g_test_run();

    qdev_teardown_all();
    object_root_cleanup();
    memory_map_cleanup();
    return ret;
}

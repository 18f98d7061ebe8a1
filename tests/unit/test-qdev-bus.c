/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-qdev-bus.c: qdev buses (naming, placement, full and wrong buses,
 * lookup), GPIO wiring, sysbus and the `info qtree` text, and device_add:
 * its errors and where it places devices.  The shared test device types are
 * in qdev-test-types.c.
 */
#include "qomu/osdep.h"
#include "qapi/error.h"
#include "qobject/qdict.h"
#include "qobject/qjson.h"
#include "qapi/keyval.h"
#include "hw/qdev-core.h"
#include "hw/qdev-properties.h"
#include "hw/sysbus.h"
#include "hw/irq.h"
#include "exec/memory.h"
#include "exec/address-spaces.h"
#include "qdev-test-types.h"

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

int main(int argc, char **argv)
{
    qdev_test_init(&argc, &argv);
    type_register_static(&tst_userdev_info);
    type_register_static(&tst_sysctl_info);

    g_test_add_func("/qdev/bus/naming", test_bus_naming);
    g_test_add_func("/qdev/bus/placement", test_bus_placement);
    g_test_add_func("/qdev/bus/find", test_bus_find);
    g_test_add_func("/qdev/gpio/wiring", test_gpio);
    g_test_add_func("/qdev/sysbus/qtree-real-addresses", test_sysbus_qtree);
    g_test_add_func("/qdev/qtree/props", test_qtree_props);
    g_test_add_func("/qdev/device-add/errors-and-placement", test_device_add);
    g_test_add_func("/qdev/device-add/keyval", test_device_add_keyval);
    return g_test_run();
}

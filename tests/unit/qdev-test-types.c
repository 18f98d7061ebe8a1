/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qdev-test-types.c: the test device types and helpers shared by the qdev
 * unit tests (see qdev-test-types.h).
 */
#include "qomu/osdep.h"
#include "exec/address-spaces.h"
#include "qdev-test-types.h"

GString *warnings;

static void capture_print(void *opaque, const char *msg)
{
    g_string_append(warnings, msg);
}

long live_at_start;

void test_begin(void)
{
    live_at_start = object_live_count();
    g_string_truncate(warnings, 0);
}

/* What every test leaves behind: nothing. */
void test_end(void)
{
    qdev_teardown_all();
    memory_map_cleanup();
    g_assert_cmpint(object_live_count(), ==, live_at_start);
}

GString *reset_log;

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

static const char *const tst_mode_names[] = { "fast", "slow" };
static const QEnumLookup TstMode_lookup = {
    .array = tst_mode_names,
    .size = TST_MODE__MAX,
};
static const PropertyInfo prop_tst_mode =
    QDEV_PROP_ENUM_INFO("TstMode", TstMode_lookup, "fast/slow");

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

static void tst_busdev_class_init(ObjectClass *oc, const void *data)
{
    DEVICE_CLASS(oc)->bus_type = TYPE_TST_BUS;
}

/* tst-ctl: owns a tst-bus made in instance_init; tst-ctl2: one in realize */

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

/* tst-cpu: a device on no bus (as a CPU) */

static void tst_cpu_class_init(ObjectClass *oc, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->user_creatable = false;
    dc->not_user_creatable_reason = "CPUs are created by -smp";
}

/* tst-robj: a Resettable object that is not a device */

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

int legacy_resets;

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

char *qom_tree_text(void)
{
    GString *s = g_string_new(NULL);

    object_child_foreach_recursive(object_get_root(), list_one, s);
    return g_string_free(s, FALSE);
}

Object *machine(void)
{
    return qdev_get_machine();
}

DeviceState *new_child(const char *type, const char *name)
{
    DeviceState *dev = qdev_new(type);

    object_property_add_child(machine(), name, OBJECT(dev));
    object_unref(OBJECT(dev));
    return dev;
}

char *print_prop(DeviceState *dev, const char *name)
{
    return object_property_print(OBJECT(dev), name, false, &error_abort);
}

/* A free-standing IRQ handler */

int sink_level[4];
int sink_calls;

void sink_handler(void *opaque, int n, int level)
{
    sink_level[n] = level;
    sink_calls++;
}

void qdev_test_init(int *argc, char ***argv)
{
    g_test_init(argc, argv, NULL);
    module_call_init(MODULE_INIT_QOM);
    warnings = g_string_new(NULL);
    error_set_print_func(capture_print, NULL, NULL);
}

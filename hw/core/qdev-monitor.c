/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qdev-monitor.c: what the command line and the monitor share about
 * devices: -device / device_add, `-device help`, and `info qtree`.
 */
#include "qomu/osdep.h"
#include "qomu/cutils.h"
#include "qapi/error.h"
#include "qobject/qdict.h"
#include "qobject/qstring.h"
#include "hw/qdev-core.h"
#include "hw/qdev-properties.h"
#include "hw/sysbus.h"
#include "qdev-internal.h"

bool qdev_hotplug;

void qdev_machine_creation_done(void)
{
    qdev_hotplug = true;
}

static const char *const category_names[DEVICE_CATEGORY_MAX] = {
    [DEVICE_CATEGORY_BRIDGE] = "Controller/Bridge/Hub",
    [DEVICE_CATEGORY_USB] = "USB",
    [DEVICE_CATEGORY_STORAGE] = "Storage",
    [DEVICE_CATEGORY_NETWORK] = "Network",
    [DEVICE_CATEGORY_INPUT] = "Input",
    [DEVICE_CATEGORY_DISPLAY] = "Display",
    [DEVICE_CATEGORY_SOUND] = "Sound",
    [DEVICE_CATEGORY_MISC] = "Misc",
    [DEVICE_CATEGORY_CPU] = "CPU",
    [DEVICE_CATEGORY_WATCHDOG] = "Watchdog",
};

/* Helpers */

static void add_device_name(ObjectClass *oc, void *opaque)
{
    g_ptr_array_add(opaque, (gpointer)object_class_get_name(oc));
}

static GPtrArray *device_type_names(void)
{
    GPtrArray *names = g_ptr_array_new();

    object_class_foreach(add_device_name, TYPE_DEVICE, false, names);
    return names;
}

/* Properties a user may set (-device help lists these). */
static bool prop_is_user_settable(ObjectProperty *prop)
{
    return prop->set && strcmp(prop->name, "realized") != 0 &&
           !object_property_is_child(prop) &&
           strcmp(prop->name, "parent_bus") != 0;
}

static char *settable_props_list(ObjectClass *oc)
{
    ObjectPropertyIterator iter;
    ObjectProperty *prop;
    GString *s = g_string_new(NULL);

    object_class_property_iter_init(&iter, oc);
    while ((prop = object_property_iter_next(&iter))) {
        if (prop_is_user_settable(prop)) {
            g_string_append_printf(s, "%s%s", s->len ? ", " : "", prop->name);
        }
    }
    return g_string_free(s, FALSE);
}

/* Letters, digits, '-', '.', '_', starting with a letter (as QEMU). */
static bool id_wellformed(const char *id)
{
    if (!g_ascii_isalpha(id[0])) {
        return false;
    }
    for (const char *p = id; *p; p++) {
        if (!g_ascii_isalnum(*p) && !strchr("-._", *p)) {
            return false;
        }
    }
    return true;
}

static ObjectClass *device_add_check_class(const char *driver, Error **errp)
{
    ObjectClass *oc = object_class_by_name(driver);
    DeviceClass *dc;

    if (!oc || !object_class_dynamic_cast(oc, TYPE_DEVICE)) {
        GPtrArray *names = device_type_names();
        const char *hint = qemu_suggest_n(
            driver, (const char *const *)names->pdata, names->len);

        if (hint) {
            error_setg(errp,
                       "'%s' is not a valid device model name (did "
                       "you mean '%s'?)",
                       driver, hint);
        } else {
            error_setg(errp,
                       "'%s' is not a valid device model name (try "
                       "-device help)",
                       driver);
        }
        g_ptr_array_free(names, TRUE);
        return NULL;
    }
    if (object_class_is_abstract(oc)) {
        error_setg(errp,
                   "device type '%s' is abstract and cannot be "
                   "created; use one of its subtypes",
                   driver);
        return NULL;
    }
    dc = DEVICE_CLASS(oc);
    if (!dc->user_creatable) {
        error_setg(errp,
                   "device type '%s' cannot be created with -device "
                   "or device_add: %s",
                   driver,
                   dc->not_user_creatable_reason
                       ? dc->not_user_creatable_reason
                       : "it is created by the board");
        return NULL;
    }
    if (qdev_hotplug && !dc->hotpluggable) {
        error_setg(errp, "device type '%s' does not support hotplugging",
                   driver);
        return NULL;
    }
    return oc;
}

static bool device_add_check_id(const char *id, Object *peripheral,
                                Error **errp)
{
    BusState *sysbus = sysbus_get_default();

    if (!id_wellformed(id)) {
        error_setg(errp,
                   "invalid device id '%s': an id starts with a "
                   "letter and has only letters, digits, '-', '.' and '_'",
                   id);
        return false;
    }
    if ((peripheral && object_resolve_path_component(peripheral, id)) ||
        qdev_find_recursive(sysbus, id)) {
        error_setg(errp,
                   "duplicate device id '%s': another device already "
                   "has it",
                   id);
        return false;
    }
    return true;
}

typedef struct BusSearch {
    const char *bus_type;
    BusState *free_bus;
    BusState *full_bus;
} BusSearch;

static int bus_search_one(BusState *bus, void *opaque)
{
    BusSearch *bs = opaque;

    if (!object_dynamic_cast(OBJECT(bus), bs->bus_type) || !bus->realized) {
        return 0;
    }
    if (qbus_is_full(bus)) {
        bs->full_bus = bs->full_bus ? bs->full_bus : bus;
        return 0;
    }
    bs->free_bus = bus;
    return 1;
}

static BusState *device_add_find_bus(DeviceClass *dc, const char *driver,
                                     const char *path, Error **errp)
{
    BusState *bus;

    if (path) {
        bus = qbus_find(path, errp);
        if (!bus) {
            return NULL;
        }
        if (!dc->bus_type) {
            error_setg(errp,
                       "device type '%s' does not go on a bus (not on "
                       "bus '%s')",
                       driver, bus->name);
            return NULL;
        }
        if (!object_dynamic_cast(OBJECT(bus), dc->bus_type)) {
            g_autofree char *fits = qdev_bus_list_fitting(dc->bus_type);

            error_setg(errp,
                       "device type '%s' cannot go on bus '%s' (type "
                       "%s): it needs a bus of type %s%s%s",
                       driver, bus->name, object_get_typename(OBJECT(bus)),
                       dc->bus_type, fits ? "; buses that fit: " : "",
                       fits ? fits : "");
            return NULL;
        }
        if (qbus_is_full(bus)) {
            BusClass *bc = BUS_GET_CLASS(bus);

            error_setg(errp,
                       "bus '%s' is full (it takes at most %d "
                       "device%s)",
                       bus->name, bc->max_dev, bc->max_dev == 1 ? "" : "s");
            return NULL;
        }
        return bus;
    }
    if (!dc->bus_type) {
        return NULL;
    }
    {
        BusSearch bs = {.bus_type = dc->bus_type};

        qbus_walk_children(sysbus_get_default(), NULL, bus_search_one, &bs);
        if (bs.free_bus) {
            return bs.free_bus;
        }
        if (bs.full_bus) {
            error_setg(errp,
                       "every bus of type %s is full (first: '%s'); "
                       "device type '%s' has nowhere to go",
                       dc->bus_type, bs.full_bus->name, driver);
        } else {
            error_setg(errp,
                       "no bus of type %s for device type '%s' (this "
                       "machine has none)",
                       dc->bus_type, driver);
        }
    }
    return NULL;
}

static bool device_add_set_props(DeviceState *dev, const QDict *opts,
                                 bool from_json, Error **errp)
{
    Object *obj = OBJECT(dev);

    for (const QDictEntry *e = qdict_first(opts); e; e = qdict_next(opts, e)) {
        const char *key = qdict_entry_key(e);
        QObject *value = qdict_entry_value(e);
        ObjectProperty *prop;
        bool ok;

        if (!strcmp(key, "driver") || !strcmp(key, "id") ||
            !strcmp(key, "bus")) {
            continue;
        }
        prop = object_property_find(obj, key);
        if (!prop || !prop_is_user_settable(prop)) {
            ObjectClass *oc = object_get_class(obj);
            g_autofree char *list = settable_props_list(oc);
            GPtrArray *names = g_ptr_array_new();
            ObjectPropertyIterator iter;
            ObjectProperty *p;
            const char *hint;

            object_class_property_iter_init(&iter, oc);
            while ((p = object_property_iter_next(&iter))) {
                if (prop_is_user_settable(p)) {
                    g_ptr_array_add(names, p->name);
                }
            }
            hint = qemu_suggest_n(key, (const char *const *)names->pdata,
                                  names->len);
            error_setg(errp,
                       "device type '%s' has no property '%s'%s%s%s; "
                       "its properties are: %s",
                       object_get_typename(obj), key,
                       hint ? " (did you mean '" : "", hint ? hint : "",
                       hint ? "'?)" : "", *list ? list : "(none)");
            g_ptr_array_free(names, TRUE);
            return false;
        }
        if (!from_json && qobject_type(value) == QTYPE_QSTRING) {
            ok = object_property_parse(
                obj, key, qstring_get_str(qobject_to(QString, value)), errp);
        } else if (from_json) {
            ok = object_property_set_qobject(obj, key, value, errp);
        } else {
            QDict *one = qdict_new();

            qdict_put_obj(one, key, qobject_ref(value));
            ok = object_set_properties_from_qdict(obj, one, true, errp);
            qobject_unref(one);
        }
        if (!ok) {
            return false;
        }
    }
    return true;
}

DeviceState *qdev_device_add_from_qdict(const QDict *opts, bool from_json,
                                        Error **errp)
{
    const char *driver = qdict_get_try_str(opts, "driver");
    const char *id = qdict_get_try_str(opts, "id");
    const char *path = qdict_get_try_str(opts, "bus");
    Object *machine, *container;
    bool new_container;
    ObjectClass *oc;
    DeviceClass *dc;
    DeviceState *dev;
    BusState *bus;
    g_autofree char *name = NULL;
    const char *cname = id ? "peripheral" : "peripheral-anon";

    static const char *const string_keys[] = {"driver", "id", "bus"};

    for (size_t i = 0; i < ARRAY_SIZE(string_keys); i++) {
        QObject *v = qdict_get(opts, string_keys[i]);

        if (v && qobject_type(v) != QTYPE_QSTRING) {
            error_setg(errp, "'%s' must be a string", string_keys[i]);
            return NULL;
        }
    }
    if (!driver) {
        error_setg(errp, "missing 'driver' (the device type; try -device "
                         "help)");
        return NULL;
    }
    oc = device_add_check_class(driver, errp);
    if (!oc) {
        return NULL;
    }
    dc = DEVICE_CLASS(oc);
    machine = qdev_get_machine();
    container = object_resolve_path_component(machine, cname);
    if (id && !device_add_check_id(id, container, errp)) {
        return NULL;
    }
    bus = device_add_find_bus(dc, driver, path, errp);
    if (!bus && (path || dc->bus_type)) {
        return NULL;
    }

    dev = DEVICE(object_new_with_class(oc));
    dev->id = g_strdup(id);
    dev->hotplugged = qdev_hotplug;
    if (!device_add_set_props(dev, opts, from_json, errp)) {
        object_unref(OBJECT(dev));
        return NULL;
    }

    new_container = !container;
    container = container_get(machine, cname);
    name = id ? g_strdup(id) : g_strdup_printf("%s[*]", driver);
    object_property_add_child(container, name, OBJECT(dev));
    if (!qdev_realize(dev, bus, errp)) {
        object_unparent(OBJECT(dev));
        object_unref(OBJECT(dev));
        if (new_container) {
            object_unparent(container);
        }
        return NULL;
    }
    object_unref(OBJECT(dev));
    return dev;
}

DeviceState *qdev_device_add(const QDict *opts, Error **errp)
{
    return qdev_device_add_from_qdict(opts, false, errp);
}

/*
 * -device help lists what a user can create, as QEMU does; a device a
 * board builds (no-user) is still described by -device TYPE,help.
 */

static void device_help_one(GString *out, DeviceClass *dc)
{
    const char *name = object_class_get_name(OBJECT_CLASS(dc));

    g_string_append_printf(out, "name \"%s\"", name);
    if (dc->bus_type) {
        g_string_append_printf(out, ", bus %s", dc->bus_type);
    }
    if (dc->desc) {
        g_string_append_printf(out, ", desc \"%s\"", dc->desc);
    }
    g_string_append_c(out, '\n');
}

static char *device_list_text(void)
{
    GSList *list = object_class_get_list(TYPE_DEVICE, false);
    GString *out = g_string_new(NULL);

    for (int cat = 0; cat <= DEVICE_CATEGORY_MAX; cat++) {
        bool header = false;

        for (GSList *l = list; l; l = l->next) {
            DeviceClass *dc = DEVICE_CLASS(l->data);
            bool in_cat = cat < DEVICE_CATEGORY_MAX
                              ? (dc->categories >> cat) & 1
                              : dc->categories == 0;

            if (!in_cat || !dc->user_creatable) {
                continue;
            }
            if (!header) {
                g_string_append_printf(
                    out, "%s%s devices:\n", out->len ? "\n" : "",
                    cat < DEVICE_CATEGORY_MAX ? category_names[cat]
                                              : "Uncategorized");
                header = true;
            }
            device_help_one(out, dc);
        }
    }
    g_slist_free(list);
    return g_string_free(out, FALSE);
}

char *qdev_device_help_text(const char *driver, Error **errp)
{
    ObjectClass *oc;
    ObjectPropertyIterator iter;
    ObjectProperty *prop;
    GString *out;
    bool any = false;

    if (!driver) {
        return device_list_text();
    }
    oc = object_class_by_name(driver);
    if (!oc || !object_class_dynamic_cast(oc, TYPE_DEVICE)) {
        device_add_check_class(driver, errp);
        return NULL;
    }
    out = g_string_new(NULL);
    g_string_append_printf(out, "%s options:\n", driver);
    object_class_property_iter_init(&iter, oc);
    while ((prop = object_property_iter_next(&iter))) {
        g_autofree char *def = NULL;
        size_t start = out->len;

        if (!prop_is_user_settable(prop)) {
            continue;
        }
        any = true;
        g_string_append_printf(out, "  %s=<%s>", prop->name, prop->type);
        if (prop->description) {
            size_t len = out->len - start;

            if (len < 24) {
                g_string_append_printf(out, "%*s", (int)(24 - len), "");
            }
            g_string_append_printf(out, " - %s", prop->description);
        }
        def = object_property_get_default(prop);
        if (def) {
            g_string_append_printf(out, " (default: %s)", def);
        }
        g_string_append_c(out, '\n');
    }
    if (!any) {
        g_string_truncate(out, 0);
        g_string_append_printf(out, "There are no options for %s.\n", driver);
    }
    return g_string_free(out, FALSE);
}

/* info qtree */

static void qbus_print(GString *out, BusState *bus, int indent);

static void qdev_print_props(GString *out, DeviceState *dev, DeviceClass *dc,
                             int indent)
{
    for (unsigned i = 0; i < dc->props_count_; i++) {
        const Property *prop = &dc->props_[i];
        Error *err = NULL;
        g_autofree char *value =
            object_property_print(OBJECT(dev), prop->name, true, &err);

        if (err) {
            error_free(err);
            value = g_strdup("<error>");
        }
        g_string_append_printf(out, "%*s%s = %s\n", indent, "", prop->name,
                               value && *value ? value : "<null>");
    }
}

void qdev_print_dev(GString *out, DeviceState *dev, int indent)
{
    ObjectClass *oc = object_get_class(OBJECT(dev));
    ObjectClass *device_class = object_class_by_name(TYPE_DEVICE);
    NamedGPIOList *ngl;

    g_string_append_printf(out, "%*sdev: %s, id \"%s\"\n", indent, "",
                           object_get_typename(OBJECT(dev)),
                           dev->id ? dev->id : "");
    indent += 2;
    for (ngl = dev->gpios; ngl; ngl = ngl->next) {
        if (ngl->num_in) {
            g_string_append_printf(out, "%*sgpio-in \"%s\" %d\n", indent, "",
                                   ngl->name ? ngl->name : "", ngl->num_in);
        }
        if (ngl->num_out) {
            g_string_append_printf(out, "%*sgpio-out \"%s\" %d\n", indent, "",
                                   ngl->name ? ngl->name : "", ngl->num_out);
        }
    }
    for (; oc && oc != device_class; oc = object_class_get_parent(oc)) {
        qdev_print_props(out, dev, DEVICE_CLASS(oc), indent);
    }
    if (dev->parent_bus) {
        BusClass *bc = BUS_GET_CLASS(dev->parent_bus);

        if (bc->print_dev) {
            bc->print_dev(out, dev, indent);
        }
    }
    for (GSList *l = dev->child_bus; l; l = l->next) {
        qbus_print(out, l->data, indent);
    }
}

static void qbus_print(GString *out, BusState *bus, int indent)
{
    BusChild *kid;

    g_string_append_printf(out, "%*sbus: %s\n", indent, "", bus->name);
    indent += 2;
    g_string_append_printf(out, "%*stype %s\n", indent, "",
                           object_get_typename(OBJECT(bus)));
    QBUS_FOREACH_CHILD (kid, bus) {
        qdev_print_dev(out, kid->child, indent);
    }
}

char *qdev_bus_tree_text(BusState *bus)
{
    GString *out = g_string_new(NULL);

    qbus_print(out, bus, 0);
    return g_string_free(out, FALSE);
}

char *qdev_qtree_text(void)
{
    return qdev_bus_tree_text(sysbus_get_default());
}

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * bus.c: the bus base type (TYPE_BUS): naming, realize, lookup by name,
 * path and type, and reset of the devices on a bus.
 */
#include "qomu/osdep.h"
#include "qomu/cutils.h"
#include "qapi/error.h"
#include "hw/qdev-core.h"
#include "hw/sysbus.h"
#include "hw/resettable.h"
#include "qdev-internal.h"

/*
 * "<parent id>.N" when the parent device has an id, else "<bus type>.N"
 * in lower case with N counting the buses of that class, as QEMU.
 */
static char *qbus_auto_name(BusState *bus, DeviceState *parent)
{
    BusClass *bc = BUS_GET_CLASS(bus);
    char *name;

    if (parent && parent->id) {
        return g_strdup_printf("%s.%d", parent->id, parent->num_child_bus);
    }
    name = g_strdup_printf("%s.%d", object_get_typename(OBJECT(bus)),
                           bc->automatic_ids++);
    for (char *p = name; *p; p++) {
        *p = g_ascii_tolower(*p);
    }
    return name;
}

static void qbus_init_internal(BusState *bus, DeviceState *parent,
                               const char *name)
{
    bus->parent = parent;
    bus->name = name ? g_strdup(name) : qbus_auto_name(bus, parent);

    if (parent) {
        parent->child_bus = g_slist_append(parent->child_bus, bus);
        parent->num_child_bus++;
        object_property_add_child(OBJECT(parent), bus->name, OBJECT(bus));
        object_unref(OBJECT(bus));
    }
}

void qbus_init(void *bus, size_t size, const char *typename,
               DeviceState *parent, const char *name)
{
    object_initialize(bus, size, typename);
    qbus_init_internal(bus, parent, name);
}

BusState *qbus_new(const char *typename, DeviceState *parent, const char *name)
{
    BusState *bus = BUS(object_new(typename));

    qbus_init_internal(bus, parent, name);
    return bus;
}

bool qbus_is_full(BusState *bus)
{
    BusClass *bc = BUS_GET_CLASS(bus);

    return bus->full || (bc->max_dev && bus->num_children >= bc->max_dev);
}

/* Realize */

bool qbus_realize_internal(BusState *bus, Error **errp)
{
    BusClass *bc = BUS_GET_CLASS(bus);
    Error *local_err = NULL;
    BusChild *kid;

    if (bus->realized) {
        return true;
    }
    if (bc->realize) {
        bc->realize(bus, &local_err);
        if (local_err) {
            error_propagate(errp, local_err);
            return false;
        }
    }
    bus->realized = true;
    resettable_state_clear(&bus->reset);

    /* Devices put on the bus before it was realized follow it, in order. */
    QBUS_FOREACH_CHILD (kid, bus) {
        DeviceState *dev = kid->child;

        if (!dev->realized && !qdev_realize(dev, NULL, &local_err)) {
            break;
        }
    }
    if (local_err) {
        qbus_unrealize_internal(bus);
        error_propagate(errp, local_err);
        return false;
    }
    return true;
}

void qbus_unrealize_internal(BusState *bus)
{
    BusClass *bc = BUS_GET_CLASS(bus);
    GPtrArray *kids = g_ptr_array_new();
    BusChild *kid;

    if (!bus->realized) {
        g_ptr_array_free(kids, TRUE);
        return;
    }
    QBUS_FOREACH_CHILD (kid, bus) {
        g_ptr_array_add(kids, kid->child);
    }
    for (guint i = kids->len; i-- > 0;) {
        DeviceState *dev = g_ptr_array_index(kids, i);

        if (dev->realized) {
            qdev_unrealize(dev);
        }
    }
    g_ptr_array_free(kids, TRUE);
    if (bc->unrealize) {
        bc->unrealize(bus);
    }
    bus->realized = false;
}

bool qbus_realize(BusState *bus, Error **errp)
{
    return qbus_realize_internal(bus, errp);
}

void qbus_unrealize(BusState *bus)
{
    qbus_unrealize_internal(bus);
}

static bool bus_get_realized(Object *obj, Error **errp)
{
    return BUS(obj)->realized;
}

static void bus_set_realized(Object *obj, bool value, Error **errp)
{
    BusState *bus = BUS(obj);

    if (value) {
        qbus_realize_internal(bus, errp);
    } else {
        qbus_unrealize_internal(bus);
    }
}

/* Lookup */

int qbus_walk_children(BusState *bus, int (*dev_fn)(DeviceState *, void *),
                       int (*bus_fn)(BusState *, void *), void *opaque)
{
    BusChild *kid;
    int ret;

    if (bus_fn) {
        ret = bus_fn(bus, opaque);
        if (ret) {
            return ret;
        }
    }
    QBUS_FOREACH_CHILD (kid, bus) {
        if (dev_fn) {
            ret = dev_fn(kid->child, opaque);
            if (ret) {
                return ret;
            }
        }
        ret = qdev_walk_children(kid->child, dev_fn, bus_fn, opaque);
        if (ret) {
            return ret;
        }
    }
    return 0;
}

BusState *qbus_find_recursive(BusState *bus, const char *name,
                              const char *bus_typename)
{
    BusChild *kid;

    if ((!name || !strcmp(bus->name, name)) &&
        (!bus_typename || object_dynamic_cast(OBJECT(bus), bus_typename))) {
        return bus;
    }
    QBUS_FOREACH_CHILD (kid, bus) {
        for (GSList *l = kid->child->child_bus; l; l = l->next) {
            BusState *found = qbus_find_recursive(l->data, name, bus_typename);

            if (found) {
                return found;
            }
        }
    }
    return NULL;
}

typedef struct BusNames {
    const char *bus_type;
    GPtrArray *names;
} BusNames;

static int collect_bus_name(BusState *bus, void *opaque)
{
    BusNames *bn = opaque;

    if (!bn->bus_type || object_dynamic_cast(OBJECT(bus), bn->bus_type)) {
        g_ptr_array_add(bn->names, bus->name);
    }
    return 0;
}

static GPtrArray *qbus_names(const char *bus_type)
{
    BusNames bn = {bus_type, g_ptr_array_new()};

    qbus_walk_children(sysbus_get_default(), NULL, collect_bus_name, &bn);
    return bn.names;
}

char *qdev_bus_list_fitting(const char *bus_type)
{
    GPtrArray *names = qbus_names(bus_type);
    char *list = NULL;

    if (names->len) {
        g_ptr_array_add(names, NULL);
        list = g_strjoinv(", ", (char **)names->pdata);
    }
    g_ptr_array_free(names, TRUE);
    return list;
}

static void bus_not_found(const char *elem, Error **errp)
{
    GPtrArray *names = qbus_names(NULL);
    const char *hint;

    hint = qemu_suggest_n(elem, (const char *const *)names->pdata, names->len);
    if (hint) {
        error_setg(errp, "Bus '%s' not found (did you mean '%s'?)", elem, hint);
    } else {
        error_setg(errp, "Bus '%s' not found", elem);
    }
    g_ptr_array_free(names, TRUE);
}

static DeviceState *qbus_find_dev(BusState *bus, const char *elem)
{
    BusChild *kid;

    /* By id first, then by type name, then by type alias-free match. */
    QBUS_FOREACH_CHILD (kid, bus) {
        if (kid->child->id && !strcmp(kid->child->id, elem)) {
            return kid->child;
        }
    }
    QBUS_FOREACH_CHILD (kid, bus) {
        if (!strcmp(object_get_typename(OBJECT(kid->child)), elem)) {
            return kid->child;
        }
    }
    return NULL;
}

BusState *qbus_find(const char *path, Error **errp)
{
    g_auto(GStrv) parts = NULL;
    BusState *bus;
    int i = 0;

    if (path[0] != '/') {
        bus = qbus_find_recursive(sysbus_get_default(), path, NULL);
        if (!bus) {
            bus_not_found(path, errp);
        }
        return bus;
    }

    /* "/dev-id/bus-name/dev-id/..." from the main system bus. */
    bus = sysbus_get_default();
    parts = g_strsplit(path + 1, "/", 0);
    if (parts[0] && !strcmp(parts[0], bus->name)) {
        i++;
    }
    while (parts[i] && parts[i][0]) {
        DeviceState *dev = qbus_find_dev(bus, parts[i]);

        if (!dev) {
            error_setg(errp, "Device '%s' not found on bus '%s'", parts[i],
                       bus->name);
            return NULL;
        }
        i++;
        if (!parts[i] || !parts[i][0]) {
            if (dev->num_child_bus == 1) {
                return dev->child_bus->data;
            }
            error_setg(errp, "Device '%s' has %s child bus%s; name one",
                       parts[i - 1],
                       dev->num_child_bus ? "more than one" : "no",
                       dev->num_child_bus ? "es" : "");
            return NULL;
        }
        bus = qdev_get_child_bus(dev, parts[i]);
        if (!bus) {
            error_setg(errp, "Device '%s' has no child bus '%s'", parts[i - 1],
                       parts[i]);
            return NULL;
        }
        i++;
    }
    return bus;
}

/* Reset */

void bus_cold_reset(BusState *bus)
{
    resettable_reset(OBJECT(bus), RESET_TYPE_COLD);
}

static ResettableState *bus_get_reset_state(Object *obj)
{
    return &BUS(obj)->reset;
}

/* A bus resets the realized devices plugged into it, in order. */
static void bus_reset_child_foreach(Object *obj, ResettableChildCallback cb,
                                    void *opaque, ResetType type)
{
    BusChild *kid;

    QBUS_FOREACH_CHILD (kid, BUS(obj)) {
        if (kid->child->realized) {
            cb(OBJECT(kid->child), opaque, type);
        }
    }
}

/* The type */

/*
 * Unparenting a bus (its device going away) unrealizes it and removes
 * every device on it from the machine.
 */
static void bus_unparent(Object *obj)
{
    BusState *bus = BUS(obj);

    qbus_unrealize_internal(bus);
    while (bus->children) {
        DeviceState *dev = bus->children->child;

        if (OBJECT(dev)->parent) {
            object_unparent(OBJECT(dev));
        } else {
            qdev_bus_remove_child(bus, dev);
        }
    }
    if (bus->parent) {
        bus->parent->child_bus = g_slist_remove(bus->parent->child_bus, bus);
        bus->parent->num_child_bus--;
        bus->parent = NULL;
    }
}

static void bus_finalize(Object *obj)
{
    BusState *bus = BUS(obj);

    g_assert(!bus->children);
    g_free(bus->name);
}

static void bus_class_init(ObjectClass *klass, const void *data)
{
    ResettableClass *rc = RESETTABLE_CLASS(klass);

    klass->unparent = bus_unparent;
    rc->get_state = bus_get_reset_state;
    rc->child_foreach = bus_reset_child_foreach;
    object_class_property_add_bool(klass, "realized", bus_get_realized,
                                   bus_set_realized);
}

static const TypeInfo bus_info = {
    .name = TYPE_BUS,
    .parent = TYPE_OBJECT,
    .instance_size = sizeof(BusState),
    .instance_finalize = bus_finalize,
    .abstract = true,
    .class_size = sizeof(BusClass),
    .class_init = bus_class_init,
    .interfaces = (const InterfaceInfo[]){{TYPE_RESETTABLE_INTERFACE}, {}},
};

static void bus_register_types(void)
{
    type_register_static(&bus_info);
}

type_init(bus_register_types)

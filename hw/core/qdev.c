/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qdev.c: the device base type (TYPE_DEVICE): realize / unrealize, bus
 * placement, GPIO lines, reset glue and teardown.  See
 * docs/devel/qdev.md for the two trees a device lives in.
 */
#include "qomu/osdep.h"
#include "qapi/error.h"
#include "qapi/visitor.h"
#include "hw/qdev-core.h"
#include "hw/qdev-properties.h"
#include "hw/irq.h"
#include "hw/resettable.h"
#include "qdev-internal.h"

/*
 * Every realized device, in the order it was realized, so that teardown
 * can unrealize in the reverse order.
 */
static GQueue realized_devices = G_QUEUE_INIT;

char *qdev_device_describe(DeviceState *dev)
{
    if (dev->id) {
        return g_strdup_printf("device '%s'", dev->id);
    }
    if (OBJECT(dev)->parent) {
        g_autofree char *path = object_get_canonical_path(OBJECT(dev));

        if (path) {
            return g_strdup_printf("device '%s'", path);
        }
    }
    return g_strdup_printf("device of type '%s'",
                           object_get_typename(OBJECT(dev)));
}

Object *qdev_get_machine(void)
{
    Object *root = object_get_root();
    Object *machine = object_resolve_path_component(root, "machine");

    if (!machine) {
        machine = container_get(root, "/machine");
    }
    return machine;
}

DeviceState *qdev_try_new(const char *name)
{
    ObjectClass *oc = object_class_by_name(name);

    if (!oc || object_class_is_abstract(oc) ||
        !object_class_dynamic_cast(oc, TYPE_DEVICE)) {
        return NULL;
    }
    return DEVICE(object_new_with_class(oc));
}

DeviceState *qdev_new(const char *name)
{
    ObjectClass *oc = object_class_by_name(name);

    if (!oc) {
        error_report("unknown device type '%s'", name);
        abort();
    }
    return DEVICE(object_new_with_class(oc));
}

BusState *qdev_get_parent_bus(const DeviceState *dev)
{
    return dev->parent_bus;
}

BusState *qdev_get_child_bus(DeviceState *dev, const char *name)
{
    for (GSList *l = dev->child_bus; l; l = l->next) {
        BusState *bus = l->data;

        if (!strcmp(name, bus->name)) {
            return bus;
        }
    }
    return NULL;
}

char *qdev_get_dev_path(DeviceState *dev)
{
    BusClass *bc;

    if (!dev || !dev->parent_bus) {
        return NULL;
    }
    bc = BUS_GET_CLASS(dev->parent_bus);
    return bc->get_dev_path ? bc->get_dev_path(dev) : NULL;
}

/* Bus placement */

static void bus_add_child(BusState *bus, DeviceState *child)
{
    BusChild *kid = g_new0(BusChild, 1);
    BusChild **tail = &bus->children;
    g_autofree char *name = NULL;

    kid->index = bus->max_index++;
    kid->child = child;
    object_ref(OBJECT(child));
    while (*tail) {
        tail = &(*tail)->next;
    }
    *tail = kid;
    bus->num_children++;

    name = g_strdup_printf("child[%d]", kid->index);
    object_property_add_link(OBJECT(bus), name,
                             object_get_typename(OBJECT(child)),
                             (Object **)&kid->child, NULL, 0);

    child->parent_bus = bus;
    object_ref(OBJECT(bus));
}

/* Take @child off @bus; may finalize @child if the bus held the last ref. */
void qdev_bus_remove_child(BusState *bus, DeviceState *child)
{
    BusChild **link = &bus->children;
    BusChild *kid;
    g_autofree char *name = NULL;

    while (*link && (*link)->child != child) {
        link = &(*link)->next;
    }
    kid = *link;
    g_assert(kid);
    *link = kid->next;
    bus->num_children--;

    name = g_strdup_printf("child[%d]", kid->index);
    object_property_del(OBJECT(bus), name);
    g_free(kid);

    child->parent_bus = NULL;
    object_unref(OBJECT(bus));
    object_unref(OBJECT(child));
}

bool qdev_set_parent_bus(DeviceState *dev, BusState *bus, Error **errp)
{
    DeviceClass *dc = DEVICE_GET_CLASS(dev);
    BusClass *bc = BUS_GET_CLASS(bus);
    const char *type = object_get_typename(OBJECT(dev));

    if (dev->parent_bus == bus) {
        return true;
    }
    if (dev->realized) {
        g_autofree char *desc = qdev_device_describe(dev);

        error_setg(errp, "%s is realized and cannot move to bus '%s'", desc,
                   bus->name);
        return false;
    }
    if (!dc->bus_type) {
        error_setg(errp,
                   "device type '%s' does not go on a bus (not on "
                   "bus '%s')",
                   type, bus->name);
        return false;
    }
    if (!object_dynamic_cast(OBJECT(bus), dc->bus_type)) {
        g_autofree char *fits = qdev_bus_list_fitting(dc->bus_type);

        error_setg(errp,
                   "device type '%s' cannot go on bus '%s' (type "
                   "%s): it needs a bus of type %s%s%s",
                   type, bus->name, object_get_typename(OBJECT(bus)),
                   dc->bus_type, fits ? "; buses that fit: " : "",
                   fits ? fits : "");
        return false;
    }
    if (qbus_is_full(bus)) {
        if (bc->max_dev) {
            error_setg(errp,
                       "bus '%s' is full (it takes at most %d "
                       "device%s)",
                       bus->name, bc->max_dev, bc->max_dev == 1 ? "" : "s");
        } else {
            error_setg(errp, "bus '%s' is full", bus->name);
        }
        return false;
    }
    if (bc->check_address && !bc->check_address(bus, dev, errp)) {
        return false;
    }
    if (dev->parent_bus) {
        object_ref(OBJECT(dev));
        qdev_bus_remove_child(dev->parent_bus, dev);
        bus_add_child(bus, dev);
        object_unref(OBJECT(dev));
    } else {
        bus_add_child(bus, dev);
    }
    return true;
}

/* Realize */

static bool device_realize_internal(DeviceState *dev, Error **errp)
{
    DeviceClass *dc = DEVICE_GET_CLASS(dev);
    Error *local_err = NULL;
    GSList *l;

    if (dev->global_error) {
        error_propagate(errp, error_copy(dev->global_error));
        return false;
    }
    if (dc->realize) {
        dc->realize(dev, &local_err);
        if (local_err) {
            error_propagate(errp, local_err);
            return false;
        }
    }
    dev->realized = true;
    g_queue_push_tail(&realized_devices, dev);

    for (l = dev->child_bus; l; l = l->next) {
        if (!qbus_realize_internal(l->data, &local_err)) {
            break;
        }
    }
    if (local_err) {
        /* Undo: the buses realized so far, then the device itself. */
        for (GSList *m = dev->child_bus; m != l; m = m->next) {
            qbus_unrealize_internal(m->data);
        }
        dev->realized = false;
        g_queue_remove(&realized_devices, dev);
        if (dc->unrealize) {
            dc->unrealize(dev);
        }
        error_propagate(errp, local_err);
        return false;
    }

    g_free(dev->canonical_path);
    dev->canonical_path = object_get_canonical_path(OBJECT(dev));
    resettable_state_clear(&dev->reset);
    if (dev->hotplugged) {
        device_cold_reset(dev);
    }
    return true;
}

static void device_unrealize_internal(DeviceState *dev)
{
    DeviceClass *dc = DEVICE_GET_CLASS(dev);
    GSList *rev = g_slist_reverse(g_slist_copy(dev->child_bus));

    for (GSList *l = rev; l; l = l->next) {
        qbus_unrealize_internal(l->data);
    }
    g_slist_free(rev);
    if (dc->unrealize) {
        dc->unrealize(dev);
    }
    dev->realized = false;
    g_queue_remove(&realized_devices, dev);
}

/*
 * A device that reaches realize with no owner becomes a child of the
 * machine named after its type ("/machine/ns16550a[0]"), instead of
 * QEMU's /machine/unattached/device[N].
 */
static void device_attach_if_orphan(DeviceState *dev)
{
    g_autofree char *name = NULL;

    if (OBJECT(dev)->parent) {
        return;
    }
    name = g_strdup_printf("%s[*]", object_get_typename(OBJECT(dev)));
    object_property_add_child(qdev_get_machine(), name, OBJECT(dev));
    g_free(dev->canonical_path);
    dev->canonical_path = object_get_canonical_path(OBJECT(dev));
}

static bool device_set_realized_internal(DeviceState *dev, bool value,
                                         Error **errp)
{
    if (value == dev->realized) {
        return true;
    }
    if (!value) {
        device_unrealize_internal(dev);
        return true;
    }
    if (!device_realize_internal(dev, errp)) {
        return false;
    }
    device_attach_if_orphan(dev);
    return true;
}

bool qdev_realize(DeviceState *dev, BusState *bus, Error **errp)
{
    DeviceClass *dc = DEVICE_GET_CLASS(dev);
    bool placed = false;

    if (bus) {
        if (dev->parent_bus != bus) {
            if (!qdev_set_parent_bus(dev, bus, errp)) {
                return false;
            }
            placed = true;
        }
    } else if (dc->bus_type && !dev->parent_bus) {
        error_setg(errp, "device type '%s' needs a bus of type %s",
                   object_get_typename(OBJECT(dev)), dc->bus_type);
        return false;
    }
    if (!device_set_realized_internal(dev, true, errp)) {
        if (placed) {
            qdev_bus_remove_child(dev->parent_bus, dev);
        }
        return false;
    }
    return true;
}

bool qdev_realize_and_unref(DeviceState *dev, BusState *bus, Error **errp)
{
    bool ok = qdev_realize(dev, bus, errp);

    object_unref(OBJECT(dev));
    return ok;
}

void qdev_unrealize(DeviceState *dev)
{
    device_set_realized_internal(dev, false, &error_abort);
}

static bool device_get_realized(Object *obj, Error **errp)
{
    return DEVICE(obj)->realized;
}

static void device_set_realized(Object *obj, bool value, Error **errp)
{
    DeviceState *dev = DEVICE(obj);

    if (value && !dev->realized && DEVICE_GET_CLASS(dev)->bus_type &&
        !dev->parent_bus) {
        error_setg(errp, "device type '%s' needs a bus of type %s",
                   object_get_typename(obj), DEVICE_GET_CLASS(dev)->bus_type);
        return;
    }
    device_set_realized_internal(dev, value, errp);
}

static bool device_get_hotpluggable(Object *obj, Error **errp)
{
    return DEVICE_GET_CLASS(obj)->hotpluggable;
}

static bool device_get_hotplugged(Object *obj, Error **errp)
{
    return DEVICE(obj)->hotplugged;
}

bool qdev_unplug(DeviceState *dev, Error **errp)
{
    DeviceClass *dc = DEVICE_GET_CLASS(dev);

    if (!dc->hotpluggable) {
        g_autofree char *desc = qdev_device_describe(dev);

        error_setg(errp, "%s (type '%s') does not support hot-unplug", desc,
                   object_get_typename(OBJECT(dev)));
        return false;
    }
    object_unparent(OBJECT(dev));
    return true;
}

DeviceState *qdev_find_recursive(BusState *bus, const char *id)
{
    BusChild *kid;

    QBUS_FOREACH_CHILD (kid, bus) {
        DeviceState *dev = kid->child;

        if (dev->id && !strcmp(dev->id, id)) {
            return dev;
        }
        for (GSList *l = dev->child_bus; l; l = l->next) {
            DeviceState *found = qdev_find_recursive(l->data, id);

            if (found) {
                return found;
            }
        }
    }
    return NULL;
}

int qdev_walk_children(DeviceState *dev, int (*dev_fn)(DeviceState *, void *),
                       int (*bus_fn)(BusState *, void *), void *opaque)
{
    for (GSList *l = dev->child_bus; l; l = l->next) {
        int ret = qbus_walk_children(l->data, dev_fn, bus_fn, opaque);

        if (ret) {
            return ret;
        }
    }
    return 0;
}

/* Class helpers */

void device_class_set_category(DeviceClass *dc, DeviceCategory cat)
{
    dc->categories |= 1UL << cat;
}

void device_class_set_parent_realize(DeviceClass *dc, DeviceRealize dev_realize,
                                     DeviceRealize *parent_realize)
{
    *parent_realize = dc->realize;
    dc->realize = dev_realize;
}

void device_class_set_parent_unrealize(DeviceClass *dc,
                                       DeviceUnrealize dev_unrealize,
                                       DeviceUnrealize *parent_unrealize)
{
    *parent_unrealize = dc->unrealize;
    dc->unrealize = dev_unrealize;
}

void device_class_set_legacy_reset(DeviceClass *dc, DeviceReset dev_reset)
{
    dc->legacy_reset = dev_reset;
}

/* Reset */

void device_cold_reset(DeviceState *dev)
{
    resettable_reset(OBJECT(dev), RESET_TYPE_COLD);
}

static ResettableState *device_get_reset_state(Object *obj)
{
    return &DEVICE(obj)->reset;
}

static void device_reset_child_foreach(Object *obj, ResettableChildCallback cb,
                                       void *opaque, ResetType type)
{
    DeviceState *dev = DEVICE(obj);

    for (GSList *l = dev->child_bus; l; l = l->next) {
        cb(OBJECT(l->data), opaque, type);
    }
}

/* The legacy single reset runs in the hold phase, after every enter. */
static void device_phases_hold(Object *obj, ResetType type)
{
    DeviceClass *dc = DEVICE_GET_CLASS(obj);

    if (dc->legacy_reset) {
        dc->legacy_reset(DEVICE(obj));
    }
}

/* GPIO lines */

NamedGPIOList *qdev_get_named_gpio_list(DeviceState *dev, const char *name)
{
    NamedGPIOList **link = &dev->gpios;
    NamedGPIOList *ngl;

    for (ngl = dev->gpios; ngl; ngl = ngl->next) {
        if (g_strcmp0(name, ngl->name) == 0) {
            return ngl;
        }
        link = &ngl->next;
    }
    ngl = g_new0(NamedGPIOList, 1);
    ngl->name = g_strdup(name);
    *link = ngl;
    return ngl;
}

static char *gpio_prop_name(const char *name, bool in, int i)
{
    if (name) {
        return g_strdup_printf("%s[%d]", name, i);
    }
    return g_strdup_printf("unnamed-gpio-%s[%d]", in ? "in" : "out", i);
}

void qdev_init_gpio_in_named_with_opaque(DeviceState *dev,
                                         qemu_irq_handler handler, void *opaque,
                                         const char *name, int n)
{
    NamedGPIOList *gpio_list = qdev_get_named_gpio_list(dev, name);

    g_assert(gpio_list->num_out == 0 || !name);
    gpio_list->in = g_renew(qemu_irq, gpio_list->in, gpio_list->num_in + n);
    for (int i = gpio_list->num_in; i < gpio_list->num_in + n; i++) {
        g_autofree char *propname = gpio_prop_name(name, true, i);
        qemu_irq irq = qemu_allocate_irq(handler, opaque, i);

        object_property_add_child(OBJECT(dev), propname, OBJECT(irq));
        object_unref(OBJECT(irq));
        gpio_list->in[i] = irq;
    }
    gpio_list->num_in += n;
}

void qdev_init_gpio_in_named(DeviceState *dev, qemu_irq_handler handler,
                             const char *name, int n)
{
    qdev_init_gpio_in_named_with_opaque(dev, handler, dev, name, n);
}

void qdev_init_gpio_in(DeviceState *dev, qemu_irq_handler handler, int n)
{
    qdev_init_gpio_in_named(dev, handler, NULL, n);
}

void qdev_init_gpio_out_named(DeviceState *dev, qemu_irq *pins,
                              const char *name, int n)
{
    NamedGPIOList *gpio_list = qdev_get_named_gpio_list(dev, name);

    g_assert(gpio_list->num_in == 0 || !name);
    gpio_list->out =
        g_renew(qemu_irq *, gpio_list->out, gpio_list->num_out + n);
    for (int i = 0; i < n; i++) {
        g_autofree char *propname =
            gpio_prop_name(name, false, gpio_list->num_out + i);

        pins[i] = NULL;
        gpio_list->out[gpio_list->num_out + i] = &pins[i];
        object_property_add_link(
            OBJECT(dev), propname, TYPE_IRQ, (Object **)&pins[i],
            object_property_allow_set_link, OBJ_PROP_LINK_STRONG);
    }
    gpio_list->num_out += n;
}

void qdev_init_gpio_out(DeviceState *dev, qemu_irq *pins, int n)
{
    qdev_init_gpio_out_named(dev, pins, NULL, n);
}

qemu_irq qdev_get_gpio_in_named(DeviceState *dev, const char *name, int n)
{
    NamedGPIOList *gpio_list = qdev_get_named_gpio_list(dev, name);

    g_assert(n >= 0 && n < gpio_list->num_in);
    return gpio_list->in[n];
}

qemu_irq qdev_get_gpio_in(DeviceState *dev, int n)
{
    return qdev_get_gpio_in_named(dev, NULL, n);
}

/*
 * Set the pin directly rather than through the link property, which
 * takes a path: a free-standing IRQ has none (QEMU files such lines under
 * /machine/unattached).  The reference taken here is the link's: the
 * strong link property drops it when the device is finalized.
 */
void qdev_connect_gpio_out_named(DeviceState *dev, const char *name, int n,
                                 qemu_irq pin)
{
    NamedGPIOList *gpio_list = qdev_get_named_gpio_list(dev, name);
    qemu_irq *slot, old;

    g_assert(n >= 0 && n < gpio_list->num_out);
    slot = gpio_list->out[n];
    old = *slot;
    if (pin) {
        object_ref(OBJECT(pin));
    }
    *slot = pin;
    if (old) {
        object_unref(OBJECT(old));
    }
}

void qdev_connect_gpio_out(DeviceState *dev, int n, qemu_irq pin)
{
    qdev_connect_gpio_out_named(dev, NULL, n, pin);
}

qemu_irq qdev_get_gpio_out_connector(DeviceState *dev, const char *name, int n)
{
    NamedGPIOList *gpio_list = qdev_get_named_gpio_list(dev, name);

    if (n < 0 || n >= gpio_list->num_out) {
        return NULL;
    }
    return *gpio_list->out[n];
}

void qdev_pass_gpios(DeviceState *dev, DeviceState *container, const char *name)
{
    NamedGPIOList *ngl = qdev_get_named_gpio_list(dev, name);
    NamedGPIOList *cngl = qdev_get_named_gpio_list(container, name);

    g_assert(cngl->num_in == 0 && cngl->num_out == 0);
    for (int i = 0; i < ngl->num_in; i++) {
        g_autofree char *propname = gpio_prop_name(name, true, i);

        object_property_add_alias(OBJECT(container), propname, OBJECT(dev),
                                  propname);
    }
    for (int i = 0; i < ngl->num_out; i++) {
        g_autofree char *propname = gpio_prop_name(name, false, i);

        object_property_add_alias(OBJECT(container), propname, OBJECT(dev),
                                  propname);
    }
    /* The lines stay @dev's: the container's list points at them. */
    cngl->in = g_memdup2(ngl->in, sizeof(qemu_irq) * ngl->num_in);
    cngl->out = g_memdup2(ngl->out, sizeof(qemu_irq *) * ngl->num_out);
    cngl->num_in = ngl->num_in;
    cngl->num_out = ngl->num_out;
}

/* The type */

static void device_initfn(Object *obj)
{
    DeviceState *dev = DEVICE(obj);

    dev->realized = false;
    resettable_state_clear(&dev->reset);
    object_property_add_link(obj, "parent_bus", TYPE_BUS,
                             (Object **)&dev->parent_bus, NULL, 0);
}

static void device_post_init(Object *obj)
{
    qdev_prop_set_globals(DEVICE(obj));
}

static void device_finalize(Object *obj)
{
    DeviceState *dev = DEVICE(obj);
    NamedGPIOList *ngl, *next;

    g_assert(!dev->realized);
    for (ngl = dev->gpios; ngl; ngl = next) {
        next = ngl->next;
        /* The input IRQs were children and are already released. */
        g_free(ngl->in);
        g_free(ngl->out);
        g_free(ngl->name);
        g_free(ngl);
    }
    dev->gpios = NULL;
    qdev_release_static_props(dev);
    g_free(dev->id);
    g_free(dev->canonical_path);
    if (dev->user_globals) {
        g_hash_table_unref(dev->user_globals);
    }
    error_free(dev->global_error);
}

/*
 * Unparenting a device (object_unparent, or its owner going away)
 * unrealizes it, destroys its child buses and takes it off its bus.
 */
static void device_unparent(Object *obj)
{
    DeviceState *dev = DEVICE(obj);

    if (dev->realized) {
        qdev_unrealize(dev);
    }
    while (dev->child_bus) {
        BusState *bus = dev->child_bus->data;

        object_unparent(OBJECT(bus));
    }
    if (dev->parent_bus) {
        qdev_bus_remove_child(dev->parent_bus, dev);
    }
}

/* Each class lists only its own static properties (as QEMU). */
static void device_class_base_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->props_ = NULL;
    dc->props_count_ = 0;
}

static void device_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    ResettableClass *rc = RESETTABLE_CLASS(klass);

    klass->unparent = device_unparent;
    dc->user_creatable = true;
    dc->hotpluggable = true;

    rc->get_state = device_get_reset_state;
    rc->child_foreach = device_reset_child_foreach;
    rc->phases.hold = device_phases_hold;

    object_class_property_add_bool(klass, "realized", device_get_realized,
                                   device_set_realized);
    object_class_property_set_description(klass, "realized",
                                          "whether the device is realized");
    object_class_property_add_bool(klass, "hotpluggable",
                                   device_get_hotpluggable, NULL);
    object_class_property_add_bool(klass, "hotplugged", device_get_hotplugged,
                                   NULL);
}

/* Teardown */

static bool object_is_under(Object *obj, Object *root)
{
    for (; obj; obj = object_get_parent(obj)) {
        if (obj == root) {
            return true;
        }
    }
    return false;
}

/*
 * Unrealize the most recently realized device under @root (any device if
 * @root is NULL) until none is left.  Unrealizing one device unrealizes
 * the devices on its buses too, so the list is searched afresh each time.
 */
static void qdev_unrealize_all_under(Object *root)
{
    for (;;) {
        GList *l = realized_devices.tail;

        while (l && root && !object_is_under(OBJECT(l->data), root)) {
            l = l->prev;
        }
        if (!l) {
            return;
        }
        qdev_unrealize(l->data);
    }
}

void qdev_teardown(Object *root)
{
    object_ref(root);
    qdev_unrealize_all_under(root);
    object_unparent(root);
    object_unref(root);
}

void qdev_teardown_all(void)
{
    qdev_unrealize_all_under(NULL);
    object_root_cleanup();
    qdev_prop_reset_globals();
    qdev_hotplug = false;
}

static const TypeInfo device_type_info = {
    .name = TYPE_DEVICE,
    .parent = TYPE_OBJECT,
    .instance_size = sizeof(DeviceState),
    .instance_init = device_initfn,
    .instance_post_init = device_post_init,
    .instance_finalize = device_finalize,
    .class_size = sizeof(DeviceClass),
    .class_init = device_class_init,
    .class_base_init = device_class_base_init,
    .abstract = true,
    .interfaces = (const InterfaceInfo[]){{TYPE_RESETTABLE_INTERFACE}, {}},
};

static void qdev_register_types(void)
{
    type_register_static(&device_type_info);
}

type_init(qdev_register_types)

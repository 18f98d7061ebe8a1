/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qdev-core.h: the device model (qdev): devices, buses, GPIO lines, as
 * QEMU's include/hw/qdev-core.h.
 *
 * A device (TYPE_DEVICE) lives in two trees (docs/devel/qdev.md):
 * - the composition tree (QOM): its owner holds it as a child property,
 *   e.g. /machine/soc/uart0; this tree owns memory;
 * - the bus tree (qdev): it sits on at most one bus (its parent_bus), and
 *   may own buses (child buses) that other devices plug into.  This is the
 *   tree `info qtree` prints.
 *
 * Life: qdev_new() -> set properties -> qdev_realize(dev, bus, errp) ->
 * ... -> qdev_unrealize() -> object_unparent() / object_unref().
 * instance_init cannot fail; realize may, and then leaves nothing behind.
 * Static properties cannot change after realize.
 *
 * Differences from QEMU:
 * - a device realized without a parent in the composition tree is added to
 *   the machine (qdev_get_machine()) as "<type>[N]" instead of
 *   /machine/unattached/device[N];
 * - BusState's children are a plain linked list walked with
 *   QBUS_FOREACH_CHILD (no QTAILQ, no RCU);
 * - BusClass::print_dev appends to a GString (no Monitor);
 * - DeviceClass::not_user_creatable_reason says why a device cannot be
 *   created with -device / device_add;
 * - DeviceClass has no vmsd (no migration);
 * - realize of a device realizes the not yet realized devices already on
 *   its child buses (qdev_set_parent_bus() before realize), in order;
 * - qdev_teardown() / qdev_teardown_all() tear the whole tree down at exit.
 */
#ifndef HW_QDEV_CORE_H
#define HW_QDEV_CORE_H

#include "qom/object.h"
#include "hw/resettable.h"
#include "hw/irq.h"

typedef struct Property Property;
typedef struct BusChild BusChild;
typedef struct NamedGPIOList NamedGPIOList;

#define TYPE_DEVICE "device"
#define TYPE_BUS "bus"

/** DeviceCategory: where `-device help` lists a device. */
typedef enum DeviceCategory {
    DEVICE_CATEGORY_BRIDGE,
    DEVICE_CATEGORY_USB,
    DEVICE_CATEGORY_STORAGE,
    DEVICE_CATEGORY_NETWORK,
    DEVICE_CATEGORY_INPUT,
    DEVICE_CATEGORY_DISPLAY,
    DEVICE_CATEGORY_SOUND,
    DEVICE_CATEGORY_MISC,
    DEVICE_CATEGORY_CPU,
    DEVICE_CATEGORY_WATCHDOG,
    DEVICE_CATEGORY_MAX
} DeviceCategory;

typedef void (*DeviceRealize)(DeviceState *dev, Error **errp);
typedef void (*DeviceUnrealize)(DeviceState *dev);
typedef void (*DeviceReset)(DeviceState *dev);
typedef void (*BusRealize)(BusState *bus, Error **errp);
typedef void (*BusUnrealize)(BusState *bus);

/**
 * DeviceClass: the class of every device.
 * @fw_name: the firmware (device tree) node name, or NULL.
 * @categories: bitmap of DeviceCategory, bit N for category N; set it
 * with device_class_set_category() (QEMU's is a DECLARE_BITMAP array set
 * with set_bit()).
 * @desc: one line for `-device help`.
 * @props_: the static properties (device_class_set_props()); read-only.
 * @props_count_: how many.
 * @user_creatable: may be created with -device / device_add (default true).
 * @not_user_creatable_reason: shown when @user_creatable is false.
 * @hotpluggable: may be added or removed while the machine runs.
 * @bus_type: the bus type the device plugs into, or NULL for none.
 * @realize: may fail; NULL means nothing to do.
 * @unrealize: undoes realize; cannot fail.
 * @legacy_reset: the single-phase reset; device_class_set_legacy_reset()
 * wraps it into the hold phase of the Resettable interface.
 */
struct DeviceClass {
    /* private: */
    ObjectClass parent_class;

    /* public: */
    unsigned long categories;
    const char *fw_name;
    const char *desc;
    const Property *props_;
    uint16_t props_count_;
    bool user_creatable;
    const char *not_user_creatable_reason;
    bool hotpluggable;

    DeviceReset legacy_reset;
    DeviceRealize realize;
    DeviceUnrealize unrealize;

    const char *bus_type;
};

/**
 * NamedGPIOList: the GPIO lines of one name on a device.
 * @name: NULL for the unnamed lines.
 * @in: the input lines (IRQ objects that are children of the device).
 * @out: where each output line's target is stored (the device's pins).
 * @num_in, @num_out: line counts.
 */
struct NamedGPIOList {
    char *name;
    qemu_irq *in;
    qemu_irq **out;
    int num_in;
    int num_out;
    NamedGPIOList *next;
};

/**
 * DeviceState: the state every device starts with.
 * @id: the user's id (-device ...,id=x), or NULL.
 * @canonical_path: set when realized (for messages).
 * @realized: the realized property.
 * @pending_deleted_event: unused (QEMU compatibility).
 * @hotplugged: created after the machine was built.
 * @parent_bus: the bus the device sits on, or NULL.
 * @gpios: the named GPIO lists.
 * @child_bus: the buses this device owns, in creation order.
 * @num_child_bus: their number.
 * @reset: the Resettable state.
 */
struct DeviceState {
    /* private: */
    Object parent_obj;

    /* public: */
    char *id;
    char *canonical_path;
    bool realized;
    bool pending_deleted_event;
    bool hotplugged;
    BusState *parent_bus;
    NamedGPIOList *gpios;
    GSList *child_bus;
    int num_child_bus;
    ResettableState reset;

    /* private: */
    GHashTable *user_globals; /* property name -> value set by a user global */
    Error *global_error;      /* a global that could not be applied */
};

/**
 * BusClass: the class of every bus.
 * @print_dev: append bus-specific lines about @dev to `info qtree`
 * (@indent spaces before each line).
 * @get_dev_path: a stable path for @dev on this bus, or NULL.
 * @check_address: refuse a device whose address is taken (may be NULL).
 * @realize, @unrealize: called when the bus is realized / unrealized.
 * @max_dev: the most devices the bus takes (0: no limit).
 * @automatic_ids: next number for "<type>.N" names.
 */
struct BusClass {
    ObjectClass parent_class;

    void (*print_dev)(GString *out, DeviceState *dev, int indent);
    char *(*get_dev_path)(DeviceState *dev);
    char *(*get_fw_dev_path)(DeviceState *dev);
    bool (*check_address)(BusState *bus, DeviceState *dev, Error **errp);
    BusRealize realize;
    BusUnrealize unrealize;

    int max_dev;
    int automatic_ids;
};

/** BusChild: one device on a bus, in plug order. */
struct BusChild {
    DeviceState *child;
    int index;
    BusChild *next;
};

/**
 * BusState: the state every bus starts with.
 * @parent: the device that owns the bus, or NULL (the main system bus).
 * @name: the bus name ("main-system-bus", "pcie.0").
 * @max_index: the next BusChild index.
 * @realized: the realized property.
 * @full: refuses further devices (set by the bus implementation).
 * @num_children: devices on the bus.
 * @children: the first BusChild (walk with QBUS_FOREACH_CHILD).
 * @reset: the Resettable state.
 */
struct BusState {
    /* private: */
    Object obj;

    /* public: */
    DeviceState *parent;
    char *name;
    int max_index;
    bool realized;
    bool full;
    int num_children;
    BusChild *children;
    ResettableState reset;
};

/** QBUS_FOREACH_CHILD: iterate BusChild *@kid over the devices on @bus. */
#define QBUS_FOREACH_CHILD(kid, bus) \
    for ((kid) = (bus)->children; (kid); (kid) = (kid)->next)

#define DEVICE(obj) OBJECT_CHECK(DeviceState, (obj), TYPE_DEVICE)
#define DEVICE_CLASS(klass) \
    OBJECT_CLASS_CHECK(DeviceClass, (klass), TYPE_DEVICE)
#define DEVICE_GET_CLASS(obj) \
    OBJECT_GET_CLASS(DeviceClass, (obj), TYPE_DEVICE)
#define BUS(obj) OBJECT_CHECK(BusState, (obj), TYPE_BUS)
#define BUS_CLASS(klass) OBJECT_CLASS_CHECK(BusClass, (klass), TYPE_BUS)
#define BUS_GET_CLASS(obj) OBJECT_GET_CLASS(BusClass, (obj), TYPE_BUS)

/* Devices */

/**
 * qdev_new: create a device of type @name (unrealized; the caller owns
 * the reference).  Aborts if the type does not exist (a programming error).
 */
DeviceState *qdev_new(const char *name);

/**
 * qdev_try_new: like qdev_new(), but returns NULL if @name is not a
 * registered device type.
 */
DeviceState *qdev_try_new(const char *name);

/**
 * qdev_realize: plug @dev into @bus (if not NULL) and realize it.
 * @dev: an unrealized device.
 * @bus: the bus; must be of the device class's bus_type (NULL for a
 * device on no bus).
 * On failure @dev is off the bus again and the tree is as before.
 * Returns: true on success.
 */
bool qdev_realize(DeviceState *dev, BusState *bus, Error **errp);

/**
 * qdev_realize_and_unref: qdev_realize(), then drop the caller's
 * reference (the composition tree and the bus keep the device alive).
 * On failure the device is finalized unless someone else holds it.
 */
bool qdev_realize_and_unref(DeviceState *dev, BusState *bus, Error **errp);

/**
 * qdev_unrealize: unrealize @dev: its child buses' devices first (in
 * reverse order), then the device itself.  Cannot fail.
 */
void qdev_unrealize(DeviceState *dev);

/**
 * qdev_set_parent_bus: put the unrealized @dev on @bus (or move it).
 * Checks the bus type, whether the bus is full, and the bus's
 * check_address.  Returns: true on success.
 */
bool qdev_set_parent_bus(DeviceState *dev, BusState *bus, Error **errp);

/** qdev_get_parent_bus: the bus @dev sits on, or NULL. */
BusState *qdev_get_parent_bus(const DeviceState *dev);

/**
 * qdev_get_child_bus: the child bus of @dev named @name, or NULL.
 */
BusState *qdev_get_child_bus(DeviceState *dev, const char *name);

/**
 * qdev_get_machine: the object at /machine.  If there is none yet (unit
 * tests), an empty container is created there.
 */
Object *qdev_get_machine(void);

/**
 * qdev_get_dev_path: the bus's stable path for @dev, or NULL.
 */
char *qdev_get_dev_path(DeviceState *dev);

/**
 * qdev_device_describe: "device 'id'" or "device '/canonical/path'" or
 * "device of type 't'" for messages.  Returns: a new string.
 */
char *qdev_device_describe(DeviceState *dev);

/**
 * qdev_unplug: remove the device from the machine (device_del).
 * Fails if the device or its bus is not hotpluggable.
 */
bool qdev_unplug(DeviceState *dev, Error **errp);

/**
 * qdev_find_recursive: the device with id @id on @bus or below, or NULL.
 */
DeviceState *qdev_find_recursive(BusState *bus, const char *id);

/**
 * device_class_set_category: list the class under @cat in `-device help`.
 */
void device_class_set_category(DeviceClass *dc, DeviceCategory cat);

/**
 * device_class_set_parent_realize: set @dev_realize as the class's realize,
 * saving the previous one in *@parent_realize for chaining.
 */
void device_class_set_parent_realize(DeviceClass *dc,
                                     DeviceRealize dev_realize,
                                     DeviceRealize *parent_realize);

/** device_class_set_parent_unrealize: the same for unrealize. */
void device_class_set_parent_unrealize(DeviceClass *dc,
                                       DeviceUnrealize dev_unrealize,
                                       DeviceUnrealize *parent_unrealize);

/**
 * device_class_set_legacy_reset: set a single-phase reset method.  It runs
 * in the hold phase of the Resettable interface (after every enter).
 */
void device_class_set_legacy_reset(DeviceClass *dc, DeviceReset dev_reset);

/** device_cold_reset: cold-reset @dev and everything on its buses. */
void device_cold_reset(DeviceState *dev);

/** bus_cold_reset: cold-reset @bus and every device on it. */
void bus_cold_reset(BusState *bus);

/**
 * qdev_is_realized: whether @dev is realized.
 */
static inline bool qdev_is_realized(DeviceState *dev)
{
    return dev->realized;
}

/* Buses */

/**
 * qbus_init: initialise the bus embedded at @bus (of size @size) as
 * @typename, owned by @parent (or NULL), named @name or automatically:
 * "<parent id>.N" when the parent has an id, else "<bus type>.N" (lower
 * case), N counting the parent's child buses / the type's buses.
 * The bus becomes a child of @parent in the composition tree under its
 * name.
 */
void qbus_init(void *bus, size_t size, const char *typename,
               DeviceState *parent, const char *name);

/** qbus_new: allocate and initialise a bus (see qbus_init()). */
BusState *qbus_new(const char *typename, DeviceState *parent,
                   const char *name);

/**
 * qbus_realize: realize @bus (and the unrealized devices on it, in order).
 * Returns: true on success.
 */
bool qbus_realize(BusState *bus, Error **errp);

/** qbus_unrealize: unrealize the devices on @bus (reverse order), then it. */
void qbus_unrealize(BusState *bus);

/**
 * qbus_find: the bus @path names: "name" (any bus of that name under the
 * main system bus), or "/name/.../name" starting at the main system bus
 * and alternating device ids / bus names as QEMU's -device bus= does.
 * Returns: the bus, or NULL with @errp set ("Bus 'x' not found", with a
 * "did you mean" hint).
 */
BusState *qbus_find(const char *path, Error **errp);

/**
 * qbus_find_recursive: the first bus at or below @bus (depth first) named
 * @name (if not NULL) and of type @bus_typename (if not NULL).
 */
BusState *qbus_find_recursive(BusState *bus, const char *name,
                              const char *bus_typename);

/**
 * qbus_is_full: whether @bus takes no more devices (max_dev reached or
 * @full set).
 */
bool qbus_is_full(BusState *bus);

/**
 * qbus_walk_children / qdev_walk_children: call @fn on every device and
 * bus below (pre-order); a non-zero return stops the walk.
 */
int qbus_walk_children(BusState *bus, int (*dev_fn)(DeviceState *, void *),
                       int (*bus_fn)(BusState *, void *), void *opaque);
int qdev_walk_children(DeviceState *dev,
                       int (*dev_fn)(DeviceState *, void *),
                       int (*bus_fn)(BusState *, void *), void *opaque);

/* GPIO lines (see also hw/irq.h) */

/**
 * qdev_init_gpio_in: give @dev @n unnamed input lines that call
 * @handler(dev, line, level).  They are children of the device named
 * "unnamed-gpio-in[i]".  May be called again to add more.
 */
void qdev_init_gpio_in(DeviceState *dev, qemu_irq_handler handler, int n);

/**
 * qdev_init_gpio_in_named: @n input lines named @name ("name[i]"; NULL:
 * unnamed) calling @handler(dev, line, level).
 */
void qdev_init_gpio_in_named(DeviceState *dev, qemu_irq_handler handler,
                             const char *name, int n);

/** qdev_init_gpio_in_named_with_opaque: as above with @opaque for @dev. */
void qdev_init_gpio_in_named_with_opaque(DeviceState *dev,
                                         qemu_irq_handler handler,
                                         void *opaque, const char *name,
                                         int n);

/**
 * qdev_init_gpio_out: @n unnamed output lines stored in @pins[0..n-1]
 * (NULL until connected; raising an unconnected line does nothing).
 * Each is a link property "unnamed-gpio-out[i]".
 */
void qdev_init_gpio_out(DeviceState *dev, qemu_irq *pins, int n);

/** qdev_init_gpio_out_named: @n output lines named @name. */
void qdev_init_gpio_out_named(DeviceState *dev, qemu_irq *pins,
                              const char *name, int n);

/** qdev_get_gpio_in: input line @n of @dev (aborts if out of range). */
qemu_irq qdev_get_gpio_in(DeviceState *dev, int n);

/** qdev_get_gpio_in_named: named input line @n of @dev. */
qemu_irq qdev_get_gpio_in_named(DeviceState *dev, const char *name, int n);

/**
 * qdev_connect_gpio_out: connect output line @n of @dev to @pin (an input
 * line of another device, or an IRQ from qemu_allocate_irq() that need not
 * be in the composition tree; the connection holds a reference on it
 * until it changes or the device is finalized).  NULL disconnects.
 */
void qdev_connect_gpio_out(DeviceState *dev, int n, qemu_irq pin);

/** qdev_connect_gpio_out_named: the same for named outputs. */
void qdev_connect_gpio_out_named(DeviceState *dev, const char *name, int n,
                                 qemu_irq pin);

/** qdev_get_gpio_out_connector: what output @n is connected to, or NULL. */
qemu_irq qdev_get_gpio_out_connector(DeviceState *dev, const char *name,
                                     int n);

/**
 * qdev_pass_gpios: make the GPIO lines named @name (NULL: unnamed) of
 * @dev (usually a child of @container) also lines of @container, so a
 * board can wire a SoC container as if it were the inner device.  The
 * lines stay @dev's; @container gets alias properties and a list pointing
 * at them.  @container must have no lines of that name yet.
 * Difference from QEMU: @dev keeps its lines too (QEMU moves them).
 */
void qdev_pass_gpios(DeviceState *dev, DeviceState *container,
                     const char *name);

/**
 * qdev_get_named_gpio_list: the GPIO list named @name (NULL: unnamed),
 * created empty if missing.
 */
NamedGPIOList *qdev_get_named_gpio_list(DeviceState *dev, const char *name);

/* Teardown */

/**
 * qdev_teardown: unrealize every realized device under @root (inclusive)
 * in the reverse of the order they were realized, then unparent @root
 * (which finalizes it and everything it owns, unless referenced
 * elsewhere).
 */
void qdev_teardown(Object *root);

/**
 * qdev_teardown_all: tear down the whole tree at exit: unrealize every
 * realized device in reverse realize order, then unparent every child of
 * the root container ("/machine", "/sysbus", "/objects" ...).  After it,
 * object_live_count() is what it was before anything was created (the
 * root container aside).  The main program calls this on quit.
 */
void qdev_teardown_all(void);

/**
 * qdev_hotplug: true once the machine is built (qdev_machine_creation_done);
 * devices added after that are "hotplugged": they must be hotpluggable
 * and are reset when realized.
 */
extern bool qdev_hotplug;

/** qdev_machine_creation_done: the board is built; later devices hotplug. */
void qdev_machine_creation_done(void);

/* `info qtree` */

/**
 * qdev_qtree_text: the `info qtree` text: the main system bus and
 * everything on it, as QEMU prints it ("bus: main-system-bus", "type
 * System", "dev: ns16550a, id \"\"", gpio lines, properties, "mmio
 * ADDR/SIZE" with the address where the region is really mapped).
 * Returns: a new string for g_free().
 */
char *qdev_qtree_text(void);

/**
 * qdev_bus_tree_text: the same for the tree below @bus.
 */
char *qdev_bus_tree_text(BusState *bus);

/**
 * qdev_device_add_from_qdict: create, configure, place and realize a
 * device from -device / device_add options.
 * @opts: "driver", optional "id" and "bus", then property values;
 * strings parsed as the command line does, unless @from_json (then typed
 * QObjects).
 * The device goes to /machine/peripheral/<id>, or
 * /machine/peripheral-anon/<type>[N] without an id, on the bus named by
 * "bus" or the first bus of its bus_type.  On failure nothing is left.
 * Returns: the device (owned by the tree), or NULL with @errp set.
 */
DeviceState *qdev_device_add_from_qdict(const QDict *opts, bool from_json,
                                        Error **errp);

/**
 * qdev_device_add: qdev_device_add_from_qdict() with @from_json false
 * (QEMU's name takes QemuOpts; qomu's takes the keyval QDict).
 */
DeviceState *qdev_device_add(const QDict *opts, Error **errp);

/**
 * qdev_device_help_text: `-device help` (driver NULL: every
 * user-creatable device by category) or `-device DRIVER,help` (its
 * properties with types, defaults and descriptions).
 * Returns: a new string, or NULL with @errp set for an unknown driver.
 */
char *qdev_device_help_text(const char *driver, Error **errp);

#endif /* HW_QDEV_CORE_H */

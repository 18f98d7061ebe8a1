/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qdev-internal.h: functions shared by the files of hw/core's device model
 * (not for devices or boards).
 */
#ifndef HW_CORE_QDEV_INTERNAL_H
#define HW_CORE_QDEV_INTERNAL_H

#include "hw/qdev-core.h"

/* Take @child off @bus (drops the bus's reference on @child). */
void qdev_bus_remove_child(BusState *bus, DeviceState *child);

/* Realize / unrealize a bus and the devices on it (no checks). */
bool qbus_realize_internal(BusState *bus, Error **errp);
void qbus_unrealize_internal(BusState *bus);

/*
 * The names of the buses of type @bus_type under the main system bus,
 * ", "-separated, or NULL if there are none.  Returns a new string.
 */
char *qdev_bus_list_fitting(const char *bus_type);

/* The main system bus if it exists, without creating it. */
BusState *sysbus_peek_default(void);

/* Append @dev's `info qtree` lines at @indent to @out. */
void qdev_print_dev(GString *out, DeviceState *dev, int indent);

/* Free what @dev's static properties own (strings, arrays, backends). */
void qdev_release_static_props(DeviceState *dev);

#endif /* HW_CORE_QDEV_INTERNAL_H */

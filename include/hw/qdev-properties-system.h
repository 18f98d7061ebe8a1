/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qdev-properties-system.h: device properties that name a system backend
 * (a character device), as QEMU's include/hw/qdev-properties-system.h.
 *
 * DEFINE_PROP_CHR("chardev", FooState, chr) declares a CharBackend field
 * set by the chardev's id ("-device foo,chardev=serial0").  The property
 * resolves names, attaches and detaches backends through QdevChrHooks;
 * the default hooks are the chardev layer's (qemu_chr_find,
 * qemu_chr_fe_init, qemu_chr_fe_deinit), and qdev_prop_register_chr_hooks()
 * replaces them (tests use a fake backend).  A backend still attached
 * when the device is finalized is detached; a chardev finalized first
 * detaches itself, so teardown order does not matter.
 */
#ifndef HW_QDEV_PROPERTIES_SYSTEM_H
#define HW_QDEV_PROPERTIES_SYSTEM_H

#include "hw/qdev-properties.h"

extern const PropertyInfo qdev_prop_chr;

/**
 * DEFINE_PROP_CHR: a CharBackend field @_f bound to a chardev by id.
 * The device file must include the chardev front-end header (CharBackend).
 */
#define DEFINE_PROP_CHR(_n, _s, _f) \
    DEFINE_PROP(_n, _s, _f, qdev_prop_chr, CharBackend)

/**
 * QdevChrHooks: what the chardev layer provides to qdev.
 * @find: the chardev with id @id, or NULL.
 * @be_init: attach chardev @chr to the backend at @be (a CharBackend);
 * fails if @chr is busy.
 * @be_deinit: detach the backend at @be; must accept a zeroed, never
 * attached backend and be safe to call twice.
 * @be_label: the id of the chardev attached at @be, or NULL.
 * @chr_label: the id of @chr.
 */
typedef struct QdevChrHooks {
    Chardev *(*find)(const char *id);
    bool (*be_init)(void *be, Chardev *chr, Error **errp);
    void (*be_deinit)(void *be);
    const char *(*be_label)(void *be);
    const char *(*chr_label)(Chardev *chr);
} QdevChrHooks;

/**
 * qdev_prop_register_chr_hooks: install @hooks (NULL restores the
 * chardev layer's; @hooks must outlive every device using them).
 */
void qdev_prop_register_chr_hooks(const QdevChrHooks *hooks);

/**
 * qdev_prop_set_chr: bind chardev property @name of @dev to @value (NULL:
 * unbind).  A bad value is a programming error and aborts.
 */
void qdev_prop_set_chr(DeviceState *dev, const char *name, Chardev *value);

#endif /* HW_QDEV_PROPERTIES_SYSTEM_H */

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qdev-properties-system.c: the chardev property.  It resolves names and
 * attaches backends through QdevChrHooks: by default the chardev layer
 * (chardev/), replaceable by a test or another backend layer.
 */
#include "qomu/osdep.h"
#include "qapi/error.h"
#include "qapi/visitor.h"
#include "chardev/char.h"
#include "chardev/char-fe.h"
#include "hw/qdev-properties-system.h"

static bool chardev_be_init(void *be, Chardev *chr, Error **errp)
{
    return qemu_chr_fe_init(be, chr, errp);
}

static void chardev_be_deinit(void *be)
{
    qemu_chr_fe_deinit(be, false);
}

static const char *chardev_be_label(void *be)
{
    Chardev *chr = ((CharBackend *)be)->chr;

    return chr ? chr->label : NULL;
}

static const char *chardev_chr_label(Chardev *chr)
{
    return chr->label;
}

static const QdevChrHooks chardev_hooks = {
    .find = qemu_chr_find,
    .be_init = chardev_be_init,
    .be_deinit = chardev_be_deinit,
    .be_label = chardev_be_label,
    .chr_label = chardev_chr_label,
};

static const QdevChrHooks *chr_hooks = &chardev_hooks;

void qdev_prop_register_chr_hooks(const QdevChrHooks *hooks)
{
    chr_hooks = hooks ? hooks : &chardev_hooks;
}

static void prop_get_chr(Object *obj, Visitor *v, const char *name,
                         void *opaque, Error **errp)
{
    void *be = object_field_prop_ptr(obj, opaque);
    const char *label = chr_hooks->be_label(be);
    char *p = (char *)(label ? label : "");

    visit_type_str(v, name, &p, errp);
}

static void prop_set_chr(Object *obj, Visitor *v, const char *name,
                         void *opaque, Error **errp)
{
    void *be = object_field_prop_ptr(obj, opaque);
    g_autofree char *str = NULL;
    Chardev *chr;

    if (!visit_type_str(v, name, &str, errp)) {
        return;
    }
    if (!*str) {
        chr_hooks->be_deinit(be);
        return;
    }
    chr = chr_hooks->find(str);
    if (!chr) {
        error_setg(errp,
                   "property '%s' of type '%s': there is no chardev "
                   "with id '%s'",
                   name, object_get_typename(obj), str);
        return;
    }
    chr_hooks->be_deinit(be);
    chr_hooks->be_init(be, chr, errp);
}

static void prop_release_chr(Object *obj, const char *name, void *opaque)
{
    chr_hooks->be_deinit(object_field_prop_ptr(obj, opaque));
}

const PropertyInfo qdev_prop_chr = {
    .type = "str",
    .description = "ID of a chardev to use as a backend",
    .get = prop_get_chr,
    .set = prop_set_chr,
    .release = prop_release_chr,
};

void qdev_prop_set_chr(DeviceState *dev, const char *name, Chardev *value)
{
    const char *label = value ? chr_hooks->chr_label(value) : "";

    object_property_set_str(OBJECT(dev), name, label, &error_abort);
}

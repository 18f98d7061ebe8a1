/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qdev-properties-system.c: the chardev property, resolved through hooks
 * the chardev layer registers.
 */
#include "qomu/osdep.h"
#include "qapi/error.h"
#include "qapi/visitor.h"
#include "hw/qdev-properties-system.h"

static const QdevChrHooks *chr_hooks;

void qdev_prop_register_chr_hooks(const QdevChrHooks *hooks)
{
    chr_hooks = hooks;
}

static void prop_get_chr(Object *obj, Visitor *v, const char *name,
                         void *opaque, Error **errp)
{
    void *be = object_field_prop_ptr(obj, opaque);
    const char *label = chr_hooks ? chr_hooks->be_label(be) : NULL;
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
        if (chr_hooks) {
            chr_hooks->be_deinit(be);
        }
        return;
    }
    if (!chr_hooks) {
        error_setg(errp, "property '%s' of type '%s': no chardev support "
                   "in this program, cannot use chardev '%s'", name,
                   object_get_typename(obj), str);
        return;
    }
    chr = chr_hooks->find(str);
    if (!chr) {
        error_setg(errp, "property '%s' of type '%s': there is no chardev "
                   "with id '%s'", name, object_get_typename(obj), str);
        return;
    }
    chr_hooks->be_deinit(be);
    chr_hooks->be_init(be, chr, errp);
}

static void prop_release_chr(Object *obj, const char *name, void *opaque)
{
    if (chr_hooks) {
        chr_hooks->be_deinit(object_field_prop_ptr(obj, opaque));
    }
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
    const char *label = "";

    if (value) {
        g_assert(chr_hooks);
        label = chr_hooks->chr_label(value);
    }
    object_property_set_str(OBJECT(dev), name, label, &error_abort);
}

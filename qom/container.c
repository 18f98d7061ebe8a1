/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * container.c: the "container" type, an empty object that groups children
 * in the composition tree ("/", "/machine/peripheral", ...).
 */
#include "qomu/osdep.h"
#include "qom/object.h"

static const TypeInfo container_info = {
    .name = TYPE_CONTAINER,
    .parent = TYPE_OBJECT,
    .instance_size = sizeof(Object),
};

static void container_register_types(void)
{
    type_register_static(&container_info);
}

type_init(container_register_types)

Object *container_get(Object *root, const char *path)
{
    g_auto(GStrv) parts = g_strsplit(path, "/", 0);
    Object *obj = root;

    g_assert(parts && parts[0]);
    for (int i = 0; parts[i]; i++) {
        Object *child;

        if (!parts[i][0]) {
            continue; /* leading or doubled slash */
        }
        child = object_resolve_path_component(obj, parts[i]);
        if (!child) {
            child = object_new(TYPE_CONTAINER);
            object_property_add_child(obj, parts[i], child);
            object_unref(child);
        }
        obj = child;
    }
    return obj;
}

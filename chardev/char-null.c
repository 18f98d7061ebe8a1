/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The null chardev: output is discarded, no input ever comes. */
#include "qomu/osdep.h"
#include "chardev/char.h"

static int null_chr_write(Chardev *chr, const uint8_t *buf, int len)
{
    return len;
}

static void null_chr_class_init(ObjectClass *oc, const void *data)
{
    ChardevClass *cc = CHARDEV_CLASS(oc);

    cc->chr_write = null_chr_write;
}

static const TypeInfo null_chr_type_info = {
    .name = TYPE_CHARDEV_NULL,
    .parent = TYPE_CHARDEV,
    .instance_size = sizeof(Chardev),
    .class_init = null_chr_class_init,
};

static void register_types(void)
{
    type_register_static(&null_chr_type_info);
}

type_init(register_types)

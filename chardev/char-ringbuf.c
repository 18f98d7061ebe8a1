/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The ringbuf chardev (and its alias "memory"): output is kept in a ring
 * of size= bytes (a power of two, 64 KiB by default), the oldest bytes
 * overwritten; qemu_chr_ringbuf_read() takes them out (QEMU's ringbuf_read
 * monitor command).  No input.
 */
#include "qomu/osdep.h"
#include "chardev/char.h"
#include "chardev-internal.h"

typedef struct RingBufChardev {
    Chardev parent_obj;
    size_t size;
    size_t prod;
    size_t cons;
    uint8_t *cbuf;
} RingBufChardev;

OBJECT_DECLARE_SIMPLE_TYPE(RingBufChardev, CHARDEV_RINGBUF)

static const char *const ringbuf_opts[] = { "size", NULL };

static bool ringbuf_chr_open(Chardev *chr, QDict *opts, bool *be_opened,
                             Error **errp)
{
    RingBufChardev *d = CHARDEV_RINGBUF(chr);
    uint64_t size;

    if (!chr_opt_uint(opts, "size", 65536, &size, errp)) {
        return false;
    }
    if (size == 0 || (size & (size - 1)) || size > (1u << 30)) {
        error_setg(errp, "ringbuf size %" PRIu64 " is not a power of two "
                   "between 1 and 1 GiB", size);
        return false;
    }
    d->size = size;
    d->cbuf = g_malloc0(size);
    return true;
}

static int ringbuf_chr_write(Chardev *chr, const uint8_t *buf, int len)
{
    RingBufChardev *d = CHARDEV_RINGBUF(chr);

    for (int i = 0; i < len; i++) {
        d->cbuf[d->prod++ & (d->size - 1)] = buf[i];
        if (d->prod - d->cons > d->size) {
            d->cons = d->prod - d->size;
        }
    }
    return len;
}

size_t qemu_chr_ringbuf_count(Chardev *chr)
{
    RingBufChardev *d = CHARDEV_RINGBUF(chr);

    return d->prod - d->cons;
}

size_t qemu_chr_ringbuf_read(Chardev *chr, uint8_t *buf, size_t len)
{
    RingBufChardev *d = CHARDEV_RINGBUF(chr);
    size_t i;

    for (i = 0; i < len && d->cons != d->prod; i++) {
        buf[i] = d->cbuf[d->cons++ & (d->size - 1)];
    }
    return i;
}

static void ringbuf_chr_finalize(Object *obj)
{
    g_free(CHARDEV_RINGBUF(obj)->cbuf);
}

static void ringbuf_chr_class_init(ObjectClass *oc, const void *data)
{
    ChardevClass *cc = CHARDEV_CLASS(oc);

    cc->opts = ringbuf_opts;
    cc->open = ringbuf_chr_open;
    cc->chr_write = ringbuf_chr_write;
}

static const TypeInfo ringbuf_types[] = {
    {
        .name = TYPE_CHARDEV_RINGBUF,
        .parent = TYPE_CHARDEV,
        .instance_size = sizeof(RingBufChardev),
        .instance_finalize = ringbuf_chr_finalize,
        .class_init = ringbuf_chr_class_init,
    },
    {
        .name = TYPE_CHARDEV_MEMORY,
        .parent = TYPE_CHARDEV_RINGBUF,
    },
};

DEFINE_TYPES(ringbuf_types)

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The frontend side of a chardev: what a device model calls.  See
 * include/chardev/char-fe.h.
 */
#include "qomu/osdep.h"
#include "qapi/error.h"
#include "chardev/char-fe.h"
#include "chardev/char-mux.h"
#include "system/main-loop.h"

static MuxChardev *fe_mux(CharBackend *b)
{
    if (!b->chr) {
        return NULL;
    }
    return (MuxChardev *)object_dynamic_cast(OBJECT(b->chr),
                                             TYPE_CHARDEV_MUX);
}

bool qemu_chr_fe_init(CharBackend *b, Chardev *s, Error **errp)
{
    MuxChardev *d = (MuxChardev *)object_dynamic_cast(OBJECT(s),
                                                      TYPE_CHARDEV_MUX);

    if (d) {
        if (!mux_chr_attach_frontend(d, b, errp)) {
            return false;
        }
    } else if (s->be) {
        error_setg(errp, "chardev '%s' is already in use", s->label);
        return false;
    } else {
        b->tag = 0;
        s->be = b;
    }
    b->fe_is_open = false;
    b->chr = s;
    return true;
}

void qemu_chr_fe_deinit(CharBackend *b, bool del)
{
    Chardev *chr = b->chr;
    MuxChardev *d = fe_mux(b);

    if (!chr) {
        return;
    }
    qemu_chr_fe_set_handlers(b, NULL, NULL, NULL, NULL, NULL, NULL, true);
    if (chr->be == b) {
        chr->be = NULL;
    }
    if (d) {
        mux_chr_detach_frontend(d, b->tag);
    }
    b->chr = NULL;
    if (del) {
        qemu_chr_delete(chr);
    }
}

void qemu_chr_fe_set_handlers(CharBackend *b,
                              IOCanReadHandler *fd_can_read,
                              IOReadHandler *fd_read,
                              IOEventHandler *fd_event,
                              BackendChangeHandler *be_change,
                              void *opaque,
                              GMainContext *context,
                              bool set_open)
{
    Chardev *s = b->chr;
    bool fe_open;

    g_assert(!context || context == g_main_context_default());
    if (!s) {
        return;
    }
    fe_open = fd_can_read || fd_read || fd_event;
    b->chr_can_read = fd_can_read;
    b->chr_read = fd_read;
    b->chr_event = fd_event;
    b->chr_be_change = be_change;
    b->opaque = opaque;
    if (set_open) {
        qemu_chr_fe_set_open(b, fe_open);
    }
    if (fe_open) {
        qemu_chr_fe_take_focus(b);
        /* Connecting to an open backend: the frontend hears it. */
        if (s->be_open && fd_event) {
            fd_event(opaque, CHR_EVENT_OPENED);
        }
    }
    qemu_notify_event();
}

Chardev *qemu_chr_fe_get_driver(CharBackend *b)
{
    return b->chr;
}

bool qemu_chr_fe_backend_connected(CharBackend *b)
{
    return b->chr != NULL;
}

bool qemu_chr_fe_backend_open(CharBackend *b)
{
    return b->chr && b->chr->be_open;
}

int qemu_chr_fe_write(CharBackend *b, const uint8_t *buf, int len)
{
    if (!b->chr) {
        return 0;
    }
    return qemu_chr_write(b->chr, buf, len, false);
}

int qemu_chr_fe_write_all(CharBackend *b, const uint8_t *buf, int len)
{
    if (!b->chr) {
        return 0;
    }
    return qemu_chr_write(b->chr, buf, len, true);
}

void qemu_chr_fe_accept_input(CharBackend *b)
{
    Chardev *s = b->chr;

    if (!s) {
        return;
    }
    if (CHARDEV_GET_CLASS(s)->chr_accept_input) {
        CHARDEV_GET_CLASS(s)->chr_accept_input(s);
    }
    /* The input watch looks at can_receive again in its next prepare. */
    qemu_notify_event();
}

void qemu_chr_fe_set_open(CharBackend *b, bool is_open)
{
    Chardev *chr = b->chr;

    if (!chr || b->fe_is_open == is_open) {
        return;
    }
    b->fe_is_open = is_open;
    if (CHARDEV_GET_CLASS(chr)->chr_set_fe_open) {
        CHARDEV_GET_CLASS(chr)->chr_set_fe_open(chr, is_open);
    }
}

void qemu_chr_fe_take_focus(CharBackend *b)
{
    MuxChardev *d = fe_mux(b);

    if (d) {
        mux_set_focus(b->chr, b->tag);
    }
}

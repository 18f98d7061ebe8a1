/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The mux chardev: shares one backend (chardev=ID) between up to MAX_MUX
 * frontends; input goes to the focused one, C-a commands switch focus,
 * quit, print help, send a break (as QEMU's -nographic console).  See
 * include/chardev/char-mux.h.
 */
#include "qomu/osdep.h"
#include "qapi/error.h"
#include "chardev/char-mux.h"
#include "chardev-internal.h"
#include "system/runstate.h"

int term_escape_char = 0x01;    /* C-a */

static const char *const mux_opts[] = { "chardev", NULL };

static const char *const mux_help[] = {
    "% h    print this help\n\r",
    "% x    exit emulator\n\r",
    "% b    send break (magic sysrq)\n\r",
    "% c    switch between console and monitor\n\r",
    "% %  sends %\n\r",
    NULL
};

static int mux_chr_write(Chardev *chr, const uint8_t *buf, int len)
{
    MuxChardev *d = MUX_CHARDEV(chr);

    return qemu_chr_fe_write(&d->chr, buf, len);
}

static void mux_write_str(Chardev *chr, const char *s)
{
    qemu_chr_write_all(chr, (const uint8_t *)s, strlen(s));
}

static void mux_print_help(Chardev *chr)
{
    char ebuf[16];

    if (term_escape_char > 0 && term_escape_char < 27) {
        snprintf(ebuf, sizeof(ebuf), "C-%c", term_escape_char - 1 + 'a');
    } else {
        snprintf(ebuf, sizeof(ebuf), "'%c'", term_escape_char);
    }
    mux_write_str(chr, "\n\r");
    for (int i = 0; mux_help[i]; i++) {
        for (const char *p = mux_help[i]; *p; p++) {
            if (*p == '%') {
                mux_write_str(chr, ebuf);
            } else {
                qemu_chr_write_all(chr, (const uint8_t *)p, 1);
            }
        }
    }
}

static void mux_chr_send_event(MuxChardev *d, int tag, QEMUChrEvent event)
{
    CharBackend *be = tag >= 0 && tag < d->mux_cnt ? d->backends[tag] : NULL;

    if (be && be->chr_event) {
        be->chr_event(be->opaque, event);
    }
}

static void mux_chr_send_all_event(MuxChardev *d, QEMUChrEvent event)
{
    for (int i = 0; i < d->mux_cnt; i++) {
        mux_chr_send_event(d, i, event);
    }
}

void mux_set_focus(Chardev *chr, int focus)
{
    MuxChardev *d = MUX_CHARDEV(chr);

    g_assert(focus >= 0 && focus < d->mux_cnt);
    if (d->focus == focus) {
        return;
    }
    if (d->focus >= 0) {
        mux_chr_send_event(d, d->focus, CHR_EVENT_MUX_OUT);
    }
    d->focus = focus;
    chr->be = d->backends[focus];
    mux_chr_send_event(d, focus, CHR_EVENT_MUX_IN);
}

/* Returns true if @ch is input for the focused frontend. */
static bool mux_proc_byte(Chardev *chr, MuxChardev *d, int ch)
{
    if (d->term_got_escape) {
        d->term_got_escape = false;
        if (ch == term_escape_char) {
            return true;
        }
        switch (ch) {
        case '?':
        case 'h':
            mux_print_help(chr);
            break;
        case 'x':
            mux_write_str(chr, "qomu: Terminated\n\r");
            qemu_system_shutdown_request(SHUTDOWN_CAUSE_HOST_UI);
            break;
        case 'b':
            mux_chr_send_event(d, d->focus, CHR_EVENT_BREAK);
            break;
        case 'c':
            if (d->mux_cnt > 0) {
                int next = d->focus;

                /* The next frontend still attached. */
                for (int i = 0; i < d->mux_cnt; i++) {
                    next = (next + 1) % d->mux_cnt;
                    if (d->backends[next]) {
                        break;
                    }
                }
                mux_set_focus(chr, next);
            }
            break;
        default:
            break;
        }
        return false;
    }
    if (ch == term_escape_char) {
        d->term_got_escape = true;
        return false;
    }
    return true;
}

/* Hand buffered input to the focused frontend while it takes it. */
static void mux_chr_accept_input(Chardev *chr)
{
    MuxChardev *d = MUX_CHARDEV(chr);
    int m = d->focus;
    CharBackend *be = m >= 0 ? d->backends[m] : NULL;

    if (!be) {
        return;
    }
    while (d->prod[m] != d->cons[m] && be->chr_can_read &&
           be->chr_can_read(be->opaque) > 0) {
        uint8_t c = d->buffer[m][d->cons[m]++ % MUX_BUFFER_SIZE];

        be->chr_read(be->opaque, &c, 1);
    }
}

static int mux_chr_can_read(void *opaque)
{
    MuxChardev *d = opaque;
    int m = d->focus;

    /* Room in the buffer: escape commands work even if the guest sleeps. */
    if (m < 0) {
        return 1;
    }
    return MUX_BUFFER_SIZE - (d->prod[m] - d->cons[m]);
}

static void mux_chr_read(void *opaque, const uint8_t *buf, int size)
{
    MuxChardev *d = opaque;
    Chardev *chr = CHARDEV(d);

    for (int i = 0; i < size; i++) {
        int m = d->focus;

        if (!mux_proc_byte(chr, d, buf[i]) || m < 0 || !d->backends[m]) {
            continue;
        }
        if (d->prod[m] - d->cons[m] < MUX_BUFFER_SIZE) {
            d->buffer[m][d->prod[m]++ % MUX_BUFFER_SIZE] = buf[i];
        }
        mux_chr_accept_input(chr);
    }
}

static void mux_chr_event(void *opaque, QEMUChrEvent event)
{
    MuxChardev *d = opaque;
    Chardev *chr = CHARDEV(d);

    /* The shared backend's state is the mux's. */
    if (event == CHR_EVENT_OPENED) {
        chr->be_open = 1;
    } else if (event == CHR_EVENT_CLOSED) {
        chr->be_open = 0;
    }
    mux_chr_send_all_event(d, event);
}

static void mux_chr_be_event(Chardev *chr, QEMUChrEvent event)
{
    mux_chr_send_all_event(MUX_CHARDEV(chr), event);
}

bool mux_chr_attach_frontend(MuxChardev *d, CharBackend *b, Error **errp)
{
    int tag;

    for (tag = 0; tag < d->mux_cnt; tag++) {
        if (!d->backends[tag]) {
            break;
        }
    }
    if (tag >= MAX_MUX) {
        error_setg(errp, "too many uses of multiplexed chardev '%s' "
                   "(at most %d)", CHARDEV(d)->label, MAX_MUX);
        return false;
    }
    d->backends[tag] = b;
    if (tag == d->mux_cnt) {
        d->mux_cnt++;
    }
    d->prod[tag] = d->cons[tag] = 0;
    b->tag = tag;
    return true;
}

void mux_chr_detach_frontend(MuxChardev *d, int tag)
{
    Chardev *chr = CHARDEV(d);

    if (tag < 0 || tag >= d->mux_cnt) {
        return;
    }
    d->backends[tag] = NULL;
    if (d->focus == tag) {
        d->focus = -1;
        chr->be = NULL;
        for (int i = 0; i < d->mux_cnt; i++) {
            if (d->backends[i]) {
                mux_set_focus(chr, i);
                break;
            }
        }
    }
}

static bool mux_chr_open(Chardev *chr, QDict *opts, bool *be_opened,
                         Error **errp)
{
    MuxChardev *d = MUX_CHARDEV(chr);
    const char *id = chr_opt_str(opts, "chardev");
    Chardev *base = id ? qemu_chr_find(id) : NULL;

    if (!base) {
        error_setg(errp, "mux needs chardev=ID of an existing chardev");
        return false;
    }
    if (!qemu_chr_fe_init(&d->chr, base, errp)) {
        return false;
    }
    qemu_chr_fe_set_handlers(&d->chr, mux_chr_can_read, mux_chr_read,
                             mux_chr_event, NULL, d, NULL, true);
    *be_opened = base->be_open;
    chr->filename = g_strdup_printf("mux:%s", base->filename);
    return true;
}

static void mux_chr_init(Object *obj)
{
    MUX_CHARDEV(obj)->focus = -1;
}

static void mux_chr_finalize(Object *obj)
{
    MuxChardev *d = MUX_CHARDEV(obj);
    Chardev *chr = CHARDEV(obj);

    /* Frontends still attached lose their chardev. */
    for (int i = 0; i < d->mux_cnt; i++) {
        if (d->backends[i]) {
            d->backends[i]->chr = NULL;
            d->backends[i] = NULL;
        }
    }
    /* char_finalize would clear only the focused one. */
    chr->be = NULL;
    qemu_chr_fe_deinit(&d->chr, false);
}

static void mux_chr_class_init(ObjectClass *oc, const void *data)
{
    ChardevClass *cc = CHARDEV_CLASS(oc);

    cc->internal = true;
    cc->opts = mux_opts;
    cc->open = mux_chr_open;
    cc->chr_write = mux_chr_write;
    cc->chr_accept_input = mux_chr_accept_input;
    cc->chr_be_event = mux_chr_be_event;
}

static const TypeInfo mux_chr_type_info = {
    .name = TYPE_CHARDEV_MUX,
    .parent = TYPE_CHARDEV,
    .instance_size = sizeof(MuxChardev),
    .instance_init = mux_chr_init,
    .instance_finalize = mux_chr_finalize,
    .class_init = mux_chr_class_init,
};

static void register_types(void)
{
    type_register_static(&mux_chr_type_info);
}

type_init(register_types)

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * char-mux.h: the multiplexer chardev, which shares one backend between
 * up to MAX_MUX frontends (serial port and monitor under -nographic).
 * Input goes to the frontend with the focus; the escape character (C-a)
 * introduces commands: C-a c switches focus, C-a x quits, C-a h prints
 * help, C-a b sends a break, C-a C-a sends C-a.  Output of every frontend
 * goes out.
 */
#ifndef CHARDEV_CHAR_MUX_H
#define CHARDEV_CHAR_MUX_H

#include "chardev/char-fe.h"

#define MAX_MUX 4
#define MUX_BUFFER_SIZE 32

typedef struct MuxChardev MuxChardev;
DECLARE_INSTANCE_CHECKER(MuxChardev, MUX_CHARDEV, TYPE_CHARDEV_MUX)

struct MuxChardev {
    Chardev parent_obj;

    CharBackend chr;                    /* the shared backend */
    CharBackend *backends[MAX_MUX];     /* frontends by tag */
    int mux_cnt;
    int focus;
    bool term_got_escape;
    /* Input for each frontend that it could not take yet. */
    uint8_t buffer[MAX_MUX][MUX_BUFFER_SIZE];
    unsigned prod[MAX_MUX];
    unsigned cons[MAX_MUX];
};

/** The escape character (QEMU's -echr); C-a by default. */
extern int term_escape_char;

/** mux_chr_attach_frontend: give @b a tag in @d (qemu_chr_fe_init). */
bool mux_chr_attach_frontend(MuxChardev *d, CharBackend *b, Error **errp);

/** mux_chr_detach_frontend: drop tag @tag (qemu_chr_fe_deinit). */
void mux_chr_detach_frontend(MuxChardev *d, int tag);

/** mux_set_focus: give the input focus to frontend @focus. */
void mux_set_focus(Chardev *chr, int focus);

#endif /* CHARDEV_CHAR_MUX_H */

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * char-fe.h: the frontend side of a chardev, as a device model uses it
 * (QEMU's include/chardev/char-fe.h).
 *
 * A device embeds a CharBackend (usually through DEFINE_PROP_CHR), and at
 * realize calls qemu_chr_fe_set_handlers() with:
 *   can_receive(opaque)     how many bytes it can take now (FIFO room);
 *   receive(opaque, buf, n) n <= what can_receive returned;
 *   event(opaque, event)    CHR_EVENT_OPENED / CLOSED / BREAK / MUX_*.
 * When its FIFO has room again (the guest read a byte) it calls
 * qemu_chr_fe_accept_input() so that waiting input comes in.  Output goes
 * through qemu_chr_fe_write() / qemu_chr_fe_write_all().
 *
 * Differences from QEMU: no add_watch / ioctl / fd passing; the @context
 * argument of qemu_chr_fe_set_handlers() must be NULL (the main context).
 */
#ifndef CHARDEV_CHAR_FE_H
#define CHARDEV_CHAR_FE_H

#include "chardev/char.h"

typedef int IOCanReadHandler(void *opaque);
typedef void IOReadHandler(void *opaque, const uint8_t *buf, int size);
typedef void IOEventHandler(void *opaque, QEMUChrEvent event);
typedef int BackendChangeHandler(void *opaque);

struct CharBackend {
    Chardev *chr;
    IOEventHandler *chr_event;
    IOCanReadHandler *chr_can_read;
    IOReadHandler *chr_read;
    BackendChangeHandler *chr_be_change;
    void *opaque;
    int tag;                /* index in a mux */
    int fe_is_open;
};

/**
 * qemu_chr_fe_init: attach @b to @s.  A chardev takes one frontend; a
 * mux takes up to 4.
 * Returns: false with @errp set if @s is already in use (or the mux is
 * full).
 */
bool qemu_chr_fe_init(CharBackend *b, Chardev *s, Error **errp);

/**
 * qemu_chr_fe_deinit: detach @b (clearing its handlers); with @del, also
 * delete the chardev.
 */
void qemu_chr_fe_deinit(CharBackend *b, bool del);

/**
 * qemu_chr_fe_set_handlers: set (or, all NULL, clear) @b's handlers.
 * With handlers set and @set_open, the frontend is marked open and takes
 * a mux's focus; if the backend is already open, @fd_event gets
 * CHR_EVENT_OPENED at once.
 * @be_change: may be NULL.  @context: must be NULL.
 */
void qemu_chr_fe_set_handlers(CharBackend *b,
                              IOCanReadHandler *fd_can_read,
                              IOReadHandler *fd_read,
                              IOEventHandler *fd_event,
                              BackendChangeHandler *be_change,
                              void *opaque,
                              GMainContext *context,
                              bool set_open);

/** qemu_chr_fe_get_driver: the chardev @b is attached to, or NULL. */
Chardev *qemu_chr_fe_get_driver(CharBackend *b);

/** qemu_chr_fe_backend_connected: true if @b has a chardev. */
bool qemu_chr_fe_backend_connected(CharBackend *b);

/** qemu_chr_fe_backend_open: true if the chardev is open (connected). */
bool qemu_chr_fe_backend_open(CharBackend *b);

/**
 * qemu_chr_fe_write: write up to @len bytes without waiting.
 * Returns: bytes written (0 with no chardev), -1 on error.
 */
int qemu_chr_fe_write(CharBackend *b, const uint8_t *buf, int len);

/**
 * qemu_chr_fe_write_all: write all @len bytes, waiting if needed.
 * Returns: @len, 0 with no chardev, -1 on error.
 */
int qemu_chr_fe_write_all(CharBackend *b, const uint8_t *buf, int len);

/**
 * qemu_chr_fe_accept_input: the frontend can take input again (its FIFO
 * has room): input waiting in the backend comes in from the main loop.
 */
void qemu_chr_fe_accept_input(CharBackend *b);

/** qemu_chr_fe_set_open: tell the backend the frontend opened/closed. */
void qemu_chr_fe_set_open(CharBackend *b, bool is_open);

/** qemu_chr_fe_take_focus: on a mux, give @b the input focus. */
void qemu_chr_fe_take_focus(CharBackend *b);

#endif /* CHARDEV_CHAR_FE_H */

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * char.h: character devices (chardevs), the backends that carry a serial
 * port's or a monitor's bytes: stdio, null, file, socket, ringbuf/memory,
 * pipe, mux.  With QEMU's names (include/chardev/char.h).
 *
 * A Chardev is a QOM object (abstract TYPE_CHARDEV, subtypes
 * "chardev-<backend>") living at /chardevs/<id> in the composition tree.
 * A device uses one through a CharBackend (char-fe.h).
 *
 * Data flow:
 *   guest -> outside: qemu_chr_fe_write() -> ChardevClass::chr_write().
 *   outside -> guest: the backend reads its fd only while the frontend's
 *   can_receive handler returns > 0 (qemu_chr_be_can_write()), and then
 *   at most that many bytes, handing them over with qemu_chr_be_write().
 *   Bytes the guest cannot take yet stay in the kernel (fd backends) or
 *   the mux's buffer: input is never dropped.
 *
 * Differences from QEMU: options come as a QDict (from keyval_parse() or
 * built by qemu_chr_new_serial()) rather than QAPI's ChardevBackend;
 * ChardevClass::open takes that QDict; there is no chardev-change, no
 * logfile, no telnet/websocket/reconnect, no TLS, no "vc"; the stdio
 * backend restores the terminal on fatal signals too.
 */
#ifndef CHARDEV_CHAR_H
#define CHARDEV_CHAR_H

#include "qapi/error.h"
#include "qobject/qdict.h"
#include "qom/object.h"

typedef struct CharBackend CharBackend;

/* Events a backend sends to its frontend, as QEMU's QEMUChrEvent. */
typedef enum QEMUChrEvent {
    CHR_EVENT_BREAK,        /* serial break (mux: C-a b) */
    CHR_EVENT_OPENED,       /* the backend is connected / open */
    CHR_EVENT_MUX_IN,       /* a mux gave this frontend the focus */
    CHR_EVENT_MUX_OUT,      /* a mux took the focus away */
    CHR_EVENT_CLOSED,       /* the backend was disconnected */
} QEMUChrEvent;

#define TYPE_CHARDEV "chardev"
OBJECT_DECLARE_TYPE(Chardev, ChardevClass, CHARDEV)

#define TYPE_CHARDEV_NULL "chardev-null"
#define TYPE_CHARDEV_FILE "chardev-file"
#define TYPE_CHARDEV_STDIO "chardev-stdio"
#define TYPE_CHARDEV_SOCKET "chardev-socket"
#define TYPE_CHARDEV_RINGBUF "chardev-ringbuf"
#define TYPE_CHARDEV_MEMORY "chardev-memory"
#define TYPE_CHARDEV_MUX "chardev-mux"
#define TYPE_CHARDEV_PIPE "chardev-pipe"

struct Chardev {
    Object parent_obj;

    char *label;            /* the id: /chardevs/<label> */
    char *filename;         /* what "info chardev" shows */
    CharBackend *be;        /* the frontend attached, if any */
    int be_open;            /* backend connected (OPENED sent) */
    GSource *in_watch;      /* input fd watch (chardev_io_watch_add) */
};

struct ChardevClass {
    ObjectClass parent_class;

    /* Not creatable with -chardev (the mux is made with mux=on). */
    bool internal;
    /* Options this backend accepts besides id, backend and mux. */
    const char *const *opts;

    /*
     * open: set the backend up from @opts; set *@be_opened to false if
     * the backend is not connected yet (a socket server waiting for a
     * client).  Errors: one line, without the "chardev 'id': " prefix
     * (the caller adds it).
     */
    bool (*open)(Chardev *chr, QDict *opts, bool *be_opened, Error **errp);
    /* chr_write: write up to @len bytes; returns how many, or -1. */
    int (*chr_write)(Chardev *chr, const uint8_t *buf, int len);
    /* chr_accept_input: the frontend can take input again. */
    void (*chr_accept_input)(Chardev *chr);
    /* chr_set_fe_open: the frontend opened / closed (set_open). */
    void (*chr_set_fe_open)(Chardev *chr, int fe_open);
    /* chr_be_event: replaces delivery of events to the frontend (mux). */
    void (*chr_be_event)(Chardev *chr, QEMUChrEvent event);
};

/**
 * qemu_chr_new_from_qdict: create a chardev from options, as -chardev:
 * "backend" (the backend name: null, stdio, file, pipe, socket,
 * ringbuf, memory), "id", optional "mux" (on: a mux named <id> over a backend
 * named <id>-base) and the backend's own options (QStrings as keyval
 * gives them; QBool/QNum also accepted).
 * Returns: the new chardev (owned by /chardevs), or NULL with @errp set:
 * unknown backend (with the list), missing id, duplicate id, invalid
 * parameter, missing path, port in use...
 */
Chardev *qemu_chr_new_from_qdict(QDict *opts, Error **errp);

/**
 * qemu_chr_new_from_opts: parse -chardev's text ("socket,id=c0,
 * path=/tmp/s,server=on,wait=off": the first value is the backend) with
 * keyval_parse() and create it (qomu: QEMU's takes QemuOpts).
 */
Chardev *qemu_chr_new_from_opts(const char *optstr, Error **errp);

/**
 * qemu_chr_new_serial: create a chardev from -serial / -monitor's legacy
 * spelling: stdio, null, none, file:PATH, pipe:PATH,
 * unix:PATH[,server][,nowait],
 * tcp:[HOST]:PORT[,server][,nowait] (telnet: is taken as tcp: with a
 * warning: no telnet negotiation), mon:SPEC (a mux over SPEC with the
 * monitor attached through the hook set by qemu_chr_set_monitor_hook()),
 * chardev:ID (an existing chardev), or a bare backend name (ringbuf...).
 * @label: the id for a new chardev ("serial0").
 * Returns: the chardev, or NULL: with @errp set on error, with @errp
 * untouched for "none" (no backend wanted).
 */
Chardev *qemu_chr_new_serial(const char *label, const char *spec,
                             Error **errp);

/**
 * qemu_chr_new: QEMU's name for qemu_chr_new_serial() (QEMU's third
 * argument, a GMainContext, is not needed).
 */
Chardev *qemu_chr_new(const char *label, const char *spec, Error **errp);

/**
 * qemu_chr_set_monitor_hook: @hook(@chr, errp) attaches a human monitor
 * to the mux chardev @chr for "mon:" specs (the monitor sets this).
 */
void qemu_chr_set_monitor_hook(bool (*hook)(Chardev *chr, Error **errp));

/** qemu_chr_find: the chardev with id @id, or NULL. */
Chardev *qemu_chr_find(const char *id);

/**
 * qemu_chr_backend_names: the user-creatable backend names, sorted and
 * joined with ", " (for errors and "-chardev help"); g_free() it.
 */
char *qemu_chr_backend_names(void);

/** qemu_chr_delete: remove @chr from /chardevs and free it. */
void qemu_chr_delete(Chardev *chr);

/**
 * chardev_cleanup_all: delete every chardev (muxes first) and the
 * /chardevs container.  Call at exit after the devices are gone.
 */
void chardev_cleanup_all(void);

/**
 * qemu_chr_write: write @buf to @s; with @write_all, retry until every
 * byte is written (or the backend fails).  Returns: bytes written, -1 on
 * error.
 */
int qemu_chr_write(Chardev *s, const uint8_t *buf, int len, bool write_all);

/** qemu_chr_write_all: qemu_chr_write(s, buf, len, true). */
int qemu_chr_write_all(Chardev *s, const uint8_t *buf, int len);

/**
 * qemu_chr_be_can_write: how many bytes the frontend can take now (0 if
 * none or no frontend).
 */
int qemu_chr_be_can_write(Chardev *s);

/**
 * qemu_chr_be_write: hand @len bytes of input to the frontend (call with
 * no more than qemu_chr_be_can_write() bytes).
 */
void qemu_chr_be_write(Chardev *s, const uint8_t *buf, int len);

/** qemu_chr_be_event: send @event to the frontend (OPENED/CLOSED update
 * be_open). */
void qemu_chr_be_event(Chardev *s, QEMUChrEvent event);

/**
 * qemu_chr_ringbuf_read: take up to @len bytes of the output stored in a
 * ringbuf/memory chardev (oldest first).  Returns: bytes copied.
 */
size_t qemu_chr_ringbuf_read(Chardev *chr, uint8_t *buf, size_t len);

/** qemu_chr_ringbuf_count: bytes stored in a ringbuf/memory chardev. */
size_t qemu_chr_ringbuf_count(Chardev *chr);

/**
 * chardev_io_watch_add: watch @fd for input on behalf of @chr: @read_cb
 * runs from the main loop when @fd is readable (or hung up) and the
 * frontend can take input; while it cannot, @fd is not polled, so data
 * waits in the kernel.  Replaces @chr's previous watch.  For backends.
 */
void chardev_io_watch_add(Chardev *chr, int fd, void (*read_cb)(Chardev *chr));

/** chardev_io_watch_remove: stop watching @chr's input fd. */
void chardev_io_watch_remove(Chardev *chr);

/**
 * chardev_fd_write: write to a blocking or non-blocking fd, retrying on
 * EINTR and (briefly) EAGAIN.  Returns: bytes written or -1 (errno set).
 */
int chardev_fd_write(int fd, const uint8_t *buf, int len);

#endif /* CHARDEV_CHAR_H */

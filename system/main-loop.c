/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The main loop: GLib's default GMainContext polled with ppoll() so that
 * timer deadlines keep nanosecond precision, bottom halves, fd handlers.
 * See include/system/main-loop.h and docs/devel/main-loop.md.
 */
#include "qomu/osdep.h"
#include "qomu/timer.h"
#include "system/main-loop.h"

#include <glib-unix.h>
#include <poll.h>

struct QEMUBH {
    QEMUBHFunc *cb;
    void *opaque;
    bool scheduled;
    bool oneshot;
};

typedef struct IOHandlerRecord {
    int fd;
    IOHandler *fd_read;
    IOHandler *fd_write;
    void *opaque;
    GSource *source;
} IOHandlerRecord;

static bool main_loop_initialised;
static GQueue bh_queue = G_QUEUE_INIT;     /* scheduled bottom halves */
static GHashTable *bh_all;                 /* every live QEMUBH */
static GHashTable *io_handlers;            /* fd -> IOHandlerRecord */
static GArray *poll_fds;                   /* GPollFD, reused */

static void timer_notify(void *opaque, QEMUClockType type)
{
    qemu_notify_event();
}

bool qemu_init_main_loop(Error **errp)
{
    if (main_loop_initialised) {
        return true;
    }
    bh_all = g_hash_table_new(NULL, NULL);
    io_handlers = g_hash_table_new(NULL, NULL);
    poll_fds = g_array_new(false, false, sizeof(GPollFD));
    qemu_timer_set_notify_cb(timer_notify, NULL);
    main_loop_initialised = true;
    return true;
}

static void main_loop_ensure_init(void)
{
    if (!main_loop_initialised) {
        qemu_init_main_loop(&error_abort);
    }
}

void qemu_notify_event(void)
{
    g_main_context_wakeup(g_main_context_default());
}

/* Bottom halves */

QEMUBH *qemu_bh_new(QEMUBHFunc *cb, void *opaque)
{
    QEMUBH *bh = g_new0(QEMUBH, 1);

    main_loop_ensure_init();
    bh->cb = cb;
    bh->opaque = opaque;
    g_hash_table_add(bh_all, bh);
    return bh;
}

void qemu_bh_schedule(QEMUBH *bh)
{
    if (bh->scheduled) {
        return;
    }
    bh->scheduled = true;
    g_queue_push_tail(&bh_queue, bh);
    qemu_notify_event();
}

void qemu_bh_cancel(QEMUBH *bh)
{
    if (bh->scheduled) {
        bh->scheduled = false;
        g_queue_remove(&bh_queue, bh);
    }
}

void qemu_bh_delete(QEMUBH *bh)
{
    if (!bh) {
        return;
    }
    qemu_bh_cancel(bh);
    g_hash_table_remove(bh_all, bh);
    g_free(bh);
}

void qemu_bh_schedule_oneshot(QEMUBHFunc *cb, void *opaque)
{
    QEMUBH *bh = qemu_bh_new(cb, opaque);

    bh->oneshot = true;
    qemu_bh_schedule(bh);
}

bool qemu_bh_poll(void)
{
    /* Only those scheduled before this pass: a re-schedule waits. */
    guint n = g_queue_get_length(&bh_queue);
    bool progress = false;

    while (n-- > 0 && !g_queue_is_empty(&bh_queue)) {
        QEMUBH *bh = g_queue_pop_head(&bh_queue);
        QEMUBHFunc *cb = bh->cb;
        void *opaque = bh->opaque;

        bh->scheduled = false;
        if (bh->oneshot) {
            qemu_bh_delete(bh);
        }
        cb(opaque);
        progress = true;
    }
    return progress;
}

/* fd handlers */

static gboolean io_handler_dispatch(gint fd, GIOCondition cond,
                                    gpointer user_data)
{
    IOHandlerRecord *rec;

    rec = g_hash_table_lookup(io_handlers, GINT_TO_POINTER(fd));
    if (rec && rec->fd_read && (cond & (G_IO_IN | G_IO_HUP | G_IO_ERR))) {
        rec->fd_read(rec->opaque);
    }
    /* The read handler may have changed or removed the handlers. */
    rec = g_hash_table_lookup(io_handlers, GINT_TO_POINTER(fd));
    if (rec && rec->fd_write && (cond & (G_IO_OUT | G_IO_ERR))) {
        rec->fd_write(rec->opaque);
    }
    return G_SOURCE_CONTINUE;
}

static void io_handler_free(IOHandlerRecord *rec)
{
    g_source_destroy(rec->source);
    g_source_unref(rec->source);
    g_free(rec);
}

void qemu_set_fd_handler(int fd, IOHandler *fd_read, IOHandler *fd_write,
                         void *opaque)
{
    IOHandlerRecord *rec;
    GIOCondition cond = 0;

    main_loop_ensure_init();
    rec = g_hash_table_lookup(io_handlers, GINT_TO_POINTER(fd));
    if (rec) {
        g_hash_table_remove(io_handlers, GINT_TO_POINTER(fd));
        io_handler_free(rec);
    }
    if (!fd_read && !fd_write) {
        return;
    }
    if (fd_read) {
        cond |= G_IO_IN | G_IO_HUP | G_IO_ERR;
    }
    if (fd_write) {
        cond |= G_IO_OUT | G_IO_ERR;
    }
    rec = g_new0(IOHandlerRecord, 1);
    rec->fd = fd;
    rec->fd_read = fd_read;
    rec->fd_write = fd_write;
    rec->opaque = opaque;
    rec->source = g_unix_fd_source_new(fd, cond);
    g_source_set_callback(rec->source, G_SOURCE_FUNC(io_handler_dispatch),
                          NULL, NULL);
    g_source_attach(rec->source, g_main_context_default());
    g_hash_table_insert(io_handlers, GINT_TO_POINTER(fd), rec);
    qemu_notify_event();
}

/* The loop */

static int64_t main_loop_timer_timeout(void)
{
    int64_t timeout = -1;

    timeout = qemu_soonest_timeout(timeout,
                          qemu_clock_deadline_ns_all(QEMU_CLOCK_REALTIME));
    timeout = qemu_soonest_timeout(timeout,
                          qemu_clock_deadline_ns_all(QEMU_CLOCK_HOST));
    /*
     * Virtual time passes while we sleep only in host-time mode and
     * while the VM runs; in deterministic mode the run loop advances it.
     */
    if (cpu_ticks_enabled() && !icount_enabled()) {
        timeout = qemu_soonest_timeout(timeout,
                          qemu_clock_deadline_ns_all(QEMU_CLOCK_VIRTUAL));
    }
    return timeout;
}

static int main_loop_poll(GMainContext *ctx, int64_t timeout_ns)
{
    gint max_priority;
    gint glib_timeout_ms;
    gint nfds;
    int ret;

    g_main_context_prepare(ctx, &max_priority);
    for (;;) {
        nfds = g_main_context_query(ctx, max_priority, &glib_timeout_ms,
                                    (GPollFD *)poll_fds->data,
                                    poll_fds->len);
        if ((guint)nfds <= poll_fds->len) {
            break;
        }
        g_array_set_size(poll_fds, nfds);
    }
    if (glib_timeout_ms >= 0) {
        timeout_ns = qemu_soonest_timeout(timeout_ns,
                                          (int64_t)glib_timeout_ms * SCALE_MS);
    }

    /* GPollFD has the layout of struct pollfd on every Unix GLib runs on. */
    if (timeout_ns < 0) {
        ret = ppoll((struct pollfd *)poll_fds->data, nfds, NULL, NULL);
    } else {
        struct timespec ts = {
            .tv_sec = timeout_ns / NANOSECONDS_PER_SECOND,
            .tv_nsec = timeout_ns % NANOSECONDS_PER_SECOND,
        };
        ret = ppoll((struct pollfd *)poll_fds->data, nfds, &ts, NULL);
    }
    if (ret < 0) {
        /* EINTR: a signal; its source (if any) is dispatched below. */
        ret = 0;
        for (gint i = 0; i < nfds; i++) {
            g_array_index(poll_fds, GPollFD, i).revents = 0;
        }
    }
    if (g_main_context_check(ctx, max_priority, (GPollFD *)poll_fds->data,
                             nfds)) {
        g_main_context_dispatch(ctx);
    }
    return ret;
}

int main_loop_wait_timeout(int64_t timeout_ns)
{
    GMainContext *ctx = g_main_context_default();
    int ret;

    main_loop_ensure_init();
    g_main_context_acquire(ctx);

    qemu_bh_poll();
    if (!g_queue_is_empty(&bh_queue)) {
        timeout_ns = 0;
    } else if (timeout_ns != 0) {
        timeout_ns = qemu_soonest_timeout(timeout_ns,
                                          main_loop_timer_timeout());
    }

    ret = main_loop_poll(ctx, timeout_ns);

    qemu_clock_run_timers(QEMU_CLOCK_REALTIME);
    qemu_clock_run_timers(QEMU_CLOCK_HOST);
    qemu_clock_run_timers(QEMU_CLOCK_VIRTUAL);
    qemu_bh_poll();

    g_main_context_release(ctx);
    return ret;
}

int main_loop_wait(bool nonblocking)
{
    return main_loop_wait_timeout(nonblocking ? 0 : -1);
}

void qemu_main_loop_cleanup(void)
{
    GHashTableIter iter;
    gpointer value;

    if (!main_loop_initialised) {
        return;
    }
    g_hash_table_iter_init(&iter, io_handlers);
    while (g_hash_table_iter_next(&iter, NULL, &value)) {
        io_handler_free(value);
        g_hash_table_iter_remove(&iter);
    }
    g_hash_table_iter_init(&iter, bh_all);
    while (g_hash_table_iter_next(&iter, &value, NULL)) {
        g_hash_table_iter_remove(&iter);
        g_free(value);
    }
    g_queue_clear(&bh_queue);
    g_hash_table_unref(io_handlers);
    g_hash_table_unref(bh_all);
    g_array_free(poll_fds, true);
    io_handlers = NULL;
    bh_all = NULL;
    poll_fds = NULL;
    qemu_timer_set_notify_cb(NULL, NULL);
    main_loop_initialised = false;
}

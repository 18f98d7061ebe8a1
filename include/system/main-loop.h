/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * main-loop.h: the main loop, on GLib's default GMainContext, with QEMU's
 * names (include/qemu/main-loop.h).
 *
 * One thread runs everything.  Each main_loop_wait() call:
 *   1. runs scheduled bottom halves;
 *   2. computes a timeout: 0 if nonblocking or a bottom half is pending,
 *      else the nearest realtime/host timer deadline and, while the VM
 *      runs, the nearest virtual timer deadline (host-time mode only: in
 *      deterministic mode virtual time does not pass while we sleep);
 *   3. polls every source of the default GMainContext (fd handlers set
 *      with qemu_set_fd_handler(), chardev watches, GLib sources others
 *      attached) and dispatches those that are ready;
 *   4. runs expired realtime, host and virtual timers, then bottom halves
 *      again.
 *
 * The CPU run loop (system/cpus.c) runs harts for a slice, then calls
 * main_loop_wait(true); when every hart sleeps in wfi it calls
 * main_loop_wait_timeout() with the time to the next virtual deadline.
 *
 * qemu_notify_event() (thread-safe) wakes a blocking wait.
 *
 * Differences from QEMU: no AioContext/iothreads; bottom halves live only
 * in the main loop; qemu_set_fd_handler() has no "is_external" argument.
 */
#ifndef SYSTEM_MAIN_LOOP_H
#define SYSTEM_MAIN_LOOP_H

#include "qapi/error.h"

typedef void IOHandler(void *opaque);
typedef void QEMUBHFunc(void *opaque);
typedef struct QEMUBH QEMUBH;

/**
 * qemu_init_main_loop: set up the main loop (idempotent; the other
 * functions call it on first use).
 * Returns: true on success.
 */
bool qemu_init_main_loop(Error **errp);

/**
 * qemu_main_loop_cleanup: remove every fd handler and free every bottom
 * half still allocated, so that nothing of the loop is left at exit.
 */
void qemu_main_loop_cleanup(void);

/**
 * main_loop_wait: one iteration of the main loop (see the header comment).
 * @nonblocking: poll without sleeping.
 * Returns: the number of fds that were ready (as QEMU).
 */
int main_loop_wait(bool nonblocking);

/**
 * main_loop_wait_timeout: as main_loop_wait(false), but sleep at most
 * @timeout_ns host nanoseconds (-1 = no limit beyond timer deadlines,
 * 0 = do not sleep).
 */
int main_loop_wait_timeout(int64_t timeout_ns);

/**
 * qemu_notify_event: wake the main loop from a blocking wait so that it
 * recomputes its timeout and looks at new work.  Thread-safe.
 */
void qemu_notify_event(void);

/**
 * qemu_set_fd_handler: call @fd_read when @fd is readable (or hung up /
 * in error) and @fd_write when it is writable, from the main loop.
 * Replaces any handlers already set for @fd; both NULL removes them.
 */
void qemu_set_fd_handler(int fd, IOHandler *fd_read, IOHandler *fd_write,
                         void *opaque);

/**
 * qemu_bh_new: a bottom half: @cb(@opaque) runs from the main loop after
 * qemu_bh_schedule(), once per scheduling.
 */
QEMUBH *qemu_bh_new(QEMUBHFunc *cb, void *opaque);

/**
 * qemu_bh_schedule: run @bh at the next main loop iteration (and wake a
 * blocking wait).  Scheduling an already scheduled bottom half does
 * nothing.  A bottom half that schedules itself runs again at the next
 * iteration, not in the same pass.
 */
void qemu_bh_schedule(QEMUBH *bh);

/** qemu_bh_cancel: unschedule @bh if it is scheduled. */
void qemu_bh_cancel(QEMUBH *bh);

/**
 * qemu_bh_delete: cancel and free @bh (safe from its own callback).
 * NULL is fine.
 */
void qemu_bh_delete(QEMUBH *bh);

/**
 * qemu_bh_poll: run every scheduled bottom half once.
 * Returns: true if any ran.
 */
bool qemu_bh_poll(void);

/**
 * qemu_bh_schedule_oneshot: run @cb(@opaque) once at the next iteration
 * (QEMU's aio_bh_schedule_oneshot on the main context).
 */
void qemu_bh_schedule_oneshot(QEMUBHFunc *cb, void *opaque);

#endif /* SYSTEM_MAIN_LOOP_H */

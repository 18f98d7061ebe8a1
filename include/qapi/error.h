/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * error.h: reporting errors through an Error ** out-parameter, as QEMU does.
 *
 * Rules (the same as QEMU's):
 * - a function that can fail takes Error **errp as its last parameter and
 *   returns bool (true on success) or a pointer (NULL on failure);
 * - on failure it sets *errp exactly once and does not also print anything;
 * - errp may be NULL (the caller ignores the error), &error_abort (a bug if
 *   it fails: print and abort) or &error_fatal (print and exit(1)).
 */
#ifndef QAPI_ERROR_H
#define QAPI_ERROR_H

#include "qomu/osdep.h"

typedef struct Error Error;

/* The class of an error, as QMP reports it. */
typedef enum ErrorClass {
    ERROR_CLASS_GENERIC_ERROR,
    ERROR_CLASS_COMMAND_NOT_FOUND,
    ERROR_CLASS_DEVICE_NOT_ACTIVE,
    ERROR_CLASS_DEVICE_NOT_FOUND,
} ErrorClass;

/* Pass &error_abort to abort on failure, &error_fatal to exit(1). */
extern Error *error_abort;
extern Error *error_fatal;

/**
 * error_setg: set *@errp to a new error with a printf-style message.
 * @errp: where to store it; may be NULL, &error_abort or &error_fatal.
 *
 * *@errp must be NULL on entry (an error is set at most once).
 */
#define error_setg(errp, fmt, ...) \
    error_setg_internal((errp), __FILE__, __LINE__, __func__, \
                        (fmt), ##__VA_ARGS__)
/** error_setg_errno: like error_setg, with ": strerror(@os_errno)" added. */
#define error_setg_errno(errp, os_errno, fmt, ...) \
    error_setg_errno_internal((errp), __FILE__, __LINE__, __func__, \
                              (os_errno), (fmt), ##__VA_ARGS__)
/** error_set: like error_setg with an explicit ErrorClass. */
#define error_set(errp, err_class, fmt, ...) \
    error_set_internal((errp), __FILE__, __LINE__, __func__, (err_class), \
                       (fmt), ##__VA_ARGS__)

void error_setg_internal(Error **errp, const char *src, int line,
                         const char *func, const char *fmt, ...)
    QOMU_PRINTF(5, 6);
void error_setg_errno_internal(Error **errp, const char *src, int line,
                               const char *func, int os_errno,
                               const char *fmt, ...) QOMU_PRINTF(6, 7);
void error_set_internal(Error **errp, const char *src, int line,
                        const char *func, ErrorClass err_class,
                        const char *fmt, ...) QOMU_PRINTF(6, 7);

/**
 * error_propagate: move @local_err into *@dst_errp.
 *
 * If @dst_errp is NULL, @local_err is freed; if *@dst_errp is already set,
 * @local_err is freed (the first error wins); &error_abort / &error_fatal
 * act on @local_err.  @local_err may be NULL (nothing happens).
 */
void error_propagate(Error **dst_errp, Error *local_err);

/**
 * error_propagate_prepend: error_propagate() with a printf-style prefix
 * put in front of @local_err's message first.
 */
void error_propagate_prepend(Error **dst_errp, Error *local_err,
                             const char *fmt, ...) QOMU_PRINTF(3, 4);

/** error_prepend: put a printf-style prefix in front of *@errp's message. */
void error_prepend(Error **errp, const char *fmt, ...) QOMU_PRINTF(2, 3);

/**
 * error_append_hint: add a hint line ("did you mean ...") to *@errp.
 * Hints are printed by error_report_err() after the message, each on its
 * own line; the one-line message stays as it is.
 */
void error_append_hint(Error *const *errp, const char *fmt, ...)
    QOMU_PRINTF(2, 3);

/** error_get_pretty: the human-readable message of @err. */
const char *error_get_pretty(const Error *err);
/** error_get_hint: the hint text of @err, or NULL. */
const char *error_get_hint(const Error *err);
/** error_get_class: the ErrorClass of @err. */
ErrorClass error_get_class(const Error *err);
/** error_copy: a new copy of @err. */
Error *error_copy(const Error *err);
/** error_free: free @err (NULL is fine). */
void error_free(Error *err);
/** error_free_or_abort: free *@errp and set it to NULL; abort if unset. */
void error_free_or_abort(Error **errp);
/** error_report_err: print @err (and its hint) with error_report(), free. */
void error_report_err(Error *err);
/** warn_report_err: like error_report_err, as a warning. */
void warn_report_err(Error *err);

/**
 * ERRP_GUARD: make errp safe to dereference in the calling function.
 *
 * After ERRP_GUARD(), *errp can be tested even when the caller passed NULL
 * or &error_fatal; the error reaches the caller's errp when the function
 * returns.
 */
typedef struct ErrorPropagator {
    Error *local_err;
    Error **errp;
} ErrorPropagator;

static inline void error_propagator_cleanup(ErrorPropagator *prop)
{
    error_propagate(prop->errp, prop->local_err);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(ErrorPropagator, error_propagator_cleanup)

#define ERRP_GUARD()                                                    \
    g_auto(ErrorPropagator) _auto_errp_prop = {.errp = errp};           \
    do {                                                                \
        if (!errp || errp == &error_fatal) {                            \
            errp = &_auto_errp_prop.local_err;                          \
        }                                                               \
    } while (0)

/* Reporting to the user (stderr, or the current monitor). */

/** error_report: print "qomu-system-riscv64: <message>" on stderr. */
void error_report(const char *fmt, ...) QOMU_PRINTF(1, 2);
/** warn_report: print "qomu-system-riscv64: warning: <message>". */
void warn_report(const char *fmt, ...) QOMU_PRINTF(1, 2);
/** info_report: print "qomu-system-riscv64: <message>" as information. */
void info_report(const char *fmt, ...) QOMU_PRINTF(1, 2);

/**
 * error_set_progname: the prefix error_report() puts before messages.
 * Defaults to g_get_prgname(), or "qomu" when that is unset.
 */
void error_set_progname(const char *name);

/**
 * error_vprintf_fn: where error_report() and friends write.  NULL means
 * stderr; the monitor sets it while it runs a command so that errors reach
 * the monitor's output.  Returns the previous function.
 */
typedef void (*ErrorPrintFunc)(void *opaque, const char *msg);
ErrorPrintFunc error_set_print_func(ErrorPrintFunc fn, void *opaque,
                                    void **old_opaque);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(Error, error_free)

#endif /* QAPI_ERROR_H */

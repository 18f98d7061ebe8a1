/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * error.c: Error objects and reporting to the user.
 */
#include "qomu/osdep.h"
#include "qapi/error.h"

struct Error {
    char *msg;
    ErrorClass err_class;
    const char *src, *func;
    int line;
    GString *hint;
};

Error *error_abort;
Error *error_fatal;

static char *progname;
static ErrorPrintFunc print_func;
static void *print_opaque;

void error_set_progname(const char *name)
{
    g_free(progname);
    progname = g_strdup(name);
}

ErrorPrintFunc error_set_print_func(ErrorPrintFunc fn, void *opaque,
                                    void **old_opaque)
{
    ErrorPrintFunc old = print_func;

    if (old_opaque) {
        *old_opaque = print_opaque;
    }
    print_func = fn;
    print_opaque = opaque;
    return old;
}

static const char *prefix(void)
{
    if (progname) {
        return progname;
    }
    return g_get_prgname() ? g_get_prgname() : "qomu";
}

static void report(const char *kind, const char *fmt, va_list ap)
{
    g_autofree char *msg = g_strdup_vprintf(fmt, ap);
    g_autofree char *line = NULL;

    if (print_func) {
        line = g_strdup_printf("%s%s\n", kind, msg);
        print_func(print_opaque, line);
        return;
    }
    fprintf(stderr, "%s: %s%s\n", prefix(), kind, msg);
}

void error_report(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    report("", fmt, ap);
    va_end(ap);
}

void warn_report(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    report("warning: ", fmt, ap);
    va_end(ap);
}

void info_report(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    report("", fmt, ap);
    va_end(ap);
}

static void print_hint(const Error *err)
{
    if (!err->hint) {
        return;
    }
    if (print_func) {
        print_func(print_opaque, err->hint->str);
    } else {
        fputs(err->hint->str, stderr);
    }
}

void error_report_err(Error *err)
{
    error_report("%s", err->msg);
    print_hint(err);
    error_free(err);
}

void warn_report_err(Error *err)
{
    warn_report("%s", err->msg);
    print_hint(err);
    error_free(err);
}

/* Act on an error stored into &error_abort or &error_fatal. */
static void error_handle(Error **errp, Error *err)
{
    if (errp == &error_abort) {
        fprintf(stderr, "Unexpected error in %s() at %s:%d:\n", err->func,
                err->src, err->line);
        error_report("%s", err->msg);
        abort();
    }
    if (errp == &error_fatal) {
        error_report_err(err);
        exit(1);
    }
    if (!errp) {
        error_free(err);
        return;
    }
    g_assert(*errp == NULL);
    *errp = err;
}

static void error_setv(Error **errp, const char *src, int line,
                       const char *func, ErrorClass err_class,
                       const char *fmt, va_list ap, const char *suffix)
{
    Error *err;

    if (!errp) {
        return;
    }
    g_assert(*errp == NULL);
    err = g_new0(Error, 1);
    err->msg = g_strdup_vprintf(fmt, ap);
    if (suffix) {
        char *m = g_strdup_printf("%s: %s", err->msg, suffix);
        g_free(err->msg);
        err->msg = m;
    }
    err->err_class = err_class;
    err->src = src;
    err->line = line;
    err->func = func;
    error_handle(errp, err);
}

void error_setg_internal(Error **errp, const char *src, int line,
                         const char *func, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    error_setv(errp, src, line, func, ERROR_CLASS_GENERIC_ERROR, fmt, ap,
               NULL);
    va_end(ap);
}

void error_set_internal(Error **errp, const char *src, int line,
                        const char *func, ErrorClass err_class,
                        const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    error_setv(errp, src, line, func, err_class, fmt, ap, NULL);
    va_end(ap);
}

void error_setg_errno_internal(Error **errp, const char *src, int line,
                               const char *func, int os_errno,
                               const char *fmt, ...)
{
    va_list ap;
    int saved = errno;

    va_start(ap, fmt);
    error_setv(errp, src, line, func, ERROR_CLASS_GENERIC_ERROR, fmt, ap,
               os_errno ? g_strerror(os_errno) : NULL);
    va_end(ap);
    errno = saved;
}

void error_propagate(Error **dst_errp, Error *local_err)
{
    if (!local_err) {
        return;
    }
    if (dst_errp == &error_abort || dst_errp == &error_fatal) {
        error_handle(dst_errp, local_err);
        return;
    }
    if (dst_errp && !*dst_errp) {
        *dst_errp = local_err;
        return;
    }
    error_free(local_err);
}

void error_prepend(Error **errp, const char *fmt, ...)
{
    va_list ap;
    g_autofree char *pre = NULL;
    char *m;

    if (!errp || !*errp) {
        return;
    }
    va_start(ap, fmt);
    pre = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    m = g_strconcat(pre, (*errp)->msg, NULL);
    g_free((*errp)->msg);
    (*errp)->msg = m;
}

void error_propagate_prepend(Error **dst_errp, Error *local_err,
                             const char *fmt, ...)
{
    va_list ap;

    if (!local_err) {
        return;
    }
    if (dst_errp && !*dst_errp) {
        g_autofree char *pre = NULL;
        char *m;

        va_start(ap, fmt);
        pre = g_strdup_vprintf(fmt, ap);
        va_end(ap);
        m = g_strconcat(pre, local_err->msg, NULL);
        g_free(local_err->msg);
        local_err->msg = m;
    }
    error_propagate(dst_errp, local_err);
}

void error_append_hint(Error *const *errp, const char *fmt, ...)
{
    va_list ap;
    Error *err;

    if (!errp || errp == &error_abort || errp == &error_fatal || !*errp) {
        return;
    }
    err = *errp;
    if (!err->hint) {
        err->hint = g_string_new(NULL);
    }
    va_start(ap, fmt);
    g_string_append_vprintf(err->hint, fmt, ap);
    va_end(ap);
}

const char *error_get_pretty(const Error *err)
{
    return err->msg;
}

const char *error_get_hint(const Error *err)
{
    return err->hint ? err->hint->str : NULL;
}

ErrorClass error_get_class(const Error *err)
{
    return err->err_class;
}

Error *error_copy(const Error *err)
{
    Error *c = g_new0(Error, 1);

    *c = *err;
    c->msg = g_strdup(err->msg);
    c->hint = err->hint ? g_string_new(err->hint->str) : NULL;
    return c;
}

void error_free(Error *err)
{
    if (!err) {
        return;
    }
    g_free(err->msg);
    if (err->hint) {
        g_string_free(err->hint, TRUE);
    }
    g_free(err);
}

void error_free_or_abort(Error **errp)
{
    g_assert(errp && *errp);
    error_free(*errp);
    *errp = NULL;
}

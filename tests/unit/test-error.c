/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Unit tests for Error: set once, propagate, prepend, hints, ERRP_GUARD. */
#include "qomu/osdep.h"
#include "qapi/error.h"

static void test_setg(void)
{
    Error *err = NULL;

    error_setg(&err, "value %d is bad", 7);
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==, "value 7 is bad");
    g_assert_cmpint(error_get_class(err), ==, ERROR_CLASS_GENERIC_ERROR);
    error_free(err);
    error_setg(NULL, "ignored");
}

static void test_errno(void)
{
    Error *err = NULL;

    error_setg_errno(&err, ENOENT, "cannot open '%s'", "x.bin");
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "cannot open 'x.bin': No such file or directory");
    error_free(err);
}

static void test_propagate(void)
{
    Error *local = NULL, *dst = NULL, *second = NULL;

    error_setg(&local, "first");
    error_propagate(&dst, local);
    g_assert_cmpstr(error_get_pretty(dst), ==, "first");
    /* The first error wins; the second is freed (LeakSanitizer checks). */
    error_setg(&second, "second");
    error_propagate(&dst, second);
    g_assert_cmpstr(error_get_pretty(dst), ==, "first");
    error_free(dst);
    error_propagate(NULL, NULL);
}

static void test_prepend_hint(void)
{
    Error *err = NULL;

    error_setg(&err, "property 'x' not found");
    error_prepend(&err, "-device foo,x=1: ");
    error_append_hint(&err, "did you mean 'y'?\n");
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "-device foo,x=1: property 'x' not found");
    g_assert_cmpstr(error_get_hint(err), ==, "did you mean 'y'?\n");
    error_free(err);
}

static bool fails(Error **errp)
{
    ERRP_GUARD();

    error_setg(errp, "inner");
    /* Only safe to dereference because of ERRP_GUARD. */
    return *errp == NULL;
}

static void test_errp_guard(void)
{
    Error *err = NULL;

    g_assert_false(fails(NULL));
    g_assert_false(fails(&err));
    g_assert_cmpstr(error_get_pretty(err), ==, "inner");
    error_free_or_abort(&err);
    g_assert_null(err);
}

static void test_fatal_exits(void)
{
    if (g_test_subprocess()) {
        error_set_progname("qomu-test");
        error_setg(&error_fatal, "bad -m value '%s'", "x");
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("qomu-test: bad -m value 'x'\n");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/error/setg", test_setg);
    g_test_add_func("/error/errno", test_errno);
    g_test_add_func("/error/propagate", test_propagate);
    g_test_add_func("/error/prepend-hint", test_prepend_hint);
    g_test_add_func("/error/errp-guard", test_errp_guard);
    g_test_add_func("/error/fatal-exits", test_fatal_exits);
    return g_test_run();
}

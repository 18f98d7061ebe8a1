/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit tests for the string input and output visitors and the visitor
 * core's range checks and enums.
 */
#include "qomu/osdep.h"
#include "qapi/string-input-visitor.h"
#include "qapi/string-output-visitor.h"
#include "qapi/qapi-builtin-visit.h"
#include "qapi/qapi-visit-common.h"
#include "qobject/qnull.h"

/* Input: visit with a fresh string input visitor. */
#define WITH_INPUT(str, v)                                                     \
    for (Visitor *v = string_input_visitor_new(str); v; visit_free(v), v = NULL)

/* Assert that *errp holds @msg, and free it. */
static void check_error(Error **errp, const char *msg)
{
    g_assert_nonnull(*errp);
    g_assert_cmpstr(error_get_pretty(*errp), ==, msg);
    error_free(*errp);
    *errp = NULL;
}

static void test_in_int(void)
{
    static const struct {
        const char *str;
        int64_t value;
    } ok[] = {
        {"0", 0},
        {"42", 42},
        {"-42", -42},
        {"0x2a", 42},
        {"052", 42},
        {"+7", 7},
        {"9223372036854775807", INT64_MAX},
        {"-9223372036854775808", INT64_MIN},
    };
    Error *err = NULL;
    int64_t i;
    size_t n;

    for (n = 0; n < ARRAY_SIZE(ok); n++) {
        WITH_INPUT(ok[n].str, v)
        {
            g_assert_true(visit_type_int(v, "x", &i, &error_abort));
            g_assert_cmpint(i, ==, ok[n].value);
        }
    }
    WITH_INPUT("fast", v)
    {
        g_assert_false(visit_type_int(v, "baudbase", &i, &err));
        check_error(&err, "Parameter 'baudbase' expects an integer, "
                          "got 'fast'");
    }
    WITH_INPUT("", v)
    {
        g_assert_false(visit_type_int(v, "x", &i, &err));
        check_error(&err, "Parameter 'x' expects an integer, got ''");
    }
    WITH_INPUT("12 ", v)
    {
        g_assert_false(visit_type_int(v, "x", &i, &err));
        check_error(&err, "Parameter 'x' expects an integer, got '12 '");
    }
    WITH_INPUT("9223372036854775808", v)
    {
        g_assert_false(visit_type_int64(v, "x", &i, &err));
        check_error(&err, "Parameter 'x' expects int64_t "
                          "(-9223372036854775808 to 9223372036854775807), "
                          "got '9223372036854775808'");
    }
    /* A NULL name reads as 'null', as QEMU. */
    WITH_INPUT("z", v)
    {
        g_assert_false(visit_type_int(v, NULL, &i, &err));
        check_error(&err, "Parameter 'null' expects an integer, got 'z'");
    }
}

static void test_in_uint(void)
{
    Error *err = NULL;
    uint64_t u;

    WITH_INPUT("18446744073709551615", v)
    {
        g_assert_true(visit_type_uint64(v, "x", &u, &error_abort));
        g_assert_cmpuint(u, ==, UINT64_MAX);
    }
    WITH_INPUT("0xffffffffffffffff", v)
    {
        g_assert_true(visit_type_uint64(v, "x", &u, &error_abort));
        g_assert_cmpuint(u, ==, UINT64_MAX);
    }
    WITH_INPUT("18446744073709551616", v)
    {
        g_assert_false(visit_type_uint64(v, "x", &u, &err));
        check_error(&err, "Parameter 'x' expects uint64_t "
                          "(0 to 18446744073709551615), got "
                          "'18446744073709551616'");
    }
    WITH_INPUT("1.5", v)
    {
        g_assert_false(visit_type_uint64(v, "x", &u, &err));
        check_error(&err, "Parameter 'x' expects an integer, got '1.5'");
    }
}

static void test_in_ranges(void)
{
    Error *err = NULL;
    uint8_t u8 = 0;
    uint16_t u16 = 0;
    uint32_t u32 = 0;
    int8_t i8 = 0;
    int16_t i16 = 0;
    int32_t i32 = 0;

    WITH_INPUT("255", v)
    {
        g_assert_true(visit_type_uint8(v, "x", &u8, &error_abort));
        g_assert_cmpuint(u8, ==, 255);
    }
    WITH_INPUT("256", v)
    {
        u8 = 7;
        g_assert_false(visit_type_uint8(v, "irq", &u8, &err));
        check_error(&err, "Parameter 'irq' expects uint8_t (0 to 255), "
                          "got 256");
        g_assert_cmpuint(u8, ==, 7);
    }
    WITH_INPUT("65536", v)
    {
        g_assert_false(visit_type_uint16(v, "x", &u16, &err));
        check_error(&err, "Parameter 'x' expects uint16_t (0 to 65535), "
                          "got 65536");
    }
    WITH_INPUT("0xffffffff", v)
    {
        g_assert_true(visit_type_uint32(v, "x", &u32, &error_abort));
        g_assert_cmpuint(u32, ==, UINT32_MAX);
    }
    WITH_INPUT("4294967296", v)
    {
        g_assert_false(visit_type_uint32(v, "x", &u32, &err));
        check_error(&err, "Parameter 'x' expects uint32_t (0 to 4294967295), "
                          "got 4294967296");
    }
    WITH_INPUT("-128", v)
    {
        g_assert_true(visit_type_int8(v, "x", &i8, &error_abort));
        g_assert_cmpint(i8, ==, -128);
    }
    WITH_INPUT("-129", v)
    {
        g_assert_false(visit_type_int8(v, "x", &i8, &err));
        check_error(&err, "Parameter 'x' expects int8_t (-128 to 127), "
                          "got -129");
    }
    WITH_INPUT("128", v)
    {
        g_assert_false(visit_type_int8(v, "x", &i8, &err));
        check_error(&err, "Parameter 'x' expects int8_t (-128 to 127), "
                          "got 128");
    }
    WITH_INPUT("-32769", v)
    {
        g_assert_false(visit_type_int16(v, "x", &i16, &err));
        check_error(&err, "Parameter 'x' expects int16_t (-32768 to 32767), "
                          "got -32769");
    }
    WITH_INPUT("2147483648", v)
    {
        g_assert_false(visit_type_int32(v, "x", &i32, &err));
        check_error(&err, "Parameter 'x' expects int32_t "
                          "(-2147483648 to 2147483647), got 2147483648");
    }
    WITH_INPUT("-0x80000000", v)
    {
        g_assert_true(visit_type_int32(v, "x", &i32, &error_abort));
        g_assert_cmpint(i32, ==, INT32_MIN);
    }
}

static void test_in_size(void)
{
    static const struct {
        const char *str;
        uint64_t value;
    } ok[] = {
        {"0", 0},           {"4096", 4096},     {"64K", 65536},
        {"64k", 65536},     {"2M", 2 << 20},    {"1.5G", 3ULL << 29},
        {"1T", 1ULL << 40}, {"0x1000", 0x1000}, {"1E", 1ULL << 60},
    };
    Error *err = NULL;
    uint64_t sz;
    size_t n;

    for (n = 0; n < ARRAY_SIZE(ok); n++) {
        WITH_INPUT(ok[n].str, v)
        {
            g_assert_true(visit_type_size(v, "size", &sz, &error_abort));
            g_assert_cmpuint(sz, ==, ok[n].value);
        }
    }
    WITH_INPUT("16E", v)
    {
        g_assert_false(visit_type_size(v, "size", &sz, &err));
        check_error(&err, "Parameter 'size' expects a size below 16 EiB, "
                          "got '16E'");
    }
    WITH_INPUT("-1", v)
    {
        g_assert_false(visit_type_size(v, "size", &sz, &err));
        check_error(&err, "Parameter 'size' expects a size (like 4096, 64K, "
                          "1.5G or 0x1000), got '-1'");
    }
    WITH_INPUT("12Q", v)
    {
        g_assert_false(visit_type_size(v, "size", &sz, &err));
        check_error(&err, "Parameter 'size' expects a size (like 4096, 64K, "
                          "1.5G or 0x1000), got '12Q'");
    }
}

static void test_in_bool(void)
{
    static const char *const yes[] = {"on", "yes", "true", "y"};
    static const char *const no[] = {"off", "no", "false", "n"};
    Error *err = NULL;
    bool b;
    size_t n;

    for (n = 0; n < ARRAY_SIZE(yes); n++) {
        WITH_INPUT(yes[n], v)
        {
            b = false;
            g_assert_true(visit_type_bool(v, "b", &b, &error_abort));
            g_assert_true(b);
        }
        WITH_INPUT(no[n], v)
        {
            b = true;
            g_assert_true(visit_type_bool(v, "b", &b, &error_abort));
            g_assert_false(b);
        }
    }
    WITH_INPUT("maybe", v)
    {
        g_assert_false(visit_type_bool(v, "ioeventfd", &b, &err));
        check_error(&err, "Parameter 'ioeventfd' expects 'on' or 'off', "
                          "got 'maybe'");
    }
    WITH_INPUT("1", v)
    {
        g_assert_false(visit_type_bool(v, "b", &b, &err));
        check_error(&err, "Parameter 'b' expects 'on' or 'off', got '1'");
    }
}

static void test_in_str_number_null(void)
{
    Error *err = NULL;
    char *s = NULL;
    double d;
    QNull *null = NULL;

    WITH_INPUT("a,b c", v)
    {
        g_assert_true(visit_type_str(v, "s", &s, &error_abort));
        g_assert_cmpstr(s, ==, "a,b c");
        g_free(s);
    }
    WITH_INPUT("", v)
    {
        g_assert_true(visit_type_str(v, "s", &s, &error_abort));
        g_assert_cmpstr(s, ==, "");
        g_free(s);
    }
    WITH_INPUT("3.25", v)
    {
        g_assert_true(visit_type_number(v, "d", &d, &error_abort));
        g_assert_cmpfloat(d, ==, 3.25);
    }
    WITH_INPUT("-1e3", v)
    {
        g_assert_true(visit_type_number(v, "d", &d, &error_abort));
        g_assert_cmpfloat(d, ==, -1000);
    }
    WITH_INPUT("inf", v)
    {
        g_assert_false(visit_type_number(v, "d", &d, &err));
        check_error(&err, "Parameter 'd' expects a number, got 'inf'");
    }
    WITH_INPUT("", v)
    {
        g_assert_true(visit_type_null(v, "n", &null, &error_abort));
        g_assert_true(null == &qnull_);
        qobject_unref(null);
    }
    WITH_INPUT("x", v)
    {
        g_assert_false(visit_type_null(v, "n", &null, &err));
        g_assert_null(null);
        check_error(&err, "Parameter 'n' expects null (an empty value), "
                          "got 'x'");
    }
}

static void test_in_enum(void)
{
    Error *err = NULL;
    OnOffAuto mode = ON_OFF_AUTO_AUTO;

    WITH_INPUT("off", v)
    {
        g_assert_true(visit_type_OnOffAuto(v, "mode", &mode, &error_abort));
        g_assert_cmpint(mode, ==, ON_OFF_AUTO_OFF);
    }
    WITH_INPUT("auto", v)
    {
        g_assert_true(visit_type_OnOffAuto(v, "mode", &mode, &error_abort));
        g_assert_cmpint(mode, ==, ON_OFF_AUTO_AUTO);
    }
    WITH_INPUT("yes", v)
    {
        g_assert_false(visit_type_OnOffAuto(v, "mode", &mode, &err));
        check_error(&err, "Parameter 'mode' does not accept value 'yes', "
                          "expected one of: auto, on, off");
        g_assert_cmpint(mode, ==, ON_OFF_AUTO_AUTO);
    }
}

static void test_in_unsupported(void)
{
    Error *err = NULL;
    QObject *any = NULL;
    void *obj = NULL;

    WITH_INPUT("1", v)
    {
        g_assert_false(visit_start_struct(v, "s", &obj, 8, &err));
        g_assert_null(obj);
        check_error(&err, "Parameter 's' is a structure and cannot be given "
                          "as a plain string");
        g_assert_false(visit_type_any(v, "a", &any, &err));
        g_assert_null(any);
        check_error(&err, "Parameter 'a' cannot be given as arbitrary data "
                          "here");
    }
}

static void test_in_int_list(void)
{
    static const struct {
        const char *str;
        const int64_t expect[8];
        size_t n;
    } cases[] = {
        {"1", {1}, 1},
        {"1-3,5", {1, 2, 3, 5}, 4},
        {"0x10,-2--1,7-7", {16, -2, -1, 7}, 4},
        {"3,1,2", {3, 1, 2}, 3},
        {"", {0}, 0},
    };
    size_t n, k;

    for (n = 0; n < ARRAY_SIZE(cases); n++) {
        WITH_INPUT(cases[n].str, v)
        {
            intList *list = NULL, *e;

            g_assert_true(visit_type_intList(v, "l", &list, &error_abort));
            for (e = list, k = 0; e; e = e->next, k++) {
                g_assert_cmpuint(k, <, cases[n].n);
                g_assert_cmpint(e->value, ==, cases[n].expect[k]);
            }
            g_assert_cmpuint(k, ==, cases[n].n);
            qapi_free_intList(list);
        }
    }
}

static void test_in_list_errors(void)
{
    Error *err = NULL;
    intList *list = NULL;
    uint8List *l8 = NULL;
    uint64List *l64 = NULL;

    WITH_INPUT("1,x", v)
    {
        g_assert_false(visit_type_intList(v, "cpus", &list, &err));
        g_assert_null(list);
        check_error(&err, "Parameter 'cpus' expects a list of integers or "
                          "ranges like 1-3,5, got '1,x'");
    }
    WITH_INPUT("3-1", v)
    {
        g_assert_false(visit_type_intList(v, "cpus", &list, &err));
        check_error(&err, "Parameter 'cpus' expects a list of integers or "
                          "ranges like 1-3,5, got '3-1'");
    }
    WITH_INPUT("0-65536", v)
    {
        g_assert_false(visit_type_intList(v, "cpus", &list, &err));
        check_error(&err, "Parameter 'cpus' expects a list of integers or "
                          "ranges like 1-3,5, got '0-65536'");
    }
    WITH_INPUT("0-65535", v)
    {
        g_assert_true(visit_type_intList(v, "cpus", &list, &error_abort));
        g_assert_cmpuint(QAPI_LIST_LENGTH(list), ==, 65536);
        qapi_free_intList(list);
    }
    /* An element out of the element type's range names the list. */
    WITH_INPUT("254-256", v)
    {
        g_assert_false(visit_type_uint8List(v, "irqs", &l8, &err));
        g_assert_null(l8);
        check_error(&err, "Parameter 'irqs' expects uint8_t (0 to 255), "
                          "got 256");
    }
    WITH_INPUT("18446744073709551614-18446744073709551615", v)
    {
        g_assert_true(visit_type_uint64List(v, "u", &l64, &error_abort));
        g_assert_cmpuint(l64->value, ==, UINT64_MAX - 1);
        g_assert_cmpuint(l64->next->value, ==, UINT64_MAX);
        g_assert_null(l64->next->next);
        qapi_free_uint64List(l64);
    }
}

/* A caller that wants fewer elements than given gets an error. */
static void test_in_list_too_long(void)
{
    Error *err = NULL;
    int64_t value;

    WITH_INPUT("1,2", v)
    {
        g_assert_true(visit_start_list(v, "l", NULL, 0, &error_abort));
        g_assert_true(visit_type_int(v, NULL, &value, &error_abort));
        g_assert_cmpint(value, ==, 1);
        g_assert_false(visit_check_list(v, &err));
        check_error(&err, "Parameter 'l' has more list elements than "
                          "expected");
        visit_end_list(v, NULL);
    }
    WITH_INPUT("1", v)
    {
        g_assert_true(visit_start_list(v, "l", NULL, 0, &error_abort));
        g_assert_true(visit_type_int(v, NULL, &value, &error_abort));
        g_assert_false(visit_type_int(v, NULL, &value, &err));
        check_error(&err, "Parameter 'l' has fewer list elements than "
                          "expected");
        visit_end_list(v, NULL);
    }
}

static void test_in_other_lists(void)
{
    strList *sl = NULL;
    boolList *bl = NULL;
    sizeList *zl = NULL;
    Error *err = NULL;

    WITH_INPUT("a,,b", v)
    {
        g_assert_true(visit_type_strList(v, "s", &sl, &error_abort));
        g_assert_cmpuint(QAPI_LIST_LENGTH(sl), ==, 3);
        g_assert_cmpstr(sl->value, ==, "a");
        g_assert_cmpstr(sl->next->value, ==, "");
        g_assert_cmpstr(sl->next->next->value, ==, "b");
        qapi_free_strList(sl);
    }
    WITH_INPUT("on,off,yes", v)
    {
        g_assert_true(visit_type_boolList(v, "b", &bl, &error_abort));
        g_assert_true(bl->value);
        g_assert_false(bl->next->value);
        g_assert_true(bl->next->next->value);
        qapi_free_boolList(bl);
    }
    WITH_INPUT("4K,1M", v)
    {
        g_assert_true(visit_type_sizeList(v, "z", &zl, &error_abort));
        g_assert_cmpuint(zl->value, ==, 4096);
        g_assert_cmpuint(zl->next->value, ==, 1 << 20);
        qapi_free_sizeList(zl);
    }
    WITH_INPUT("on,maybe", v)
    {
        g_assert_false(visit_type_boolList(v, "b", &bl, &err));
        g_assert_null(bl);
        check_error(&err, "Parameter 'b' expects 'on' or 'off', "
                          "got 'maybe'");
    }
}

/* Output: print with a fresh string output visitor and return the text. */
typedef bool (*PrintFn)(Visitor *v, void *opaque);

static char *print(bool human, PrintFn fn, void *opaque)
{
    char *result = NULL;
    Visitor *v = string_output_visitor_new(human, &result);

    g_assert_true(fn(v, opaque));
    visit_complete(v, &result);
    visit_free(v);
    return result;
}

static bool print_int(Visitor *v, void *opaque)
{
    return visit_type_int(v, "x", opaque, &error_abort);
}

static bool print_uint64(Visitor *v, void *opaque)
{
    return visit_type_uint64(v, "x", opaque, &error_abort);
}

static bool print_uint8(Visitor *v, void *opaque)
{
    return visit_type_uint8(v, "x", opaque, &error_abort);
}

static bool print_size(Visitor *v, void *opaque)
{
    return visit_type_size(v, "x", opaque, &error_abort);
}

static bool print_bool(Visitor *v, void *opaque)
{
    return visit_type_bool(v, "x", opaque, &error_abort);
}

static bool print_str(Visitor *v, void *opaque)
{
    return visit_type_str(v, "x", opaque, &error_abort);
}

static bool print_number(Visitor *v, void *opaque)
{
    return visit_type_number(v, "x", opaque, &error_abort);
}

static bool print_null(Visitor *v, void *opaque)
{
    return visit_type_null(v, "x", opaque, &error_abort);
}

static bool print_enum(Visitor *v, void *opaque)
{
    return visit_type_OnOffAuto(v, "x", opaque, &error_abort);
}

static bool print_int_list(Visitor *v, void *opaque)
{
    return visit_type_intList(v, "x", opaque, &error_abort);
}

static bool print_str_list(Visitor *v, void *opaque)
{
    return visit_type_strList(v, "x", opaque, &error_abort);
}

static void check_print(PrintFn fn, void *opaque, const char *plain,
                        const char *human)
{
    g_autofree char *p = print(false, fn, opaque);
    g_autofree char *h = print(true, fn, opaque);

    g_assert_cmpstr(p, ==, plain);
    g_assert_cmpstr(h, ==, human);
}

static void test_out_scalars(void)
{
    int64_t i;
    uint64_t u;
    uint8_t u8 = 200;
    bool b;
    char *s;
    double d;
    QNull *null = &qnull_;
    OnOffAuto mode = ON_OFF_AUTO_ON;

    i = 42;
    check_print(print_int, &i, "42", "42 (0x2a)");
    i = -1;
    check_print(print_int, &i, "-1", "-1 (0xffffffffffffffff)");
    u = UINT64_MAX;
    check_print(print_uint64, &u, "18446744073709551615",
                "18446744073709551615 (0xffffffffffffffff)");
    check_print(print_uint8, &u8, "200", "200 (0xc8)");
    u = 65536;
    check_print(print_size, &u, "65536", "65536 (64 KiB)");
    u = 0;
    check_print(print_size, &u, "0", "0 (0 B)");
    u = 3ULL << 29;
    check_print(print_size, &u, "1610612736", "1610612736 (1.5 GiB)");
    b = true;
    check_print(print_bool, &b, "true", "true");
    b = false;
    check_print(print_bool, &b, "false", "false");
    s = (char *)"serial0";
    check_print(print_str, &s, "serial0", "\"serial0\"");
    s = NULL;
    check_print(print_str, &s, "", "<null>");
    d = 0.1;
    check_print(print_number, &d, "0.1", "0.1");
    d = -2.5e100;
    check_print(print_number, &d, "-2.5e+100", "-2.5e+100");
    d = 1.0 / 3;
    check_print(print_number, &d, "0.3333333333333333", "0.3333333333333333");
    check_print(print_null, &null, "", "<null>");
    check_print(print_enum, &mode, "on", "\"on\"");
}

static void test_out_lists(void)
{
    g_autoptr(intList) ints = NULL;
    g_autoptr(strList) strs = NULL;
    intList **itail = &ints;
    strList **stail = &strs;
    static const int64_t values[] = {1, 2, 3, 5, 7, 8, -3, -2};
    size_t n;

    check_print(print_int_list, &ints, "", "");
    for (n = 0; n < ARRAY_SIZE(values); n++) {
        QAPI_LIST_APPEND(itail, values[n]);
    }
    check_print(print_int_list, &ints, "1-3,5,7-8,-3--2",
                "1-3,5,7-8,-3--2 (0x1-0x3,0x5,0x7-0x8,"
                "0xfffffffffffffffd-0xfffffffffffffffe)");
    QAPI_LIST_APPEND(stail, g_strdup("a"));
    QAPI_LIST_APPEND(stail, g_strdup("b"));
    check_print(print_str_list, &strs, "a,b", "\"a\",\"b\"");
}

/* Parsing the plain output gives the value back. */
static void test_round_trip(void)
{
    static const int64_t values[] = {0, 1, -1, INT64_MAX, INT64_MIN, 4096};
    size_t n;

    for (n = 0; n < ARRAY_SIZE(values); n++) {
        int64_t in = values[n], out = 0;
        g_autofree char *text = print(false, print_int, &in);

        WITH_INPUT(text, v)
        {
            g_assert_true(visit_type_int(v, "x", &out, &error_abort));
        }
        g_assert_cmpint(in, ==, out);
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/visitor/string-in/int", test_in_int);
    g_test_add_func("/visitor/string-in/uint", test_in_uint);
    g_test_add_func("/visitor/string-in/ranges", test_in_ranges);
    g_test_add_func("/visitor/string-in/size", test_in_size);
    g_test_add_func("/visitor/string-in/bool", test_in_bool);
    g_test_add_func("/visitor/string-in/str-number-null",
                    test_in_str_number_null);
    g_test_add_func("/visitor/string-in/enum", test_in_enum);
    g_test_add_func("/visitor/string-in/unsupported", test_in_unsupported);
    g_test_add_func("/visitor/string-in/int-list", test_in_int_list);
    g_test_add_func("/visitor/string-in/list-errors", test_in_list_errors);
    g_test_add_func("/visitor/string-in/list-too-long", test_in_list_too_long);
    g_test_add_func("/visitor/string-in/other-lists", test_in_other_lists);
    g_test_add_func("/visitor/string-out/scalars", test_out_scalars);
    g_test_add_func("/visitor/string-out/lists", test_out_lists);
    g_test_add_func("/visitor/string/round-trip", test_round_trip);
    return g_test_run();
}

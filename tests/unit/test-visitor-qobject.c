/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit tests for the QObject input visitor (typed and keyval), the
 * QObject output visitor and the dealloc visitor.
 */
#include "qomu/osdep.h"
#include "qapi/qobject-input-visitor.h"
#include "qapi/qobject-output-visitor.h"
#include "qapi/keyval.h"
#include "qapi/clone-visitor.h"
#include "qobject/qdict.h"
#include "qobject/qjson.h"
#include "qobject/qlist.h"
#include "qobject/qnull.h"
#include "qobject/qnum.h"
#include "qobject/qstring.h"
#include "test-visitor-types.h"

static void check_error(Error **errp, const char *msg)
{
    g_assert_nonnull(*errp);
    g_assert_cmpstr(error_get_pretty(*errp), ==, msg);
    error_free(*errp);
    *errp = NULL;
}

#define FULL_JSON                                                              \
    "{\"i\": -5, \"u\": 18446744073709551615, \"b\": true, "                   \
    "\"str\": \"h\\u00e9llo\", \"num\": 2.5, \"size\": 4096, "                 \
    "\"mode\": \"off\", \"u8\": 255, \"opt\": 7, "                             \
    "\"inner\": {\"n\": 3, \"s\": \"in\"}, \"ints\": [1, 2, 3], "              \
    "\"strs\": [\"a\", \"b\"], \"any\": {\"x\": [null]}}"

/* Read a TestStruct from JSON with the typed visitor. */
static TestStruct *read_json(const char *json, Error **errp)
{
    QObject *obj = qobject_from_json(json, &error_abort);
    Visitor *v = qobject_input_visitor_new(obj);
    TestStruct *ts = NULL;

    qobject_unref(obj);
    visit_type_TestStruct(v, NULL, &ts, errp);
    visit_free(v);
    return ts;
}

/* Write @ts with the output visitor and return it as compact JSON. */
static char *write_json(TestStruct *ts)
{
    QObject *obj = NULL;
    Visitor *v = qobject_output_visitor_new(&obj);
    GString *json;

    g_assert_true(visit_type_TestStruct(v, NULL, &ts, &error_abort));
    visit_complete(v, &obj);
    visit_free(v);
    json = qobject_to_json(obj);
    qobject_unref(obj);
    return g_string_free(json, false);
}

static void test_input_struct(void)
{
    g_autoptr(TestStruct) ts = read_json(FULL_JSON, &error_abort);
    g_autofree char *any_json = NULL;

    g_assert_cmpint(ts->i, ==, -5);
    g_assert_cmpuint(ts->u, ==, UINT64_MAX);
    g_assert_true(ts->b);
    g_assert_cmpstr(ts->str, ==, "h\xc3\xa9llo");
    g_assert_cmpfloat(ts->num, ==, 2.5);
    g_assert_cmpuint(ts->size, ==, 4096);
    g_assert_cmpint(ts->mode, ==, ON_OFF_AUTO_OFF);
    g_assert_cmpuint(ts->u8, ==, 255);
    g_assert_true(ts->has_opt);
    g_assert_cmpint(ts->opt, ==, 7);
    g_assert_nonnull(ts->inner);
    g_assert_cmpint(ts->inner->n, ==, 3);
    g_assert_cmpstr(ts->inner->s, ==, "in");
    g_assert_cmpuint(QAPI_LIST_LENGTH(ts->ints), ==, 3);
    g_assert_cmpint(ts->ints->next->next->value, ==, 3);
    g_assert_cmpuint(QAPI_LIST_LENGTH(ts->strs), ==, 2);
    g_assert_cmpstr(ts->strs->next->value, ==, "b");
    any_json = g_string_free(qobject_to_json(ts->any), false);
    g_assert_cmpstr(any_json, ==, "{\"x\": [null]}");
}

static void test_input_optional_absent(void)
{
    g_autoptr(TestStruct) ts = read_json(
        "{\"i\": 1, \"u\": 2, \"b\": false, \"str\": \"\", \"num\": 0, "
        "\"size\": 0, \"mode\": \"auto\", \"u8\": 0, \"ints\": [], "
        "\"strs\": []}",
        &error_abort);

    g_assert_false(ts->has_opt);
    g_assert_null(ts->inner);
    g_assert_null(ts->ints);
    g_assert_null(ts->strs);
    g_assert_null(ts->any);
    /* A double with an integral value is still a number. */
    g_assert_cmpfloat(ts->num, ==, 0);
}

#define BASE                                                                   \
    "\"u\": 2, \"b\": false, \"str\": \"\", \"num\": 1, "                      \
    "\"size\": 0, \"mode\": \"auto\", \"ints\": [], \"strs\": []"

static void test_input_errors(void)
{
    static const struct {
        const char *json;
        const char *msg;
    } cases[] = {
        {"{" BASE ", \"u8\": 0}", "Parameter 'i' is missing"},
        {"{\"i\": \"1\", " BASE ", \"u8\": 0}",
         "Invalid parameter type for 'i', expected: integer"},
        {"{\"i\": 1.5, " BASE ", \"u8\": 0}",
         "Invalid parameter type for 'i', expected: integer"},
        {"{\"i\": 18446744073709551615, " BASE ", \"u8\": 0}",
         "Invalid parameter type for 'i', expected: integer"},
        {"{\"i\": 1, " BASE ", \"u8\": 256}",
         "Parameter 'u8' expects uint8_t (0 to 255), got 256"},
        {"{\"i\": 1, " BASE ", \"u8\": 0, \"extra\": 1, \"more\": 2}",
         "Parameter 'extra' is unexpected"},
        {"{\"i\": 1, \"u\": 2, \"b\": \"yes\", \"str\": \"\", \"num\": 1, "
         "\"size\": 0, \"mode\": \"auto\", \"u8\": 0, \"ints\": [], "
         "\"strs\": []}",
         "Invalid parameter type for 'b', expected: boolean"},
        {"{\"i\": 1, \"u\": 2, \"b\": false, \"str\": \"\", \"num\": 1, "
         "\"size\": 0, \"mode\": \"maybe\", \"u8\": 0, \"ints\": [], "
         "\"strs\": []}",
         "Parameter 'mode' does not accept value 'maybe', expected one of: "
         "auto, on, off"},
        {"{\"i\": 1, \"u\": 2, \"b\": false, \"str\": \"\", \"num\": 1, "
         "\"size\": 0, \"mode\": \"auto\", \"u8\": 0, \"ints\": [1, \"2\"], "
         "\"strs\": []}",
         "Invalid parameter type for 'ints[1]', expected: integer"},
        {"{\"i\": 1, \"u\": 2, \"b\": false, \"str\": \"\", \"num\": 1, "
         "\"size\": 0, \"mode\": \"auto\", \"u8\": 0, \"ints\": {}, "
         "\"strs\": []}",
         "Invalid parameter type for 'ints', expected: array"},
        {"{\"i\": 1, " BASE ", \"u8\": 0, \"inner\": {\"n\": 1}}",
         "Parameter 'inner.s' is missing"},
        {"{\"i\": 1, " BASE ", \"u8\": 0, \"inner\": [1]}",
         "Invalid parameter type for 'inner', expected: object"},
        {"{\"i\": 1, " BASE ", \"u8\": 0, "
         "\"inner\": {\"n\": 1, \"s\": \"\", \"t\": 0}}",
         "Parameter 'inner.t' is unexpected"},
        {"{\"i\": 1, \"u\": 2, \"b\": false, \"str\": null, \"num\": 1, "
         "\"size\": 0, \"mode\": \"auto\", \"u8\": 0, \"ints\": [], "
         "\"strs\": []}",
         "Invalid parameter type for 'str', expected: string"},
        {"{\"i\": 1, \"u\": 2, \"b\": false, \"str\": \"\", \"num\": \"1\", "
         "\"size\": 0, \"mode\": \"auto\", \"u8\": 0, \"ints\": [], "
         "\"strs\": []}",
         "Invalid parameter type for 'num', expected: number"},
        {"{\"i\": 1, \"u\": 2.5, \"b\": false, \"str\": \"\", \"num\": 1, "
         "\"size\": 0, \"mode\": \"auto\", \"u8\": 0, \"ints\": [], "
         "\"strs\": []}",
         "Invalid parameter type for 'u', expected: uint64"},
    };
    size_t n;

    for (n = 0; n < ARRAY_SIZE(cases); n++) {
        Error *err = NULL;
        TestStruct *ts = read_json(cases[n].json, &err);

        /* On failure the half-built value was freed (LeakSanitizer). */
        g_assert_null(ts);
        check_error(&err, cases[n].msg);
    }
}

static void test_input_scalars_top(void)
{
    Error *err = NULL;
    QObject *obj;
    Visitor *v;
    int64_t i;
    uint64_t u;
    QNull *null = NULL;
    QObject *any = NULL;

    /* A negative number for a uint64 wraps, as QEMU. */
    obj = QOBJECT(qnum_from_int(-1));
    v = qobject_input_visitor_new(obj);
    g_assert_true(visit_type_uint64(v, "u", &u, &error_abort));
    g_assert_cmpuint(u, ==, UINT64_MAX);
    visit_free(v);
    qobject_unref(obj);

    obj = QOBJECT(qnull());
    v = qobject_input_visitor_new(obj);
    g_assert_true(visit_type_null(v, "n", &null, &error_abort));
    g_assert_true(null == &qnull_);
    qobject_unref(null);
    visit_free(v);
    v = qobject_input_visitor_new(obj);
    g_assert_false(visit_type_int(v, "i", &i, &err));
    check_error(&err, "Invalid parameter type for 'i', expected: integer");
    visit_free(v);
    v = qobject_input_visitor_new(obj);
    g_assert_true(visit_type_any(v, NULL, &any, &error_abort));
    g_assert_true(any == obj);
    qobject_unref(any);
    visit_free(v);
    qobject_unref(obj);

    /* A nameless top-level value is "<anonymous>" in messages. */
    obj = QOBJECT(qstring_from_str("x"));
    v = qobject_input_visitor_new(obj);
    g_assert_false(visit_type_int(v, NULL, &i, &err));
    check_error(&err,
                "Invalid parameter type for '<anonymous>', expected: integer");
    visit_free(v);
    qobject_unref(obj);
}

static void test_input_list_too_long(void)
{
    QObject *obj = qobject_from_json("{\"l\": [1, 2]}", &error_abort);
    Visitor *v = qobject_input_visitor_new(obj);
    Error *err = NULL;
    int64_t value;

    g_assert_true(visit_start_struct(v, NULL, NULL, 0, &error_abort));
    g_assert_true(visit_start_list(v, "l", NULL, 0, &error_abort));
    g_assert_true(visit_type_int(v, NULL, &value, &error_abort));
    g_assert_cmpint(value, ==, 1);
    g_assert_false(visit_check_list(v, &err));
    check_error(&err, "Parameter 'l' has more list elements than expected");
    visit_end_list(v, NULL);
    visit_end_struct(v, NULL);
    visit_free(v);
    qobject_unref(obj);
}

/* Keyval: every scalar is a string, typed by the visit. */
static TestStruct *read_keyval(const char *text, Error **errp)
{
    QDict *args = keyval_parse(text, NULL, NULL, &error_abort);
    Visitor *v = qobject_input_visitor_new_keyval(QOBJECT(args));
    TestStruct *ts = NULL;

    qobject_unref(args);
    visit_type_TestStruct(v, NULL, &ts, errp);
    visit_free(v);
    return ts;
}

#define KV_BASE "u=2,b=off,str=,num=1,size=0,mode=auto"

static void test_keyval_struct(void)
{
    g_autoptr(TestStruct) ts = read_keyval(
        "i=-0x10,u=18446744073709551615,b=on,str=a,,b,num=-2.5,size=1.5G,"
        "mode=on,u8=0xff,opt=010,inner.n=4,inner.s=x,ints.0=7,ints.1=8,"
        "strs.0=,any=raw",
        &error_abort);

    g_assert_cmpint(ts->i, ==, -16);
    g_assert_cmpuint(ts->u, ==, UINT64_MAX);
    g_assert_true(ts->b);
    g_assert_cmpstr(ts->str, ==, "a,b");
    g_assert_cmpfloat(ts->num, ==, -2.5);
    g_assert_cmpuint(ts->size, ==, 3ULL << 29);
    g_assert_cmpint(ts->mode, ==, ON_OFF_AUTO_ON);
    g_assert_cmpuint(ts->u8, ==, 255);
    g_assert_true(ts->has_opt);
    g_assert_cmpint(ts->opt, ==, 8);
    g_assert_cmpint(ts->inner->n, ==, 4);
    g_assert_cmpstr(ts->inner->s, ==, "x");
    g_assert_cmpint(ts->ints->value, ==, 7);
    g_assert_cmpint(ts->ints->next->value, ==, 8);
    g_assert_null(ts->ints->next->next);
    g_assert_cmpstr(ts->strs->value, ==, "");
    g_assert_cmpstr(qstring_get_str(qobject_to(QString, ts->any)), ==, "raw");
}

static void test_keyval_bool_spellings(void)
{
    static const char *const yes[] = {"on", "yes", "true", "y"};
    static const char *const no[] = {"off", "no", "false", "n"};
    size_t n;

    for (n = 0; n < ARRAY_SIZE(yes); n++) {
        g_autofree char *t = g_strdup_printf(
            "i=0,u=0,b=%s,str=,num=0,size=0,mode=auto,u8=0", yes[n]);
        g_autofree char *f = g_strdup_printf(
            "i=0,u=0,b=%s,str=,num=0,size=0,mode=auto,u8=0", no[n]);
        TestStruct *ts = read_keyval(t, &error_abort);

        g_assert_true(ts->b);
        qapi_free_TestStruct(ts);
        ts = read_keyval(f, &error_abort);
        g_assert_false(ts->b);
        qapi_free_TestStruct(ts);
    }
}

static void test_keyval_errors(void)
{
    static const struct {
        const char *text;
        const char *msg;
    } cases[] = {
        {"i=x," KV_BASE ",u8=0", "Parameter 'i' expects an integer, got 'x'"},
        {"i=99999999999999999999," KV_BASE ",u8=0",
         "Parameter 'i' expects int64_t (-9223372036854775808 to "
         "9223372036854775807), got '99999999999999999999'"},
        {"i=1," KV_BASE ",u8=256",
         "Parameter 'u8' expects uint8_t (0 to 255), got 256"},
        {"i=1,u=2,b=maybe,str=,num=1,size=0,mode=auto,u8=0",
         "Parameter 'b' expects 'on' or 'off', got 'maybe'"},
        {"i=1,u=2,b=on,str=,num=1,size=16E,mode=auto,u8=0",
         "Parameter 'size' expects a size below 16 EiB, got '16E'"},
        {"i=1,u=2,b=on,str=,num=1,size=-1,mode=auto,u8=0",
         "Parameter 'size' expects a size (like 4096, 64K, 1.5G or 0x1000), "
         "got '-1'"},
        {"i=1,u=2,b=on,str=,num=nan,size=0,mode=auto,u8=0",
         "Parameter 'num' expects a number, got 'nan'"},
        {"i=1,u=2,b=on,str=,num=1,size=0,mode=onn,u8=0",
         "Parameter 'mode' does not accept value 'onn', expected one of: "
         "auto, on, off"},
        {"i=1," KV_BASE ",u8=0,ints.0=1,ints.1=z",
         "Parameter 'ints.1' expects an integer, got 'z'"},
        {"i=1," KV_BASE ",u8=0,inner.n=1", "Parameter 'inner.s' is missing"},
        {"i=1," KV_BASE ",u8=0,inner.n=1,inner.s=,inner.q=1",
         "Parameter 'inner.q' is unexpected"},
        {"i.x=1," KV_BASE ",u8=0", "Parameters 'i.*' are unexpected"},
        {"i=1," KV_BASE ",u8=0,bogus=1", "Parameter 'bogus' is unexpected"},
        {"i=1," KV_BASE ",u8=0,ints=1",
         "Invalid parameter type for 'ints', expected: array"},
    };
    size_t n;

    for (n = 0; n < ARRAY_SIZE(cases); n++) {
        Error *err = NULL;
        TestStruct *ts = read_keyval(cases[n].text, &err);

        g_assert_null(ts);
        check_error(&err, cases[n].msg);
    }
}

/* key=value text -> typed value -> JSON: the command line's whole road. */
static void test_keyval_to_json(void)
{
    g_autoptr(TestStruct) ts =
        read_keyval("i=0x10,u=1,b=yes,str=x,,y,num=0.5,size=64K,mode=off,u8=7,"
                    "inner.n=-1,inner.s=,ints.0=3,strs.0=a",
                    &error_abort);
    g_autofree char *json = write_json(ts);

    g_assert_cmpstr(json, ==,
                    "{\"i\": 16, \"u\": 1, \"b\": true, \"str\": \"x,y\", "
                    "\"num\": 0.5, \"size\": 65536, \"mode\": \"off\", "
                    "\"u8\": 7, \"inner\": {\"n\": -1, \"s\": \"\"}, "
                    "\"ints\": [3], \"strs\": [\"a\"]}");
}

static void test_input_new_str(void)
{
    Error *err = NULL;
    Visitor *v;
    char *s = NULL;
    int64_t i;

    v = qobject_input_visitor_new_str("driver=ns16550a,id=u0", NULL,
                                      &error_abort);
    g_assert_true(visit_start_struct(v, NULL, NULL, 0, &error_abort));
    g_assert_true(visit_type_str(v, "driver", &s, &error_abort));
    g_assert_cmpstr(s, ==, "ns16550a");
    g_free(s);
    g_assert_false(visit_check_struct(v, &err));
    check_error(&err, "Parameter 'id' is unexpected");
    visit_end_struct(v, NULL);
    visit_free(v);

    v = qobject_input_visitor_new_str("{\"x\": 5}", NULL, &error_abort);
    g_assert_true(visit_start_struct(v, NULL, NULL, 0, &error_abort));
    g_assert_true(visit_type_int(v, "x", &i, &error_abort));
    g_assert_cmpint(i, ==, 5);
    g_assert_true(visit_check_struct(v, &error_abort));
    visit_end_struct(v, NULL);
    visit_free(v);

    g_assert_null(qobject_input_visitor_new_str("a", NULL, &err));
    check_error(&err, "Expected '=' after parameter 'a'");
    g_assert_null(qobject_input_visitor_new_str("{\"x\": ", NULL, &err));
    g_assert_nonnull(err);
    error_free(err);
}

static void test_output_struct(void)
{
    g_autoptr(TestStruct) ts = read_json(FULL_JSON, &error_abort);
    g_autofree char *json = write_json(ts);

    g_assert_cmpstr(
        json, ==,
        "{\"i\": -5, \"u\": 18446744073709551615, \"b\": true, "
        "\"str\": \"h\xc3\xa9llo\", \"num\": 2.5, \"size\": 4096, "
        "\"mode\": \"off\", \"u8\": 255, \"opt\": 7, "
        "\"inner\": {\"n\": 3, \"s\": \"in\"}, \"ints\": [1, 2, 3], "
        "\"strs\": [\"a\", \"b\"], \"any\": {\"x\": [null]}}");
}

static void test_output_optional_and_null_str(void)
{
    TestStruct ts = {.i = 1, .mode = ON_OFF_AUTO_AUTO, .num = 0.5};
    g_autofree char *json = write_json(&ts);

    /* Absent optional members are left out; a NULL string becomes "". */
    g_assert_cmpstr(
        json, ==,
        "{\"i\": 1, \"u\": 0, \"b\": false, \"str\": \"\", \"num\": 0.5, "
        "\"size\": 0, \"mode\": \"auto\", \"u8\": 0}");
}

static void test_output_scalars(void)
{
    QObject *obj;
    Visitor *v;
    uint64_t u = UINT64_MAX;
    int64_t i = INT64_MIN;
    QNull *null = &qnull_;
    QNum *qn;

    v = qobject_output_visitor_new(&obj);
    visit_type_uint64(v, "u", &u, &error_abort);
    visit_complete(v, &obj);
    visit_free(v);
    qn = qobject_to(QNum, obj);
    g_assert_nonnull(qn);
    g_assert_cmpint(qn->kind, ==, QNUM_U64);
    g_assert_cmpuint(qnum_get_uint(qn), ==, UINT64_MAX);
    qobject_unref(obj);

    v = qobject_output_visitor_new(&obj);
    visit_type_int(v, "i", &i, &error_abort);
    visit_complete(v, &obj);
    visit_free(v);
    g_assert_cmpint(qnum_get_int(qobject_to(QNum, obj)), ==, INT64_MIN);
    qobject_unref(obj);

    v = qobject_output_visitor_new(&obj);
    visit_type_null(v, "n", &null, &error_abort);
    visit_complete(v, &obj);
    visit_free(v);
    g_assert_true(obj == QOBJECT(&qnull_));
    qobject_unref(obj);
}

/* Output then input gives an equal value (and equal QObjects). */
static void test_round_trip(void)
{
    g_autoptr(TestStruct) ts = read_json(FULL_JSON, &error_abort);
    g_autofree char *json = write_json(ts);
    g_autoptr(TestStruct) back = read_json(json, &error_abort);
    g_autofree char *json2 = write_json(back);

    g_assert_cmpstr(json, ==, json2);
    g_assert_cmpint(back->i, ==, ts->i);
    g_assert_cmpstr(back->inner->s, ==, ts->inner->s);
}

/* The dealloc visitor frees every part; LeakSanitizer checks it. */
static void test_dealloc(void)
{
    TestStruct *ts = read_json(FULL_JSON, &error_abort);
    TestStruct *empty = g_new0(TestStruct, 1);
    intList *ints = NULL;
    intList **tail = &ints;
    int k;

    qapi_free_TestStruct(ts);
    qapi_free_TestStruct(empty);
    qapi_free_TestStruct(NULL);
    for (k = 0; k < 100; k++) {
        QAPI_LIST_APPEND(tail, k);
    }
    qapi_free_intList(ints);
}

/* An alternate int-or-string, in the shape QEMU's generator emits. */
typedef struct IntOrStr {
    QType type;
    union {
        int64_t i;
        char *s;
    } u;
} IntOrStr;

static void qapi_free_IntOrStr(IntOrStr *obj);

static bool visit_type_IntOrStr(Visitor *v, const char *name, IntOrStr **obj,
                                Error **errp)
{
    bool ok = false;

    if (!visit_start_alternate(v, name, (GenericAlternate **)obj, sizeof(**obj),
                               errp)) {
        return false;
    }
    if (!*obj) {
        g_assert(visit_is_dealloc(v));
        ok = true;
        goto out_obj;
    }
    switch ((*obj)->type) {
    case QTYPE_QNUM:
        ok = visit_type_int(v, name, &(*obj)->u.i, errp);
        break;
    case QTYPE_QSTRING:
        ok = visit_type_str(v, name, &(*obj)->u.s, errp);
        break;
    default:
        g_assert(visit_is_input(v));
        error_setg(errp,
                   "Invalid parameter type for '%s', expected: "
                   "int or str",
                   name ? name : "null");
        g_free(*obj);
        *obj = NULL;
    }
out_obj:
    visit_end_alternate(v, (void **)obj);
    if (!ok && visit_is_input(v)) {
        qapi_free_IntOrStr(*obj);
        *obj = NULL;
    }
    return ok;
}

static void qapi_free_IntOrStr(IntOrStr *obj)
{
    Visitor *v;

    if (!obj) {
        return;
    }
    v = qapi_dealloc_visitor_new();
    visit_type_IntOrStr(v, NULL, &obj, NULL);
    visit_free(v);
}

static IntOrStr *read_alternate(const char *json, Error **errp)
{
    QObject *obj = qobject_from_json(json, &error_abort);
    Visitor *v = qobject_input_visitor_new(obj);
    IntOrStr *alt = NULL;

    visit_type_IntOrStr(v, "alt", &alt, errp);
    visit_free(v);
    qobject_unref(obj);
    return alt;
}

static void test_alternate(void)
{
    Error *err = NULL;
    IntOrStr *alt, *copy;
    QObject *out = NULL;
    Visitor *v;
    GString *json;

    alt = read_alternate("42", &error_abort);
    g_assert_cmpint(alt->type, ==, QTYPE_QNUM);
    g_assert_cmpint(alt->u.i, ==, 42);
    qapi_free_IntOrStr(alt);

    alt = read_alternate("\"text\"", &error_abort);
    g_assert_cmpint(alt->type, ==, QTYPE_QSTRING);
    g_assert_cmpstr(alt->u.s, ==, "text");

    copy = QAPI_CLONE(IntOrStr, alt);
    g_assert_true(copy->u.s != alt->u.s);
    g_assert_cmpstr(copy->u.s, ==, "text");

    v = qobject_output_visitor_new(&out);
    g_assert_true(visit_type_IntOrStr(v, "alt", &copy, &error_abort));
    visit_complete(v, &out);
    visit_free(v);
    json = qobject_to_json(out);
    g_assert_cmpstr(json->str, ==, "\"text\"");
    g_string_free(json, true);
    qobject_unref(out);
    qapi_free_IntOrStr(alt);
    qapi_free_IntOrStr(copy);

    g_assert_null(read_alternate("[1]", &err));
    check_error(&err, "Invalid parameter type for 'alt', expected: "
                      "int or str");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/visitor/qobject-in/struct", test_input_struct);
    g_test_add_func("/visitor/qobject-in/optional-absent",
                    test_input_optional_absent);
    g_test_add_func("/visitor/qobject-in/errors", test_input_errors);
    g_test_add_func("/visitor/qobject-in/scalars-top", test_input_scalars_top);
    g_test_add_func("/visitor/qobject-in/list-too-long",
                    test_input_list_too_long);
    g_test_add_func("/visitor/qobject-in/new-str", test_input_new_str);
    g_test_add_func("/visitor/keyval-in/struct", test_keyval_struct);
    g_test_add_func("/visitor/keyval-in/bool-spellings",
                    test_keyval_bool_spellings);
    g_test_add_func("/visitor/keyval-in/errors", test_keyval_errors);
    g_test_add_func("/visitor/keyval-in/to-json", test_keyval_to_json);
    g_test_add_func("/visitor/qobject-out/struct", test_output_struct);
    g_test_add_func("/visitor/qobject-out/optional-and-null-str",
                    test_output_optional_and_null_str);
    g_test_add_func("/visitor/qobject-out/scalars", test_output_scalars);
    g_test_add_func("/visitor/qobject/round-trip", test_round_trip);
    g_test_add_func("/visitor/dealloc/free", test_dealloc);
    g_test_add_func("/visitor/alternate/int-or-str", test_alternate);
    return g_test_run();
}

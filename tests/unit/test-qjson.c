/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-qjson.c: JSON text to QObject and back.
 */
#include "qomu/osdep.h"
#include <math.h>
#include "qapi/error.h"
#include "qobject/qbool.h"
#include "qobject/qdict.h"
#include "qobject/json-parser.h"
#include "qobject/qjson.h"
#include "qobject/qlist.h"
#include "qobject/qnull.h"
#include "qobject/qnum.h"
#include "qobject/qstring.h"

static QObject *parse_ok(const char *json)
{
    QObject *obj = qobject_from_json(json, &error_abort);

    g_assert_nonnull(obj);
    return obj;
}

/* Parse @json, which must fail; return the error message (g_free it). */
static char *parse_err(const char *json)
{
    Error *err = NULL;
    QObject *obj = qobject_from_json(json, &err);
    char *msg;

    if (obj) {
        g_autoptr(GString) out = qobject_to_json(obj);

        g_test_message("'%s' unexpectedly parsed as %s", json, out->str);
        qobject_unref(obj);
        g_assert_not_reached();
    }
    g_assert_nonnull(err);
    msg = g_strdup(error_get_pretty(err));
    error_free(err);
    /* One line, and always says where. */
    g_assert_null(strchr(msg, '\n'));
    g_assert(g_str_has_prefix(msg, "JSON parse error at line "));
    return msg;
}

static char *compact(const QObject *obj)
{
    return g_string_free(qobject_to_json(obj), false);
}

/* @json must parse and print back as exactly @expected (compact). */
static void check_roundtrip(const char *json, const char *expected)
{
    g_autoptr(QObject) obj = parse_ok(json);
    g_autofree char *out = compact(obj);
    g_autoptr(QObject) again = NULL;

    g_assert_cmpstr(out, ==, expected);
    again = parse_ok(out);
    g_assert(qobject_is_equal(obj, again));
}

static void test_literals(void)
{
    g_autoptr(QObject) t = parse_ok("true");
    g_autoptr(QObject) f = parse_ok(" false ");
    g_autoptr(QObject) n = parse_ok("\n\tnull\r\n");

    g_assert_true(qbool_get_bool(qobject_to(QBool, t)));
    g_assert_false(qbool_get_bool(qobject_to(QBool, f)));
    g_assert(qobject_to(QNull, n) == &qnull_);
    check_roundtrip("[true,false,null]", "[true, false, null]");
}

static void test_integers(void)
{
    static const struct {
        const char *json;
        QNumKind kind;
        int64_t i;
        uint64_t u;
    } cases[] = {
        {"0", QNUM_I64, 0, 0},
        {"-0", QNUM_I64, 0, 0},
        {"42", QNUM_I64, 42, 0},
        {"-42", QNUM_I64, -42, 0},
        {"9223372036854775807", QNUM_I64, INT64_MAX, 0},
        {"-9223372036854775808", QNUM_I64, INT64_MIN, 0},
        {"9223372036854775808", QNUM_U64, 0, 9223372036854775808ULL},
        {"18446744073709551615", QNUM_U64, 0, UINT64_MAX},
    };
    size_t i;

    for (i = 0; i < ARRAY_SIZE(cases); i++) {
        g_autoptr(QObject) obj = parse_ok(cases[i].json);
        QNum *qn = qobject_to(QNum, obj);
        g_autofree char *out = NULL;

        g_assert_nonnull(qn);
        g_assert_cmpint(qn->kind, ==, cases[i].kind);
        if (cases[i].kind == QNUM_I64) {
            g_assert_cmpint(qnum_get_int(qn), ==, cases[i].i);
        } else {
            g_assert_cmpuint(qnum_get_uint(qn), ==, cases[i].u);
        }
        out = compact(obj);
        g_assert_cmpstr(out, ==,
                        strcmp(cases[i].json, "-0") ? cases[i].json : "0");
    }
}

static void test_integers_out_of_range(void)
{
    /* Too large for any integer kind: a double, as in QEMU. */
    g_autoptr(QObject) big = parse_ok("18446744073709551616");
    g_autoptr(QObject) neg = parse_ok("-9223372036854775809");
    QNum *qb = qobject_to(QNum, big);
    QNum *qneg = qobject_to(QNum, neg);

    g_autofree char *out = compact(big);

    g_assert_cmpint(qb->kind, ==, QNUM_DOUBLE);
    g_assert_cmpfloat(qnum_get_double(qb), ==, 18446744073709551616.0);
    g_assert_cmpstr(out, ==, "1.8446744073709552e+19");
    g_assert_cmpint(qneg->kind, ==, QNUM_DOUBLE);
    g_assert_cmpfloat(qnum_get_double(qneg), ==, -9223372036854775809.0);
}

static void test_doubles(void)
{
    static const struct {
        const char *json;
        double value;
        const char *out;
    } cases[] = {
        {"1.5", 1.5, "1.5"},
        {"-0.25", -0.25, "-0.25"},
        {"0.1", 0.1, "0.1"},
        {"1e3", 1000.0, "1000.0"},
        {"1E-2", 0.01, "0.01"},
        {"2.5e+10", 2.5e10, "25000000000.0"},
        {"6.02214076e23", 6.02214076e23, "6.02214076e+23"},
        {"1.7976931348623157e308", 1.7976931348623157e308,
         "1.7976931348623157e+308"},
        {"4.9406564584124654e-324", 4.9406564584124654e-324, "5e-324"},
        {"1.0", 1.0, "1.0"},
        {"-0.0", -0.0, "-0.0"},
        {"0e0", 0.0, "0.0"},
        {"1e16", 1e16, "10000000000000000.0"},
        {"1.5e17", 1.5e17, "1.5e+17"},
    };
    size_t i;

    for (i = 0; i < ARRAY_SIZE(cases); i++) {
        g_autoptr(QObject) obj = parse_ok(cases[i].json);
        QNum *qn = qobject_to(QNum, obj);
        g_autofree char *out = compact(obj);
        g_autoptr(QObject) again = parse_ok(out);

        g_assert_cmpint(qn->kind, ==, QNUM_DOUBLE);
        g_assert_cmpfloat(qnum_get_double(qn), ==, cases[i].value);
        g_assert_cmpstr(out, ==, cases[i].out);
        /* Value and kind survive the round trip. */
        g_assert_cmpint(qobject_to(QNum, again)->kind, ==, QNUM_DOUBLE);
        g_assert_cmpfloat(qnum_get_double(qobject_to(QNum, again)), ==,
                          cases[i].value);
        g_assert(qobject_is_equal(obj, again));
    }
}

static void test_double_not_finite(void)
{
    g_autoptr(QList) l = qlist_new();
    g_autofree char *out = NULL;

    qlist_append(l, qnum_from_double(INFINITY));
    qlist_append(l, qnum_from_double(NAN));
    out = compact(QOBJECT(l));
    g_assert_cmpstr(out, ==, "[null, null]");
}

static void test_strings(void)
{
    check_roundtrip("\"\"", "\"\"");
    check_roundtrip("\"plain text\"", "\"plain text\"");
    check_roundtrip("\"quote \\\" backslash \\\\ slash \\/\"",
                    "\"quote \\\" backslash \\\\ slash /\"");
    check_roundtrip("\"\\b\\f\\n\\r\\t\"", "\"\\b\\f\\n\\r\\t\"");
    check_roundtrip("\"\\u0001\\u001f\\u007f\"", "\"\\u0001\\u001f\\u007f\"");
}

static void test_unicode(void)
{
    /* é € 😀 via escapes (with a surrogate pair) and as raw UTF-8. */
    const char *utf8 = "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80";
    g_autoptr(QObject) esc = parse_ok("\"\\u00e9\\u20AC\\ud83d\\ude00\"");
    g_autoptr(QObject) raw = NULL;
    g_autofree char *json_raw = g_strdup_printf("\"%s\"", utf8);
    g_autofree char *out = NULL;

    g_assert_cmpstr(qstring_get_str(qobject_to(QString, esc)), ==, utf8);
    raw = parse_ok(json_raw);
    g_assert(qobject_is_equal(esc, raw));
    out = compact(esc);
    g_assert_cmpstr(out, ==, json_raw);
    check_roundtrip(json_raw, json_raw);
    /* Unicode keys too. */
    check_roundtrip("{\"cl\\u00e9\": \"\\u00e9\"}",
                    "{\"cl\xc3\xa9\": \"\xc3\xa9\"}");
}

static void test_invalid_utf8_output(void)
{
    g_autoptr(QString) s = qstring_from_str("a\xff"
                                            "b\xc3");
    g_autofree char *out = compact(QOBJECT(s));
    g_autoptr(QObject) again = NULL;

    g_assert_cmpstr(out, ==, "\"a\\ufffdb\\ufffd\"");
    again = parse_ok(out);
    g_assert_cmpstr(qstring_get_str(qobject_to(QString, again)), ==,
                    "a\xef\xbf\xbd"
                    "b\xef\xbf\xbd");
}

static void test_object_order(void)
{
    g_autoptr(QObject) obj = parse_ok("{\"z\": 1, \"a\": 2, \"m\": 3}");
    QDict *d = qobject_to(QDict, obj);
    const QDictEntry *e = qdict_first(d);

    g_assert_cmpstr(qdict_entry_key(e), ==, "z");
    e = qdict_next(d, e);
    g_assert_cmpstr(qdict_entry_key(e), ==, "a");
    e = qdict_next(d, e);
    g_assert_cmpstr(qdict_entry_key(e), ==, "m");
    g_assert_null(qdict_next(d, e));
    check_roundtrip("{\"z\":1,\"a\":2,\"m\":3}",
                    "{\"z\": 1, \"a\": 2, \"m\": 3}");
}

static void test_compact(void)
{
    g_autoptr(QDict) d = qdict_new();
    QList *l = qlist_new();
    g_autofree char *out = NULL;

    qdict_put_int(d, "a", 1);
    qlist_append_int(l, 1);
    qlist_append_int(l, 2);
    qdict_put(d, "b", l);
    qdict_put(d, "c", qdict_new());
    qdict_put(d, "d", qlist_new());
    qdict_put_str(d, "e", "s");
    out = compact(QOBJECT(d));
    g_assert_cmpstr(out, ==,
                    "{\"a\": 1, \"b\": [1, 2], \"c\": {}, \"d\": [], "
                    "\"e\": \"s\"}");
}

static void test_pretty(void)
{
    g_autoptr(QObject) obj =
        parse_ok("{\"a\": 1, \"b\": [1, {\"c\": true}], \"e\": {}, \"f\": []}");
    g_autoptr(GString) out = qobject_to_json_pretty(obj, true);
    g_autoptr(GString) flat = qobject_to_json_pretty(obj, false);
    g_autoptr(GString) flat2 = qobject_to_json(obj);
    g_autoptr(QObject) again = NULL;
    g_autoptr(QNum) scalar = qnum_from_int(5);
    g_autoptr(GString) sout = qobject_to_json_pretty(QOBJECT(scalar), true);

    g_assert_cmpstr(out->str, ==,
                    "{\n"
                    "    \"a\": 1,\n"
                    "    \"b\": [\n"
                    "        1,\n"
                    "        {\n"
                    "            \"c\": true\n"
                    "        }\n"
                    "    ],\n"
                    "    \"e\": {},\n"
                    "    \"f\": []\n"
                    "}");
    g_assert_cmpstr(flat->str, ==, flat2->str);
    g_assert_cmpstr(flat->str, ==,
                    "{\"a\": 1, \"b\": [1, {\"c\": true}], \"e\": {}, "
                    "\"f\": []}");
    again = parse_ok(out->str);
    g_assert(qobject_is_equal(obj, again));
    g_assert_cmpstr(sout->str, ==, "5");
}

static void test_roundtrip_mixed(void)
{
    const char *json =
        "{\"name\": \"virt\", \"ram\": 2147483648, \"smp\": 4, "
        "\"ratio\": 0.75, \"on\": true, \"off\": false, \"none\": null, "
        "\"big\": 18446744073709551615, \"neg\": -9223372036854775808, "
        "\"devs\": [{\"driver\": \"ns16550a\", \"irq\": 10}, "
        "{\"driver\": \"pci\", \"bars\": [[], {}, [1, [2, [3]]]]}], "
        "\"esc\": \"tab\\there \\\"q\\\" \\u00e9\"}";
    g_autoptr(QObject) obj = parse_ok(json);
    g_autoptr(GString) pretty = qobject_to_json_pretty(obj, true);
    g_autoptr(QObject) from_pretty = parse_ok(pretty->str);
    g_autofree char *out = compact(from_pretty);
    QDict *d = qobject_to(QDict, obj);

    g_assert_cmpstr(
        out, ==,
        "{\"name\": \"virt\", \"ram\": 2147483648, \"smp\": 4, "
        "\"ratio\": 0.75, \"on\": true, \"off\": false, "
        "\"none\": null, \"big\": 18446744073709551615, "
        "\"neg\": -9223372036854775808, "
        "\"devs\": [{\"driver\": \"ns16550a\", \"irq\": 10}, "
        "{\"driver\": \"pci\", \"bars\": [[], {}, [1, [2, [3]]]]}], "
        "\"esc\": \"tab\\there \\\"q\\\" \xc3\xa9\"}");
    g_assert(qobject_is_equal(obj, from_pretty));
    g_assert_cmpint(qdict_get_int(d, "ram"), ==, 2147483648LL);
    g_assert_cmpuint(qnum_get_uint(qobject_to(QNum, qdict_get(d, "big"))), ==,
                     UINT64_MAX);
    g_assert_cmpstr(qdict_get_str(d, "esc"), ==, "tab\there \"q\" \xc3\xa9");
}

static char *nested(int depth, bool close)
{
    GString *s = g_string_new("");
    int i;

    for (i = 0; i < depth; i++) {
        g_string_append(s, i % 2 ? "{\"k\": " : "[");
    }
    g_string_append(s, "0");
    for (i = depth - 1; close && i >= 0; i--) {
        g_string_append_c(s, i % 2 ? '}' : ']');
    }
    return g_string_free(s, false);
}

static void test_deep_nesting(void)
{
    g_autofree char *ok = nested(QOBJECT_JSON_MAX_DEPTH, true);
    g_autofree char *too_deep = nested(QOBJECT_JSON_MAX_DEPTH + 1, true);
    g_autoptr(QObject) obj = parse_ok(ok);
    g_autofree char *out = compact(obj);
    g_autoptr(QObject) again = parse_ok(out);
    g_autofree char *msg = parse_err(too_deep);
    QObject *o = obj;
    int depth = 0;

    g_assert(qobject_is_equal(obj, again));
    while (qobject_type(o) != QTYPE_QNUM) {
        o = qobject_type(o) == QTYPE_QLIST
                ? qlist_peek(qobject_to(QList, o))
                : qdict_get(qobject_to(QDict, o), "k");
        depth++;
    }
    g_assert_cmpint(depth, ==, QOBJECT_JSON_MAX_DEPTH);
    g_assert_nonnull(strstr(msg, "nesting deeper than 1024 levels"));
}

static void test_absurd_nesting(void)
{
    g_autofree char *brackets = g_strnfill(100000, '[');
    g_autofree char *unclosed = nested(5000, false);
    g_autofree char *m1 = parse_err(brackets);
    g_autofree char *m2 = parse_err(unclosed);

    g_assert_cmpstr(m1, ==,
                    "JSON parse error at line 1, column 1025: "
                    "nesting deeper than 1024 levels");
    g_assert_nonnull(strstr(m2, "nesting deeper than 1024 levels"));
}

static void test_malformed(void)
{
    static const struct {
        const char *json;
        const char *msg;
    } cases[] = {
        {"", "line 1, column 1: expected a JSON value, found end of input"},
        {"   ", "column 4: expected a JSON value, found end of input"},
        {"[1, 2", "column 6: expected ',' or ']' in array, "
                  "found end of input"},
        {"[1 2]", "column 4: expected ',' or ']' in array, found '2'"},
        {"[1,]", "column 4: trailing ',' before ']'"},
        {"{\"a\": 1,}", "column 9: trailing ',' before '}'"},
        {"{\"a\" 1}", "column 6: expected ':' after object key, found '1'"},
        {"{a: 1}", "column 2: expected a string key in object, found 'a'"},
        {"{1: 1}", "column 2: expected a string key in object, found '1'"},
        {"'abc", "column 1: string not terminated"},
        {"[%d]", "column 2: '%' interpolation is only valid in "
                 "qobject_from_jsonf_nofail()"},
        {"{\"a\": 1, \"a\": 2}", "column 10: duplicate key \"a\""},
        {"\"abc", "column 1: string not terminated"},
        {"\"a\\qb\"", "column 3: invalid escape sequence: backslash "
                      "followed by 'q'"},
        {"\"\\u12\"", "column 2: invalid \\u escape"},
        {"\"\\ud83d\"", "column 2: \\uD83D is a lone UTF-16 high surrogate"},
        {"\"\\ude00x\"", "column 2: \\uDE00 is a lone UTF-16 low surrogate"},
        {"\"\\u0000\"", "column 2: \\u0000 is not supported in strings"},
        {"\"tab\there\"", "column 5: control character U+0009 in string"},
        {"01", "column 1: numbers must not have leading zeros"},
        {"-", "column 1: '-' must be followed by a digit"},
        {"1.", "column 1: a digit must follow the decimal point"},
        {"1e", "column 1: a digit must follow the exponent mark"},
        {"1e400", "column 1: number 1e400 is too large"},
        {"+1", "column 1: expected a JSON value, found '+'"},
        {"nul", "column 1: expected a JSON value, found 'n'"},
        {"truex", "column 1: expected a JSON value, found 't'"},
        {"1 2", "column 3: unexpected '2' after the JSON value"},
        {"{} x", "column 4: unexpected 'x' after the JSON value"},
        {"/* c */ 1", "column 1: expected a JSON value, found '/'"},
        {"[1,\n 2,\n x]", "line 3, column 2: expected a JSON value, "
                          "found 'x'"},
        {"[\"\xc3\xa9\", \xc3\xa9]", "column 7: expected a JSON value, "
                                     "found '\xc3\xa9'"},
        {"\"\xff\"", "line 1, column 2: invalid UTF-8"},
        {"[\x01]", "column 2: expected a JSON value, "
                   "found character U+0001"},
        {"[NaN]", "column 2: expected a JSON value, found 'N'"},
    };
    size_t i;

    for (i = 0; i < ARRAY_SIZE(cases); i++) {
        g_autofree char *msg = parse_err(cases[i].json);

        if (!strstr(msg, cases[i].msg)) {
            g_test_message("input '%s': got '%s', expected to contain '%s'",
                           cases[i].json, msg, cases[i].msg);
            g_assert_not_reached();
        }
    }
}

static void test_malformed_deep_no_leak(void)
{
    /* The error is found deep inside built-up containers; all are freed. */
    g_autofree char *msg = parse_err(
        "{\"a\": [1, 2, {\"b\": [\"x\", {\"c\": [true, null, 3.5, ]}]}]}");

    g_assert_nonnull(strstr(msg, "trailing ','"));
}

static void test_single_quotes(void)
{
    /* QEMU's extension: 'single-quoted' strings and keys. */
    g_autoptr(QObject) obj = parse_ok(
        "{'a': 'plain', \"b\": 'say \"hi\"', 'c': \"it\\'s\", 'd': 'it\\'s'}");
    QDict *d = qobject_to(QDict, obj);
    g_autofree char *out = compact(obj);

    g_assert_cmpstr(qdict_get_str(d, "a"), ==, "plain");
    g_assert_cmpstr(qdict_get_str(d, "b"), ==, "say \"hi\"");
    g_assert_cmpstr(qdict_get_str(d, "c"), ==, "it's");
    g_assert_cmpstr(qdict_get_str(d, "d"), ==, "it's");
    g_assert_cmpstr(out, ==,
                    "{\"a\": \"plain\", \"b\": \"say \\\"hi\\\"\", "
                    "\"c\": \"it's\", \"d\": \"it's\"}");
}

static const char *fmt_with_text = "[%s, %d, '%d stays text']";

static QDict *G_GNUC_PRINTF(1, 2) dict_from_helper(const char *fmt, ...)
{
    va_list ap;
    QDict *d;

    va_start(ap, fmt);
    d = qdict_from_vjsonf_nofail(fmt, ap);
    va_end(ap);
    return d;
}

static void test_jsonf(void)
{
    QList *args = qlist_new();
    g_autoptr(QDict) d = NULL;
    g_autoptr(QObject) o = NULL;
    g_autofree char *out = NULL;
    QNum *qn;

    qlist_append_int(args, 1);
    d = qdict_from_jsonf_nofail(
        "{'s': %s, 'd': %d, 'i': %i, 'u': %u, 'ld': %ld, 'lu': %lu, "
        "'lld': %lld, 'i64': %" PRId64 ", 'u64': %" PRIu64 ", 'f': %f, "
        "'p': %p}",
        "str\"ing", -1, 2, 3u, -4L, 5UL, -6LL, INT64_MIN, UINT64_MAX, 0.5,
        QOBJECT(args));
    g_assert_cmpstr(qdict_get_str(d, "s"), ==, "str\"ing");
    g_assert_cmpint(qdict_get_int(d, "d"), ==, -1);
    g_assert_cmpint(qdict_get_int(d, "i"), ==, 2);
    g_assert_cmpint(qdict_get_int(d, "u"), ==, 3);
    g_assert_cmpint(qdict_get_int(d, "ld"), ==, -4);
    g_assert_cmpint(qdict_get_int(d, "lu"), ==, 5);
    g_assert_cmpint(qdict_get_int(d, "lld"), ==, -6);
    g_assert_cmpint(qdict_get_int(d, "i64"), ==, INT64_MIN);
    qn = qobject_to(QNum, qdict_get(d, "u64"));
    g_assert_cmpuint(qnum_get_uint(qn), ==, UINT64_MAX);
    g_assert_cmpfloat(qdict_get_double(d, "f"), ==, 0.5);
    /* %p took over our reference. */
    g_assert(qdict_get_qlist(d, "p") == args);
    g_assert_cmpuint(args->base.refcnt, ==, 1);

    /* Not a literal, so that the compiler does not check it as printf's. */
    o = qobject_from_jsonf_nofail(fmt_with_text, "x", 7);
    out = compact(o);
    g_assert_cmpstr(out, ==, "[\"x\", 7, \"%d stays text\"]");

    {
        g_autoptr(QDict) v = dict_from_helper("{'n': %d, 's': %s}", 3, "t");

        g_assert_cmpint(qdict_get_int(v, "n"), ==, 3);
        g_assert_cmpstr(qdict_get_str(v, "s"), ==, "t");
    }
}

/* What a JSONMessageParser emitted: JSON text of values, "error: msg". */
typedef struct Emitted {
    GPtrArray *items;
} Emitted;

static void collect(void *opaque, QObject *json, Error *err)
{
    Emitted *e = opaque;

    g_assert((json == NULL) != (err == NULL));
    if (json) {
        g_ptr_array_add(e->items, g_string_free(qobject_to_json(json), false));
        qobject_unref(json);
    } else {
        g_ptr_array_add(e->items,
                        g_strdup_printf("error: %s", error_get_pretty(err)));
        error_free(err);
    }
}

/* Feed @input (of @len bytes) in pieces of @chunk bytes, then flush. */
static GPtrArray *stream(const char *input, size_t len, size_t chunk)
{
    Emitted e = {.items = g_ptr_array_new_with_free_func(g_free)};
    JSONMessageParser p;
    size_t off;

    json_message_parser_init(&p, collect, &e, NULL);
    for (off = 0; off < len; off += chunk) {
        json_message_parser_feed(&p, input + off, MIN(chunk, len - off));
    }
    json_message_parser_flush(&p);
    json_message_parser_destroy(&p);
    return e.items;
}

static void check_stream(const char *input, const char *const *expected)
{
    static const size_t chunks[] = {1, 2, 3, 7, 4096};
    size_t c, i;

    for (c = 0; c < ARRAY_SIZE(chunks); c++) {
        g_autoptr(GPtrArray) got = stream(input, strlen(input), chunks[c]);

        for (i = 0; expected[i]; i++) {
            g_assert_cmpuint(i, <, got->len);
            g_assert_cmpstr(got->pdata[i], ==, expected[i]);
        }
        g_assert_cmpuint(got->len, ==, i);
    }
}

static void test_stream_values(void)
{
    /*
     * Brackets inside strings do not count; a top-level scalar ends at
     * white space or at the start of the next value; '}' in 'b' is a
     * single-quoted string.
     */
    check_stream("{\"execute\": \"qmp_capabilities\"}\r\n"
                 "{\"a\": [1, \"]}\"], \"b\": '}'}[]42 -1.5\"s{\"true\n"
                 "null 18446744073709551615",
                 (const char *const[]){
                     "{\"execute\": \"qmp_capabilities\"}",
                     "{\"a\": [1, \"]}\"], \"b\": \"}\"}",
                     "[]",
                     "42",
                     "-1.5",
                     "\"s{\"",
                     "true",
                     "null",
                     "18446744073709551615",
                     NULL,
                 });
}

static void test_stream_errors(void)
{
    /* A bad value is reported and the next one still parses. */
    check_stream("{\"a\": }{\"b\": 1}",
                 (const char *const[]){
                     "error: JSON parse error at line 1, column 7: expected "
                     "a JSON value, found '}'",
                     "{\"b\": 1}",
                     NULL,
                 });
    check_stream("}] {\"ok\": true}",
                 (const char *const[]){
                     "error: JSON parse error: unexpected '}' outside any "
                     "value",
                     "error: JSON parse error: unexpected ']' outside any "
                     "value",
                     "{\"ok\": true}",
                     NULL,
                 });
    check_stream("nul {}",
                 (const char *const[]){
                     "error: JSON parse error at line 1, column 1: expected "
                     "a JSON value, found 'n'",
                     "{}",
                     NULL,
                 });
    /* Incomplete at the end of the stream. */
    check_stream("{\"a\": [1",
                 (const char *const[]){
                     "error: JSON parse error at line 1, column 9: expected "
                     "',' or ']' in array, found end of input",
                     NULL,
                 });
    check_stream("[\"unterminated",
                 (const char *const[]){
                     "error: JSON parse error at line 1, column 2: string "
                     "not terminated",
                     NULL,
                 });
}

static void test_stream_reset_byte(void)
{
    static const char input[] = "{\"a\": [1, \xff{\"b\": 2}";
    g_autoptr(GPtrArray) got = stream(input, sizeof(input) - 1, 1);

    g_assert_cmpuint(got->len, ==, 1);
    g_assert_cmpstr(got->pdata[0], ==, "{\"b\": 2}");
}

static void test_stream_nul_byte(void)
{
    static const char input[] = "{\"a\": \"x\0y\"} {\"b\": 2}";
    g_autoptr(GPtrArray) got = stream(input, sizeof(input) - 1, 5);

    g_assert_cmpuint(got->len, ==, 2);
    g_assert_cmpstr(got->pdata[0], ==,
                    "error: JSON parse error: NUL byte in input");
    g_assert_cmpstr(got->pdata[1], ==, "{\"b\": 2}");
}

static void test_stream_deep(void)
{
    g_autoptr(GString) in = g_string_new("");
    g_autoptr(GPtrArray) got = NULL;

    g_string_append(in, "[1] ");
    {
        g_autofree char *open = g_strnfill(100000, '[');
        g_autofree char *close = g_strnfill(100000, ']');

        g_string_append(in, open);
        g_string_append(in, close);
    }
    g_string_append(in, " {\"after\": 1}");
    got = stream(in->str, in->len, 4096);
    g_assert_cmpuint(got->len, ==, 3);
    g_assert_cmpstr(got->pdata[0], ==, "[1]");
    g_assert_cmpstr(got->pdata[1], ==,
                    "error: JSON parse error: nesting deeper than 1024 levels");
    g_assert_cmpstr(got->pdata[2], ==, "{\"after\": 1}");
}

static uint64_t rand64(void)
{
    return (uint64_t)(uint32_t)g_test_rand_int() << 32 |
           (uint32_t)g_test_rand_int();
}

/* A random value of depth at most @depth, for round-trip testing. */
static QObject *random_qobject(int depth)
{
    static const char *const pieces[] = {
        "a",
        "Z",
        " ",
        "\"",
        "\\",
        "/",
        "\n",
        "\t",
        "\x01",
        "\x1f",
        "\x7f",
        "\xc3\xa9",
        "\xe2\x82\xac",
        "\xf0\x9f\x98\x80",
        "'",
        "%d",
        "{",
        "]",
    };
    int kind = g_test_rand_int_range(0, depth > 0 ? 8 : 6);

    switch (kind) {
    case 0:
        return QOBJECT(qnull());
    case 1:
        return QOBJECT(qbool_from_bool(g_test_rand_bit()));
    case 2: {
        int64_t v = rand64();

        return QOBJECT(
            qnum_from_int(v / ((int64_t)1 << g_test_rand_int_range(0, 63))));
    }
    case 3:
        return QOBJECT(qnum_from_uint((uint64_t)INT64_MAX + 1 +
                                      (uint64_t)g_test_rand_int()));
    case 4: {
        union {
            uint64_t u;
            double d;
        } bits;

        do {
            bits.u = rand64();
        } while (!isfinite(bits.d));
        return QOBJECT(qnum_from_double(
            g_test_rand_bit() ? bits.d : g_test_rand_double_range(-1e6, 1e6)));
    }
    case 5: {
        QString *qs = qstring_new();
        int n = g_test_rand_int_range(0, 8);

        while (n--) {
            qstring_append(
                qs, pieces[g_test_rand_int_range(0, ARRAY_SIZE(pieces))]);
        }
        return QOBJECT(qs);
    }
    case 6: {
        QList *l = qlist_new();
        int n = g_test_rand_int_range(0, 5);

        while (n--) {
            qlist_append_obj(l, random_qobject(depth - 1));
        }
        return QOBJECT(l);
    }
    default: {
        QDict *d = qdict_new();
        int n = g_test_rand_int_range(0, 5);

        while (n--) {
            g_autofree char *key = g_strdup_printf(
                "%s%d", pieces[g_test_rand_int_range(0, ARRAY_SIZE(pieces))],
                g_test_rand_int_range(0, 100));

            qdict_put_obj(d, key, random_qobject(depth - 1));
        }
        return QOBJECT(d);
    }
    }
}

static void test_roundtrip_random(void)
{
    int i;

    for (i = 0; i < 2000; i++) {
        g_autoptr(QObject) obj = random_qobject(5);
        g_autoptr(GString) flat = qobject_to_json(obj);
        g_autoptr(GString) pretty = qobject_to_json_pretty(obj, true);
        g_autoptr(QObject) from_flat = parse_ok(flat->str);
        g_autoptr(QObject) from_pretty = parse_ok(pretty->str);
        g_autoptr(GString) again = qobject_to_json(from_pretty);

        g_assert(qobject_is_equal(obj, from_flat));
        g_assert(qobject_is_equal(obj, from_pretty));
        g_assert_cmpstr(flat->str, ==, again->str);
        g_assert_null(strchr(flat->str, '\n'));
    }
}

static void test_error_null_errp(void)
{
    g_assert_null(qobject_from_json("[", NULL));
    g_assert_null(qobject_from_json("{\"a\":", NULL));
}

static void test_qdict_from_json_nofail(void)
{
    g_autoptr(QDict) d = qdict_from_json_nofail("{\"driver\": \"virtio\"}");

    g_assert_cmpstr(qdict_get_str(d, "driver"), ==, "virtio");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qjson/literals", test_literals);
    g_test_add_func("/qjson/integers", test_integers);
    g_test_add_func("/qjson/integers-out-of-range", test_integers_out_of_range);
    g_test_add_func("/qjson/doubles", test_doubles);
    g_test_add_func("/qjson/double-not-finite", test_double_not_finite);
    g_test_add_func("/qjson/strings", test_strings);
    g_test_add_func("/qjson/unicode", test_unicode);
    g_test_add_func("/qjson/invalid-utf8-output", test_invalid_utf8_output);
    g_test_add_func("/qjson/object-order", test_object_order);
    g_test_add_func("/qjson/compact", test_compact);
    g_test_add_func("/qjson/pretty", test_pretty);
    g_test_add_func("/qjson/roundtrip-mixed", test_roundtrip_mixed);
    g_test_add_func("/qjson/roundtrip-random", test_roundtrip_random);
    g_test_add_func("/qjson/deep-nesting", test_deep_nesting);
    g_test_add_func("/qjson/absurd-nesting", test_absurd_nesting);
    g_test_add_func("/qjson/malformed", test_malformed);
    g_test_add_func("/qjson/malformed-deep-no-leak",
                    test_malformed_deep_no_leak);
    g_test_add_func("/qjson/single-quotes", test_single_quotes);
    g_test_add_func("/qjson/jsonf", test_jsonf);
    g_test_add_func("/qjson/stream/values", test_stream_values);
    g_test_add_func("/qjson/stream/errors", test_stream_errors);
    g_test_add_func("/qjson/stream/reset-byte", test_stream_reset_byte);
    g_test_add_func("/qjson/stream/nul-byte", test_stream_nul_byte);
    g_test_add_func("/qjson/stream/deep", test_stream_deep);
    g_test_add_func("/qjson/error-null-errp", test_error_null_errp);
    g_test_add_func("/qjson/qdict-from-json-nofail",
                    test_qdict_from_json_nofail);
    return g_test_run();
}

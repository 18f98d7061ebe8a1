/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Unit tests for keyval_parse(): the "key=value,..." option syntax. */
#include "qomu/osdep.h"
#include "qapi/keyval.h"
#include "qobject/qjson.h"
#include "qobject/qlist.h"

/* Parse @text and compare the result, as compact JSON, with @json. */
static void check_parse(const char *text, const char *implied_key,
                        const char *json)
{
    QDict *qdict = keyval_parse(text, implied_key, NULL, &error_abort);
    GString *out = qobject_to_json(QOBJECT(qdict));

    g_assert_cmpstr(out->str, ==, json);
    g_string_free(out, true);
    qobject_unref(qdict);
}

/* Parse @text, expecting the error @msg. */
static void check_error(const char *text, const char *implied_key,
                        const char *msg)
{
    Error *err = NULL;
    bool help = false;

    g_assert_null(keyval_parse(text, implied_key, &help, &err));
    g_assert_nonnull(err);
    g_assert_cmpstr(error_get_pretty(err), ==, msg);
    error_free(err);
}

static void test_basic(void)
{
    check_parse("", NULL, "{}");
    check_parse("a=1", NULL, "{\"a\": \"1\"}");
    check_parse("a=1,b=two", NULL, "{\"a\": \"1\", \"b\": \"two\"}");
    /* keys keep their order; names may hold digits, '-' and '_' */
    check_parse("z=1,x-y_2=2,_a=3", NULL,
                "{\"z\": \"1\", \"x-y_2\": \"2\", \"_a\": \"3\"}");
    /* a trailing comma is ignored */
    check_parse("a=1,", NULL, "{\"a\": \"1\"}");
    /* values may hold '=' and anything but a lone ',' */
    check_parse("a=b=c d", NULL, "{\"a\": \"b=c d\"}");
}

static void test_escape(void)
{
    check_parse("a=x,,y,b=2", NULL, "{\"a\": \"x,y\", \"b\": \"2\"}");
    check_parse("a=,,,,", NULL, "{\"a\": \",,\"}");
    check_parse("a=,,", NULL, "{\"a\": \",\"}");
    check_parse("a=1,,", NULL, "{\"a\": \"1,\"}");
    check_parse("a=1,,,b=2", NULL, "{\"a\": \"1,\", \"b\": \"2\"}");
    check_parse("append=console=ttyS0,,115200", NULL,
                "{\"append\": \"console=ttyS0,115200\"}");
}

static void test_empty_values(void)
{
    check_parse("a=", NULL, "{\"a\": \"\"}");
    check_parse("a=,b=", NULL, "{\"a\": \"\", \"b\": \"\"}");
    check_parse("driver=,id=", "driver", "{\"driver\": \"\", \"id\": \"\"}");
}

static void test_repeated(void)
{
    check_error("id=a,id=b", NULL,
                "Parameter 'id' is specified more than "
                "once");
    check_error("a.b=1,a.b=2", NULL,
                "Parameter 'a.b' is specified more "
                "than once");
    check_error("ns16550a,driver=x", "driver",
                "Parameter 'driver' is "
                "specified more than once");
    /* the same prefix with different leaves is fine */
    check_parse("a.b=1,a.c=2", NULL, "{\"a\": {\"b\": \"1\", \"c\": \"2\"}}");
}

static void test_missing_equals(void)
{
    check_error("a", NULL, "Expected '=' after parameter 'a'");
    check_error("a=1,b", NULL, "Expected '=' after parameter 'b'");
    check_error("a=1,b,c=2", NULL, "Expected '=' after parameter 'b'");
    check_error("a.b", NULL, "Expected '=' after parameter 'a.b'");
    /* only the first parameter may use the implied key */
    check_error("id=u0,ns16550a", "driver",
                "Expected '=' after parameter 'ns16550a'");
}

static void test_invalid_keys(void)
{
    g_autofree char *long_key = g_strnfill(128, 'k');
    g_autofree char *long_text = g_strdup_printf("%s=1", long_key);
    g_autofree char *long_msg =
        g_strdup_printf("Parameter '%s' is too long", long_key);
    g_autofree char *ok_key = g_strnfill(127, 'k');
    g_autofree char *ok_text = g_strdup_printf("%s=1", ok_key);
    g_autofree char *ok_json = g_strdup_printf("{\"%s\": \"1\"}", ok_key);

    check_error("a..b=1", NULL, "Invalid parameter 'a..b'");
    check_error(".a=1", NULL, "Invalid parameter '.a'");
    check_error("a.=1", NULL, "Invalid parameter 'a.'");
    check_error("1=x", NULL, "Invalid parameter '1'");
    check_error("a b=1", NULL, "Invalid parameter 'a b'");
    check_error(",a=1", NULL, "Invalid parameter ''");
    check_error("=1", NULL, "Invalid parameter ''");
    check_error("a.01=x", NULL, "Invalid parameter 'a.01'");
    check_error(long_text, NULL, long_msg);
    check_parse(ok_text, NULL, ok_json);
}

static void test_help(void)
{
    Error *err = NULL;
    QDict *qdict;
    bool help = false;

    qdict = keyval_parse("help", "driver", &help, &error_abort);
    g_assert_true(help);
    g_assert_cmpuint(qdict_size(qdict), ==, 0);
    qobject_unref(qdict);

    help = false;
    qdict = keyval_parse("?", NULL, &help, &error_abort);
    g_assert_true(help);
    qobject_unref(qdict);

    help = false;
    qdict = keyval_parse("ns16550a,help", "driver", &help, &error_abort);
    g_assert_true(help);
    g_assert_cmpstr(qdict_get_str(qdict, "driver"), ==, "ns16550a");
    qobject_unref(qdict);

    help = false;
    qdict = keyval_parse("virt,?,dumpdtb=x", "type", &help, &error_abort);
    g_assert_true(help);
    g_assert_cmpstr(qdict_get_str(qdict, "dumpdtb"), ==, "x");
    qobject_unref(qdict);

    /* "help" as a value is just a value */
    help = true;
    qdict = keyval_parse("a=help", NULL, &help, &error_abort);
    g_assert_false(help);
    g_assert_cmpstr(qdict_get_str(qdict, "a"), ==, "help");
    qobject_unref(qdict);

    /* "helpme" is not help */
    check_error("helpme", NULL, "Expected '=' after parameter 'helpme'");

    g_assert_null(keyval_parse("help", NULL, NULL, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Help is not available for this option");
    error_free(err);
}

static void test_implied_key(void)
{
    check_parse("ns16550a,id=u0", "driver",
                "{\"driver\": \"ns16550a\", \"id\": \"u0\"}");
    check_parse("ns16550a", "driver", "{\"driver\": \"ns16550a\"}");
    /* an explicit key is fine too */
    check_parse("driver=x,id=y", "driver",
                "{\"driver\": \"x\", \"id\": \"y\"}");
    /* the implied value ends at the first ',' (no ",," escape there) */
    check_error("a,,b", "driver", "Invalid parameter ''");
    check_error("ns16550a", NULL, "Expected '=' after parameter 'ns16550a'");
}

static void test_dotted(void)
{
    check_parse("a.b=1,a.c=2,d=3", NULL,
                "{\"a\": {\"b\": \"1\", \"c\": \"2\"}, \"d\": \"3\"}");
    check_parse("a.b.c=1,a.b.d=2,a.e=3", NULL,
                "{\"a\": {\"b\": {\"c\": \"1\", \"d\": \"2\"}, \"e\": \"3\"}}");
    check_error("a=1,a.b=2", NULL, "Parameters 'a.*' used inconsistently");
    check_error("a.b=2,a=1", NULL, "Parameters 'a.*' used inconsistently");
    check_error("a.b=1,a.b.c=2", NULL,
                "Parameters 'a.b.*' used inconsistently");
}

static void test_lists(void)
{
    check_parse("l.0=x,l.1=y", NULL, "{\"l\": [\"x\", \"y\"]}");
    check_parse("l.1=y,l.0=x", NULL, "{\"l\": [\"x\", \"y\"]}");
    check_parse("l.0.a=1,l.0.b=2,l.1.a=3", NULL,
                "{\"l\": [{\"a\": \"1\", \"b\": \"2\"}, {\"a\": \"3\"}]}");
    check_parse("m.l.0=x", NULL, "{\"m\": {\"l\": [\"x\"]}}");
    check_error("l.0=x,l.2=z", NULL, "Parameter 'l.1' missing");
    check_error("l.1=x", NULL, "Parameter 'l.0' missing");
    check_error("l.0=x,l.a=y", NULL, "Parameters 'l.*' used inconsistently");
    check_error("m.l.0=x,m.l.b=y", NULL,
                "Parameters 'm.l.*' used inconsistently");
}

static void test_parse_into_and_merge(void)
{
    Error *err = NULL;
    QDict *qdict = keyval_parse("virt,a=1,m.x=1", "type", NULL, &error_abort);
    QDict *other;
    GString *json;

    /* a later option overrides an earlier one */
    g_assert_true(keyval_parse_into(qdict, "a=2,m.y=2", NULL, NULL,
                                    &error_abort) == qdict);
    json = qobject_to_json(QOBJECT(qdict));
    g_assert_cmpstr(json->str, ==,
                    "{\"type\": \"virt\", \"a\": \"2\", "
                    "\"m\": {\"x\": \"1\", \"y\": \"2\"}}");
    g_string_free(json, true);

    other = keyval_parse("a=3,m.x=4,l.0=q", NULL, NULL, &error_abort);
    keyval_merge(qdict, other, &error_abort);
    json = qobject_to_json(QOBJECT(qdict));
    g_assert_cmpstr(json->str, ==,
                    "{\"type\": \"virt\", \"a\": \"3\", "
                    "\"m\": {\"x\": \"4\", \"y\": \"2\"}, \"l\": [\"q\"]}");
    g_string_free(json, true);
    keyval_merge(qdict, other, &error_abort);
    g_assert_cmpuint(qlist_size(qdict_get_qlist(qdict, "l")), ==, 2);
    /* merging copies containers: @other is unchanged */
    g_assert_cmpuint(qlist_size(qdict_get_qlist(other, "l")), ==, 1);
    qobject_unref(other);

    other = keyval_parse("m=1", NULL, NULL, &error_abort);
    keyval_merge(qdict, other, &err);
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Parameter 'm' used inconsistently");
    error_free(err);
    qobject_unref(other);
    qobject_unref(qdict);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/keyval/basic", test_basic);
    g_test_add_func("/keyval/escape", test_escape);
    g_test_add_func("/keyval/empty-values", test_empty_values);
    g_test_add_func("/keyval/repeated", test_repeated);
    g_test_add_func("/keyval/missing-equals", test_missing_equals);
    g_test_add_func("/keyval/invalid-keys", test_invalid_keys);
    g_test_add_func("/keyval/help", test_help);
    g_test_add_func("/keyval/implied-key", test_implied_key);
    g_test_add_func("/keyval/dotted", test_dotted);
    g_test_add_func("/keyval/lists", test_lists);
    g_test_add_func("/keyval/parse-into-and-merge", test_parse_into_and_merge);
    return g_test_run();
}

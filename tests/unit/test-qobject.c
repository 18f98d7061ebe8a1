/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-qobject.c: the QObject value types (QNull, QNum, QBool, QString,
 * QList, QDict), reference counting, equality and iteration order.
 */
#include "qomu/osdep.h"
#include "qobject/qbool.h"
#include "qobject/qdict.h"
#include "qobject/qlist.h"
#include "qobject/qlit.h"
#include "qobject/qnull.h"
#include "qobject/qnum.h"
#include "qobject/qstring.h"

static void test_qnull(void)
{
    QNull *n = qnull();
    size_t before = qnull_.base.refcnt;
    QObject *o = QOBJECT(n);

    g_assert(n == &qnull_);
    g_assert_cmpint(qobject_type(o), ==, QTYPE_QNULL);
    g_assert(qobject_to(QNull, o) == n);
    g_assert_null(qobject_to(QNum, o));
    g_assert(qnull() == n);
    g_assert_cmpuint(qnull_.base.refcnt, ==, before + 1);
    qobject_unref(n);
    qobject_unref(n);
    g_assert_cmpuint(qnull_.base.refcnt, ==, before - 1);
    g_assert_cmpstr(QType_str(QTYPE_QNULL), ==, "qnull");
}

static void test_qnum_int(void)
{
    g_autoptr(QNum) qn = qnum_from_int(-42);
    int64_t i;
    uint64_t u;
    g_autofree char *s = qnum_to_string(qn);

    g_assert_cmpint(qn->kind, ==, QNUM_I64);
    g_assert(qnum_get_try_int(qn, &i));
    g_assert_cmpint(i, ==, -42);
    g_assert_cmpint(qnum_get_int(qn), ==, -42);
    g_assert_false(qnum_get_try_uint(qn, &u));
    g_assert_cmpfloat(qnum_get_double(qn), ==, -42.0);
    g_assert_cmpstr(s, ==, "-42");
    g_assert_cmpint(qobject_type(QOBJECT(qn)), ==, QTYPE_QNUM);
}

static void test_qnum_int_limits(void)
{
    g_autoptr(QNum) min = qnum_from_int(INT64_MIN);
    g_autoptr(QNum) max = qnum_from_int(INT64_MAX);
    g_autofree char *smin = qnum_to_string(min);
    g_autofree char *smax = qnum_to_string(max);
    uint64_t u;

    g_assert_cmpstr(smin, ==, "-9223372036854775808");
    g_assert_cmpstr(smax, ==, "9223372036854775807");
    g_assert(qnum_get_try_uint(max, &u));
    g_assert_cmpuint(u, ==, INT64_MAX);
    g_assert_cmpuint(qnum_get_uint(max), ==, INT64_MAX);
}

static void test_qnum_uint(void)
{
    g_autoptr(QNum) big = qnum_from_uint(UINT64_MAX);
    g_autoptr(QNum) small = qnum_from_uint(7);
    g_autofree char *s = qnum_to_string(big);
    int64_t i;
    uint64_t u;

    g_assert_cmpint(big->kind, ==, QNUM_U64);
    g_assert(qnum_get_try_uint(big, &u));
    g_assert_cmpuint(u, ==, UINT64_MAX);
    g_assert_false(qnum_get_try_int(big, &i));
    g_assert_cmpstr(s, ==, "18446744073709551615");
    g_assert_cmpfloat(qnum_get_double(big), ==, 18446744073709551615.0);

    g_assert(qnum_get_try_int(small, &i));
    g_assert_cmpint(i, ==, 7);
    g_assert_cmpint(qnum_get_int(small), ==, 7);
}

static void test_qnum_double(void)
{
    static const struct {
        double value;
        const char *text;
    } cases[] = {
        {1.5, "1.5"},
        {0.1, "0.1"},
        {-2.25e-300, "-2.25e-300"},
        {1.0, "1.0"},
        {-0.0, "-0.0"},
        {1000.0, "1000.0"},
        {2.5e10, "25000000000.0"},
        {1e16, "10000000000000000.0"},
        {1e21, "1e+21"},
        {2.5e-7, "2.5e-07"},
        {3.141592653589793, "3.141592653589793"},
        {0.30000000000000004, "0.30000000000000004"},
    };
    size_t i;

    for (i = 0; i < ARRAY_SIZE(cases); i++) {
        g_autoptr(QNum) qn = qnum_from_double(cases[i].value);
        g_autofree char *s = qnum_to_string(qn);
        int64_t iv;
        uint64_t uv;

        g_assert_cmpint(qn->kind, ==, QNUM_DOUBLE);
        g_assert_cmpfloat(qnum_get_double(qn), ==, cases[i].value);
        g_assert_false(qnum_get_try_int(qn, &iv));
        g_assert_false(qnum_get_try_uint(qn, &uv));
        g_assert_cmpstr(s, ==, cases[i].text);
        g_assert_cmpfloat(g_ascii_strtod(s, NULL), ==, cases[i].value);
    }
}

static void test_qnum_equal(void)
{
    g_autoptr(QNum) i1 = qnum_from_int(1);
    g_autoptr(QNum) i1b = qnum_from_int(1);
    g_autoptr(QNum) u1 = qnum_from_uint(1);
    g_autoptr(QNum) d1 = qnum_from_double(1.0);
    g_autoptr(QNum) d15 = qnum_from_double(1.5);
    g_autoptr(QNum) im1 = qnum_from_int(-1);
    g_autoptr(QNum) umax = qnum_from_uint(UINT64_MAX);
    g_autoptr(QNum) i2 = qnum_from_int(2);

    g_assert(qobject_is_equal(QOBJECT(i1), QOBJECT(i1b)));
    g_assert(qobject_is_equal(QOBJECT(i1), QOBJECT(u1)));
    g_assert(qobject_is_equal(QOBJECT(u1), QOBJECT(i1)));
    /* As in QEMU, a double never equals an integer. */
    g_assert_false(qobject_is_equal(QOBJECT(i1), QOBJECT(d1)));
    g_assert_false(qobject_is_equal(QOBJECT(d1), QOBJECT(u1)));
    {
        g_autoptr(QNum) d1b = qnum_from_double(1.0);

        g_assert(qobject_is_equal(QOBJECT(d1), QOBJECT(d1b)));
    }
    g_assert_false(qobject_is_equal(QOBJECT(i1), QOBJECT(i2)));
    g_assert_false(qobject_is_equal(QOBJECT(d1), QOBJECT(d15)));
    /* -1 as int64 must not equal UINT64_MAX (same bits). */
    g_assert_false(qobject_is_equal(QOBJECT(im1), QOBJECT(umax)));
    g_assert_false(qobject_is_equal(QOBJECT(umax), QOBJECT(im1)));
}

static void test_qbool(void)
{
    g_autoptr(QBool) t = qbool_from_bool(true);
    g_autoptr(QBool) f = qbool_from_bool(false);
    g_autoptr(QBool) t2 = qbool_from_bool(true);

    g_assert_true(qbool_get_bool(t));
    g_assert_false(qbool_get_bool(f));
    g_assert_cmpint(qobject_type(QOBJECT(t)), ==, QTYPE_QBOOL);
    g_assert(qobject_is_equal(QOBJECT(t), QOBJECT(t2)));
    g_assert_false(qobject_is_equal(QOBJECT(t), QOBJECT(f)));
    g_assert(qobject_to(QBool, QOBJECT(t)) == t);
    g_assert_null(qobject_to(QString, QOBJECT(t)));
}

static void test_qstring(void)
{
    g_autoptr(QString) a = qstring_from_str("hello");
    g_autoptr(QString) b = qstring_from_substr("xxhelloyy", 2, 7);
    g_autoptr(QString) c = qstring_new();
    QString *d = qstring_from_str("keep");
    char *text;

    g_assert_cmpstr(qstring_get_str(a), ==, "hello");
    g_assert_cmpstr(qstring_get_str(b), ==, "hello");
    g_assert(qobject_is_equal(QOBJECT(a), QOBJECT(b)));
    g_assert_cmpstr(qstring_get_str(c), ==, "");
    g_assert_false(qobject_is_equal(QOBJECT(a), QOBJECT(c)));

    qstring_append(c, "he");
    qstring_append_chr(c, 'l');
    qstring_append(c, "lo");
    g_assert(qobject_is_equal(QOBJECT(a), QOBJECT(c)));
    qstring_append_int(c, -12);
    g_assert_cmpstr(qstring_get_str(c), ==, "hello-12");
    g_assert_cmpuint(qstring_get_length(c), ==, 8);

    g_assert_cmpstr(qstring_get_try_str(a), ==, "hello");
    g_assert_null(qstring_get_try_str(NULL));
    g_assert_cmpstr(qobject_get_try_str(QOBJECT(a)), ==, "hello");
    g_assert_null(qobject_get_try_str(NULL));
    {
        g_autoptr(QNum) n = qnum_from_int(1);

        g_assert_null(qobject_get_try_str(QOBJECT(n)));
    }

    text = qstring_free(d, true);
    g_assert_cmpstr(text, ==, "keep");
    g_free(text);
}

static void test_qstring_unicode(void)
{
    /* U+00E9, U+20AC, U+1F600 */
    g_autoptr(QString) s =
        qstring_from_str("\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80");

    g_assert_cmpuint(qstring_get_length(s), ==, 9);
    g_assert_cmpstr(qstring_get_str(s), ==,
                    "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80");
}

static void test_refcount(void)
{
    QDict *d = qdict_new();
    QString *s = qstring_from_str("shared");
    QList *l = qlist_new();

    g_assert_cmpuint(d->base.refcnt, ==, 1);
    g_assert(qobject_ref(d) == d);
    g_assert_cmpuint(d->base.refcnt, ==, 2);
    qobject_unref(d);
    g_assert_cmpuint(d->base.refcnt, ==, 1);

    /* Putting hands over our reference; taking one keeps s alive. */
    qdict_put(d, "s", qobject_ref(s));
    qlist_append(l, qobject_ref(s));
    g_assert_cmpuint(s->base.refcnt, ==, 3);
    qobject_unref(d);
    g_assert_cmpuint(s->base.refcnt, ==, 2);
    qobject_unref(l);
    g_assert_cmpuint(s->base.refcnt, ==, 1);
    g_assert_cmpstr(qstring_get_str(s), ==, "shared");
    qobject_unref(s);

    /* NULL is accepted by both macros. */
    qobject_unref((QDict *)NULL);
    g_assert_null(qobject_ref((QObject *)NULL));
}

static void test_autoptr(void)
{
    QString *witness = qstring_from_str("w");

    {
        g_autoptr(QList) l = qlist_new();
        g_autoptr(QObject) o = QOBJECT(qobject_ref(witness));

        qlist_append(l, qobject_ref(witness));
        g_assert_cmpuint(witness->base.refcnt, ==, 3);
        g_assert_nonnull(o);
    }
    g_assert_cmpuint(witness->base.refcnt, ==, 1);
    qobject_unref(witness);
}

static void test_qlist(void)
{
    g_autoptr(QList) l = qlist_new();
    const QListEntry *e;
    QObject *o;
    int n = 0;

    g_assert_true(qlist_empty(l));
    g_assert_null(qlist_peek(l));
    g_assert_null(qlist_pop(l));
    g_assert_cmpint(qobject_type(QOBJECT(l)), ==, QTYPE_QLIST);

    qlist_append_int(l, 10);
    qlist_append_bool(l, true);
    qlist_append_str(l, "three");
    qlist_append_null(l);
    qlist_append(l, qnum_from_double(4.5));
    g_assert_false(qlist_empty(l));
    g_assert_cmpuint(qlist_size(l), ==, 5);

    /* QLIST_FOREACH_ENTRY is a loop, which clang-format does not know. */
    /* clang-format off */
    QLIST_FOREACH_ENTRY(l, e) {
        QObject *elt = qlist_entry_obj(e);

        switch (n++) {
        case 0:
            g_assert_cmpint(qnum_get_int(qobject_to(QNum, elt)), ==, 10);
            break;
        case 1:
            g_assert_true(qbool_get_bool(qobject_to(QBool, elt)));
            break;
        case 2:
            g_assert_cmpstr(qstring_get_str(qobject_to(QString, elt)), ==,
                            "three");
            break;
        case 3:
            g_assert_nonnull(qobject_to(QNull, elt));
            break;
        case 4:
            g_assert_cmpfloat(qnum_get_double(qobject_to(QNum, elt)), ==, 4.5);
            break;
        }
    }
    /* clang-format on */
    g_assert_cmpint(n, ==, 5);

    o = qlist_peek(l);
    g_assert_cmpint(qnum_get_int(qobject_to(QNum, o)), ==, 10);
    g_assert_cmpuint(qlist_size(l), ==, 5);
    o = qlist_pop(l);
    g_assert_cmpint(qnum_get_int(qobject_to(QNum, o)), ==, 10);
    g_assert_cmpuint(o->base.refcnt, ==, 1);
    qobject_unref(o);
    g_assert_cmpuint(qlist_size(l), ==, 4);

    while ((o = qlist_pop(l))) {
        qobject_unref(o);
    }
    g_assert_true(qlist_empty(l));
    g_assert_cmpuint(qlist_size(l), ==, 0);
    /* Usable again after being emptied. */
    qlist_append_int(l, 1);
    g_assert_cmpuint(qlist_size(l), ==, 1);
}

static void test_qlist_copy_equal(void)
{
    g_autoptr(QList) a = qlist_new();
    g_autoptr(QList) b = NULL;
    g_autoptr(QList) c = qlist_new();
    QString *s = qstring_from_str("x");

    qlist_append(a, s);
    qlist_append_int(a, 2);
    b = qlist_copy(a);
    g_assert_cmpuint(qlist_size(b), ==, 2);
    /* Shallow: the same element, one more reference. */
    g_assert(qlist_peek(b) == QOBJECT(s));
    g_assert_cmpuint(s->base.refcnt, ==, 2);
    g_assert(qobject_is_equal(QOBJECT(a), QOBJECT(b)));

    /* Same elements in another order are not equal. */
    qlist_append_int(c, 2);
    qlist_append_str(c, "x");
    g_assert_false(qobject_is_equal(QOBJECT(a), QOBJECT(c)));
    qlist_append_int(b, 3);
    g_assert_false(qobject_is_equal(QOBJECT(a), QOBJECT(b)));
}

static void test_qdict_put_get(void)
{
    g_autoptr(QDict) d = qdict_new();
    QList *l = qlist_new();
    QDict *sub = qdict_new();

    g_assert_cmpuint(qdict_size(d), ==, 0);
    g_assert_null(qdict_first(d));
    qdict_put_int(d, "int", -5);
    qdict_put_bool(d, "bool", true);
    qdict_put_str(d, "str", "text");
    qdict_put_null(d, "null");
    qdict_put(d, "num", qnum_from_double(2.5));
    qdict_put(d, "u", qnum_from_uint(UINT64_MAX));
    qdict_put(d, "list", l);
    qdict_put(d, "dict", sub);
    g_assert_cmpuint(qdict_size(d), ==, 8);

    g_assert_cmpint(qdict_get_int(d, "int"), ==, -5);
    g_assert_true(qdict_get_bool(d, "bool"));
    g_assert_cmpstr(qdict_get_str(d, "str"), ==, "text");
    g_assert_nonnull(qobject_to(QNull, qdict_get(d, "null")));
    g_assert_cmpfloat(qdict_get_double(d, "num"), ==, 2.5);
    g_assert_cmpfloat(qdict_get_double(d, "int"), ==, -5.0);
    g_assert(qdict_get_qlist(d, "list") == l);
    g_assert(qdict_get_qdict(d, "dict") == sub);
    g_assert_null(qdict_get_qdict(d, "list"));
    g_assert_null(qdict_get(d, "missing"));
    g_assert_true(qdict_haskey(d, "null"));
    g_assert_false(qdict_haskey(d, "missing"));

    g_assert_cmpint(qdict_get_try_int(d, "int", 9), ==, -5);
    g_assert_cmpint(qdict_get_try_int(d, "missing", 9), ==, 9);
    g_assert_cmpint(qdict_get_try_int(d, "str", 9), ==, 9);
    g_assert_cmpint(qdict_get_try_int(d, "num", 9), ==, 9);
    g_assert_cmpint(qdict_get_try_int(d, "u", 9), ==, 9);
    g_assert_true(qdict_get_try_bool(d, "bool", false));
    g_assert_false(qdict_get_try_bool(d, "missing", false));
    g_assert_true(qdict_get_try_bool(d, "int", true));
    g_assert_cmpstr(qdict_get_try_str(d, "str"), ==, "text");
    g_assert_null(qdict_get_try_str(d, "int"));
    g_assert_null(qdict_get_try_str(d, "missing"));
}

static void test_qdict_replace_del(void)
{
    g_autoptr(QDict) d = qdict_new();
    QString *old = qstring_from_str("old");

    qdict_put(d, "k", qobject_ref(old));
    g_assert_cmpuint(old->base.refcnt, ==, 2);
    qdict_put_str(d, "k", "new");
    /* The old value was released. */
    g_assert_cmpuint(old->base.refcnt, ==, 1);
    qobject_unref(old);
    g_assert_cmpuint(qdict_size(d), ==, 1);
    g_assert_cmpstr(qdict_get_str(d, "k"), ==, "new");

    qdict_del(d, "absent");
    g_assert_cmpuint(qdict_size(d), ==, 1);
    qdict_del(d, "k");
    g_assert_cmpuint(qdict_size(d), ==, 0);
    g_assert_false(qdict_haskey(d, "k"));
    g_assert_null(qdict_first(d));
    qdict_put_int(d, "k", 3);
    g_assert_cmpint(qdict_get_int(d, "k"), ==, 3);
}

static void check_order(QDict *d, const char *const *keys, size_t n)
{
    const QDictEntry *e;
    size_t i = 0;

    for (e = qdict_first(d); e; e = qdict_next(d, e)) {
        g_assert_cmpuint(i, <, n);
        g_assert_cmpstr(qdict_entry_key(e), ==, keys[i]);
        g_assert(qdict_entry_value(e) == qdict_get(d, keys[i]));
        i++;
    }
    g_assert_cmpuint(i, ==, n);
}

static void test_qdict_order(void)
{
    g_autoptr(QDict) d = qdict_new();
    static const char *const keys[] = {
        "zeta", "alpha", "mid", "b", "a", "yy", "c0", "c1", "x", "m",
    };
    static const char *const after_del[] = {
        "alpha", "mid", "b", "a", "yy", "c0", "c1", "x", "zeta",
    };
    size_t i;

    for (i = 0; i < ARRAY_SIZE(keys); i++) {
        qdict_put_int(d, keys[i], i);
    }
    check_order(d, keys, ARRAY_SIZE(keys));

    /* Replacing a value keeps the key where it was. */
    qdict_put_str(d, "mid", "replaced");
    check_order(d, keys, ARRAY_SIZE(keys));

    /* Deleting first and last, then re-adding, moves the key to the end. */
    qdict_del(d, "zeta");
    qdict_del(d, "m");
    qdict_put_int(d, "zeta", 0);
    check_order(d, after_del, ARRAY_SIZE(after_del));
}

static void test_qdict_del_while_iterating(void)
{
    g_autoptr(QDict) d = qdict_new();
    const QDictEntry *e, *next;
    int i;

    for (i = 0; i < 20; i++) {
        g_autofree char *key = g_strdup_printf("k%d", i);

        qdict_put_int(d, key, i);
    }
    for (e = qdict_first(d); e; e = next) {
        next = qdict_next(d, e);
        if (qnum_get_int(qobject_to(QNum, qdict_entry_value(e))) % 2) {
            qdict_del(d, qdict_entry_key(e));
        }
    }
    g_assert_cmpuint(qdict_size(d), ==, 10);
    i = 0;
    for (e = qdict_first(d); e; e = qdict_next(d, e)) {
        g_assert_cmpint(qnum_get_int(qobject_to(QNum, qdict_entry_value(e))),
                        ==, i);
        i += 2;
    }
}

static void test_qdict_clone_default(void)
{
    g_autoptr(QDict) src = qdict_new();
    g_autoptr(QDict) clone = NULL;
    g_autoptr(QDict) dst = qdict_new();
    QList *l = qlist_new();
    static const char *const keys[] = {"b", "a", "l"};

    qdict_put_int(src, "b", 1);
    qdict_put_str(src, "a", "x");
    qdict_put(src, "l", l);
    clone = qdict_clone_shallow(src);
    check_order(clone, keys, ARRAY_SIZE(keys));
    g_assert(qdict_get(clone, "l") == QOBJECT(l));
    g_assert_cmpuint(l->base.refcnt, ==, 2);
    g_assert(qobject_is_equal(QOBJECT(src), QOBJECT(clone)));
    qdict_del(clone, "a");
    g_assert_true(qdict_haskey(src, "a"));

    qdict_put_int(dst, "b", 7);
    qdict_copy_default(dst, src, "b");
    qdict_copy_default(dst, src, "a");
    qdict_copy_default(dst, src, "nothing");
    g_assert_cmpint(qdict_get_int(dst, "b"), ==, 7);
    g_assert_cmpstr(qdict_get_str(dst, "a"), ==, "x");
    g_assert_false(qdict_haskey(dst, "nothing"));
    qdict_set_default_str(dst, "a", "y");
    qdict_set_default_str(dst, "c", "z");
    g_assert_cmpstr(qdict_get_str(dst, "a"), ==, "x");
    g_assert_cmpstr(qdict_get_str(dst, "c"), ==, "z");
}

static void test_qdict_equal(void)
{
    g_autoptr(QDict) a = qdict_new();
    g_autoptr(QDict) b = qdict_new();
    QList *la = qlist_new(), *lb = qlist_new();

    g_assert(qobject_is_equal(QOBJECT(a), QOBJECT(b)));
    qdict_put_int(a, "x", 1);
    qdict_put_str(a, "y", "s");
    qlist_append_int(la, 5);
    qdict_put(a, "l", la);
    /* Same content, other insertion order, integers of other kinds. */
    qlist_append(lb, qnum_from_uint(5));
    qdict_put(b, "l", lb);
    qdict_put_str(b, "y", "s");
    qdict_put(b, "x", qnum_from_uint(1));
    g_assert(qobject_is_equal(QOBJECT(a), QOBJECT(b)));

    qlist_append_null(lb);
    g_assert_false(qobject_is_equal(QOBJECT(a), QOBJECT(b)));
    qlist_append_null(la);
    g_assert(qobject_is_equal(QOBJECT(a), QOBJECT(b)));

    qdict_put(b, "d", qnum_from_double(0.0));
    qdict_put_int(a, "d", 0);
    g_assert_false(qobject_is_equal(QOBJECT(a), QOBJECT(b)));
    qdict_put(a, "d", qnum_from_double(0.0));
    g_assert(qobject_is_equal(QOBJECT(a), QOBJECT(b)));

    qdict_put_int(b, "extra", 0);
    g_assert_false(qobject_is_equal(QOBJECT(a), QOBJECT(b)));
    qdict_put_int(a, "other", 0);
    g_assert_false(qobject_is_equal(QOBJECT(a), QOBJECT(b)));
}

static void test_equal_misc(void)
{
    g_autoptr(QString) s = qstring_from_str("1");
    g_autoptr(QNum) n = qnum_from_int(1);
    g_autoptr(QDict) d = qdict_new();
    g_autoptr(QList) l = qlist_new();
    g_autoptr(QNull) nul = qnull();
    g_autoptr(QNull) nul2 = qnull();

    g_assert(qobject_is_equal(NULL, NULL));
    g_assert_false(qobject_is_equal(QOBJECT(s), NULL));
    g_assert_false(qobject_is_equal(NULL, QOBJECT(s)));
    g_assert_false(qobject_is_equal(QOBJECT(s), QOBJECT(n)));
    g_assert_false(qobject_is_equal(QOBJECT(d), QOBJECT(l)));
    g_assert(qobject_is_equal(QOBJECT(nul), QOBJECT(nul2)));
    g_assert_false(qobject_is_equal(QOBJECT(nul), QOBJECT(l)));
}

static void test_qobject_to(void)
{
    QObject *objs[] = {
        QOBJECT(qnull()),
        QOBJECT(qnum_from_int(1)),
        QOBJECT(qstring_from_str("s")),
        QOBJECT(qdict_new()),
        QOBJECT(qlist_new()),
        QOBJECT(qbool_from_bool(false)),
    };
    static const QType types[] = {
        QTYPE_QNULL, QTYPE_QNUM,  QTYPE_QSTRING,
        QTYPE_QDICT, QTYPE_QLIST, QTYPE_QBOOL,
    };
    size_t i;

    for (i = 0; i < ARRAY_SIZE(objs); i++) {
        QType t = types[i];

        g_assert_cmpint(qobject_type(objs[i]), ==, t);
        g_assert((qobject_to(QNull, objs[i]) != NULL) == (t == QTYPE_QNULL));
        g_assert((qobject_to(QNum, objs[i]) != NULL) == (t == QTYPE_QNUM));
        g_assert((qobject_to(QString, objs[i]) != NULL) ==
                 (t == QTYPE_QSTRING));
        g_assert((qobject_to(QDict, objs[i]) != NULL) == (t == QTYPE_QDICT));
        g_assert((qobject_to(QList, objs[i]) != NULL) == (t == QTYPE_QLIST));
        g_assert((qobject_to(QBool, objs[i]) != NULL) == (t == QTYPE_QBOOL));
        qobject_unref(objs[i]);
    }
    g_assert_null(qobject_to(QDict, NULL));
    g_assert_cmpstr(QType_str(QTYPE_QDICT), ==, "qdict");
    g_assert_cmpstr(QType_str(QTYPE_QBOOL), ==, "qbool");
}

static const QLitObject qlit_sample = QLIT_QDICT(((QLitDictEntry[]){
    {"driver", QLIT_QSTR("ns16550a")},
    {"irqs",
     QLIT_QLIST(((QLitObject[]){
         QLIT_QNUM(10), QLIT_QNUM(-1), QLIT_QNULL, QLIT_QBOOL(true), {}}))},
    {"empty", QLIT_QDICT(((QLitDictEntry[]){{}}))},
    {}}));

static void test_qlit(void)
{
    g_autoptr(QObject) obj = qobject_from_qlit(&qlit_sample);
    QDict *d = qobject_to(QDict, obj);
    QList *irqs = qdict_get_qlist(d, "irqs");
    g_autoptr(QDict) copy = qdict_clone_shallow(d);
    const QDictEntry *e = qdict_first(d);

    g_assert_cmpuint(qdict_size(d), ==, 3);
    g_assert_cmpstr(qdict_entry_key(e), ==, "driver");
    g_assert_cmpstr(qdict_get_str(d, "driver"), ==, "ns16550a");
    g_assert_cmpuint(qlist_size(irqs), ==, 4);
    g_assert_cmpint(qnum_get_int(qobject_to(QNum, qlist_peek(irqs))), ==, 10);
    g_assert_cmpuint(qdict_size(qdict_get_qdict(d, "empty")), ==, 0);
    g_assert_true(qlit_equal_qobject(&qlit_sample, obj));

    /* Any difference is seen: a changed value, an extra or missing key. */
    qdict_put_str(copy, "driver", "other");
    g_assert_false(qlit_equal_qobject(&qlit_sample, QOBJECT(copy)));
    qdict_put_str(copy, "driver", "ns16550a");
    g_assert_true(qlit_equal_qobject(&qlit_sample, QOBJECT(copy)));
    qdict_put_int(copy, "extra", 1);
    g_assert_false(qlit_equal_qobject(&qlit_sample, QOBJECT(copy)));
    qdict_del(copy, "extra");
    qdict_del(copy, "empty");
    g_assert_false(qlit_equal_qobject(&qlit_sample, QOBJECT(copy)));

    /* Lists: length and order count; a double is not a QLIT_QNUM. */
    qlist_append_null(irqs);
    g_assert_false(qlit_equal_qobject(&qlit_sample, obj));
    {
        static const QLitObject ten = QLIT_QNUM(10);
        g_autoptr(QNum) d10 = qnum_from_double(10.0);
        g_autoptr(QNum) u10 = qnum_from_uint(10);

        g_assert_false(qlit_equal_qobject(&ten, QOBJECT(d10)));
        g_assert_true(qlit_equal_qobject(&ten, QOBJECT(u10)));
        g_assert_false(qlit_equal_qobject(&ten, NULL));
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/qobject/qnull", test_qnull);
    g_test_add_func("/qobject/qnum/int", test_qnum_int);
    g_test_add_func("/qobject/qnum/int-limits", test_qnum_int_limits);
    g_test_add_func("/qobject/qnum/uint", test_qnum_uint);
    g_test_add_func("/qobject/qnum/double", test_qnum_double);
    g_test_add_func("/qobject/qnum/equal", test_qnum_equal);
    g_test_add_func("/qobject/qbool", test_qbool);
    g_test_add_func("/qobject/qstring/basic", test_qstring);
    g_test_add_func("/qobject/qstring/unicode", test_qstring_unicode);
    g_test_add_func("/qobject/refcount", test_refcount);
    g_test_add_func("/qobject/autoptr", test_autoptr);
    g_test_add_func("/qobject/qlist/basic", test_qlist);
    g_test_add_func("/qobject/qlist/copy-equal", test_qlist_copy_equal);
    g_test_add_func("/qobject/qdict/put-get", test_qdict_put_get);
    g_test_add_func("/qobject/qdict/replace-del", test_qdict_replace_del);
    g_test_add_func("/qobject/qdict/order", test_qdict_order);
    g_test_add_func("/qobject/qdict/del-while-iterating",
                    test_qdict_del_while_iterating);
    g_test_add_func("/qobject/qdict/clone-default", test_qdict_clone_default);
    g_test_add_func("/qobject/qdict/equal", test_qdict_equal);
    g_test_add_func("/qobject/equal-misc", test_equal_misc);
    g_test_add_func("/qobject/qobject-to", test_qobject_to);
    g_test_add_func("/qobject/qlit", test_qlit);
    return g_test_run();
}

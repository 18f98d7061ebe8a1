/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Unit tests for the clone visitor: QAPI_CLONE and QAPI_CLONE_MEMBERS. */
#include "qomu/osdep.h"
#include "qapi/clone-visitor.h"
#include "qobject/qdict.h"
#include "qobject/qjson.h"
#include "test-visitor-types.h"

static TestStruct *make_struct(void)
{
    TestStruct *ts = g_new0(TestStruct, 1);
    intList **itail = &ts->ints;
    strList **stail = &ts->strs;

    ts->i = -7;
    ts->u = UINT64_MAX;
    ts->b = true;
    ts->str = g_strdup("hello");
    ts->num = 0.25;
    ts->size = 64 * 1024;
    ts->mode = ON_OFF_AUTO_OFF;
    ts->u8 = 200;
    ts->has_opt = true;
    ts->opt = 99;
    ts->inner = g_new0(TestInner, 1);
    ts->inner->n = 5;
    ts->inner->s = g_strdup("inner");
    QAPI_LIST_APPEND(itail, 1);
    QAPI_LIST_APPEND(itail, 2);
    QAPI_LIST_APPEND(stail, g_strdup("x"));
    ts->any = QOBJECT(qdict_from_json_nofail("{\"k\": [1, 2]}"));
    return ts;
}

static void test_clone_struct(void)
{
    TestStruct *orig = make_struct();
    TestStruct *copy = QAPI_CLONE(TestStruct, orig);

    g_assert_nonnull(copy);
    g_assert_true(copy != orig);
    g_assert_cmpint(copy->i, ==, -7);
    g_assert_cmpuint(copy->u, ==, UINT64_MAX);
    g_assert_true(copy->b);
    g_assert_cmpfloat(copy->num, ==, 0.25);
    g_assert_cmpuint(copy->size, ==, 65536);
    g_assert_cmpint(copy->mode, ==, ON_OFF_AUTO_OFF);
    g_assert_cmpuint(copy->u8, ==, 200);
    g_assert_true(copy->has_opt);
    g_assert_cmpint(copy->opt, ==, 99);
    /* Deep: no pointer is shared. */
    g_assert_true(copy->str != orig->str);
    g_assert_cmpstr(copy->str, ==, "hello");
    g_assert_true(copy->inner != orig->inner);
    g_assert_true(copy->inner->s != orig->inner->s);
    g_assert_cmpstr(copy->inner->s, ==, "inner");
    g_assert_true(copy->ints != orig->ints);
    g_assert_true(copy->ints->next != orig->ints->next);
    g_assert_cmpint(copy->ints->next->value, ==, 2);
    g_assert_null(copy->ints->next->next);
    g_assert_true(copy->strs->value != orig->strs->value);
    g_assert_cmpstr(copy->strs->value, ==, "x");
    /* A QObject is immutable: the copy shares it with a reference. */
    g_assert_true(copy->any == orig->any);
    g_assert_cmpuint(orig->any->base.refcnt, ==, 2);

    /* Changing and freeing the original leaves the copy intact. */
    orig->inner->s[0] = 'X';
    qapi_free_TestStruct(orig);
    g_assert_cmpstr(copy->inner->s, ==, "inner");
    g_assert_cmpuint(copy->any->base.refcnt, ==, 1);
    qapi_free_TestStruct(copy);
}

static void test_clone_empty(void)
{
    TestStruct *orig = g_new0(TestStruct, 1);
    TestStruct *copy = QAPI_CLONE(TestStruct, orig);

    /* As QEMU, a NULL string comes back as "". */
    g_assert_cmpstr(copy->str, ==, "");
    g_assert_null(copy->inner);
    g_assert_null(copy->ints);
    g_assert_null(copy->any);
    qapi_free_TestStruct(orig);
    qapi_free_TestStruct(copy);
    g_assert_null(QAPI_CLONE(TestStruct, NULL));
}

static void test_clone_list(void)
{
    strList *orig = NULL, **tail = &orig, *copy;

    QAPI_LIST_APPEND(tail, g_strdup("a"));
    QAPI_LIST_APPEND(tail, g_strdup("b"));
    copy = QAPI_CLONE(strList, orig);
    g_assert_cmpuint(QAPI_LIST_LENGTH(copy), ==, 2);
    g_assert_true(copy->next->value != orig->next->value);
    g_assert_cmpstr(copy->next->value, ==, "b");
    qapi_free_strList(orig);
    qapi_free_strList(copy);
}

static void test_clone_members(void)
{
    TestInner src = {.n = 3, .s = (char *)"text"};
    TestInner dst;

    QAPI_CLONE_MEMBERS(TestInner, &dst, &src);
    g_assert_cmpint(dst.n, ==, 3);
    g_assert_true(dst.s != src.s);
    g_assert_cmpstr(dst.s, ==, "text");
    g_free(dst.s);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/visitor/clone/struct", test_clone_struct);
    g_test_add_func("/visitor/clone/empty", test_clone_empty);
    g_test_add_func("/visitor/clone/list", test_clone_list);
    g_test_add_func("/visitor/clone/members", test_clone_members);
    return g_test_run();
}

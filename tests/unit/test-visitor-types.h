/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-visitor-types.h: hand-written visitable types for the visitor
 * tests, in the shape QEMU's QAPI generator would emit for
 *
 *   { 'struct': 'TestInner', 'data': { 'n': 'int', 's': 'str' } }
 *   { 'struct': 'TestStruct',
 *     'data': { 'i': 'int', 'u': 'uint64', 'b': 'bool', 'str': 'str',
 *               'num': 'number', 'size': 'size', 'mode': 'OnOffAuto',
 *               'u8': 'uint8', '*opt': 'int', '*inner': 'TestInner',
 *               '*ints': ['int'], '*strs': ['str'], '*any': 'any' } }
 *
 * As in current QEMU, an optional pointer member has no has_ flag: NULL
 * means absent (so an empty optional list is absent too).
 */
#ifndef TEST_VISITOR_TYPES_H
#define TEST_VISITOR_TYPES_H

#include "qomu/osdep.h"
#include "qapi/dealloc-visitor.h"
#include "qapi/qapi-builtin-visit.h"
#include "qapi/qapi-visit-common.h"

typedef struct TestInner {
    int64_t n;
    char *s;
} TestInner;

typedef struct TestStruct {
    int64_t i;
    uint64_t u;
    bool b;
    char *str;
    double num;
    uint64_t size;
    OnOffAuto mode;
    uint8_t u8;
    bool has_opt;
    int64_t opt;
    TestInner *inner; /* optional: NULL when absent */
    intList *ints;    /* optional */
    strList *strs;    /* optional */
    QObject *any;     /* optional: NULL when absent */
} TestStruct;

static inline void qapi_free_TestInner(TestInner *obj);
static inline void qapi_free_TestStruct(TestStruct *obj);

static inline bool visit_type_TestInner_members(Visitor *v, TestInner *obj,
                                                Error **errp)
{
    return visit_type_int(v, "n", &obj->n, errp) &&
           visit_type_str(v, "s", &obj->s, errp);
}

static inline bool visit_type_TestInner(Visitor *v, const char *name,
                                        TestInner **obj, Error **errp)
{
    bool ok = false;

    if (!visit_start_struct(v, name, (void **)obj, sizeof(TestInner), errp)) {
        return false;
    }
    if (!*obj) {
        /* only the dealloc visitor walks a NULL struct */
        g_assert(visit_is_dealloc(v));
        ok = true;
        goto out_obj;
    }
    if (!visit_type_TestInner_members(v, *obj, errp)) {
        goto out_obj;
    }
    ok = visit_check_struct(v, errp);
out_obj:
    visit_end_struct(v, (void **)obj);
    if (!ok && visit_is_input(v)) {
        qapi_free_TestInner(*obj);
        *obj = NULL;
    }
    return ok;
}

static inline bool visit_type_TestStruct_members(Visitor *v, TestStruct *obj,
                                                 Error **errp)
{
    bool has_inner = !!obj->inner;
    bool has_any = !!obj->any;
    bool has_ints = !!obj->ints;
    bool has_strs = !!obj->strs;

    if (!visit_type_int(v, "i", &obj->i, errp) ||
        !visit_type_uint64(v, "u", &obj->u, errp) ||
        !visit_type_bool(v, "b", &obj->b, errp) ||
        !visit_type_str(v, "str", &obj->str, errp) ||
        !visit_type_number(v, "num", &obj->num, errp) ||
        !visit_type_size(v, "size", &obj->size, errp) ||
        !visit_type_OnOffAuto(v, "mode", &obj->mode, errp) ||
        !visit_type_uint8(v, "u8", &obj->u8, errp)) {
        return false;
    }
    if (visit_optional(v, "opt", &obj->has_opt) &&
        !visit_type_int(v, "opt", &obj->opt, errp)) {
        return false;
    }
    if (visit_optional(v, "inner", &has_inner) &&
        !visit_type_TestInner(v, "inner", &obj->inner, errp)) {
        return false;
    }
    if (visit_optional(v, "ints", &has_ints) &&
        !visit_type_intList(v, "ints", &obj->ints, errp)) {
        return false;
    }
    if (visit_optional(v, "strs", &has_strs) &&
        !visit_type_strList(v, "strs", &obj->strs, errp)) {
        return false;
    }
    if (visit_optional(v, "any", &has_any) &&
        !visit_type_any(v, "any", &obj->any, errp)) {
        return false;
    }
    return true;
}

static inline bool visit_type_TestStruct(Visitor *v, const char *name,
                                         TestStruct **obj, Error **errp)
{
    bool ok = false;

    if (!visit_start_struct(v, name, (void **)obj, sizeof(TestStruct), errp)) {
        return false;
    }
    if (!*obj) {
        g_assert(visit_is_dealloc(v));
        ok = true;
        goto out_obj;
    }
    if (!visit_type_TestStruct_members(v, *obj, errp)) {
        goto out_obj;
    }
    ok = visit_check_struct(v, errp);
out_obj:
    visit_end_struct(v, (void **)obj);
    if (!ok && visit_is_input(v)) {
        qapi_free_TestStruct(*obj);
        *obj = NULL;
    }
    return ok;
}

static inline void qapi_free_TestInner(TestInner *obj)
{
    Visitor *v;

    if (!obj) {
        return;
    }
    v = qapi_dealloc_visitor_new();
    visit_type_TestInner(v, NULL, &obj, NULL);
    visit_free(v);
}

static inline void qapi_free_TestStruct(TestStruct *obj)
{
    Visitor *v;

    if (!obj) {
        return;
    }
    v = qapi_dealloc_visitor_new();
    visit_type_TestStruct(v, NULL, &obj, NULL);
    visit_free(v);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC(TestStruct, qapi_free_TestStruct)

#endif /* TEST_VISITOR_TYPES_H */

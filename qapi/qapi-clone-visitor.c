/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qapi-clone-visitor.c: deep copies.  Each struct, list node and
 * alternate is duplicated as a block (dup_block) when it is entered, which
 * copies its scalars; pointers inside are then unshared member by member.
 */
#include "qomu/osdep.h"
#include "qapi/clone-visitor.h"
#include "qapi/visitor-impl.h"
#include "qobject/qnull.h"

typedef struct QapiCloneVisitor {
    Visitor visitor;
    size_t depth;
} QapiCloneVisitor;

static QapiCloneVisitor *to_qcv(Visitor *v)
{
    return container_of(v, QapiCloneVisitor, visitor);
}

/* A copy of @size bytes at @mem (NULL stays NULL); g_memdup2 needs 2.68. */
static void *dup_block(const void *mem, size_t size)
{
    return mem ? memcpy(g_malloc(size), mem, size) : NULL;
}

static bool qcv_start_struct(Visitor *v, const char *name, void **obj,
                             size_t size, Error **errp)
{
    QapiCloneVisitor *qcv = to_qcv(v);

    if (obj) {
        *obj = dup_block(*obj, size);
    } else {
        /* A virtual struct: nothing of its own to copy. */
        g_assert(qcv->depth);
    }
    qcv->depth++;
    return true;
}

static void qcv_end_struct(Visitor *v, void **obj)
{
    QapiCloneVisitor *qcv = to_qcv(v);

    g_assert(qcv->depth);
    qcv->depth--;
}

static bool qcv_start_list(Visitor *v, const char *name, GenericList **listp,
                           size_t size, Error **errp)
{
    return qcv_start_struct(v, name, (void **)listp, size, errp);
}

static GenericList *qcv_next_list(Visitor *v, GenericList *tail, size_t size)
{
    g_assert(to_qcv(v)->depth);
    /* Unshare the next node, still the original's after dup_block. */
    tail->next = dup_block(tail->next, size);
    return tail->next;
}

static bool qcv_start_alternate(Visitor *v, const char *name,
                                GenericAlternate **obj, size_t size,
                                Error **errp)
{
    return qcv_start_struct(v, name, (void **)obj, size, errp);
}

/* Scalars were copied with the block that holds them. */

static bool qcv_type_int64(Visitor *v, const char *name, int64_t *obj,
                           Error **errp)
{
    g_assert(to_qcv(v)->depth);
    return true;
}

static bool qcv_type_uint64(Visitor *v, const char *name, uint64_t *obj,
                            Error **errp)
{
    g_assert(to_qcv(v)->depth);
    return true;
}

static bool qcv_type_bool(Visitor *v, const char *name, bool *obj, Error **errp)
{
    g_assert(to_qcv(v)->depth);
    return true;
}

static bool qcv_type_number(Visitor *v, const char *name, double *obj,
                            Error **errp)
{
    g_assert(to_qcv(v)->depth);
    return true;
}

static bool qcv_type_str(Visitor *v, const char *name, char **obj, Error **errp)
{
    g_assert(to_qcv(v)->depth);
    /* As QEMU: a NULL string is copied as "" (which is what it means). */
    *obj = g_strdup(*obj ? *obj : "");
    return true;
}

static bool qcv_type_any(Visitor *v, const char *name, QObject **obj,
                         Error **errp)
{
    g_assert(to_qcv(v)->depth);
    qobject_ref(*obj);
    return true;
}

static bool qcv_type_null(Visitor *v, const char *name, QNull **obj,
                          Error **errp)
{
    g_assert(to_qcv(v)->depth);
    if (obj) {
        qobject_ref(*obj);
    }
    return true;
}

static void qcv_free(Visitor *v)
{
    g_free(to_qcv(v));
}

Visitor *qapi_clone_visitor_new(void)
{
    QapiCloneVisitor *qcv = g_new0(QapiCloneVisitor, 1);

    qcv->visitor.type = VISITOR_CLONE;
    qcv->visitor.start_struct = qcv_start_struct;
    qcv->visitor.end_struct = qcv_end_struct;
    qcv->visitor.start_list = qcv_start_list;
    qcv->visitor.next_list = qcv_next_list;
    qcv->visitor.end_list = qcv_end_struct;
    qcv->visitor.start_alternate = qcv_start_alternate;
    qcv->visitor.end_alternate = qcv_end_struct;
    qcv->visitor.type_int64 = qcv_type_int64;
    qcv->visitor.type_uint64 = qcv_type_uint64;
    qcv->visitor.type_bool = qcv_type_bool;
    qcv->visitor.type_str = qcv_type_str;
    qcv->visitor.type_number = qcv_type_number;
    qcv->visitor.type_any = qcv_type_any;
    qcv->visitor.type_null = qcv_type_null;
    qcv->visitor.free = qcv_free;
    return &qcv->visitor;
}

void *qapi_clone(const void *src,
                 bool (*visit_type)(Visitor *, const char *, void **, Error **))
{
    Visitor *v;
    void *dst = (void *)src;

    if (!src) {
        return NULL;
    }
    v = qapi_clone_visitor_new();
    visit_type(v, NULL, &dst, &error_abort);
    visit_free(v);
    return dst;
}

void qapi_clone_members(void *dst, const void *src, size_t sz,
                        bool (*visit_type_members)(Visitor *, void *, Error **))
{
    Visitor *v = qapi_clone_visitor_new();

    memcpy(dst, src, sz);
    to_qcv(v)->depth++;
    visit_type_members(v, dst, &error_abort);
    visit_free(v);
}

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qobject-output-visitor.c: build a QObject tree from a visited value.
 * The mapping of types is in include/qapi/qobject-output-visitor.h.
 */
#include "qomu/osdep.h"
#include "qapi/qobject-output-visitor.h"
#include "qapi/visitor-impl.h"
#include "qobject/qbool.h"
#include "qobject/qdict.h"
#include "qobject/qlist.h"
#include "qobject/qnull.h"
#include "qobject/qnum.h"
#include "qobject/qstring.h"

/* A QDict or QList being filled. */
typedef struct QStackEntry {
    QObject *value; /* borrowed: the parent (or root) owns it */
    void *qapi;     /* the caller's pointer, to check end_* */
    struct QStackEntry *next;
} QStackEntry;

typedef struct QObjectOutputVisitor {
    Visitor visitor;
    QStackEntry *stack;
    QObject *root;
    QObject **result;
} QObjectOutputVisitor;

static QObjectOutputVisitor *to_qov(Visitor *v)
{
    return container_of(v, QObjectOutputVisitor, visitor);
}

static void push(QObjectOutputVisitor *qov, QObject *value, void *qapi)
{
    QStackEntry *e = g_new0(QStackEntry, 1);

    e->value = value;
    e->qapi = qapi;
    e->next = qov->stack;
    qov->stack = e;
}

static QObject *pop(QObjectOutputVisitor *qov, void *qapi)
{
    QStackEntry *e = qov->stack;
    QObject *value;

    g_assert(e && e->qapi == qapi);
    qov->stack = e->next;
    value = e->value;
    g_free(e);
    return value;
}

/* Put @value (a new reference, handed over) under @name in the parent. */
static void add_obj(QObjectOutputVisitor *qov, const char *name, QObject *value)
{
    QObject *cur = qov->stack ? qov->stack->value : NULL;

    if (!cur) {
        /* One visitor builds one value. */
        g_assert(!qov->root);
        qov->root = value;
        return;
    }
    switch (qobject_type(cur)) {
    case QTYPE_QDICT:
        g_assert(name);
        qdict_put_obj(qobject_to(QDict, cur), name, value);
        break;
    case QTYPE_QLIST:
        g_assert(!name);
        qlist_append_obj(qobject_to(QList, cur), value);
        break;
    default:
        g_assert_not_reached();
    }
}

#define add(qov, name, value) add_obj(qov, name, QOBJECT(value))

static bool qov_start_struct(Visitor *v, const char *name, void **obj,
                             size_t unused, Error **errp)
{
    QObjectOutputVisitor *qov = to_qov(v);
    QDict *dict = qdict_new();

    add(qov, name, dict);
    push(qov, QOBJECT(dict), obj);
    return true;
}

static void qov_end_struct(Visitor *v, void **obj)
{
    QObject *value = pop(to_qov(v), obj);

    g_assert(qobject_type(value) == QTYPE_QDICT);
}

static bool qov_start_list(Visitor *v, const char *name, GenericList **list,
                           size_t size, Error **errp)
{
    QObjectOutputVisitor *qov = to_qov(v);
    QList *qlist = qlist_new();

    add(qov, name, qlist);
    push(qov, QOBJECT(qlist), list);
    return true;
}

static GenericList *qov_next_list(Visitor *v, GenericList *tail, size_t size)
{
    return tail->next;
}

static void qov_end_list(Visitor *v, void **obj)
{
    QObject *value = pop(to_qov(v), obj);

    g_assert(qobject_type(value) == QTYPE_QLIST);
}

static bool qov_type_int64(Visitor *v, const char *name, int64_t *obj,
                           Error **errp)
{
    add(to_qov(v), name, qnum_from_int(*obj));
    return true;
}

static bool qov_type_uint64(Visitor *v, const char *name, uint64_t *obj,
                            Error **errp)
{
    add(to_qov(v), name, qnum_from_uint(*obj));
    return true;
}

static bool qov_type_bool(Visitor *v, const char *name, bool *obj, Error **errp)
{
    add(to_qov(v), name, qbool_from_bool(*obj));
    return true;
}

static bool qov_type_str(Visitor *v, const char *name, char **obj, Error **errp)
{
    add(to_qov(v), name, qstring_from_str(*obj ? *obj : ""));
    return true;
}

static bool qov_type_number(Visitor *v, const char *name, double *obj,
                            Error **errp)
{
    add(to_qov(v), name, qnum_from_double(*obj));
    return true;
}

static bool qov_type_any(Visitor *v, const char *name, QObject **obj,
                         Error **errp)
{
    add_obj(to_qov(v), name, qobject_ref(*obj));
    return true;
}

static bool qov_type_null(Visitor *v, const char *name, QNull **obj,
                          Error **errp)
{
    add(to_qov(v), name, qnull());
    return true;
}

static void qov_complete(Visitor *v, void *opaque)
{
    QObjectOutputVisitor *qov = to_qov(v);

    g_assert(qov->root && !qov->stack);
    g_assert(opaque == qov->result);
    *qov->result = qobject_ref(qov->root);
    qov->result = NULL;
}

static void qov_free(Visitor *v)
{
    QObjectOutputVisitor *qov = to_qov(v);

    while (qov->stack) {
        pop(qov, qov->stack->qapi);
    }
    qobject_unref(qov->root);
    g_free(qov);
}

Visitor *qobject_output_visitor_new(QObject **result)
{
    QObjectOutputVisitor *qov = g_new0(QObjectOutputVisitor, 1);

    qov->visitor.type = VISITOR_OUTPUT;
    qov->visitor.start_struct = qov_start_struct;
    qov->visitor.end_struct = qov_end_struct;
    qov->visitor.start_list = qov_start_list;
    qov->visitor.next_list = qov_next_list;
    qov->visitor.end_list = qov_end_list;
    qov->visitor.type_int64 = qov_type_int64;
    qov->visitor.type_uint64 = qov_type_uint64;
    qov->visitor.type_bool = qov_type_bool;
    qov->visitor.type_str = qov_type_str;
    qov->visitor.type_number = qov_type_number;
    qov->visitor.type_any = qov_type_any;
    qov->visitor.type_null = qov_type_null;
    qov->visitor.complete = qov_complete;
    qov->visitor.free = qov_free;
    qov->result = result;
    *result = NULL;
    return &qov->visitor;
}

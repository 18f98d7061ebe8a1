/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qobject-input-visitor.c: read a value from a QObject tree, either typed
 * JSON values or keyval strings.  Contracts and error texts are in
 * include/qapi/qobject-input-visitor.h.
 */
#include "qomu/osdep.h"
#include "qapi/qobject-input-visitor.h"
#include "qapi/visitor-impl.h"
#include "qapi/keyval.h"
#include "qomu/cutils.h"
#include "qobject/qbool.h"
#include "qobject/qdict.h"
#include "qobject/qjson.h"
#include "qobject/qlist.h"
#include "qobject/qnull.h"
#include "qobject/qnum.h"
#include "qobject/qstring.h"

/* A QDict or QList being visited. */
typedef struct StackObject {
    const char *name;        /* its name in its parent, if any */
    QObject *obj;            /* the QDict or QList */
    void *qapi;              /* the caller's pointer, to check end_* */
    GHashTable *h;           /* QDict: keys not visited yet */
    const QListEntry *entry; /* QList: the next element */
    int index;               /* QList: index of the current element */
    struct StackObject *parent;
} StackObject;

typedef struct QObjectInputVisitor {
    Visitor visitor;
    QObject *root;
    bool keyval;
    StackObject *tos; /* top of the stack */
    GString *errname; /* storage for full_name() */
} QObjectInputVisitor;

static QObjectInputVisitor *to_qiv(Visitor *v)
{
    return container_of(v, QObjectInputVisitor, visitor);
}

/*
 * The full name of member @name of the container @n levels below the top
 * of the stack: "a.b[2].c", or with keyval "a.b.2.c".
 */
static const char *full_name_nth(QObjectInputVisitor *qiv, const char *name,
                                 int n)
{
    StackObject *so;
    char buf[32];

    if (qiv->errname) {
        g_string_truncate(qiv->errname, 0);
    } else {
        qiv->errname = g_string_new("");
    }
    for (so = qiv->tos; so; so = so->parent) {
        if (n) {
            n--;
        } else if (qobject_type(so->obj) == QTYPE_QDICT) {
            g_string_prepend(qiv->errname, name ? name : "<anonymous>");
            g_string_prepend_c(qiv->errname, '.');
        } else {
            snprintf(buf, sizeof(buf), qiv->keyval ? ".%d" : "[%d]",
                     MAX(so->index, 0));
            g_string_prepend(qiv->errname, buf);
        }
        name = so->name;
    }
    g_assert(!n);
    if (name) {
        g_string_prepend(qiv->errname, name);
    } else if (qiv->errname->str[0] == '.') {
        g_string_erase(qiv->errname, 0, 1);
    } else if (!qiv->errname->str[0]) {
        return "<anonymous>";
    }
    return qiv->errname->str;
}

static const char *full_name(QObjectInputVisitor *qiv, const char *name)
{
    return full_name_nth(qiv, name, 0);
}

static const char *qiv_error_name(Visitor *v, const char *name)
{
    return full_name(to_qiv(v), name);
}

/*
 * The value for member @name of the current container (or the root), or
 * NULL if absent.  @consume marks it visited.
 */
static QObject *try_get_object(QObjectInputVisitor *qiv, const char *name,
                               bool consume)
{
    StackObject *tos = qiv->tos;
    QObject *ret;

    if (!tos) {
        /* At the root; @name only names the value. */
        return qiv->root;
    }
    if (qobject_type(tos->obj) == QTYPE_QDICT) {
        g_assert(name);
        ret = qdict_get(qobject_to(QDict, tos->obj), name);
        if (tos->h && consume && ret) {
            g_hash_table_remove(tos->h, name);
        }
        return ret;
    }
    g_assert(qobject_type(tos->obj) == QTYPE_QLIST);
    g_assert(!name);
    ret = tos->entry ? qlist_entry_obj(tos->entry) : NULL;
    if (consume && tos->entry) {
        tos->entry = qlist_next(tos->entry);
        tos->index++;
    }
    return ret;
}

static QObject *get_object(QObjectInputVisitor *qiv, const char *name,
                           bool consume, Error **errp)
{
    QObject *obj = try_get_object(qiv, name, consume);

    if (!obj) {
        error_setg(errp, "Parameter '%s' is missing", full_name(qiv, name));
    }
    return obj;
}

static void type_error(QObjectInputVisitor *qiv, const char *name,
                       const char *expected, Error **errp)
{
    error_setg(errp, "Invalid parameter type for '%s', expected: %s",
               full_name(qiv, name), expected);
}

/* The text of keyval member @name (every keyval scalar is a QString). */
static const char *get_keyval(QObjectInputVisitor *qiv, const char *name,
                              Error **errp)
{
    QObject *qobj = get_object(qiv, name, true, errp);
    QString *qstr;

    if (!qobj) {
        return NULL;
    }
    qstr = qobject_to(QString, qobj);
    if (!qstr) {
        switch (qobject_type(qobj)) {
        case QTYPE_QDICT:
        case QTYPE_QLIST:
            error_setg(errp, "Parameters '%s.*' are unexpected",
                       full_name(qiv, name));
            return NULL;
        default:
            /* Non-string scalars: a caller mixed a JSON value in. */
            type_error(qiv, name, "string", errp);
            return NULL;
        }
    }
    return qstring_get_str(qstr);
}

static void push(QObjectInputVisitor *qiv, const char *name, QObject *obj,
                 void *qapi)
{
    StackObject *tos = g_new0(StackObject, 1);
    const QDictEntry *e;
    QDict *qdict = qobject_to(QDict, obj);
    QList *qlist = qobject_to(QList, obj);

    tos->name = name;
    tos->obj = obj;
    tos->qapi = qapi;
    if (qdict) {
        tos->h = g_hash_table_new(g_str_hash, g_str_equal);
        for (e = qdict_first(qdict); e; e = qdict_next(qdict, e)) {
            g_hash_table_add(tos->h, (void *)qdict_entry_key(e));
        }
    } else {
        g_assert(qlist);
        tos->entry = qlist_first(qlist);
        tos->index = -1;
    }
    tos->parent = qiv->tos;
    qiv->tos = tos;
}

static void pop(QObjectInputVisitor *qiv, void **obj)
{
    StackObject *tos = qiv->tos;

    g_assert(tos && tos->qapi == obj);
    qiv->tos = tos->parent;
    if (tos->h) {
        g_hash_table_unref(tos->h);
    }
    g_free(tos);
}

/*
 * The value of member @name, checked to be of @type; NULL with @errp set
 * when it is missing or of another type (named @type_name in the error).
 */
static QObject *get_typed(QObjectInputVisitor *qiv, const char *name,
                          QType type, const char *type_name, Error **errp)
{
    QObject *qobj = get_object(qiv, name, true, errp);

    if (qobj && qobject_type(qobj) != type) {
        type_error(qiv, name, type_name, errp);
        return NULL;
    }
    return qobj;
}

/*
 * Enter the dict or list @name: check its type and push it.  The caller
 * allocates the C object once it is known to be wanted.
 */
static bool qiv_start_container(QObjectInputVisitor *qiv, const char *name,
                                QType type, const char *type_name,
                                void **obj, Error **errp)
{
    QObject *qobj = get_typed(qiv, name, type, type_name, errp);

    if (obj) {
        *obj = NULL;
    }
    if (!qobj) {
        return false;
    }
    push(qiv, name, qobj, obj);
    return true;
}

static bool qiv_start_struct(Visitor *v, const char *name, void **obj,
                             size_t size, Error **errp)
{
    if (!qiv_start_container(to_qiv(v), name, QTYPE_QDICT, "object", obj,
                             errp)) {
        return false;
    }
    if (obj) {
        *obj = g_malloc0(size);
    }
    return true;
}

static bool qiv_check_struct(Visitor *v, Error **errp)
{
    QObjectInputVisitor *qiv = to_qiv(v);
    StackObject *tos = qiv->tos;
    QDict *qdict = qobject_to(QDict, tos->obj);
    const QDictEntry *e;

    g_assert(qdict && tos->h);
    /* Report the first unvisited key in the input's order. */
    for (e = qdict_first(qdict); e; e = qdict_next(qdict, e)) {
        if (g_hash_table_contains(tos->h, qdict_entry_key(e))) {
            error_setg(errp, "Parameter '%s' is unexpected",
                       full_name(qiv, qdict_entry_key(e)));
            return false;
        }
    }
    return true;
}

static void qiv_end_struct(Visitor *v, void **obj)
{
    QObjectInputVisitor *qiv = to_qiv(v);

    g_assert(qobject_type(qiv->tos->obj) == QTYPE_QDICT);
    pop(qiv, obj);
}

static bool qiv_start_list(Visitor *v, const char *name, GenericList **list,
                           size_t size, Error **errp)
{
    QObjectInputVisitor *qiv = to_qiv(v);

    if (!qiv_start_container(qiv, name, QTYPE_QLIST, "array", (void **)list,
                             errp)) {
        return false;
    }
    if (list && qiv->tos->entry) {
        *list = g_malloc0(size);
    }
    return true;
}

static GenericList *qiv_next_list(Visitor *v, GenericList *tail, size_t size)
{
    QObjectInputVisitor *qiv = to_qiv(v);

    g_assert(qiv->tos && qobject_type(qiv->tos->obj) == QTYPE_QLIST);
    if (!qiv->tos->entry) {
        return NULL;
    }
    tail->next = g_malloc0(size);
    return tail->next;
}

static bool qiv_check_list(Visitor *v, Error **errp)
{
    QObjectInputVisitor *qiv = to_qiv(v);

    g_assert(qiv->tos && qobject_type(qiv->tos->obj) == QTYPE_QLIST);
    if (qiv->tos->entry) {
        error_setg(errp,
                   "Parameter '%s' has more list elements than "
                   "expected",
                   full_name_nth(qiv, NULL, 1));
        return false;
    }
    return true;
}

static void qiv_end_list(Visitor *v, void **obj)
{
    QObjectInputVisitor *qiv = to_qiv(v);

    g_assert(qobject_type(qiv->tos->obj) == QTYPE_QLIST);
    pop(qiv, obj);
}

static bool qiv_start_alternate(Visitor *v, const char *name,
                                GenericAlternate **obj, size_t size,
                                Error **errp)
{
    QObjectInputVisitor *qiv = to_qiv(v);
    QObject *qobj = get_object(qiv, name, false, errp);

    if (!qobj) {
        *obj = NULL;
        return false;
    }
    *obj = g_malloc0(size);
    (*obj)->type = qobject_type(qobj);
    return true;
}

static void qiv_optional(Visitor *v, const char *name, bool *present)
{
    *present = try_get_object(to_qiv(v), name, false) != NULL;
}

/* Typed (JSON) scalars */

static bool qiv_type_int64(Visitor *v, const char *name, int64_t *obj,
                           Error **errp)
{
    QObjectInputVisitor *qiv = to_qiv(v);
    QNum *qnum = qobject_to(QNum, get_typed(qiv, name, QTYPE_QNUM, "integer",
                                            errp));

    if (!qnum) {
        return false;
    }
    if (!qnum_get_try_int(qnum, obj)) {
        type_error(qiv, name, "integer", errp);
        return false;
    }
    return true;
}

static bool qiv_type_uint64(Visitor *v, const char *name, uint64_t *obj,
                            Error **errp)
{
    QObjectInputVisitor *qiv = to_qiv(v);
    QNum *qnum = qobject_to(QNum, get_typed(qiv, name, QTYPE_QNUM, "uint64",
                                            errp));
    int64_t val;

    if (!qnum) {
        return false;
    }
    if (qnum_get_try_uint(qnum, obj)) {
        return true;
    }
    /* As QEMU: negative numbers wrap, for backward compatibility. */
    if (qnum_get_try_int(qnum, &val)) {
        *obj = val;
        return true;
    }
    type_error(qiv, name, "uint64", errp);
    return false;
}

static bool qiv_type_bool(Visitor *v, const char *name, bool *obj, Error **errp)
{
    QBool *qbool = qobject_to(QBool, get_typed(to_qiv(v), name, QTYPE_QBOOL,
                                               "boolean", errp));

    if (!qbool) {
        return false;
    }
    *obj = qbool_get_bool(qbool);
    return true;
}

static bool qiv_type_str(Visitor *v, const char *name, char **obj, Error **errp)
{
    QString *qstr = qobject_to(QString, get_typed(to_qiv(v), name,
                                                  QTYPE_QSTRING, "string",
                                                  errp));

    *obj = NULL;
    if (!qstr) {
        return false;
    }
    *obj = g_strdup(qstring_get_str(qstr));
    return true;
}

static bool qiv_type_number(Visitor *v, const char *name, double *obj,
                            Error **errp)
{
    QNum *qnum = qobject_to(QNum, get_typed(to_qiv(v), name, QTYPE_QNUM,
                                            "number", errp));

    if (!qnum) {
        return false;
    }
    *obj = qnum_get_double(qnum);
    return true;
}

static bool qiv_type_any(Visitor *v, const char *name, QObject **obj,
                         Error **errp)
{
    QObjectInputVisitor *qiv = to_qiv(v);
    QObject *qobj = get_object(qiv, name, true, errp);

    *obj = NULL;
    if (!qobj) {
        return false;
    }
    *obj = qobject_ref(qobj);
    return true;
}

static bool qiv_type_null(Visitor *v, const char *name, QNull **obj,
                          Error **errp)
{
    QObject *qobj = get_typed(to_qiv(v), name, QTYPE_QNULL, "null", errp);

    if (obj) {
        *obj = NULL;
    }
    if (!qobj) {
        return false;
    }
    if (obj) {
        *obj = qnull();
    }
    return true;
}

/* Keyval (text) scalars, with the string input visitor's messages. */

/* A keyval integer; @obj is the int64_t or uint64_t being visited. */
static bool qiv_keyval_integer(Visitor *v, const char *name, bool is_signed,
                               uint64_t *obj, Error **errp)
{
    QObjectInputVisitor *qiv = to_qiv(v);
    const char *str = get_keyval(qiv, name, errp);
    int ret;

    if (!str) {
        return false;
    }
    ret = is_signed ? qemu_strtoi64(str, NULL, 0, (int64_t *)obj)
                    : qemu_strtou64(str, NULL, 0, obj);
    if (ret == -ERANGE && is_signed) {
        error_setg(errp,
                   "Parameter '%s' expects int64_t (%" PRId64 " to %" PRId64
                   "), got '%s'",
                   full_name(qiv, name), INT64_MIN, INT64_MAX, str);
        return false;
    }
    if (ret == -ERANGE) {
        error_setg(errp,
                   "Parameter '%s' expects uint64_t (0 to %" PRIu64
                   "), got '%s'",
                   full_name(qiv, name), UINT64_MAX, str);
        return false;
    }
    if (ret) {
        error_setg(errp, "Parameter '%s' expects an integer, got '%s'",
                   full_name(qiv, name), str);
        return false;
    }
    return true;
}

static bool qiv_keyval_int64(Visitor *v, const char *name, int64_t *obj,
                             Error **errp)
{
    return qiv_keyval_integer(v, name, true, (uint64_t *)obj, errp);
}

static bool qiv_keyval_uint64(Visitor *v, const char *name, uint64_t *obj,
                              Error **errp)
{
    return qiv_keyval_integer(v, name, false, obj, errp);
}

static bool qiv_keyval_size(Visitor *v, const char *name, uint64_t *obj,
                            Error **errp)
{
    QObjectInputVisitor *qiv = to_qiv(v);
    const char *str = get_keyval(qiv, name, errp);
    int ret;

    if (!str) {
        return false;
    }
    ret = qemu_strtosz(str, NULL, obj);
    if (ret == -ERANGE) {
        error_setg(errp,
                   "Parameter '%s' expects a size below 16 EiB, "
                   "got '%s'",
                   full_name(qiv, name), str);
        return false;
    }
    if (ret) {
        error_setg(errp,
                   "Parameter '%s' expects a size (like 4096, 64K, "
                   "1.5G or 0x1000), got '%s'",
                   full_name(qiv, name), str);
        return false;
    }
    return true;
}

static bool qiv_keyval_bool(Visitor *v, const char *name, bool *obj,
                            Error **errp)
{
    QObjectInputVisitor *qiv = to_qiv(v);
    const char *str = get_keyval(qiv, name, errp);

    if (!str) {
        return false;
    }
    return qapi_bool_parse(full_name(qiv, name), str, obj, errp);
}

static bool qiv_keyval_str(Visitor *v, const char *name, char **obj,
                           Error **errp)
{
    const char *str = get_keyval(to_qiv(v), name, errp);

    *obj = g_strdup(str);
    return str != NULL;
}

static bool qiv_keyval_number(Visitor *v, const char *name, double *obj,
                              Error **errp)
{
    QObjectInputVisitor *qiv = to_qiv(v);
    const char *str = get_keyval(qiv, name, errp);

    if (!str) {
        return false;
    }
    if (qemu_strtod_finite(str, NULL, obj)) {
        error_setg(errp, "Parameter '%s' expects a number, got '%s'",
                   full_name(qiv, name), str);
        return false;
    }
    return true;
}

static bool qiv_keyval_null(Visitor *v, const char *name, QNull **obj,
                            Error **errp)
{
    QObjectInputVisitor *qiv = to_qiv(v);
    const char *str = get_keyval(qiv, name, errp);

    if (obj) {
        *obj = NULL;
    }
    if (!str) {
        return false;
    }
    if (str[0]) {
        error_setg(errp,
                   "Parameter '%s' expects null (an empty value), "
                   "got '%s'",
                   full_name(qiv, name), str);
        return false;
    }
    if (obj) {
        *obj = qnull();
    }
    return true;
}

static void qiv_free(Visitor *v)
{
    QObjectInputVisitor *qiv = to_qiv(v);

    while (qiv->tos) {
        pop(qiv, qiv->tos->qapi);
    }
    qobject_unref(qiv->root);
    if (qiv->errname) {
        g_string_free(qiv->errname, true);
    }
    g_free(qiv);
}

static QObjectInputVisitor *qiv_new(QObject *obj)
{
    QObjectInputVisitor *qiv = g_new0(QObjectInputVisitor, 1);

    g_assert(obj);
    qiv->visitor.type = VISITOR_INPUT;
    qiv->visitor.start_struct = qiv_start_struct;
    qiv->visitor.check_struct = qiv_check_struct;
    qiv->visitor.end_struct = qiv_end_struct;
    qiv->visitor.start_list = qiv_start_list;
    qiv->visitor.next_list = qiv_next_list;
    qiv->visitor.check_list = qiv_check_list;
    qiv->visitor.end_list = qiv_end_list;
    qiv->visitor.start_alternate = qiv_start_alternate;
    qiv->visitor.optional = qiv_optional;
    qiv->visitor.type_any = qiv_type_any;
    qiv->visitor.error_name = qiv_error_name;
    qiv->visitor.free = qiv_free;
    qiv->root = qobject_ref(obj);
    return qiv;
}

Visitor *qobject_input_visitor_new(QObject *obj)
{
    QObjectInputVisitor *qiv = qiv_new(obj);

    qiv->visitor.type_int64 = qiv_type_int64;
    qiv->visitor.type_uint64 = qiv_type_uint64;
    qiv->visitor.type_bool = qiv_type_bool;
    qiv->visitor.type_str = qiv_type_str;
    qiv->visitor.type_number = qiv_type_number;
    qiv->visitor.type_null = qiv_type_null;
    return &qiv->visitor;
}

Visitor *qobject_input_visitor_new_keyval(QObject *obj)
{
    QObjectInputVisitor *qiv = qiv_new(obj);

    qiv->keyval = true;
    qiv->visitor.type_int64 = qiv_keyval_int64;
    qiv->visitor.type_uint64 = qiv_keyval_uint64;
    qiv->visitor.type_size = qiv_keyval_size;
    qiv->visitor.type_bool = qiv_keyval_bool;
    qiv->visitor.type_str = qiv_keyval_str;
    qiv->visitor.type_number = qiv_keyval_number;
    qiv->visitor.type_null = qiv_keyval_null;
    return &qiv->visitor;
}

Visitor *qobject_input_visitor_new_str(const char *str, const char *implied_key,
                                       Error **errp)
{
    bool is_json = str[0] == '{';
    QObject *obj;
    QDict *args;
    Visitor *v;

    if (is_json) {
        obj = qobject_from_json(str, errp);
        if (!obj) {
            return NULL;
        }
        args = qobject_to(QDict, obj);
        if (!args) {
            error_setg(errp, "JSON option text must be an object");
            qobject_unref(obj);
            return NULL;
        }
        v = qobject_input_visitor_new(QOBJECT(args));
    } else {
        args = keyval_parse(str, implied_key, NULL, errp);
        if (!args) {
            return NULL;
        }
        v = qobject_input_visitor_new_keyval(QOBJECT(args));
    }
    qobject_unref(args);
    return v;
}

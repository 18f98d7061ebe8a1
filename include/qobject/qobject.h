/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qobject.h: the QObject base type, as QEMU's include/qobject/qobject.h.
 *
 * A QObject is a reference-counted, immutable-by-convention JSON-like value.
 * Every concrete type (QNull, QNum, QString, QDict, QList, QBool) embeds
 * "QObjectBase_ base" as its first member, so the macros below accept a
 * pointer to any of them:
 *
 *   QDict *d = qdict_new();                   refcount 1, owned by us
 *   qdict_put_int(d, "a", 1);                 the dict owns the new QNum
 *   QObject *o = QOBJECT(d);                  upcast (never fails)
 *   QDict *again = qobject_to(QDict, o);      checked downcast, NULL if not
 *   qobject_ref(d);  qobject_unref(d);        any subtype, NULL is fine
 *
 * Ownership rule (as in QEMU): "put"/"append" functions take over the
 * caller's reference; "get"/"peek" functions return a borrowed pointer that
 * stays valid while the container holds it; "pop" hands a reference back.
 *
 * Differences from QEMU: QType is declared here instead of being generated
 * by the QAPI schema; QType_str() returns the same names QEMU's generated
 * QType_lookup holds.
 */
#ifndef QOBJECT_QOBJECT_H
#define QOBJECT_QOBJECT_H

#include "qomu/osdep.h"

typedef enum QType {
    QTYPE_NONE,
    QTYPE_QNULL,
    QTYPE_QNUM,
    QTYPE_QSTRING,
    QTYPE_QDICT,
    QTYPE_QLIST,
    QTYPE_QBOOL,
    QTYPE__MAX,
} QType;

typedef struct QObject QObject;
typedef struct QNull QNull;
typedef struct QNum QNum;
typedef struct QString QString;
typedef struct QDict QDict;
typedef struct QList QList;
typedef struct QBool QBool;

struct QObjectBase_ {
    QType type;
    size_t refcnt;
};

struct QObject {
    struct QObjectBase_ base;
};

/* For qobject_to(): the QType each concrete type name stands for. */
#define QTYPE_CAST_TO_QNull QTYPE_QNULL
#define QTYPE_CAST_TO_QNum QTYPE_QNUM
#define QTYPE_CAST_TO_QString QTYPE_QSTRING
#define QTYPE_CAST_TO_QDict QTYPE_QDICT
#define QTYPE_CAST_TO_QList QTYPE_QLIST
#define QTYPE_CAST_TO_QBool QTYPE_QBOOL

/**
 * QOBJECT: upcast a pointer to any QObject subtype (or QObject) to QObject *.
 * NULL stays NULL.
 */
#define QOBJECT(obj)                                                           \
    ({                                                                         \
        __typeof__(obj) _obj = (obj);                                          \
        _obj ? container_of(&_obj->base, QObject, base) : NULL;                \
    })

/* Internal: initialise the header of a freshly allocated object. */
static inline void qobject_init(QObject *obj, QType type)
{
    g_assert(type > QTYPE_NONE && type < QTYPE__MAX);
    obj->base.refcnt = 1;
    obj->base.type = type;
}

static inline void qobject_ref_impl(QObject *obj)
{
    if (obj) {
        obj->base.refcnt++;
    }
}

/**
 * qobject_destroy: free @obj whose reference count dropped to zero.
 * Internal; use qobject_unref().
 */
void qobject_destroy(QObject *obj);

static inline void qobject_unref_impl(QObject *obj)
{
    g_assert(!obj || obj->base.refcnt);
    if (obj && --obj->base.refcnt == 0) {
        qobject_destroy(obj);
    }
}

/**
 * qobject_ref: take a reference to @obj (any QObject subtype, may be NULL).
 * Returns: @obj, with its own type.
 */
#define qobject_ref(obj)                                                       \
    ({                                                                         \
        __typeof__(obj) _o = (obj);                                            \
        qobject_ref_impl(QOBJECT(_o));                                         \
        _o;                                                                    \
    })

/**
 * qobject_unref: drop a reference to @obj (any subtype, may be NULL); the
 * object is freed, and its contents unreferenced, when the count hits zero.
 */
#define qobject_unref(obj) qobject_unref_impl(QOBJECT(obj))

/**
 * qobject_type: the QType of @obj (must not be NULL).
 */
static inline QType qobject_type(const QObject *obj)
{
    g_assert(QTYPE_NONE < obj->base.type && obj->base.type < QTYPE__MAX);
    return obj->base.type;
}

static inline QObject *qobject_check_type(const QObject *obj, QType type)
{
    if (obj && qobject_type(obj) == type) {
        return (QObject *)obj;
    }
    return NULL;
}

/**
 * qobject_to: checked downcast of @obj (a QObject *, may be NULL) to @type,
 * one of QNull, QNum, QString, QDict, QList, QBool.
 * Returns: the object as @type *, or NULL if @obj is NULL or of another type.
 */
#define qobject_to(type, obj)                                                  \
    ((type *)qobject_check_type(obj, QTYPE_CAST_TO_##type))

/**
 * qobject_is_equal: whether @x and @y hold the same value.
 *
 * Two NULL pointers are equal; NULL never equals an object.  Numbers compare
 * as in QEMU: an int64 equals a uint64 of the same value, but a double
 * never equals an integer (see qnum_is_equal()); dicts compare as sets of
 * key/value pairs (order does not matter); lists compare element by element
 * in order.
 */
bool qobject_is_equal(const QObject *x, const QObject *y);

/**
 * QType_str: the name of @type ("qnull", "qnum", "qstring", "qdict",
 * "qlist", "qbool"), as QEMU's QAPI-generated QType_str().
 */
const char *QType_str(QType type);

/* g_autoptr(QObject) calls qobject_unref. */
static inline void qobject_unref_autoptr(QObject *obj)
{
    qobject_unref_impl(obj);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(QObject, qobject_unref_autoptr)

#endif /* QOBJECT_QOBJECT_H */

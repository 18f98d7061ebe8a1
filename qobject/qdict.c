/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qdict.c: the QDict type.  A hash table finds entries by key; a doubly
 * linked list through the entries keeps the insertion order for iteration.
 */
#include "qomu/osdep.h"
#include "qobject/qbool.h"
#include "qobject/qdict.h"
#include "qobject/qlist.h"
#include "qobject/qnull.h"
#include "qobject/qnum.h"
#include "qobject/qstring.h"

void qdict_destroy_obj(QObject *obj);

QDict *qdict_new(void)
{
    QDict *qdict = g_new0(QDict, 1);

    qobject_init(QOBJECT(qdict), QTYPE_QDICT);
    /* The table borrows each entry's key; entries are freed by hand. */
    qdict->table = g_hash_table_new(g_str_hash, g_str_equal);
    return qdict;
}

size_t qdict_size(const QDict *qdict)
{
    return g_hash_table_size(qdict->table);
}

static QDictEntry *qdict_find(const QDict *qdict, const char *key)
{
    return g_hash_table_lookup(qdict->table, key);
}

void qdict_put_obj(QDict *qdict, const char *key, QObject *value)
{
    QDictEntry *e = qdict_find(qdict, key);

    g_assert(value);
    if (e) {
        qobject_unref(e->value);
        e->value = value;
        return;
    }
    e = g_new(QDictEntry, 1);
    e->key = g_strdup(key);
    e->value = value;
    e->next = NULL;
    e->prev = qdict->tail;
    if (qdict->tail) {
        qdict->tail->next = e;
    } else {
        qdict->head = e;
    }
    qdict->tail = e;
    g_hash_table_insert(qdict->table, e->key, e);
}

void qdict_put_int(QDict *qdict, const char *key, int64_t value)
{
    qdict_put(qdict, key, qnum_from_int(value));
}

void qdict_put_bool(QDict *qdict, const char *key, bool value)
{
    qdict_put(qdict, key, qbool_from_bool(value));
}

void qdict_put_str(QDict *qdict, const char *key, const char *value)
{
    qdict_put(qdict, key, qstring_from_str(value));
}

void qdict_put_null(QDict *qdict, const char *key)
{
    qdict_put(qdict, key, qnull());
}

QObject *qdict_get(const QDict *qdict, const char *key)
{
    QDictEntry *e = qdict_find(qdict, key);

    return e ? e->value : NULL;
}

bool qdict_haskey(const QDict *qdict, const char *key)
{
    return qdict_find(qdict, key) != NULL;
}

static void qdict_entry_free(QDictEntry *e)
{
    qobject_unref(e->value);
    g_free(e->key);
    g_free(e);
}

void qdict_del(QDict *qdict, const char *key)
{
    QDictEntry *e = qdict_find(qdict, key);

    if (!e) {
        return;
    }
    g_hash_table_remove(qdict->table, e->key);
    if (e->prev) {
        e->prev->next = e->next;
    } else {
        qdict->head = e->next;
    }
    if (e->next) {
        e->next->prev = e->prev;
    } else {
        qdict->tail = e->prev;
    }
    qdict_entry_free(e);
}

int64_t qdict_get_int(const QDict *qdict, const char *key)
{
    return qnum_get_int(qobject_to(QNum, qdict_get(qdict, key)));
}

double qdict_get_double(const QDict *qdict, const char *key)
{
    return qnum_get_double(qobject_to(QNum, qdict_get(qdict, key)));
}

bool qdict_get_bool(const QDict *qdict, const char *key)
{
    return qbool_get_bool(qobject_to(QBool, qdict_get(qdict, key)));
}

const char *qdict_get_str(const QDict *qdict, const char *key)
{
    return qstring_get_str(qobject_to(QString, qdict_get(qdict, key)));
}

QDict *qdict_get_qdict(const QDict *qdict, const char *key)
{
    return qobject_to(QDict, qdict_get(qdict, key));
}

QList *qdict_get_qlist(const QDict *qdict, const char *key)
{
    return qobject_to(QList, qdict_get(qdict, key));
}

int64_t qdict_get_try_int(const QDict *qdict, const char *key,
                          int64_t def_value)
{
    QNum *qn = qobject_to(QNum, qdict_get(qdict, key));
    int64_t val;

    if (!qn || !qnum_get_try_int(qn, &val)) {
        return def_value;
    }
    return val;
}

bool qdict_get_try_bool(const QDict *qdict, const char *key, bool def_value)
{
    QBool *qb = qobject_to(QBool, qdict_get(qdict, key));

    return qb ? qbool_get_bool(qb) : def_value;
}

const char *qdict_get_try_str(const QDict *qdict, const char *key)
{
    QString *qs = qobject_to(QString, qdict_get(qdict, key));

    return qs ? qstring_get_str(qs) : NULL;
}

const QDictEntry *qdict_first(const QDict *qdict)
{
    return qdict->head;
}

const QDictEntry *qdict_next(const QDict *qdict, const QDictEntry *entry)
{
    return entry->next;
}

const char *qdict_entry_key(const QDictEntry *entry)
{
    return entry->key;
}

QObject *qdict_entry_value(const QDictEntry *entry)
{
    return entry->value;
}

QDict *qdict_clone_shallow(const QDict *src)
{
    QDict *dst = qdict_new();
    const QDictEntry *e;

    for (e = src->head; e; e = e->next) {
        qdict_put_obj(dst, e->key, qobject_ref(e->value));
    }
    return dst;
}

void qdict_copy_default(QDict *dst, QDict *src, const char *key)
{
    QObject *val;

    if (qdict_haskey(dst, key)) {
        return;
    }
    val = qdict_get(src, key);
    if (val) {
        qdict_put_obj(dst, key, qobject_ref(val));
    }
}

void qdict_set_default_str(QDict *dst, const char *key, const char *val)
{
    if (!qdict_haskey(dst, key)) {
        qdict_put_str(dst, key, val);
    }
}

bool qdict_is_equal(const QObject *x, const QObject *y)
{
    const QDict *a = qobject_to(QDict, x);
    const QDict *b = qobject_to(QDict, y);
    const QDictEntry *e;

    if (qdict_size(a) != qdict_size(b)) {
        return false;
    }
    for (e = a->head; e; e = e->next) {
        QObject *other = qdict_get(b, e->key);

        if (!other || !qobject_is_equal(e->value, other)) {
            return false;
        }
    }
    return true;
}

void qdict_destroy_obj(QObject *obj)
{
    QDict *qdict = qobject_to(QDict, obj);
    QDictEntry *e, *next;

    g_hash_table_destroy(qdict->table);
    for (e = qdict->head; e; e = next) {
        next = e->next;
        qdict_entry_free(e);
    }
    g_free(qdict);
}

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qdict.h: JSON objects, as QEMU's include/qobject/qdict.h.
 *
 * A QDict maps string keys to QObject references.  Putting takes over the
 * caller's reference to the value (and replaces, unreferencing, an old value
 * under the same key); getting returns a borrowed pointer.
 *
 * Iteration order: unlike QEMU (hash order), a qomu QDict iterates in
 * INSERTION ORDER - qdict_first() / qdict_next() visit keys in the order they
 * were first put; replacing the value of an existing key keeps its place.
 * So JSON output, help text and "info" listings are deterministic.
 *
 *   const QDictEntry *e;
 *   for (e = qdict_first(d); e; e = qdict_next(d, e)) {
 *       ... qdict_entry_key(e), qdict_entry_value(e) ...
 *   }
 *
 * Deleting the current entry while iterating is allowed if qdict_next() was
 * called for it first (as in QEMU).
 */
#ifndef QOBJECT_QDICT_H
#define QOBJECT_QDICT_H

#include "qobject/qobject.h"

typedef struct QDictEntry QDictEntry;

struct QDictEntry {
    char *key;
    QObject *value;
    QDictEntry *next;
    QDictEntry *prev;
};

struct QDict {
    struct QObjectBase_ base;
    GHashTable *table; /* key -> QDictEntry *, for lookup */
    QDictEntry *head;  /* entries in insertion order */
    QDictEntry *tail;
};

/** qdict_new: a new empty QDict. */
QDict *qdict_new(void);

/** qdict_size: the number of keys in @qdict. */
size_t qdict_size(const QDict *qdict);

/**
 * qdict_put_obj: store @value under @key, taking over the reference to
 * @value; an old value under @key is unreferenced (the key keeps its place
 * in the iteration order).
 */
void qdict_put_obj(QDict *qdict, const char *key, QObject *value);
/** qdict_put: qdict_put_obj() for any QObject subtype. */
#define qdict_put(qdict, key, obj) qdict_put_obj(qdict, key, QOBJECT(obj))
/** qdict_put_int: store a new QNum holding @value under @key. */
void qdict_put_int(QDict *qdict, const char *key, int64_t value);
/** qdict_put_bool: store a new QBool holding @value under @key. */
void qdict_put_bool(QDict *qdict, const char *key, bool value);
/** qdict_put_str: store a new QString (a copy of @value) under @key. */
void qdict_put_str(QDict *qdict, const char *key, const char *value);
/** qdict_put_null: store the QNull singleton under @key. */
void qdict_put_null(QDict *qdict, const char *key);

/** qdict_get: the value under @key (borrowed), or NULL if absent. */
QObject *qdict_get(const QDict *qdict, const char *key);
/** qdict_haskey: whether @qdict has @key. */
bool qdict_haskey(const QDict *qdict, const char *key);
/**
 * qdict_del: remove @key (and unreference its value).  Nothing happens if
 * @key is absent.
 */
void qdict_del(QDict *qdict, const char *key);

/*
 * Typed getters.  As in QEMU, the non-"try" ones require the key to exist
 * with the right type (they assert: use them only on data already checked).
 */
/** qdict_get_int: the value under @key as an int64 (a QNum). */
int64_t qdict_get_int(const QDict *qdict, const char *key);
/** qdict_get_double: the value under @key as a double (a QNum). */
double qdict_get_double(const QDict *qdict, const char *key);
/** qdict_get_bool: the value under @key (a QBool). */
bool qdict_get_bool(const QDict *qdict, const char *key);
/** qdict_get_str: the value under @key (a QString; borrowed text). */
const char *qdict_get_str(const QDict *qdict, const char *key);
/** qdict_get_qdict: the QDict under @key (borrowed), or NULL. */
QDict *qdict_get_qdict(const QDict *qdict, const char *key);
/** qdict_get_qlist: the QList under @key (borrowed), or NULL. */
QList *qdict_get_qlist(const QDict *qdict, const char *key);

/**
 * qdict_get_try_int: the value under @key if it is a QNum representable as
 * int64, else @def_value.
 */
int64_t qdict_get_try_int(const QDict *qdict, const char *key,
                          int64_t def_value);
/** qdict_get_try_bool: the value under @key if a QBool, else @def_value. */
bool qdict_get_try_bool(const QDict *qdict, const char *key, bool def_value);
/** qdict_get_try_str: the text under @key if a QString, else NULL. */
const char *qdict_get_try_str(const QDict *qdict, const char *key);

/** qdict_first: the first entry in insertion order, or NULL if empty. */
const QDictEntry *qdict_first(const QDict *qdict);
/** qdict_next: the entry after @entry in insertion order, or NULL. */
const QDictEntry *qdict_next(const QDict *qdict, const QDictEntry *entry);
/** qdict_entry_key: the key of @entry. */
const char *qdict_entry_key(const QDictEntry *entry);
/** qdict_entry_value: the value of @entry (borrowed). */
QObject *qdict_entry_value(const QDictEntry *entry);

/**
 * qdict_clone_shallow: a new QDict with the same keys, in the same order,
 * whose values are new references to @src's values.
 */
QDict *qdict_clone_shallow(const QDict *src);

/**
 * qdict_copy_default: if @dst lacks @key and @src has it, put a new
 * reference to @src's value under @key in @dst.
 */
void qdict_copy_default(QDict *dst, QDict *src, const char *key);
/** qdict_set_default_str: if @dst lacks @key, put a copy of @val there. */
void qdict_set_default_str(QDict *dst, const char *key, const char *val);

/** qdict_is_equal: dict equality as qobject_is_equal() defines it. */
bool qdict_is_equal(const QObject *x, const QObject *y);

static inline void qobject_unref_qdict(QDict *obj)
{
    qobject_unref(obj);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(QDict, qobject_unref_qdict)

#endif /* QOBJECT_QDICT_H */

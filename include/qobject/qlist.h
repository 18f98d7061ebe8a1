/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qlist.h: JSON arrays, as QEMU's include/qobject/qlist.h.
 *
 * A QList is an ordered sequence of QObject references.  Appending takes
 * over the caller's reference; qlist_pop() hands one back; qlist_peek() and
 * iteration give borrowed pointers.
 *
 *   QListEntry *e;
 *   QLIST_FOREACH_ENTRY(list, e) {
 *       QObject *elt = qlist_entry_obj(e);
 *   }
 */
#ifndef QOBJECT_QLIST_H
#define QOBJECT_QLIST_H

#include "qobject/qobject.h"

typedef struct QListEntry QListEntry;

struct QListEntry {
    QObject *value;
    QListEntry *next;
    QListEntry *prev;
};

struct QList {
    struct QObjectBase_ base;
    QListEntry *head;
    QListEntry *tail;
    size_t size;
};

/** qlist_new: a new empty QList. */
QList *qlist_new(void);

/** qlist_copy: a shallow copy of @src (the elements gain a reference). */
QList *qlist_copy(QList *src);

/** qlist_append_obj: append @obj to @qlist, taking over the reference. */
void qlist_append_obj(QList *qlist, QObject *obj);
/** qlist_append_int: append a new QNum holding @value. */
void qlist_append_int(QList *qlist, int64_t value);
/** qlist_append_bool: append a new QBool holding @value. */
void qlist_append_bool(QList *qlist, bool value);
/** qlist_append_str: append a new QString holding a copy of @value. */
void qlist_append_str(QList *qlist, const char *value);
/** qlist_append_null: append a reference to the QNull singleton. */
void qlist_append_null(QList *qlist);

/** qlist_append: append any QObject subtype, taking over the reference. */
#define qlist_append(qlist, obj) qlist_append_obj(qlist, QOBJECT(obj))

/**
 * qlist_pop: remove the first element of @qlist.
 * Returns: the element (the caller now owns the reference), or NULL if the
 * list is empty.
 */
QObject *qlist_pop(QList *qlist);
/** qlist_peek: the first element of @qlist (borrowed), or NULL if empty. */
QObject *qlist_peek(QList *qlist);
/** qlist_empty: whether @qlist has no elements. */
bool qlist_empty(const QList *qlist);
/** qlist_size: the number of elements of @qlist. */
size_t qlist_size(const QList *qlist);

/** qlist_is_equal: list equality as qobject_is_equal() defines it. */
bool qlist_is_equal(const QObject *x, const QObject *y);

/** qlist_first: the first entry of @qlist, or NULL. */
static inline const QListEntry *qlist_first(const QList *qlist)
{
    return qlist->head;
}

/** qlist_next: the entry after @entry, or NULL. */
static inline const QListEntry *qlist_next(const QListEntry *entry)
{
    return entry->next;
}

/** qlist_entry_obj: the element held by @entry (borrowed). */
static inline QObject *qlist_entry_obj(const QListEntry *entry)
{
    return entry->value;
}

/**
 * QLIST_FOREACH_ENTRY: iterate over the entries of @qlist in order, with
 * @var (a QListEntry * or const QListEntry *) naming each.  Do not remove
 * entries while iterating.
 */
#define QLIST_FOREACH_ENTRY(qlist, var)                                        \
    for ((var) = (qlist)->head; (var); (var) = (var)->next)

static inline void qobject_unref_qlist(QList *obj)
{
    qobject_unref(obj);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(QList, qobject_unref_qlist)

#endif /* QOBJECT_QLIST_H */

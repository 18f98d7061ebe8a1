/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qbool.h: the JSON true / false value, as QEMU's include/qobject/qbool.h.
 */
#ifndef QOBJECT_QBOOL_H
#define QOBJECT_QBOOL_H

#include "qobject/qobject.h"

struct QBool {
    struct QObjectBase_ base;
    bool value;
};

/** qbool_from_bool: a new QBool holding @value (refcount 1). */
QBool *qbool_from_bool(bool value);

/** qbool_get_bool: the value of @qb. */
bool qbool_get_bool(const QBool *qb);

static inline void qobject_unref_qbool(QBool *obj)
{
    qobject_unref(obj);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(QBool, qobject_unref_qbool)

#endif /* QOBJECT_QBOOL_H */

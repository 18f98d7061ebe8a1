/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qnull.h: the JSON null value, as QEMU's include/qobject/qnull.h.
 */
#ifndef QOBJECT_QNULL_H
#define QOBJECT_QNULL_H

#include "qobject/qobject.h"

struct QNull {
    struct QObjectBase_ base;
};

/* The one QNull object; never freed (its count starts high). */
extern QNull qnull_;

/**
 * qnull: a new reference to the QNull singleton; release it with
 * qobject_unref() like any other QObject.
 */
static inline QNull *qnull(void)
{
    return qobject_ref(&qnull_);
}

static inline void qobject_unref_qnull(QNull *obj)
{
    qobject_unref(obj);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(QNull, qobject_unref_qnull)

#endif /* QOBJECT_QNULL_H */

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qlit.c: comparing QObjects with C literals and building them from those.
 */
#include "qomu/osdep.h"
#include "qobject/qbool.h"
#include "qobject/qdict.h"
#include "qobject/qlist.h"
#include "qobject/qlit.h"
#include "qobject/qnull.h"
#include "qobject/qnum.h"
#include "qobject/qstring.h"

static bool qlit_equal_qdict(const QLitDictEntry *lit, const QDict *dict)
{
    size_t n = 0;

    for (; lit->key; lit++, n++) {
        QObject *val = qdict_get(dict, lit->key);

        if (!val || !qlit_equal_qobject(&lit->value, val)) {
            return false;
        }
    }
    return n == qdict_size(dict);
}

static bool qlit_equal_qlist(const QLitObject *lit, const QList *list)
{
    const QListEntry *e = qlist_first(list);

    for (; lit->type != QTYPE_NONE; lit++, e = qlist_next(e)) {
        if (!e || !qlit_equal_qobject(lit, qlist_entry_obj(e))) {
            return false;
        }
    }
    return e == NULL;
}

bool qlit_equal_qobject(const QLitObject *lhs, const QObject *rhs)
{
    int64_t val;

    if (!rhs || lhs->type != qobject_type(rhs)) {
        return false;
    }
    switch (lhs->type) {
    case QTYPE_QNULL:
        return true;
    case QTYPE_QBOOL:
        return lhs->value.qbool == qbool_get_bool(qobject_to(QBool, rhs));
    case QTYPE_QNUM:
        return qnum_get_try_int(qobject_to(QNum, rhs), &val) &&
               val == lhs->value.qnum;
    case QTYPE_QSTRING:
        return g_str_equal(lhs->value.qstr,
                           qstring_get_str(qobject_to(QString, rhs)));
    case QTYPE_QDICT:
        return qlit_equal_qdict(lhs->value.qdict, qobject_to(QDict, rhs));
    case QTYPE_QLIST:
        return qlit_equal_qlist(lhs->value.qlist, qobject_to(QList, rhs));
    default:
        g_assert_not_reached();
    }
}

QObject *qobject_from_qlit(const QLitObject *qlit)
{
    switch (qlit->type) {
    case QTYPE_QNULL:
        return QOBJECT(qnull());
    case QTYPE_QBOOL:
        return QOBJECT(qbool_from_bool(qlit->value.qbool));
    case QTYPE_QNUM:
        return QOBJECT(qnum_from_int(qlit->value.qnum));
    case QTYPE_QSTRING:
        return QOBJECT(qstring_from_str(qlit->value.qstr));
    case QTYPE_QDICT: {
        QDict *dict = qdict_new();
        const QLitDictEntry *e;

        for (e = qlit->value.qdict; e->key; e++) {
            qdict_put_obj(dict, e->key, qobject_from_qlit(&e->value));
        }
        return QOBJECT(dict);
    }
    case QTYPE_QLIST: {
        QList *list = qlist_new();
        const QLitObject *e;

        for (e = qlit->value.qlist; e->type != QTYPE_NONE; e++) {
            qlist_append_obj(list, qobject_from_qlit(e));
        }
        return QOBJECT(list);
    }
    default:
        g_assert_not_reached();
    }
}

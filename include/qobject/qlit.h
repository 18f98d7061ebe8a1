/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qlit.h: QObject literals written as C initialisers, as QEMU's
 * include/qobject/qlit.h.  For tables and tests:
 *
 *   static const QLitObject expected = QLIT_QDICT(((QLitDictEntry[]) {
 *       { "driver", QLIT_QSTR("ns16550a") },
 *       { "irqs", QLIT_QLIST(((QLitObject[]) {
 *           QLIT_QNUM(10), QLIT_QNULL, {} })) },
 *       { }
 *   }));
 *   g_assert(qlit_equal_qobject(&expected, obj));
 *
 * Lists end with an empty QLitObject ({}), dicts with an empty entry.
 * Numbers are int64 only (as in QEMU).
 */
#ifndef QOBJECT_QLIT_H
#define QOBJECT_QLIT_H

#include "qobject/qobject.h"

typedef struct QLitDictEntry QLitDictEntry;
typedef struct QLitObject QLitObject;

struct QLitObject {
    QType type;
    union {
        bool qbool;
        int64_t qnum;
        const char *qstr;
        QLitDictEntry *qdict;
        QLitObject *qlist;
    } value;
};

struct QLitDictEntry {
    const char *key;
    QLitObject value;
};

/* clang-format off */
#define QLIT_QNULL \
    { .type = QTYPE_QNULL }
#define QLIT_QBOOL(val) \
    { .type = QTYPE_QBOOL, .value.qbool = (val) }
#define QLIT_QNUM(val) \
    { .type = QTYPE_QNUM, .value.qnum = (val) }
#define QLIT_QSTR(val) \
    { .type = QTYPE_QSTRING, .value.qstr = (val) }
#define QLIT_QDICT(val) \
    { .type = QTYPE_QDICT, .value.qdict = (val) }
#define QLIT_QLIST(val) \
    { .type = QTYPE_QLIST, .value.qlist = (val) }
/* clang-format on */

/**
 * qlit_equal_qobject: whether @rhs holds the value @lhs describes (same
 * keys, same elements in the same order; a number must be an integer
 * equal to the literal's).
 */
bool qlit_equal_qobject(const QLitObject *lhs, const QObject *rhs);

/** qobject_from_qlit: a new QObject holding the value @qlit describes. */
QObject *qobject_from_qlit(const QLitObject *qlit);

#endif /* QOBJECT_QLIT_H */

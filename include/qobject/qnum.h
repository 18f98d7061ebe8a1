/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qnum.h: JSON numbers, as QEMU's include/qobject/qnum.h.
 *
 * A QNum holds exactly one of an int64_t, a uint64_t or a double, and
 * remembers which (its kind).  The JSON parser makes an int64 when the
 * literal is an integer that fits, a uint64 when it is a positive integer
 * above INT64_MAX that fits, and a double otherwise (fraction, exponent or
 * out of range).  Reading converts where the value is representable:
 * qnum_get_try_int() accepts a uint64 up to INT64_MAX, qnum_get_try_uint()
 * accepts a non-negative int64, and qnum_get_double() accepts any kind.
 * Integer getters never convert a double.
 */
#ifndef QOBJECT_QNUM_H
#define QOBJECT_QNUM_H

#include "qobject/qobject.h"

typedef enum QNumKind {
    QNUM_I64,
    QNUM_U64,
    QNUM_DOUBLE,
} QNumKind;

struct QNum {
    struct QObjectBase_ base;
    QNumKind kind;
    union {
        int64_t i64;
        uint64_t u64;
        double dbl;
    } u;
};

/** qnum_from_int: a new QNum of kind QNUM_I64 holding @value. */
QNum *qnum_from_int(int64_t value);
/** qnum_from_uint: a new QNum of kind QNUM_U64 holding @value. */
QNum *qnum_from_uint(uint64_t value);
/** qnum_from_double: a new QNum of kind QNUM_DOUBLE holding @value. */
QNum *qnum_from_double(double value);

/**
 * qnum_get_try_int: read @qn as an int64_t.
 * @val: where to store the value on success.
 * Returns: true if @qn is an int64, or a uint64 no larger than INT64_MAX.
 */
bool qnum_get_try_int(const QNum *qn, int64_t *val);
/** qnum_get_int: like qnum_get_try_int(); the value must be representable. */
int64_t qnum_get_int(const QNum *qn);

/**
 * qnum_get_try_uint: read @qn as a uint64_t.
 * @val: where to store the value on success.
 * Returns: true if @qn is a uint64, or a non-negative int64.
 */
bool qnum_get_try_uint(const QNum *qn, uint64_t *val);
/** qnum_get_uint: like qnum_get_try_uint(); must be representable. */
uint64_t qnum_get_uint(const QNum *qn);

/** qnum_get_double: the value of @qn as a double (any kind converts). */
double qnum_get_double(const QNum *qn);

/**
 * qnum_to_string: @qn as text, a new string for g_free().
 *
 * Integers print in decimal.  A double prints with the fewest significant
 * digits (at most 17) that read back to exactly the same double, so that
 * JSON round-trips are exact, in "%g" style but without an exponent below
 * 1e17 (1000, 2.5e-07, 1e+21); QEMU always uses "%.17g" (0.1 prints as
 * 0.10000000000000001 there, as 0.1 here).  An integral double gets a
 * ".0" (1.0 prints "1.0"; QEMU prints "1", which reads back as an integer)
 * so that it stays a double through JSON.  Infinity and NaN print as "inf"
 * / "nan" (the JSON printer writes null for them).
 */
char *qnum_to_string(const QNum *qn);

/**
 * qnum_is_equal: numeric equality as in QEMU: integers are equal when their
 * values are, whatever their kinds (a negative int64 never equals a
 * uint64); a double equals only a double of the same value (never an
 * integer, so 1.0 != 1).
 */
bool qnum_is_equal(const QObject *x, const QObject *y);

static inline void qobject_unref_qnum(QNum *obj)
{
    qobject_unref(obj);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(QNum, qobject_unref_qnum)

#endif /* QOBJECT_QNUM_H */

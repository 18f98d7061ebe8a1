/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qnum.c: the QNum type (int64, uint64 or double).
 */
#include "qomu/osdep.h"
#include <math.h>
#include "qobject/qnum.h"

void qnum_destroy_obj(QObject *obj);

static QNum *qnum_new(QNumKind kind)
{
    QNum *qn = g_new(QNum, 1);

    qobject_init(QOBJECT(qn), QTYPE_QNUM);
    qn->kind = kind;
    return qn;
}

QNum *qnum_from_int(int64_t value)
{
    QNum *qn = qnum_new(QNUM_I64);

    qn->u.i64 = value;
    return qn;
}

QNum *qnum_from_uint(uint64_t value)
{
    QNum *qn = qnum_new(QNUM_U64);

    qn->u.u64 = value;
    return qn;
}

QNum *qnum_from_double(double value)
{
    QNum *qn = qnum_new(QNUM_DOUBLE);

    qn->u.dbl = value;
    return qn;
}

bool qnum_get_try_int(const QNum *qn, int64_t *val)
{
    switch (qn->kind) {
    case QNUM_I64:
        *val = qn->u.i64;
        return true;
    case QNUM_U64:
        if (qn->u.u64 > INT64_MAX) {
            return false;
        }
        *val = qn->u.u64;
        return true;
    case QNUM_DOUBLE:
        return false;
    }
    g_assert_not_reached();
}

int64_t qnum_get_int(const QNum *qn)
{
    int64_t val;
    bool ok = qnum_get_try_int(qn, &val);

    g_assert(ok);
    return val;
}

bool qnum_get_try_uint(const QNum *qn, uint64_t *val)
{
    switch (qn->kind) {
    case QNUM_I64:
        if (qn->u.i64 < 0) {
            return false;
        }
        *val = qn->u.i64;
        return true;
    case QNUM_U64:
        *val = qn->u.u64;
        return true;
    case QNUM_DOUBLE:
        return false;
    }
    g_assert_not_reached();
}

uint64_t qnum_get_uint(const QNum *qn)
{
    uint64_t val;
    bool ok = qnum_get_try_uint(qn, &val);

    g_assert(ok);
    return val;
}

double qnum_get_double(const QNum *qn)
{
    switch (qn->kind) {
    case QNUM_I64:
        return qn->u.i64;
    case QNUM_U64:
        return qn->u.u64;
    case QNUM_DOUBLE:
        return qn->u.dbl;
    }
    g_assert_not_reached();
}

static const char *format_double(char *buf, int prec, double value)
{
    char fmt[8];

    g_snprintf(fmt, sizeof(fmt), "%%.%dg", prec);
    return g_ascii_formatd(buf, G_ASCII_DTOSTR_BUF_SIZE, fmt, value);
}

char *qnum_to_string(const QNum *qn)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    const char *exp;
    int prec;

    switch (qn->kind) {
    case QNUM_I64:
        return g_strdup_printf("%" PRId64, qn->u.i64);
    case QNUM_U64:
        return g_strdup_printf("%" PRIu64, qn->u.u64);
    case QNUM_DOUBLE:
        /*
         * The fewest significant digits that read back exactly; 17 always
         * do for an IEEE double.  g_ascii_formatd ignores the locale, so
         * the decimal point is always '.'.
         */
        for (prec = 1; prec < 17; prec++) {
            if (g_ascii_strtod(format_double(buf, prec, qn->u.dbl), NULL) ==
                qn->u.dbl) {
                break;
            }
        }
        format_double(buf, prec, qn->u.dbl);
        /*
         * "%g" switches to an exponent when it has fewer digits than the
         * integer part (1000 with one digit is "1e+03"); print such
         * numbers below 1e17 in full, as "%.17g" would.
         */
        exp = strchr(buf, 'e');
        if (exp) {
            int e = atoi(exp + 1);

            if (e >= prec && e < 17) {
                format_double(buf, e + 1, qn->u.dbl);
            }
        }
        /*
         * Keep a double a double when the text is read back: integral
         * values get a ".0" (QEMU prints 1.0 as "1", which reads back as
         * an integer that is not equal to it).
         */
        if (isfinite(qn->u.dbl) && !strpbrk(buf, ".e")) {
            return g_strconcat(buf, ".0", NULL);
        }
        return g_strdup(buf);
    }
    g_assert_not_reached();
}

/*
 * As QEMU: integers compare by value whatever their kind (a negative int64
 * never equals a uint64); a double never equals an integer.
 */
bool qnum_is_equal(const QObject *x, const QObject *y)
{
    const QNum *a = qobject_to(QNum, x);
    const QNum *b = qobject_to(QNum, y);

    if (a->kind == QNUM_DOUBLE || b->kind == QNUM_DOUBLE) {
        return a->kind == b->kind && a->u.dbl == b->u.dbl;
    }
    if (a->kind == b->kind) {
        return a->kind == QNUM_I64 ? a->u.i64 == b->u.i64
                                   : a->u.u64 == b->u.u64;
    }
    if (a->kind == QNUM_I64) {
        return a->u.i64 >= 0 && (uint64_t)a->u.i64 == b->u.u64;
    }
    return b->u.i64 >= 0 && (uint64_t)b->u.i64 == a->u.u64;
}

void qnum_destroy_obj(QObject *obj)
{
    g_free(qobject_to(QNum, obj));
}

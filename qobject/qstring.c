/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qstring.c: the QString type.
 */
#include "qomu/osdep.h"
#include "qobject/qstring.h"

void qstring_destroy_obj(QObject *obj);

QString *qstring_from_gstring(GString *str)
{
    QString *qs = g_new(QString, 1);

    qobject_init(QOBJECT(qs), QTYPE_QSTRING);
    qs->string = str;
    return qs;
}

QString *qstring_new(void)
{
    return qstring_from_gstring(g_string_new(""));
}

QString *qstring_from_str(const char *str)
{
    return qstring_from_gstring(g_string_new(str));
}

QString *qstring_from_substr(const char *str, size_t start, size_t end)
{
    g_assert(start <= end);
    return qstring_from_gstring(g_string_new_len(str + start, end - start));
}

const char *qstring_get_str(const QString *qstring)
{
    return qstring->string->str;
}

const char *qstring_get_try_str(const QString *qstring)
{
    return qstring ? qstring_get_str(qstring) : NULL;
}

const char *qobject_get_try_str(const QObject *qstring)
{
    return qstring_get_try_str(qobject_to(QString, qstring));
}

size_t qstring_get_length(const QString *qstring)
{
    return qstring->string->len;
}

void qstring_append(QString *qstring, const char *str)
{
    g_string_append(qstring->string, str);
}

void qstring_append_chr(QString *qstring, int c)
{
    g_string_append_c(qstring->string, c);
}

void qstring_append_int(QString *qstring, int64_t value)
{
    g_string_append_printf(qstring->string, "%" PRId64, value);
}

char *qstring_free(QString *qstring, bool return_str)
{
    char *str;

    g_assert(qstring->base.refcnt == 1);
    str = g_string_free(qstring->string, !return_str);
    g_free(qstring);
    return str;
}

bool qstring_is_equal(const QObject *x, const QObject *y)
{
    const QString *a = qobject_to(QString, x);
    const QString *b = qobject_to(QString, y);

    return g_string_equal(a->string, b->string);
}

void qstring_destroy_obj(QObject *obj)
{
    QString *qs = qobject_to(QString, obj);

    g_string_free(qs->string, TRUE);
    g_free(qs);
}

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qstring.h: JSON strings, as QEMU's include/qobject/qstring.h.
 *
 * A QString holds a NUL-terminated UTF-8 string (JSON input is validated
 * as UTF-8; strings built in C are taken as given).  QEMU made QString
 * immutable in 2020 and dropped qstring_append*(); qomu keeps the older
 * append helpers for code that builds text incrementally.  Never append to
 * a QString that is already shared (held by a container or another owner).
 */
#ifndef QOBJECT_QSTRING_H
#define QOBJECT_QSTRING_H

#include "qobject/qobject.h"

struct QString {
    struct QObjectBase_ base;
    GString *string;
};

/** qstring_new: a new empty QString. */
QString *qstring_new(void);
/** qstring_from_str: a new QString holding a copy of @str. */
QString *qstring_from_str(const char *str);
/**
 * qstring_from_substr: a new QString holding @str[@start, @end) (the byte
 * at @end is not included, as in current QEMU).
 */
QString *qstring_from_substr(const char *str, size_t start, size_t end);
/** qstring_from_gstring: a new QString that takes over @str (freed). */
QString *qstring_from_gstring(GString *str);

/** qstring_get_str: the string of @qstring, valid while @qstring lives. */
const char *qstring_get_str(const QString *qstring);
/** qstring_get_try_str: the string of @qstring, or NULL if @qstring is. */
const char *qstring_get_try_str(const QString *qstring);
/**
 * qobject_get_try_str: the string of @qstring if it is a QString, else NULL
 * (also when @qstring is NULL).
 */
const char *qobject_get_try_str(const QObject *qstring);
/** qstring_get_length: the length of @qstring in bytes. */
size_t qstring_get_length(const QString *qstring);

/** qstring_append: append @str to @qstring. */
void qstring_append(QString *qstring, const char *str);
/** qstring_append_chr: append the byte @c to @qstring. */
void qstring_append_chr(QString *qstring, int c);
/** qstring_append_int: append @value in decimal to @qstring. */
void qstring_append_int(QString *qstring, int64_t value);

/**
 * qstring_free: drop the caller's reference to @qstring (which must be the
 * only one) and return its text if @return_str (for g_free()), else NULL.
 */
char *qstring_free(QString *qstring, bool return_str);

/** qstring_is_equal: string equality as qobject_is_equal() defines it. */
bool qstring_is_equal(const QObject *x, const QObject *y);

static inline void qobject_unref_qstring(QString *obj)
{
    qobject_unref(obj);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(QString, qobject_unref_qstring)

#endif /* QOBJECT_QSTRING_H */

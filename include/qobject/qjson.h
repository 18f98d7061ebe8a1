/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qjson.h: JSON text to and from QObject, as QEMU's include/qobject/qjson.h.
 *
 * Parsing follows RFC 8259 with QEMU's number rule: an integer literal that
 * fits int64_t becomes a QNUM_I64, a larger positive one that fits uint64_t
 * a QNUM_U64, anything else (fraction, exponent, out of range) a
 * QNUM_DOUBLE.  Duplicate keys in an object are an error (as in QEMU).
 * Nesting deeper than QOBJECT_JSON_MAX_DEPTH is an error.  As in QEMU,
 * strings (and keys) may also be written in single quotes, 'like this',
 * where '"' needs no escape; \' is accepted in either kind.  '%'
 * interpolation is only accepted by the *_jsonf_nofail() functions.
 *
 * Output: compact is QEMU's one-line form, {"a": 1, "b": [1, 2]}; pretty
 * puts each member / element on its own line, indented by 4 spaces per
 * level.  Keys come out in the dict's (insertion) order.  Non-ASCII
 * characters are written as UTF-8, control characters and '"' '\\' are
 * escaped; QEMU instead writes every non-ASCII character as \uXXXX.
 */
#ifndef QOBJECT_QJSON_H
#define QOBJECT_QJSON_H

#include "qobject/qobject.h"
#include "qapi/error.h"

/* The deepest array / object nesting the parser accepts (QEMU: 1024). */
#define QOBJECT_JSON_MAX_DEPTH 1024

/**
 * qobject_from_json: parse the JSON text @string (one value, surrounding
 * white space allowed).
 * @errp: on failure, a one-line message naming the problem and where
 * ("JSON parse error at line 1, column 7: ...").
 * Returns: a new reference to the value, or NULL on failure.
 */
QObject *qobject_from_json(const char *string, Error **errp);

/**
 * qdict_from_json_nofail: parse @string, which must be a JSON object (a
 * programming error otherwise: aborts).  For literals in code and tests.
 */
QDict *qdict_from_json_nofail(const char *string);

/**
 * qobject_from_jsonf_nofail: parse @string with '%' interpolation, as in
 * QEMU; a parse error is a programming error (aborts).
 *
 * Where a value may stand, a directive takes the next argument:
 * %d %i (int), %u (unsigned), %ld %li %lu (long), %lld %lli %llu
 * (long long; PRId64 / PRIu64 expand to one of these), %f (double),
 * %s (a non-NULL string, copied into a QString) and %p (a QObject *
 * whose reference is taken over).  Directives inside strings are plain
 * text.  Example:
 *   qdict_from_jsonf_nofail("{'execute': %s, 'arguments': %p}", cmd,
 *                           QOBJECT(args));
 * Returns: a new reference to the value.
 */
QObject *qobject_from_jsonf_nofail(const char *string, ...) G_GNUC_PRINTF(1, 2);
/** qobject_from_vjsonf_nofail: qobject_from_jsonf_nofail() with a va_list. */
QObject *qobject_from_vjsonf_nofail(const char *string, va_list ap)
    G_GNUC_PRINTF(1, 0);
/** qdict_from_vjsonf_nofail: qdict_from_jsonf_nofail() with a va_list. */
QDict *qdict_from_vjsonf_nofail(const char *string, va_list ap)
    G_GNUC_PRINTF(1, 0);
/** qdict_from_jsonf_nofail: qobject_from_jsonf_nofail() for a JSON object. */
QDict *qdict_from_jsonf_nofail(const char *string, ...) G_GNUC_PRINTF(1, 2);

/**
 * qobject_to_json: @obj as compact one-line JSON text.
 * Returns: a new GString (g_string_free() it).
 */
GString *qobject_to_json(const QObject *obj);

/**
 * qobject_to_json_pretty: @obj as JSON text, pretty-printed with 4-space
 * indentation if @pretty, else as qobject_to_json().
 * Returns: a new GString (g_string_free() it).
 */
GString *qobject_to_json_pretty(const QObject *obj, bool pretty);

#endif /* QOBJECT_QJSON_H */

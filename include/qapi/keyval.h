/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * keyval.h: parse "key=value,key2=value2" option text into a QDict, as
 * QEMU's util/keyval.c (declared in QEMU's include/qemu/option.h).
 *
 * Syntax (QEMU's):
 *   params     = [ param { "," param } ] [ "," ]
 *   param      = key "=" value | help | implied-value (first only)
 *   key        = fragment { "." fragment }
 *   fragment   = name | index          (an index not as first fragment)
 *   name       = [A-Za-z_][A-Za-z0-9_-]*   (at most 127 characters)
 *   index      = "0" | [1-9][0-9]*
 *   value      = any text; ",," stands for one ","
 *   help       = "help" | "?"
 *
 * - Dotted keys build nested dicts: "a.b=1,a.c=2" is {"a": {"b": "1",
 *   "c": "2"}}; a dict whose keys are all indexes becomes a list:
 *   "l.0=x,l.1=y" is {"l": ["x", "y"]}.  Every leaf is a QString; the
 *   QObject input visitor in keyval mode gives them their types.
 * - Implied key: if the first parameter has no '=', it is the value of
 *   @implied_key ("ns16550a,id=u0" with "driver" is driver=ns16550a,id=u0).
 *   An implied value ends at the first ',' or '=' (no ",," escape there).
 * - "help" or "?" as a whole parameter asks for help.
 * - Empty values are fine ("id="); a trailing ',' is ignored.
 *
 * Difference from QEMU: a key given twice in one text is an error
 * ("Parameter 'id' is specified more than once"); QEMU silently keeps the
 * last value.  keyval_parse_into() and keyval_merge() still let a later
 * option override an earlier one, as for repeated -M options.
 *
 * Errors name the offending key:
 *   "Invalid parameter 'a..b'"              bad key syntax
 *   "Expected '=' after parameter 'id'"     no '=' (and no implied key)
 *   "Parameter 'id' is specified more than once"
 *   "Parameters 'a.*' used inconsistently"  "a=1,a.b=2"
 *   "Parameter 'l.1' missing"               gap in list indexes
 *   "Parameter 'x' is too long"             name over 127 characters
 *   "Help is not available for this option" help, but @p_help is NULL
 */
#ifndef QAPI_KEYVAL_H
#define QAPI_KEYVAL_H

#include "qapi/error.h"
#include "qobject/qdict.h"

/**
 * keyval_parse: parse @params.
 * @params: the option text.
 * @implied_key: the key of a leading value without '=', or NULL.
 * @p_help: set to whether help was asked for; if NULL, asking for help is
 * an error.
 * @errp: on failure, a message naming the offending key.
 * Returns: a new QDict (qobject_unref() it), or NULL on failure.
 */
QDict *keyval_parse(const char *params, const char *implied_key, bool *p_help,
                    Error **errp);

/**
 * keyval_parse_into: keyval_parse() adding to the existing @qdict (whose
 * leaves must be QStrings, as from an earlier keyval_parse()); keys of
 * @params override keys already in @qdict.
 * Returns: @qdict itself (not a new reference) on success, NULL on
 * failure (then @qdict may hold part of @params).
 */
QDict *keyval_parse_into(QDict *qdict, const char *params,
                         const char *implied_key, bool *p_help, Error **errp);

/**
 * keyval_merge: merge @new into @old, as for a repeated option: nested
 * dicts merge recursively, lists are appended to, other values of @new
 * replace those of @old.  A dict in one and a non-dict in the other is an
 * error ("Parameter 'a' used inconsistently").
 */
void keyval_merge(QDict *old, const QDict *new, Error **errp);

#endif /* QAPI_KEYVAL_H */

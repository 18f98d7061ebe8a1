/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qobject-input-visitor.h: a visitor that reads a value from a QObject
 * tree, as QEMU's include/qapi/qobject-input-visitor.h.
 *
 * Two flavours:
 * - qobject_input_visitor_new(): the QObject holds typed JSON values (as
 *   from QMP or qobject_from_json()); an integer member must be a QNum,
 *   a boolean a QBool, and so on;
 * - qobject_input_visitor_new_keyval(): the QObject comes from
 *   keyval_parse() and every scalar is a QString, parsed according to the
 *   type visited ("64K" for a size, "on" for a bool, "0x10" for an int).
 *
 * Errors name the member by its full path ("Parameter 'a.b[2]' is
 * missing"; keyval spells list indexes as "a.b.2", as on the command line):
 * - missing member: "Parameter 'x' is missing";
 * - unknown member (visit_check_struct): "Parameter 'x' is unexpected";
 * - wrong JSON type: "Invalid parameter type for 'x', expected: integer";
 * - bad text (keyval): as the string input visitor,
 *   "Parameter 'x' expects an integer, got 'abc'";
 * - too many list elements (visit_check_list):
 *   "Parameter 'x' has more list elements than expected".
 */
#ifndef QAPI_QOBJECT_INPUT_VISITOR_H
#define QAPI_QOBJECT_INPUT_VISITOR_H

#include "qapi/visitor.h"

/**
 * qobject_input_visitor_new: a visitor reading typed values from @obj.
 * @obj: the root value; the visitor takes its own reference.
 * Returns: the visitor; free it with visit_free().
 */
Visitor *qobject_input_visitor_new(QObject *obj);

/**
 * qobject_input_visitor_new_keyval: a visitor reading from @obj, a tree
 * of QDicts / QLists whose scalars are all QStrings (keyval_parse()'s
 * output).
 * @obj: the root value; the visitor takes its own reference.
 * Returns: the visitor; free it with visit_free().
 */
Visitor *qobject_input_visitor_new_keyval(QObject *obj);

/**
 * qobject_input_visitor_new_str: a visitor for the option text @str:
 * JSON if it starts with '{' (then typed), else keyval syntax with
 * @implied_key (then keyval flavour), as QEMU's function of that name.
 * @errp: on a syntax error, the parser's message.
 * Returns: the visitor, or NULL on error.
 */
Visitor *qobject_input_visitor_new_str(const char *str, const char *implied_key,
                                       Error **errp);

#endif /* QAPI_QOBJECT_INPUT_VISITOR_H */

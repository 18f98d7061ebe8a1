/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qobject-output-visitor.h: a visitor that builds a QObject tree from a
 * value, as QEMU's include/qapi/qobject-output-visitor.h.
 *
 * Structs become QDicts (members in visiting order), lists QLists, int64
 * a QNum of kind int, uint64 and sizes a QNum of kind uint, numbers a QNum
 * of kind double, booleans QBools, strings and enums QStrings (a NULL
 * string becomes ""), null the QNull.  Absent optional members are left
 * out.
 */
#ifndef QAPI_QOBJECT_OUTPUT_VISITOR_H
#define QAPI_QOBJECT_OUTPUT_VISITOR_H

#include "qapi/visitor.h"

/**
 * qobject_output_visitor_new: a visitor building a QObject.
 * @result: where visit_complete(v, @result) stores a new reference to the
 * root of the tree built.
 * Returns: the visitor; free it with visit_free().
 */
Visitor *qobject_output_visitor_new(QObject **result);

#endif /* QAPI_QOBJECT_OUTPUT_VISITOR_H */

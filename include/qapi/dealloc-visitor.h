/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * dealloc-visitor.h: the visitor that frees a visited value, as QEMU's
 * include/qapi/dealloc-visitor.h.
 *
 * Walking a value with it frees every string, struct, list node and
 * QObject reference in it - also a value that an input visitor left half
 * built after an error (members not yet visited are NULL / zero).  This is
 * how the qapi_free_Foo() helpers are written:
 *
 *   void qapi_free_Foo(Foo *obj)
 *   {
 *       Visitor *v = qapi_dealloc_visitor_new();
 *       visit_type_Foo(v, NULL, &obj, NULL);
 *       visit_free(v);
 *   }
 */
#ifndef QAPI_DEALLOC_VISITOR_H
#define QAPI_DEALLOC_VISITOR_H

#include "qapi/visitor.h"

/**
 * qapi_dealloc_visitor_new: a new dealloc visitor (never fails).
 * Returns: the visitor; free it with visit_free().
 */
Visitor *qapi_dealloc_visitor_new(void);

#endif /* QAPI_DEALLOC_VISITOR_H */

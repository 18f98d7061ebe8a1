/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qapi-builtin-visit.h: visit functions of the built-in list types, as
 * QEMU's generated qapi/qapi-builtin-visit.h (hand-written here).
 *
 * visit_type_FooList(v, name, &list, errp) walks a whole list; an input
 * visitor builds it (and frees what it built if it fails, leaving NULL).
 */
#ifndef QAPI_QAPI_BUILTIN_VISIT_H
#define QAPI_QAPI_BUILTIN_VISIT_H

#include "qapi/qapi-builtin-types.h"
#include "qapi/visitor.h"

bool visit_type_strList(Visitor *v, const char *name, strList **obj,
                        Error **errp);
bool visit_type_intList(Visitor *v, const char *name, intList **obj,
                        Error **errp);
bool visit_type_int8List(Visitor *v, const char *name, int8List **obj,
                         Error **errp);
bool visit_type_int16List(Visitor *v, const char *name, int16List **obj,
                          Error **errp);
bool visit_type_int32List(Visitor *v, const char *name, int32List **obj,
                          Error **errp);
bool visit_type_int64List(Visitor *v, const char *name, int64List **obj,
                          Error **errp);
bool visit_type_uint8List(Visitor *v, const char *name, uint8List **obj,
                          Error **errp);
bool visit_type_uint16List(Visitor *v, const char *name, uint16List **obj,
                           Error **errp);
bool visit_type_uint32List(Visitor *v, const char *name, uint32List **obj,
                           Error **errp);
bool visit_type_uint64List(Visitor *v, const char *name, uint64List **obj,
                           Error **errp);
bool visit_type_sizeList(Visitor *v, const char *name, sizeList **obj,
                         Error **errp);
bool visit_type_boolList(Visitor *v, const char *name, boolList **obj,
                         Error **errp);
bool visit_type_numberList(Visitor *v, const char *name, numberList **obj,
                           Error **errp);
bool visit_type_anyList(Visitor *v, const char *name, anyList **obj,
                        Error **errp);

#endif /* QAPI_QAPI_BUILTIN_VISIT_H */

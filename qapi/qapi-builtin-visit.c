/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qapi-builtin-visit.c: visit and free functions of the built-in list
 * types, written once as a macro in the shape QEMU's generator emits.
 */
#include "qomu/osdep.h"
#include "qapi/qapi-builtin-visit.h"
#include "qapi/dealloc-visitor.h"

#define QAPI_DEFINE_BUILTIN_LIST(Name, visit_elem)                             \
    bool visit_type_##Name##List(Visitor *v, const char *name,                 \
                                 Name##List **obj, Error **errp)               \
    {                                                                          \
        bool ok = false;                                                       \
        Name##List *tail;                                                      \
        size_t size = sizeof(**obj);                                           \
                                                                               \
        if (!visit_start_list(v, name, (GenericList **)obj, size, errp)) {     \
            return false;                                                      \
        }                                                                      \
        for (tail = *obj; tail; tail = (Name##List *)visit_next_list(          \
                                    v, (GenericList *)tail, size)) {           \
            if (!visit_elem(v, NULL, &tail->value, errp)) {                    \
                goto out;                                                      \
            }                                                                  \
        }                                                                      \
        ok = visit_check_list(v, errp);                                        \
    out:                                                                       \
        visit_end_list(v, (void **)obj);                                       \
        if (!ok && visit_is_input(v)) {                                        \
            qapi_free_##Name##List(*obj);                                      \
            *obj = NULL;                                                       \
        }                                                                      \
        return ok;                                                             \
    }                                                                          \
                                                                               \
    void qapi_free_##Name##List(Name##List *obj)                               \
    {                                                                          \
        Visitor *v;                                                            \
                                                                               \
        if (!obj) {                                                            \
            return;                                                            \
        }                                                                      \
        v = qapi_dealloc_visitor_new();                                        \
        visit_type_##Name##List(v, NULL, &obj, NULL);                          \
        visit_free(v);                                                         \
    }

QAPI_DEFINE_BUILTIN_LIST(str, visit_type_str)
QAPI_DEFINE_BUILTIN_LIST(int, visit_type_int)
QAPI_DEFINE_BUILTIN_LIST(int8, visit_type_int8)
QAPI_DEFINE_BUILTIN_LIST(int16, visit_type_int16)
QAPI_DEFINE_BUILTIN_LIST(int32, visit_type_int32)
QAPI_DEFINE_BUILTIN_LIST(int64, visit_type_int64)
QAPI_DEFINE_BUILTIN_LIST(uint8, visit_type_uint8)
QAPI_DEFINE_BUILTIN_LIST(uint16, visit_type_uint16)
QAPI_DEFINE_BUILTIN_LIST(uint32, visit_type_uint32)
QAPI_DEFINE_BUILTIN_LIST(uint64, visit_type_uint64)
QAPI_DEFINE_BUILTIN_LIST(size, visit_type_size)
QAPI_DEFINE_BUILTIN_LIST(bool, visit_type_bool)
QAPI_DEFINE_BUILTIN_LIST(number, visit_type_number)
QAPI_DEFINE_BUILTIN_LIST(any, visit_type_any)

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qapi-builtin-types.h: list types of the built-in scalars, as QEMU's
 * generated qapi/qapi-builtin-types.h (hand-written here).
 *
 * Each FooList is a GenericList: a singly linked list whose nodes hold
 * @value; an empty list is NULL.  Free one with qapi_free_FooList().
 * QType itself lives in qobject/qobject.h.
 */
#ifndef QAPI_QAPI_BUILTIN_TYPES_H
#define QAPI_QAPI_BUILTIN_TYPES_H

#include "qomu/osdep.h"
#include "qobject/qobject.h"

#define QAPI_DECLARE_BUILTIN_LIST(Name, CType)                                 \
    typedef struct Name##List {                                                \
        struct Name##List *next;                                               \
        CType value;                                                           \
    } Name##List;                                                              \
    void qapi_free_##Name##List(Name##List *obj);                              \
    G_DEFINE_AUTOPTR_CLEANUP_FUNC(Name##List, qapi_free_##Name##List)

QAPI_DECLARE_BUILTIN_LIST(str, char *)
QAPI_DECLARE_BUILTIN_LIST(int, int64_t)
QAPI_DECLARE_BUILTIN_LIST(int8, int8_t)
QAPI_DECLARE_BUILTIN_LIST(int16, int16_t)
QAPI_DECLARE_BUILTIN_LIST(int32, int32_t)
QAPI_DECLARE_BUILTIN_LIST(int64, int64_t)
QAPI_DECLARE_BUILTIN_LIST(uint8, uint8_t)
QAPI_DECLARE_BUILTIN_LIST(uint16, uint16_t)
QAPI_DECLARE_BUILTIN_LIST(uint32, uint32_t)
QAPI_DECLARE_BUILTIN_LIST(uint64, uint64_t)
QAPI_DECLARE_BUILTIN_LIST(size, uint64_t)
QAPI_DECLARE_BUILTIN_LIST(bool, bool)
QAPI_DECLARE_BUILTIN_LIST(number, double)
QAPI_DECLARE_BUILTIN_LIST(any, QObject *)

#undef QAPI_DECLARE_BUILTIN_LIST

/**
 * QAPI_LIST_PREPEND: put a new node holding @element in front of @list
 * (a FooList * lvalue), as QEMU's macro.
 */
#define QAPI_LIST_PREPEND(list, element)                                       \
    do {                                                                       \
        __typeof__(list) _tmp = g_malloc(sizeof(*(list)));                     \
        _tmp->value = (element);                                               \
        _tmp->next = (list);                                                   \
        (list) = _tmp;                                                         \
    } while (0)

/**
 * QAPI_LIST_APPEND: append a node holding @element at @tail (a FooList **
 * that starts as &list and is advanced), as QEMU's macro.
 */
#define QAPI_LIST_APPEND(tail, element)                                        \
    do {                                                                       \
        *(tail) = g_malloc0(sizeof(**(tail)));                                 \
        (*(tail))->value = (element);                                          \
        (tail) = &(*(tail))->next;                                             \
    } while (0)

/** QAPI_LIST_LENGTH: the number of nodes of @list. */
#define QAPI_LIST_LENGTH(list)                                                 \
    ({                                                                         \
        size_t _len = 0;                                                       \
        __typeof__(list) _elem;                                                \
        for (_elem = (list); _elem; _elem = _elem->next) {                     \
            _len++;                                                            \
        }                                                                      \
        _len;                                                                  \
    })

#endif /* QAPI_QAPI_BUILTIN_TYPES_H */

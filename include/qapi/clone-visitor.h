/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * clone-visitor.h: deep copies of visitable values, as QEMU's
 * include/qapi/clone-visitor.h.
 *
 *   Foo *copy = QAPI_CLONE(Foo, orig);        uses visit_type_Foo
 *   QAPI_CLONE_MEMBERS(Foo, &dst, &src);      uses visit_type_Foo_members
 *
 * Structs and list nodes are duplicated as blocks (which copies the
 * scalars), strings with g_strdup, QObjects gain a reference.
 */
#ifndef QAPI_CLONE_VISITOR_H
#define QAPI_CLONE_VISITOR_H

#include "qapi/visitor.h"

/**
 * qapi_clone_visitor_new: a new clone visitor.  Walking a pointer to a
 * struct or list replaces it with a deep copy.  Only structs and lists
 * can be walked at the top level.
 * Returns: the visitor; free it with visit_free().
 */
Visitor *qapi_clone_visitor_new(void);

/**
 * qapi_clone: a deep copy of @src, walked with @visit_type.
 * Returns: the copy, or NULL if @src is NULL.
 */
void *qapi_clone(const void *src, bool (*visit_type)(Visitor *, const char *,
                                                     void **, Error **));

/**
 * qapi_clone_members: copy the struct @src (@sz bytes) into @dst, deep,
 * walking the members with @visit_type_members.  @dst is overwritten.
 */
void qapi_clone_members(void *dst, const void *src, size_t sz,
                        bool (*visit_type_members)(Visitor *, void *,
                                                   Error **));

/** QAPI_CLONE: a deep copy of @src, a @type *. */
#define QAPI_CLONE(type, src)                                                  \
    ((type *)qapi_clone(src, (bool (*)(Visitor *, const char *, void **,       \
                                       Error **))visit_type_##type))

/** QAPI_CLONE_MEMBERS: deep-copy the members of *@src into *@dst. */
#define QAPI_CLONE_MEMBERS(type, dst, src)                                     \
    qapi_clone_members(                                                        \
        dst, src, sizeof(type),                                                \
        (bool (*)(Visitor *, void *, Error **))visit_type_##type##_members)

#endif /* QAPI_CLONE_VISITOR_H */

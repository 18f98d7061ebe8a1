/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * visitor-impl.h: what a visitor implementation provides, as QEMU's
 * include/qapi/visitor-impl.h.  Users of visitors include only visitor.h.
 *
 * A NULL callback means: start_alternate unsupported (input) or nothing to
 * do; check_struct / check_list / optional / complete: nothing to do;
 * type_size: use type_uint64.  Every visitor must provide start_struct,
 * end_struct, start_list, next_list, end_list, the scalar callbacks it
 * supports (an unsupported one fails with an error), and free.
 */
#ifndef QAPI_VISITOR_IMPL_H
#define QAPI_VISITOR_IMPL_H

#include "qapi/visitor.h"

/*
 * The kind of a visitor.  Bit values as in QEMU, so that callers may test
 * v->type & VISITOR_INPUT.
 */
typedef enum VisitorType {
    VISITOR_INPUT = 1 << 0,
    VISITOR_OUTPUT = 1 << 1,
    VISITOR_CLONE = 1 << 2,
    VISITOR_DEALLOC = 1 << 3,
} VisitorType;

struct Visitor {
    bool (*start_struct)(Visitor *v, const char *name, void **obj, size_t size,
                         Error **errp);
    bool (*check_struct)(Visitor *v, Error **errp);
    void (*end_struct)(Visitor *v, void **obj);

    bool (*start_list)(Visitor *v, const char *name, GenericList **list,
                       size_t size, Error **errp);
    GenericList *(*next_list)(Visitor *v, GenericList *tail, size_t size);
    bool (*check_list)(Visitor *v, Error **errp);
    void (*end_list)(Visitor *v, void **list);

    bool (*start_alternate)(Visitor *v, const char *name,
                            GenericAlternate **obj, size_t size, Error **errp);
    void (*end_alternate)(Visitor *v, void **obj);

    bool (*type_int64)(Visitor *v, const char *name, int64_t *obj,
                       Error **errp);
    bool (*type_uint64)(Visitor *v, const char *name, uint64_t *obj,
                        Error **errp);
    bool (*type_size)(Visitor *v, const char *name, uint64_t *obj,
                      Error **errp);
    bool (*type_bool)(Visitor *v, const char *name, bool *obj, Error **errp);
    bool (*type_str)(Visitor *v, const char *name, char **obj, Error **errp);
    bool (*type_number)(Visitor *v, const char *name, double *obj,
                        Error **errp);
    bool (*type_any)(Visitor *v, const char *name, QObject **obj, Error **errp);
    bool (*type_null)(Visitor *v, const char *name, QNull **obj, Error **errp);

    void (*optional)(Visitor *v, const char *name, bool *present);

    /*
     * Optional, a qomu addition: the name that errors raised by the core
     * (integer ranges, enums) should show for member @name, e.g. "irqs[2]"
     * inside a list; NULL means @name itself ("null" if that is NULL).
     */
    const char *(*error_name)(Visitor *v, const char *name);

    VisitorType type;

    void (*complete)(Visitor *v, void *opaque);
    void (*free)(Visitor *v);
};

#endif /* QAPI_VISITOR_IMPL_H */

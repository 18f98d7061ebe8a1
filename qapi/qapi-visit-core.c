/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qapi-visit-core.c: the Visitor entry points: argument checks, integer
 * ranges and enums on top of each visitor's callbacks.
 */
#include "qomu/osdep.h"
#include "qapi/visitor-impl.h"

static const char *name_or_null(const char *name)
{
    return name ? name : "null";
}

static const char *error_name(Visitor *v, const char *name)
{
    if (v->error_name) {
        return v->error_name(v, name);
    }
    return name_or_null(name);
}

void visit_complete(Visitor *v, void *opaque)
{
    g_assert(v->type != VISITOR_OUTPUT || v->complete);
    if (v->complete) {
        v->complete(v, opaque);
    }
}

void visit_free(Visitor *v)
{
    if (v) {
        v->free(v);
    }
}

bool visit_start_struct(Visitor *v, const char *name, void **obj, size_t size,
                        Error **errp)
{
    bool ok;

    if (obj) {
        g_assert(size);
        g_assert(!(v->type & VISITOR_OUTPUT) || *obj);
    }
    ok = v->start_struct(v, name, obj, size, errp);
    if (obj && (v->type & VISITOR_INPUT)) {
        g_assert(ok == !!*obj);
    }
    return ok;
}

bool visit_check_struct(Visitor *v, Error **errp)
{
    return v->check_struct ? v->check_struct(v, errp) : true;
}

void visit_end_struct(Visitor *v, void **obj)
{
    v->end_struct(v, obj);
}

bool visit_start_list(Visitor *v, const char *name, GenericList **list,
                      size_t size, Error **errp)
{
    bool ok;

    g_assert(!list || size >= sizeof(GenericList));
    ok = v->start_list(v, name, list, size, errp);
    if (list && (v->type & VISITOR_INPUT)) {
        g_assert(ok || !*list);
    }
    return ok;
}

GenericList *visit_next_list(Visitor *v, GenericList *tail, size_t size)
{
    g_assert(tail && size >= sizeof(GenericList));
    return v->next_list(v, tail, size);
}

bool visit_check_list(Visitor *v, Error **errp)
{
    return v->check_list ? v->check_list(v, errp) : true;
}

void visit_end_list(Visitor *v, void **list)
{
    v->end_list(v, list);
}

bool visit_start_alternate(Visitor *v, const char *name, GenericAlternate **obj,
                           size_t size, Error **errp)
{
    bool ok = true;

    g_assert(obj && size >= sizeof(GenericAlternate));
    g_assert(!(v->type & VISITOR_OUTPUT) || *obj);
    if (v->start_alternate) {
        ok = v->start_alternate(v, name, obj, size, errp);
    } else if (v->type & VISITOR_INPUT) {
        error_setg(errp,
                   "Parameter '%s': this input cannot hold an "
                   "alternate",
                   error_name(v, name));
        *obj = NULL;
        return false;
    }
    if (v->type & VISITOR_INPUT) {
        g_assert(ok == !!*obj);
    }
    return ok;
}

void visit_end_alternate(Visitor *v, void **obj)
{
    if (v->end_alternate) {
        v->end_alternate(v, obj);
    }
}

bool visit_optional(Visitor *v, const char *name, bool *present)
{
    if (v->optional) {
        v->optional(v, name, present);
    }
    return *present;
}

bool visit_is_input(Visitor *v)
{
    return v->type == VISITOR_INPUT;
}

bool visit_is_dealloc(Visitor *v)
{
    return v->type == VISITOR_DEALLOC;
}

bool visit_type_int(Visitor *v, const char *name, int64_t *obj, Error **errp)
{
    g_assert(obj);
    return v->type_int64(v, name, obj, errp);
}

/*
 * The narrow types go through the 64-bit callbacks; only input can be out
 * of range (an output visitor is fed a valid C value by definition).
 */
static bool visit_type_uintN(Visitor *v, uint64_t *obj, const char *name,
                             uint64_t max, const char *type, Error **errp)
{
    uint64_t value = *obj;

    if (!v->type_uint64(v, name, &value, errp)) {
        return false;
    }
    if (value > max) {
        g_assert(v->type == VISITOR_INPUT);
        error_setg(errp,
                   "Parameter '%s' expects %s (0 to %" PRIu64 "), "
                   "got %" PRIu64,
                   error_name(v, name), type, max, value);
        return false;
    }
    *obj = value;
    return true;
}

bool visit_type_uint8(Visitor *v, const char *name, uint8_t *obj, Error **errp)
{
    uint64_t value = *obj;
    bool ok = visit_type_uintN(v, &value, name, UINT8_MAX, "uint8_t", errp);

    if (ok) {
        *obj = value;
    }
    return ok;
}

bool visit_type_uint16(Visitor *v, const char *name, uint16_t *obj,
                       Error **errp)
{
    uint64_t value = *obj;
    bool ok = visit_type_uintN(v, &value, name, UINT16_MAX, "uint16_t", errp);

    if (ok) {
        *obj = value;
    }
    return ok;
}

bool visit_type_uint32(Visitor *v, const char *name, uint32_t *obj,
                       Error **errp)
{
    uint64_t value = *obj;
    bool ok = visit_type_uintN(v, &value, name, UINT32_MAX, "uint32_t", errp);

    if (ok) {
        *obj = value;
    }
    return ok;
}

bool visit_type_uint64(Visitor *v, const char *name, uint64_t *obj,
                       Error **errp)
{
    g_assert(obj);
    return v->type_uint64(v, name, obj, errp);
}

static bool visit_type_intN(Visitor *v, int64_t *obj, const char *name,
                            int64_t min, int64_t max, const char *type,
                            Error **errp)
{
    int64_t value = *obj;

    if (!v->type_int64(v, name, &value, errp)) {
        return false;
    }
    if (value < min || value > max) {
        g_assert(v->type == VISITOR_INPUT);
        error_setg(errp,
                   "Parameter '%s' expects %s (%" PRId64 " to %" PRId64
                   "), got %" PRId64,
                   error_name(v, name), type, min, max, value);
        return false;
    }
    *obj = value;
    return true;
}

bool visit_type_int8(Visitor *v, const char *name, int8_t *obj, Error **errp)
{
    int64_t value = *obj;
    bool ok =
        visit_type_intN(v, &value, name, INT8_MIN, INT8_MAX, "int8_t", errp);

    if (ok) {
        *obj = value;
    }
    return ok;
}

bool visit_type_int16(Visitor *v, const char *name, int16_t *obj, Error **errp)
{
    int64_t value = *obj;
    bool ok =
        visit_type_intN(v, &value, name, INT16_MIN, INT16_MAX, "int16_t", errp);

    if (ok) {
        *obj = value;
    }
    return ok;
}

bool visit_type_int32(Visitor *v, const char *name, int32_t *obj, Error **errp)
{
    int64_t value = *obj;
    bool ok =
        visit_type_intN(v, &value, name, INT32_MIN, INT32_MAX, "int32_t", errp);

    if (ok) {
        *obj = value;
    }
    return ok;
}

bool visit_type_int64(Visitor *v, const char *name, int64_t *obj, Error **errp)
{
    g_assert(obj);
    return v->type_int64(v, name, obj, errp);
}

bool visit_type_size(Visitor *v, const char *name, uint64_t *obj, Error **errp)
{
    g_assert(obj);
    if (v->type_size) {
        return v->type_size(v, name, obj, errp);
    }
    return v->type_uint64(v, name, obj, errp);
}

bool visit_type_bool(Visitor *v, const char *name, bool *obj, Error **errp)
{
    g_assert(obj);
    return v->type_bool(v, name, obj, errp);
}

bool visit_type_str(Visitor *v, const char *name, char **obj, Error **errp)
{
    bool ok;

    g_assert(obj);
    ok = v->type_str(v, name, obj, errp);
    if (v->type & VISITOR_INPUT) {
        g_assert(ok == !!*obj);
    }
    return ok;
}

bool visit_type_number(Visitor *v, const char *name, double *obj, Error **errp)
{
    g_assert(obj);
    return v->type_number(v, name, obj, errp);
}

bool visit_type_any(Visitor *v, const char *name, QObject **obj, Error **errp)
{
    bool ok;

    g_assert(obj);
    g_assert(v->type != VISITOR_OUTPUT || *obj);
    if (!v->type_any) {
        error_setg(errp,
                   "Parameter '%s' cannot be given as arbitrary "
                   "data here",
                   error_name(v, name));
        if (v->type & VISITOR_INPUT) {
            *obj = NULL;
        }
        return false;
    }
    ok = v->type_any(v, name, obj, errp);
    if (v->type & VISITOR_INPUT) {
        g_assert(ok == !!*obj);
    }
    return ok;
}

bool visit_type_null(Visitor *v, const char *name, QNull **obj, Error **errp)
{
    if (!v->type_null) {
        error_setg(errp, "Parameter '%s' cannot be null here",
                   error_name(v, name));
        return false;
    }
    return v->type_null(v, name, obj, errp);
}

static bool output_type_enum(Visitor *v, const char *name, int *obj,
                             const QEnumLookup *lookup, Error **errp)
{
    char *enum_str;

    if (*obj < 0 || *obj >= lookup->size) {
        error_setg(errp, "Parameter '%s' holds invalid enum value %d",
                   error_name(v, name), *obj);
        return false;
    }
    enum_str = (char *)lookup->array[*obj];
    return visit_type_str(v, name, &enum_str, errp);
}

static bool input_type_enum(Visitor *v, const char *name, int *obj,
                            const QEnumLookup *lookup, Error **errp)
{
    g_autofree char *enum_str = NULL;
    g_autofree char *names = NULL;
    int value;

    if (!visit_type_str(v, name, &enum_str, errp)) {
        return false;
    }
    value = qapi_enum_parse(lookup, enum_str, -1, NULL);
    if (value < 0) {
        names = qapi_enum_list(lookup);
        error_setg(errp,
                   "Parameter '%s' does not accept value '%s', "
                   "expected one of: %s",
                   error_name(v, name), enum_str, names);
        return false;
    }
    *obj = value;
    return true;
}

bool visit_type_enum(Visitor *v, const char *name, int *obj,
                     const QEnumLookup *lookup, Error **errp)
{
    g_assert(obj && lookup);
    switch (v->type) {
    case VISITOR_INPUT:
        return input_type_enum(v, name, obj, lookup, errp);
    case VISITOR_OUTPUT:
        return output_type_enum(v, name, obj, lookup, errp);
    case VISITOR_CLONE:
        /* The scalar was copied with its struct or list node. */
        return true;
    case VISITOR_DEALLOC:
        /* Nothing to free in a scalar. */
        return true;
    }
    g_assert_not_reached();
}

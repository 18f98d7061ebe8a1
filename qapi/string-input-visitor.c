/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * string-input-visitor.c: scalars and lists of scalars from text.  The
 * accepted syntax is described in include/qapi/string-input-visitor.h.
 */
#include "qomu/osdep.h"
#include "qapi/string-input-visitor.h"
#include "qapi/visitor-impl.h"
#include "qomu/cutils.h"
#include "qobject/qnull.h"

/* A range "a-b" may not stand for more elements than this (as QEMU). */
#define RANGE_MAX_ELEMENTS 65536

typedef enum ListMode {
    LM_NONE,         /* not in a list: the whole string is the value */
    LM_UNPARSED,     /* in a list, at the start of an element */
    LM_INT64_RANGE,  /* in a list, inside a parsed signed range */
    LM_UINT64_RANGE, /* in a list, inside a parsed unsigned range */
    LM_END,          /* in a list, all elements consumed */
} ListMode;

typedef struct StringInputVisitor {
    Visitor visitor;
    const char *string;
    ListMode lm;
    const char *unparsed;  /* the rest of the list text */
    const char *list_name; /* names list elements in errors */
    void *list;            /* to check the caller's end_list */
    union {
        int64_t i64;
        uint64_t u64;
    } range_next, range_end;
} StringInputVisitor;

static StringInputVisitor *to_siv(Visitor *v)
{
    return container_of(v, StringInputVisitor, visitor);
}

/* The name to put in a message: list elements borrow the list's name. */
static const char *siv_name(StringInputVisitor *siv, const char *name)
{
    if (name) {
        return name;
    }
    if (siv->lm != LM_NONE && siv->list_name) {
        return siv->list_name;
    }
    return "null";
}

static bool start_struct(Visitor *v, const char *name, void **obj, size_t size,
                         Error **errp)
{
    if (obj) {
        *obj = NULL;
    }
    error_setg(errp,
               "Parameter '%s' is a structure and cannot be given "
               "as a plain string",
               siv_name(to_siv(v), name));
    return false;
}

static void end_struct(Visitor *v, void **obj)
{
    g_assert_not_reached();
}

static bool start_list(Visitor *v, const char *name, GenericList **list,
                       size_t size, Error **errp)
{
    StringInputVisitor *siv = to_siv(v);

    if (siv->lm != LM_NONE) {
        if (list) {
            *list = NULL;
        }
        error_setg(errp,
                   "Parameter '%s': lists of lists cannot be given "
                   "as a string",
                   siv_name(siv, name));
        return false;
    }
    siv->list = list;
    siv->list_name = name;
    siv->unparsed = siv->string;
    if (!siv->string[0]) {
        if (list) {
            *list = NULL;
        }
        siv->lm = LM_END;
    } else {
        if (list) {
            *list = g_malloc0(size);
        }
        siv->lm = LM_UNPARSED;
    }
    return true;
}

static GenericList *next_list(Visitor *v, GenericList *tail, size_t size)
{
    StringInputVisitor *siv = to_siv(v);

    if (siv->lm == LM_END) {
        return NULL;
    }
    g_assert(siv->lm != LM_NONE);
    tail->next = g_malloc0(size);
    return tail->next;
}

static bool check_list(Visitor *v, Error **errp)
{
    StringInputVisitor *siv = to_siv(v);

    if (siv->lm != LM_END) {
        error_setg(errp,
                   "Parameter '%s' has more list elements than "
                   "expected",
                   siv_name(siv, NULL));
        return false;
    }
    return true;
}

static void end_list(Visitor *v, void **obj)
{
    StringInputVisitor *siv = to_siv(v);

    g_assert(siv->lm != LM_NONE);
    g_assert(siv->list == obj);
    siv->list = NULL;
    siv->list_name = NULL;
    siv->lm = LM_NONE;
}

/*
 * The text of the current list element (up to the next ','), or of the
 * whole string outside a list; advances past it.  NULL, with @errp set,
 * if the list has no more elements or is inside an integer range.
 */
static char *next_item(StringInputVisitor *siv, const char *name, Error **errp)
{
    const char *comma;
    char *item;

    switch (siv->lm) {
    case LM_NONE:
        return g_strdup(siv->string);
    case LM_UNPARSED:
        comma = strchr(siv->unparsed, ',');
        if (comma) {
            item = g_strndup(siv->unparsed, comma - siv->unparsed);
            siv->unparsed = comma + 1;
        } else {
            item = g_strdup(siv->unparsed);
            siv->unparsed += strlen(siv->unparsed);
            siv->lm = LM_END;
        }
        return item;
    case LM_END:
        error_setg(errp,
                   "Parameter '%s' has fewer list elements than "
                   "expected",
                   siv_name(siv, name));
        return NULL;
    case LM_INT64_RANGE:
    case LM_UINT64_RANGE:
        break;
    }
    error_setg(errp,
               "Parameter '%s' mixes integer ranges with other "
               "values",
               siv_name(siv, name));
    return NULL;
}

/*
 * Parse one list element "N" or "N-M" at siv->unparsed into a range.
 * Returns 0, or -EINVAL / -ERANGE from the number parser.
 */
static int parse_range(StringInputVisitor *siv, bool is_signed)
{
    const char *endptr;
    union {
        int64_t i64;
        uint64_t u64;
    } start, end;
    int ret;

    if (is_signed) {
        ret = qemu_strtoi64(siv->unparsed, &endptr, 0, &start.i64);
    } else {
        ret = qemu_strtou64(siv->unparsed, &endptr, 0, &start.u64);
    }
    if (ret) {
        return ret;
    }
    end = start;
    if (*endptr == '-') {
        if (is_signed) {
            ret = qemu_strtoi64(endptr + 1, &endptr, 0, &end.i64);
        } else {
            ret = qemu_strtou64(endptr + 1, &endptr, 0, &end.u64);
        }
        if (ret) {
            return ret;
        }
        if (is_signed ? (start.i64 > end.i64 ||
                         (uint64_t)end.i64 - (uint64_t)start.i64 >=
                             RANGE_MAX_ELEMENTS)
                      : (start.u64 > end.u64 ||
                         end.u64 - start.u64 >= RANGE_MAX_ELEMENTS)) {
            return -EINVAL;
        }
    }
    if (*endptr == ',') {
        siv->unparsed = endptr + 1;
    } else if (*endptr == '\0') {
        siv->unparsed = endptr;
    } else {
        return -EINVAL;
    }
    siv->lm = is_signed ? LM_INT64_RANGE : LM_UINT64_RANGE;
    if (is_signed) {
        siv->range_next.i64 = start.i64;
        siv->range_end.i64 = end.i64;
    } else {
        siv->range_next.u64 = start.u64;
        siv->range_end.u64 = end.u64;
    }
    return 0;
}

static void int_error(StringInputVisitor *siv, const char *name,
                      const char *text, int ret, bool is_signed, Error **errp)
{
    if (ret == -ERANGE) {
        if (is_signed) {
            error_setg(errp,
                       "Parameter '%s' expects int64_t (%" PRId64 " to %" PRId64
                       "), got '%s'",
                       siv_name(siv, name), INT64_MIN, INT64_MAX, text);
        } else {
            error_setg(errp,
                       "Parameter '%s' expects uint64_t (0 to %" PRIu64
                       "), got '%s'",
                       siv_name(siv, name), UINT64_MAX, text);
        }
    } else if (siv->lm == LM_NONE) {
        error_setg(errp, "Parameter '%s' expects an integer, got '%s'",
                   siv_name(siv, name), text);
    } else {
        error_setg(errp,
                   "Parameter '%s' expects a list of integers or "
                   "ranges like 1-3,5, got '%s'",
                   siv_name(siv, name), siv->string);
    }
}

/*
 * The next integer: the whole input as one number, or the next of a list
 * of numbers and ranges ("1-3,5").  Signed and unsigned share the state
 * machine; @obj is the int64_t or uint64_t being visited (same width, and
 * the range bounds compare and count the same as bit patterns).
 */
static bool parse_integer(StringInputVisitor *siv, const char *name,
                          bool is_signed, uint64_t *obj, Error **errp)
{
    int ret;

    switch (siv->lm) {
    case LM_NONE:
        ret = is_signed ? qemu_strtoi64(siv->string, NULL, 0, (int64_t *)obj)
                        : qemu_strtou64(siv->string, NULL, 0, obj);
        if (ret) {
            int_error(siv, name, siv->string, ret, is_signed, errp);
            return false;
        }
        return true;
    case LM_UNPARSED:
        ret = parse_range(siv, is_signed);
        if (ret) {
            int_error(siv, name, siv->string, ret, is_signed, errp);
            return false;
        }
        break;
    case LM_INT64_RANGE:
    case LM_UINT64_RANGE:
        if ((siv->lm == LM_INT64_RANGE) != is_signed) {
            error_setg(errp,
                       "Parameter '%s' mixes signed and unsigned "
                       "integers",
                       siv_name(siv, name));
            return false;
        }
        break;
    case LM_END:
        error_setg(errp,
                   "Parameter '%s' has fewer list elements than "
                   "expected",
                   siv_name(siv, name));
        return false;
    }
    *obj = siv->range_next.u64;
    if (siv->range_next.u64 == siv->range_end.u64) {
        siv->lm = siv->unparsed[0] ? LM_UNPARSED : LM_END;
    } else {
        siv->range_next.u64++;
    }
    return true;
}

static bool parse_type_int64(Visitor *v, const char *name, int64_t *obj,
                             Error **errp)
{
    return parse_integer(to_siv(v), name, true, (uint64_t *)obj, errp);
}

static bool parse_type_uint64(Visitor *v, const char *name, uint64_t *obj,
                              Error **errp)
{
    return parse_integer(to_siv(v), name, false, obj, errp);
}

static bool parse_type_size(Visitor *v, const char *name, uint64_t *obj,
                            Error **errp)
{
    StringInputVisitor *siv = to_siv(v);
    g_autofree char *item = next_item(siv, name, errp);
    uint64_t val;
    int ret;

    if (!item) {
        return false;
    }
    ret = qemu_strtosz(item, NULL, &val);
    if (ret == -ERANGE) {
        error_setg(errp,
                   "Parameter '%s' expects a size below 16 EiB, "
                   "got '%s'",
                   siv_name(siv, name), item);
        return false;
    }
    if (ret) {
        error_setg(errp,
                   "Parameter '%s' expects a size (like 4096, 64K, "
                   "1.5G or 0x1000), got '%s'",
                   siv_name(siv, name), item);
        return false;
    }
    *obj = val;
    return true;
}

static bool parse_type_bool(Visitor *v, const char *name, bool *obj,
                            Error **errp)
{
    StringInputVisitor *siv = to_siv(v);
    g_autofree char *item = next_item(siv, name, errp);

    if (!item) {
        return false;
    }
    return qapi_bool_parse(siv_name(siv, name), item, obj, errp);
}

static bool parse_type_str(Visitor *v, const char *name, char **obj,
                           Error **errp)
{
    StringInputVisitor *siv = to_siv(v);

    *obj = next_item(siv, name, errp);
    return *obj != NULL;
}

static bool parse_type_number(Visitor *v, const char *name, double *obj,
                              Error **errp)
{
    StringInputVisitor *siv = to_siv(v);
    g_autofree char *item = next_item(siv, name, errp);
    double val;

    if (!item) {
        return false;
    }
    if (qemu_strtod_finite(item, NULL, &val)) {
        error_setg(errp, "Parameter '%s' expects a number, got '%s'",
                   siv_name(siv, name), item);
        return false;
    }
    *obj = val;
    return true;
}

static bool parse_type_null(Visitor *v, const char *name, QNull **obj,
                            Error **errp)
{
    StringInputVisitor *siv = to_siv(v);
    g_autofree char *item = next_item(siv, name, errp);

    if (obj) {
        *obj = NULL;
    }
    if (!item) {
        return false;
    }
    if (item[0]) {
        error_setg(errp,
                   "Parameter '%s' expects null (an empty value), "
                   "got '%s'",
                   siv_name(siv, name), item);
        return false;
    }
    if (obj) {
        *obj = qnull();
    }
    return true;
}

static const char *siv_error_name(Visitor *v, const char *name)
{
    return siv_name(to_siv(v), name);
}

static void string_input_free(Visitor *v)
{
    g_free(to_siv(v));
}

Visitor *string_input_visitor_new(const char *str)
{
    StringInputVisitor *siv = g_new0(StringInputVisitor, 1);

    g_assert(str);
    siv->visitor.type = VISITOR_INPUT;
    siv->visitor.start_struct = start_struct;
    siv->visitor.end_struct = end_struct;
    siv->visitor.start_list = start_list;
    siv->visitor.next_list = next_list;
    siv->visitor.check_list = check_list;
    siv->visitor.end_list = end_list;
    siv->visitor.type_int64 = parse_type_int64;
    siv->visitor.type_uint64 = parse_type_uint64;
    siv->visitor.type_size = parse_type_size;
    siv->visitor.type_bool = parse_type_bool;
    siv->visitor.type_str = parse_type_str;
    siv->visitor.type_number = parse_type_number;
    siv->visitor.type_null = parse_type_null;
    siv->visitor.error_name = siv_error_name;
    siv->visitor.free = string_input_free;
    siv->string = str;
    return &siv->visitor;
}

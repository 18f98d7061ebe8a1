/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * string-output-visitor.c: scalars and lists of scalars as text, plain or
 * in the human form of `info qtree`.  The output forms are described in
 * include/qapi/string-output-visitor.h.
 */
#include "qomu/osdep.h"
#include "qapi/string-output-visitor.h"
#include "qapi/visitor-impl.h"
#include "qomu/cutils.h"

/* A run of consecutive integers collected while visiting a list. */
typedef struct IntRange {
    bool is_signed;
    uint64_t start, end; /* int64_t bit patterns if is_signed */
} IntRange;

typedef struct StringOutputVisitor {
    Visitor visitor;
    bool human;
    char **result;
    GString *string; /* the text so far */
    bool in_list;
    void *list;         /* to check the caller's end_list */
    unsigned int count; /* elements printed in the current list */
    GArray *ranges;     /* IntRange: integers of the current list */
} StringOutputVisitor;

static StringOutputVisitor *to_sov(Visitor *v)
{
    return container_of(v, StringOutputVisitor, visitor);
}

/* Add the text of one scalar: the whole output, or one list element. */
static void sov_add(StringOutputVisitor *sov, const char *text)
{
    if (sov->in_list && sov->count++) {
        g_string_append_c(sov->string, ',');
    }
    g_string_append(sov->string, text);
}

static void format_range(GString *s, const IntRange *r, bool hex)
{
    if (hex) {
        g_string_append_printf(s, "0x%" PRIx64, r->start);
        if (r->end != r->start) {
            g_string_append_printf(s, "-0x%" PRIx64, r->end);
        }
    } else if (r->is_signed) {
        g_string_append_printf(s, "%" PRId64, (int64_t)r->start);
        if (r->end != r->start) {
            g_string_append_printf(s, "-%" PRId64, (int64_t)r->end);
        }
    } else {
        g_string_append_printf(s, "%" PRIu64, r->start);
        if (r->end != r->start) {
            g_string_append_printf(s, "-%" PRIu64, r->end);
        }
    }
}

static void print_ranges(StringOutputVisitor *sov, bool hex)
{
    guint i;

    for (i = 0; i < sov->ranges->len; i++) {
        if (i) {
            g_string_append_c(sov->string, ',');
        }
        format_range(sov->string, &g_array_index(sov->ranges, IntRange, i),
                     hex);
    }
}

static void add_int(StringOutputVisitor *sov, uint64_t value, bool is_signed)
{
    IntRange r = {.is_signed = is_signed, .start = value, .end = value};
    IntRange *last;

    if (!sov->in_list) {
        format_range(sov->string, &r, false);
        if (sov->human) {
            g_string_append(sov->string, " (");
            format_range(sov->string, &r, true);
            g_string_append_c(sov->string, ')');
        }
        return;
    }
    /* Integers of a list are printed as ranges by end_list. */
    if (sov->ranges->len) {
        last = &g_array_index(sov->ranges, IntRange, sov->ranges->len - 1);
        if (last->is_signed == is_signed && value == last->end + 1 &&
            (is_signed ? (int64_t)last->end < (int64_t)value
                       : last->end < value)) {
            last->end = value;
            return;
        }
    }
    g_array_append_val(sov->ranges, r);
}

static bool print_type_int64(Visitor *v, const char *name, int64_t *obj,
                             Error **errp)
{
    add_int(to_sov(v), (uint64_t)*obj, true);
    return true;
}

static bool print_type_uint64(Visitor *v, const char *name, uint64_t *obj,
                              Error **errp)
{
    add_int(to_sov(v), *obj, false);
    return true;
}

static bool print_type_size(Visitor *v, const char *name, uint64_t *obj,
                            Error **errp)
{
    StringOutputVisitor *sov = to_sov(v);
    g_autofree char *text = NULL;
    g_autofree char *psize = NULL;

    if (sov->human) {
        psize = size_to_str(*obj);
        text = g_strdup_printf("%" PRIu64 " (%s)", *obj, psize);
    } else {
        text = g_strdup_printf("%" PRIu64, *obj);
    }
    sov_add(sov, text);
    return true;
}

static bool print_type_bool(Visitor *v, const char *name, bool *obj,
                            Error **errp)
{
    sov_add(to_sov(v), *obj ? "true" : "false");
    return true;
}

static bool print_type_str(Visitor *v, const char *name, char **obj,
                           Error **errp)
{
    StringOutputVisitor *sov = to_sov(v);
    g_autofree char *text = NULL;

    if (sov->human) {
        text = *obj ? g_strdup_printf("\"%s\"", *obj) : g_strdup("<null>");
    } else {
        text = g_strdup(*obj ? *obj : "");
    }
    sov_add(sov, text);
    return true;
}

static bool print_type_number(Visitor *v, const char *name, double *obj,
                              Error **errp)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    int prec;

    /* The fewest digits that read back as the same double. */
    for (prec = 1; prec < 17; prec++) {
        snprintf(buf, sizeof(buf), "%.*g", prec, *obj);
        if (strtod(buf, NULL) == *obj) {
            break;
        }
    }
    if (prec == 17) {
        snprintf(buf, sizeof(buf), "%.17g", *obj);
    }
    sov_add(to_sov(v), buf);
    return true;
}

static bool print_type_null(Visitor *v, const char *name, QNull **obj,
                            Error **errp)
{
    StringOutputVisitor *sov = to_sov(v);

    sov_add(sov, sov->human ? "<null>" : "");
    return true;
}

static bool start_struct(Visitor *v, const char *name, void **obj, size_t size,
                         Error **errp)
{
    error_setg(errp,
               "Parameter '%s' is a structure and cannot be printed "
               "as a plain string",
               name ? name : "null");
    return false;
}

static void end_struct(Visitor *v, void **obj)
{
    g_assert_not_reached();
}

static bool start_list(Visitor *v, const char *name, GenericList **list,
                       size_t size, Error **errp)
{
    StringOutputVisitor *sov = to_sov(v);

    if (sov->in_list) {
        error_setg(errp,
                   "Parameter '%s': lists of lists cannot be printed "
                   "as a string",
                   name ? name : "null");
        return false;
    }
    sov->in_list = true;
    sov->list = list;
    sov->count = 0;
    g_array_set_size(sov->ranges, 0);
    return true;
}

static GenericList *next_list(Visitor *v, GenericList *tail, size_t size)
{
    return tail->next;
}

static void end_list(Visitor *v, void **obj)
{
    StringOutputVisitor *sov = to_sov(v);

    g_assert(sov->in_list && sov->list == obj);
    if (sov->ranges->len) {
        if (sov->count) {
            g_string_append_c(sov->string, ',');
        }
        print_ranges(sov, false);
        if (sov->human) {
            g_string_append(sov->string, " (");
            print_ranges(sov, true);
            g_string_append_c(sov->string, ')');
        }
    }
    sov->in_list = false;
    sov->list = NULL;
}

static void string_output_complete(Visitor *v, void *opaque)
{
    StringOutputVisitor *sov = to_sov(v);

    g_assert(opaque == sov->result);
    g_assert(!sov->in_list);
    *sov->result = g_string_free(sov->string, false);
    sov->string = NULL;
}

static void string_output_free(Visitor *v)
{
    StringOutputVisitor *sov = to_sov(v);

    if (sov->string) {
        g_string_free(sov->string, true);
    }
    g_array_free(sov->ranges, true);
    g_free(sov);
}

Visitor *string_output_visitor_new(bool human, char **result)
{
    StringOutputVisitor *sov = g_new0(StringOutputVisitor, 1);

    sov->human = human;
    sov->result = result;
    sov->string = g_string_new(NULL);
    sov->ranges = g_array_new(false, false, sizeof(IntRange));
    sov->visitor.type = VISITOR_OUTPUT;
    sov->visitor.start_struct = start_struct;
    sov->visitor.end_struct = end_struct;
    sov->visitor.start_list = start_list;
    sov->visitor.next_list = next_list;
    sov->visitor.end_list = end_list;
    sov->visitor.type_int64 = print_type_int64;
    sov->visitor.type_uint64 = print_type_uint64;
    sov->visitor.type_size = print_type_size;
    sov->visitor.type_bool = print_type_bool;
    sov->visitor.type_str = print_type_str;
    sov->visitor.type_number = print_type_number;
    sov->visitor.type_null = print_type_null;
    sov->visitor.complete = string_output_complete;
    sov->visitor.free = string_output_free;
    return &sov->visitor;
}

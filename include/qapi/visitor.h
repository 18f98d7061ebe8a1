/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * visitor.h: the Visitor interface, as QEMU's include/qapi/visitor.h.
 *
 * A visitor walks a C value of known type and either fills it from an
 * external form (input visitors: QObject, string, keyval), turns it into
 * an external form (output visitors: QObject, string), frees it (the
 * dealloc visitor) or copies it (the clone visitor).  The same walking code
 * ("visit_type_Foo") serves all of them, so a QOM property getter or
 * setter written once works for the command line, the monitor, QMP and
 * `info qtree`.  docs/devel/visitors.md tells the whole story.
 *
 * Walking a struct { int64_t a; char *s; } named "foo":
 *
 *   if (!visit_start_struct(v, "foo", (void **)&obj, sizeof(*obj), errp)) {
 *       return false;
 *   }
 *   ok = visit_type_int(v, "a", &obj->a, errp) &&
 *        visit_type_str(v, "s", &obj->s, errp);
 *   if (ok) {
 *       ok = visit_check_struct(v, errp);
 *   }
 *   visit_end_struct(v, (void **)&obj);
 *
 * Lists are walked with visit_start_list(), then visit_next_list() until it
 * returns NULL (visiting each element with name NULL), visit_check_list()
 * and visit_end_list().  An input visitor allocates the struct or list
 * nodes (g_malloc0 of the given size) and, if visiting fails, the caller
 * frees the half-built value with the dealloc visitor (qapi_free_Foo).
 *
 * Rules, as QEMU's:
 * - every visit_type_*() and visit_start_*() / check_*() returns true on
 *   success and sets @errp on failure;
 * - an output visitor must only be fed valid values;
 * - @name is the member name inside a struct, NULL inside a list; at the
 *   top level it names the value in error messages (e.g. the property).
 *
 * Differences from QEMU: no compatibility policy (visit_policy_reject,
 * visit_policy_skip, visit_deprecated*) because there is no QAPI schema
 * with deprecated members; integer range errors also name the range and the
 * value: "Parameter 'x' expects uint8_t (0 to 255), got 256".
 */
#ifndef QAPI_VISITOR_H
#define QAPI_VISITOR_H

#include "qomu/osdep.h"
#include "qapi/error.h"
#include "qapi/util.h"
#include "qobject/qobject.h"

typedef struct Visitor Visitor;

/**
 * GenericList: the layout every list type (e.g. intList) starts with.
 * @next: the next node, NULL at the end.
 * @padding: the element (e.g. int64_t value) follows.
 */
typedef struct GenericList {
    struct GenericList *next;
    char padding[];
} GenericList;

/**
 * GenericAlternate: the layout every alternate type starts with.
 * @type: which branch the value holds, by its JSON type.
 */
typedef struct GenericAlternate {
    QType type;
    char padding[];
} GenericAlternate;

/**
 * visit_complete: finish an output (or clone) visit and store its result
 * where the constructor's result pointer said.
 * @opaque: the same result pointer given to the constructor (for example
 * the QObject ** of qobject_output_visitor_new(), or the char ** of
 * string_output_visitor_new()).
 *
 * May be called only once per visitor, after the outermost value.
 */
void visit_complete(Visitor *v, void *opaque);

/** visit_free: free the visitor @v (NULL is fine). */
void visit_free(Visitor *v);

/**
 * visit_start_struct: begin visiting a struct (a JSON object).
 * @name: the member name, or NULL in a list / at the top.
 * @obj: where the struct pointer lives: an input visitor allocates @size
 * zeroed bytes and stores them here; the others read it.  NULL only for a
 * "virtual" struct that has no C counterpart (the members are visited
 * against the caller's own variables).
 * @size: sizeof the struct (if @obj is non-NULL).
 * Returns: true on success.  On failure an input visitor leaves *@obj
 * NULL, and visit_end_struct() must not be called.
 */
bool visit_start_struct(Visitor *v, const char *name, void **obj, size_t size,
                        Error **errp);

/**
 * visit_check_struct: after an input struct's members, fail if the input
 * had members that were not visited ("Parameter 'x' is unexpected").
 * Always succeeds for other visitors.
 */
bool visit_check_struct(Visitor *v, Error **errp);

/**
 * visit_end_struct: finish the struct begun by a successful
 * visit_start_struct(); @obj must be the same pointer as there.
 */
void visit_end_struct(Visitor *v, void **obj);

/**
 * visit_start_list: begin visiting a list (a JSON array).
 * @list: where the head pointer lives: an input visitor stores a new first
 * node (@size zeroed bytes) there, or NULL if the list is empty.  NULL for
 * a virtual walk (the caller reads elements into its own storage).
 * @size: sizeof one node (>= sizeof(GenericList)).
 * Returns: true on success.
 */
bool visit_start_list(Visitor *v, const char *name, GenericList **list,
                      size_t size, Error **errp);

/**
 * visit_next_list: advance to the node after @tail.
 * For an input visitor, allocates and links the next node if the input
 * has more elements.  Returns: the next node, or NULL at the end.
 */
GenericList *visit_next_list(Visitor *v, GenericList *tail, size_t size);

/**
 * visit_check_list: after an input list, fail if the input had more
 * elements than were visited.  Always succeeds for other visitors.
 */
bool visit_check_list(Visitor *v, Error **errp);

/** visit_end_list: finish the list; @list as given to visit_start_list(). */
void visit_end_list(Visitor *v, void **list);

/**
 * visit_start_alternate: begin visiting an alternate (a value that may be
 * of several JSON types).  An input visitor allocates *@obj and sets its
 * type from the input; the caller then visits the branch that matches.
 * Only the QObject input visitor (and the output / dealloc / clone
 * visitors, which need no support) handle alternates.
 */
bool visit_start_alternate(Visitor *v, const char *name, GenericAlternate **obj,
                           size_t size, Error **errp);

/** visit_end_alternate: finish an alternate begun successfully. */
void visit_end_alternate(Visitor *v, void **obj);

/**
 * visit_optional: whether the optional member @name is present.
 * @present: in: the value's has_ flag (output visitors use it);
 * out: an input visitor sets it from the input.
 * Returns: *@present after the update.
 */
bool visit_optional(Visitor *v, const char *name, bool *present);

/** visit_is_input: whether @v fills values (an input visitor). */
bool visit_is_input(Visitor *v);

/** visit_is_dealloc: whether @v is the dealloc visitor. */
bool visit_is_dealloc(Visitor *v);

/**
 * visit_type_int: visit an int64_t.
 * @name: the member name (or NULL); @obj: the value.
 * Returns: true on success.
 */
bool visit_type_int(Visitor *v, const char *name, int64_t *obj, Error **errp);

/*
 * Fixed-width integers.  Input is range checked: a value outside the type
 * fails with "Parameter 'name' expects uint8_t (0 to 255), got 256" and
 * leaves *@obj unchanged.
 */
/** visit_type_int8: visit an int8_t; input must be in -128..127. */
bool visit_type_int8(Visitor *v, const char *name, int8_t *obj, Error **errp);

/** visit_type_int16: visit an int16_t; input must be in -32768..32767. */
bool visit_type_int16(Visitor *v, const char *name, int16_t *obj, Error **errp);

/** visit_type_int32: visit an int32_t; input must be in -2^31..2^31-1. */
bool visit_type_int32(Visitor *v, const char *name, int32_t *obj, Error **errp);

/** visit_type_int64: visit an int64_t (the full range). */
bool visit_type_int64(Visitor *v, const char *name, int64_t *obj, Error **errp);

/** visit_type_uint8: visit a uint8_t; input must be in 0..255. */
bool visit_type_uint8(Visitor *v, const char *name, uint8_t *obj, Error **errp);

/** visit_type_uint16: visit a uint16_t; input must be in 0..65535. */
bool visit_type_uint16(Visitor *v, const char *name, uint16_t *obj,
                       Error **errp);

/** visit_type_uint32: visit a uint32_t; input must be in 0..2^32-1. */
bool visit_type_uint32(Visitor *v, const char *name, uint32_t *obj,
                       Error **errp);

/** visit_type_uint64: visit a uint64_t (the full range). */
bool visit_type_uint64(Visitor *v, const char *name, uint64_t *obj,
                       Error **errp);

/**
 * visit_type_size: visit a size in bytes (a uint64_t).  Text input accepts
 * suffixes ("64K", "1.5G", "0x1000"); human string output prints
 * "65536 (64 KiB)".
 */
bool visit_type_size(Visitor *v, const char *name, uint64_t *obj, Error **errp);

/**
 * visit_type_bool: visit a bool.  Text input accepts on/off, yes/no,
 * true/false, y/n; string output prints "true" / "false" (as QEMU).
 */
bool visit_type_bool(Visitor *v, const char *name, bool *obj, Error **errp);

/**
 * visit_type_str: visit a string.
 * @obj: input visitors store a new string (g_free() it); output visitors
 * read it (NULL is printed as ""); the dealloc visitor frees it.
 */
bool visit_type_str(Visitor *v, const char *name, char **obj, Error **errp);

/** visit_type_number: visit a double. */
bool visit_type_number(Visitor *v, const char *name, double *obj, Error **errp);

/**
 * visit_type_any: visit an arbitrary QObject.
 * @obj: input visitors store a new reference; output visitors read it.
 * Only the QObject visitors (and dealloc / clone) support it.
 */
bool visit_type_any(Visitor *v, const char *name, QObject **obj, Error **errp);

/**
 * visit_type_null: visit a JSON null.
 * @obj: input visitors store a new reference to the QNull singleton.
 */
bool visit_type_null(Visitor *v, const char *name, QNull **obj, Error **errp);

/**
 * visit_type_enum: visit an enum as its name.
 * @obj: the value, an index into @lookup.
 * @lookup: the enum's names.
 * Input of an unknown name fails with "Parameter 'mode' does not accept
 * value 'x', expected one of: auto, on, off".
 */
bool visit_type_enum(Visitor *v, const char *name, int *obj,
                     const QEnumLookup *lookup, Error **errp);

#endif /* QAPI_VISITOR_H */

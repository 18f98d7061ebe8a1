/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * util.h: enum name tables and small parsing helpers of the QAPI layer, as
 * QEMU's include/qapi/util.h.
 *
 * Difference from QEMU: QEnumLookup has no special_features member (there
 * is no QAPI schema, so no deprecated / unstable enum values).
 */
#ifndef QAPI_UTIL_H
#define QAPI_UTIL_H

#include "qomu/osdep.h"
#include "qapi/error.h"

/**
 * QEnumLookup: the names of an enum's values.
 * @array: @size names; element i is the name of value i.
 * @size: the number of values (the enum's _MAX).
 */
typedef struct QEnumLookup {
    const char *const *array;
    int size;
} QEnumLookup;

/**
 * qapi_enum_lookup: the name of value @val of the enum described by
 * @lookup.  @val must be in range (a programming error otherwise).
 */
const char *qapi_enum_lookup(const QEnumLookup *lookup, int val);

/**
 * qapi_enum_parse: the value whose name is @buf.
 * @lookup: the enum's names.
 * @buf: the name to look up; NULL gives @def without an error.
 * @def: returned on failure.
 * @errp: on failure, "Invalid parameter value 'x', expected one of: a, b".
 * Returns: the value, or @def.
 */
int qapi_enum_parse(const QEnumLookup *lookup, const char *buf, int def,
                    Error **errp);

/**
 * qapi_enum_list: the names of @lookup joined by ", " ("auto, on, off"),
 * for error messages and help text.  Returns: a new string for g_free().
 */
char *qapi_enum_list(const QEnumLookup *lookup);

/**
 * qapi_bool_parse: parse a boolean as the command line spells it ("on",
 * "yes", "true", "y" / "off", "no", "false", "n").
 * @name: the parameter's name, for the message.
 * @value: the text.
 * @obj: where the result goes.
 * @errp: on failure, "Parameter 'name' expects 'on' or 'off', got 'x'".
 * Returns: true on success.
 */
bool qapi_bool_parse(const char *name, const char *value, bool *obj,
                     Error **errp);

#endif /* QAPI_UTIL_H */

/* SPDX-License-Identifier: GPL-2.0-or-later */
/* qapi-util.c: enum name lookup and boolean parsing. */
#include "qomu/osdep.h"
#include "qapi/util.h"
#include "qomu/cutils.h"

const char *qapi_enum_lookup(const QEnumLookup *lookup, int val)
{
    g_assert(val >= 0 && val < lookup->size);
    return lookup->array[val];
}

char *qapi_enum_list(const QEnumLookup *lookup)
{
    GString *s = g_string_new(NULL);
    int i;

    for (i = 0; i < lookup->size; i++) {
        g_string_append_printf(s, "%s%s", i ? ", " : "", lookup->array[i]);
    }
    return g_string_free(s, false);
}

int qapi_enum_parse(const QEnumLookup *lookup, const char *buf, int def,
                    Error **errp)
{
    g_autofree char *names = NULL;
    int i;

    if (!buf) {
        return def;
    }
    for (i = 0; i < lookup->size; i++) {
        if (!strcmp(buf, lookup->array[i])) {
            return i;
        }
    }
    names = qapi_enum_list(lookup);
    error_setg(errp, "Invalid parameter value '%s', expected one of: %s", buf,
               names);
    return def;
}

bool qapi_bool_parse(const char *name, const char *value, bool *obj,
                     Error **errp)
{
    if (qemu_strtobool(value, obj) == 0) {
        return true;
    }
    error_setg(errp, "Parameter '%s' expects 'on' or 'off', got '%s'",
               name ? name : "null", value ? value : "");
    return false;
}

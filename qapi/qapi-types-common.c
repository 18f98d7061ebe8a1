/* SPDX-License-Identifier: GPL-2.0-or-later */
/* qapi-types-common.c: name tables and visitors of the shared enums. */
#include "qomu/osdep.h"
#include "qapi/qapi-types-common.h"
#include "qapi/qapi-visit-common.h"

static const char *const on_off_auto_names[ON_OFF_AUTO__MAX] = {
    [ON_OFF_AUTO_AUTO] = "auto",
    [ON_OFF_AUTO_ON] = "on",
    [ON_OFF_AUTO_OFF] = "off",
};

const QEnumLookup OnOffAuto_lookup = {
    .array = on_off_auto_names,
    .size = ON_OFF_AUTO__MAX,
};

static const char *const on_off_split_names[ON_OFF_SPLIT__MAX] = {
    [ON_OFF_SPLIT_ON] = "on",
    [ON_OFF_SPLIT_OFF] = "off",
    [ON_OFF_SPLIT_SPLIT] = "split",
};

const QEnumLookup OnOffSplit_lookup = {
    .array = on_off_split_names,
    .size = ON_OFF_SPLIT__MAX,
};

bool visit_type_OnOffAuto(Visitor *v, const char *name, OnOffAuto *obj,
                          Error **errp)
{
    int value = *obj;
    bool ok = visit_type_enum(v, name, &value, &OnOffAuto_lookup, errp);

    *obj = value;
    return ok;
}

bool visit_type_OnOffSplit(Visitor *v, const char *name, OnOffSplit *obj,
                           Error **errp)
{
    int value = *obj;
    bool ok = visit_type_enum(v, name, &value, &OnOffSplit_lookup, errp);

    *obj = value;
    return ok;
}

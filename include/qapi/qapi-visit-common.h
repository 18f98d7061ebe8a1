/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qapi-visit-common.h: visit functions of the shared enums, as QEMU's
 * generated qapi/qapi-visit-common.h.
 */
#ifndef QAPI_QAPI_VISIT_COMMON_H
#define QAPI_QAPI_VISIT_COMMON_H

#include "qapi/qapi-types-common.h"
#include "qapi/visitor.h"

/** visit_type_OnOffAuto: visit an OnOffAuto by name ("auto", "on", "off"). */
bool visit_type_OnOffAuto(Visitor *v, const char *name, OnOffAuto *obj,
                          Error **errp);

/** visit_type_OnOffSplit: visit an OnOffSplit by name. */
bool visit_type_OnOffSplit(Visitor *v, const char *name, OnOffSplit *obj,
                           Error **errp);

#endif /* QAPI_QAPI_VISIT_COMMON_H */

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qjson-internal.h: qjson.c's parser for the stream splitter.
 */
#ifndef QOBJECT_QJSON_INTERNAL_H
#define QOBJECT_QJSON_INTERNAL_H

#include "qobject/qobject.h"
#include "qapi/error.h"

/*
 * Parse the JSON text @string; @ap supplies '%' arguments, or is NULL (then
 * '%' is an error).  Returns a new reference, or NULL with @errp set.
 */
QObject *qobject_parse_json(const char *string, va_list *ap, Error **errp);

#endif /* QOBJECT_QJSON_INTERNAL_H */

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * string-input-visitor.h: a visitor that reads one scalar, or a list of
 * scalars, from text, as QEMU's include/qapi/string-input-visitor.h.
 *
 * It is what object_property_parse() uses: "-device foo,prop=TEXT" ends up
 * here when the property is set from a plain string.
 *
 * Accepted text:
 * - integers: decimal, 0x hex, leading-0 octal, optional sign
 *   (qemu_strtoi64 / qemu_strtou64 with base 0);
 * - sizes: qemu_strtosz() ("4096", "64K", "1.5G", "0x1000");
 * - booleans: on/off, yes/no, true/false, y/n;
 * - numbers: strtod() syntax, finite values only;
 * - null: the empty string;
 * - strings and enums: the text as is;
 * - lists: comma-separated elements; integer elements may be ranges
 *   "1-3,5" (1, 2, 3, 5), at most 65536 elements per range; the empty
 *   string is the empty list.  Unlike QEMU, lists of strings, booleans,
 *   sizes and numbers are also accepted (elements split at ',').
 *
 * Structs, alternates and "any" are not supported (they fail with an
 * error).  Error messages name the parameter and the text:
 *   "Parameter 'baudbase' expects an integer, got 'fast'".
 */
#ifndef QAPI_STRING_INPUT_VISITOR_H
#define QAPI_STRING_INPUT_VISITOR_H

#include "qapi/visitor.h"

/**
 * string_input_visitor_new: a visitor reading from @str.
 * @str: the text; it must stay valid while the visitor lives.
 * Returns: the visitor; free it with visit_free().
 */
Visitor *string_input_visitor_new(const char *str);

#endif /* QAPI_STRING_INPUT_VISITOR_H */

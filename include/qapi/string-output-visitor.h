/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * string-output-visitor.h: a visitor that prints one scalar, or a list of
 * scalars, as text, as QEMU's include/qapi/string-output-visitor.h.
 *
 * It is what object_property_print() uses, and `info qtree` prints its
 * human form.  Output, plain / human:
 * - integers: "42" / "42 (0x2a)";
 * - sizes: "65536" / "65536 (64 KiB)";
 * - booleans: "true" / "false" (both forms, as QEMU);
 * - numbers: the shortest text that reads back exactly ("0.1", "2.5");
 * - strings and enums: the text / the text in double quotes, NULL as ""
 *   / "<null>";
 * - null: "" / "<null>";
 * - lists: elements joined with ','; runs of consecutive integers are
 *   compressed into ranges, "1-3,5" / "1-3,5 (0x1-0x3,0x5)".
 *
 * Differences from QEMU: uint64 values above INT64_MAX print as unsigned
 * numbers (QEMU prints them as negative); lists of non-integers are
 * printed too.  Structs, alternates and "any" fail with an error.
 */
#ifndef QAPI_STRING_OUTPUT_VISITOR_H
#define QAPI_STRING_OUTPUT_VISITOR_H

#include "qapi/visitor.h"

/**
 * string_output_visitor_new: a visitor that prints a value.
 * @human: the human form (see above) instead of the plain one.
 * @result: where visit_complete(v, @result) stores the text, a new string
 * for g_free().
 * Returns: the visitor; free it with visit_free().
 */
Visitor *string_output_visitor_new(bool human, char **result);

#endif /* QAPI_STRING_OUTPUT_VISITOR_H */

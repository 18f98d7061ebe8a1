/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * json-parser.h: splitting a byte stream into JSON values, as QEMU's
 * include/qobject/json-parser.h (JSONMessageParser), for QMP.
 *
 *   JSONMessageParser p;
 *   json_message_parser_init(&p, handle, opaque, NULL);
 *   json_message_parser_feed(&p, buf, len);      (any number of times)
 *   json_message_parser_destroy(&p);
 *
 * handle(opaque, json, err) is called once per complete top-level value in
 * the order the values arrive, with exactly one of @json (a new reference)
 * and @err (a one-line message) set; it owns both.  After an error the
 * parser starts afresh with the next byte, so one bad message does not
 * stop the stream.  A 0xff byte (never valid in UTF-8) drops any partial
 * value, as QMP clients use it to resynchronise.
 *
 * Differences from QEMU: the splitting is done on characters (brackets,
 * strings, scalars) and each complete value is then parsed by
 * qobject_from_json(), so errors carry that function's messages, with the
 * line and column counted within the value.  A value longer than
 * JSON_MESSAGE_MAX_SIZE bytes or nested deeper than
 * QOBJECT_JSON_MAX_DEPTH is an error (QEMU's limits are the same size and
 * depth).
 */
#ifndef QOBJECT_JSON_PARSER_H
#define QOBJECT_JSON_PARSER_H

#include "qobject/qobject.h"
#include "qapi/error.h"

#define JSON_MESSAGE_MAX_SIZE (64 * 1024 * 1024)

typedef void JSONMessageEmit(void *opaque, QObject *json, Error *err);

typedef struct JSONMessageParser {
    JSONMessageEmit *emit;
    void *opaque;
    va_list *ap;
    GString *buf; /* the value being collected */
    int depth;    /* open '{' / '[' */
    char quote;   /* inside a string: its quote, else 0 */
    bool escape;  /* inside a string, after a backslash */
    bool scalar;  /* collecting a top-level number or literal */
    bool skip;    /* after an error, until the value ends */
} JSONMessageParser;

/**
 * json_message_parser_init: start splitting a stream.
 * @emit: called for each complete value or error (see above).
 * @ap: '%' arguments as for qobject_from_jsonf_nofail(), or NULL.
 */
void json_message_parser_init(JSONMessageParser *parser, JSONMessageEmit *emit,
                              void *opaque, va_list *ap);

/** json_message_parser_feed: take @size more bytes of the stream. */
void json_message_parser_feed(JSONMessageParser *parser, const char *buffer,
                              size_t size);

/**
 * json_message_parser_flush: the stream ended: emit a pending top-level
 * scalar ("42" has no end mark), or an error for an incomplete value.
 */
void json_message_parser_flush(JSONMessageParser *parser);

/** json_message_parser_destroy: free the parser's state (no emission). */
void json_message_parser_destroy(JSONMessageParser *parser);

#endif /* QOBJECT_JSON_PARSER_H */

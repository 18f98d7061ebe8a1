/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * json-streamer.c: split a byte stream (a QMP connection) into complete
 * JSON values and parse each one.
 *
 * Only the structure is tracked here: strings (so that brackets inside them
 * do not count), bracket depth, and top-level scalars, which end at white
 * space or at a structural character.  The collected text then goes to the
 * ordinary parser.
 */
#include "qomu/osdep.h"
#include "qapi/error.h"
#include "qobject/json-parser.h"
#include "qobject/qjson.h"
#include "qjson-internal.h"

static void reset(JSONMessageParser *p)
{
    g_string_truncate(p->buf, 0);
    p->depth = 0;
    p->quote = 0;
    p->escape = false;
    p->scalar = false;
    p->skip = false;
}

/* A value ended: parse and emit it, unless an error was already emitted. */
static void value_end(JSONMessageParser *p)
{
    Error *err = NULL;
    QObject *obj;

    if (p->skip) {
        reset(p);
        return;
    }
    obj = qobject_parse_json(p->buf->str, p->ap, &err);
    reset(p);
    p->emit(p->opaque, obj, err);
}

/*
 * Emit an error now and drop the rest of the current value (its structure
 * is still followed, so that the next value starts at the right place).
 */
static void fail(JSONMessageParser *p, const char *fmt, ...)
    G_GNUC_PRINTF(2, 3);

static void fail(JSONMessageParser *p, const char *fmt, ...)
{
    Error *err = NULL;
    g_autofree char *msg = NULL;
    va_list ap;

    if (p->skip) {
        return;
    }
    va_start(ap, fmt);
    msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    error_setg(&err, "JSON parse error: %s", msg);
    g_string_truncate(p->buf, 0);
    p->skip = true;
    if (!p->depth && !p->quote) {
        reset(p);
    }
    p->emit(p->opaque, NULL, err);
}

static void append(JSONMessageParser *p, char c)
{
    if (p->skip) {
        return;
    }
    if (p->buf->len >= JSON_MESSAGE_MAX_SIZE) {
        fail(p, "value longer than %d bytes", JSON_MESSAGE_MAX_SIZE);
        return;
    }
    g_string_append_c(p->buf, c);
}

static bool ends_scalar(char c)
{
    return strchr(" \t\r\n{}[]\"',:", c) != NULL;
}

static void feed_byte(JSONMessageParser *p, char c)
{
    if ((unsigned char)c == 0xff) {
        reset(p);
        return;
    }
    if (c == '\0') {
        fail(p, "NUL byte in input");
        return;
    }
    if (p->quote) {
        append(p, c);
        if (p->escape) {
            p->escape = false;
        } else if (c == '\\') {
            p->escape = true;
        } else if (c == p->quote) {
            p->quote = 0;
            if (!p->depth) {
                value_end(p);
            }
        }
        return;
    }
    if (p->scalar) {
        if (!ends_scalar(c)) {
            append(p, c);
            return;
        }
        value_end(p);
    }
    switch (c) {
    case ' ':
    case '\t':
    case '\r':
    case '\n':
        if (p->depth) {
            append(p, c);
        }
        break;
    case '{':
    case '[':
        p->depth++;
        append(p, c);
        if (p->depth > QOBJECT_JSON_MAX_DEPTH) {
            fail(p, "nesting deeper than %d levels", QOBJECT_JSON_MAX_DEPTH);
        }
        break;
    case '}':
    case ']':
        if (!p->depth) {
            fail(p, "unexpected '%c' outside any value", c);
            break;
        }
        p->depth--;
        append(p, c);
        if (!p->depth) {
            value_end(p);
        }
        break;
    case '"':
    case '\'':
        p->quote = c;
        append(p, c);
        break;
    default:
        append(p, c);
        if (!p->depth) {
            p->scalar = true;
        }
        break;
    }
}

void json_message_parser_init(JSONMessageParser *parser, JSONMessageEmit *emit,
                              void *opaque, va_list *ap)
{
    *parser = (JSONMessageParser){
        .emit = emit,
        .opaque = opaque,
        .ap = ap,
        .buf = g_string_new(""),
    };
}

void json_message_parser_feed(JSONMessageParser *parser, const char *buffer,
                              size_t size)
{
    size_t i;

    for (i = 0; i < size; i++) {
        feed_byte(parser, buffer[i]);
    }
}

void json_message_parser_flush(JSONMessageParser *parser)
{
    if (parser->skip) {
        reset(parser);
    } else if (parser->buf->len) {
        /* A scalar completes here; anything else gets the parser's error. */
        value_end(parser);
    }
}

void json_message_parser_destroy(JSONMessageParser *parser)
{
    g_string_free(parser->buf, true);
    parser->buf = NULL;
}

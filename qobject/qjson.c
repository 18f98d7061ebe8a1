/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qjson.c: JSON text (RFC 8259) to QObject and back.
 *
 * The parser is a small recursive-descent one rather than json-glib's:
 * json-glib 1.6 wraps integers above INT64_MAX (18446744073709551615 reads
 * as -1), overflows the stack on deeply nested input, silently keeps the
 * last of duplicate keys and accepts comments, leading zeros and empty
 * input.  See docs/devel/dependencies.md.
 */
#include "qomu/osdep.h"
#include <math.h>
#include "qapi/error.h"
#include "qobject/qbool.h"
#include "qobject/qdict.h"
#include "qobject/qjson.h"
#include "qobject/qlist.h"
#include "qobject/qnull.h"
#include "qobject/qnum.h"
#include "qobject/qstring.h"
#include "qjson-internal.h"

typedef struct JSONParser {
    const char *start; /* the whole input */
    const char *p;     /* the next byte to read */
    int depth;
    va_list *ap; /* '%' arguments, or NULL (plain JSON) */
    Error **errp;
} JSONParser;

static QObject *parse_value(JSONParser *ps);

/*
 * Report an error at @at: "JSON parse error at line L, column C: <msg>".
 * Columns count characters from 1.
 */
static void parse_error(JSONParser *ps, const char *at, const char *fmt, ...)
    G_GNUC_PRINTF(3, 4);

static void parse_error(JSONParser *ps, const char *at, const char *fmt, ...)
{
    const char *line_start = ps->start, *q;
    unsigned line = 1;
    long col;
    va_list ap;
    g_autofree char *msg = NULL;

    for (q = ps->start; q < at; q++) {
        if (*q == '\n') {
            line++;
            line_start = q + 1;
        }
    }
    col = g_utf8_pointer_to_offset(line_start, at) + 1;
    va_start(ap, fmt);
    msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    error_setg(ps->errp, "JSON parse error at line %u, column %ld: %s", line,
               col, msg);
}

/* Describe what sits at @at, for "unexpected ..." messages. */
static char *describe_at(const char *at)
{
    gunichar c;

    if (!*at) {
        return g_strdup("end of input");
    }
    c = g_utf8_get_char(at);
    if (c < 0x20 || c == 0x7f) {
        return g_strdup_printf("character U+%04X", c);
    }
    if (c == '\'') {
        return g_strdup("\"'\"");
    }
    return g_strdup_printf("'%.*s'", (int)(g_utf8_next_char(at) - at), at);
}

static void unexpected(JSONParser *ps, const char *what_expected)
{
    g_autofree char *found = describe_at(ps->p);

    parse_error(ps, ps->p, "expected %s, found %s", what_expected, found);
}

static void skip_ws(JSONParser *ps)
{
    while (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\n' ||
           *ps->p == '\r') {
        ps->p++;
    }
}

static int hex4(const char *s)
{
    int v = 0, i;

    for (i = 0; i < 4; i++) {
        int d = g_ascii_xdigit_value(s[i]);

        if (d < 0) {
            return -1;
        }
        v = v * 16 + d;
    }
    return v;
}

/* A "\uXXXX" escape (or surrogate pair) at ps->p, which points at 'u'. */
static bool parse_unicode_escape(JSONParser *ps, const char *esc, GString *out)
{
    int cp = hex4(ps->p + 1);

    if (cp < 0) {
        parse_error(ps, esc, "invalid \\u escape (4 hex digits expected)");
        return false;
    }
    ps->p += 5;
    if (cp >= 0xd800 && cp <= 0xdbff) {
        int lo = -1;

        if (ps->p[0] == '\\' && ps->p[1] == 'u') {
            lo = hex4(ps->p + 2);
        }
        if (lo < 0xdc00 || lo > 0xdfff) {
            parse_error(ps, esc, "\\u%04X is a lone UTF-16 high surrogate", cp);
            return false;
        }
        ps->p += 6;
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
    } else if (cp >= 0xdc00 && cp <= 0xdfff) {
        parse_error(ps, esc, "\\u%04X is a lone UTF-16 low surrogate", cp);
        return false;
    } else if (cp == 0) {
        /* QString is NUL-terminated, as in QEMU. */
        parse_error(ps, esc, "\\u0000 is not supported in strings");
        return false;
    }
    g_string_append_unichar(out, cp);
    return true;
}

/*
 * A string; ps->p points at the opening quote, '"' or (a QEMU extension)
 * '\''.  Returns the contents.
 */
static GString *parse_string(JSONParser *ps)
{
    const char *open = ps->p;
    char quote = *ps->p;
    g_autoptr(GString) s = g_string_new("");

    ps->p++;
    for (;;) {
        const char *esc = ps->p;
        unsigned char c = *ps->p;

        if (c == quote) {
            ps->p++;
            return g_steal_pointer(&s);
        }
        if (c == '\0') {
            parse_error(ps, open, "string not terminated");
            return NULL;
        }
        if (c < 0x20) {
            parse_error(ps, ps->p,
                        "control character U+%04X in string "
                        "(write it as an escape)",
                        c);
            return NULL;
        }
        if (c != '\\') {
            g_string_append_c(s, c);
            ps->p++;
            continue;
        }
        ps->p++;
        switch (*ps->p) {
        case '"':
        case '\'':
        case '\\':
        case '/':
            g_string_append_c(s, *ps->p);
            break;
        case 'b':
            g_string_append_c(s, '\b');
            break;
        case 'f':
            g_string_append_c(s, '\f');
            break;
        case 'n':
            g_string_append_c(s, '\n');
            break;
        case 'r':
            g_string_append_c(s, '\r');
            break;
        case 't':
            g_string_append_c(s, '\t');
            break;
        case 'u':
            if (!parse_unicode_escape(ps, esc, s)) {
                return NULL;
            }
            continue;
        default: {
            g_autofree char *found = describe_at(ps->p);

            parse_error(ps, esc,
                        "invalid escape sequence: backslash "
                        "followed by %s",
                        found);
            return NULL;
        }
        }
        ps->p++;
    }
}

/*
 * A number, RFC 8259 syntax.  Integers become int64, or uint64 when positive
 * and too large for int64; the rest, and integers too large for both,
 * become doubles (as in QEMU).
 */
static QObject *parse_number(JSONParser *ps)
{
    const char *begin = ps->p, *q = ps->p;
    bool is_int = true;
    g_autofree char *text = NULL;
    double d;

    if (*q == '-') {
        q++;
    }
    if (*q == '0') {
        q++;
        if (g_ascii_isdigit(*q)) {
            parse_error(ps, begin, "numbers must not have leading zeros");
            return NULL;
        }
    } else if (g_ascii_isdigit(*q)) {
        while (g_ascii_isdigit(*q)) {
            q++;
        }
    } else {
        parse_error(ps, begin, "'-' must be followed by a digit");
        return NULL;
    }
    if (*q == '.') {
        is_int = false;
        q++;
        if (!g_ascii_isdigit(*q)) {
            parse_error(ps, begin, "a digit must follow the decimal point");
            return NULL;
        }
        while (g_ascii_isdigit(*q)) {
            q++;
        }
    }
    if (*q == 'e' || *q == 'E') {
        is_int = false;
        q++;
        if (*q == '+' || *q == '-') {
            q++;
        }
        if (!g_ascii_isdigit(*q)) {
            parse_error(ps, begin, "a digit must follow the exponent mark");
            return NULL;
        }
        while (g_ascii_isdigit(*q)) {
            q++;
        }
    }
    text = g_strndup(begin, q - begin);
    ps->p = q;

    if (is_int) {
        gint64 i;
        guint64 u;

        errno = 0;
        i = g_ascii_strtoll(text, NULL, 10);
        if (errno == 0) {
            return QOBJECT(qnum_from_int(i));
        }
        if (text[0] != '-') {
            errno = 0;
            u = g_ascii_strtoull(text, NULL, 10);
            if (errno == 0) {
                return QOBJECT(qnum_from_uint(u));
            }
        }
    }
    errno = 0;
    d = g_ascii_strtod(text, NULL);
    if (errno == ERANGE && (d > 1.0 || d < -1.0)) {
        parse_error(ps, begin, "number %s is too large", text);
        return NULL;
    }
    return QOBJECT(qnum_from_double(d));
}

static QObject *parse_array(JSONParser *ps)
{
    g_autoptr(QList) list = qlist_new();

    ps->p++;
    skip_ws(ps);
    if (*ps->p == ']') {
        ps->p++;
        return QOBJECT(g_steal_pointer(&list));
    }
    for (;;) {
        QObject *elt = parse_value(ps);

        if (!elt) {
            return NULL;
        }
        qlist_append_obj(list, elt);
        skip_ws(ps);
        if (*ps->p == ']') {
            ps->p++;
            return QOBJECT(g_steal_pointer(&list));
        }
        if (*ps->p != ',') {
            unexpected(ps, "',' or ']' in array");
            return NULL;
        }
        ps->p++;
        skip_ws(ps);
        if (*ps->p == ']') {
            parse_error(ps, ps->p, "trailing ',' before ']'");
            return NULL;
        }
    }
}

static QObject *parse_object(JSONParser *ps)
{
    g_autoptr(QDict) dict = qdict_new();

    ps->p++;
    skip_ws(ps);
    if (*ps->p == '}') {
        ps->p++;
        return QOBJECT(g_steal_pointer(&dict));
    }
    for (;;) {
        const char *key_at = ps->p;
        g_autoptr(GString) key = NULL;
        QObject *value;

        if (*ps->p != '"' && *ps->p != '\'') {
            unexpected(ps, "a string key in object");
            return NULL;
        }
        key = parse_string(ps);
        if (!key) {
            return NULL;
        }
        if (qdict_haskey(dict, key->str)) {
            parse_error(ps, key_at, "duplicate key \"%s\"", key->str);
            return NULL;
        }
        skip_ws(ps);
        if (*ps->p != ':') {
            unexpected(ps, "':' after object key");
            return NULL;
        }
        ps->p++;
        value = parse_value(ps);
        if (!value) {
            return NULL;
        }
        qdict_put_obj(dict, key->str, value);
        skip_ws(ps);
        if (*ps->p == '}') {
            ps->p++;
            return QOBJECT(g_steal_pointer(&dict));
        }
        if (*ps->p != ',') {
            unexpected(ps, "',' or '}' in object");
            return NULL;
        }
        ps->p++;
        skip_ws(ps);
        if (*ps->p == '}') {
            parse_error(ps, ps->p, "trailing ',' before '}'");
            return NULL;
        }
    }
}

/*
 * A '%' directive of qobject_from_jsonf_nofail(): the next argument becomes
 * the value.  The set is QEMU's.
 */
static QObject *parse_interpolation(JSONParser *ps)
{
    static const char *const directives[] = {
        "%p",  "%s",  "%f",  "%lld", "%lli", "%llu",
        "%ld", "%li", "%lu", "%d",   "%i",   "%u",
    };
    const char *d = NULL;
    size_t i;

    if (!ps->ap) {
        parse_error(ps, ps->p,
                    "'%%' interpolation is only valid in "
                    "qobject_from_jsonf_nofail()");
        return NULL;
    }
    for (i = 0; i < ARRAY_SIZE(directives); i++) {
        if (g_str_has_prefix(ps->p, directives[i])) {
            d = directives[i];
            break;
        }
    }
    if (!d) {
        parse_error(ps, ps->p, "invalid interpolation directive");
        return NULL;
    }
    ps->p += strlen(d);
    switch (d[strlen(d) - 1]) {
    case 'p': {
        QObject *obj = va_arg(*ps->ap, QObject *);

        g_assert(obj);
        return obj;
    }
    case 's': {
        const char *str = va_arg(*ps->ap, const char *);

        g_assert(str);
        return QOBJECT(qstring_from_str(str));
    }
    case 'f':
        return QOBJECT(qnum_from_double(va_arg(*ps->ap, double)));
    case 'u':
        if (d[1] != 'l') {
            return QOBJECT(qnum_from_uint(va_arg(*ps->ap, unsigned int)));
        }
        if (d[2] != 'l') {
            return QOBJECT(qnum_from_uint(va_arg(*ps->ap, unsigned long)));
        }
        return QOBJECT(qnum_from_uint(va_arg(*ps->ap, unsigned long long)));
    default:
        if (d[1] != 'l') {
            return QOBJECT(qnum_from_int(va_arg(*ps->ap, int)));
        }
        if (d[2] != 'l') {
            return QOBJECT(qnum_from_int(va_arg(*ps->ap, long)));
        }
        return QOBJECT(qnum_from_int(va_arg(*ps->ap, long long)));
    }
}

static bool parse_literal(JSONParser *ps, const char *word)
{
    size_t len = strlen(word);

    if (strncmp(ps->p, word, len) || g_ascii_isalnum(ps->p[len])) {
        return false;
    }
    ps->p += len;
    return true;
}

static QObject *parse_value(JSONParser *ps)
{
    QObject *ret;

    skip_ws(ps);
    switch (*ps->p) {
    case '{':
    case '[':
        if (ps->depth >= QOBJECT_JSON_MAX_DEPTH) {
            parse_error(ps, ps->p, "nesting deeper than %d levels",
                        QOBJECT_JSON_MAX_DEPTH);
            return NULL;
        }
        ps->depth++;
        ret = *ps->p == '{' ? parse_object(ps) : parse_array(ps);
        ps->depth--;
        return ret;
    case '%':
        return parse_interpolation(ps);
    case '"':
    case '\'': {
        GString *s = parse_string(ps);

        return s ? QOBJECT(qstring_from_gstring(s)) : NULL;
    }
    case '-':
    case '0' ... '9':
        return parse_number(ps);
    default:
        if (parse_literal(ps, "true")) {
            return QOBJECT(qbool_from_bool(true));
        }
        if (parse_literal(ps, "false")) {
            return QOBJECT(qbool_from_bool(false));
        }
        if (parse_literal(ps, "null")) {
            return QOBJECT(qnull());
        }
        unexpected(ps, "a JSON value");
        return NULL;
    }
}

QObject *qobject_parse_json(const char *string, va_list *ap, Error **errp)
{
    JSONParser ps = {.start = string, .p = string, .ap = ap, .errp = errp};
    const char *bad;
    QObject *obj;

    if (!g_utf8_validate(string, -1, &bad)) {
        ps.start = string;
        parse_error(&ps, bad, "invalid UTF-8");
        return NULL;
    }
    obj = parse_value(&ps);
    if (!obj) {
        return NULL;
    }
    skip_ws(&ps);
    if (*ps.p) {
        g_autofree char *found = describe_at(ps.p);

        parse_error(&ps, ps.p, "unexpected %s after the JSON value", found);
        qobject_unref(obj);
        return NULL;
    }
    return obj;
}

QObject *qobject_from_json(const char *string, Error **errp)
{
    return qobject_parse_json(string, NULL, errp);
}

QObject *qobject_from_vjsonf_nofail(const char *string, va_list ap)
{
    va_list ap_copy;
    QObject *obj;

    va_copy(ap_copy, ap);
    obj = qobject_parse_json(string, &ap_copy, &error_abort);
    va_end(ap_copy);
    return obj;
}

QObject *qobject_from_jsonf_nofail(const char *string, ...)
{
    va_list ap;
    QObject *obj;

    va_start(ap, string);
    obj = qobject_from_vjsonf_nofail(string, ap);
    va_end(ap);
    return obj;
}

QDict *qdict_from_vjsonf_nofail(const char *string, va_list ap)
{
    QDict *dict = qobject_to(QDict, qobject_from_vjsonf_nofail(string, ap));

    g_assert(dict);
    return dict;
}

QDict *qdict_from_jsonf_nofail(const char *string, ...)
{
    va_list ap;
    QDict *dict;

    va_start(ap, string);
    dict = qdict_from_vjsonf_nofail(string, ap);
    va_end(ap);
    return dict;
}

QDict *qdict_from_json_nofail(const char *string)
{
    QObject *obj = qobject_from_json(string, &error_abort);
    QDict *dict = qobject_to(QDict, obj);

    g_assert(dict);
    return dict;
}

/* Output. */

static void json_escape_string(GString *out, const char *str)
{
    const char *p = str;

    g_string_append_c(out, '"');
    while (*p) {
        const char *end;
        unsigned char c = *p;

        switch (c) {
        case '"':
            g_string_append(out, "\\\"");
            break;
        case '\\':
            g_string_append(out, "\\\\");
            break;
        case '\b':
            g_string_append(out, "\\b");
            break;
        case '\f':
            g_string_append(out, "\\f");
            break;
        case '\n':
            g_string_append(out, "\\n");
            break;
        case '\r':
            g_string_append(out, "\\r");
            break;
        case '\t':
            g_string_append(out, "\\t");
            break;
        default:
            if (c < 0x20 || c == 0x7f) {
                g_string_append_printf(out, "\\u%04x", c);
            } else if (c < 0x80) {
                g_string_append_c(out, c);
            } else if (!g_utf8_validate(p, strnlen(p, 4), &end) && end == p) {
                /*
                 * Strings built in C need not be UTF-8; keep the output
                 * valid JSON, as QEMU does, with U+FFFD for a bad byte.
                 */
                g_string_append(out, "\\ufffd");
            } else {
                const char *next = g_utf8_next_char(p);

                g_string_append_len(out, p, next - p);
                p = next;
                continue;
            }
        }
        p++;
    }
    g_string_append_c(out, '"');
}

static void json_newline(GString *out, bool pretty, int indent)
{
    if (pretty) {
        g_string_append_printf(out, "\n%*s", indent * 4, "");
    }
}

static void to_json(const QObject *obj, bool pretty, int indent, GString *out)
{
    switch (qobject_type(obj)) {
    case QTYPE_QNULL:
        g_string_append(out, "null");
        break;
    case QTYPE_QNUM: {
        const QNum *qn = qobject_to(QNum, obj);
        g_autofree char *text = NULL;

        if (qn->kind == QNUM_DOUBLE && !isfinite(qn->u.dbl)) {
            /* JSON has no infinity or NaN; write null like JavaScript. */
            g_string_append(out, "null");
            break;
        }
        text = qnum_to_string(qn);
        g_string_append(out, text);
        break;
    }
    case QTYPE_QSTRING:
        json_escape_string(out, qstring_get_str(qobject_to(QString, obj)));
        break;
    case QTYPE_QBOOL:
        g_string_append(out, qbool_get_bool(qobject_to(QBool, obj)) ? "true"
                                                                    : "false");
        break;
    case QTYPE_QDICT: {
        const QDict *dict = qobject_to(QDict, obj);
        const QDictEntry *e;

        g_string_append_c(out, '{');
        for (e = qdict_first(dict); e; e = qdict_next(dict, e)) {
            if (e != qdict_first(dict)) {
                g_string_append(out, pretty ? "," : ", ");
            }
            json_newline(out, pretty, indent + 1);
            json_escape_string(out, qdict_entry_key(e));
            g_string_append(out, ": ");
            to_json(qdict_entry_value(e), pretty, indent + 1, out);
        }
        if (qdict_size(dict)) {
            json_newline(out, pretty, indent);
        }
        g_string_append_c(out, '}');
        break;
    }
    case QTYPE_QLIST: {
        const QList *list = qobject_to(QList, obj);
        const QListEntry *e;

        g_string_append_c(out, '[');
        for (e = qlist_first(list); e; e = qlist_next(e)) {
            if (e != qlist_first(list)) {
                g_string_append(out, pretty ? "," : ", ");
            }
            json_newline(out, pretty, indent + 1);
            to_json(qlist_entry_obj(e), pretty, indent + 1, out);
        }
        if (!qlist_empty(list)) {
            json_newline(out, pretty, indent);
        }
        g_string_append_c(out, ']');
        break;
    }
    default:
        g_assert_not_reached();
    }
}

GString *qobject_to_json_pretty(const QObject *obj, bool pretty)
{
    GString *out = g_string_new("");

    to_json(obj, pretty, 0, out);
    return out;
}

GString *qobject_to_json(const QObject *obj)
{
    return qobject_to_json_pretty(obj, false);
}

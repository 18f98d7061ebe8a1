/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * readline.c: the monitor's line editor.  Input is a byte stream; the
 * escape sequences of VT100/xterm terminals (ESC [ A..D, ESC [ H/F,
 * ESC [ 1~ 3~ 4~, ESC O H/F) move the cursor and walk the history.
 * Redraws use only "\r", ESC [ K (erase to end of line) and ESC [ n D
 * (cursor left), which every terminal emulator understands.
 */
#include "qomu/osdep.h"
#include "readline.h"

typedef enum {
    RS_NORM,
    RS_ESC, /* after ESC */
    RS_CSI, /* after ESC [ */
    RS_SS3, /* after ESC O */
} ReadLineEscState;

struct ReadLineState {
    char buf[READLINE_CMD_BUF_SIZE];
    int len;
    int pos;
    char *saved; /* the line being typed while walking the history */
    char *history[READLINE_MAX_HISTORY];
    int hist_len;
    int hist_index; /* hist_len: not in the history */
    char *prompt;
    ReadLineEscState esc;
    int esc_param;
    bool last_cr; /* a CR was seen: ignore the LF of a CR LF pair */

    ReadLinePrintFunc *print;
    ReadLineFunc *handler;
    ReadLineCompletionFunc *complete;
    void *opaque;
};

static void rl_print(ReadLineState *rs, const char *s)
{
    rs->print(rs->opaque, s);
}

static void rl_printf(ReadLineState *rs, const char *fmt, ...)
    G_GNUC_PRINTF(2, 3);

static void rl_printf(ReadLineState *rs, const char *fmt, ...)
{
    va_list ap;
    g_autofree char *s = NULL;

    va_start(ap, fmt);
    s = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    rl_print(rs, s);
}

/* Redraw the whole line and put the cursor back at pos. */
static void rl_redraw(ReadLineState *rs)
{
    g_autofree char *line = g_strndup(rs->buf, rs->len);

    rl_printf(rs, "\r\033[K%s%s", rs->prompt ? rs->prompt : "", line);
    if (rs->len > rs->pos) {
        rl_printf(rs, "\033[%dD", rs->len - rs->pos);
    }
}

static void rl_set_line(ReadLineState *rs, const char *text)
{
    size_t n = strlen(text);

    if (n >= sizeof(rs->buf)) {
        n = sizeof(rs->buf) - 1;
    }
    memcpy(rs->buf, text, n);
    rs->len = rs->pos = n;
    rl_redraw(rs);
}

static void rl_insert(ReadLineState *rs, const char *text, int n)
{
    if (rs->len + n >= (int)sizeof(rs->buf)) {
        n = sizeof(rs->buf) - 1 - rs->len;
    }
    if (n <= 0) {
        return;
    }
    memmove(rs->buf + rs->pos + n, rs->buf + rs->pos, rs->len - rs->pos);
    memcpy(rs->buf + rs->pos, text, n);
    rs->len += n;
    rs->pos += n;
    if (rs->pos == rs->len) {
        g_autofree char *s = g_strndup(text, n);

        rl_print(rs, s); /* typing at the end: a plain echo */
    } else {
        rl_redraw(rs);
    }
}

static void rl_delete_range(ReadLineState *rs, int from, int to)
{
    if (from < 0 || to > rs->len || from >= to) {
        return;
    }
    memmove(rs->buf + from, rs->buf + to, rs->len - to);
    rs->len -= to - from;
    if (rs->pos > to) {
        rs->pos -= to - from;
    } else if (rs->pos > from) {
        rs->pos = from;
    }
    rl_redraw(rs);
}

static void rl_move(ReadLineState *rs, int pos)
{
    if (pos < 0 || pos > rs->len || pos == rs->pos) {
        return;
    }
    rs->pos = pos;
    rl_redraw(rs);
}

static void rl_history_add(ReadLineState *rs, const char *line)
{
    if (!line[0]) {
        return;
    }
    if (rs->hist_len && !strcmp(rs->history[rs->hist_len - 1], line)) {
        return;
    }
    if (rs->hist_len == READLINE_MAX_HISTORY) {
        g_free(rs->history[0]);
        memmove(rs->history, rs->history + 1,
                (READLINE_MAX_HISTORY - 1) * sizeof(char *));
        rs->hist_len--;
    }
    rs->history[rs->hist_len++] = g_strdup(line);
}

static void rl_history_walk(ReadLineState *rs, int dir)
{
    int idx = rs->hist_index + dir;

    if (idx < 0 || idx > rs->hist_len) {
        return;
    }
    if (rs->hist_index == rs->hist_len) {
        g_free(rs->saved);
        rs->saved = g_strndup(rs->buf, rs->len);
    }
    rs->hist_index = idx;
    rl_set_line(rs, idx == rs->hist_len ? (rs->saved ? rs->saved : "")
                                        : rs->history[idx]);
}

static void rl_complete(ReadLineState *rs)
{
    g_autoptr(GPtrArray) cands = g_ptr_array_new_with_free_func(g_free);
    g_autofree char *before = g_strndup(rs->buf, rs->pos);
    const char *word = strrchr(before, ' ');
    size_t wlen, common;
    const char *first;

    if (!rs->complete) {
        return;
    }
    word = word ? word + 1 : before;
    wlen = strlen(word);
    rs->complete(rs->opaque, before, cands);
    if (!cands->len) {
        return;
    }
    first = g_ptr_array_index(cands, 0);
    common = strlen(first);
    for (guint i = 1; i < cands->len; i++) {
        const char *c = g_ptr_array_index(cands, i);
        size_t j = 0;

        while (j < common && c[j] == first[j]) {
            j++;
        }
        common = j;
    }
    if (cands->len == 1) {
        rl_insert(rs, first + MIN(wlen, common), common - MIN(wlen, common));
        if (common && first[common - 1] != '/') {
            rl_insert(rs, " ", 1);
        }
        return;
    }
    if (common > wlen) {
        rl_insert(rs, first + wlen, common - wlen);
        return;
    }
    rl_print(rs, "\r\n");
    for (guint i = 0; i < cands->len; i++) {
        rl_printf(rs, "%s\r\n", (char *)g_ptr_array_index(cands, i));
    }
    rl_redraw(rs);
}

static void rl_enter(ReadLineState *rs)
{
    g_autofree char *line = g_strndup(rs->buf, rs->len);

    rl_print(rs, "\r\n");
    rl_history_add(rs, line);
    rs->len = rs->pos = 0;
    rs->hist_index = rs->hist_len;
    g_clear_pointer(&rs->saved, g_free);
    rs->handler(rs->opaque, line);
}

static void rl_csi_final(ReadLineState *rs, int ch)
{
    switch (ch) {
    case 'A':
        rl_history_walk(rs, -1);
        break;
    case 'B':
        rl_history_walk(rs, 1);
        break;
    case 'C':
        rl_move(rs, rs->pos + 1);
        break;
    case 'D':
        rl_move(rs, rs->pos - 1);
        break;
    case 'H':
        rl_move(rs, 0);
        break;
    case 'F':
        rl_move(rs, rs->len);
        break;
    case '~':
        switch (rs->esc_param) {
        case 1:
        case 7:
            rl_move(rs, 0);
            break;
        case 4:
        case 8:
            rl_move(rs, rs->len);
            break;
        case 3:
            rl_delete_range(rs, rs->pos, rs->pos + 1);
            break;
        default:
            break;
        }
        break;
    default:
        break;
    }
}

void readline_handle_byte(ReadLineState *rs, int ch)
{
    bool was_cr = rs->last_cr;

    rs->last_cr = false;
    switch (rs->esc) {
    case RS_ESC:
        rs->esc = ch == '[' ? RS_CSI : ch == 'O' ? RS_SS3 : RS_NORM;
        rs->esc_param = 0;
        return;
    case RS_CSI:
        if (ch >= '0' && ch <= '9') {
            rs->esc_param = MIN(rs->esc_param * 10 + ch - '0', 1000);
            return;
        }
        if (ch == ';') {
            return;
        }
        rs->esc = RS_NORM;
        rl_csi_final(rs, ch);
        return;
    case RS_SS3:
        rs->esc = RS_NORM;
        rl_csi_final(rs, ch);
        return;
    case RS_NORM:
        break;
    }

    switch (ch) {
    case 1: /* Ctrl-A (reaches us only outside a mux) */
        rl_move(rs, 0);
        break;
    case 2: /* Ctrl-B */
        rl_move(rs, rs->pos - 1);
        break;
    case 4: /* Ctrl-D */
        rl_delete_range(rs, rs->pos, rs->pos + 1);
        break;
    case 5: /* Ctrl-E */
        rl_move(rs, rs->len);
        break;
    case 6: /* Ctrl-F */
        rl_move(rs, rs->pos + 1);
        break;
    case 8:   /* Ctrl-H */
    case 127: /* DEL, what the backspace key sends */
        rl_delete_range(rs, rs->pos - 1, rs->pos);
        break;
    case 9:
        rl_complete(rs);
        break;
    case 11: /* Ctrl-K */
        rl_delete_range(rs, rs->pos, rs->len);
        break;
    case 14: /* Ctrl-N */
        rl_history_walk(rs, 1);
        break;
    case 16: /* Ctrl-P */
        rl_history_walk(rs, -1);
        break;
    case 21: /* Ctrl-U */
        rl_delete_range(rs, 0, rs->pos);
        break;
    case 23: { /* Ctrl-W: the word before the cursor */
        int from = rs->pos;

        while (from > 0 && rs->buf[from - 1] == ' ') {
            from--;
        }
        while (from > 0 && rs->buf[from - 1] != ' ') {
            from--;
        }
        rl_delete_range(rs, from, rs->pos);
        break;
    }
    case 27:
        rs->esc = RS_ESC;
        break;
    case 10:
        if (!was_cr) {
            rl_enter(rs);
        }
        break;
    case 13:
        rs->last_cr = true;
        rl_enter(rs);
        break;
    default:
        if (ch >= 32) {
            char c = ch;

            rl_insert(rs, &c, 1);
        }
        break;
    }
}

ReadLineState *readline_new(ReadLinePrintFunc *print, ReadLineFunc *handler,
                            ReadLineCompletionFunc *complete, void *opaque)
{
    ReadLineState *rs = g_new0(ReadLineState, 1);

    rs->print = print;
    rs->handler = handler;
    rs->complete = complete;
    rs->opaque = opaque;
    return rs;
}

void readline_free(ReadLineState *rs)
{
    if (!rs) {
        return;
    }
    for (int i = 0; i < rs->hist_len; i++) {
        g_free(rs->history[i]);
    }
    g_free(rs->saved);
    g_free(rs->prompt);
    g_free(rs);
}

void readline_set_prompt(ReadLineState *rs, const char *prompt)
{
    g_free(rs->prompt);
    rs->prompt = g_strdup(prompt);
}

void readline_show_prompt(ReadLineState *rs)
{
    g_autofree char *line = g_strndup(rs->buf, rs->len);

    rl_printf(rs, "%s%s", rs->prompt ? rs->prompt : "", line);
    if (rs->len > rs->pos) {
        rl_printf(rs, "\033[%dD", rs->len - rs->pos);
    }
}

void readline_restart(ReadLineState *rs)
{
    rs->len = rs->pos = 0;
    rs->esc = RS_NORM;
    rs->hist_index = rs->hist_len;
}

const char *readline_get_history(ReadLineState *rs, unsigned int index)
{
    return index < (unsigned int)rs->hist_len ? rs->history[index] : NULL;
}

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * readline.h: the monitor's small line editor (as QEMU's util/readline.c):
 * left/right/home/end, backspace/delete, Ctrl-U/Ctrl-K/Ctrl-W, history
 * with up/down, and tab completion through a callback.  It works on a
 * byte stream from a terminal (VT100 escape sequences) or a socket.
 * Private to monitor/.
 */
#ifndef MONITOR_READLINE_H
#define MONITOR_READLINE_H

#include "qomu/osdep.h"

#define READLINE_CMD_BUF_SIZE 4096
#define READLINE_MAX_HISTORY 64

typedef struct ReadLineState ReadLineState;

/* Output of the editor (echo, redraws, completion lists). */
typedef void ReadLinePrintFunc(void *opaque, const char *str);
/* A complete line was entered. */
typedef void ReadLineFunc(void *opaque, const char *line);
/*
 * Completion: the text before the cursor is @cmdline; add to @out (as
 * g_strdup'ed strings) every candidate for its last word.  A candidate
 * ending in '/' is not followed by a space when it is the only one.
 */
typedef void ReadLineCompletionFunc(void *opaque, const char *cmdline,
                                    GPtrArray *out);

/** readline_new: an editor that prints with @print and completes with
 * @complete (may be NULL); lines go to @handler. */
ReadLineState *readline_new(ReadLinePrintFunc *print, ReadLineFunc *handler,
                            ReadLineCompletionFunc *complete, void *opaque);

/** readline_free: free @rs and its history (NULL is fine). */
void readline_free(ReadLineState *rs);

/** readline_set_prompt: the prompt shown by readline_show_prompt(). */
void readline_set_prompt(ReadLineState *rs, const char *prompt);

/** readline_show_prompt: print the prompt and the line being edited. */
void readline_show_prompt(ReadLineState *rs);

/** readline_restart: forget the line being edited (not the history). */
void readline_restart(ReadLineState *rs);

/** readline_handle_byte: feed one input byte. */
void readline_handle_byte(ReadLineState *rs, int ch);

/** readline_get_history: history entry @index (0 = oldest), or NULL. */
const char *readline_get_history(ReadLineState *rs, unsigned int index);

#endif /* MONITOR_READLINE_H */

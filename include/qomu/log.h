/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * log.h: the -d / -D debug log (guest errors, unimplemented devices, CPU
 * tracing).  Messages go to stderr, or to the file given with -D.
 */
#ifndef QOMU_LOG_H
#define QOMU_LOG_H

#include "qomu/osdep.h"

#define CPU_LOG_TB_OUT_ASM (1 << 0)
#define CPU_LOG_TB_IN_ASM  (1 << 1) /* in_asm: each newly decoded block */
#define CPU_LOG_EXEC       (1 << 2) /* exec: each executed block */
#define CPU_LOG_TB_CPU     (1 << 3) /* cpu: registers at each block */
#define CPU_LOG_INT        (1 << 4) /* int: traps and interrupts */
#define LOG_GUEST_ERROR    (1 << 5) /* guest_errors: bad guest accesses */
#define LOG_UNIMP          (1 << 6) /* unimp: unimplemented features */
#define CPU_LOG_MMU        (1 << 7) /* mmu: page walks and faults */

extern int qemu_loglevel;

/** qemu_loglevel_mask: true if any item in @mask is being logged. */
static inline bool qemu_loglevel_mask(int mask)
{
    return (qemu_loglevel & mask) != 0;
}

/** qemu_log: write to the log unconditionally (printf-style). */
void qemu_log(const char *fmt, ...) QOMU_PRINTF(1, 2);

/** qemu_log_mask: write to the log if @mask is enabled. */
#define qemu_log_mask(mask, fmt, ...)                 \
    do {                                              \
        if (unlikely(qemu_loglevel_mask(mask))) {     \
            qemu_log(fmt, ##__VA_ARGS__);             \
        }                                             \
    } while (0)

typedef struct QEMULogItem {
    int mask;
    const char *name;
    const char *help;
} QEMULogItem;

/** qemu_log_items: the table of -d items, ended by a zero mask. */
extern const QEMULogItem qemu_log_items[];

/**
 * qemu_str_to_log_mask: parse a comma-separated -d list.
 * Returns the mask, or -1 when an item is unknown; then *@bad_item (if not
 * NULL) receives a copy of that item for the caller's error message.
 */
int qemu_str_to_log_mask(const char *str, char **bad_item);

/** qemu_set_log: set the enabled items. */
void qemu_set_log(int mask);

/**
 * qemu_set_log_filename: send the log to @filename (NULL: stderr).
 * Returns false, with errno set, if the file cannot be opened.
 */
bool qemu_set_log_filename(const char *filename);

/** qemu_log_close: flush and close the log file (if any). */
void qemu_log_close(void);

/** qemu_log_file: the stream the log writes to (stderr by default). */
FILE *qemu_log_file(void);

#endif /* QOMU_LOG_H */

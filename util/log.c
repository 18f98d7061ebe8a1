/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * log.c: the -d / -D debug log.
 */
#include "qomu/osdep.h"
#include "qomu/log.h"

int qemu_loglevel;
static FILE *logfile;

const QEMULogItem qemu_log_items[] = {
    { CPU_LOG_TB_OUT_ASM, "out_asm", "show generated host code (none: qomu "
                                     "interprets)" },
    { CPU_LOG_TB_IN_ASM, "in_asm", "show guest code of each new block" },
    { CPU_LOG_EXEC, "exec", "show each executed block" },
    { CPU_LOG_TB_CPU, "cpu", "show CPU registers before each block" },
    { CPU_LOG_INT, "int", "show traps and interrupts" },
    { LOG_GUEST_ERROR, "guest_errors", "log when the guest does something "
                                       "invalid (bad accesses, bad register "
                                       "values)" },
    { LOG_UNIMP, "unimp", "log accesses to unimplemented functionality" },
    { CPU_LOG_MMU, "mmu", "log page-table walks and MMU faults" },
    { 0, NULL, NULL },
};

FILE *qemu_log_file(void)
{
    return logfile ? logfile : stderr;
}

void qemu_log(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vfprintf(qemu_log_file(), fmt, ap);
    va_end(ap);
}

int qemu_str_to_log_mask(const char *str, char **bad_item)
{
    g_auto(GStrv) items = g_strsplit(str, ",", -1);
    int mask = 0;

    for (int i = 0; items[i]; i++) {
        const QEMULogItem *it;
        if (!items[i][0]) {
            continue;
        }
        if (!strcmp(items[i], "all")) {
            for (it = qemu_log_items; it->mask; it++) {
                mask |= it->mask;
            }
            continue;
        }
        for (it = qemu_log_items; it->mask; it++) {
            if (!strcmp(items[i], it->name)) {
                mask |= it->mask;
                break;
            }
        }
        if (!it->mask) {
            if (bad_item) {
                *bad_item = g_strdup(items[i]);
            }
            return -1;
        }
    }
    return mask;
}

void qemu_set_log(int mask)
{
    qemu_loglevel = mask;
}

bool qemu_set_log_filename(const char *filename)
{
    FILE *f = NULL;

    if (filename) {
        f = fopen(filename, "w");
        if (!f) {
            return false;
        }
        setvbuf(f, NULL, _IOLBF, 0);
    }
    qemu_log_close();
    logfile = f;
    return true;
}

void qemu_log_close(void)
{
    if (logfile) {
        fclose(logfile);
        logfile = NULL;
    }
}

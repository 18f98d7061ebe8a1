/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * disas.c: instruction listings for the log and the monitor, on top of
 * riscv_disas_insn().
 */
#include "qomu/osdep.h"
#include "disas/disas.h"

void disas_riscv_lines(GString *out, uint64_t pc, int count,
                       DisasReadFn read, void *opaque)
{
    char text[RISCV_DISAS_BUF_SIZE];
    uint8_t code[4];
    int i;

    for (i = 0; i < count; i++) {
        uint32_t insn;
        size_t avail = 0;
        int len;

        /*
         * Read the first parcel alone: a 16-bit instruction at the end of
         * readable memory must still be shown.
         */
        if (read(opaque, pc, code, 2)) {
            avail = 2;
            if ((code[0] & 3) == 3 && read(opaque, pc + 2, code + 2, 2)) {
                avail = 4;
            }
        }
        len = avail ? riscv_disas_insn(text, sizeof(text), pc, code, avail)
                    : 0;
        if (len == 0) {
            g_string_append_printf(out, "0x%08" PRIx64
                                   ":  Cannot access memory\n", pc);
            return;
        }
        insn = code[0] | code[1] << 8;
        if (len == 4) {
            insn |= (uint32_t)code[2] << 16 | (uint32_t)code[3] << 24;
            g_string_append_printf(out, "0x%08" PRIx64 ":  %08x          %s\n",
                                   pc, insn, text);
        } else {
            g_string_append_printf(out, "0x%08" PRIx64
                                   ":  %04x              %s\n",
                                   pc, insn, text);
        }
        pc += len;
    }
}

#ifndef CONFIG_CAPSTONE_RISCV
int riscv_disas_insn(char *buf, size_t bufsize, uint64_t pc,
                     const uint8_t *code, size_t avail)
{
    return riscv_builtin_disas_insn(buf, bufsize, pc, code, avail);
}
#endif

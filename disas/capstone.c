/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * capstone.c: riscv_disas_insn() through capstone, compiled instead of the
 * built-in entry point when the linked capstone knows RISC-V (capstone 5
 * and later; CONFIG_CAPSTONE_RISCV, decided by meson).  Capstone's text
 * follows LLVM's printer, not objdump's: "c.addi a0, 1" style.  Encodings
 * capstone refuses go to the built-in disassembler, which also prints the
 * ".4byte"/".2byte" lines for words that are no instruction.
 */
#include "qomu/osdep.h"
#include <capstone/capstone.h>
#include "disas/riscv.h"

static csh riscv_cs;
static bool riscv_cs_ok;
/* A capstone handle is not safe for concurrent use. */
static GMutex riscv_cs_lock;

static void riscv_cs_init(void)
{
    static gsize done;

    if (g_once_init_enter(&done)) {
        riscv_cs_ok = cs_open(CS_ARCH_RISCV,
                              CS_MODE_RISCV64 | CS_MODE_RISCVC,
                              &riscv_cs) == CS_ERR_OK;
        g_once_init_leave(&done, 1);
    }
}

int riscv_disas_insn(char *buf, size_t bufsize, uint64_t pc,
                     const uint8_t *code, size_t avail)
{
    cs_insn *insn = NULL;
    size_t len, n;

    if (avail < 2) {
        if (bufsize) {
            buf[0] = '\0';
        }
        return 0;
    }
    /* the same length rule as the built-in one (see riscv.c) */
    len = (code[0] & 3) == 3 && (code[0] & 0x1f) != 0x1f ? 4 : 2;
    if (avail < len) {
        if (bufsize) {
            buf[0] = '\0';
        }
        return 0;
    }
    riscv_cs_init();
    if (!riscv_cs_ok) {
        return riscv_builtin_disas_insn(buf, bufsize, pc, code, avail);
    }
    g_mutex_lock(&riscv_cs_lock);
    n = cs_disasm(riscv_cs, code, len, pc, 1, &insn);
    if (n == 1 && insn->size == len) {
        if (bufsize) {
            snprintf(buf, bufsize, "%s%s%s", insn->mnemonic,
                     insn->op_str[0] ? " " : "", insn->op_str);
        }
    } else {
        n = 0;
    }
    if (insn) {
        cs_free(insn, 1);
    }
    g_mutex_unlock(&riscv_cs_lock);
    if (n == 0) {
        return riscv_builtin_disas_insn(buf, bufsize, pc, code, avail);
    }
    return len;
}

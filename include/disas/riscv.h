/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * disas/riscv.h: disassemble one RISC-V (RV64GC) instruction.
 *
 * The text matches what "riscv64-unknown-elf-objdump -d" (binutils 2.40)
 * prints for the same bytes, with these differences: one space instead of
 * objdump's tab between mnemonic and operands, branch and jump targets as
 * a bare hex address (no " <symbol>"), and no "# address" comments after
 * instructions that use an auipc/lui result (objdump tracks registers
 * across instructions; this API sees one instruction at a time).
 *
 * QEMU has no such function: its disassemblers print through a
 * disassemble_info callback.  This is the small, direct replacement used
 * by the CPU's "-d in_asm" log and by the monitor's x/i.
 */
#ifndef DISAS_RISCV_H
#define DISAS_RISCV_H

/* Longest text riscv_disas_insn() writes, including the NUL. */
#define RISCV_DISAS_BUF_SIZE 80

/**
 * riscv_disas_insn: disassemble one instruction.
 * @buf: where the text goes (NUL-terminated, truncated to @bufsize)
 * @bufsize: size of @buf; RISCV_DISAS_BUF_SIZE is always enough
 * @pc: the address of the instruction (for branch and jump targets)
 * @code: the instruction's bytes, little-endian
 * @avail: how many bytes @code holds
 *
 * Uses capstone when the build found a capstone that knows RISC-V
 * (CONFIG_CAPSTONE_RISCV), the built-in disassembler otherwise.  An
 * encoding that is not a valid RV64GC (+ Zba/Zbb/Zbs) instruction is
 * printed as ".4byte 0x..." or ".2byte 0x...", like objdump does.
 *
 * Returns: the instruction length (2 or 4), or 0 if @avail is too short
 * to hold it (@buf is then set to the empty string).
 */
int riscv_disas_insn(char *buf, size_t bufsize, uint64_t pc,
                     const uint8_t *code, size_t avail);

/**
 * riscv_builtin_disas_insn: the built-in disassembler.
 * @buf: as for riscv_disas_insn()
 * @bufsize: as for riscv_disas_insn()
 * @pc: as for riscv_disas_insn()
 * @code: as for riscv_disas_insn()
 * @avail: as for riscv_disas_insn()
 *
 * Same contract as riscv_disas_insn() but never uses capstone; always
 * compiled, so the unit tests check it in every build.
 *
 * Returns: the instruction length (2 or 4), or 0 if @avail is too short.
 */
int riscv_builtin_disas_insn(char *buf, size_t bufsize, uint64_t pc,
                             const uint8_t *code, size_t avail);

#endif /* DISAS_RISCV_H */

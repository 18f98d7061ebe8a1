/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * disas/disas.h: disassemble guest code read through a callback, for the
 * CPU's "-d in_asm" log and the monitor's x/i.
 *
 * QEMU's disas.h offers target_disas()/monitor_disas() bound to a CPUState;
 * qomu's callers pass a read function instead, so this folder does not
 * depend on the CPU or the memory API.
 */
#ifndef DISAS_DISAS_H
#define DISAS_DISAS_H

#include "disas/riscv.h"

/**
 * DisasReadFn: read guest memory for the disassembler.
 * @opaque: the caller's pointer given to disas_riscv_lines()
 * @addr: guest address of the first byte
 * @buf: where the bytes go
 * @len: how many bytes (2 or 4)
 *
 * Returns: true if all @len bytes were read, false if any is unreadable.
 */
typedef bool (*DisasReadFn)(void *opaque, uint64_t addr, uint8_t *buf,
                            size_t len);

/**
 * disas_riscv_lines: disassemble @count instructions starting at @pc.
 * @out: the text is appended here, one line per instruction
 * @pc: guest address of the first instruction
 * @count: how many instructions
 * @read: reads guest memory
 * @opaque: passed to @read
 *
 * Each line reads "0x80000000:  00000297          auipc t0,0x0\n": the
 * address, the instruction bits as one hex number of 4 or 8 digits padded
 * to 18 columns, and the text of riscv_disas_insn().  Memory that cannot
 * be read ends the listing with a line "0x...:  Cannot access memory".
 */
void disas_riscv_lines(GString *out, uint64_t pc, int count,
                       DisasReadFn read, void *opaque);

#endif /* DISAS_DISAS_H */

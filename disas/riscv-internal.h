/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * riscv-internal.h: private helpers shared by the files of the built-in
 * RISC-V disassembler (disas/riscv.c and disas/riscv-csr-names.c).
 */
#ifndef DISAS_RISCV_INTERNAL_H
#define DISAS_RISCV_INTERNAL_H

/*
 * riscv_csr_name: the name objdump prints for CSR number @csr (0..4095),
 * or NULL when the number has no name (then it is printed in hex).
 */
const char *riscv_csr_name(unsigned csr);

#endif /* DISAS_RISCV_INTERNAL_H */

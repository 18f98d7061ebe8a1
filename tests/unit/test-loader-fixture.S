/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-loader-fixture.S: a tiny RISC-V program for test-loader, built with
 * riscv64-unknown-elf-gcc: code at 0x80000000, and HTIF's tohost /
 * fromhost symbols in their own page, as riscv-tests lay them out.
 */
    .section .text
    .globl _start
_start:
    auipc t0, 0
    j _start

    .section .tohost, "aw", @progbits
    .balign 4096
    .globl tohost
tohost:
    .dword 0
    .balign 64
    .globl fromhost
fromhost:
    .dword 0

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * RV64C: every compressed instruction of RV64IC (the F/D loads and
 * stores are not implemented and not tested), written with explicit c.*
 * mnemonics so each is really a 16-bit encoding: immediates at their
 * range ends, the x8-x15 register forms, links of c.jalr (pc + 2).
 * c.ebreak and the all-zero illegal encoding are in the exceptions test.
 */
#include "test-asm.h"

#define NEG1  0xffffffffffffffff

    .data
    .balign 16
c_data:
    .dword 0x8000000180000002
    .dword 0x7fffffff00000003
    .fill 29, 8, 0
c_last:
    .dword 0xfedcba9876543210

    .option rvc

TEST_BEGIN
    /* Quadrant 1: constants and arithmetic */
    c.nop
    c.li a0, -32
    CHECK_REG(a0, 0xffffffffffffffe0)
    c.li a0, 31
    CHECK_REG(a0, 31)
    c.li a0, 0
    CHECK_REG(a0, 0)
    c.lui a0, 1
    CHECK_REG(a0, 0x1000)
    c.lui a0, 31
    CHECK_REG(a0, 0x1f000)
    c.lui a0, 0xfffe0
    CHECK_REG(a0, 0xfffffffffffe0000)
    c.lui s1, 0xfffff
    CHECK_REG(s1, 0xfffffffffffff000)
    li a0, 10
    c.addi a0, -32
    CHECK_REG(a0, 0xffffffffffffffea)
    c.addi a0, 31
    CHECK_REG(a0, 9)
    li a0, 0x7fffffff
    c.addiw a0, 1
    CHECK_REG(a0, 0xffffffff80000000)
    li a0, 0x123456789abcdef0
    c.addiw a0, 0
    CHECK_REG(a0, 0xffffffff9abcdef0)
    li a0, 0x80000000
    c.addiw a0, -1
    CHECK_REG(a0, 0x7fffffff)

    /* Shifts: c.srli/c.srai/c.andi on x8-x15, c.slli on any register */
    li a0, 0x8000000000000000
    c.srli a0, 63
    CHECK_REG(a0, 1)
    li a0, 0x8000000000000000
    c.srli a0, 1
    CHECK_REG(a0, 0x4000000000000000)
    li s0, 0x8000000000000000
    c.srai s0, 63
    CHECK_REG(s0, NEG1)
    li a5, 0x8000000000000000
    c.srai a5, 32
    CHECK_REG(a5, 0xffffffff80000000)
    li a0, 1
    c.slli a0, 63
    CHECK_REG(a0, 0x8000000000000000)
    li t0, 3
    c.slli t0, 1
    CHECK_REG(t0, 6)
    li a0, 0x00000000ffffffff
    c.slli a0, 32
    CHECK_REG(a0, 0xffffffff00000000)
    li a0, 0x1234
    c.andi a0, -32
    CHECK_REG(a0, 0x1220)
    li a0, 0xff
    c.andi a0, 31
    CHECK_REG(a0, 0x1f)
    li a0, 0xff
    c.andi a0, 0
    CHECK_REG(a0, 0)

    /* Register-register: c.sub/c.xor/c.or/c.and/c.subw/c.addw (x8-x15),
       c.mv/c.add (any register) */
    li a0, 5
    li a1, 7
    c.sub a0, a1
    CHECK_REG(a0, 0xfffffffffffffffe)
    li a0, 0xff00
    li a1, 0x0ff0
    c.xor a0, a1
    CHECK_REG(a0, 0xf0f0)
    li a0, 0xff00
    c.or a0, a1
    CHECK_REG(a0, 0xfff0)
    li a0, 0xff00
    c.and a0, a1
    CHECK_REG(a0, 0x0f00)
    li a3, 0x80000000
    li a4, 1
    c.subw a3, a4
    CHECK_REG(a3, 0x7fffffff)
    li a3, 0x7fffffff
    c.addw a3, a4
    CHECK_REG(a3, 0xffffffff80000000)
    li a3, 0xffffffff00000005
    li a4, 0x7fffffff00000003
    c.addw a3, a4
    CHECK_REG(a3, 8)
    li t1, 0x123456789
    c.mv t2, t1
    CHECK_SAME(t2, t1)
    li a0, 0x7fffffffffffffff
    li t1, 1
    c.add a0, t1
    CHECK_REG(a0, 0x8000000000000000)

    /* Stack-relative: c.addi16sp, c.addi4spn, c.lwsp/c.ldsp/c.swsp/c.sdsp */
    mv t3, sp
    c.addi16sp sp, -512
    sub a0, t3, sp
    CHECK_REG(a0, 512)
    c.addi4spn a0, sp, 1020
    sub a0, a0, sp
    CHECK_REG(a0, 1020)
    c.addi4spn a0, sp, 4
    sub a0, a0, sp
    CHECK_REG(a0, 4)
    li t1, 0x1122334480000000
    c.sdsp t1, 504(sp)
    c.ldsp t2, 504(sp)
    CHECK_SAME(t2, t1)
    c.sdsp t1, 248(sp)
    c.lwsp t2, 248(sp)
    CHECK_REG(t2, 0xffffffff80000000)
    c.lwsp t2, 252(sp)
    CHECK_REG(t2, 0x11223344)
    li t1, 0xaaaaaaaa00000001
    c.swsp t1, 252(sp)
    c.swsp t1, 0(sp)
    c.lwsp t2, 252(sp)
    CHECK_REG(t2, 1)
    ld t2, 248(sp)
    CHECK_REG(t2, 0x0000000180000000)
    ld t2, 0(sp)
    li t1, 0xffffffff
    and t2, t2, t1
    CHECK_REG(t2, 1)
    c.sdsp t1, 0(sp)
    c.ldsp t2, 0(sp)
    CHECK_REG(t2, 0xffffffff)
    c.addi16sp sp, 496
    c.addi16sp sp, 16
    CHECK_SAME(sp, t3)

    /* c.lw/c.ld/c.sw/c.sd with x8-x15 */
    la s0, c_data
    c.lw a0, 0(s0)
    CHECK_REG(a0, 0xffffffff80000002)
    c.lw a0, 4(s0)
    CHECK_REG(a0, 0xffffffff80000001)
    c.lw a0, 12(s0)
    CHECK_REG(a0, 0x7fffffff)
    c.ld a1, 8(s0)
    CHECK_REG(a1, 0x7fffffff00000003)
    c.ld a2, 248(s0)
    CHECK_REG(a2, 0xfedcba9876543210)
    li a3, 0x0123456789abcdef
    c.sd a3, 16(s0)
    c.sw a3, 124(s0)
    ld a0, 16(s0)
    CHECK_REG(a0, 0x0123456789abcdef)
    ld a0, 120(s0)
    CHECK_REG(a0, 0x89abcdef00000000)

    /*
     * HINTs (rd = x0 or a zero immediate) execute as no-ops, never
     * illegal: c.nop 1, c.li x0, c.lui x0, c.mv x0, c.add x0, c.slli x0,
     * c.addi a0 with imm 0
     */
    li a0, 0x1234
    .half 0x0005
    .half 0x4005
    .half 0x6005
    .half 0x802a
    .half 0x902a
    .half 0x0006
    .half 0x0501
    CHECK_REG(a0, 0x1234)
    CHECK_REG(x0, 0)

    /* Control transfer: c.j, c.beqz, c.bnez, c.jr, c.jalr */
    c.j 1f
    CHECK_NOT_REACHED
1:  li a0, 0
    c.beqz a0, 1f
    CHECK_NOT_REACHED
1:  c.bnez a0, 2f
    CHECK_PASS
    j 3f
2:  CHECK_NOT_REACHED
3:  li a0, 0x100000000
    c.beqz a0, 2f
    c.bnez a0, 1f
2:  CHECK_NOT_REACHED
1:  la t0, 1f
    c.jr t0
    CHECK_NOT_REACHED
1:  la t0, 1f
    c.jalr t0
2:  CHECK_NOT_REACHED
1:  la t1, 2b
    CHECK_SAME(ra, t1)
    /* backward c.beqz/c.bnez: count down */
    li a0, 5
    li a4, 0
1:  addi a4, a4, 1
    c.addi a0, -1
    c.bnez a0, 1b
    CHECK_REG(a4, 5)
TEST_END

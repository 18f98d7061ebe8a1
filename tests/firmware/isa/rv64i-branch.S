/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * RV64I control transfer: every conditional branch taken and not taken
 * with signed/unsigned edge values, backward branches, JAL and JALR with
 * their link registers (including rd == rs1 and the cleared low bit of
 * the JALR target), and jumps with rd = x0.
 */
#include "test-asm.h"

#define MIN64 0x8000000000000000
#define MAX64 0x7fffffffffffffff
#define NEG1  0xffffffffffffffff

/* Branch must be taken. */
#define TEST_BR_T(insn, v1, v2)     \
    li a1, v1; li a2, v2;           \
    insn a1, a2, 1f;                \
    CHECK_NOT_REACHED               \
1:  CHECK_PASS

/* Branch must fall through. */
#define TEST_BR_N(insn, v1, v2)     \
    li a1, v1; li a2, v2;           \
    insn a1, a2, 2f;                \
    CHECK_PASS                      \
    j 3f;                           \
2:  CHECK_NOT_REACHED               \
3:

TEST_BEGIN
    TEST_BR_T(beq, 0, 0)
    TEST_BR_T(beq, NEG1, NEG1)
    TEST_BR_N(beq, 0, 1)
    TEST_BR_N(beq, 0x100000000, 0)
    TEST_BR_T(bne, 0, 1)
    TEST_BR_T(bne, 0x100000000, 0)
    TEST_BR_N(bne, MIN64, MIN64)
    TEST_BR_T(blt, NEG1, 0)
    TEST_BR_T(blt, MIN64, MAX64)
    TEST_BR_N(blt, 0, 0)
    TEST_BR_N(blt, 1, NEG1)
    TEST_BR_T(bge, 0, 0)
    TEST_BR_T(bge, 1, NEG1)
    TEST_BR_T(bge, MAX64, MIN64)
    TEST_BR_N(bge, NEG1, 0)
    TEST_BR_T(bltu, 0, NEG1)
    TEST_BR_T(bltu, MAX64, MIN64)
    TEST_BR_N(bltu, NEG1, 0)
    TEST_BR_N(bltu, 5, 5)
    TEST_BR_T(bgeu, NEG1, 0)
    TEST_BR_T(bgeu, 5, 5)
    TEST_BR_N(bgeu, 0, NEG1)
    TEST_BR_N(bgeu, MAX64, MIN64)

    /* Backward branch: a loop of 10 iterations. */
    li a3, 10
    li a0, 0
4:  addi a0, a0, 1
    addi a3, a3, -1
    bnez a3, 4b
    CHECK_REG(a0, 10)

    /* jal links pc + 4 */
    jal ra, 5f
6:  CHECK_NOT_REACHED
5:  la a1, 6b
    CHECK_SAME(ra, a1)

    /* jal with another link register, and with x0 (plain jump) */
    jal s0, 5f
6:  CHECK_NOT_REACHED
5:  la a1, 6b
    CHECK_SAME(s0, a1)
    li a1, 0
    jal x0, 5f
    CHECK_NOT_REACHED
5:  CHECK_PASS

    /* jalr: target = (rs1 + imm) & ~1, link = pc + 4 */
    la a2, 5f
    jalr ra, 0(a2)
6:  CHECK_NOT_REACHED
5:  la a1, 6b
    CHECK_SAME(ra, a1)
    la a2, 5f + 1                   /* low bit set: cleared by jalr */
    jalr s1, 0(a2)
6:  CHECK_NOT_REACHED
5:  la a1, 6b
    CHECK_SAME(s1, a1)
    la a2, 5f + 16
    jalr ra, -16(a2)                /* negative offset */
    CHECK_NOT_REACHED
5:  CHECK_PASS
    la a2, 5f - 3
    jalr ra, 3(a2)                  /* offset plus base, odd parts */
    CHECK_NOT_REACHED
5:  CHECK_PASS

    /* rd == rs1: the target uses the old rs1 value */
    la a3, 5f
    jalr a3, 0(a3)
6:  CHECK_NOT_REACHED
5:  la a1, 6b
    CHECK_SAME(a3, a1)

    /* jalr x0 (ret-style) does not write x0 */
    la a2, 5f
    jalr x0, 0(a2)
    CHECK_NOT_REACHED
5:  CHECK_REG(x0, 0)

    /* call and return through a subroutine */
    li a0, 20
    call double_it
    CHECK_REG(a0, 40)
TEST_END

double_it:
    add a0, a0, a0
    ret

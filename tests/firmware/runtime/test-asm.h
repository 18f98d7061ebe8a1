/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Macros for self-checking assembly tests.  A test is the body of main:
 *
 *     #include "test-asm.h"
 *     TEST_BEGIN
 *         TEST_RR(add, 1, 2, 3)
 *     TEST_END
 *
 * Each CHECK_* counts one check in s11; the first failing one calls
 * rt_fail_asm, which ends the test with that number as the exit code.
 * The macros use a0-a2, t5, t6 and s11; tests may use any other register
 * (TEST_BEGIN/TEST_END save and restore the callee-saved ones).
 */
#ifndef TEST_ASM_H
#define TEST_ASM_H

#include "rt-defs.h"

#define TEST_BEGIN                  \
    .text;                          \
    .globl main;                    \
main:                               \
    addi sp, sp, -128;              \
    sd ra, 0(sp); sd s0, 8(sp);     \
    sd s1, 16(sp); sd s2, 24(sp);   \
    sd s3, 32(sp); sd s4, 40(sp);   \
    sd s5, 48(sp); sd s6, 56(sp);   \
    sd s7, 64(sp); sd s8, 72(sp);   \
    sd s9, 80(sp); sd s10, 88(sp);  \
    sd s11, 96(sp); sd gp, 104(sp); \
    sd tp, 112(sp);                 \
    li s11, 0;

#define TEST_END                    \
    la t0, rt_check_count;          \
    sd s11, 0(t0);                  \
    li a0, 0;                       \
    ld ra, 0(sp); ld s0, 8(sp);     \
    ld s1, 16(sp); ld s2, 24(sp);   \
    ld s3, 32(sp); ld s4, 40(sp);   \
    ld s5, 48(sp); ld s6, 56(sp);   \
    ld s7, 64(sp); ld s8, 72(sp);   \
    ld s9, 80(sp); ld s10, 88(sp);  \
    ld s11, 96(sp); ld gp, 104(sp); \
    ld tp, 112(sp);                 \
    addi sp, sp, 128;               \
    ret;

/*
 * One check: fails unless register @reg equals the 64-bit value @exp.
 * On failure rt_fail_asm gets the value in a1 and the expected one in a2.
 */
#define CHECK_REG(reg, exp)         \
    addi s11, s11, 1;               \
    li t6, exp;                     \
    bne reg, t6, 8f;                \
    li t5, RT_FORCE_FAIL;           \
    bne s11, t5, 9f;                \
8:  mv a1, reg;                     \
    mv a2, t6;                      \
    call rt_fail_asm;               \
9:

/* One check: fails unless registers @r1 and @r2 are equal. */
#define CHECK_SAME(r1, r2)          \
    addi s11, s11, 1;               \
    bne r1, r2, 8f;                 \
    li t5, RT_FORCE_FAIL;           \
    bne s11, t5, 9f;                \
8:  mv t5, r2;                      \
    mv a1, r1;                      \
    mv a2, t5;                      \
    call rt_fail_asm;               \
9:

/* One check that a branch already went the right way: "FAIL_IF_HERE". */
#define CHECK_NOT_REACHED           \
    addi s11, s11, 1;               \
    li a1, 0;                       \
    li a2, 0;                       \
    call rt_fail_asm;

/* A check that always passes except under RT_FORCE_FAIL. */
#define CHECK_PASS                  \
    addi s11, s11, 1;               \
    li t5, RT_FORCE_FAIL;           \
    bne s11, t5, 9f;                \
    li a1, 0;                       \
    li a2, 0;                       \
    call rt_fail_asm;               \
9:

#define TEST_RR(insn, v1, v2, exp)  \
    li a1, v1; li a2, v2;           \
    insn a0, a1, a2;                \
    CHECK_REG(a0, exp)

#define TEST_RI(insn, v1, imm, exp) \
    li a1, v1;                      \
    insn a0, a1, imm;               \
    CHECK_REG(a0, exp)

/* rd == rs1 == rs2 and rd == x0 forms of an R-type op. */
#define TEST_RR_SAME(insn, v, exp)  \
    li a1, v;                       \
    insn a1, a1, a1;                \
    CHECK_REG(a1, exp)              \
    li a1, v; li a2, v;             \
    insn x0, a1, a2;                \
    CHECK_REG(x0, 0)

#endif

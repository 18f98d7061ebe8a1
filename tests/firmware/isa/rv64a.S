/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * RV64A: every AMO in .w and .d form (old value returned sign-extended
 * for .w, the word's neighbours untouched, signed and unsigned min/max),
 * aq/rl encodings, rd = x0, and LR/SC: success, SC without a
 * reservation, SC to another address, reservation cleared by any SC.
 */
#include "test-asm.h"

#define MIN64 0x8000000000000000
#define MAX64 0x7fffffffffffffff
#define NEG1  0xffffffffffffffff

    .data
    .balign 64
amo_data:
    .dword 0
    .dword 0
    .balign 64
other_data:
    .dword 0

/* Memory holds @init (64 bits); @insn rd, rs2=@val, (mem). */
#define TEST_AMO(insn, init, val, exp_rd, exp_mem) \
    la a1, amo_data;                \
    li a2, init;                    \
    sd a2, 0(a1);                   \
    li a2, val;                     \
    insn a0, a2, (a1);              \
    CHECK_REG(a0, exp_rd)           \
    ld a0, 0(a1);                   \
    CHECK_REG(a0, exp_mem)

#define HI 0xaaaaaaaa00000000

TEST_BEGIN
    TEST_AMO(amoswap.w, HI | 0x80000000, 0x12345678, 0xffffffff80000000, HI | 0x12345678)
    TEST_AMO(amoadd.w, HI | 0x7fffffff, 1, 0x7fffffff, HI | 0x80000000)
    TEST_AMO(amoadd.w, HI | 0xffffffff, 1, NEG1, HI)
    TEST_AMO(amoxor.w, HI | 0xff00ff00, 0x0ff00ff0, 0xffffffffff00ff00, HI | 0xf0f0f0f0)
    TEST_AMO(amoand.w, HI | 0xff00ff00, 0x0ff00ff0, 0xffffffffff00ff00, HI | 0x0f000f00)
    TEST_AMO(amoor.w, HI | 0xff00ff00, 0x0ff00ff0, 0xffffffffff00ff00, HI | 0xfff0fff0)
    TEST_AMO(amomin.w, HI | 1, 0xffffffff, 1, HI | 0xffffffff)
    TEST_AMO(amomin.w, HI, 0x7fffffff80000000, 0, HI | 0x80000000)
    TEST_AMO(amomax.w, HI | 1, 0xffffffff, 1, HI | 1)
    TEST_AMO(amomax.w, HI | 0x80000000, 0x7fffffff, 0xffffffff80000000, HI | 0x7fffffff)
    TEST_AMO(amominu.w, HI | 1, 0xffffffff, 1, HI | 1)
    TEST_AMO(amominu.w, HI | 0x80000000, 0x7fffffff, 0xffffffff80000000, HI | 0x7fffffff)
    TEST_AMO(amomaxu.w, HI | 1, 0xffffffff, 1, HI | 0xffffffff)
    TEST_AMO(amomaxu.w, HI | 0x80000000, 0x7fffffff, 0xffffffff80000000, HI | 0x80000000)

    TEST_AMO(amoswap.d, 0x1122334455667788, NEG1, 0x1122334455667788, NEG1)
    TEST_AMO(amoadd.d, MAX64, 1, MAX64, MIN64)
    TEST_AMO(amoadd.d, NEG1, 2, NEG1, 1)
    TEST_AMO(amoxor.d, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0, 0xff00ff00ff00ff00, 0xf0f0f0f0f0f0f0f0)
    TEST_AMO(amoand.d, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0, 0xff00ff00ff00ff00, 0x0f000f000f000f00)
    TEST_AMO(amoor.d, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0, 0xff00ff00ff00ff00, 0xfff0fff0fff0fff0)
    TEST_AMO(amomin.d, 1, NEG1, 1, NEG1)
    TEST_AMO(amomin.d, MAX64, MIN64, MAX64, MIN64)
    TEST_AMO(amomax.d, 1, NEG1, 1, 1)
    TEST_AMO(amomax.d, MIN64, MAX64, MIN64, MAX64)
    TEST_AMO(amominu.d, 1, NEG1, 1, 1)
    TEST_AMO(amominu.d, MIN64, MAX64, MIN64, MAX64)
    TEST_AMO(amomaxu.d, 1, NEG1, 1, NEG1)
    TEST_AMO(amomaxu.d, MIN64, MAX64, MIN64, MIN64)
    TEST_AMO(amoadd.w.aq, HI | 5, 6, 5, HI | 11)
    TEST_AMO(amoadd.d.rl, 5, 6, 5, 11)
    TEST_AMO(amoswap.d.aqrl, 5, 6, 5, 6)

    /* .w on the upper word of a dword */
    la a1, amo_data
    li a2, 0x0000000100000002
    sd a2, 0(a1)
    li a2, 0x10
    addi a4, a1, 4
    amoadd.w a0, a2, (a4)
    CHECK_REG(a0, 1)
    ld a0, 0(a1)
    CHECK_REG(a0, 0x0000001100000002)

    /* rd = x0: memory still updated */
    la a1, amo_data
    li a2, 40
    sd a2, 0(a1)
    li a2, 2
    amoadd.d x0, a2, (a1)
    CHECK_REG(x0, 0)
    ld a0, 0(a1)
    CHECK_REG(a0, 42)

    /* rd == rs2: old value returned, new value from the old rs2 */
    li a2, 7
    amoswap.d a2, a2, (a1)
    CHECK_REG(a2, 42)
    ld a0, 0(a1)
    CHECK_REG(a0, 7)

    /* LR/SC success */
    la a1, amo_data
    li a2, 0x1234
    sd a2, 0(a1)
    lr.d a0, (a1)
    CHECK_REG(a0, 0x1234)
    li a2, 0x5678
    sc.d a3, a2, (a1)
    CHECK_REG(a3, 0)
    ld a0, 0(a1)
    CHECK_REG(a0, 0x5678)

    /* SC with the reservation used up fails and does not store */
    li a2, 0x9999
    sc.d a3, a2, (a1)
    CHECK_REG(a3, 1)
    ld a0, 0(a1)
    CHECK_REG(a0, 0x5678)

    /* lr.w sign-extends; sc.w writes 32 bits */
    li a2, 0x1111111180000000
    sd a2, 0(a1)
    lr.w a0, (a1)
    CHECK_REG(a0, 0xffffffff80000000)
    li a2, 0xffffffff22222222
    sc.w a3, a2, (a1)
    CHECK_REG(a3, 0)
    ld a0, 0(a1)
    CHECK_REG(a0, 0x1111111122222222)

    /* SC to an address outside the reservation set fails, and clears it */
    la a1, amo_data
    la a4, other_data
    lr.d a0, (a1)
    li a2, 77
    sc.d a3, a2, (a4)
    CHECK_REG(a3, 1)
    ld a0, 0(a4)
    CHECK_REG(a0, 0)
    sc.d a3, a2, (a1)
    CHECK_REG(a3, 1)

    /* aq/rl forms of LR/SC, and an LR/SC increment loop */
    la a1, amo_data
    sd zero, 0(a1)
    li a5, 100
1:  lr.d.aq a0, (a1)
    addi a0, a0, 3
    sc.d.rl a3, a0, (a1)
    bnez a3, 1b
    addi a5, a5, -1
    bnez a5, 1b
    ld a0, 0(a1)
    CHECK_REG(a0, 300)
    lr.w.aqrl a0, (a1)
    sc.w.aqrl a3, a0, (a1)
    CHECK_REG(a3, 0)
TEST_END

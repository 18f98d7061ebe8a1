/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * RV64I integer computational instructions with edge values: overflow
 * wrap-around, shifts by 0/1/31/32/63 (and shift amounts taken from the
 * low 6 or 5 bits only), sign extension of every W op, LUI/AUIPC, x0.
 */
#include "test-asm.h"

#define MIN64 0x8000000000000000
#define MAX64 0x7fffffffffffffff
#define NEG1  0xffffffffffffffff

TEST_BEGIN
    /* add / sub */
    TEST_RR(add, 0, 0, 0)
    TEST_RR(add, 1, 1, 2)
    TEST_RR(add, MAX64, 1, MIN64)
    TEST_RR(add, NEG1, 1, 0)
    TEST_RR(add, MIN64, NEG1, MAX64)
    TEST_RR(add, 0x00000000ffffffff, 1, 0x0000000100000000)
    TEST_RR(sub, 0, 1, NEG1)
    TEST_RR(sub, MIN64, 1, MAX64)
    TEST_RR(sub, MAX64, NEG1, MIN64)
    TEST_RR(sub, 0x0000000100000000, 1, 0x00000000ffffffff)
    TEST_RR_SAME(add, 0x4000000000000001, 0x8000000000000002)
    TEST_RR_SAME(sub, 0x1234, 0)

    /* logic */
    TEST_RR(and, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0, 0x0f000f000f000f00)
    TEST_RR(or,  0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0, 0xfff0fff0fff0fff0)
    TEST_RR(xor, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0, 0xf0f0f0f0f0f0f0f0)
    TEST_RR_SAME(xor, 0x5555aaaa5555aaaa, 0)
    TEST_RI(andi, 0xff00ff00ff00ff00, -16, 0xff00ff00ff00ff00)
    TEST_RI(andi, 0xff00ff00ff00ffff, 0x70f, 0x000000000000070f)
    TEST_RI(ori, 0x0000000000000000, -2048, 0xfffffffffffff800)
    TEST_RI(ori, 0x0f00000000000000, 0x0f0, 0x0f000000000000f0)
    TEST_RI(xori, 0x00ff00ff00ff00ff, -1, 0xff00ff00ff00ff00)
    TEST_RI(xori, 0x00ff00ff00ff00ff, 0x7ff, 0x00ff00ff00ff0700)

    /* shifts: amounts are the low 6 bits of rs2 */
    TEST_RR(sll, 1, 0, 1)
    TEST_RR(sll, 1, 1, 2)
    TEST_RR(sll, 1, 31, 0x0000000080000000)
    TEST_RR(sll, 1, 32, 0x0000000100000000)
    TEST_RR(sll, 1, 63, MIN64)
    TEST_RR(sll, 3, 64, 3)
    TEST_RR(sll, 3, 0xffffffffffffffc1, 6)
    TEST_RR(srl, MIN64, 0, MIN64)
    TEST_RR(srl, MIN64, 1, 0x4000000000000000)
    TEST_RR(srl, MIN64, 31, 0x0000000100000000)
    TEST_RR(srl, MIN64, 63, 1)
    TEST_RR(srl, NEG1, 65, MAX64)
    TEST_RR(sra, MIN64, 0, MIN64)
    TEST_RR(sra, MIN64, 1, 0xc000000000000000)
    TEST_RR(sra, MIN64, 31, 0xffffffff00000000)
    TEST_RR(sra, MIN64, 63, NEG1)
    TEST_RR(sra, MAX64, 63, 0)
    TEST_RR(sra, 0x8000000000000000, 0xffffffffffffffff, NEG1)
    TEST_RI(slli, 1, 0, 1)
    TEST_RI(slli, 1, 31, 0x0000000080000000)
    TEST_RI(slli, 1, 63, MIN64)
    TEST_RI(slli, 0x00000000ffffffff, 32, 0xffffffff00000000)
    TEST_RI(srli, MIN64, 0, MIN64)
    TEST_RI(srli, MIN64, 31, 0x0000000100000000)
    TEST_RI(srli, NEG1, 63, 1)
    TEST_RI(srai, MIN64, 0, MIN64)
    TEST_RI(srai, MIN64, 31, 0xffffffff00000000)
    TEST_RI(srai, MIN64, 63, NEG1)
    TEST_RI(srai, 0x4000000000000000, 62, 1)

    /* compares */
    TEST_RR(slt, 0, 0, 0)
    TEST_RR(slt, NEG1, 1, 1)
    TEST_RR(slt, 1, NEG1, 0)
    TEST_RR(slt, MIN64, MAX64, 1)
    TEST_RR(sltu, NEG1, 1, 0)
    TEST_RR(sltu, 1, NEG1, 1)
    TEST_RR(sltu, 0, 0, 0)
    TEST_RR(sltu, MAX64, MIN64, 1)
    TEST_RI(slti, NEG1, 0, 1)
    TEST_RI(slti, 0, -1, 0)
    TEST_RI(slti, MIN64, -2048, 1)
    TEST_RI(slti, 2047, 2047, 0)
    TEST_RI(sltiu, 0, -1, 1)             /* imm sign-extends to 2^64-1 */
    TEST_RI(sltiu, NEG1, -1, 0)
    TEST_RI(sltiu, 0, 1, 1)              /* seqz */
    TEST_RI(sltiu, 5, 1, 0)
    li a2, 7
    sltu a0, x0, a2                      /* snez */
    CHECK_REG(a0, 1)

    /* addi */
    TEST_RI(addi, 0, -2048, 0xfffffffffffff800)
    TEST_RI(addi, 0, 2047, 0x7ff)
    TEST_RI(addi, MAX64, 1, MIN64)
    TEST_RI(addi, MIN64, -1, MAX64)

    /* W ops: 32-bit result, sign-extended; upper input bits ignored */
    TEST_RR(addw, 0x7fffffff, 1, 0xffffffff80000000)
    TEST_RR(addw, 0xffffffff00000001, 0, 1)
    TEST_RR(addw, 0x00000000ffffffff, 1, 0)
    TEST_RR(addw, 0x1234567880000000, 0x80000000, 0)
    TEST_RR(subw, 0, 1, NEG1)
    TEST_RR(subw, 0x80000000, 1, 0x000000007fffffff)
    TEST_RR(subw, 0x0000000100000000, 0, 0)
    TEST_RR(sllw, 1, 31, 0xffffffff80000000)
    TEST_RR(sllw, 1, 32, 1)                /* low 5 bits of rs2 */
    TEST_RR(sllw, 0xffffffff00000003, 1, 6)
    TEST_RR(sllw, 3, 0, 3)
    TEST_RR(srlw, 0x80000000, 0, 0xffffffff80000000)
    TEST_RR(srlw, 0x80000000, 1, 0x40000000)
    TEST_RR(srlw, 0x80000000, 31, 1)
    TEST_RR(srlw, 0xffffffff00000010, 33, 8)
    TEST_RR(sraw, 0x80000000, 0, 0xffffffff80000000)
    TEST_RR(sraw, 0x80000000, 31, NEG1)
    TEST_RR(sraw, 0x7fffffff, 31, 0)
    TEST_RR(sraw, 0x00000000fffffff0, 2, 0xfffffffffffffffc)
    TEST_RI(addiw, 0x7fffffff, 1, 0xffffffff80000000)
    TEST_RI(addiw, 0xffffffff80000000, -1, 0x000000007fffffff)
    TEST_RI(addiw, 0x123456789abcdef0, 0, 0xffffffff9abcdef0)   /* sext.w */
    TEST_RI(addiw, 0x0000000012345678, -2048, 0x0000000012344e78)
    TEST_RI(slliw, 1, 31, 0xffffffff80000000)
    TEST_RI(slliw, 0xffffffff00000001, 0, 1)
    TEST_RI(slliw, 0x0000000080000001, 1, 2)
    TEST_RI(srliw, 0x80000000, 0, 0xffffffff80000000)
    TEST_RI(srliw, 0x80000000, 31, 1)
    TEST_RI(srliw, 0xffffffff80000000, 1, 0x40000000)
    TEST_RI(sraiw, 0x80000000, 0, 0xffffffff80000000)
    TEST_RI(sraiw, 0x80000000, 31, NEG1)
    TEST_RI(sraiw, 0x00000000f0000000, 4, 0xffffffffff000000)
    TEST_RI(sraiw, 0x7fffffff00000000, 31, 0)

    /* lui / auipc */
    lui a0, 0x80000
    CHECK_REG(a0, 0xffffffff80000000)
    lui a0, 0x7ffff
    CHECK_REG(a0, 0x000000007ffff000)
    lui a0, 0
    CHECK_REG(a0, 0)
1:  auipc a0, 0
    la a1, 1b
    sub a0, a0, a1
    CHECK_REG(a0, 0)
2:  auipc a0, 1
    la a1, 2b
    sub a0, a0, a1
    CHECK_REG(a0, 0x1000)
3:  auipc a0, 0xfffff
    la a1, 3b
    sub a0, a0, a1
    CHECK_REG(a0, 0xfffffffffffff000)

    /* x0 is hard-wired */
    li a1, 5
    addi x0, a1, 1
    CHECK_REG(x0, 0)
    lui x0, 0x12345
    CHECK_REG(x0, 0)
    addi a0, x0, -1
    CHECK_REG(a0, NEG1)
TEST_END

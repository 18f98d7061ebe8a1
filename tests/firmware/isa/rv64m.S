/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * RV64M: every multiply and divide, the W forms' sign extension, and the
 * division corner cases of the unprivileged spec's table (division by
 * zero: quotient all ones, remainder = dividend; signed overflow
 * MIN / -1: quotient MIN, remainder 0).
 */
#include "test-asm.h"

#define MIN64 0x8000000000000000
#define MAX64 0x7fffffffffffffff
#define NEG1  0xffffffffffffffff

TEST_BEGIN
    TEST_RR(mul, 6, 7, 42)
    TEST_RR(mul, NEG1, NEG1, 1)
    TEST_RR(mul, 0x100000000, 0x100000000, 0)
    TEST_RR(mul, MIN64, NEG1, MIN64)
    TEST_RR(mul, 0x123456789, 0x10, 0x1234567890)
    TEST_RR(mulh, MIN64, MIN64, 0x4000000000000000)
    TEST_RR(mulh, NEG1, NEG1, 0)
    TEST_RR(mulh, 0x100000000, 0x100000000, 1)
    TEST_RR(mulh, NEG1, 1, NEG1)
    TEST_RR(mulh, MAX64, MAX64, 0x3fffffffffffffff)
    TEST_RR(mulhu, NEG1, NEG1, 0xfffffffffffffffe)
    TEST_RR(mulhu, 0x100000000, 0x100000000, 1)
    TEST_RR(mulhu, NEG1, 1, 0)
    TEST_RR(mulhu, MIN64, 2, 1)
    TEST_RR(mulhsu, NEG1, NEG1, NEG1)
    TEST_RR(mulhsu, 2, NEG1, 1)
    TEST_RR(mulhsu, 0xfffffffffffffffe, 3, NEG1)
    TEST_RR(mulhsu, MIN64, MIN64, 0xc000000000000000)
    TEST_RR(mulhsu, 1, MIN64, 0)
    TEST_RR(mulw, 0x7fffffff, 2, 0xfffffffffffffffe)
    TEST_RR(mulw, 0x00000001ffffffff, 0xffffffff, 1)
    TEST_RR(mulw, 0x10000, 0x10000, 0)
    TEST_RR(mulw, 0x12345, 0x10, 0x123450)

    /* division, truncating towards zero */
    TEST_RR(div, 20, 6, 3)
    TEST_RR(div, -20, 6, -3)
    TEST_RR(div, 20, -6, -3)
    TEST_RR(div, -20, -6, 3)
    TEST_RR(div, 20, 0, NEG1)
    TEST_RR(div, 0, 0, NEG1)
    TEST_RR(div, MIN64, NEG1, MIN64)
    TEST_RR(div, MIN64, 1, MIN64)
    TEST_RR(divu, 20, 6, 3)
    TEST_RR(divu, NEG1, 2, MAX64)
    TEST_RR(divu, -20, 6, 0x2aaaaaaaaaaaaaa7)
    TEST_RR(divu, 20, 0, NEG1)
    TEST_RR(divu, MIN64, NEG1, 0)
    TEST_RR(rem, 20, 6, 2)
    TEST_RR(rem, -20, 6, -2)
    TEST_RR(rem, 20, -6, 2)
    TEST_RR(rem, -20, -6, -2)
    TEST_RR(rem, 20, 0, 20)
    TEST_RR(rem, -20, 0, -20)
    TEST_RR(rem, MIN64, NEG1, 0)
    TEST_RR(remu, 20, 6, 2)
    TEST_RR(remu, NEG1, 10, 5)
    TEST_RR(remu, -20, 6, 2)
    TEST_RR(remu, 20, 0, 20)
    TEST_RR(remu, NEG1, 0, NEG1)

    /* W forms: operands are the low 32 bits, results sign-extended */
    TEST_RR(divw, 0x1234567800000014, 6, 3)
    TEST_RR(divw, -20, 6, -3)
    TEST_RR(divw, 0xffffffff80000000, NEG1, 0xffffffff80000000)
    TEST_RR(divw, 0x0000000080000000, 0x00000000ffffffff, 0xffffffff80000000)
    TEST_RR(divw, 20, 0, NEG1)
    TEST_RR(divw, 20, 0x100000000, NEG1)   /* low word of divisor is 0 */
    TEST_RR(divuw, 0xffffffff, 2, 0x7fffffff)
    TEST_RR(divuw, 0x80000000, 1, 0xffffffff80000000)
    TEST_RR(divuw, 20, 0, NEG1)
    TEST_RR(divuw, 0xffffffff00000014, 0x0000000100000006, 3)
    TEST_RR(remw, -20, 6, -2)
    TEST_RR(remw, 20, -6, 2)
    TEST_RR(remw, 0x80000000, NEG1, 0)
    TEST_RR(remw, 0x1234567887654321, 0, 0xffffffff87654321)
    TEST_RR(remw, 0x0000000100000007, 0, 7)
    TEST_RR(remuw, 0xffffffff, 10, 5)
    TEST_RR(remuw, 0x80000001, 0, 0xffffffff80000001)
    TEST_RR(remuw, 0x80000005, 0x80000000, 5)
    TEST_RR(remuw, -20, 6, 2)

    /* rd aliasing a source */
    li a1, 9
    li a2, 4
    div a1, a1, a2
    CHECK_REG(a1, 2)
    li a1, 9
    rem a2, a1, a2
    CHECK_REG(a2, 1)
    li a1, 0x7fffffff
    mul a1, a1, a1
    CHECK_REG(a1, 0x3fffffff00000001)
TEST_END

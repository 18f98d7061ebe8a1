/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * RV64I loads and stores: every width, sign and zero extension, positive
 * and negative offsets, byte order (little-endian), stores of each width
 * leaving neighbouring bytes alone, a load into x0, and FENCE forms.
 */
#include "test-asm.h"

    .data
    .balign 16
ld_data:
    .dword 0x8081828384858687
    .dword 0x7f6e5d4c3b2a1908
st_data:
    .dword 0
    .dword 0

#define TEST_LD(insn, off, exp)     \
    la a1, ld_data + 8;             \
    insn a0, off(a1);               \
    CHECK_REG(a0, exp)

#define TEST_ST(st, val, off, exp0, exp1) \
    la a1, st_data;                 \
    sd zero, 0(a1);                 \
    sd zero, 8(a1);                 \
    li a2, val;                     \
    st a2, off(a1);                 \
    ld a0, 0(a1);                   \
    CHECK_REG(a0, exp0)             \
    ld a0, 8(a1);                   \
    CHECK_REG(a0, exp1)

TEST_BEGIN
    /* Loads, from a base pointing at the second dword. */
    TEST_LD(lb, -8, 0xffffffffffffff87)
    TEST_LD(lb, -1, 0xffffffffffffff80)
    TEST_LD(lb, 0, 0x08)
    TEST_LD(lb, 7, 0x7f)
    TEST_LD(lbu, -8, 0x87)
    TEST_LD(lbu, -1, 0x80)
    TEST_LD(lbu, 7, 0x7f)
    TEST_LD(lh, -8, 0xffffffffffff8687)
    TEST_LD(lh, -2, 0xffffffffffff8081)
    TEST_LD(lh, 6, 0x7f6e)
    TEST_LD(lhu, -8, 0x8687)
    TEST_LD(lhu, -2, 0x8081)
    TEST_LD(lhu, 2, 0x3b2a)
    TEST_LD(lw, -8, 0xffffffff84858687)
    TEST_LD(lw, -4, 0xffffffff80818283)
    TEST_LD(lw, 4, 0x7f6e5d4c)
    TEST_LD(lwu, -8, 0x84858687)
    TEST_LD(lwu, -4, 0x80818283)
    TEST_LD(lwu, 0, 0x3b2a1908)
    TEST_LD(ld, -8, 0x8081828384858687)
    TEST_LD(ld, 0, 0x7f6e5d4c3b2a1908)

    /* A load into x0 is performed and discarded. */
    la a1, ld_data
    ld x0, 0(a1)
    CHECK_REG(x0, 0)

    /* Large offsets reach the data from far away. */
    la a1, ld_data + 2047
    lbu a0, -2047(a1)
    CHECK_REG(a0, 0x87)
    la a1, ld_data + 8 - 2047
    lbu a0, 2047(a1)
    CHECK_REG(a0, 0x08)

    /* Stores: only the addressed bytes change. */
    TEST_ST(sb, 0x1122334455667788, 0, 0x88, 0)
    TEST_ST(sb, 0xff, 7, 0xff00000000000000, 0)
    TEST_ST(sb, 0xab, 8, 0, 0xab)
    TEST_ST(sh, 0x1122334455667788, 0, 0x7788, 0)
    TEST_ST(sh, 0xbeef, 6, 0xbeef000000000000, 0)
    TEST_ST(sh, 0xcafe, 10, 0, 0xcafe0000)
    TEST_ST(sw, 0x1122334455667788, 0, 0x55667788, 0)
    TEST_ST(sw, 0xdeadbeef, 4, 0xdeadbeef00000000, 0)
    TEST_ST(sw, 0x80000001, 12, 0, 0x8000000100000000)
    TEST_ST(sd, 0x1122334455667788, 0, 0x1122334455667788, 0)
    TEST_ST(sd, 0x8000000000000001, 8, 0, 0x8000000000000001)

    /* Negative store offset. */
    la a1, st_data + 16
    sd zero, -8(a1)
    li a2, 0x0123456789abcdef
    sd a2, -16(a1)
    sh a2, -6(a1)
    la a1, st_data
    ld a0, 0(a1)
    CHECK_REG(a0, 0x0123456789abcdef)
    ld a0, 8(a1)
    CHECK_REG(a0, 0x00000000cdef0000)

    /*
     * FENCE in its forms (all ordering is trivially kept by an emulator,
     * but every encoding must execute): plain, partial sets, fence.tso
     * and pause (fence w,0).
     */
    fence
    fence rw, rw
    fence r, w
    fence io, io
    fence.tso
    .word 0x0100000f
    la a1, st_data
    li a2, 0x55
    sd a2, 0(a1)
    fence w, r
    ld a0, 0(a1)
    CHECK_REG(a0, 0x55)

    /* Store then load back through a different width. */
    la a1, st_data
    li a2, -2
    sw a2, 0(a1)
    lhu a0, 2(a1)
    CHECK_REG(a0, 0xffff)
    lb a0, 0(a1)
    CHECK_REG(a0, 0xfffffffffffffffe)
    lwu a0, 0(a1)
    CHECK_REG(a0, 0xfffffffe)
TEST_END

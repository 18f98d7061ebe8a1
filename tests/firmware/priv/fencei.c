/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Self-modifying code made visible with fence.i: code written to a data
 * buffer, code patched in .text, the next instruction of the running
 * sequence patched, 32- and 16-bit encodings, and a hot loop that is
 * rewritten on every iteration (catches stale decoded-instruction caches).
 */
#include "runtime.h"

#define INSN_LI_A0(imm)  ((((uint32_t)(imm) & 0xfff) << 20) | 0x513)
#define INSN_RET         0x00008067
#define INSN_C_LI_A0(imm) (0x4000 | ((((imm) >> 5) & 1) << 12) | (10 << 7) | \
                           (((imm) & 0x1f) << 2) | 1)
#define INSN_C_JR_RA     0x8082

static uint32_t code_buf[64] __attribute__((aligned(64)));

__asm__(
    "    .text\n"
    "    .balign 4\n"
    "    .globl patch_me\n"
    "patch_me:\n"
    "    .option push\n"
    "    .option norvc\n"
    "    li a0, 7\n"
    "    ret\n"
    "    .option pop\n"
    "    .globl patch_me_c\n"
    "patch_me_c:\n"
    "    c.li a0, 3\n"
    "    c.jr ra\n");
uint64_t patch_me(void);
uint64_t patch_me_c(void);

static uint64_t call(void *code)
{
    return ((uint64_t (*)(void))code)();
}

static void fence_i(void)
{
    __asm__ volatile("fence.i" ::: "memory");
}

int main(void)
{
    uint64_t v;
    int i;

    /* code in a buffer */
    code_buf[0] = INSN_LI_A0(1);
    code_buf[1] = INSN_RET;
    fence_i();
    CHECK_EQ(call(code_buf), 1);
    code_buf[0] = INSN_LI_A0(2);
    fence_i();
    CHECK_EQ(call(code_buf), 2);

    /* a hot function rewritten each time */
    for (i = 0; i < 200; i++) {
        code_buf[0] = INSN_LI_A0(i);
        fence_i();
        v = call(code_buf);
        if (v != (uint64_t)i) {
            break;
        }
    }
    CHECK_EQ(i, 200);

    /* longer code: the patched instruction is not the first of the block */
    for (i = 0; i < 8; i++) {
        code_buf[8 + i] = 0x00000013;           /* nop */
    }
    code_buf[16] = INSN_LI_A0(-5);
    code_buf[17] = INSN_RET;
    fence_i();
    CHECK_EQ(call(&code_buf[8]), (uint64_t)-5);
    code_buf[16] = INSN_LI_A0(5);
    fence_i();
    CHECK_EQ(call(&code_buf[8]), 5);
    code_buf[11] = INSN_LI_A0(33);
    code_buf[12] = INSN_RET;
    fence_i();
    CHECK_EQ(call(&code_buf[8]), 33);

    /* code in .text */
    CHECK_EQ(patch_me(), 7);
    *(volatile uint32_t *)(uintptr_t)patch_me = INSN_LI_A0(8);
    fence_i();
    CHECK_EQ(patch_me(), 8);
    CHECK_EQ(patch_me_c(), 3);
    *(volatile uint16_t *)(uintptr_t)patch_me_c = INSN_C_LI_A0(-4);
    fence_i();
    CHECK_EQ(patch_me_c(), (uint64_t)-4);

    /* the very next instruction of the running code */
    {
        register uint64_t a0 __asm__("a0");

        __asm__ volatile(".option push\n .option norvc\n"
                         "la t0, 1f\n"
                         "sw %1, 0(t0)\n"
                         "fence.i\n"
                         "1: li a0, 0\n"
                         ".option pop\n"
                         : "=r"(a0) : "r"(INSN_LI_A0(99)) : "t0", "memory");
        CHECK_EQ(a0, 99);
    }
    return 0;
}

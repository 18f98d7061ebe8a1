/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Start-up code and trap entry points of the qomu test firmware.
 * Hart 0 runs the test; other harts park in wfi.
 */
#include "rt-defs.h"

    .section .text.init, "ax"
    .globl _start
_start:
    .option push
    .option norelax
    la      gp, __global_pointer$
    .option pop
    csrr    t0, mhartid
    li      t1, RT_MAX_HARTS
    bgeu    t0, t1, rt_park_forever
    /* Stack per hart, counted down from __stack_top. */
    la      sp, __stack_top
    slli    t1, t0, RT_STACK_SHIFT
    sub     sp, sp, t1
    /* Trap stack per hart, reached through mscratch/sscratch. */
    la      t2, __trap_stack_top
    slli    t1, t0, RT_TRAP_STACK_SHIFT
    sub     t2, t2, t1
    csrw    mscratch, t2
    la      t1, rt_trap_entry_m
    csrw    mtvec, t1
    bnez    t0, rt_secondary
    la      t0, __bss_start
    la      t1, __bss_end
1:
    bgeu    t0, t1, 2f
    sd      zero, 0(t0)
    addi    t0, t0, 8
    j       1b
2:
    call    rt_main
    /* rt_main never returns. */
    li      a0, RT_CODE_BAD_RETURN
    call    rt_exit
    .globl rt_park_forever
rt_park_forever:
    wfi
    j       rt_park_forever

/*
 * Harts 1..RT_MAX_HARTS-1 wait in wfi (woken by their MSIP; mstatus.MIE
 * stays clear, so nothing is taken) for rt_hart_entry[hartid], then call
 * it with a0 = hartid.  See rt_start_hart().
 */
rt_secondary:
    li      t1, 1 << 3
    csrs    mie, t1
rt_secondary_wait:
    wfi
    csrr    t0, mhartid
    li      t1, RT_CLINT_MSIP
    slli    t2, t0, 2
    add     t1, t1, t2
    sw      zero, 0(t1)
    la      t1, rt_hart_entry
    slli    t2, t0, 3
    add     t1, t1, t2
    ld      t2, 0(t1)
    beqz    t2, rt_secondary_wait
    sd      zero, 0(t1)
    fence
    mv      a0, t0
    jalr    t2
    j       rt_secondary_wait

/*
 * Save x1..x31 on the trap stack (swapped in from \scratch), call
 * rt_trap_handler(frame, mode), restore and return with \ret.
 */
.macro TRAP_ENTRY scratch, mode, ret
    csrrw   sp, \scratch, sp
    addi    sp, sp, -RT_FRAME_SIZE
    .irp n, 1,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    sd      x\n, \n*8(sp)
    .endr
    csrr    t0, \scratch
    sd      t0, 2*8(sp)
    mv      a0, sp
    li      a1, \mode
    call    rt_trap_handler
    .irp n, 1,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    ld      x\n, \n*8(sp)
    .endr
    addi    sp, sp, RT_FRAME_SIZE
    csrrw   sp, \scratch, sp
    \ret
.endm

    .text
    .balign 4
    .globl rt_trap_entry_m
rt_trap_entry_m:
    TRAP_ENTRY mscratch, 3, mret

    .balign 4
    .globl rt_trap_entry_s
rt_trap_entry_s:
    TRAP_ENTRY sscratch, 1, sret

/*
 * uint64_t rt_run_in_mode(int mode, uint64_t (*fn)(uint64_t), uint64_t arg)
 * Calls fn(arg) in U (0) or S (1) mode and returns its result in M-mode.
 * fn returns to rt_lower_return, whose ecall the M-mode handler turns
 * into a jump to rt_lower_back (see rt_trap_handler).
 */
    .globl rt_run_in_mode
rt_run_in_mode:
    addi    sp, sp, -16
    sd      ra, 0(sp)
    /* Keep the caller's mstatus.MIE: mret and the ecall back change it. */
    csrr    t0, mstatus
    andi    t0, t0, 8
    sd      t0, 8(sp)
    li      t0, 3 << 11
    csrc    mstatus, t0
    andi    a0, a0, 3
    slli    t0, a0, 11
    csrs    mstatus, t0
    csrw    mepc, a1
    mv      a0, a2
    la      ra, rt_lower_return
    mret
    .globl rt_lower_return
rt_lower_return:
    li      a7, RT_ECALL_BACK_TO_M
    ecall
    j       rt_lower_return
    .globl rt_lower_back
rt_lower_back:
    csrci   mstatus, 8
    ld      t0, 8(sp)
    csrs    mstatus, t0
    ld      ra, 0(sp)
    addi    sp, sp, 16
    ret

/*
 * Called by the test-asm.h checks: fail with the check number in s11, the
 * value found in a1, the value expected in a2, the caller's pc in ra.
 */
    .globl rt_fail_asm
rt_fail_asm:
    mv      a0, s11
    mv      a3, ra
    call    rt_fail_asm_report
    j       rt_park_forever

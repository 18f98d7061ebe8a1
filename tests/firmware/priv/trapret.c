/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The mstatus trap stack: a trap into M saves MIE in MPIE, clears MIE and
 * records the previous mode in MPP; mret restores MIE from MPIE, sets
 * MPIE and sets MPP to U.  The same for traps into S (SIE/SPIE/SPP) and
 * sret.  (Priv 1.12 also has xRET to a mode below M clear MPRV; QEMU 7.2
 * does not, so that is not tested.)
 */
#include "runtime.h"

static uint64_t do_ecall(uint64_t arg)
{
    register uint64_t a7 __asm__("a7") = 0;

    __asm__ volatile("ecall" :: "r"(a7) : "memory");
    return 0;
}

static uint64_t do_ebreak(uint64_t arg)
{
    __asm__ volatile("ebreak" ::: "memory");
    return 0;
}

static uint64_t s_read_sstatus_after_trap(uint64_t arg)
{
    uint64_t v;

    csr_set(sstatus, MSTATUS_SIE);
    __asm__ volatile("ebreak" ::: "memory");
    v = csr_read(sstatus);
    csr_clear(sstatus, MSTATUS_SIE);
    return v;
}

static uint64_t s_sret_stack(uint64_t arg)
{
    uint64_t v;

    /* sret to S: SIE = SPIE (1), SPIE = 1, SPP = U */
    csr_clear(sstatus, MSTATUS_SIE);
    csr_set(sstatus, MSTATUS_SPIE | MSTATUS_SPP);
    __asm__ volatile("la t0, 1f\n"
                     "csrw sepc, t0\n"
                     "sret\n"
                     "1: csrr %0, sstatus\n" : "=r"(v) :: "t0", "memory");
    csr_clear(sstatus, MSTATUS_SIE);
    return v;
}

int main(void)
{
    uint64_t s;

    csr_write(mie, 0);

    /* M -> M with MIE set */
    csr_set(mstatus, MSTATUS_MIE);
    rt_trap_expect(1);
    do_ebreak(0);
    s = csr_read(mstatus);
    csr_clear(mstatus, MSTATUS_MIE);
    CHECK(rt_trapped(CAUSE_BREAKPOINT, NO_TVAL));
    CHECK_EQ(rt_trap.status & MSTATUS_MIE, 0);
    CHECK_EQ(rt_trap.status & MSTATUS_MPIE, MSTATUS_MPIE);
    CHECK_EQ(rt_trap.status & MSTATUS_MPP, MSTATUS_MPP);
    CHECK_EQ(s & MSTATUS_MIE, MSTATUS_MIE);
    CHECK_EQ(s & MSTATUS_MPIE, MSTATUS_MPIE);
    CHECK_EQ(s & MSTATUS_MPP, 0);       /* U after mret */

    /* M -> M with MIE clear */
    rt_trap_expect(1);
    do_ebreak(0);
    s = csr_read(mstatus);
    CHECK(rt_trapped(CAUSE_BREAKPOINT, NO_TVAL));
    CHECK_EQ(rt_trap.status & (MSTATUS_MIE | MSTATUS_MPIE), 0);
    CHECK_EQ(s & MSTATUS_MIE, 0);
    CHECK_EQ(s & MSTATUS_MPIE, MSTATUS_MPIE);

    /* U -> M and S -> M: MPP names the mode */
    rt_trap_expect(1);
    rt_run_in_mode(PRV_U, do_ecall, 0);
    CHECK(rt_trapped(CAUSE_USER_ECALL, 0));
    CHECK_EQ(rt_trap.status & MSTATUS_MPP, 0);
    rt_trap_expect(1);
    rt_run_in_mode(PRV_S, do_ecall, 0);
    CHECK(rt_trapped(CAUSE_SUPERVISOR_ECALL, 0));
    CHECK_EQ(rt_trap.status & MSTATUS_MPP, (uint64_t)PRV_S << 11);

    /* S -> S (delegated breakpoint) with SIE set, then sret */
    rt_enable_s_traps();
    csr_write(medeleg, 1 << CAUSE_BREAKPOINT);
    rt_trap_expect(1);
    s = rt_run_in_mode(PRV_S, s_read_sstatus_after_trap, 0);
    CHECK(rt_trapped(CAUSE_BREAKPOINT, NO_TVAL));
    CHECK_EQ(rt_trap.mode, PRV_S);
    CHECK_EQ(rt_trap.status & MSTATUS_SIE, 0);
    CHECK_EQ(rt_trap.status & MSTATUS_SPIE, MSTATUS_SPIE);
    CHECK_EQ(rt_trap.status & MSTATUS_SPP, MSTATUS_SPP);
    CHECK_EQ(s & MSTATUS_SIE, MSTATUS_SIE);
    CHECK_EQ(s & MSTATUS_SPIE, MSTATUS_SPIE);
    CHECK_EQ(s & MSTATUS_SPP, 0);       /* U after sret */

    /* U -> S: SPP = U */
    rt_trap_expect(1);
    rt_run_in_mode(PRV_U, do_ebreak, 0);
    CHECK(rt_trapped(CAUSE_BREAKPOINT, NO_TVAL));
    CHECK_EQ(rt_trap.mode, PRV_S);
    CHECK_EQ(rt_trap.status & MSTATUS_SPP, 0);
    csr_write(medeleg, 0);

    /* sret within S */
    s = rt_run_in_mode(PRV_S, s_sret_stack, 0);
    CHECK_EQ(s & (MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP),
             MSTATUS_SIE | MSTATUS_SPIE);

    return 0;
}

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Trap delegation: medeleg sends exceptions from S and U to the S-mode
 * handler (scause, sepc, stval, sstatus.SPP), never those raised in M;
 * mideleg sends S-level interrupts to S, where sstatus.SIE gates them in S
 * but not in U, and delegated interrupts are never taken in M.
 * Undelegated S-level interrupts go to M.
 */
#include "runtime.h"

#define TIMEOUT 2000000
#define BIT(n) (1ULL << (n))
#define MIP_SSIP BIT(IRQ_S_SOFT)
#define MIP_STIP BIT(IRQ_S_TIMER)

static uint64_t do_illegal(uint64_t arg)
{
    uint64_t at;

    __asm__ volatile("1: .word 0x0000000b\n la %0, 1b" : "=r"(at));
    return at;
}

static uint64_t do_ebreak(uint64_t arg)
{
    uint64_t at;

    __asm__ volatile(".option push\n .option norvc\n"
                     "1: ebreak\n .option pop\n la %0, 1b" : "=r"(at));
    return at;
}

static uint64_t do_ecall(uint64_t arg)
{
    register uint64_t a7 __asm__("a7") = 0;
    uint64_t at;

    __asm__ volatile("1: ecall\n la %0, 1b" : "=r"(at) : "r"(a7) : "memory");
    return at;
}

static uint64_t do_load(uint64_t addr)
{
    uint64_t v;

    __asm__ volatile("ld %0, 0(%1)" : "=r"(v) : "r"(addr) : "memory");
    return v;
}

/* Sets sip.SSIP from S and spins until the trap was taken. */
static uint64_t raise_ssip(uint64_t arg)
{
    csr_set(sip, MIP_SSIP);
    return rt_wait_traps(1, TIMEOUT);
}

static uint64_t wait_trap(uint64_t arg)
{
    return rt_wait_traps(1, TIMEOUT);
}

static uint64_t enable_sie_and_wait(uint64_t arg)
{
    csr_set(sstatus, MSTATUS_SIE);
    rt_wait_traps(1, TIMEOUT);
    csr_clear(sstatus, MSTATUS_SIE);
    return 0;
}

/*
 * An S-mode vector table: slot n writes n to stval (S-mode has no free
 * scratch CSR: sscratch holds the trap stack) and enters the S handler,
 * which records stval as rt_trap.tval.
 */
__asm__(
    "    .text\n"
    "    .balign 256\n"
    "svec_table:\n"
    "    .option push\n"
    "    .option norvc\n"
    "    .irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15\n"
    "    j svec_slot_\\n\n"
    "    .endr\n"
    "    .irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15\n"
    "svec_slot_\\n:\n"
    "    csrwi stval, \\n\n"
    "    j rt_trap_entry_s\n"
    "    .endr\n"
    "    .option pop\n");
extern char svec_table[];

static void test_exceptions(void)
{
    uint64_t at;

    csr_write(medeleg, BIT(CAUSE_ILLEGAL_INSN) | BIT(CAUSE_BREAKPOINT) |
              BIT(CAUSE_USER_ECALL) | BIT(CAUSE_LOAD_ACCESS));
    CHECK_EQ(csr_read(medeleg) & BIT(CAUSE_ILLEGAL_INSN),
             BIT(CAUSE_ILLEGAL_INSN));

    /* illegal instruction in S: taken in S */
    rt_trap_expect(1);
    at = rt_run_in_mode(PRV_S, do_illegal, 0);
    CHECK(rt_trapped(CAUSE_ILLEGAL_INSN, 0x0000000b));
    CHECK_EQ(rt_trap.mode, PRV_S);
    CHECK_EQ(rt_trap.from, PRV_S);
    CHECK_EQ(rt_trap.epc, at);
    CHECK_EQ(csr_read(scause), CAUSE_ILLEGAL_INSN);
    CHECK_EQ(csr_read(stval), 0x0000000b);
    CHECK_EQ(csr_read(sepc), at + 4);

    /* from U: taken in S with SPP = U */
    rt_trap_expect(1);
    at = rt_run_in_mode(PRV_U, do_ebreak, 0);
    CHECK(rt_trapped(CAUSE_BREAKPOINT, NO_TVAL));
    CHECK_EQ(rt_trap.mode, PRV_S);
    CHECK_EQ(rt_trap.from, PRV_U);
    CHECK_EQ(rt_trap.epc, at);

    rt_trap_expect(1);
    at = rt_run_in_mode(PRV_U, do_ecall, 0);
    CHECK(rt_trapped(CAUSE_USER_ECALL, 0));
    CHECK_EQ(rt_trap.mode, PRV_S);
    CHECK_EQ(rt_trap.epc, at);

    rt_trap_expect(1);
    rt_run_in_mode(PRV_U, do_load, 0x10);
    CHECK(rt_trapped(CAUSE_LOAD_ACCESS, 0x10));
    CHECK_EQ(rt_trap.mode, PRV_S);

    /* not delegated: ecall from S still goes to M */
    rt_trap_expect(1);
    rt_run_in_mode(PRV_S, do_ecall, 0);
    CHECK(rt_trapped(CAUSE_SUPERVISOR_ECALL, 0));
    CHECK_EQ(rt_trap.mode, PRV_M);

    /* traps raised in M are never delegated */
    rt_trap_expect(1);
    at = do_illegal(0);
    CHECK(rt_trapped(CAUSE_ILLEGAL_INSN, 0x0000000b));
    CHECK_EQ(rt_trap.mode, PRV_M);
    CHECK_EQ(rt_trap.epc, at);

    csr_write(medeleg, 0);
    rt_trap_expect(1);
    rt_run_in_mode(PRV_S, do_illegal, 0);
    CHECK(rt_trapped(CAUSE_ILLEGAL_INSN, 0x0000000b));
    CHECK_EQ(rt_trap.mode, PRV_M);
}

static void test_interrupts(void)
{
    csr_write(mie, 0);
    csr_clear(mstatus, MSTATUS_MIE | MSTATUS_SIE);
    csr_write(mideleg, MIP_SSIP | MIP_STIP);
    CHECK_EQ(csr_read(mideleg) & (MIP_SSIP | MIP_STIP), MIP_SSIP | MIP_STIP);

    /* SSIP raised by S itself, SIE set: taken in S */
    rt_trap_expect(1);
    csr_write(sie, MIP_SSIP);
    csr_set(sstatus, MSTATUS_SIE);
    rt_run_in_mode(PRV_S, raise_ssip, 0);
    csr_clear(sstatus, MSTATUS_SIE);
    CHECK(rt_trapped(CAUSE_INTR | IRQ_S_SOFT, 0));
    CHECK_EQ(rt_trap.mode, PRV_S);
    CHECK_EQ(csr_read(scause), CAUSE_INTR | IRQ_S_SOFT);
    CHECK_EQ(csr_read(sip) & MIP_SSIP, 0);

    /* SIE clear: not taken in S ... */
    rt_trap_expect(1);
    csr_write(sie, MIP_SSIP);
    rt_run_in_mode(PRV_S, raise_ssip, 0);
    rt_trap.armed = 0;
    CHECK_EQ(rt_trap.count, 0);
    CHECK(csr_read(sip) & MIP_SSIP);
    /* ... but taken in U, where S interrupts are always enabled */
    rt_trap_expect(1);
    rt_run_in_mode(PRV_U, wait_trap, 0);
    CHECK(rt_trapped(CAUSE_INTR | IRQ_S_SOFT, 0));
    CHECK_EQ(rt_trap.mode, PRV_S);
    CHECK_EQ(rt_trap.from, PRV_U);

    /* delegated interrupts are never taken in M, even with MIE set */
    rt_trap_expect(1);
    csr_write(sie, MIP_SSIP);
    csr_set(mip, MIP_SSIP);
    csr_set(mstatus, MSTATUS_MIE | MSTATUS_SIE);
    rt_wait_traps(1, 20000);
    csr_clear(mstatus, MSTATUS_MIE | MSTATUS_SIE);
    rt_trap.armed = 0;
    CHECK_EQ(rt_trap.count, 0);
    /* ... and are taken once S enables them */
    rt_trap_expect(1);
    rt_run_in_mode(PRV_S, enable_sie_and_wait, 0);
    CHECK(rt_trapped(CAUSE_INTR | IRQ_S_SOFT, 0));
    CHECK_EQ(rt_trap.mode, PRV_S);

    /* STIP set by M, delegated: taken in S (the handler masks sie.STIE) */
    rt_trap_expect(1);
    csr_write(sie, MIP_STIP);
    csr_set(mip, MIP_STIP);
    CHECK(csr_read(sip) & MIP_STIP);
    rt_run_in_mode(PRV_U, wait_trap, 0);
    CHECK(rt_trapped(CAUSE_INTR | IRQ_S_TIMER, 0));
    CHECK_EQ(rt_trap.mode, PRV_S);
    csr_clear(mip, MIP_STIP);
    CHECK_EQ(csr_read(sip) & MIP_STIP, 0);

    /*
     * not delegated: sie/sip do not show SSIP (S cannot raise it), and a
     * pending SSIP is taken in M while in S, whatever sstatus.SIE says
     */
    csr_write(mideleg, 0);
    CHECK_EQ(csr_read(sie), 0);
    rt_trap_expect(1);
    rt_run_in_mode(PRV_S, raise_ssip, 0);
    rt_trap.armed = 0;
    CHECK_EQ(rt_trap.count, 0);
    CHECK_EQ(csr_read(mip) & MIP_SSIP, 0);
    rt_trap_expect(1);
    csr_write(mie, MIP_SSIP);
    csr_set(mip, MIP_SSIP);
    rt_run_in_mode(PRV_S, wait_trap, 0);
    CHECK(rt_trapped(CAUSE_INTR | IRQ_S_SOFT, 0));
    CHECK_EQ(rt_trap.mode, PRV_M);
    CHECK_EQ(rt_trap.from, PRV_S);
    csr_write(mie, 0);
}

static void test_vectored(void)
{
    uint64_t old = csr_read(stvec);

    csr_write(stvec, (uintptr_t)svec_table | 1);
    CHECK_EQ(csr_read(stvec), (uintptr_t)svec_table | 1);

    /* a delegated interrupt goes to base + 4 * cause */
    csr_write(mideleg, MIP_SSIP | MIP_STIP);
    rt_trap_expect(1);
    csr_write(sie, MIP_STIP);
    csr_set(mip, MIP_STIP);
    rt_run_in_mode(PRV_U, wait_trap, 0);
    CHECK(rt_trapped(CAUSE_INTR | IRQ_S_TIMER, IRQ_S_TIMER));
    CHECK_EQ(rt_trap.mode, PRV_S);
    csr_clear(mip, MIP_STIP);

    /* a delegated exception goes to the base */
    csr_write(medeleg, BIT(CAUSE_BREAKPOINT));
    rt_trap_expect(1);
    rt_run_in_mode(PRV_U, do_ebreak, 0);
    CHECK(rt_trapped(CAUSE_BREAKPOINT, 0));
    CHECK_EQ(rt_trap.mode, PRV_S);

    csr_write(medeleg, 0);
    csr_write(mideleg, 0);
    csr_write(sie, 0);
    csr_write(stvec, old);
}

int main(void)
{
    rt_enable_s_traps();
    test_exceptions();
    test_interrupts();
    test_vectored();
    return 0;
}

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * CSR access rules (privileged spec 1.12, section 2.1 and chapter 3):
 * unknown CSRs and writes to read-only CSRs raise illegal instruction with
 * the instruction in mtval; M-only CSRs trap from S and U, S CSRs trap
 * from U; counter access from S/U follows mcounteren/scounteren; sstatus,
 * sie and sip are views of the M registers; a few WARL fields.
 */
#include "runtime.h"

#define CSR_UNALLOCATED_M 0x3ff
#define CSR_UNALLOCATED_S 0x1ff
#define CSR_MVENDORID 0xf11
#define CSR_MHARTID   0xf14
#define CSR_CYCLE     0xc00
#define CSR_MSTATUS   0x300
#define CSR_MEDELEG   0x302
#define CSR_SSTATUS   0x100
#define CSR_SSCRATCH  0x140
#define CSR_TIME      0xc01
#define CSR_INSTRET   0xc02
#define CSR_HPMCOUNTER3 0xc03

static uint64_t read_mstatus(uint64_t arg)
{
    return csr_read_a0(mstatus);
}

static uint64_t read_medeleg(uint64_t arg)
{
    return csr_read_a0(medeleg);
}

static uint64_t read_sstatus(uint64_t arg)
{
    return csr_read_a0(sstatus);
}

static uint64_t read_sscratch(uint64_t arg)
{
    return csr_read_a0(sscratch);
}

static uint64_t write_sscratch(uint64_t arg)
{
    csr_write_a1(sscratch, arg);
    return 0;
}

static uint64_t read_cycle(uint64_t arg)
{
    return csr_read_a0(cycle);
}

static uint64_t read_time(uint64_t arg)
{
    return csr_read_a0(time);
}

static uint64_t read_instret(uint64_t arg)
{
    return csr_read_a0(instret);
}

static uint64_t read_hpmcounter3(uint64_t arg)
{
    return csr_read_a0(hpmcounter3);
}

/* Runs @fn in @mode; true if it ran without a trap. */
static bool runs_in(int mode, uint64_t (*fn)(uint64_t))
{
    rt_trap_expect(1);
    rt_run_in_mode(mode, fn, 0);
    rt_trap.armed = 0;
    return rt_trap.count == 0;
}

/* Runs @fn in @mode; true if it took exactly one illegal-instruction trap
   into M with mtval = @insn. */
static bool illegal_in(int mode, uint64_t (*fn)(uint64_t), uint64_t insn)
{
    rt_trap_expect(1);
    rt_run_in_mode(mode, fn, 0);
    return rt_trapped(CAUSE_ILLEGAL_INSN, insn) && rt_trap.mode == PRV_M &&
           rt_trap.from == mode;
}

static void test_identity(void)
{
    uint64_t misa = csr_read(misa);

    CHECK_EQ(misa >> 62, 2);
    CHECK(misa & (1 << ('I' - 'A')));
    CHECK(misa & (1 << ('M' - 'A')));
    CHECK(misa & (1 << ('A' - 'A')));
    CHECK(misa & (1 << ('C' - 'A')));
    CHECK(misa & (1 << ('S' - 'A')));
    CHECK(misa & (1 << ('U' - 'A')));
    CHECK_EQ(csr_read(mhartid), 0);
    rt_trap_expect(1);
    (void)csr_read(mvendorid);
    (void)csr_read(marchid);
    (void)csr_read(mimpid);
    rt_trap.armed = 0;
    CHECK_EQ(rt_trap.count, 0);
}

static void test_unknown_csr(void)
{
    rt_trap_expect(1);
    (void)csr_read_a0(0x3ff);
    CHECK(rt_trapped(CAUSE_ILLEGAL_INSN, INSN_CSRR_A0(CSR_UNALLOCATED_M)));
    CHECK_EQ(csr_read(mcause), CAUSE_ILLEGAL_INSN);

    rt_trap_expect(1);
    (void)csr_read_a0(0x1ff);
    CHECK(rt_trapped(CAUSE_ILLEGAL_INSN, INSN_CSRR_A0(CSR_UNALLOCATED_S)));
}

static void test_read_only(void)
{
    uint64_t v;

    rt_trap_expect(1);
    csr_write_a1(mvendorid, 0x1234);
    CHECK(rt_trapped(CAUSE_ILLEGAL_INSN, INSN_CSRW_A1(CSR_MVENDORID)));
    rt_trap_expect(1);
    csr_write_a1(mhartid, 5);
    CHECK(rt_trapped(CAUSE_ILLEGAL_INSN, INSN_CSRW_A1(CSR_MHARTID)));
    CHECK_EQ(csr_read(mhartid), 0);
    rt_trap_expect(1);
    csr_write_a1(cycle, 0);
    CHECK(rt_trapped(CAUSE_ILLEGAL_INSN, INSN_CSRW_A1(CSR_CYCLE)));

    /* csrrs/csrrc with rs1 = x0 and csrrsi with uimm = 0 only read. */
    rt_trap_expect(1);
    __asm__ volatile("csrrs %0, mhartid, x0" : "=r"(v));
    __asm__ volatile("csrrc %0, mvendorid, x0" : "=r"(v));
    __asm__ volatile("csrrsi %0, mhartid, 0" : "=r"(v));
    __asm__ volatile("csrrci %0, cycle, 0" : "=r"(v));
    rt_trap.armed = 0;
    CHECK_EQ(rt_trap.count, 0);
}

static void test_privilege(void)
{
    uint64_t v;

    /* M-mode CSRs from S and U */
    CHECK(illegal_in(PRV_S, read_mstatus, INSN_CSRR_A0(CSR_MSTATUS)));
    CHECK(illegal_in(PRV_S, read_medeleg, INSN_CSRR_A0(CSR_MEDELEG)));
    CHECK(illegal_in(PRV_U, read_mstatus, INSN_CSRR_A0(CSR_MSTATUS)));
    /* S-mode CSRs from U, but fine from S */
    CHECK(illegal_in(PRV_U, read_sstatus, INSN_CSRR_A0(CSR_SSTATUS)));
    CHECK(illegal_in(PRV_U, read_sscratch, INSN_CSRR_A0(CSR_SSCRATCH)));
    CHECK(illegal_in(PRV_U, write_sscratch, INSN_CSRW_A1(CSR_SSCRATCH)));
    CHECK(runs_in(PRV_S, read_sstatus));
    csr_write(sscratch, 0x5a5a);
    rt_trap_expect(1);
    v = rt_run_in_mode(PRV_S, read_sscratch, 0);
    rt_trap.armed = 0;
    CHECK_EQ(rt_trap.count, 0);
    CHECK_EQ(v, 0x5a5a);
    rt_trap_expect(1);
    rt_run_in_mode(PRV_S, write_sscratch, 0xa5a5);
    rt_trap.armed = 0;
    CHECK_EQ(rt_trap.count, 0);
    CHECK_EQ(csr_read(sscratch), 0xa5a5);
}

static void test_counter_enable(void)
{
    uint64_t t0, t;
    bool has_time;

    csr_write(mcounteren, 0);
    csr_write(scounteren, 0);
    CHECK(runs_in(PRV_M, read_cycle));
    CHECK(runs_in(PRV_M, read_instret));
    /*
     * The time CSR exists only where the board provides it: QEMU's virt
     * does, QEMU's spike does not (its reads are illegal instructions even
     * in M-mode, which the spec allows: M-mode software emulates it).
     */
    has_time = runs_in(PRV_M, read_time);
#ifdef RT_MACHINE_VIRT
    CHECK(has_time);
#endif
    if (!has_time) {
        CHECK(illegal_in(PRV_M, read_time, INSN_CSRR_A0(CSR_TIME)));
        rt_puts("csr: no time CSR on this board; its enable bits not tested\n");
    }
    CHECK(illegal_in(PRV_S, read_cycle, INSN_CSRR_A0(CSR_CYCLE)));
    CHECK(illegal_in(PRV_S, read_instret, INSN_CSRR_A0(CSR_INSTRET)));
    CHECK(illegal_in(PRV_S, read_hpmcounter3,
                     INSN_CSRR_A0(CSR_HPMCOUNTER3)));
    CHECK(illegal_in(PRV_U, read_cycle, INSN_CSRR_A0(CSR_CYCLE)));

    /* mcounteren opens them to S, not yet to U */
    csr_write(mcounteren, 7);
    CHECK(runs_in(PRV_S, read_cycle));
    CHECK(runs_in(PRV_S, read_instret));
    CHECK(illegal_in(PRV_S, read_hpmcounter3,
                     INSN_CSRR_A0(CSR_HPMCOUNTER3)));
    CHECK(illegal_in(PRV_U, read_cycle, INSN_CSRR_A0(CSR_CYCLE)));
    CHECK(illegal_in(PRV_U, read_instret, INSN_CSRR_A0(CSR_INSTRET)));

    /* scounteren too: U may read them; time follows mtime */
    csr_write(scounteren, 7);
    CHECK(runs_in(PRV_U, read_cycle));
    CHECK(runs_in(PRV_U, read_instret));
    csr_write(mcounteren, 3);
    csr_write(scounteren, 5);
    CHECK(illegal_in(PRV_U, read_instret, INSN_CSRR_A0(CSR_INSTRET)));
    CHECK(runs_in(PRV_U, read_cycle));

    if (has_time) {
        csr_write(mcounteren, 0);
        csr_write(scounteren, 0);
        CHECK(illegal_in(PRV_S, read_time, INSN_CSRR_A0(CSR_TIME)));
        csr_write(mcounteren, 2);
        CHECK(runs_in(PRV_S, read_time));
        CHECK(illegal_in(PRV_U, read_time, INSN_CSRR_A0(CSR_TIME)));
        csr_write(scounteren, 2);
        t0 = rt_mtime();
        rt_trap_expect(1);
        t = rt_run_in_mode(PRV_U, read_time, 0);
        rt_trap.armed = 0;
        CHECK_EQ(rt_trap.count, 0);
        CHECK(t >= t0 && t <= rt_mtime());
        /* scounteren alone does not open what mcounteren closes */
        csr_write(mcounteren, 5);
        CHECK(illegal_in(PRV_U, read_time, INSN_CSRR_A0(CSR_TIME)));
        CHECK(illegal_in(PRV_S, read_time, INSN_CSRR_A0(CSR_TIME)));
    }
    csr_write(mcounteren, 0);
    csr_write(scounteren, 0);
}

static void test_views(void)
{
    uint64_t sstatus_mask = MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP |
                            MSTATUS_SUM | MSTATUS_MXR;

    /* sstatus is a restricted view of mstatus */
    csr_clear(mstatus, MSTATUS_SUM | MSTATUS_MXR);
    csr_set(sstatus, MSTATUS_SUM);
    CHECK(csr_read(mstatus) & MSTATUS_SUM);
    csr_set(mstatus, MSTATUS_MXR);
    CHECK(csr_read(sstatus) & MSTATUS_MXR);
    csr_clear(sstatus, MSTATUS_SUM | MSTATUS_MXR);
    CHECK_EQ(csr_read(mstatus) & (MSTATUS_SUM | MSTATUS_MXR), 0);
    csr_set(sstatus, MSTATUS_MPP | MSTATUS_MIE);
    CHECK_EQ(csr_read(mstatus) & MSTATUS_MIE, 0);
    CHECK_EQ(csr_read(sstatus) & (MSTATUS_MPP | MSTATUS_MIE | MSTATUS_MPIE |
                                  MSTATUS_TVM | MSTATUS_TW | MSTATUS_TSR), 0);
    CHECK_EQ(csr_read(sstatus) & sstatus_mask,
             csr_read(mstatus) & sstatus_mask);
    /* SXL/UXL: 64-bit */
    CHECK_EQ((csr_read(mstatus) >> 32) & 3, 2);
    CHECK_EQ((csr_read(mstatus) >> 34) & 3, 2);

    /* sie and sip show the delegated bits of mie and mip */
    csr_write(mie, 0);
    csr_write(mideleg, 1 << IRQ_S_SOFT);
    csr_set(sie, 1 << IRQ_S_SOFT);
    CHECK_EQ(csr_read(mie), 1 << IRQ_S_SOFT);
    csr_set(mip, 1 << IRQ_S_SOFT);
    CHECK(csr_read(sip) & (1 << IRQ_S_SOFT));
    csr_clear(sip, 1 << IRQ_S_SOFT);
    CHECK_EQ(csr_read(mip) & (1 << IRQ_S_SOFT), 0);
    csr_write(mie, 0);
    csr_write(mideleg, 0);
    /* M-level bits never show in sie */
    csr_write(mie, 1 << IRQ_M_TIMER);
    CHECK_EQ(csr_read(sie), 0);
    csr_write(mie, 0);
}

static void test_warl(void)
{
    uint64_t old = csr_read(mtvec);

    /* mtvec modes >= 2 are reserved: the mode must read back legal */
    csr_write(mtvec, (uintptr_t)rt_trap_entry_m | 2);
    CHECK((csr_read(mtvec) & 3) < 2);
    csr_write(mtvec, old);
    CHECK_EQ(csr_read(mtvec), old);

    /*
     * mepc[0] is always zero (IALIGN = 16 with C); QEMU 7.2 keeps the bit
     * as written and ignores it on mret, so either reading is accepted.
     */
    csr_write(mepc, 0x80001235);
    CHECK_EQ(csr_read(mepc) & ~1ULL, 0x80001234);
    csr_write(sepc, 0x80001237);
    CHECK_EQ(csr_read(sepc) & ~1ULL, 0x80001236);

    /* satp with an unsupported mode: the write has no effect */
    csr_write(satp, 0);
    csr_write(satp, (5ULL << 60) | 0x1234);
    CHECK_EQ(csr_read(satp), 0);

    /* mscratch and sscratch are plain read/write */
    csr_write(sscratch, 0xfedcba9876543210);
    CHECK_EQ(csr_read(sscratch), 0xfedcba9876543210);
    CHECK_EQ(csr_swap(sscratch, 1), 0xfedcba9876543210);
    CHECK_EQ(csr_read(sscratch), 1);

    /* mcause/scause/mtval hold what is written (WLRL/WARL: legal values) */
    csr_write(stval, 0x1234);
    CHECK_EQ(csr_read(stval), 0x1234);
    csr_write(scause, CAUSE_LOAD_PAGE_FAULT);
    CHECK_EQ(csr_read(scause), CAUSE_LOAD_PAGE_FAULT);
}

int main(void)
{
    test_identity();
    test_unknown_csr();
    test_read_only();
    test_privilege();
    test_counter_enable();
    test_views();
    test_warl();
    return 0;
}

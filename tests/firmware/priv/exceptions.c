/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Every synchronous exception the tests can provoke, with mcause, mepc and
 * mtval: illegal instructions (32-bit, compressed, reserved encodings),
 * ebreak and c.ebreak, ecall from U, S and M, access faults on fetch,
 * load and store to an address with nothing behind it, and the
 * privilege rules of mret, sret, wfi (TW), sret (TSR) and satp/sfence.vma
 * (TVM).  Instruction-address-misaligned cannot happen with C enabled
 * (jalr clears bit 0 and branch offsets are even), so it is not tested.
 */
#include "runtime.h"

/* Nothing is mapped here on QEMU's spike and virt boards. */
#define UNMAPPED 0x0ULL

static void test_illegal(void)
{
    uint64_t at;

    /* custom-0 opcode, unimplemented */
    rt_trap_expect(1);
    __asm__ volatile("1: .word 0x0000000b\n la %0, 1b" : "=r"(at));
    CHECK(rt_trapped(CAUSE_ILLEGAL_INSN, 0x0000000b));
    CHECK_EQ(rt_trap.epc, at);
    CHECK_EQ(csr_read(mepc), at + 4);

    /* the all-zero 16-bit encoding is defined illegal */
    rt_trap_expect(1);
    __asm__ volatile("1: .half 0\n la %0, 1b" : "=r"(at));
    CHECK(rt_trapped(CAUSE_ILLEGAL_INSN, 0));
    CHECK_EQ(rt_trap.epc, at);

    /* c.lui with a zero immediate is reserved */
    rt_trap_expect(1);
    __asm__ volatile("1: .half 0x6501\n la %0, 1b" : "=r"(at));
    CHECK(rt_trapped(CAUSE_ILLEGAL_INSN, 0x6501));
    CHECK_EQ(rt_trap.epc, at);

    /* unimp = csrrw x0, cycle, x0: a write to a read-only CSR */
    rt_trap_expect(1);
    __asm__ volatile("1: .word 0xc0001073\n la %0, 1b" : "=r"(at));
    CHECK(rt_trapped(CAUSE_ILLEGAL_INSN, 0xc0001073));

    /* OP-32 with funct7 that RV64M does not define */
    rt_trap_expect(1);
    __asm__ volatile("1: .word 0x7e00053b\n la %0, 1b" : "=r"(at));
    CHECK(rt_trapped(CAUSE_ILLEGAL_INSN, 0x7e00053b));
}

/*
 * Encodings that must raise illegal instruction with the encoding in
 * mtval, on QEMU 7.2's rv64 and on qomu alike: reserved funct3/funct7
 * values, retired or debug-only SYSTEM instructions, reserved compressed
 * forms, and floating point while mstatus.FS is Off.
 */
static const struct {
    uint32_t insn;
    const char *what;
} illegal_insns[] = {
    { 0x0000002b, "custom-1 opcode" },
    { 0x0000005b, "custom-2 opcode" },
    { 0x0000007b, "custom-3 opcode" },
    { 0x00007003, "LOAD funct3 7" },
    { 0x00004023, "STORE funct3 4" },
    { 0x00002063, "BRANCH funct3 2" },
    { 0x00003063, "BRANCH funct3 3" },
    { 0x00001067, "JALR funct3 1" },
    { 0x0200101b, "slliw with shamt[5] set" },
    { 0x0200501b, "srliw with shamt[5] set" },
    { 0x80005013, "OP-IMM shift funct6 0x20" },
    { 0x00004073, "SYSTEM funct3 4" },
    { 0x00200073, "uret (N extension, retired)" },
    { 0x7b200073, "dret outside debug mode" },
    { 0x0000102f, "AMO funct3 1" },
    { 0x02007053, "fadd.d with FS off" },
    { 0x00012007, "flw with FS off" },
    { 0x00302573, "csrr fcsr with FS off" },
    { 0x0004, "c.addi4spn with zero immediate" },
    { 0x6101, "c.addi16sp with zero immediate" },
    { 0x8002, "c.jr x0" },
    { 0x4002, "c.lwsp x0" },
    { 0x6002, "c.ldsp x0" },
    { 0x2002, "c.fldsp with FS off" },
};

static uint16_t illegal_buf[8] __attribute__((aligned(8)));

static void test_illegal_table(void)
{
    unsigned i;

    csr_clear(mstatus, 3ULL << 13);     /* FS = Off */
    for (i = 0; i < sizeof(illegal_insns) / sizeof(illegal_insns[0]); i++) {
        uint32_t insn = illegal_insns[i].insn;
        int n = 0;

        illegal_buf[n++] = insn & 0xffff;
        if ((insn & 3) == 3) {
            illegal_buf[n++] = insn >> 16;
        }
        illegal_buf[n] = 0x8082;        /* c.jr ra */
        __asm__ volatile("fence.i" ::: "memory");
        rt_trap_expect(1);
        ((void (*)(void))(uintptr_t)illegal_buf)();
        if (!rt_trapped(CAUSE_ILLEGAL_INSN, insn)) {
            rt_puts("  not illegal: ");
            rt_puts(illegal_insns[i].what);
            rt_puts("\n");
            CHECK(false);
        }
        CHECK_EQ(rt_trap.epc, (uintptr_t)illegal_buf);
    }
}

static void test_breakpoint(void)
{
    uint64_t at;

    /* mtval is either 0 or the address of the breakpoint */
    rt_trap_expect(1);
    __asm__ volatile(".option push\n .option norvc\n"
                     "1: ebreak\n .option pop\n la %0, 1b" : "=r"(at));
    CHECK(rt_trapped(CAUSE_BREAKPOINT, NO_TVAL));
    CHECK_EQ(rt_trap.epc, at);
    CHECK(rt_trap.tval == 0 || rt_trap.tval == at);
    CHECK_EQ(csr_read(mepc), at + 4);

    rt_trap_expect(1);
    __asm__ volatile("1: c.ebreak\n la %0, 1b" : "=r"(at));
    CHECK(rt_trapped(CAUSE_BREAKPOINT, NO_TVAL));
    CHECK_EQ(rt_trap.epc, at);
    CHECK(rt_trap.tval == 0 || rt_trap.tval == at);
    CHECK_EQ(csr_read(mepc), at + 2);
}

static uint64_t do_ecall(uint64_t arg)
{
    register uint64_t a7 __asm__("a7") = 0;
    uint64_t at;

    __asm__ volatile("1: ecall\n la %0, 1b" : "=r"(at) : "r"(a7) : "memory");
    return at;
}

static void test_ecall(void)
{
    uint64_t at;

    rt_trap_expect(1);
    at = do_ecall(0);
    CHECK(rt_trapped(CAUSE_MACHINE_ECALL, 0));
    CHECK_EQ(rt_trap.epc, at);
    CHECK_EQ(rt_trap.from, PRV_M);

    rt_trap_expect(1);
    at = rt_run_in_mode(PRV_S, do_ecall, 0);
    CHECK(rt_trapped(CAUSE_SUPERVISOR_ECALL, 0));
    CHECK_EQ(rt_trap.epc, at);
    CHECK_EQ(rt_trap.from, PRV_S);

    rt_trap_expect(1);
    at = rt_run_in_mode(PRV_U, do_ecall, 0);
    CHECK(rt_trapped(CAUSE_USER_ECALL, 0));
    CHECK_EQ(rt_trap.epc, at);
    CHECK_EQ(rt_trap.from, PRV_U);
}

static uint64_t load_unmapped(uint64_t addr)
{
    uint64_t v;

    __asm__ volatile("lw %0, 0(%1)" : "=r"(v) : "r"(addr) : "memory");
    return v;
}

static uint64_t store_unmapped(uint64_t addr)
{
    __asm__ volatile("sd %0, 0(%1)" :: "r"(1), "r"(addr) : "memory");
    return 0;
}

static void test_access_fault(void)
{
    uint64_t (*fn)(uint64_t) = (uint64_t (*)(uint64_t))UNMAPPED;

    rt_trap_expect(1);
    load_unmapped(UNMAPPED + 8);
    CHECK(rt_trapped(CAUSE_LOAD_ACCESS, UNMAPPED + 8));

    rt_trap_expect(1);
    store_unmapped(UNMAPPED + 16);
    CHECK(rt_trapped(CAUSE_STORE_ACCESS, UNMAPPED + 16));

    /* a call to nothing: the fault is taken at the target */
    rt_trap_expect(1);
    fn(0);
    CHECK(rt_trapped(CAUSE_FETCH_ACCESS, UNMAPPED));
    CHECK_EQ(rt_trap.epc, UNMAPPED);

    /* the same from U-mode (PMP entry 15 allows everything) */
    rt_trap_expect(1);
    rt_run_in_mode(PRV_U, load_unmapped, UNMAPPED + 4);
    CHECK(rt_trapped(CAUSE_LOAD_ACCESS, UNMAPPED + 4));
    CHECK_EQ(rt_trap.from, PRV_U);
}

static uint64_t do_mret(uint64_t arg)
{
    __asm__ volatile("mret");
    return 0;
}

static uint64_t do_sret(uint64_t arg)
{
    __asm__ volatile("sret");
    return 0;
}

static uint64_t do_wfi(uint64_t arg)
{
    __asm__ volatile("wfi");
    return 0;
}

static uint64_t do_satp(uint64_t arg)
{
    return csr_read(satp);
}

static uint64_t do_sfence(uint64_t arg)
{
    __asm__ volatile("sfence.vma" ::: "memory");
    return 0;
}

static bool illegal_in(int mode, uint64_t (*fn)(uint64_t))
{
    rt_trap_expect(1);
    rt_run_in_mode(mode, fn, 0);
    return rt_trapped(CAUSE_ILLEGAL_INSN, NO_TVAL) && rt_trap.from == mode;
}

static bool runs_in(int mode, uint64_t (*fn)(uint64_t))
{
    rt_trap_expect(1);
    rt_run_in_mode(mode, fn, 0);
    rt_trap.armed = 0;
    return rt_trap.count == 0;
}

static void test_privileged_insns(void)
{
    CHECK(illegal_in(PRV_S, do_mret));
    CHECK(illegal_in(PRV_U, do_mret));
    CHECK(illegal_in(PRV_U, do_sret));
    CHECK_EQ(rt_trap.tval, 0x10200073);
    CHECK(illegal_in(PRV_U, do_satp));
    CHECK(illegal_in(PRV_U, do_sfence));

    /*
     * wfi from S is legal with TW clear (an SSI pending and enabled in
     * sie, but masked by sstatus.SIE, makes sure it returns)
     */
    csr_write(mideleg, 1 << IRQ_S_SOFT);
    csr_write(mie, 1 << IRQ_S_SOFT);
    csr_set(mip, 1 << IRQ_S_SOFT);
    csr_clear(mstatus, MSTATUS_SIE);
    CHECK(runs_in(PRV_S, do_wfi));
    csr_clear(mip, 1 << IRQ_S_SOFT);
    csr_write(mideleg, 0);

    /* TW: wfi from S traps (QEMU and qomu trap at once) */
    csr_write(mie, 0);
    csr_set(mstatus, MSTATUS_TW);
    CHECK(illegal_in(PRV_S, do_wfi));
    csr_clear(mstatus, MSTATUS_TW);

    /* TVM: satp and sfence.vma from S trap */
    CHECK(runs_in(PRV_S, do_satp));
    CHECK(runs_in(PRV_S, do_sfence));
    csr_set(mstatus, MSTATUS_TVM);
    CHECK(illegal_in(PRV_S, do_satp));
    CHECK(illegal_in(PRV_S, do_sfence));
    csr_clear(mstatus, MSTATUS_TVM);

    /* TSR: sret from S traps */
    csr_set(mstatus, MSTATUS_TSR);
    CHECK(illegal_in(PRV_S, do_sret));
    csr_clear(mstatus, MSTATUS_TSR);
}

int main(void)
{
    test_illegal();
    test_illegal_table();
    test_breakpoint();
    test_ecall();
    test_access_fault();
    test_privileged_insns();
    return 0;
}

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-riscv.c: the RISC-V interpreter on a plain RAM bus: small programs
 * (encoded with riscv-asm.h) for each instruction class, traps,
 * delegation, CSR rules, interrupts, Sv39, PMP, atomics, self-modifying
 * code and TLB invalidation on a memory-map change.
 */
#include "qomu/osdep.h"
#include "target/riscv/internal.h"
#include "riscv-asm.h"

#define RAM_BASE  0x80000000ULL
#define RAM_SIZE  (2 * 1024 * 1024)
#define MMIO_BASE 0x10000000ULL
#define ALIAS_BASE 0x90000000ULL    /* one page, mapped onto RAM page A or B */
#define TRAP      (RAM_BASE + 0x1000)
#define DATA      (RAM_BASE + 0x8000)

typedef struct TestBus {
    uint8_t *ram;
    uint64_t mmio_last;
    int mmio_writes;
    uint64_t generation;
    hwaddr alias_target;
} TestBus;

static TestBus tb;

static void *tb_ram_ptr(void *opaque, hwaddr addr, bool is_write,
                        hwaddr *plen)
{
    TestBus *b = opaque;

    if (addr >= ALIAS_BASE && addr < ALIAS_BASE + 0x1000) {
        *plen = ALIAS_BASE + 0x1000 - addr;
        return b->ram + (b->alias_target - RAM_BASE) + (addr - ALIAS_BASE);
    }
    if (addr >= RAM_BASE && addr < RAM_BASE + RAM_SIZE) {
        *plen = RAM_BASE + RAM_SIZE - addr;
        return b->ram + (addr - RAM_BASE);
    }
    return NULL;
}

static bool tb_access(void *opaque, hwaddr addr, void *buf, unsigned len,
                      bool write)
{
    TestBus *b = opaque;
    hwaddr plen;
    uint8_t *p = tb_ram_ptr(opaque, addr, write, &plen);

    if (p && plen >= len) {
        if (write) {
            memcpy(p, buf, len);
            /* What the memory API's RAM write hook does. */
            riscv_invalidate_code(addr, len);
        } else {
            memcpy(buf, p, len);
        }
        return true;
    }
    if (addr >= MMIO_BASE && addr + len <= MMIO_BASE + 0x1000) {
        if (write) {
            b->mmio_last = 0;
            memcpy(&b->mmio_last, buf, len);
            b->mmio_writes++;
        } else {
            uint64_t v = 0x1122334455667788ULL;
            memcpy(buf, &v, len);
        }
        return true;
    }
    return false;
}

static bool tb_read(void *opaque, hwaddr addr, void *buf, unsigned len)
{
    return tb_access(opaque, addr, buf, len, false);
}

static bool tb_write(void *opaque, hwaddr addr, const void *buf, unsigned len)
{
    return tb_access(opaque, addr, (void *)buf, len, true);
}

static uint64_t tb_generation(void *opaque)
{
    return ((TestBus *)opaque)->generation;
}

static const RISCVBus test_bus = {
    .get_ram_ptr = tb_ram_ptr,
    .read = tb_read,
    .write = tb_write,
    .generation = tb_generation,
};

#define ALL_EXT (RVI | RVM | RVA | RVC | RVS | RVU)

static CPURISCVState *cpu_new(uint32_t ext, uint64_t hartid)
{
    CPURISCVState *env = g_new0(CPURISCVState, 1);

    riscv_cpu_env_init(env, ext, hartid);
    riscv_cpu_env_set_bus(env, &test_bus, &tb);
    riscv_cpu_env_reset(env, RAM_BASE);
    env->mtvec = TRAP;
    return env;
}

static void cpu_free(CPURISCVState *env)
{
    riscv_cpu_env_destroy(env);
    g_free(env);
}

static void bus_setup(void)
{
    memset(&tb, 0, sizeof(tb));
    tb.ram = g_malloc0(RAM_SIZE);
    tb.alias_target = RAM_BASE + 0x10000;
}

static void bus_teardown(void)
{
    g_free(tb.ram);
    tb.ram = NULL;
}

static void put32(hwaddr addr, uint32_t v)
{
    memcpy(tb.ram + (addr - RAM_BASE), &v, 4);
    riscv_invalidate_code(addr, 4);
}

static void put64(hwaddr addr, uint64_t v)
{
    memcpy(tb.ram + (addr - RAM_BASE), &v, 8);
}

static uint64_t get64(hwaddr addr)
{
    uint64_t v;

    memcpy(&v, tb.ram + (addr - RAM_BASE), 8);
    return v;
}

static void load_words(hwaddr addr, const uint32_t *w, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        put32(addr + 4 * i, w[i]);
    }
}

/* The trap handler is a wfi: with mie = 0 the hart halts there. */
static void load_trap_handler(void)
{
    put32(TRAP, WFI);
    put32(TRAP + 4, JAL(ZERO, -4));
}

/* Load @w at RAM_BASE, run until the hart halts in the trap handler. */
static CPURISCVState *run_words(const uint32_t *w, size_t n, uint32_t ext)
{
    CPURISCVState *env;
    int r;

    if (!tb.ram) {
        bus_setup();
    }
    load_trap_handler();
    load_words(RAM_BASE, w, n);
    env = cpu_new(ext, 0);
    r = riscv_cpu_env_exec(env, 100000);
    g_assert_cmpint(r, ==, RISCV_EXEC_HALTED);
    g_assert_cmphex(env->pc, ==, TRAP + 4);
    return env;
}

#define RUN(...) ({ \
    static const uint32_t prog_[] = { __VA_ARGS__ }; \
    run_words(prog_, ARRAY_SIZE(prog_), ALL_EXT); })

static void finish(CPURISCVState *env)
{
    cpu_free(env);
    bus_teardown();
}

/* Load a 64-bit constant with lui/addi/slli steps (like `li`). */
static size_t emit_li(uint32_t *w, int rd, uint64_t v)
{
    size_t n = 0;

    /* 8 bits at a time after the top: simple and always right. */
    w[n++] = ADDI(rd, ZERO, 0);
    for (int sh = 56; sh >= 0; sh -= 8) {
        w[n++] = SLLI(rd, rd, 8);
        w[n++] = ORI(rd, rd, (v >> sh) & 0xff);
    }
    return n;
}

/* ---- Integer ------------------------------------------------------- */

static void test_alu(void)
{
    CPURISCVState *env = RUN(
        ADDI(A0, ZERO, -1),             /* a0 = -1 */
        SRLI(A1, A0, 1),                /* a1 = INT64_MAX */
        ADDI(A2, A1, 1),                /* a2 = INT64_MIN (wraps) */
        SLT(A3, A2, A1),                /* 1 */
        SLTU(A4, A0, A1),               /* 0: all-ones is the largest */
        SRAI(A5, A2, 63),               /* -1 */
        ADDIW(A6, A1, 0),               /* sext(0xffffffff) = -1 */
        LUI(A7, 0x80000),               /* sext: 0xffffffff80000000 */
        SLLIW(S2, A0, 31),              /* 0xffffffff80000000 */
        SRLIW(S3, A0, 31),              /* 1 */
        SRAIW(S4, S2, 4),               /* 0xfffffffff8000000 */
        SUBW(S5, ZERO, A7),             /* -(INT32_MIN) = INT32_MIN */
        AUIPC(S6, 1),                   /* pc + 0x1000 */
        ADDI(ZERO, ZERO, 5),            /* x0 stays 0 */
        XORI(S7, A0, 0x555),            /* ~0x555 */
        ANDI(S8, A0, -2),
        ORI(S9, ZERO, 0x7ff),
        SLTIU(S10, ZERO, -1),           /* 0 < all-ones: 1 */
        ADDI(T0, ZERO, 65),
        SLL(S11, A0, T0),               /* shift amount mod 64: -1 << 1 */
        SRAW(T3, A7, T0),               /* mod 32: >> 1 */
        SRLW(T4, A7, T0),
        SLLW(T5, A0, T0),
        ECALL);

    g_assert_cmpuint(env->mcause, ==, RISCV_EXCP_M_ECALL);
    g_assert_cmphex(env->gpr[A1], ==, INT64_MAX);
    g_assert_cmphex(env->gpr[A2], ==, (uint64_t)INT64_MIN);
    g_assert_cmpuint(env->gpr[A3], ==, 1);
    g_assert_cmpuint(env->gpr[A4], ==, 0);
    g_assert_cmphex(env->gpr[A5], ==, UINT64_MAX);
    g_assert_cmphex(env->gpr[A6], ==, UINT64_MAX);
    g_assert_cmphex(env->gpr[A7], ==, 0xffffffff80000000ULL);
    g_assert_cmphex(env->gpr[S2], ==, 0xffffffff80000000ULL);
    g_assert_cmphex(env->gpr[S3], ==, 1);
    g_assert_cmphex(env->gpr[S4], ==, 0xfffffffff8000000ULL);
    g_assert_cmphex(env->gpr[S5], ==, 0xffffffff80000000ULL);
    g_assert_cmphex(env->gpr[S6], ==, RAM_BASE + 12 * 4 + 0x1000);
    g_assert_cmphex(env->gpr[ZERO], ==, 0);
    g_assert_cmphex(env->gpr[S7], ==, ~0x555ULL);
    g_assert_cmphex(env->gpr[S8], ==, ~1ULL);
    g_assert_cmphex(env->gpr[S9], ==, 0x7ff);
    g_assert_cmphex(env->gpr[S10], ==, 1);
    g_assert_cmphex(env->gpr[S11], ==, ~1ULL);
    g_assert_cmphex(env->gpr[T3], ==, 0xffffffffc0000000ULL);
    g_assert_cmphex(env->gpr[T4], ==, 0x40000000ULL);
    g_assert_cmphex(env->gpr[T5], ==, 0xfffffffffffffffeULL);
    finish(env);
}

typedef struct DivCase {
    uint64_t a, b;
    uint64_t div, divu, rem, remu, divw, divuw, remw, remuw;
} DivCase;

/* M spec table 7.1, plus ordinary signs. */
static const DivCase div_cases[] = {
    { 7, 0, UINT64_MAX, UINT64_MAX, 7, 7, UINT64_MAX, UINT64_MAX, 7, 7 },
    { (uint64_t)INT64_MIN, (uint64_t)-1, (uint64_t)INT64_MIN, 0,
      0, (uint64_t)INT64_MIN, 0, 0, 0, 0 },
    { 0xffffffff80000000ULL, (uint64_t)-1, 0x80000000ULL,
      0, 0, 0xffffffff80000000ULL, 0xffffffff80000000ULL, 0, 0,
      0xffffffff80000000ULL },
    { (uint64_t)-7, 2, (uint64_t)-3, 0x7ffffffffffffffcULL,
      (uint64_t)-1, 1, (uint64_t)-3, 0x7ffffffc, (uint64_t)-1, 1 },
};

static void test_div_rem(void)
{
    for (size_t i = 0; i < ARRAY_SIZE(div_cases); i++) {
        const DivCase *c = &div_cases[i];
        uint32_t w[64];
        size_t n = 0;
        CPURISCVState *env;

        n += emit_li(w + n, A0, c->a);
        n += emit_li(w + n, A1, c->b);
        w[n++] = DIV(S2, A0, A1);
        w[n++] = DIVU(S3, A0, A1);
        w[n++] = REM(S4, A0, A1);
        w[n++] = REMU(S5, A0, A1);
        w[n++] = DIVW(S6, A0, A1);
        w[n++] = DIVUW(S7, A0, A1);
        w[n++] = REMW(S8, A0, A1);
        w[n++] = REMUW(S9, A0, A1);
        w[n++] = ECALL;
        env = run_words(w, n, ALL_EXT);
        g_assert_cmphex(env->gpr[S2], ==, c->div);
        g_assert_cmphex(env->gpr[S3], ==, c->divu);
        g_assert_cmphex(env->gpr[S4], ==, c->rem);
        g_assert_cmphex(env->gpr[S5], ==, c->remu);
        g_assert_cmphex(env->gpr[S6], ==, c->divw);
        g_assert_cmphex(env->gpr[S7], ==, c->divuw);
        g_assert_cmphex(env->gpr[S8], ==, c->remw);
        g_assert_cmphex(env->gpr[S9], ==, c->remuw);
        finish(env);
    }
}

static void test_mul(void)
{
    uint32_t w[64];
    size_t n = 0;
    CPURISCVState *env;

    n += emit_li(w + n, A0, (uint64_t)-3);
    n += emit_li(w + n, A1, 0x8000000000000001ULL);
    w[n++] = MUL(S2, A0, A1);
    w[n++] = MULH(S3, A0, A1);
    w[n++] = MULHU(S4, A0, A1);
    w[n++] = MULHSU(S5, A0, A1);
    w[n++] = MULW(S6, A0, A1);
    w[n++] = ECALL;
    env = run_words(w, n, ALL_EXT);
    /* -3 * (INT64_MIN + 1) = 3 * INT64_MAX: exact 128-bit products. */
    g_assert_cmphex(env->gpr[S2], ==, 0x7ffffffffffffffdULL);
    g_assert_cmphex(env->gpr[S3], ==, 1);
    g_assert_cmphex(env->gpr[S4], ==, 0x7fffffffffffffffULL);
    g_assert_cmphex(env->gpr[S5], ==, 0xfffffffffffffffeULL);
    g_assert_cmphex(env->gpr[S6], ==, (uint64_t)-3);
    finish(env);
}

static void test_load_store(void)
{
    CPURISCVState *env = RUN(
        LUI(S0, 0x80008),               /* s0 = DATA (sign-extended!) */
        SLLI(S0, S0, 32),
        SRLI(S0, S0, 32),
        ADDI(A0, ZERO, -2),             /* 0xff..fe */
        SD(A0, S0, 0),
        LB(A1, S0, 0),                  /* -2 */
        LBU(A2, S0, 0),                 /* 0xfe */
        LH(A3, S0, 0),
        LHU(A4, S0, 0),
        LW(A5, S0, 0),
        LWU(A6, S0, 0),
        SB(ZERO, S0, 1),                /* 0x...00fe */
        LD(A7, S0, 0),
        SH(ZERO, S0, 3),
        SW(A0, S0, 16),
        LD(S2, S0, 13),                 /* misaligned: performed */
        ADDI(S1, S0, 2047),
        SD(A0, S1, 0xffd - 2047),       /* crosses into the next page */
        LD(S3, S1, 0xffd - 2047),
        ECALL);

    g_assert_cmpuint(env->mcause, ==, RISCV_EXCP_M_ECALL);
    g_assert_cmphex(env->gpr[A1], ==, (uint64_t)-2);
    g_assert_cmphex(env->gpr[A2], ==, 0xfe);
    g_assert_cmphex(env->gpr[A3], ==, (uint64_t)-2);
    g_assert_cmphex(env->gpr[A4], ==, 0xfffe);
    g_assert_cmphex(env->gpr[A5], ==, (uint64_t)-2);
    g_assert_cmphex(env->gpr[A6], ==, 0xfffffffe);
    g_assert_cmphex(env->gpr[A7], ==, 0xffffffffffff00feULL);
    g_assert_cmphex(env->gpr[S2], ==, 0x00fffffffe000000ULL);
    g_assert_cmphex(env->gpr[S3], ==, (uint64_t)-2);
    g_assert_cmphex(get64(DATA + 0x1000), ==, 0xffffffffff);
    finish(env);
}

static void test_branches(void)
{
    CPURISCVState *env = RUN(
        ADDI(A0, ZERO, -1),
        ADDI(A1, ZERO, 1),
        ADDI(S2, ZERO, 0),
        BLT(A0, A1, 8),                 /* taken */
        ADDI(S2, S2, 1),
        BLTU(A0, A1, 8),                /* not taken */
        ADDI(S2, S2, 2),
        BGE(A1, A0, 8),                 /* taken */
        ADDI(S2, S2, 4),
        BGEU(A1, A0, 8),                /* not taken */
        ADDI(S2, S2, 8),
        BNE(A0, A0, 8),                 /* not taken */
        ADDI(S2, S2, 16),
        BEQ(A1, A1, 8),                 /* taken */
        ADDI(S2, S2, 32),
        JAL(RA, 12),                    /* to the jalr below + 4 */
        ADDI(S3, ZERO, 1),              /* skipped */
        JAL(ZERO, 12),
        JALR(S4, RA, 4),                /* back to after jal: ra + 4? */
        ECALL,
        ECALL);

    g_assert_cmpuint(env->mcause, ==, RISCV_EXCP_M_ECALL);
    g_assert_cmpuint(env->gpr[S2], ==, 2 + 8 + 16);
    g_assert_cmphex(env->gpr[RA], ==, RAM_BASE + 16 * 4);
    g_assert_cmpuint(env->gpr[S3], ==, 0);
    finish(env);
}

/* C: each compressed form against its 32-bit expansion. */
static void test_expand_c(void)
{
    static const struct {
        uint16_t c;
        uint32_t full;
    } cases[] = {
        { 0x0040, ADDI(S0, SP, 4) },        /* c.addi4spn s0, sp, 4 */
        { 0x4080, LW(S0, S1, 0) },          /* c.lw s0, 0(s1) */
        { 0x6480, LD(S0, S1, 8) },          /* c.ld s0, 8(s1) */
        { 0xc080, SW(S0, S1, 0) },          /* c.sw s0, 0(s1) */
        { 0xe480, SD(S0, S1, 8) },          /* c.sd s0, 8(s1) */
        { 0x0001, ADDI(ZERO, ZERO, 0) },    /* c.nop */
        { 0x157d, ADDI(A0, A0, -1) },       /* c.addi a0, -1 */
        { 0x2505, ADDIW(A0, A0, 1) },       /* c.addiw a0, 1 */
        { 0x557d, ADDI(A0, ZERO, -1) },     /* c.li a0, -1 */
        { 0x7139, ADDI(SP, SP, -64) },      /* c.addi16sp sp, -64 */
        { 0x6505, LUI(A0, 1) },             /* c.lui a0, 1 */
        { 0x8105, SRLI(A0, A0, 1) },        /* c.srli a0, 1 */
        { 0x8505, SRAI(A0, A0, 1) },        /* c.srai a0, 1 */
        { 0x897d, ANDI(A0, A0, 31) },       /* c.andi a0, 31 */
        { 0x8d0d, SUB(A0, A0, A1) },        /* c.sub a0, a1 */
        { 0x8d2d, XOR(A0, A0, A1) },        /* c.xor */
        { 0x8d4d, OR(A0, A0, A1) },         /* c.or */
        { 0x8d6d, AND(A0, A0, A1) },        /* c.and */
        { 0x9d0d, SUBW(A0, A0, A1) },       /* c.subw */
        { 0x9d2d, ADDW(A0, A0, A1) },       /* c.addw */
        { 0xa001, JAL(ZERO, 0) },           /* c.j . */
        { 0xc119, BEQ(A0, ZERO, 6) },       /* c.beqz a0, .+6 */
        { 0xfd75, BNE(A0, ZERO, -4) },      /* c.bnez a0, .-4 */
        { 0x0506, SLLI(A0, A0, 1) },        /* c.slli a0, 1 */
        { 0x4512, LW(A0, SP, 4) },          /* c.lwsp a0, 4(sp) */
        { 0x6522, LD(A0, SP, 8) },          /* c.ldsp a0, 8(sp) */
        { 0x8502, JALR(ZERO, A0, 0) },      /* c.jr a0 */
        { 0x852e, ADD(A0, ZERO, A1) },      /* c.mv a0, a1 */
        { 0x9002, EBREAK },                 /* c.ebreak */
        { 0x9502, JALR(RA, A0, 0) },        /* c.jalr a0 */
        { 0x952e, ADD(A0, A0, A1) },        /* c.add a0, a1 */
        { 0xc22a, SW(A0, SP, 4) },          /* c.swsp a0, 4(sp) */
        { 0xe42a, SD(A0, SP, 8) },          /* c.sdsp a0, 8(sp) */
        { 0x0000, 0 },                      /* illegal */
        { 0x2000, 0 },                      /* c.fld: no D */
        { 0x8002, 0 },                      /* c.jr x0: reserved */
        { 0x4002, 0 },                      /* c.lwsp x0: reserved */
    };

    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        g_assert_cmphex(riscv_expand_c(cases[i].c), ==, cases[i].full);
    }
}

static void test_compressed_exec(void)
{
    /* c.li a0,-1; c.addi a0,-1 (a0=-2); c.mv a1,a0; c.add a0,a1 (-4) */
    uint32_t w[] = { 0x157d557d, 0x952e85aa, ECALL };
    CPURISCVState *env = run_words(w, ARRAY_SIZE(w), ALL_EXT);

    g_assert_cmpuint(env->mcause, ==, RISCV_EXCP_M_ECALL);
    g_assert_cmphex(env->gpr[A0], ==, (uint64_t)-4);
    g_assert_cmphex(env->gpr[A1], ==, (uint64_t)-2);
    g_assert_cmphex(env->mepc, ==, RAM_BASE + 8);
    g_assert_cmpuint(riscv_counter_read(env, true), ==, 4 + 1); /* + wfi */
    finish(env);

    /* With c=off the same halfword is illegal, with itself in mtval. */
    env = run_words(w, ARRAY_SIZE(w), ALL_EXT & ~RVC);
    g_assert_cmpuint(env->mcause, ==, RISCV_EXCP_ILLEGAL_INST);
    g_assert_cmphex(env->mtval, ==, 0x557d);
    g_assert_cmphex(env->mepc, ==, RAM_BASE);
    finish(env);
}

/* ---- Traps and CSRs -------------------------------------------------- */

static void test_illegal(void)
{
    static const uint32_t bad[] = {
        0xffffffff, 0, SLLI(A0, A0, 1) | (1u << 31), 0x00002007,
        ENC_R(0x33, 0, 0x40, A0, A0, A0), 0x00200073, 0x7b200073,
        CSRR(A0, 0x7c0), CSRR(A0, 0x3a1), 0x0000000b, 0x00004073,
    };

    for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
        uint32_t w[] = { bad[i], ECALL };
        CPURISCVState *env = run_words(w, 2, ALL_EXT);

        g_assert_cmpuint(env->mcause, ==, RISCV_EXCP_ILLEGAL_INST);
        g_assert_cmphex(env->mtval, ==, bad[i]);
        g_assert_cmphex(env->mepc, ==, RAM_BASE);
        finish(env);
    }
}

static void test_access_fault(void)
{
    CPURISCVState *env = RUN(LUI(A0, 0x40000), LD(A1, A0, 8), ECALL);

    g_assert_cmpuint(env->mcause, ==, RISCV_EXCP_LOAD_ACCESS_FAULT);
    g_assert_cmphex(env->mtval, ==, 0x40000008);
    g_assert_cmphex(env->mepc, ==, RAM_BASE + 4);
    finish(env);

    env = RUN(LUI(A0, 0x40000), SW(A0, A0, 0), ECALL);
    g_assert_cmpuint(env->mcause, ==, RISCV_EXCP_STORE_AMO_ACCESS_FAULT);
    finish(env);

    env = RUN(LUI(A0, 0x40000), JALR(RA, A0, 0), ECALL);
    g_assert_cmpuint(env->mcause, ==, RISCV_EXCP_INST_ACCESS_FAULT);
    g_assert_cmphex(env->mepc, ==, 0x40000000);
    g_assert_cmphex(env->mtval, ==, 0x40000000);
    finish(env);

    /* A device answers; the access is not cached. */
    env = RUN(LUI(A0, 0x10000), ADDI(A1, ZERO, 0x5a), SB(A1, A0, 0),
              LW(A2, A0, 0), ECALL);
    g_assert_cmpuint(env->mcause, ==, RISCV_EXCP_M_ECALL);
    g_assert_cmphex(tb.mmio_last, ==, 0x5a);
    g_assert_cmphex(env->gpr[A2], ==, 0x55667788);
    finish(env);
}

/* Enter @mode via mret at the instruction after these ten. */
#define ENTER_MODE(mode)                                                  \
    ADDI(T0, ZERO, 3), SLLI(T0, T0, 11), CSRRC(ZERO, CSR_MSTATUS, T0),    \
    ADDI(T0, ZERO, (mode)), SLLI(T0, T0, 11),                             \
    CSRRS(ZERO, CSR_MSTATUS, T0),                                         \
    AUIPC(T1, 0), ADDI(T1, T1, 16), CSRW(CSR_MEPC, T1), MRET
#define ENTER_LEN 40

static void test_ecall_delegation(void)
{
    /* U-mode ecall, not delegated: M gets cause 8, MPP = U. */
    CPURISCVState *env = RUN(ENTER_MODE(PRV_U), ECALL);

    g_assert_cmpuint(env->mcause, ==, RISCV_EXCP_U_ECALL);
    g_assert_cmphex(env->mepc, ==, RAM_BASE + ENTER_LEN);
    g_assert_cmpuint((env->mstatus & MSTATUS_MPP) >> MSTATUS_MPP_SHIFT, ==,
                     PRV_U);
    g_assert_cmpint(env->priv, ==, PRV_M);
    finish(env);

    /* Delegated to S: stvec gets it, SPP = U, then S ecall goes to M. */
    bus_setup();
    put32(TRAP + 0x100, ECALL);
    env = RUN(
        LUI(T2, 0x80001), SLLI(T2, T2, 32), SRLI(T2, T2, 32),
        ADDI(T2, T2, 0x100), CSRW(CSR_STVEC, T2),      /* stvec = TRAP+0x100 */
        ADDI(T2, ZERO, 1 << 8), CSRW(CSR_MEDELEG, T2),
        ENTER_MODE(PRV_U), ECALL);
    g_assert_cmpuint(env->mcause, ==, RISCV_EXCP_S_ECALL);
    g_assert_cmpuint(env->scause, ==, RISCV_EXCP_U_ECALL);
    g_assert_cmphex(env->sepc, ==, RAM_BASE + 7 * 4 + ENTER_LEN);
    g_assert_cmphex(env->mepc, ==, TRAP + 0x100);
    g_assert_cmpint(env->mstatus & MSTATUS_SPP, ==, 0);
    finish(env);
}

static void test_csr_rules(void)
{
    /* U-mode may not read mstatus. */
    CPURISCVState *env = RUN(ENTER_MODE(PRV_U), CSRR(A0, CSR_MSTATUS));

    g_assert_cmpuint(env->mcause, ==, RISCV_EXCP_ILLEGAL_INST);
    g_assert_cmphex(env->mtval, ==, CSRR(A0, CSR_MSTATUS));
    finish(env);

    /* Writing a read-only CSR traps, even with csrrs and a zero register. */
    env = RUN(CSRRS(A0, CSR_MHARTID, A1), ECALL);
    g_assert_cmpuint(env->mcause, ==, RISCV_EXCP_ILLEGAL_INST);
    finish(env);

    /* ... but csrrs with x0 only reads. WARL fields keep legal values. */
    env = RUN(
        CSRR(A0, CSR_MHARTID),
        CSRR(A1, CSR_MISA),
        ADDI(T0, ZERO, -1), CSRW(CSR_MEDELEG, T0), CSRR(A2, CSR_MEDELEG),
        CSRW(CSR_MIDELEG, T0), CSRR(A3, CSR_MIDELEG),
        CSRW(CSR_MTVEC, T0), CSRR(A4, CSR_MTVEC),      /* mode 3: ignored */
        LUI(T1, 0x1),                                  /* MPP = 2 */
        CSRW(CSR_MSTATUS, T1), CSRR(A5, CSR_MSTATUS),
        CSRW(CSR_MEPC, T0), CSRR(A6, CSR_MEPC),
        CSRR(A7, CSR_MCONFIGPTR),
        CSRW(CSR_MHPMEVENT3, T0), CSRR(S2, CSR_MHPMEVENT3),
        ECALL);
    g_assert_cmpuint(env->mcause, ==, RISCV_EXCP_M_ECALL);
    g_assert_cmphex(env->gpr[A0], ==, 0);
    g_assert_cmphex(env->gpr[A1], ==, MISA_MXL_64 | ALL_EXT);
    g_assert_cmphex(env->gpr[A2], ==, MEDELEG_MASK);
    g_assert_cmphex(env->gpr[A3], ==, MIP_S_MASK);
    g_assert_cmphex(env->gpr[A4], ==, TRAP);
    g_assert_cmphex(env->gpr[A5] & MSTATUS_MPP, ==, MSTATUS_MPP);
    g_assert_cmphex(env->gpr[A5] & (MSTATUS_UXL | MSTATUS_SXL), ==,
                    MSTATUS_UXL_64 | MSTATUS_SXL_64);
    g_assert_cmphex(env->gpr[A6], ==, ~1ULL);
    g_assert_cmphex(env->gpr[S2], ==, 0);
    finish(env);

    /* Counters from U need mcounteren and scounteren; time needs rdtime. */
    env = RUN(ADDI(T2, ZERO, 5), CSRW(CSR_MCOUNTEREN, T2),
              CSRW(CSR_SCOUNTEREN, T2), ENTER_MODE(PRV_U),
              CSRR(A0, CSR_INSTRET), CSRR(A1, CSR_CYCLE),
              CSRR(A2, CSR_TIME));
    g_assert_cmpuint(env->mcause, ==, RISCV_EXCP_ILLEGAL_INST);
    g_assert_cmphex(env->mepc, ==, RAM_BASE + 3 * 4 + ENTER_LEN + 8);
    /* minstret is exact: 3 + 10 setup instructions retired before it. */
    g_assert_cmpuint(env->gpr[A0], ==, 13);
    g_assert_cmpuint(env->gpr[A1], ==, 14);
    finish(env);
}

/* SEIP reads as the line ORed with the software bit; csrs keeps them apart. */
static void test_seip(void)
{
    CPURISCVState *env;
    uint64_t v;

    bus_setup();
    env = cpu_new(ALL_EXT, 0);
    riscv_cpu_env_set_irq(env, IRQ_S_EXT, 1);
    riscv_csr_access(env, CSR_MIP, &v, 0, 0);
    g_assert_cmphex(v & MIP_SEIP, ==, MIP_SEIP);
    riscv_csr_op(env, CSR_MIP, &v, MIP_SSIP, MIP_SSIP, true);  /* csrs */
    riscv_cpu_env_set_irq(env, IRQ_S_EXT, 0);
    riscv_csr_access(env, CSR_MIP, &v, 0, 0);
    g_assert_cmphex(v, ==, MIP_SSIP);
    riscv_csr_access(env, CSR_MIP, NULL, MIP_SEIP, MIP_SEIP);
    riscv_csr_access(env, CSR_MIP, &v, 0, 0);
    g_assert_cmphex(v, ==, MIP_SSIP | MIP_SEIP);
    finish(env);
}

static void test_minstret_write(void)
{
    CPURISCVState *env = RUN(
        ADDI(T0, ZERO, 100), CSRW(CSR_MINSTRET, T0),
        CSRR(A0, CSR_MINSTRET), NOP, CSRR(A1, CSR_MINSTRET),
        ADDI(T1, ZERO, COUNTINHIBIT_IR), CSRW(CSR_MCOUNTINHIBIT, T1),
        NOP, NOP, CSRR(A2, CSR_MINSTRET), ECALL);

    g_assert_cmpuint(env->gpr[A0], ==, 100);
    g_assert_cmpuint(env->gpr[A1], ==, 102);
    g_assert_cmpuint(env->gpr[A2], ==, 105);
    finish(env);
}

static uint64_t fake_time(void *opaque)
{
    return 0x12345;
}

static void test_interrupts(void)
{
    CPURISCVState *env;
    int r;

    bus_setup();
    load_trap_handler();
    {
        static const uint32_t w[] = {
            ADDI(T0, ZERO, -1),
            CSRW(CSR_MIE, T0),
            CSRRSI(ZERO, CSR_MSTATUS, MSTATUS_MIE),
            WFI,
            JAL(ZERO, 0),
        };
        load_words(RAM_BASE, w, ARRAY_SIZE(w));
    }
    env = cpu_new(ALL_EXT, 0);
    riscv_cpu_env_set_rdtime(env, fake_time, NULL);
    r = riscv_cpu_env_exec(env, 1000);
    g_assert_cmpint(r, ==, RISCV_EXEC_HALTED);
    g_assert_cmphex(env->pc, ==, RAM_BASE + 16);
    /* Still asleep without a line. */
    g_assert_false(riscv_cpu_env_has_work(env));
    g_assert_cmpint(riscv_cpu_env_exec(env, 1000), ==, RISCV_EXEC_HALTED);

    /* Timer and software both pending: software wins (3.1.9). */
    riscv_cpu_env_set_irq(env, IRQ_M_TIMER, 1);
    riscv_cpu_env_set_irq(env, IRQ_M_SOFT, 1);
    g_assert_true(riscv_cpu_env_has_work(env));
    /* The handler's wfi does not sleep: lines are still pending. */
    r = riscv_cpu_env_exec(env, 1000);
    g_assert_cmpint(r, ==, RISCV_EXEC_BUDGET);
    g_assert_cmphex(env->mcause, ==, RISCV_EXCP_INT_FLAG | IRQ_M_SOFT);
    g_assert_cmphex(env->mepc, ==, RAM_BASE + 16);
    g_assert_false(env->mstatus & MSTATUS_MIE);
    g_assert_true(env->mstatus & MSTATUS_MPIE);

    /* External beats software; vectored mode adds 4 * cause. */
    env->mtvec = TRAP | 1;
    put32(TRAP + 4 * IRQ_M_EXT, WFI);
    put32(TRAP + 4 * IRQ_M_EXT + 4, JAL(ZERO, 0));
    env->pc = RAM_BASE + 16;
    env->mstatus |= MSTATUS_MIE;
    riscv_request_check(env);
    riscv_cpu_env_set_irq(env, IRQ_M_EXT, 1);
    r = riscv_cpu_env_exec(env, 1000);
    g_assert_cmpint(r, ==, RISCV_EXEC_BUDGET);
    g_assert_cmphex(env->mcause, ==, RISCV_EXCP_INT_FLAG | IRQ_M_EXT);
    g_assert_cmphex(env->pc, ==, TRAP + 4 * IRQ_M_EXT + 4);

    /* An exit request stops the loop with nothing pending. */
    riscv_cpu_env_set_irq(env, IRQ_M_EXT, 0);
    riscv_cpu_env_set_irq(env, IRQ_M_SOFT, 0);
    riscv_cpu_env_set_irq(env, IRQ_M_TIMER, 0);
    env->pc = RAM_BASE + 16;
    env->halted = false;
    riscv_cpu_env_exit_request(env);
    g_assert_cmpint(riscv_cpu_env_exec(env, 1000), ==, RISCV_EXEC_EXIT);
    g_assert_cmpint(riscv_cpu_env_exec(env, 1000), ==, RISCV_EXEC_BUDGET);
    finish(env);
}

static void test_wfi_tw(void)
{
    /* S-mode wfi with TW set is illegal. */
    CPURISCVState *env = RUN(
        ADDI(T0, ZERO, 1), SLLI(T0, T0, 21),
        CSRW(CSR_MSTATUS, T0), CSRRS(ZERO, CSR_MSTATUS, T0),
        ENTER_MODE(PRV_S), WFI);
    g_assert_cmpuint(env->mcause, ==, RISCV_EXCP_ILLEGAL_INST);
    g_assert_cmphex(env->mtval, ==, WFI);
    finish(env);
}

/* ---- Virtual memory and PMP ---------------------------------------- */

#define PT_ROOT (RAM_BASE + 0x20000)
#define PT_L1   (RAM_BASE + 0x21000)
#define PT_L0   (RAM_BASE + 0x22000)

static uint64_t pte(hwaddr pa, uint32_t flags)
{
    return ((pa >> 12) << PTE_PPN_SHIFT) | flags;
}

/*
 * Sv39: VA 0x40000000 (1 GiB superpage) -> RAM identity for code;
 * VA 0x1000 -> DATA (4 KiB, U, R/W); VA 0x2000 -> DATA read-only, not U.
 */
static void build_sv39(void)
{
    put64(PT_ROOT + 8 * 2, pte(RAM_BASE, PTE_V | PTE_R | PTE_W | PTE_X));
    put64(PT_ROOT + 8 * 0, pte(PT_L1, PTE_V));
    put64(PT_L1 + 8 * 0, pte(PT_L0, PTE_V));
    put64(PT_L0 + 8 * 1, pte(DATA, PTE_V | PTE_R | PTE_W | PTE_U));
    put64(PT_L0 + 8 * 2, pte(DATA, PTE_V | PTE_R));
}

static void test_sv39(void)
{
    uint64_t satp = (8ULL << 60) | (PT_ROOT >> 12);
    uint32_t w[64];
    size_t n = 0;
    CPURISCVState *env;

    bus_setup();
    load_trap_handler();
    build_sv39();
    put64(DATA, 0xabcdef);
    n += emit_li(w + n, T2, satp);
    w[n++] = CSRW(CSR_SATP, T2);
    w[n++] = LUI(T2, 0x40);                 /* SUM */
    w[n++] = CSRW(CSR_MSTATUS, T2);
    /* enter S at the same code through the VA = PA superpage */
    w[n++] = ADDI(T0, ZERO, PRV_S);
    w[n++] = SLLI(T0, T0, 11);
    w[n++] = CSRRS(ZERO, CSR_MSTATUS, T0);
    w[n++] = AUIPC(T1, 0);
    w[n++] = ADDI(T1, T1, 16);
    w[n++] = CSRW(CSR_MEPC, T1);
    w[n++] = MRET;
    w[n++] = LUI(A0, 1);                    /* VA 0x1000 */
    w[n++] = LD(A1, A0, 0);                 /* U page with SUM: ok */
    w[n++] = SD(A1, A0, 8);                 /* sets D */
    w[n++] = LUI(A2, 2);
    w[n++] = LD(A3, A2, 0);                 /* RO page: ok */
    w[n++] = SD(A3, A2, 0);                 /* store page fault */
    load_words(RAM_BASE, w, n);
    env = cpu_new(ALL_EXT, 0);
    g_assert_cmpint(riscv_cpu_env_exec(env, 1000), ==, RISCV_EXEC_HALTED);
    g_assert_cmpuint(env->mcause, ==, RISCV_EXCP_STORE_PAGE_FAULT);
    g_assert_cmphex(env->mtval, ==, 0x2000);
    g_assert_cmphex(env->gpr[A1], ==, 0xabcdef);
    g_assert_cmphex(env->gpr[A3], ==, 0xabcdef);
    g_assert_cmphex(get64(DATA + 8), ==, 0xabcdef);
    /* A and D were set by the walker. */
    g_assert_cmphex(get64(PT_L0 + 8) & (PTE_A | PTE_D), ==, PTE_A | PTE_D);
    g_assert_cmphex(get64(PT_L0 + 16) & (PTE_A | PTE_D), ==, PTE_A);
    g_assert_cmphex(get64(PT_ROOT + 16) & PTE_A, ==, PTE_A);
    g_assert_cmpint((env->mstatus & MSTATUS_MPP) >> MSTATUS_MPP_SHIFT, ==,
                    PRV_S);

    /* Without SUM the U page faults on load; delegated to S it is stval. */
    env->mstatus &= ~MSTATUS_SUM;
    env->medeleg = 1 << RISCV_EXCP_LOAD_PAGE_FAULT;
    env->stvec = TRAP;
    env->priv = PRV_S;
    env->halted = false;
    env->pc = RAM_BASE + 4 * (n - 5);        /* the first LD */
    riscv_tlb_flush(env);
    g_assert_cmpint(riscv_cpu_env_exec(env, 1000), ==, RISCV_EXEC_HALTED);
    g_assert_cmpuint(env->scause, ==, RISCV_EXCP_LOAD_PAGE_FAULT);
    g_assert_cmphex(env->stval, ==, 0x1000);
    g_assert_cmphex(env->sepc, ==, RAM_BASE + 4 * (n - 5));

    /* A non-canonical address faults; unmapped fetch is a fetch PF. */
    env->priv = PRV_S;
    env->halted = false;
    env->pc = 0x5000;
    env->medeleg = 0;
    riscv_tlb_flush(env);
    g_assert_cmpint(riscv_cpu_env_exec(env, 1000), ==, RISCV_EXEC_HALTED);
    g_assert_cmpuint(env->mcause, ==, RISCV_EXCP_INST_PAGE_FAULT);
    g_assert_cmphex(env->mtval, ==, 0x5000);
    finish(env);
}

#define PT_SV48 (RAM_BASE + 0x23000)

static bool dbg(CPURISCVState *env, uint64_t va, hwaddr *pa)
{
    *pa = 0xdead;
    return riscv_cpu_env_debug_translate(env, va, pa);
}

/*
 * The monitor's walk: Bare, Sv39 (4 KiB page, 1 GiB superpage, unmapped,
 * U/S rules, SUM, MPRV), Sv48, execute-only pages; and it changes
 * nothing: page tables (A/D bits), TLBs and the hart's state are as before.
 */
static void test_debug_translate(void)
{
    uint64_t satp39 = ((uint64_t)SATP_MODE_SV39 << SATP_MODE_SHIFT) |
                      (PT_ROOT >> 12);
    g_autofree uint8_t *pt_before = NULL;
    g_autofree CPURISCVState *env_before = NULL;
    CPURISCVState *env;
    hwaddr pa;

    bus_setup();
    build_sv39();
    put64(PT_L0 + 8 * 3, pte(DATA + 0x1000, PTE_V | PTE_X));
    put64(PT_SV48, pte(PT_ROOT, PTE_V));
    env = cpu_new(ALL_EXT, 0);

    /* Translation off: M-mode, or satp Bare. */
    env->satp = satp39;
    g_assert_true(dbg(env, 0x5000, &pa));
    g_assert_cmphex(pa, ==, 0x5000);
    env->satp = 0;
    env->priv = PRV_S;
    g_assert_true(dbg(env, 0x1234, &pa));
    g_assert_cmphex(pa, ==, 0x1234);

    env->satp = satp39;
    pt_before = g_memdup2(tb.ram + (PT_ROOT - RAM_BASE), 0x4000);
    env_before = g_memdup2(env, sizeof(*env));

    /* 4 KiB pages, a 1 GiB superpage, holes and non-canonical addresses. */
    g_assert_true(dbg(env, 0x2008, &pa));
    g_assert_cmphex(pa, ==, DATA + 8);
    g_assert_true(dbg(env, RAM_BASE + 0x1234567, &pa));
    g_assert_cmphex(pa, ==, RAM_BASE + 0x1234567);
    g_assert_false(dbg(env, 0x5000, &pa));
    g_assert_false(dbg(env, 0x40000000, &pa));
    g_assert_false(dbg(env, 0x0000004000000000ULL, &pa));
    /* Execute-only: readable for the debugger (disassembly). */
    g_assert_true(dbg(env, 0x3004, &pa));
    g_assert_cmphex(pa, ==, DATA + 0x1004);

    /* A U page from S: only with SUM; from U always; S page never from U. */
    g_assert_false(dbg(env, 0x1010, &pa));
    env->mstatus |= MSTATUS_SUM;
    g_assert_true(dbg(env, 0x1010, &pa));
    g_assert_cmphex(pa, ==, DATA + 0x10);
    env->mstatus &= ~MSTATUS_SUM;
    env->priv = PRV_U;
    g_assert_true(dbg(env, 0x1010, &pa));
    g_assert_false(dbg(env, 0x2000, &pa));

    /* M-mode with MPRV translates as MPP, as the hart's loads would. */
    env->priv = PRV_M;
    env->mstatus &= ~MSTATUS_MPP;
    env->mstatus |= MSTATUS_MPRV | ((uint64_t)PRV_U << MSTATUS_MPP_SHIFT);
    g_assert_true(dbg(env, 0x1010, &pa));
    g_assert_cmphex(pa, ==, DATA + 0x10);
    g_assert_false(dbg(env, 0x5000, &pa));
    env->mstatus |= MSTATUS_MPP;
    g_assert_true(dbg(env, 0x5000, &pa));
    g_assert_cmphex(pa, ==, 0x5000);
    env->mstatus &= ~(MSTATUS_MPRV | MSTATUS_MPP);

    /* Sv48: one more level above the same tables. */
    env->priv = PRV_S;
    env->satp = ((uint64_t)SATP_MODE_SV48 << SATP_MODE_SHIFT) |
                (PT_SV48 >> 12);
    g_assert_true(dbg(env, 0x2010, &pa));
    g_assert_cmphex(pa, ==, DATA + 0x10);
    g_assert_true(dbg(env, RAM_BASE + 0x40, &pa));
    g_assert_cmphex(pa, ==, RAM_BASE + 0x40);
    g_assert_false(dbg(env, 0x0000008000000000ULL, &pa));

    /* Nothing changed: no A/D bits, no TLB fill, no trap. */
    env->priv = env_before->priv;
    env->mstatus = env_before->mstatus;
    env->satp = satp39;
    g_assert_cmpmem(tb.ram + (PT_ROOT - RAM_BASE), 0x4000, pt_before, 0x4000);
    g_assert_cmpmem(env->tlb_read, sizeof(env->tlb_read),
                    env_before->tlb_read, sizeof(env->tlb_read));
    g_assert_cmpmem(env->tlb_write, sizeof(env->tlb_write),
                    env_before->tlb_write, sizeof(env->tlb_write));
    g_assert_cmphex(env->mcause, ==, env_before->mcause);
    g_assert_cmphex(env->pc, ==, env_before->pc);

    /* The real walk, by contrast, sets A on the same page. */
    g_assert_cmpint(riscv_translate(env, 0x2008, RISCV_ACCESS_LOAD, PRV_S,
                                    &pa), ==, RISCV_EXCP_NONE);
    g_assert_cmphex(get64(PT_L0 + 16) & PTE_A, ==, PTE_A);
    finish(env);
}

static void test_pmp(void)
{
    /* NAPOT over RAM_BASE..+64K: R/X for U; store to it faults, outside too */
    uint64_t napot = (RAM_BASE >> 2) | ((0x10000 >> 3) - 1);
    uint32_t w[80];
    size_t n = 0;
    CPURISCVState *env;

    n += emit_li(w + n, T2, napot);
    w[n++] = CSRW(CSR_PMPADDR0, T2);
    w[n++] = ADDI(T2, ZERO, PMP_A_NAPOT | PMP_R | PMP_X);
    w[n++] = CSRW(CSR_PMPCFG0, T2);
    w[n++] = CSRR(S2, CSR_PMPCFG0);
    w[n++] = CSRR(S3, CSR_PMPADDR0);
    w[n++] = ADDI(T0, ZERO, 0);          /* MPP = U */
    w[n++] = CSRW(CSR_MSTATUS, T0);
    w[n++] = AUIPC(T1, 0);
    w[n++] = ADDI(T1, T1, 16);
    w[n++] = CSRW(CSR_MEPC, T1);
    w[n++] = MRET;
    w[n++] = LUI(A0, 0x80008);            /* DATA, inside: readable */
    w[n++] = SLLI(A0, A0, 32);
    w[n++] = SRLI(A0, A0, 32);
    w[n++] = LD(A1, A0, 0);
    w[n++] = SD(A1, A0, 0);               /* store access fault */
    env = run_words(w, n, ALL_EXT);
    g_assert_cmpuint(env->mcause, ==, RISCV_EXCP_STORE_AMO_ACCESS_FAULT);
    g_assert_cmphex(env->mtval, ==, DATA);
    g_assert_cmphex(env->gpr[S2], ==, PMP_A_NAPOT | PMP_R | PMP_X);
    g_assert_cmphex(env->gpr[S3], ==, napot);
    g_assert_cmpint((env->mstatus & MSTATUS_MPP) >> MSTATUS_MPP_SHIFT, ==,
                    PRV_U);

    /* Outside every region U gets nothing; M still may (no lock). */
    g_assert_false(riscv_pmp_check(env, RAM_BASE + 0x10000, 4,
                                   RISCV_ACCESS_LOAD, PRV_U));
    g_assert_true(riscv_pmp_check(env, RAM_BASE + 0x10000, 4,
                                  RISCV_ACCESS_STORE, PRV_M));
    /* Straddling the region end fails. */
    g_assert_false(riscv_pmp_check(env, RAM_BASE + 0xfffe, 4,
                                   RISCV_ACCESS_LOAD, PRV_U));
    /* Lock: M is now bound by the entry, and it cannot be changed. */
    env->priv = PRV_M;
    g_assert_cmpint(riscv_csr_access(env, CSR_PMPCFG0, NULL,
                                     PMP_L | PMP_A_NAPOT | PMP_R, 0xff), ==,
                    RISCV_EXCP_NONE);
    g_assert_false(riscv_pmp_check(env, RAM_BASE, 4, RISCV_ACCESS_STORE,
                                   PRV_M));
    riscv_csr_access(env, CSR_PMPCFG0, NULL, 0, 0xff);
    riscv_csr_access(env, CSR_PMPADDR0, NULL, 0, ~0ULL);
    g_assert_cmphex(env->pmpcfg[0], ==, PMP_L | PMP_A_NAPOT | PMP_R);
    g_assert_cmphex(env->pmpaddr[0], ==, napot);
    /* TOR: entry 1 covers [pmpaddr0 << 2, pmpaddr1 << 2). */
    riscv_csr_access(env, CSR_PMPADDR0 + 1, NULL, (RAM_BASE + 0x20000) >> 2,
                     ~0ULL);
    riscv_csr_access(env, CSR_PMPCFG0, NULL,
                     (uint64_t)(PMP_A_TOR | PMP_W | PMP_R) << 8, 0xff00);
    g_assert_true(riscv_pmp_check(env, RAM_BASE + 0x1fff8, 8,
                                  RISCV_ACCESS_STORE, PRV_S));
    g_assert_false(riscv_pmp_check(env, RAM_BASE + 0x20000, 8,
                                   RISCV_ACCESS_STORE, PRV_S));
    /* RV64: pmpcfg2 holds entries 8..15 (byte 7 is entry 15). */
    riscv_csr_access(env, CSR_PMPCFG0 + 2, NULL,
                     (uint64_t)(PMP_A_NAPOT | PMP_R) << 56, ~0ULL);
    g_assert_cmphex(env->pmpcfg[15], ==, PMP_A_NAPOT | PMP_R);
    g_assert_cmphex(env->pmpcfg[7], ==, 0);
    g_assert_cmpint(riscv_csr_access(env, CSR_PMPCFG0 + 1, NULL, 0, 0), ==,
                    RISCV_EXCP_ILLEGAL_INST);
    /* NA4 */
    riscv_csr_access(env, CSR_PMPADDR0 + 2, NULL, MMIO_BASE >> 2, ~0ULL);
    riscv_csr_access(env, CSR_PMPCFG0, NULL,
                     (uint64_t)(PMP_A_NA4 | PMP_R) << 16, 0xff0000);
    g_assert_true(riscv_pmp_check(env, MMIO_BASE, 4, RISCV_ACCESS_LOAD,
                                  PRV_U));
    g_assert_false(riscv_pmp_check(env, MMIO_BASE + 4, 4, RISCV_ACCESS_LOAD,
                                   PRV_U));
    finish(env);
}

/* ---- Atomics ------------------------------------------------------- */

static void test_amo(void)
{
    CPURISCVState *env;

    bus_setup();
    put64(DATA, 5);
    put64(DATA + 8, 0xffffffff00000003ULL);
    env = RUN(
        LUI(S0, 0x80008), SLLI(S0, S0, 32), SRLI(S0, S0, 32),
        ADDI(T0, ZERO, 7),
        AMOADD_D(A0, S0, T0),           /* a0 = 5, mem = 12 */
        AMOXOR_D(A1, S0, T0),           /* a1 = 12, mem = 11 */
        AMOAND_D(A2, S0, T0),           /* mem = 3 */
        AMOOR_D(A3, S0, T0),            /* mem = 7 */
        ADDI(T1, ZERO, -1),
        AMOMAX_D(A4, S0, T1),           /* signed: 7 stays */
        AMOMINU_D(A5, S0, T1),          /* unsigned: 7 stays */
        ADDI(S1, S0, 8),
        AMOMIN_W(A6, S1, T1),           /* low word 3 vs -1: -1 */
        AMOMAXU_W(A7, S1, T0),          /* 0xffffffff vs 7 */
        AMOSWAP_W(S2, S1, T0),
        LR_D(S3, S0),
        SC_D(S4, S0, T1),               /* success: 0 */
        SC_D(S5, S0, T0),               /* no reservation: 1 */
        LD(S6, S0, 0),
        ADDI(S7, S0, 4),
        AMOADD_D(S8, S7, T0),           /* misaligned */
        ECALL);
    g_assert_cmpuint(env->gpr[A0], ==, 5);
    g_assert_cmpuint(env->gpr[A1], ==, 12);
    g_assert_cmpuint(env->gpr[A4], ==, 7);
    g_assert_cmpuint(env->gpr[A5], ==, 7);
    g_assert_cmphex(env->gpr[A6], ==, 3);
    g_assert_cmphex(env->gpr[A7], ==, UINT64_MAX);
    g_assert_cmphex(env->gpr[S2], ==, UINT64_MAX);
    g_assert_cmpuint(env->gpr[S3], ==, 7);
    g_assert_cmpuint(env->gpr[S4], ==, 0);
    g_assert_cmpuint(env->gpr[S5], ==, 1);
    g_assert_cmphex(env->gpr[S6], ==, UINT64_MAX);
    g_assert_cmpuint(env->mcause, ==, RISCV_EXCP_STORE_AMO_ADDR_MIS);
    g_assert_cmphex(env->mtval, ==, DATA + 4);
    g_assert_cmphex(get64(DATA + 8), ==, 0xffffffff00000007ULL);
    finish(env);
}

/* Hart 1's plain store breaks hart 0's reservation, even on a TLB hit. */
static void test_lr_sc_two_harts(void)
{
    CPURISCVState *h0, *h1;
    static const uint32_t p0[] = {
        LUI(S0, 0x80008), SLLI(S0, S0, 32), SRLI(S0, S0, 32),
        LR_D(A0, S0),
        WFI,                            /* hart 1 runs here */
        ADDI(T0, ZERO, 9),
        SC_D(A1, S0, T0),
        ECALL,
    };
    static const uint32_t p1[] = {
        LUI(S0, 0x80008), SLLI(S0, S0, 32), SRLI(S0, S0, 32),
        SD(ZERO, S0, 16),               /* warm the write TLB for the page */
        ADDI(T0, ZERO, 3),
        SD(T0, S0, 0),                  /* into hart 0's reservation */
        ECALL,
    };

    bus_setup();
    load_trap_handler();
    load_words(RAM_BASE, p0, ARRAY_SIZE(p0));
    load_words(RAM_BASE + 0x400, p1, ARRAY_SIZE(p1));
    h0 = cpu_new(ALL_EXT, 0);
    h1 = cpu_new(ALL_EXT, 1);
    h1->pc = RAM_BASE + 0x400;
    g_assert_cmpint(riscv_cpu_env_exec(h1, 4), ==, RISCV_EXEC_BUDGET);
    g_assert_cmpint(riscv_cpu_env_exec(h0, 1000), ==, RISCV_EXEC_HALTED);
    g_assert_true(h0->res_valid);
    g_assert_cmpint(riscv_cpu_env_exec(h1, 1000), ==, RISCV_EXEC_HALTED);
    g_assert_false(h0->res_valid);
    h0->mie = MIP_MSIP;
    riscv_cpu_env_set_irq(h0, IRQ_M_SOFT, 1);   /* wake, MIE=0: no trap */
    g_assert_cmpint(riscv_cpu_env_exec(h0, 2), ==, RISCV_EXEC_BUDGET);
    riscv_cpu_env_set_irq(h0, IRQ_M_SOFT, 0);
    g_assert_cmpint(riscv_cpu_env_exec(h0, 1000), ==, RISCV_EXEC_HALTED);
    g_assert_cmpuint(h0->mcause, ==, RISCV_EXCP_M_ECALL);
    g_assert_cmpuint(h0->gpr[A1], ==, 1);
    g_assert_cmpuint(get64(DATA), ==, 3);
    cpu_free(h1);
    cpu_free(h0);
    bus_teardown();
}

/* ---- Code cache --------------------------------------------------- */

static void test_self_modifying(void)
{
    /*
     * Call the target once (a0 = 1), overwrite it with the word at index
     * 15 ("addi a0, zero, 2"), fence.i, call it again.
     */
    CPURISCVState *env = RUN(
        AUIPC(S0, 0),
        LW(T0, S0, 15 * 4),
        JAL(RA, (13 - 2) * 4),
        ADD(S2, A0, ZERO),
        SW(T0, S0, 13 * 4),
        FENCE_I,
        JAL(RA, (13 - 6) * 4),
        ADD(S3, A0, ZERO),
        ECALL,
        NOP, NOP, NOP, NOP,
        ADDI(A0, ZERO, 1),              /* 13: the target */
        JALR(ZERO, RA, 0),
        ADDI(A0, ZERO, 2));             /* 15: its replacement */

    g_assert_cmpuint(env->mcause, ==, RISCV_EXCP_M_ECALL);
    g_assert_cmpuint(env->gpr[S2], ==, 1);
    g_assert_cmpuint(env->gpr[S3], ==, 2);
    finish(env);
}

static void test_store_invalidates(void)
{
    /*
     * A loop whose second pass runs an instruction the first pass
     * rewrote after it had been decoded; no fence.i.
     */
    CPURISCVState *env = RUN(
        AUIPC(S0, 0),
        ADDI(S1, ZERO, 0),
        ADDI(A0, ZERO, 1),              /* 2: rewritten to addi a0, zero, 7 */
        ADD(S2, S2, A0),
        LW(T0, S0, 10 * 4),
        SW(T0, S0, 2 * 4),
        ADDI(S1, S1, 1),
        ADDI(T1, ZERO, 2),
        BLT(S1, T1, -(8 - 2) * 4),
        ECALL,
        ADDI(A0, ZERO, 7));

    g_assert_cmpuint(env->mcause, ==, RISCV_EXCP_M_ECALL);
    g_assert_cmpuint(env->gpr[S2], ==, 8);
    finish(env);
}

/* An instruction rewritten on every pass of a loop (a counter in its imm). */
static void test_store_loop(void)
{
    CPURISCVState *env = RUN(
        AUIPC(S0, 0),
        ADDI(S1, ZERO, 0),
        ADDI(A0, ZERO, 0),              /* 2: imm += 1 on each pass */
        ADD(S2, S2, A0),
        LW(T0, S0, 2 * 4),
        LUI(T1, 0x100),                 /* 1 << 20: the I-type imm's 1 */
        ADD(T0, T0, T1),
        SW(T0, S0, 2 * 4),
        ADDI(S1, S1, 1),
        ADDI(T2, ZERO, 5),
        BLT(S1, T2, -(10 - 2) * 4),
        ECALL);

    g_assert_cmpuint(env->mcause, ==, RISCV_EXCP_M_ECALL);
    g_assert_cmpuint(env->gpr[S2], ==, 0 + 1 + 2 + 3 + 4);
    finish(env);
}

/* The memory map changes under a cached TLB entry: the hart sees it. */
static void test_map_change(void)
{
    CPURISCVState *env;

    bus_setup();
    load_trap_handler();
    put64(RAM_BASE + 0x10000, 111);
    put64(RAM_BASE + 0x11000, 222);
    {
        static const uint32_t w[] = {
            LUI(S0, 0x90000), SLLI(S0, S0, 32), SRLI(S0, S0, 32),
            LD(A0, S0, 0),
            WFI,
            LD(A1, S0, 0),
            ECALL,
        };
        load_words(RAM_BASE, w, ARRAY_SIZE(w));
    }
    env = cpu_new(ALL_EXT, 0);
    g_assert_cmpint(riscv_cpu_env_exec(env, 5), ==, RISCV_EXEC_HALTED);
    g_assert_cmpuint(env->gpr[A0], ==, 111);
    tb.alias_target = RAM_BASE + 0x11000;
    tb.generation++;
    env->mie = MIP_MSIP;
    riscv_cpu_env_set_irq(env, IRQ_M_SOFT, 1);
    g_assert_cmpint(riscv_cpu_env_exec(env, 1), ==, RISCV_EXEC_BUDGET);
    riscv_cpu_env_set_irq(env, IRQ_M_SOFT, 0);
    g_assert_cmpint(riscv_cpu_env_exec(env, 100), ==, RISCV_EXEC_HALTED);
    g_assert_cmpuint(env->mcause, ==, RISCV_EXCP_M_ECALL);
    g_assert_cmpuint(env->gpr[A1], ==, 222);
    finish(env);
}

/*
 * Random instruction words (fixed seeds), random registers, in every
 * privilege: whatever the guest does (CSR writes to satp, PMP, mtvec;
 * stores over its own code; jumps anywhere), the emulator must neither
 * crash nor hang; under the sanitizers this also checks memory safety.
 */
static void test_fuzz(void)
{
    for (int seed = 1; seed <= 200; seed++) {
        GRand *rand = g_rand_new_with_seed(seed);
        CPURISCVState *env;
        int r;

        bus_setup();
        for (int i = 0; i < 1024; i++) {
            uint32_t w = g_rand_int(rand);

            /* Bias towards real opcodes: keep some low bits valid. */
            if (i % 3 == 0) {
                static const uint8_t ops[] = { 0x03, 0x13, 0x1b, 0x23, 0x2f,
                                               0x33, 0x37, 0x3b, 0x63, 0x67,
                                               0x6f, 0x73, 0x0f, 0x17 };

                w = (w & ~0x7fu) | ops[g_rand_int_range(rand, 0, 14)];
            }
            put32(RAM_BASE + 4 * i, w);
        }
        env = cpu_new(ALL_EXT, 0);
        for (int i = 1; i < 32; i++) {
            env->gpr[i] = g_rand_boolean(rand)
                          ? RAM_BASE + g_rand_int_range(rand, 0, RAM_SIZE)
                          : ((uint64_t)g_rand_int(rand) << 32) |
                            g_rand_int(rand);
        }
        env->mtvec = RAM_BASE + 4 * g_rand_int_range(rand, 0, 1024);
        env->stvec = RAM_BASE + 4 * g_rand_int_range(rand, 0, 1024);
        env->medeleg = g_rand_int(rand) & MEDELEG_MASK;
        env->priv = (int[]){ PRV_U, PRV_S, PRV_M }[seed % 3];
        if (seed % 4 == 1) {
            /* Page tables made of the random words themselves. */
            env->satp = ((seed & 8 ? 9ULL : 8ULL) << SATP_MODE_SHIFT) |
                        ((RAM_BASE >> 12) + g_rand_int_range(rand, 0, 2));
            env->mstatus |= g_rand_int(rand) &
                            (MSTATUS_SUM | MSTATUS_MXR | MSTATUS_MPRV);
        }
        riscv_tlb_flush(env);
        for (int slice = 0; slice < 20; slice++) {
            r = riscv_cpu_env_exec(env, 1000);
            g_assert_cmpint(r, >=, RISCV_EXEC_BUDGET);
            g_assert_cmpint(r, <=, RISCV_EXEC_EXIT);
            if (r == RISCV_EXEC_HALTED) {
                riscv_cpu_env_set_irq(env, IRQ_M_SOFT, slice & 1);
                env->mie |= MIP_MSIP;
            }
        }
        g_assert_cmpint(env->gpr[ZERO], ==, 0);
        g_rand_free(rand);
        finish(env);
    }
}

static void put16(hwaddr addr, uint16_t v)
{
    memcpy(tb.ram + (addr - RAM_BASE), &v, 2);
}

/*
 * A 32-bit instruction across a page boundary, and straight-line code
 * running off the end of a decoded page into the next one.
 */
static void test_page_crossing(void)
{
    uint32_t addi = ADDI(A1, ZERO, 5);
    uint32_t back = JAL(ZERO, 0xff8 - 0x3002);
    CPURISCVState *env;

    bus_setup();
    load_trap_handler();
    put32(RAM_BASE, JAL(ZERO, 0x2ffc));
    put16(RAM_BASE + 0x2ffc, 0x0001);               /* c.nop */
    put16(RAM_BASE + 0x2ffe, addi & 0xffff);
    put16(RAM_BASE + 0x3000, addi >> 16);
    put16(RAM_BASE + 0x3002, back & 0xffff);
    put16(RAM_BASE + 0x3004, back >> 16);
    put32(RAM_BASE + 0xff8, ADDI(A0, A0, 1));
    put32(RAM_BASE + 0xffc, ADDI(A0, A0, 2));       /* then TRAP: wfi */
    env = cpu_new(ALL_EXT, 0);
    g_assert_cmpint(riscv_cpu_env_exec(env, 100), ==, RISCV_EXEC_HALTED);
    g_assert_cmphex(env->pc, ==, TRAP + 4);
    g_assert_cmpuint(env->gpr[A1], ==, 5);
    g_assert_cmpuint(env->gpr[A0], ==, 3);
    g_assert_cmpuint(riscv_icount(env), ==, 7);
    finish(env);
}

static void test_budget_exact(void)
{
    /* A 3-instruction loop: the budget stops at exactly n instructions. */
    static const uint32_t w[] = {
        ADDI(A0, A0, 1), ADDI(A1, A1, 2), JAL(ZERO, -8),
    };
    CPURISCVState *env;

    bus_setup();
    load_words(RAM_BASE, w, ARRAY_SIZE(w));
    env = cpu_new(ALL_EXT, 0);
    g_assert_cmpint(riscv_cpu_env_exec(env, 3000), ==, RISCV_EXEC_BUDGET);
    g_assert_cmpuint(env->gpr[A0], ==, 1000);
    g_assert_cmpuint(riscv_counter_read(env, true), ==, 3000);
    g_assert_cmpuint(riscv_icount(env), ==, 3000);
    g_assert_cmpint(riscv_cpu_env_exec(env, 1), ==, RISCV_EXEC_BUDGET);
    g_assert_cmpuint(env->gpr[A0], ==, 1001);
    finish(env);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/riscv/alu", test_alu);
    g_test_add_func("/riscv/mmu/debug-translate", test_debug_translate);
    g_test_add_func("/riscv/mul", test_mul);
    g_test_add_func("/riscv/div-rem", test_div_rem);
    g_test_add_func("/riscv/load-store", test_load_store);
    g_test_add_func("/riscv/branches", test_branches);
    g_test_add_func("/riscv/compressed/expand", test_expand_c);
    g_test_add_func("/riscv/compressed/exec", test_compressed_exec);
    g_test_add_func("/riscv/trap/illegal", test_illegal);
    g_test_add_func("/riscv/trap/access-fault", test_access_fault);
    g_test_add_func("/riscv/trap/ecall-delegation", test_ecall_delegation);
    g_test_add_func("/riscv/csr/rules", test_csr_rules);
    g_test_add_func("/riscv/csr/minstret", test_minstret_write);
    g_test_add_func("/riscv/csr/mip-seip", test_seip);
    g_test_add_func("/riscv/irq/priority-wfi", test_interrupts);
    g_test_add_func("/riscv/irq/wfi-tw", test_wfi_tw);
    g_test_add_func("/riscv/mmu/sv39", test_sv39);
    g_test_add_func("/riscv/pmp", test_pmp);
    g_test_add_func("/riscv/atomic/amo", test_amo);
    g_test_add_func("/riscv/atomic/lr-sc-two-harts", test_lr_sc_two_harts);
    g_test_add_func("/riscv/code/fence-i", test_self_modifying);
    g_test_add_func("/riscv/code/store-invalidates", test_store_invalidates);
    g_test_add_func("/riscv/code/store-loop", test_store_loop);
    g_test_add_func("/riscv/tlb/map-change", test_map_change);
    g_test_add_func("/riscv/exec/budget", test_budget_exact);
    g_test_add_func("/riscv/code/page-crossing", test_page_crossing);
    g_test_add_func("/riscv/fuzz", test_fuzz);
    return g_test_run();
}

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * interp.c: the RISC-V interpreter: decode (RV64IMAC, Zicsr, Zifencei and
 * the privileged instructions) into RISCVInsn records cached per physical
 * page, the handlers, and the execution loop.
 *
 * Each instruction is defined once, as a handler; the decoder picks the
 * handler and pre-extracts registers and the immediate.  Compressed
 * instructions are expanded to their 32-bit form first (riscv_expand_c), so
 * adding an extension means: handlers, plus cases in riscv_decode().
 */
#include "qomu/osdep.h"
#include "qomu/log.h"
#include "disas/riscv.h"
#include "internal.h"

#define R(f)  (env->gpr[in->f])
#define HANDLER(name)                                                      \
    static void op_##name(CPURISCVState *env, const RISCVInsn *in,         \
                          uint64_t pc, int64_t budget)

/*
 * A chain keeps the guest pc and the budget in registers (the handlers'
 * @pc and @budget arguments); env->pc and env->budget are only valid
 * when the chain ends and around SYNC() ... RESYNC().  SYNC() writes them
 * back before anything out of line that may trap, read pc or the
 * instruction count, or call riscv_request_check(); RESYNC() picks up the
 * budget afterwards (zero if a check was requested, which ends the chain
 * after this instruction).
 */
#define SYNC()   (env->pc = pc, env->budget = budget)
#define RESYNC() (budget = env->budget)

/*
 * Retire the instruction, then run @nx: a call in tail position, which
 * the compiler turns into a jump, so that straight-line code and branches
 * inside a page run as a chain of handlers (each with its own dispatch
 * branch, which the host predicts well) without returning to the loop.
 * The chain ends when the budget does: at most RISCV_CHAIN_MAX
 * instructions, so even without tail calls the stack stays bounded.
 */
#define CHAIN(nx, npc)                                                     \
    do {                                                                   \
        const RISCVInsn *nx_ = (nx);                                       \
        uint64_t npc_ = (npc);                                             \
                                                                           \
        if (likely(--budget > 0)) {                                        \
            nx_->fn(env, nx_, npc_, budget);                               \
        } else {                                                           \
            env->pc = npc_;                                                \
            env->budget = budget;                                          \
        }                                                                  \
    } while (0)
#define NEXT()                                                             \
    do {                                                                   \
        unsigned len_ = in->len;                                           \
                                                                           \
        CHAIN(SLOT_AT(len_), pc + len_);                                \
    } while (0)
#define RISCV_CHAIN_MAX 256

/* The slot @off bytes of guest code after @in (@off even). */
#define SLOT_AT(off) \
    ((const RISCVInsn *)((const char *)in +                                \
                         (int64_t)(off) * (int64_t)(sizeof(RISCVInsn) / 2)))

/* ---- Memory fast paths: TLB hit = host pointer into guest RAM -------- */

/*
 * The entry of @tlb for @va, and whether it maps @size bytes at @va.
 * Entries sit at the index of their own page (invalid ones hold
 * UINT64_MAX), so an entry found through @va whose tag is the page of the
 * last byte is also the page of the first: one compare covers both the
 * hit and the page-crossing test (misaligned accesses inside the page
 * still hit).
 */
static inline const RISCVTLBEntry *tlb_entry(const RISCVTLBEntry *tlb,
                                             uint64_t va)
{
    return &tlb[(va >> 12) % RISCV_TLB_SIZE];
}

static inline bool tlb_hit(const RISCVTLBEntry *t, uint64_t va, int size)
{
    return t->tag == ((va + size - 1) & RISCV_PAGE_MASK);
}

/* ---- Control transfer ------------------------------------------------ */

/* Without C, IALIGN is 32: a target not 4-aligned traps on the jump. */
#define CHECK_TARGET(target)                                               \
    do {                                                                   \
        if (unlikely(((target) & 2) && !(env->misa_ext & RVC))) {          \
            SYNC();                                                        \
            riscv_raise_exception(env, RISCV_EXCP_INST_ADDR_MIS, (target)); \
        }                                                                  \
    } while (0)

/* Go to @target (already checked); a target in the same page chains. */
#define JUMP_TO(target)                                                    \
    do {                                                                   \
        uint64_t t_ = (target);                                            \
                                                                           \
        if (((t_ ^ pc) & RISCV_PAGE_MASK) == 0) {                          \
            CHAIN(SLOT_AT(t_ - pc), t_);                     \
        } else {                                                           \
            env->pc = t_;                                                  \
            env->budget = budget - 1;                                      \
        }                                                                  \
    } while (0)

HANDLER(illegal)
{
    SYNC();
    riscv_raise_exception(env, RISCV_EXCP_ILLEGAL_INST, (uint32_t)in->imm);
}

/* RV64I: U-type, jumps, branches (unprivileged spec 2.4-2.5) */
HANDLER(lui)   { R(rd) = (int64_t)in->imm; NEXT(); }
HANDLER(auipc) { R(rd) = pc + (int64_t)in->imm; NEXT(); }

HANDLER(jal)
{
    uint64_t link = pc + in->len;
    uint64_t target = pc + (int64_t)in->imm;

    CHECK_TARGET(target);
    R(rd) = link;
    JUMP_TO(target);
}

HANDLER(jalr)
{
    uint64_t target = (R(rs1) + (int64_t)in->imm) & ~1ULL;
    uint64_t link = pc + in->len;

    CHECK_TARGET(target);
    R(rd) = link;
    JUMP_TO(target);
}

#define BRANCH(name, cond)                                                 \
HANDLER(name)                                                              \
{                                                                          \
    uint64_t a = R(rs1), b = R(rs2);                                       \
                                                                           \
    if (cond) {                                                            \
        uint64_t target = pc + (int64_t)in->imm;                           \
                                                                           \
        CHECK_TARGET(target);                                              \
        JUMP_TO(target);                                                   \
    } else {                                                               \
        NEXT();                                                            \
    }                                                                      \
}

BRANCH(beq, a == b)
BRANCH(bne, a != b)
BRANCH(blt, (int64_t)a < (int64_t)b)
BRANCH(bge, (int64_t)a >= (int64_t)b)
BRANCH(bltu, a < b)
BRANCH(bgeu, a >= b)

/* Loads and stores (2.6); misaligned ones are performed, not trapped. */
#define ADDR() (R(rs1) + (int64_t)in->imm)

/*
 * A TLB miss tail-calls the _slow twin of the handler, so that the fast
 * one makes no call and needs no stack frame.
 */
#define LOAD(name, type)                                                   \
static __attribute__((noinline)) void                                      \
op_##name##_slow(CPURISCVState *env, const RISCVInsn *in, uint64_t pc,     \
                 int64_t budget)                                           \
{                                                                          \
    uint64_t v;                                                            \
                                                                           \
    SYNC();                                                                \
    v = riscv_load_slow(env, ADDR(), sizeof(type));                        \
    RESYNC();                                                              \
    R(rd) = (type)v;                                                       \
    NEXT();                                                                \
}                                                                          \
HANDLER(name)                                                              \
{                                                                          \
    uint64_t va = ADDR();                                                  \
    const RISCVTLBEntry *t = tlb_entry(env->tlb_read[env->data_mmu], va);    \
    type v;                                                                \
                                                                           \
    if (unlikely(!tlb_hit(t, va, sizeof(type)))) {                         \
        op_##name##_slow(env, in, pc, budget);                             \
        return;                                                            \
    }                                                                      \
    memcpy(&v, (void *)(t->addend + va), sizeof(v));                       \
    R(rd) = v;                                                             \
    NEXT();                                                                \
}

#define STORE(name, type)                                                  \
static __attribute__((noinline)) void                                      \
op_##name##_slow(CPURISCVState *env, const RISCVInsn *in, uint64_t pc,     \
                 int64_t budget)                                           \
{                                                                          \
    SYNC();                                                                \
    riscv_store_slow(env, ADDR(), sizeof(type), (type)R(rs2));             \
    RESYNC();                                                              \
    NEXT();                                                                \
}                                                                          \
HANDLER(name)                                                              \
{                                                                          \
    uint64_t va = ADDR();                                                  \
    const RISCVTLBEntry *t = tlb_entry(env->tlb_write[env->data_mmu], va);   \
    type v = R(rs2);                                                       \
                                                                           \
    if (unlikely(!tlb_hit(t, va, sizeof(type)))) {                         \
        op_##name##_slow(env, in, pc, budget);                             \
        return;                                                            \
    }                                                                      \
    memcpy((void *)(t->addend + va), &v, sizeof(v));                       \
    NEXT();                                                                \
}

LOAD(lb, int8_t)
LOAD(lh, int16_t)
LOAD(lw, int32_t)
LOAD(ld, uint64_t)
LOAD(lbu, uint8_t)
LOAD(lhu, uint16_t)
LOAD(lwu, uint32_t)
STORE(sb, uint8_t)
STORE(sh, uint16_t)
STORE(sw, uint32_t)
STORE(sd, uint64_t)

/* Integer computation (2.4, 5.2): a is rs1, b is rs2 or the immediate. */
#define ALU(name, expr)                                                    \
HANDLER(name)                                                              \
{                                                                          \
    uint64_t a = R(rs1), b = R(rs2);                                       \
                                                                           \
    R(rd) = (expr);                                                        \
    NEXT();                                                                \
}
#define ALUI(name, expr)                                                   \
HANDLER(name)                                                              \
{                                                                          \
    uint64_t a = R(rs1), b = (int64_t)in->imm;                             \
                                                                           \
    R(rd) = (expr);                                                        \
    NEXT();                                                                \
}
#define SEXT32(x) ((uint64_t)(int64_t)(int32_t)(x))

ALUI(addi, a + b)
ALUI(slti, (int64_t)a < (int64_t)b)
ALUI(sltiu, a < b)
ALUI(xori, a ^ b)
ALUI(ori, a | b)
ALUI(andi, a & b)
ALUI(slli, a << b)
ALUI(srli, a >> b)
ALUI(srai, (uint64_t)((int64_t)a >> b))
ALUI(addiw, SEXT32(a + b))
ALUI(slliw, SEXT32((uint32_t)a << b))
ALUI(srliw, SEXT32((uint32_t)a >> b))
ALUI(sraiw, SEXT32((int32_t)a >> b))
ALU(add, a + b)
ALU(sub, a - b)
ALU(sll, a << (b & 63))
ALU(slt, (int64_t)a < (int64_t)b)
ALU(sltu, a < b)
ALU(xor, a ^ b)
ALU(srl, a >> (b & 63))
ALU(sra, (uint64_t)((int64_t)a >> (b & 63)))
ALU(or, a | b)
ALU(and, a & b)
ALU(addw, SEXT32(a + b))
ALU(subw, SEXT32(a - b))
ALU(sllw, SEXT32((uint32_t)a << (b & 31)))
ALU(srlw, SEXT32((uint32_t)a >> (b & 31)))
ALU(sraw, SEXT32((int32_t)a >> (b & 31)))

/* M (chapter 7) */
ALU(mul, a * b)
ALU(mulh, (uint64_t)(((__int128)(int64_t)a * (__int128)(int64_t)b) >> 64))
ALU(mulhsu, (uint64_t)(((__int128)(int64_t)a * (__int128)b) >> 64))
ALU(mulhu, (uint64_t)(((unsigned __int128)a * b) >> 64))
ALU(mulw, SEXT32(a * b))

/*
 * Division corner cases (M spec table 7.1): x/0 = -1 (all ones unsigned),
 * x%0 = x; signed overflow (most negative / -1) gives the most negative
 * number and remainder 0.
 */
static uint64_t div64(int64_t a, int64_t b)
{
    if (b == 0) {
        return UINT64_MAX;
    }
    if (a == INT64_MIN && b == -1) {
        return (uint64_t)INT64_MIN;
    }
    return (uint64_t)(a / b);
}

static uint64_t rem64(int64_t a, int64_t b)
{
    if (b == 0) {
        return (uint64_t)a;
    }
    if (a == INT64_MIN && b == -1) {
        return 0;
    }
    return (uint64_t)(a % b);
}

static uint32_t div32(int32_t a, int32_t b)
{
    if (b == 0) {
        return UINT32_MAX;
    }
    if (a == INT32_MIN && b == -1) {
        return (uint32_t)INT32_MIN;
    }
    return (uint32_t)(a / b);
}

static uint32_t rem32(int32_t a, int32_t b)
{
    if (b == 0) {
        return (uint32_t)a;
    }
    if (a == INT32_MIN && b == -1) {
        return 0;
    }
    return (uint32_t)(a % b);
}

ALU(div, div64(a, b))
ALU(divu, b ? a / b : UINT64_MAX)
ALU(rem, rem64(a, b))
ALU(remu, b ? a % b : a)
ALU(divw, SEXT32(div32(a, b)))
ALU(divuw, SEXT32((uint32_t)b ? (uint32_t)a / (uint32_t)b : UINT32_MAX))
ALU(remw, SEXT32(rem32(a, b)))
ALU(remuw, SEXT32((uint32_t)b ? (uint32_t)a % (uint32_t)b : (uint32_t)a))

/* ---- A (chapter 8) --------------------------------------------------- */

enum { AMO_SWAP, AMO_ADD, AMO_XOR, AMO_AND, AMO_OR, AMO_MIN, AMO_MAX,
       AMO_MINU, AMO_MAXU };

static uint64_t amo_apply(int op, uint64_t old, uint64_t val, bool word)
{
    int64_t so = word ? (int32_t)old : (int64_t)old;
    int64_t sv = word ? (int32_t)val : (int64_t)val;
    uint64_t uo = word ? (uint32_t)old : old;
    uint64_t uv = word ? (uint32_t)val : val;

    switch (op) {
    case AMO_SWAP: return val;
    case AMO_ADD:  return old + val;
    case AMO_XOR:  return old ^ val;
    case AMO_AND:  return old & val;
    case AMO_OR:   return old | val;
    case AMO_MIN:  return so < sv ? old : val;
    case AMO_MAX:  return so > sv ? old : val;
    case AMO_MINU: return uo < uv ? old : val;
    default:       return uo > uv ? old : val;
    }
}

static void do_amo(CPURISCVState *env, const RISCVInsn *in, uint64_t pc,
                   int64_t budget, int size)
{
    int op = in->imm;   /* before the access: it may rewrite this slot */
    uint64_t va = R(rs1), old = 0, val;
    const RISCVTLBEntry *t =
        &env->tlb_write[env->data_mmu][(va >> 12) % RISCV_TLB_SIZE];
    void *host;
    hwaddr pa;

    SYNC();     /* AMOs are rare: the slow paths below need it */
    if (likely(t->tag == (va & RISCV_PAGE_MASK) && !(va & (size - 1)))) {
        host = (void *)(t->addend + va);
    } else {
        host = riscv_amo_host(env, va, size, &pa);
    }
    if (host) {
        memcpy(&old, host, size);
        val = amo_apply(op, old, R(rs2), size == 4);
        memcpy(host, &val, size);
    } else {
        old = riscv_load_slow(env, va, size);
        val = amo_apply(op, old, R(rs2), size == 4);
        riscv_store_slow(env, va, size, val);
    }
    R(rd) = size == 4 ? SEXT32(old) : old;
    RESYNC();
    NEXT();
}

HANDLER(amo_w) { do_amo(env, in, pc, budget, 4); }
HANDLER(amo_d) { do_amo(env, in, pc, budget, 8); }

#define SLOW(stmt) do { SYNC(); stmt; RESYNC(); NEXT(); } while (0)
HANDLER(lr_w)  { SLOW(R(rd) = SEXT32(riscv_lr(env, R(rs1), 4))); }
HANDLER(lr_d)  { SLOW(R(rd) = riscv_lr(env, R(rs1), 8)); }
HANDLER(sc_w)  { SLOW(R(rd) = !riscv_sc(env, R(rs1), 4, R(rs2))); }
HANDLER(sc_d)  { SLOW(R(rd) = !riscv_sc(env, R(rs1), 8, R(rs2))); }

/* ---- Fences, Zicsr, system -------------------------------------------- */

/* One hart runs at a time in program order: FENCE orders nothing more. */
HANDLER(fence) { NEXT(); }

/* Stores already drop the code they hit; DMA may not, so start over. */
HANDLER(fence_i)
{
    SLOW(riscv_code_flush_all(env));
}

static void do_csr(CPURISCVState *env, const RISCVInsn *in, uint64_t pc,
                   int64_t budget, uint64_t src, int kind, bool write)
{
    uint64_t old;
    uint64_t mask = kind == 1 ? ~0ULL : src;
    uint64_t val = kind == 3 ? 0 : src;
    int excp;

    /* kind 1: CSRRW, 2: CSRRS (set bits in mask), 3: CSRRC (clear). */
    SYNC();
    excp = riscv_csr_op(env, (uint32_t)in->imm >> 20, &old, val,
                        write ? mask : 0, write);
    if (excp != RISCV_EXCP_NONE) {
        riscv_raise_exception(env, excp, (uint32_t)in->imm);
    }
    R(rd) = old;
    RESYNC();
    NEXT();
}

HANDLER(csrrw)  { do_csr(env, in, pc, budget, R(rs1), 1, true); }
HANDLER(csrrs)  { do_csr(env, in, pc, budget, R(rs1), 2, in->rs1 != 0); }
HANDLER(csrrc)  { do_csr(env, in, pc, budget, R(rs1), 3, in->rs1 != 0); }
HANDLER(csrrwi) { do_csr(env, in, pc, budget, in->rs1, 1, true); }
HANDLER(csrrsi) { do_csr(env, in, pc, budget, in->rs1, 2, in->rs1 != 0); }
HANDLER(csrrci) { do_csr(env, in, pc, budget, in->rs1, 3, in->rs1 != 0); }

HANDLER(ecall)
{
    SYNC();
    riscv_raise_exception(env, RISCV_EXCP_U_ECALL + env->priv, 0);
}

HANDLER(ebreak)
{
    SYNC();
    riscv_raise_exception(env, RISCV_EXCP_BREAKPOINT, pc);
}

/* 3.3.2: xRET pops the privilege stack; MPRV clears when leaving M. */
HANDLER(mret)
{
    uint64_t s = env->mstatus;
    int mpp = (s & MSTATUS_MPP) >> MSTATUS_MPP_SHIFT;
    int least = (env->misa_ext & RVU) ? PRV_U : PRV_M;

    if (env->priv < PRV_M) {
        op_illegal(env, in, pc, budget);
    }
    s = (s & ~MSTATUS_MIE) | ((s & MSTATUS_MPIE) ? MSTATUS_MIE : 0);
    s |= MSTATUS_MPIE;
    s = (s & ~MSTATUS_MPP) | ((uint64_t)least << MSTATUS_MPP_SHIFT);
    if (mpp != PRV_M) {
        s &= ~MSTATUS_MPRV;
    }
    env->mstatus = s;
    env->priv = mpp;
    env->pc = env->mepc & ((env->misa_ext & RVC) ? ~1ULL : ~3ULL);
    env->budget = budget - 1;
    riscv_update_data_mmu(env);
    riscv_request_check(env);
    qemu_log_mask(CPU_LOG_INT, "mret: hart:%" PRIu64 " -> priv %d, pc 0x%"
                  PRIx64 "\n", env->mhartid, mpp, env->pc);
}

HANDLER(sret)
{
    uint64_t s = env->mstatus;
    int spp = (s & MSTATUS_SPP) ? PRV_S : PRV_U;

    if (env->priv < PRV_S ||
        (env->priv == PRV_S && (s & MSTATUS_TSR))) {
        op_illegal(env, in, pc, budget);
    }
    s = (s & ~MSTATUS_SIE) | ((s & MSTATUS_SPIE) ? MSTATUS_SIE : 0);
    s |= MSTATUS_SPIE;
    s &= ~(MSTATUS_SPP | MSTATUS_MPRV);
    env->mstatus = s;
    env->priv = spp;
    env->pc = env->sepc & ((env->misa_ext & RVC) ? ~1ULL : ~3ULL);
    env->budget = budget - 1;
    riscv_update_data_mmu(env);
    riscv_request_check(env);
    qemu_log_mask(CPU_LOG_INT, "sret: hart:%" PRIu64 " -> priv %d, pc 0x%"
                  PRIx64 "\n", env->mhartid, spp, env->pc);
}

/*
 * 3.3.3: wfi is illegal in U-mode and, with mstatus.TW, in S-mode (we
 * time out at once).  Otherwise the hart sleeps until (mip & mie) != 0.
 */
HANDLER(wfi)
{
    if (env->priv == PRV_U ||
        (env->priv == PRV_S && (env->mstatus & MSTATUS_TW))) {
        op_illegal(env, in, pc, budget);
    }
    if (!(riscv_read_mip(env) & env->mie)) {
        env->halted = true;
        SYNC();
        riscv_request_check(env);
        RESYNC();
    }
    NEXT();
}

HANDLER(sfence_vma)
{
    if (env->priv == PRV_U ||
        (env->priv == PRV_S && (env->mstatus & MSTATUS_TVM))) {
        op_illegal(env, in, pc, budget);
    }
    SLOW(riscv_tlb_flush(env));
}

/* ---- Decoder ---------------------------------------------------------- */

static uint32_t enc_r(uint32_t op, uint32_t rd, uint32_t f3, uint32_t rs1,
                      uint32_t rs2, uint32_t f7)
{
    return (f7 << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) |
           op;
}

static uint32_t enc_i(uint32_t op, uint32_t rd, uint32_t f3, uint32_t rs1,
                      int32_t imm)
{
    return ((uint32_t)imm << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | op;
}

static uint32_t enc_s(uint32_t op, uint32_t f3, uint32_t rs1, uint32_t rs2,
                      int32_t imm)
{
    uint32_t u = imm;

    return ((u >> 5 & 0x7f) << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) |
           ((u & 0x1f) << 7) | op;
}

static uint32_t enc_b(uint32_t f3, uint32_t rs1, uint32_t rs2, int32_t imm)
{
    uint32_t u = imm;

    return ((u >> 12 & 1) << 31) | ((u >> 5 & 0x3f) << 25) | (rs2 << 20) |
           (rs1 << 15) | (f3 << 12) | ((u >> 1 & 0xf) << 8) |
           ((u >> 11 & 1) << 7) | 0x63;
}

static uint32_t enc_j(uint32_t rd, int32_t imm)
{
    uint32_t u = imm;

    return ((u >> 20 & 1) << 31) | ((u >> 1 & 0x3ff) << 21) |
           ((u >> 11 & 1) << 20) | ((u >> 12 & 0xff) << 12) | (rd << 7) |
           0x6f;
}

#define BIT(x, n) (((x) >> (n)) & 1)
#define BITS(x, hi, lo) (((x) >> (lo)) & ((1u << ((hi) - (lo) + 1)) - 1))

/* Sign-extend the low @bits of @v. */
static int32_t sext(uint32_t v, int bits)
{
    return (int32_t)(v << (32 - bits)) >> (32 - bits);
}

/*
 * Expand an RV64C instruction to its 32-bit equivalent (C spec chapter
 * 16, tables 16.5-16.7).  Returns 0 for reserved and unimplemented (F/D)
 * encodings, which decode as illegal.
 */
uint32_t riscv_expand_c(uint16_t c)
{
    int rdp = BITS(c, 4, 2) + 8, rs1p = BITS(c, 9, 7) + 8;
    int rd = BITS(c, 11, 7), rs2 = BITS(c, 6, 2);
    int32_t imm6 = sext((BIT(c, 12) << 5) | BITS(c, 6, 2), 6);
    uint32_t uimm;

    switch ((BITS(c, 15, 13) << 2) | BITS(c, 1, 0)) {
    case 0x00:  /* C.ADDI4SPN */
        uimm = (BITS(c, 12, 11) << 4) | (BITS(c, 10, 7) << 6) |
               (BIT(c, 6) << 2) | (BIT(c, 5) << 3);
        return uimm ? enc_i(0x13, rdp, 0, 2, uimm) : 0;
    case 0x08:  /* C.LW */
        uimm = (BITS(c, 12, 10) << 3) | (BIT(c, 6) << 2) | (BIT(c, 5) << 6);
        return enc_i(0x03, rdp, 2, rs1p, uimm);
    case 0x0c:  /* C.LD */
        uimm = (BITS(c, 12, 10) << 3) | (BITS(c, 6, 5) << 6);
        return enc_i(0x03, rdp, 3, rs1p, uimm);
    case 0x18:  /* C.SW */
        uimm = (BITS(c, 12, 10) << 3) | (BIT(c, 6) << 2) | (BIT(c, 5) << 6);
        return enc_s(0x23, 2, rs1p, rdp, uimm);
    case 0x1c:  /* C.SD */
        uimm = (BITS(c, 12, 10) << 3) | (BITS(c, 6, 5) << 6);
        return enc_s(0x23, 3, rs1p, rdp, uimm);
    case 0x01:  /* C.ADDI (C.NOP) */
        return enc_i(0x13, rd, 0, rd, imm6);
    case 0x05:  /* C.ADDIW */
        return rd ? enc_i(0x1b, rd, 0, rd, imm6) : 0;
    case 0x09:  /* C.LI */
        return enc_i(0x13, rd, 0, 0, imm6);
    case 0x0d:
        if (rd == 2) {  /* C.ADDI16SP */
            int32_t imm = sext((BIT(c, 12) << 9) | (BIT(c, 6) << 4) |
                               (BIT(c, 5) << 6) | (BITS(c, 4, 3) << 7) |
                               (BIT(c, 2) << 5), 10);
            return imm ? enc_i(0x13, 2, 0, 2, imm) : 0;
        }
        /* C.LUI */
        return imm6 ? ((uint32_t)imm6 << 12) | ((uint32_t)rd << 7) | 0x37 : 0;
    case 0x11: {    /* C.SRLI, C.SRAI, C.ANDI, C.SUB ... */
        int shamt = (BIT(c, 12) << 5) | BITS(c, 6, 2);
        static const int f3[4] = { 0, 4, 6, 7 };

        switch (BITS(c, 11, 10)) {
        case 0:
            return enc_i(0x13, rs1p, 5, rs1p, shamt);
        case 1:
            return enc_i(0x13, rs1p, 5, rs1p, shamt | 0x400);
        case 2:
            return enc_i(0x13, rs1p, 7, rs1p, imm6);
        default:
            if (!BIT(c, 12)) {
                int op = BITS(c, 6, 5);

                return enc_r(0x33, rs1p, f3[op], rs1p, rdp,
                             op == 0 ? 0x20 : 0);
            }
            switch (BITS(c, 6, 5)) {
            case 0:
                return enc_r(0x3b, rs1p, 0, rs1p, rdp, 0x20);   /* C.SUBW */
            case 1:
                return enc_r(0x3b, rs1p, 0, rs1p, rdp, 0);      /* C.ADDW */
            default:
                return 0;
            }
        }
    }
    case 0x15: {    /* C.J */
        int32_t imm = sext((BIT(c, 12) << 11) | (BIT(c, 11) << 4) |
                           (BITS(c, 10, 9) << 8) | (BIT(c, 8) << 10) |
                           (BIT(c, 7) << 6) | (BIT(c, 6) << 7) |
                           (BITS(c, 5, 3) << 1) | (BIT(c, 2) << 5), 12);
        return enc_j(0, imm);
    }
    case 0x19:      /* C.BEQZ */
    case 0x1d: {    /* C.BNEZ */
        int32_t imm = sext((BIT(c, 12) << 8) | (BITS(c, 11, 10) << 3) |
                           (BITS(c, 6, 5) << 6) | (BITS(c, 4, 3) << 1) |
                           (BIT(c, 2) << 5), 9);
        return enc_b(BIT(c, 13), rs1p, 0, imm);
    }
    case 0x02:  /* C.SLLI */
        return enc_i(0x13, rd, 1, rd, (BIT(c, 12) << 5) | BITS(c, 6, 2));
    case 0x0a:  /* C.LWSP */
        uimm = (BIT(c, 12) << 5) | (BITS(c, 6, 4) << 2) | (BITS(c, 3, 2) << 6);
        return rd ? enc_i(0x03, rd, 2, 2, uimm) : 0;
    case 0x0e:  /* C.LDSP */
        uimm = (BIT(c, 12) << 5) | (BITS(c, 6, 5) << 3) | (BITS(c, 4, 2) << 6);
        return rd ? enc_i(0x03, rd, 3, 2, uimm) : 0;
    case 0x12:
        if (!BIT(c, 12)) {
            if (rs2 == 0) {     /* C.JR */
                return rd ? enc_i(0x67, 0, 0, rd, 0) : 0;
            }
            return enc_r(0x33, rd, 0, 0, rs2, 0);       /* C.MV */
        }
        if (rs2 == 0) {
            return rd ? enc_i(0x67, 1, 0, rd, 0)        /* C.JALR */
                      : 0x00100073;                     /* C.EBREAK */
        }
        return enc_r(0x33, rd, 0, rd, rs2, 0);          /* C.ADD */
    case 0x1a:  /* C.SWSP */
        uimm = (BITS(c, 12, 9) << 2) | (BITS(c, 8, 7) << 6);
        return enc_s(0x23, 2, 2, rs2, uimm);
    case 0x1e:  /* C.SDSP */
        uimm = (BITS(c, 12, 10) << 3) | (BITS(c, 9, 7) << 6);
        return enc_s(0x23, 3, 2, rs2, uimm);
    default:    /* C.FLD, C.FSD, C.FLDSP, C.FSDSP, reserved */
        return 0;
    }
}

static RISCVInsnFn decode_op(uint32_t insn, bool word)
{
    int f3 = BITS(insn, 14, 12), f7 = BITS(insn, 31, 25);
    static const RISCVInsnFn base[8] = { op_add, op_sll, op_slt, op_sltu,
                                         op_xor, op_srl, op_or, op_and };
    static const RISCVInsnFn mext[8] = { op_mul, op_mulh, op_mulhsu,
                                         op_mulhu, op_div, op_divu, op_rem,
                                         op_remu };
    static const RISCVInsnFn basew[8] = { op_addw, op_sllw, NULL, NULL,
                                          NULL, op_srlw, NULL, NULL };
    static const RISCVInsnFn mextw[8] = { op_mulw, NULL, NULL, NULL,
                                          op_divw, op_divuw, op_remw,
                                          op_remuw };

    if (f7 == 0) {
        return word ? basew[f3] : base[f3];
    }
    if (f7 == 1) {
        return word ? mextw[f3] : mext[f3];
    }
    if (f7 == 0x20) {
        if (f3 == 0) {
            return word ? op_subw : op_sub;
        }
        if (f3 == 5) {
            return word ? op_sraw : op_sra;
        }
    }
    return NULL;
}

/* A chapter 8: funct5 -> AMO operation (+1; 0 means reserved). */
static const uint8_t amo_funct5[32] = {
    [0x00] = AMO_ADD + 1, [0x01] = AMO_SWAP + 1, [0x04] = AMO_XOR + 1,
    [0x08] = AMO_OR + 1, [0x0c] = AMO_AND + 1, [0x10] = AMO_MIN + 1,
    [0x14] = AMO_MAX + 1, [0x18] = AMO_MINU + 1, [0x1c] = AMO_MAXU + 1,
};

/* LR, SC and the AMOs; the AMO operation goes in @in->imm. */
static RISCVInsnFn decode_amo(uint32_t insn, RISCVInsn *in)
{
    int f5 = BITS(insn, 31, 27), f3 = BITS(insn, 14, 12);
    bool d = f3 == 3;

    if (f3 != 2 && f3 != 3) {
        return NULL;
    }
    if (f5 == 0x02) {
        return BITS(insn, 24, 20) ? NULL : d ? op_lr_d : op_lr_w;
    }
    if (f5 == 0x03) {
        return d ? op_sc_d : op_sc_w;
    }
    if (!amo_funct5[f5]) {
        return NULL;
    }
    in->imm = amo_funct5[f5] - 1;
    return d ? op_amo_d : op_amo_w;
}

static RISCVInsnFn decode_system(uint32_t insn)
{
    static const RISCVInsnFn csr[8] = { NULL, op_csrrw, op_csrrs, op_csrrc,
                                        NULL, op_csrrwi, op_csrrsi,
                                        op_csrrci };
    int f3 = BITS(insn, 14, 12);

    if (f3 != 0) {
        return csr[f3];
    }
    switch (insn) {
    case 0x00000073:
        return op_ecall;
    case 0x00100073:
        return op_ebreak;
    case 0x30200073:
        return op_mret;
    case 0x10200073:
        return op_sret;
    case 0x10500073:
        return op_wfi;
    default:
        if ((insn & 0xfe007fff) == 0x12000073) {
            return op_sfence_vma;
        }
        return NULL;
    }
}

/*
 * Decode the 32-bit instruction @insn (already expanded when @len is 2)
 * into @in.  Unknown encodings and disabled extensions become op_illegal,
 * which reports @raw in mtval.
 */
static void decode32(CPURISCVState *env, RISCVInsn *in, uint32_t insn)
{
    static const RISCVInsnFn loads[8] = { op_lb, op_lh, op_lw, op_ld,
                                          op_lbu, op_lhu, op_lwu, NULL };
    static const RISCVInsnFn stores[8] = { op_sb, op_sh, op_sw, op_sd };
    static const RISCVInsnFn branches[8] = { op_beq, op_bne, NULL, NULL,
                                             op_blt, op_bge, op_bltu,
                                             op_bgeu };
    static const RISCVInsnFn opimm[8] = { op_addi, op_slli, op_slti,
                                          op_sltiu, op_xori, op_srli,
                                          op_ori, op_andi };
    int f3 = BITS(insn, 14, 12);
    int32_t imm_i = (int32_t)insn >> 20;
    RISCVInsnFn fn = NULL;

    in->rd = BITS(insn, 11, 7);
    in->rs1 = BITS(insn, 19, 15);
    in->rs2 = BITS(insn, 24, 20);
    in->imm = imm_i;

    switch (insn & 0x7f) {
    case 0x37:
        fn = op_lui;
        in->imm = (int32_t)(insn & 0xfffff000);
        break;
    case 0x17:
        fn = op_auipc;
        in->imm = (int32_t)(insn & 0xfffff000);
        break;
    case 0x6f:
        fn = op_jal;
        in->imm = sext((BIT(insn, 31) << 20) | (BITS(insn, 30, 21) << 1) |
                       (BIT(insn, 20) << 11) | (BITS(insn, 19, 12) << 12), 21);
        break;
    case 0x67:
        fn = f3 == 0 ? op_jalr : NULL;
        break;
    case 0x63:
        fn = branches[f3];
        in->imm = sext((BIT(insn, 31) << 12) | (BITS(insn, 30, 25) << 5) |
                       (BITS(insn, 11, 8) << 1) | (BIT(insn, 7) << 11), 13);
        break;
    case 0x03:
        fn = loads[f3];
        break;
    case 0x23:
        fn = stores[f3];
        in->imm = sext(((insn >> 25) << 5) | BITS(insn, 11, 7), 12);
        break;
    case 0x13:
        fn = opimm[f3];
        if (f3 == 1 || f3 == 5) {
            int f6 = BITS(insn, 31, 26);

            in->imm = BITS(insn, 25, 20);
            if (f3 == 5 && f6 == 0x10) {
                fn = op_srai;
            } else if (f6 != 0) {
                fn = NULL;
            }
        }
        break;
    case 0x1b:
        in->imm = BITS(insn, 24, 20);
        if (f3 == 0) {
            fn = op_addiw;
            in->imm = imm_i;
        } else if (f3 == 1 && BITS(insn, 31, 25) == 0) {
            fn = op_slliw;
        } else if (f3 == 5 && BITS(insn, 31, 25) == 0) {
            fn = op_srliw;
        } else if (f3 == 5 && BITS(insn, 31, 25) == 0x20) {
            fn = op_sraiw;
        }
        break;
    case 0x33:
    case 0x3b:
        fn = decode_op(insn, (insn & 0x7f) == 0x3b);
        if (BITS(insn, 31, 25) == 1 && !(env->misa_ext & RVM)) {
            fn = NULL;
        }
        break;
    case 0x0f:
        fn = f3 == 0 ? op_fence : f3 == 1 ? op_fence_i : NULL;
        break;
    case 0x73:
        fn = decode_system(insn);
        in->imm = insn;     /* CSRs: the number is imm >> 20 */
        break;
    case 0x2f:
        fn = (env->misa_ext & RVA) ? decode_amo(insn, in) : NULL;
        break;
    default:
        break;
    }
    in->fn = fn ? fn : op_illegal;
    if (in->rd == 0) {
        in->rd = 32;    /* x0 stays zero: writes go to the sink */
    }
}

void riscv_decode(CPURISCVState *env, RISCVInsn *in, uint32_t raw, int len)
{
    uint32_t insn = raw;

    if (len == 2) {
        insn = (env->misa_ext & RVC) ? riscv_expand_c(raw) : 0;
    }
    decode32(env, in, insn);
    in->len = len;
    if (in->fn == op_illegal) {
        in->imm = raw;      /* mtval */
    }
}

/* ---- Decoded-page cache ---------------------------------------------- */

/* -d in_asm: one line per newly decoded instruction, objdump style. */
void riscv_log_insn(uint64_t pc, uint32_t raw, int len)
{
    char text[RISCV_DISAS_BUF_SIZE];
    uint8_t code[4] = { raw, raw >> 8, raw >> 16, raw >> 24 };

    riscv_disas_insn(text, sizeof(text), pc, code, len);
    if (len == 2) {
        qemu_log("0x%016" PRIx64 ":  %04x          %s\n", pc, raw, text);
    } else {
        qemu_log("0x%016" PRIx64 ":  %08x      %s\n", pc, raw, text);
    }
}

static void exec_uncached(CPURISCVState *env);

/* Decode a slot on first execution, then run it. */
HANDLER(decode_slot)
{
    RISCVInsn *slot = (RISCVInsn *)in;
    int idx = in->imm;
    RISCVCodePage *page = container_of(slot - idx, RISCVCodePage, insn[0]);
    const uint8_t *p = page->host + idx * 2;
    uint32_t raw = p[0] | (p[1] << 8);
    int len = 2;

    if ((raw & 3) == 3) {
        if (idx == RISCV_PAGE_INSNS - 1) {
            /* The upper half is on the next page: never cached. */
            SYNC();
            exec_uncached(env);
            return;
        }
        raw |= (uint32_t)(p[2] | (p[3] << 8)) << 16;
        len = 4;
    }
    riscv_decode(env, slot, raw, len);
    if (unlikely(qemu_loglevel_mask(CPU_LOG_TB_IN_ASM))) {
        riscv_log_insn(pc, raw, len);
    }
    slot->fn(env, slot, pc, budget);
}

/* Falling off the end of a page: back to the loop for the next one. */
HANDLER(page_end)
{
    SYNC();
}

/*
 * Make slot @idx decode again.  Only fn and imm change: a handler that is
 * running from this slot (a store into its own instruction) has read the
 * rest, and NEXT() still finds len.
 */
void riscv_code_slot_reset(RISCVCodePage *page, int idx)
{
    page->insn[idx].fn = op_decode_slot;
    page->insn[idx].imm = idx;
}

void riscv_code_page_init(RISCVCodePage *page)
{
    page->invalidations = 0;
    for (int i = 0; i < (int)RISCV_PAGE_INSNS; i++) {
        riscv_code_slot_reset(page, i);
    }
    page->insn[RISCV_PAGE_INSNS].fn = op_page_end;
}

/*
 * Fetch, decode and run one instruction without the cache (MMIO, pages
 * with PMP holes, instructions crossing pages).  Its budget is made 1 (with
 * the same count) so that it cannot chain from its temporary record.
 */
static void exec_uncached(CPURISCVState *env)
{
    RISCVInsn tmp;
    uint32_t raw = riscv_fetch_parcel(env, env->pc);
    int len = 2;

    if ((raw & 3) == 3) {
        raw |= (uint32_t)riscv_fetch_parcel(env, env->pc + 2) << 16;
        len = 4;
    }
    riscv_decode(env, &tmp, raw, len);
    env->icount_end -= env->budget - 1;
    env->budget = 1;
    tmp.fn(env, &tmp, env->pc, 1);
}

/* ---- The execution loop ------------------------------------------------ */

/*
 * Things that are not instructions: exit requests, interrupts, wfi.
 * Returns -1 to go on executing, else a RISCVExecStatus.
 */
static int exec_service(CPURISCVState *env)
{
    int irq;

    env->check = false;
    riscv_free_dead_pages(env);
    if (env->exit_request) {
        env->exit_request = false;
        return RISCV_EXEC_EXIT;
    }
    irq = riscv_pending_interrupt(env);
    if (irq >= 0) {
        riscv_do_trap(env, RISCV_EXCP_INT_FLAG | irq, 0);
    }
    if (env->halted) {
        if (!(riscv_read_mip(env) & env->mie)) {
            return RISCV_EXEC_HALTED;
        }
        env->halted = false;
    }
    return -1;
}

/* Log one instruction (-d exec) and the registers at a block (-d cpu). */
static void exec_log(CPURISCVState *env, uint64_t *expect)
{
    if (env->pc != *expect && qemu_loglevel_mask(CPU_LOG_TB_CPU)) {
        riscv_cpu_env_dump(env, qemu_log_file());
    }
    if (qemu_loglevel_mask(CPU_LOG_EXEC)) {
        qemu_log("Trace %" PRIu64 ": 0x%016" PRIx64 " [priv %d]\n",
                 env->mhartid, env->pc, env->priv);
    }
}

/*
 * The loop: look up the decoded page of pc and start a chain there; it
 * comes back here at a jump out of the page, at the end of the budget or
 * when something requested a check.  Logging runs chains of one.
 */
static int exec_loop(CPURISCVState *env, bool logging)
{
    int64_t chain_max = logging ? 1 : RISCV_CHAIN_MAX;
    uint64_t expect = UINT64_MAX;

    for (;;) {
        uint64_t now = riscv_icount(env);
        RISCVCodePage *page;
        const RISCVInsn *in;

        if (unlikely(env->check)) {
            int r = exec_service(env);

            if (r >= 0) {
                return r;
            }
            continue;
        }
        if (now >= env->icount_limit) {
            return RISCV_EXEC_BUDGET;
        }
        env->budget = MIN(env->icount_limit - now, (uint64_t)chain_max);
        env->icount_end = now + env->budget;
        if (unlikely(logging)) {
            exec_log(env, &expect);
        }
        page = riscv_fetch_page(env, env->pc);
        if (!page) {
            exec_uncached(env);
            expect = UINT64_MAX;
            continue;
        }
        in = &page->insn[(env->pc >> 1) & (RISCV_PAGE_INSNS - 1)];
        expect = env->pc;
        in->fn(env, in, env->pc, env->budget);
        /* Decoded now: the next pc is sequential if it is after this. */
        expect += in->len;
    }
}

int riscv_cpu_env_exec(CPURISCVState *env, int64_t max_insns)
{
    int r;

    if (max_insns <= 0) {
        return RISCV_EXEC_BUDGET;
    }
    riscv_check_generation(env);
    env->icount_limit = riscv_icount(env) + max_insns;
    riscv_request_check(env);
    /* A trap longjmps back here, with the trap already taken. */
    sigsetjmp(env->jmpbuf, 0);
    r = exec_loop(env, qemu_loglevel_mask(CPU_LOG_EXEC | CPU_LOG_TB_CPU));
    riscv_free_dead_pages(env);
    return r;
}

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * internal.h: what interp.c, csr.c, cpu_helper.c and cpu.c share and nobody
 * else needs: decoded instructions, the slow memory paths, traps.
 */
#ifndef TARGET_RISCV_INTERNAL_H
#define TARGET_RISCV_INTERNAL_H

#include "cpu.h"

/*
 * A decoded instruction.  Compressed instructions are expanded to their
 * 32-bit equivalent at decode time and differ only in @len (2) and @raw.
 * 16 bytes, so that the next slot is in + len * 8 bytes.
 * Writes to x0 are redirected to the sink register 32 at decode time, so
 * handlers write gpr[rd] unconditionally.  A handler gets the
 * instruction's address in @pc and the chain's remaining budget in
 * @budget (registers, not env: see SYNC() in interp.c).
 */
typedef void (*RISCVInsnFn)(CPURISCVState *env, const RISCVInsn *in,
                            uint64_t pc, int64_t budget);

struct RISCVInsn {
    RISCVInsnFn fn;
    int32_t imm;    /* op_illegal and SYSTEM: the raw instruction */
    uint8_t rd, rs1, rs2, len;
};

#define RISCV_PAGE_INSNS (RISCV_PAGE_SIZE / 2)

/*
 * The decoded form of one physical page of code (RAM or ROM): one slot per
 * halfword, plus a last one past the page whose handler ends the chain.
 */
struct RISCVCodePage {
    hwaddr phys;
    const uint8_t *host;
    unsigned invalidations;     /* stores into it so far */
    RISCVInsn insn[RISCV_PAGE_INSNS + 1];
};

/* Stores into a decoded page after which it is dropped as a whole. */
#define RISCV_CODE_PAGE_INVAL_MAX 64

/* At most this many decoded pages per hart; then the cache starts over. */
#define RISCV_MAX_CODE_PAGES 2048

typedef enum RISCVAccess {
    RISCV_ACCESS_LOAD = 0,
    RISCV_ACCESS_STORE = 1,
    RISCV_ACCESS_FETCH = 2,
} RISCVAccess;

/* cpu_helper.c */
QOMU_NORETURN void riscv_raise_exception(CPURISCVState *env, int cause,
                                         uint64_t tval);
void riscv_do_trap(CPURISCVState *env, uint64_t cause, uint64_t tval);
int riscv_pending_interrupt(CPURISCVState *env);
uint64_t riscv_read_mip(CPURISCVState *env);
void riscv_tlb_flush(CPURISCVState *env);
uint64_t riscv_load_slow(CPURISCVState *env, uint64_t vaddr, int size);
void riscv_store_slow(CPURISCVState *env, uint64_t vaddr, int size,
                      uint64_t val);
void *riscv_amo_host(CPURISCVState *env, uint64_t vaddr, int size,
                     hwaddr *pa);
uint64_t riscv_lr(CPURISCVState *env, uint64_t vaddr, int size);
bool riscv_sc(CPURISCVState *env, uint64_t vaddr, int size, uint64_t val);
RISCVCodePage *riscv_fetch_page(CPURISCVState *env, uint64_t pc);
uint16_t riscv_fetch_parcel(CPURISCVState *env, uint64_t vaddr);
void riscv_code_flush_all(CPURISCVState *env);
void riscv_free_dead_pages(CPURISCVState *env);
void riscv_pmp_update(CPURISCVState *env);
bool riscv_pmp_check(CPURISCVState *env, hwaddr addr, int size,
                     RISCVAccess access, int priv);
int riscv_translate(CPURISCVState *env, uint64_t vaddr, RISCVAccess access,
                    int priv, hwaddr *pa);
void riscv_register_hart(CPURISCVState *env);
void riscv_unregister_hart(CPURISCVState *env);
void riscv_check_generation(CPURISCVState *env);

/* interp.c */
void riscv_decode(CPURISCVState *env, RISCVInsn *in, uint32_t insn, int len);
void riscv_code_page_init(RISCVCodePage *page);
void riscv_code_slot_reset(RISCVCodePage *page, int idx);
uint32_t riscv_expand_c(uint16_t c);
void riscv_log_insn(uint64_t pc, uint32_t raw, int len);

/* csr.c: a CSR instruction; @write is false for CSRRS/C with rs1 = x0. */
int riscv_csr_op(CPURISCVState *env, int csrno, uint64_t *ret_value,
                 uint64_t new_value, uint64_t write_mask, bool write);
uint64_t riscv_counter_read(CPURISCVState *env, bool instret);

/* The privilege loads and stores use: mstatus.MPRV applies MPP in M-mode. */
static inline int riscv_data_priv(CPURISCVState *env)
{
    if (env->priv == PRV_M && (env->mstatus & MSTATUS_MPRV)) {
        return (env->mstatus & MSTATUS_MPP) >> MSTATUS_MPP_SHIFT;
    }
    return env->priv;
}

/* The TLB set of privilege @priv: U 0, S 1, M 2. */
static inline int riscv_mmu_index(int priv)
{
    return priv == PRV_M ? 2 : priv;
}

/* After a change of privilege or of mstatus.MPRV/MPP. */
static inline void riscv_update_data_mmu(CPURISCVState *env)
{
    env->data_mmu = riscv_mmu_index(riscv_data_priv(env));
}

#endif /* TARGET_RISCV_INTERNAL_H */

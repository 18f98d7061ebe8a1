/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * csr.c: RISC-V control and status registers of M, S and U mode
 * (privileged specification 1.12, chapter 2 for access rules, chapters 3-4
 * for each register's fields and WARL behaviour).
 */
#include "qomu/osdep.h"
#include "qomu/log.h"
#include "internal.h"

#define SSTATUS_MASK (MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_UBE | \
                      MSTATUS_SPP | MSTATUS_VS | MSTATUS_FS | MSTATUS_XS | \
                      MSTATUS_SUM | MSTATUS_MXR | MSTATUS_UXL | MSTATUS_SD)

static bool has_ext(CPURISCVState *env, uint32_t ext)
{
    return (env->misa_ext & ext) != 0;
}

uint64_t riscv_counter_read(CPURISCVState *env, bool instret)
{
    /* mcycle counts instructions too: one cycle each, deterministic. */
    if (instret) {
        return (env->mcountinhibit & COUNTINHIBIT_IR)
               ? env->minstret_frozen
               : riscv_icount(env) + env->minstret_off;
    }
    return (env->mcountinhibit & COUNTINHIBIT_CY)
           ? env->mcycle_frozen
           : riscv_icount(env) + env->mcycle_off;
}

/*
 * A write takes effect after the writing instruction retires (3.1.10):
 * the next instruction reads exactly @val.
 */
static void counter_write(CPURISCVState *env, bool instret, uint64_t val)
{
    if (instret) {
        if (env->mcountinhibit & COUNTINHIBIT_IR) {
            env->minstret_frozen = val;
        } else {
            env->minstret_off = val - (riscv_icount(env) + 1);
        }
    } else {
        if (env->mcountinhibit & COUNTINHIBIT_CY) {
            env->mcycle_frozen = val;
        } else {
            env->mcycle_off = val - (riscv_icount(env) + 1);
        }
    }
}

static void countinhibit_write(CPURISCVState *env, uint32_t val)
{
    uint32_t old = env->mcountinhibit;

    val &= COUNTINHIBIT_CY | COUNTINHIBIT_IR;
    if ((val ^ old) & COUNTINHIBIT_CY) {
        if (val & COUNTINHIBIT_CY) {
            env->mcycle_frozen = riscv_counter_read(env, false) + 1;
        } else {
            env->mcycle_off = env->mcycle_frozen - (riscv_icount(env) + 1);
        }
    }
    if ((val ^ old) & COUNTINHIBIT_IR) {
        if (val & COUNTINHIBIT_IR) {
            env->minstret_frozen = riscv_counter_read(env, true) + 1;
        } else {
            env->minstret_off = env->minstret_frozen - (riscv_icount(env) + 1);
        }
    }
    env->mcountinhibit = val;
}

/* Counters seen from S and U are gated by mcounteren / scounteren. */
static bool counter_enabled(CPURISCVState *env, int csrno)
{
    uint32_t bit = 1u << (csrno - CSR_CYCLE);

    if (env->priv < PRV_M && !(env->mcounteren & bit)) {
        return false;
    }
    if (env->priv < PRV_S && !(env->scounteren & bit)) {
        return false;
    }
    return true;
}

static uint64_t mstatus_read(CPURISCVState *env)
{
    uint64_t s = env->mstatus | MSTATUS_UXL_64 | MSTATUS_SXL_64;

    if ((s & MSTATUS_FS) == MSTATUS_FS) {
        s |= MSTATUS_SD;
    }
    return s;
}

static void mstatus_write(CPURISCVState *env, uint64_t val)
{
    uint64_t mask = MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP;
    uint64_t old = env->mstatus;
    uint64_t mpp = (val & MSTATUS_MPP) >> MSTATUS_MPP_SHIFT;

    if (has_ext(env, RVS)) {
        mask |= MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP | MSTATUS_SUM |
                MSTATUS_MXR | MSTATUS_TVM | MSTATUS_TSR | MSTATUS_FS;
    }
    if (has_ext(env, RVU)) {
        mask |= MSTATUS_MPRV | MSTATUS_TW;
    }
    /* MPP is WARL: keep the old value for a mode that does not exist. */
    if (mpp == 2 || (mpp == PRV_S && !has_ext(env, RVS)) ||
        (mpp == PRV_U && !has_ext(env, RVU))) {
        val = (val & ~MSTATUS_MPP) | (old & MSTATUS_MPP);
    }
    env->mstatus = (old & ~mask) | (val & mask);
    /* SUM and MXR change what S/U may access; MPRV/MPP pick a TLB set. */
    if ((old ^ env->mstatus) & (MSTATUS_SUM | MSTATUS_MXR)) {
        riscv_tlb_flush(env);
    }
    riscv_update_data_mmu(env);
    riscv_request_check(env);
}

static uint64_t pmpcfg_read(CPURISCVState *env, int idx)
{
    uint64_t v = 0;

    /* RV64: pmpcfg0 holds entries 0-7, pmpcfg2 8-15, pmpcfg4.. 16-63. */
    if (idx * 8 >= RISCV_PMP_REGIONS) {
        return 0;       /* entries 16..63 are not implemented: zero */
    }
    for (int i = 0; i < 8; i++) {
        v |= (uint64_t)env->pmpcfg[idx * 8 + i] << (8 * i);
    }
    return v;
}

static bool pmpaddr_locked(CPURISCVState *env, int i)
{
    if (env->pmpcfg[i] & PMP_L) {
        return true;
    }
    return i + 1 < RISCV_PMP_REGIONS && (env->pmpcfg[i + 1] & PMP_L) &&
           (env->pmpcfg[i + 1] & PMP_A) == PMP_A_TOR;
}

static void pmpcfg_write(CPURISCVState *env, int idx, uint64_t val)
{
    if (idx * 8 >= RISCV_PMP_REGIONS) {
        return;
    }
    for (int i = 0; i < 8; i++) {
        uint8_t cfg = (val >> (8 * i)) & 0x9f;
        int n = idx * 8 + i;

        if (env->pmpcfg[n] & PMP_L) {
            continue;   /* locked until reset */
        }
        if ((cfg & (PMP_R | PMP_W)) == PMP_W) {
            continue;   /* RW=01 is reserved: keep the old value */
        }
        env->pmpcfg[n] = cfg;
    }
    riscv_pmp_update(env);
}

static int csr_read(CPURISCVState *env, int csrno, uint64_t *val)
{
    bool s = has_ext(env, RVS);

    switch (csrno) {
    case CSR_CYCLE:
    case CSR_INSTRET:
        if (!counter_enabled(env, csrno)) {
            return RISCV_EXCP_ILLEGAL_INST;
        }
        *val = riscv_counter_read(env, csrno == CSR_INSTRET);
        return RISCV_EXCP_NONE;
    case CSR_TIME:
        if (!env->rdtime_fn || !counter_enabled(env, csrno)) {
            return RISCV_EXCP_ILLEGAL_INST;
        }
        *val = env->rdtime_fn(env->rdtime_opaque);
        return RISCV_EXCP_NONE;
    case CSR_HPMCOUNTER3 ... CSR_HPMCOUNTER31:
        if (!counter_enabled(env, csrno)) {
            return RISCV_EXCP_ILLEGAL_INST;
        }
        *val = 0;
        return RISCV_EXCP_NONE;
    case CSR_MVENDORID:
    case CSR_MARCHID:
    case CSR_MIMPID:
    case CSR_MCONFIGPTR:
        *val = 0;
        return RISCV_EXCP_NONE;
    case CSR_MHARTID:
        *val = env->mhartid;
        return RISCV_EXCP_NONE;
    case CSR_MSTATUS:
        *val = mstatus_read(env);
        return RISCV_EXCP_NONE;
    case CSR_MISA:
        *val = MISA_MXL_64 | env->misa_ext;
        return RISCV_EXCP_NONE;
    case CSR_MEDELEG:
        *val = env->medeleg;
        return RISCV_EXCP_NONE;
    case CSR_MIDELEG:
        *val = env->mideleg;
        return RISCV_EXCP_NONE;
    case CSR_MIE:
        *val = env->mie;
        return RISCV_EXCP_NONE;
    case CSR_MIP:
        *val = riscv_read_mip(env);
        return RISCV_EXCP_NONE;
    case CSR_MTVEC:
        *val = env->mtvec;
        return RISCV_EXCP_NONE;
    case CSR_MCOUNTEREN:
        *val = env->mcounteren;
        return RISCV_EXCP_NONE;
    case CSR_MENVCFG:
        *val = env->menvcfg;
        return RISCV_EXCP_NONE;
    case CSR_MCOUNTINHIBIT:
        *val = env->mcountinhibit;
        return RISCV_EXCP_NONE;
    case CSR_MHPMEVENT3 ... CSR_MHPMEVENT31:
    case CSR_MHPMCOUNTER3 ... CSR_MHPMCOUNTER31:
        *val = 0;
        return RISCV_EXCP_NONE;
    case CSR_MSCRATCH:
        *val = env->mscratch;
        return RISCV_EXCP_NONE;
    case CSR_MEPC:
        *val = env->mepc & (has_ext(env, RVC) ? ~1ULL : ~3ULL);
        return RISCV_EXCP_NONE;
    case CSR_MCAUSE:
        *val = env->mcause;
        return RISCV_EXCP_NONE;
    case CSR_MTVAL:
        *val = env->mtval;
        return RISCV_EXCP_NONE;
    case CSR_MCYCLE:
    case CSR_MINSTRET:
        *val = riscv_counter_read(env, csrno == CSR_MINSTRET);
        return RISCV_EXCP_NONE;
    case CSR_PMPCFG0 ... CSR_PMPCFG15:
        if (csrno & 1) {
            return RISCV_EXCP_ILLEGAL_INST;     /* RV64: odd ones absent */
        }
        *val = pmpcfg_read(env, (csrno - CSR_PMPCFG0) / 2);
        return RISCV_EXCP_NONE;
    case CSR_PMPADDR0 ... CSR_PMPADDR63:
        *val = csrno - CSR_PMPADDR0 < RISCV_PMP_REGIONS
               ? env->pmpaddr[csrno - CSR_PMPADDR0] : 0;
        return RISCV_EXCP_NONE;
    default:
        break;
    }
    if (!s) {
        return RISCV_EXCP_ILLEGAL_INST;
    }
    switch (csrno) {
    case CSR_SSTATUS:
        *val = mstatus_read(env) & SSTATUS_MASK;
        return RISCV_EXCP_NONE;
    case CSR_SIE:
        *val = env->mie & env->mideleg;
        return RISCV_EXCP_NONE;
    case CSR_SIP:
        *val = riscv_read_mip(env) & env->mideleg;
        return RISCV_EXCP_NONE;
    case CSR_STVEC:
        *val = env->stvec;
        return RISCV_EXCP_NONE;
    case CSR_SCOUNTEREN:
        *val = env->scounteren;
        return RISCV_EXCP_NONE;
    case CSR_SENVCFG:
        *val = env->senvcfg;
        return RISCV_EXCP_NONE;
    case CSR_SSCRATCH:
        *val = env->sscratch;
        return RISCV_EXCP_NONE;
    case CSR_SEPC:
        *val = env->sepc & (has_ext(env, RVC) ? ~1ULL : ~3ULL);
        return RISCV_EXCP_NONE;
    case CSR_SCAUSE:
        *val = env->scause;
        return RISCV_EXCP_NONE;
    case CSR_STVAL:
        *val = env->stval;
        return RISCV_EXCP_NONE;
    case CSR_SATP:
        if (env->priv == PRV_S && (env->mstatus & MSTATUS_TVM)) {
            return RISCV_EXCP_ILLEGAL_INST;
        }
        *val = env->satp;
        return RISCV_EXCP_NONE;
    default:
        return RISCV_EXCP_ILLEGAL_INST;
    }
}

static void satp_write(CPURISCVState *env, uint64_t val)
{
    uint64_t mode = val >> SATP_MODE_SHIFT;

    /* WARL: an unsupported mode leaves satp unchanged (4.1.11). */
    if (mode != SATP_MODE_BARE && mode != SATP_MODE_SV39 &&
        mode != SATP_MODE_SV48) {
        return;
    }
    env->satp = val & ((0xfULL << SATP_MODE_SHIFT) | SATP_ASID_MASK |
                       SATP_PPN_MASK);
    riscv_tlb_flush(env);
}

static void tvec_write(uint64_t *tvec, uint64_t val)
{
    /* Modes 2 and 3 are reserved: such a write is ignored (as QEMU). */
    if ((val & 3) < 2) {
        *tvec = val;
    }
}

static void csr_write(CPURISCVState *env, int csrno, uint64_t val)
{
    uint64_t s_irqs = has_ext(env, RVS) ? MIP_S_MASK : 0;

    switch (csrno) {
    case CSR_MSTATUS:
        mstatus_write(env, val);
        break;
    case CSR_MISA:
        break;      /* WARL: the extensions are fixed by -cpu properties */
    case CSR_MEDELEG:
        env->medeleg = has_ext(env, RVS) ? val & MEDELEG_MASK : 0;
        break;
    case CSR_MIDELEG:
        env->mideleg = val & s_irqs;
        riscv_request_check(env);
        break;
    case CSR_MIE:
        env->mie = val & (MIP_MSIP | MIP_MTIP | MIP_MEIP | s_irqs);
        riscv_request_check(env);
        break;
    case CSR_MIP:
        env->mip_sw = val & s_irqs;
        riscv_request_check(env);
        break;
    case CSR_MTVEC:
        tvec_write(&env->mtvec, val);
        break;
    case CSR_MCOUNTEREN:
        env->mcounteren = val;
        break;
    case CSR_MENVCFG:
        env->menvcfg = val & ENVCFG_FIOM;
        break;
    case CSR_MCOUNTINHIBIT:
        countinhibit_write(env, val);
        break;
    case CSR_MSCRATCH:
        env->mscratch = val;
        break;
    case CSR_MEPC:
        env->mepc = val & ~1ULL;
        break;
    case CSR_MCAUSE:
        env->mcause = val;
        break;
    case CSR_MTVAL:
        env->mtval = val;
        break;
    case CSR_MCYCLE:
    case CSR_MINSTRET:
        counter_write(env, csrno == CSR_MINSTRET, val);
        break;
    case CSR_PMPCFG0 ... CSR_PMPCFG15:
        pmpcfg_write(env, (csrno - CSR_PMPCFG0) / 2, val);
        break;
    case CSR_PMPADDR0 ... CSR_PMPADDR63: {
        int i = csrno - CSR_PMPADDR0;

        if (i < RISCV_PMP_REGIONS && !pmpaddr_locked(env, i)) {
            env->pmpaddr[i] = val & ((1ULL << 54) - 1);
            riscv_pmp_update(env);
        }
        break;
    }
    case CSR_SSTATUS:
        mstatus_write(env, (env->mstatus & ~SSTATUS_MASK) |
                           (val & SSTATUS_MASK));
        break;
    case CSR_SIE:
        env->mie = (env->mie & ~env->mideleg) | (val & env->mideleg);
        riscv_request_check(env);
        break;
    case CSR_SIP:
        /* Only SSIP is writable through sip (4.1.3). */
        env->mip_sw = (env->mip_sw & ~(env->mideleg & MIP_SSIP)) |
                      (val & env->mideleg & MIP_SSIP);
        riscv_request_check(env);
        break;
    case CSR_STVEC:
        tvec_write(&env->stvec, val);
        break;
    case CSR_SCOUNTEREN:
        env->scounteren = val;
        break;
    case CSR_SENVCFG:
        env->senvcfg = val & ENVCFG_FIOM;
        break;
    case CSR_SSCRATCH:
        env->sscratch = val;
        break;
    case CSR_SEPC:
        env->sepc = val & ~1ULL;
        break;
    case CSR_SCAUSE:
        env->scause = val;
        break;
    case CSR_STVAL:
        env->stval = val;
        break;
    case CSR_SATP:
        satp_write(env, val);
        break;
    default:
        /* Read-only zero (hpm events and counters, 16..63 PMP): ignore. */
        break;
    }
}

int riscv_csr_access(CPURISCVState *env, int csrno, uint64_t *ret_value,
                     uint64_t new_value, uint64_t write_mask)
{
    return riscv_csr_op(env, csrno, ret_value, new_value, write_mask,
                        write_mask != 0);
}

int riscv_csr_op(CPURISCVState *env, int csrno, uint64_t *ret_value,
                 uint64_t new_value, uint64_t write_mask, bool write)
{
    uint64_t old = 0;
    int excp;

    /* 2.1: bits [9:8] give the lowest privilege, [11:10] == 3 read-only. */
    if (((csrno >> 8) & 3) > env->priv) {
        return RISCV_EXCP_ILLEGAL_INST;
    }
    if (write && ((csrno >> 10) & 3) == 3) {
        return RISCV_EXCP_ILLEGAL_INST;
    }
    excp = csr_read(env, csrno, &old);
    if (excp != RISCV_EXCP_NONE) {
        qemu_log_mask(LOG_UNIMP, "riscv: CSR 0x%03x not accessible\n", csrno);
        return excp;
    }
    if (write) {
        uint64_t base = old;

        /*
         * 3.1.9: a read-modify-write of mip uses the software-written
         * SEIP, not the external line ORed into the value read.
         */
        if (csrno == CSR_MIP) {
            base = (old & ~MIP_SEIP) | (env->mip_sw & MIP_SEIP);
        }
        csr_write(env, csrno, (base & ~write_mask) | (new_value & write_mask));
    }
    if (ret_value) {
        *ret_value = old;
    }
    return RISCV_EXCP_NONE;
}

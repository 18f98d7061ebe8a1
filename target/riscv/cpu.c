/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cpu.c: the RISC-V hart: state set-up, reset, interrupt inputs, register
 * dump.
 */
#include "qomu/osdep.h"
#include "qomu/log.h"
#include "internal.h"

void riscv_cpu_env_init(CPURISCVState *env, uint32_t misa_ext,
                        uint64_t hartid)
{
    memset(env, 0, sizeof(*env));
    env->misa_ext = misa_ext | RVI;
    env->mhartid = hartid;
    env->code_pages = g_hash_table_new_full(g_int64_hash, g_int64_equal,
                                            NULL, g_free);
    env->dead_pages = g_ptr_array_new_with_free_func(g_free);
    riscv_register_hart(env);
    riscv_cpu_env_reset(env, 0);
}

void riscv_cpu_env_destroy(CPURISCVState *env)
{
    riscv_unregister_hart(env);
    if (env->code_pages) {
        g_hash_table_destroy(env->code_pages);
        env->code_pages = NULL;
    }
    if (env->dead_pages) {
        g_ptr_array_free(env->dead_pages, true);
        env->dead_pages = NULL;
    }
}

void riscv_cpu_env_set_bus(CPURISCVState *env, const RISCVBus *bus,
                           void *opaque)
{
    env->bus = bus;
    env->bus_opaque = opaque;
    env->bus_generation = bus && bus->generation
                          ? bus->generation(opaque) : 0;
    riscv_tlb_flush(env);
    riscv_code_flush_all(env);
}

void riscv_cpu_env_reset(CPURISCVState *env, uint64_t resetvec)
{
    memset(env->gpr, 0, sizeof(env->gpr));
    env->pc = resetvec;
    env->priv = PRV_M;
    env->halted = false;
    env->exit_request = false;
    /* 3.4: MIE and MPRV reset to 0; MPP to M as QEMU does. */
    env->mstatus = (uint64_t)PRV_M << MSTATUS_MPP_SHIFT;
    env->medeleg = env->mideleg = 0;
    env->mie = env->mip_sw = 0;
    env->mtvec = env->stvec = 0;
    env->mscratch = env->sscratch = 0;
    env->mepc = env->sepc = 0;
    env->mcause = env->scause = 0;
    env->mtval = env->stval = 0;
    env->satp = 0;
    env->mcounteren = env->scounteren = 0;
    env->menvcfg = env->senvcfg = 0;
    env->mcountinhibit = 0;
    env->mcycle_off = env->minstret_off = -(int64_t)env->icount;
    memset(env->pmpcfg, 0, sizeof(env->pmpcfg));
    memset(env->pmpaddr, 0, sizeof(env->pmpaddr));
    env->pmp_active = false;
    env->res_valid = false;
    riscv_tlb_flush(env);
    if (env->code_pages) {
        riscv_code_flush_all(env);
    }
}

void riscv_cpu_env_set_irq(CPURISCVState *env, int irq, int level)
{
    uint64_t bit;

    if (irq < 0 || irq >= 64) {
        return;
    }
    bit = 1ULL << irq;
    if (level) {
        env->irq_lines |= bit;
    } else {
        env->irq_lines &= ~bit;
    }
    env->check = true;
}

bool riscv_cpu_env_has_work(CPURISCVState *env)
{
    return !env->halted || (riscv_read_mip(env) & env->mie) != 0;
}

void riscv_cpu_env_exit_request(CPURISCVState *env)
{
    env->exit_request = true;
    env->check = true;
}

void riscv_cpu_env_set_rdtime(CPURISCVState *env, RISCVRdtimeFn fn,
                              void *opaque)
{
    env->rdtime_fn = fn;
    env->rdtime_opaque = opaque;
}

static const char *const riscv_abi_names[32] = {
    "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2",
    "s0", "s1", "a0", "a1", "a2", "a3", "a4", "a5",
    "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7",
    "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6",
};

void riscv_cpu_env_dump(CPURISCVState *env, FILE *f)
{
    static const struct {
        const char *name;
        int csr;
    } csrs[] = {
        { "mstatus", CSR_MSTATUS }, { "mip", CSR_MIP }, { "mie", CSR_MIE },
        { "mideleg", CSR_MIDELEG }, { "medeleg", CSR_MEDELEG },
        { "mtvec", CSR_MTVEC }, { "stvec", CSR_STVEC },
        { "mepc", CSR_MEPC }, { "sepc", CSR_SEPC },
        { "mcause", CSR_MCAUSE }, { "scause", CSR_SCAUSE },
        { "mtval", CSR_MTVAL }, { "stval", CSR_STVAL },
        { "mscratch", CSR_MSCRATCH }, { "sscratch", CSR_SSCRATCH },
        { "satp", CSR_SATP },
    };
    int priv = env->priv;

    fprintf(f, " %-8s %016" PRIx64 "\n", "pc", env->pc);
    fprintf(f, " %-8s %016" PRIx64 "\n", "mhartid", env->mhartid);
    fprintf(f, " %-8s %d\n", "priv", env->priv);
    /* Read CSRs as M-mode would, without side effects. */
    env->priv = PRV_M;
    for (size_t i = 0; i < ARRAY_SIZE(csrs); i++) {
        uint64_t v = 0;

        riscv_csr_op(env, csrs[i].csr, &v, 0, 0, false);
        fprintf(f, " %-8s %016" PRIx64 "\n", csrs[i].name, v);
    }
    env->priv = priv;
    for (int i = 0; i < 32; i++) {
        fprintf(f, " x%-2d/%-4s %016" PRIx64 "%s", i, riscv_abi_names[i],
                env->gpr[i], (i & 3) == 3 ? "\n" : " ");
    }
}

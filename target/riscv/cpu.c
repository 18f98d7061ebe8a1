/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cpu.c: the RISC-V hart: state set-up, reset, interrupt inputs, register
 * dump.
 */
#include "qomu/osdep.h"
#include "qomu/log.h"
#include "qapi/error.h"
#include "exec/address-spaces.h"
#include "exec/memory.h"
#include "hw/qdev-properties.h"
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
    env->mcycle_off = env->minstret_off = -(int64_t)riscv_icount(env);
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
    riscv_request_check(env);
}

bool riscv_cpu_env_has_work(CPURISCVState *env)
{
    return !env->halted || (riscv_read_mip(env) & env->mie) != 0;
}

void riscv_cpu_env_exit_request(CPURISCVState *env)
{
    env->exit_request = true;
    riscv_request_check(env);
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

/* ---- The CPU's bus: the memory API ------------------------------------ */

static void *riscv_as_ram_ptr(void *opaque, hwaddr addr, bool is_write,
                              hwaddr *plen)
{
    return address_space_get_ram_ptr(opaque, addr, is_write, plen);
}

static bool riscv_as_read(void *opaque, hwaddr addr, void *buf, unsigned len)
{
    MemTxAttrs attrs = MEMTXATTRS_UNSPECIFIED;
    MemTxResult r = MEMTX_OK;
    uint64_t v;

    switch (len) {
    case 1:
        v = address_space_ldub(opaque, addr, attrs, &r);
        break;
    case 2:
        v = address_space_lduw_le(opaque, addr, attrs, &r);
        break;
    case 4:
        v = address_space_ldl_le(opaque, addr, attrs, &r);
        break;
    case 8:
        v = address_space_ldq_le(opaque, addr, attrs, &r);
        break;
    default:
        return address_space_read(opaque, addr, attrs, buf, len) == MEMTX_OK;
    }
    memcpy(buf, &v, len);
    return r == MEMTX_OK;
}

static bool riscv_as_write(void *opaque, hwaddr addr, const void *buf,
                           unsigned len)
{
    MemTxAttrs attrs = MEMTXATTRS_UNSPECIFIED;
    MemTxResult r = MEMTX_OK;
    uint64_t v = 0;

    memcpy(&v, buf, len < 8 ? len : 8);
    switch (len) {
    case 1:
        address_space_stb(opaque, addr, v, attrs, &r);
        break;
    case 2:
        address_space_stw_le(opaque, addr, v, attrs, &r);
        break;
    case 4:
        address_space_stl_le(opaque, addr, v, attrs, &r);
        break;
    case 8:
        address_space_stq_le(opaque, addr, v, attrs, &r);
        break;
    default:
        r = address_space_write(opaque, addr, attrs, buf, len);
        break;
    }
    return r == MEMTX_OK;
}

static uint64_t riscv_as_generation(void *opaque)
{
    return address_space_map_generation(opaque);
}

static const RISCVBus riscv_as_bus = {
    .get_ram_ptr = riscv_as_ram_ptr,
    .read = riscv_as_read,
    .write = riscv_as_write,
    .generation = riscv_as_generation,
};

/* DMA, loaders and device writes into RAM: drop decoded code there. */
static void riscv_ram_write_hook(void *opaque, hwaddr addr, hwaddr len)
{
    riscv_invalidate_code(addr, len);
}

/* ---- The QOM CPU ------------------------------------------------------ */

int riscv_cpu_exec(RISCVCPU *cpu, int64_t max_insns)
{
    return riscv_cpu_env_exec(&cpu->env, max_insns);
}

void riscv_cpu_set_irq(RISCVCPU *cpu, int irq, int level)
{
    riscv_cpu_env_set_irq(&cpu->env, irq, level);
}

bool riscv_cpu_has_work(RISCVCPU *cpu)
{
    return riscv_cpu_env_has_work(&cpu->env);
}

static void riscv_cpu_gpio_in(void *opaque, int n, int level)
{
    riscv_cpu_set_irq(opaque, n, level);
}

static bool riscv_cpu_class_has_work(CPUState *cs)
{
    return riscv_cpu_has_work(RISCV_CPU(cs));
}

static int riscv_cpu_class_exec(CPUState *cs, int64_t max_insns)
{
    return riscv_cpu_exec(RISCV_CPU(cs), max_insns);
}

static void riscv_cpu_class_exit_request(CPUState *cs)
{
    riscv_cpu_env_exit_request(&RISCV_CPU(cs)->env);
}

static void riscv_cpu_dump_state(CPUState *cs, FILE *f, int flags)
{
    riscv_cpu_env_dump(&RISCV_CPU(cs)->env, f);
}

static void riscv_cpu_set_pc(CPUState *cs, uint64_t pc)
{
    RISCVCPU *cpu = RISCV_CPU(cs);

    cpu->env.pc = pc;
    riscv_request_check(&cpu->env);
}

static uint64_t riscv_cpu_get_pc(CPUState *cs)
{
    return RISCV_CPU(cs)->env.pc;
}

static hwaddr riscv_cpu_get_phys_page_debug(CPUState *cs, uint64_t addr)
{
    hwaddr pa;

    if (!riscv_cpu_debug_translate(RISCV_CPU(cs), addr, &pa)) {
        return -1;
    }
    return pa & RISCV_PAGE_MASK;
}

static void riscv_cpu_reset(DeviceState *dev)
{
    RISCVCPU *cpu = RISCV_CPU(dev);

    riscv_cpu_env_reset(&cpu->env, cpu->cfg.resetvec);
}

static void riscv_cpu_realize(DeviceState *dev, Error **errp)
{
    RISCVCPU *cpu = RISCV_CPU(dev);
    RISCVCPUClass *rcc = RISCV_CPU_GET_CLASS(dev);
    RISCVCPUConfig *cfg = &cpu->cfg;
    Error *local_err = NULL;
    uint32_t ext = 0;

    if (!cfg->ext_i) {
        error_setg(errp, "riscv-cpu: extension 'i' cannot be disabled "
                   "(RV64E is not implemented)");
        return;
    }
    if (cfg->ext_s && !cfg->ext_u) {
        error_setg(errp, "riscv-cpu: extension 's' needs 'u' "
                   "(S-mode requires U-mode); set u=on or s=off");
        return;
    }
    ext |= RVI;
    ext |= cfg->ext_m ? RVM : 0;
    ext |= cfg->ext_a ? RVA : 0;
    ext |= cfg->ext_c ? RVC : 0;
    ext |= cfg->ext_s ? RVS : 0;
    ext |= cfg->ext_u ? RVU : 0;

    rcc->parent_realize(dev, &local_err);
    if (local_err) {
        error_propagate(errp, local_err);
        return;
    }
    cpu->env.misa_ext = ext;
    cpu->env.mhartid = cfg->mhartid;
    riscv_cpu_env_set_bus(&cpu->env, &riscv_as_bus, CPU(dev)->as);
    memory_set_ram_write_hook(riscv_ram_write_hook, NULL);
    riscv_cpu_env_reset(&cpu->env, cfg->resetvec);
}

static void riscv_cpu_instance_init(Object *obj)
{
    RISCVCPU *cpu = RISCV_CPU(obj);

    riscv_cpu_env_init(&cpu->env, RVI | RVM | RVA | RVC | RVS | RVU, 0);
    qdev_init_gpio_in(DEVICE(obj), riscv_cpu_gpio_in, RISCV_CPU_IRQ_LINES);
}

static void riscv_cpu_instance_finalize(Object *obj)
{
    riscv_cpu_env_destroy(&RISCV_CPU(obj)->env);
}

static const Property riscv_cpu_properties[] = {
    DEFINE_PROP_UINT64("mhartid", RISCVCPU, cfg.mhartid, 0),
    DEFINE_PROP_UINT64("resetvec", RISCVCPU, cfg.resetvec,
                       RISCV_CPU_DEFAULT_RSTVEC),
    DEFINE_PROP_BOOL("i", RISCVCPU, cfg.ext_i, true),
    DEFINE_PROP_BOOL("m", RISCVCPU, cfg.ext_m, true),
    DEFINE_PROP_BOOL("a", RISCVCPU, cfg.ext_a, true),
    DEFINE_PROP_BOOL("c", RISCVCPU, cfg.ext_c, true),
    DEFINE_PROP_BOOL("s", RISCVCPU, cfg.ext_s, true),
    DEFINE_PROP_BOOL("u", RISCVCPU, cfg.ext_u, true),
};

static void riscv_cpu_class_init(ObjectClass *oc, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);
    CPUClass *cc = CPU_CLASS(oc);
    RISCVCPUClass *rcc = RISCV_CPU_CLASS(oc);

    device_class_set_parent_realize(dc, riscv_cpu_realize,
                                    &rcc->parent_realize);
    device_class_set_legacy_reset(dc, riscv_cpu_reset);
    device_class_set_props(dc, riscv_cpu_properties);
    dc->desc = "RISC-V hart (RV64IMAC, M/S/U, Sv39/Sv48, PMP)";
    cc->has_work = riscv_cpu_class_has_work;
    cc->exec = riscv_cpu_class_exec;
    cc->exit_request = riscv_cpu_class_exit_request;
    cc->dump_state = riscv_cpu_dump_state;
    cc->set_pc = riscv_cpu_set_pc;
    cc->get_pc = riscv_cpu_get_pc;
    cc->get_phys_page_debug = riscv_cpu_get_phys_page_debug;
}

/* SiFive E51: RV64IMAC with M and U modes only. */
static void riscv_cpu_e51_init(Object *obj)
{
    RISCV_CPU(obj)->cfg.ext_s = false;
}

static const TypeInfo riscv_cpu_types[] = {
    {
        .name = TYPE_RISCV_CPU,
        .parent = TYPE_CPU,
        .instance_size = sizeof(RISCVCPU),
        .instance_init = riscv_cpu_instance_init,
        .instance_finalize = riscv_cpu_instance_finalize,
        .abstract = true,
        .class_size = sizeof(RISCVCPUClass),
        .class_init = riscv_cpu_class_init,
    },
    {
        .name = TYPE_RISCV_CPU_BASE64,
        .parent = TYPE_RISCV_CPU,
    },
    {
        .name = TYPE_RISCV_CPU_SIFIVE_E51,
        .parent = TYPE_RISCV_CPU,
        .instance_init = riscv_cpu_e51_init,
    },
};

DEFINE_TYPES(riscv_cpu_types)

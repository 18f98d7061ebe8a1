/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cpu.h: the RISC-V hart (RV64IMAC + Zicsr + Zifencei, M/S/U, Sv39/Sv48,
 * PMP): architectural state and the interface the board and run loop use.
 *
 * The interpreter works on a CPURISCVState ("env") and reaches physical
 * memory only through a RISCVBus (a small table of functions), so that the
 * CPU knows nothing about devices; riscv_cpu_set_address_space() binds the
 * bus to a memory-API AddressSpace.
 *
 * Execution contract (see docs/devel/cpu.md): riscv_cpu_exec() runs at most
 * @max_insns instructions and says why it stopped.  Interrupt lines are set
 * with riscv_cpu_set_irq() (and, on the QOM object, GPIO inputs numbered as
 * the mip bits).  Everything that can change what the running hart should do
 * (an interrupt line, an exit request, code invalidation) takes effect at the
 * next instruction boundary.
 */
#ifndef TARGET_RISCV_CPU_H
#define TARGET_RISCV_CPU_H

#include "qomu/osdep.h"
#include "qomu/typedefs.h"
#include <setjmp.h>
#include "hw/core/cpu.h"
#include "cpu_bits.h"

#if G_BYTE_ORDER != G_LITTLE_ENDIAN
#error "the RISC-V interpreter reads guest RAM directly: little-endian only"
#endif

#define RISCV_PAGE_BITS 12
#define RISCV_PAGE_SIZE (1ULL << RISCV_PAGE_BITS)
#define RISCV_PAGE_MASK (~(RISCV_PAGE_SIZE - 1))
#define RISCV_TLB_BITS  8
#define RISCV_TLB_SIZE  (1 << RISCV_TLB_BITS)
#define RISCV_PMP_REGIONS 16
#define RISCV_MMU_MODES 3
#define RISCV_HPM_MAX 32

typedef struct CPURISCVState CPURISCVState;
typedef struct RISCVInsn RISCVInsn;
typedef struct RISCVCodePage RISCVCodePage;

/**
 * RISCVBus: how a hart reaches physical memory.  All calls are on the slow
 * path (TLB misses and device accesses) only.
 * @get_ram_ptr: host pointer to RAM (or ROM when !@is_write) at @addr with
 *   *@plen contiguous bytes, or NULL when @addr is not RAM.
 * @read / @write: an access of @len bytes (1, 2, 4 or 8); false on a bus
 *   error (nothing mapped there), which becomes an access fault.
 * @generation: a number that changes whenever the memory map changes.
 */
typedef struct RISCVBus {
    void *(*get_ram_ptr)(void *opaque, hwaddr addr, bool is_write,
                         hwaddr *plen);
    bool (*read)(void *opaque, hwaddr addr, void *buf, unsigned len);
    bool (*write)(void *opaque, hwaddr addr, const void *buf, unsigned len);
    uint64_t (*generation)(void *opaque);
} RISCVBus;

/* One data TLB entry: @tag is the virtual page, host = @addend + vaddr. */
typedef struct RISCVTLBEntry {
    uint64_t tag;
    uintptr_t addend;
} RISCVTLBEntry;

/* One fetch TLB entry: virtual page -> decoded page. */
typedef struct RISCVITLBEntry {
    uint64_t tag;
    RISCVCodePage *page;
} RISCVITLBEntry;

/* Why riscv_cpu_exec() returned. */
typedef enum RISCVExecStatus {
    RISCV_EXEC_BUDGET = 0,  /* ran max_insns instructions */
    RISCV_EXEC_HALTED = 1,  /* in wfi: nothing to do until an interrupt */
    RISCV_EXEC_EXIT = 2,    /* riscv_cpu_exit_request() was called */
} RISCVExecStatus;

/* Returns mtime, the value the `time` CSR reads. */
typedef uint64_t (*RISCVRdtimeFn)(void *opaque);

struct CPURISCVState {
    /* Hot state first: registers, pc, counters, TLBs. */
    uint64_t gpr[33];          /* gpr[32] is the sink for writes to x0 */
    uint64_t pc;
    /*
     * Instruction counting: retired instructions = icount_end - budget
     * (riscv_icount()).  Handlers decrement budget; a chain of handlers
     * goes on while it stays positive.  riscv_request_check() zeroes it
     * (moving icount_end so the count is unchanged) to stop the chain.
     */
    int64_t budget;
    uint64_t icount_end;
    uint64_t icount_limit;     /* riscv_cpu_env_exec() stops here */
    bool check;                /* something needs the loop's attention */
    bool halted;               /* in wfi */
    bool exit_request;
    int priv;

    /*
     * One set of TLBs per privilege (U, S, M: riscv_mmu_index()), so that
     * traps and xRET need no flush; data accesses use data_mmu, the index
     * of the privilege loads and stores run at (MPRV applied).
     */
    int data_mmu;
    RISCVTLBEntry tlb_read[RISCV_MMU_MODES][RISCV_TLB_SIZE];
    RISCVTLBEntry tlb_write[RISCV_MMU_MODES][RISCV_TLB_SIZE];
    RISCVITLBEntry tlb_fetch[RISCV_MMU_MODES][RISCV_TLB_SIZE];

    /* CSRs. */
    uint64_t mstatus;
    uint32_t misa_ext;         /* enabled extensions (RVI | RVM ...) */
    uint64_t medeleg;
    uint64_t mideleg;
    uint64_t mie;
    uint64_t mip_sw;           /* software-written mip bits (SSIP/STIP/SEIP) */
    uint64_t irq_lines;        /* levels of the interrupt inputs */
    uint64_t mtvec, stvec;
    uint64_t mscratch, sscratch;
    uint64_t mepc, sepc;
    uint64_t mcause, scause;
    uint64_t mtval, stval;
    uint64_t satp;
    uint32_t mcounteren, scounteren;
    uint64_t menvcfg, senvcfg;
    uint32_t mcountinhibit;
    int64_t mcycle_off, minstret_off;    /* counter = icount + off */
    uint64_t mcycle_frozen, minstret_frozen;
    uint64_t mhartid;
    uint8_t pmpcfg[RISCV_PMP_REGIONS];
    uint64_t pmpaddr[RISCV_PMP_REGIONS];
    bool pmp_active;           /* any pmpcfg.A != OFF */

    /* LR/SC reservation (physical address), broken by others' stores. */
    hwaddr res_addr;
    bool res_valid;

    /* Decoded-code cache: physical page -> RISCVCodePage. */
    GHashTable *code_pages;
    GPtrArray *dead_pages;     /* invalidated while possibly executing */

    /* Wiring. */
    const RISCVBus *bus;
    void *bus_opaque;
    uint64_t bus_generation;
    RISCVRdtimeFn rdtime_fn;
    void *rdtime_opaque;

    sigjmp_buf jmpbuf;
};

/** riscv_icount: instructions @env has retired since it was created. */
static inline uint64_t riscv_icount(const CPURISCVState *env)
{
    return env->icount_end - env->budget;
}

/**
 * riscv_request_check: stop @env's chain of instructions after the current
 * one, so that the execution loop looks at interrupts, exit requests and
 * invalidated code.  Does not change riscv_icount().
 */
static inline void riscv_request_check(CPURISCVState *env)
{
    env->icount_end -= env->budget;
    env->budget = 0;
    env->check = true;
}

/**
 * riscv_cpu_env_init: set up @env as a hart with extensions @misa_ext
 * (RVI | RVM | RVA | RVC | RVS | RVU subset) and hart id @hartid.
 * Memory is attached with riscv_cpu_env_set_bus().  Free with
 * riscv_cpu_env_destroy().
 */
void riscv_cpu_env_init(CPURISCVState *env, uint32_t misa_ext,
                        uint64_t hartid);

/** riscv_cpu_env_destroy: free what riscv_cpu_env_init() allocated. */
void riscv_cpu_env_destroy(CPURISCVState *env);

/** riscv_cpu_env_set_bus: route @env's physical accesses to @bus. */
void riscv_cpu_env_set_bus(CPURISCVState *env, const RISCVBus *bus,
                           void *opaque);

/**
 * riscv_cpu_env_reset: architectural reset: M-mode, pc = @resetvec,
 * mstatus.MIE = 0, MPRV = 0, misa as configured, caches flushed.
 */
void riscv_cpu_env_reset(CPURISCVState *env, uint64_t resetvec);

/**
 * riscv_cpu_env_exec: run at most @max_insns instructions.
 * Returns: a RISCVExecStatus.  A hart in wfi returns RISCV_EXEC_HALTED at
 * once until an enabled-in-mie interrupt is pending.
 */
int riscv_cpu_env_exec(CPURISCVState *env, int64_t max_insns);

/**
 * riscv_cpu_env_set_irq: drive interrupt input @irq (a mip bit number:
 * IRQ_M_SOFT, IRQ_M_TIMER, IRQ_M_EXT, IRQ_S_EXT, ...) to @level.
 * Safe to call from a device access made by the running hart.
 */
void riscv_cpu_env_set_irq(CPURISCVState *env, int irq, int level);

/** riscv_cpu_env_has_work: true if a wfi-halted hart would wake up. */
bool riscv_cpu_env_has_work(CPURISCVState *env);

/** riscv_cpu_env_exit_request: make riscv_cpu_env_exec() return soon. */
void riscv_cpu_env_exit_request(CPURISCVState *env);

/**
 * riscv_cpu_env_set_rdtime: the `time` CSR reads @fn(@opaque).  Without
 * one, reading `time` is an illegal instruction (as on QEMU).
 */
void riscv_cpu_env_set_rdtime(CPURISCVState *env, RISCVRdtimeFn fn,
                              void *opaque);

/**
 * riscv_cpu_env_dump: print the registers, QEMU style, to @f.
 */
void riscv_cpu_env_dump(CPURISCVState *env, FILE *f);

/**
 * riscv_invalidate_code: guest RAM [@addr, @addr + @len) was written by
 * something other than a hart's own fast-path stores (DMA, loaders):
 * drop decoded instructions there on every hart and break reservations.
 */
void riscv_invalidate_code(hwaddr addr, hwaddr len);

/**
 * riscv_csr_access: read and/or write CSR @csrno as the hart would at its
 * current privilege: *@ret_value (if not NULL) receives the old value; bits
 * in @write_mask are replaced from @new_value (no write when 0).
 * Returns: RISCV_EXCP_NONE or RISCV_EXCP_ILLEGAL_INST.
 */
int riscv_csr_access(CPURISCVState *env, int csrno, uint64_t *ret_value,
                     uint64_t new_value, uint64_t write_mask);

/**
 * riscv_cpu_env_debug_translate: translate @vaddr as a load by @env at its
 * current data privilege (mstatus.MPRV/MPP honoured) through satp (Bare,
 * Sv39, Sv48), without side effects: no A/D update, no fault, no TLB fill,
 * no log.  Execute-only pages are readable here (for disassembly).  PMP is
 * applied to the page-table reads only.
 * @pa: receives the physical address of @vaddr (not page-aligned).
 * Returns: true if @vaddr is mapped for the hart, false otherwise.
 */
bool riscv_cpu_env_debug_translate(CPURISCVState *env, uint64_t vaddr,
                                   hwaddr *pa);

/*
 * riscv_cpu_set_rdtime_fn: QEMU's name for riscv_cpu_env_set_rdtime(); the
 * board's ACLINT calls it on each hart.
 */
static inline void riscv_cpu_set_rdtime_fn(CPURISCVState *env,
                                           uint64_t (*fn)(void *),
                                           void *arg)
{
    riscv_cpu_env_set_rdtime(env, fn, arg);
}

/* ---- The QOM CPU ------------------------------------------------------ */

/*
 * Types, as QEMU names them: the abstract "riscv-cpu" and the models
 * "<model>-riscv-cpu"; -cpu <model> looks up RISCV_CPU_TYPE_NAME(model).
 *   rv64        RV64IMAC, M/S/U, Sv39/Sv48, 16 PMP entries
 *   sifive-e51  RV64IMAC, M/U only (no S, no MMU)
 * Properties: "mhartid" (uint64), "resetvec" (uint64, default 0x1000 as
 * QEMU's DEFAULT_RSTVEC), and one bool per extension: "i", "m", "a", "c",
 * "s", "u" (so -cpu rv64,c=off works; misa reports what is on).
 * GPIO inputs 0..15 are the local interrupts, numbered as mip bits
 * (IRQ_M_SOFT 3, IRQ_M_TIMER 7, IRQ_M_EXT 11, IRQ_S_EXT 9, ...).
 */
#define TYPE_RISCV_CPU "riscv-cpu"
#define RISCV_CPU_TYPE_SUFFIX "-" TYPE_RISCV_CPU
#define RISCV_CPU_TYPE_NAME(name) (name RISCV_CPU_TYPE_SUFFIX)
#define TYPE_RISCV_CPU_BASE64 RISCV_CPU_TYPE_NAME("rv64")
#define TYPE_RISCV_CPU_SIFIVE_E51 RISCV_CPU_TYPE_NAME("sifive-e51")
#define RISCV_CPU_DEFAULT_RSTVEC 0x1000
#define RISCV_CPU_IRQ_LINES 16

OBJECT_DECLARE_TYPE(RISCVCPU, RISCVCPUClass, RISCV_CPU)

typedef struct RISCVCPUConfig {
    bool ext_i, ext_m, ext_a, ext_c, ext_s, ext_u;
    uint64_t mhartid;
    uint64_t resetvec;
} RISCVCPUConfig;

struct RISCVCPUClass {
    /* private: */
    CPUClass parent_class;

    /* public: */
    DeviceRealize parent_realize;
};

struct RISCVCPU {
    /* private: */
    CPUState parent_obj;

    /* public: */
    CPURISCVState env;
    RISCVCPUConfig cfg;
};

/**
 * riscv_cpu_exec: the run loop's entry point: run @cpu for at most
 * @max_insns instructions.
 * Returns: RISCV_EXEC_BUDGET (budget used up), RISCV_EXEC_HALTED (in wfi
 * with nothing pending: do not call again until riscv_cpu_has_work()),
 * or RISCV_EXEC_EXIT (cpu_exit() was called).  These equal the
 * CPU_EXEC_* values of hw/core/cpu.h.
 */
int riscv_cpu_exec(RISCVCPU *cpu, int64_t max_insns);

/** riscv_cpu_set_irq: drive local interrupt @irq of @cpu to @level. */
void riscv_cpu_set_irq(RISCVCPU *cpu, int irq, int level);

/** riscv_cpu_has_work: true if @cpu is running or has an interrupt due. */
bool riscv_cpu_has_work(RISCVCPU *cpu);

/**
 * riscv_cpu_debug_translate: riscv_cpu_env_debug_translate() on @cpu's
 * hart; the CPU class's get_phys_page_debug hook is built on it.
 * Returns: true and *@pa if @va is mapped, false otherwise.
 */
bool riscv_cpu_debug_translate(RISCVCPU *cpu, uint64_t va, hwaddr *pa);

#endif /* TARGET_RISCV_CPU_H */

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * hw/core/cpu.h: the CPU base type (TYPE_CPU, "cpu"), an abstract device,
 * as QEMU's include/hw/core/cpu.h, reduced to what an interpreter needs.
 *
 * Differences from QEMU:
 * - no TCG, no accelerators: a CPU class provides exec(), which runs up
 *   to @max_insns guest instructions and returns why it stopped
 *   (CPU_EXEC_BUDGET, CPU_EXEC_HALTED, CPU_EXEC_EXIT);
 * - the CPU list is a simple chain (first_cpu, CPU_FOREACH) built at
 *   realize and undone at unrealize, in realize order; cpu_index is the
 *   position at realize time;
 * - one TARGET_PAGE_SIZE (4 KiB) for every CPU, in this header;
 * - cpu_exit() is a class method because the exit flag lives in the
 *   target's state, read by its execution loop.
 */
#ifndef HW_CORE_CPU_H
#define HW_CORE_CPU_H

#include "hw/qdev-core.h"

#define TYPE_CPU "cpu"
OBJECT_DECLARE_TYPE(CPUState, CPUClass, CPU)

/* Why CPUClass::exec returned. */
enum {
    CPU_EXEC_BUDGET = 0,    /* ran the instructions it was given */
    CPU_EXEC_HALTED = 1,    /* waiting for an interrupt (wfi) */
    CPU_EXEC_EXIT = 2,      /* cpu_exit() was called */
};

/*
 * The smallest translation page of any CPU (QEMU's TARGET_PAGE_*): the
 * unit of cpu_get_phys_page_debug().  qomu has one target, RISC-V.
 */
#define TARGET_PAGE_BITS 12
#define TARGET_PAGE_SIZE (1ULL << TARGET_PAGE_BITS)
#define TARGET_PAGE_MASK (~(TARGET_PAGE_SIZE - 1))

/* cpu_dump_state() flags (QEMU's CPU_DUMP_*). */
#define CPU_DUMP_CODE 0x1
#define CPU_DUMP_FPU  0x2

/**
 * CPUClass: what each CPU model implements.
 * @has_work: true if a halted CPU would run now (an interrupt is pending).
 * @exec: run at most @max_insns instructions; returns a CPU_EXEC_* value.
 * @exit_request: make a running exec() return soon (CPU_EXEC_EXIT).
 * @dump_state: print the registers (`info registers`, -d cpu).
 * @set_pc / @get_pc: the program counter.
 * @get_phys_page_debug: the physical page of virtual @addr as the CPU
 *   would load it now, with no side effect (no A/D update, no fault, no
 *   TLB fill); -1 if unmapped.  Optional: without it addresses are
 *   physical.
 */
struct CPUClass {
    /* private: */
    DeviceClass parent_class;

    /* public: */
    bool (*has_work)(CPUState *cpu);
    int (*exec)(CPUState *cpu, int64_t max_insns);
    void (*exit_request)(CPUState *cpu);
    void (*dump_state)(CPUState *cpu, FILE *f, int flags);
    void (*set_pc)(CPUState *cpu, uint64_t pc);
    uint64_t (*get_pc)(CPUState *cpu);
    hwaddr (*get_phys_page_debug)(CPUState *cpu, uint64_t addr);
};

/**
 * CPUState: the state every CPU starts with.
 * @cpu_index: the CPU's position in the CPU list.
 * @as: the address space the CPU's accesses go to (system memory unless
 *   the board set another before realize).
 * @next_cpu: the next CPU in the list (CPU_FOREACH).
 */
struct CPUState {
    /* private: */
    DeviceState parent_obj;

    /* public: */
    int cpu_index;
    AddressSpace *as;
    CPUState *next_cpu;
};

/** first_cpu: the first realized CPU, or NULL. */
extern CPUState *first_cpu;

#define CPU_FOREACH(cpu) for ((cpu) = first_cpu; (cpu); (cpu) = (cpu)->next_cpu)

/** qemu_get_cpu: the realized CPU with @index, or NULL. */
CPUState *qemu_get_cpu(int index);

/** cpu_exec: run @cpu for at most @max_insns instructions (CPU_EXEC_*). */
int cpu_exec(CPUState *cpu, int64_t max_insns);

/** cpu_has_work: true if @cpu is not waiting for an interrupt. */
bool cpu_has_work(CPUState *cpu);

/** cpu_exit: make @cpu's running or next cpu_exec() return CPU_EXEC_EXIT. */
void cpu_exit(CPUState *cpu);

/** cpu_dump_state: print @cpu's registers to @f (QEMU's format). */
void cpu_dump_state(CPUState *cpu, FILE *f, int flags);

/** cpu_reset: cold-reset @cpu (as device_cold_reset()). */
void cpu_reset(CPUState *cpu);

/** cpu_set_pc: set the program counter of @cpu. */
void cpu_set_pc(CPUState *cpu, uint64_t pc);

/** cpu_get_pc: the program counter of @cpu. */
uint64_t cpu_get_pc(CPUState *cpu);

/**
 * cpu_get_phys_page_debug: the physical address of the page that holds
 * virtual address @addr for @cpu, for debuggers and the monitor (QEMU's
 * name and semantics: side-effect free, translated as the CPU's current
 * mode would load).  A CPU class without translation maps addresses 1:1.
 * Returns: the page's physical address (aligned down to the target page),
 * or -1 if @addr is not mapped.
 */
hwaddr cpu_get_phys_page_debug(CPUState *cpu, uint64_t addr);

#endif /* HW_CORE_CPU_H */

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

#endif /* HW_CORE_CPU_H */

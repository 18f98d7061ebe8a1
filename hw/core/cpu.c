/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cpu.c: the abstract CPU device (TYPE_CPU) and the CPU list.
 */
#include "qomu/osdep.h"
#include "qapi/error.h"
#include "exec/address-spaces.h"
#include "hw/core/cpu.h"

CPUState *first_cpu;

CPUState *qemu_get_cpu(int index)
{
    CPUState *cpu;

    CPU_FOREACH(cpu) {
        if (cpu->cpu_index == index) {
            return cpu;
        }
    }
    return NULL;
}

int cpu_exec(CPUState *cpu, int64_t max_insns)
{
    return CPU_GET_CLASS(cpu)->exec(cpu, max_insns);
}

bool cpu_has_work(CPUState *cpu)
{
    CPUClass *cc = CPU_GET_CLASS(cpu);

    return cc->has_work ? cc->has_work(cpu) : true;
}

void cpu_exit(CPUState *cpu)
{
    CPUClass *cc = CPU_GET_CLASS(cpu);

    if (cc->exit_request) {
        cc->exit_request(cpu);
    }
}

void cpu_dump_state(CPUState *cpu, FILE *f, int flags)
{
    CPUClass *cc = CPU_GET_CLASS(cpu);

    if (cc->dump_state) {
        cc->dump_state(cpu, f, flags);
    }
}

void cpu_reset(CPUState *cpu)
{
    device_cold_reset(DEVICE(cpu));
}

void cpu_set_pc(CPUState *cpu, uint64_t pc)
{
    CPU_GET_CLASS(cpu)->set_pc(cpu, pc);
}

uint64_t cpu_get_pc(CPUState *cpu)
{
    return CPU_GET_CLASS(cpu)->get_pc(cpu);
}

hwaddr cpu_get_phys_page_debug(CPUState *cpu, uint64_t addr)
{
    CPUClass *cc = CPU_GET_CLASS(cpu);

    if (!cc->get_phys_page_debug) {
        return addr & TARGET_PAGE_MASK;
    }
    return cc->get_phys_page_debug(cpu, addr);
}

static void cpu_list_remove(CPUState *cpu)
{
    CPUState **p;

    for (p = &first_cpu; *p; p = &(*p)->next_cpu) {
        if (*p == cpu) {
            *p = cpu->next_cpu;
            cpu->next_cpu = NULL;
            return;
        }
    }
}

static void cpu_common_realize(DeviceState *dev, Error **errp)
{
    CPUState *cpu = CPU(dev);
    CPUState **p;
    int index = 0;

    if (!cpu->as) {
        cpu->as = &address_space_memory;
    }
    for (p = &first_cpu; *p; p = &(*p)->next_cpu) {
        index++;
    }
    cpu->cpu_index = index;
    cpu->next_cpu = NULL;
    *p = cpu;
}

static void cpu_common_unrealize(DeviceState *dev)
{
    cpu_list_remove(CPU(dev));
}

static void cpu_common_finalize(Object *obj)
{
    cpu_list_remove(CPU(obj));
}

static void cpu_class_init(ObjectClass *oc, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(oc);

    dc->realize = cpu_common_realize;
    dc->unrealize = cpu_common_unrealize;
    dc->user_creatable = false;
    dc->not_user_creatable_reason = "CPUs are created by the board (-smp)";
}

static const TypeInfo cpu_type_info = {
    .name = TYPE_CPU,
    .parent = TYPE_DEVICE,
    .instance_size = sizeof(CPUState),
    .instance_finalize = cpu_common_finalize,
    .abstract = true,
    .class_size = sizeof(CPUClass),
    .class_init = cpu_class_init,
};

static void cpu_register_types(void)
{
    type_register_static(&cpu_type_info);
}

type_init(cpu_register_types)

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * spike.c: the Spike board (as QEMU's -M spike): RAM at 0x80000000, a
 * CLINT (ACLINT MSWI + MTIMER) at 0x2000000, and HTIF at the `tohost` /
 * `fromhost` symbols of the loaded ELF.  It runs the standard RISC-V ISA
 * test programs: `-M spike -nographic -bios none -kernel test.elf`, with
 * the test's exit code as the exit status.
 *
 * The composition: /machine (spike) owns soc, which owns harts[N],
 * clint-swi, clint-mtimer and htif; RAM is /machine/ram.
 */
#include "qomu/osdep.h"
#include "qapi/error.h"
#include "exec/address-spaces.h"
#include "exec/memory.h"
#include "hw/boards.h"
#include "hw/char/riscv_htif.h"
#include "hw/intc/riscv_aclint.h"
#include "hw/loader.h"
#include "hw/qdev-core.h"
#include "hw/qdev-properties.h"
#include "hw/qdev-properties-system.h"
#include "hw/sysbus.h"
#include "system/system.h"
#include "target/riscv/cpu.h"

#define TYPE_SPIKE_MACHINE MACHINE_TYPE_NAME("spike")
OBJECT_DECLARE_SIMPLE_TYPE(SpikeState, SPIKE_MACHINE)

enum {
    SPIKE_CLINT_BASE = 0x2000000,
    SPIKE_CLINT_SIZE = 0x10000,
    SPIKE_DRAM_BASE = 0x80000000,
    SPIKE_KERNEL_OFFSET = 0x200000, /* -kernel after -bios FILE */
    SPIKE_MAX_CPUS = 8,
    SPIKE_TIMEBASE_FREQ = 10000000,
};

struct SpikeState {
    MachineState parent_obj;

    Object *soc;
    MemoryRegion ram;
};

/* The ELF whose symbols locate HTIF: the kernel, else the firmware. */
static const char *spike_htif_elf(MachineState *ms, bool firmware_loaded)
{
    if (ms->kernel_filename) {
        return ms->kernel_filename;
    }
    return firmware_loaded ? ms->firmware : NULL;
}

static bool spike_load_images(MachineState *ms, uint64_t *entry,
                              bool *firmware_loaded, Error **errp)
{
    const char *fw = ms->firmware;
    uint64_t kernel_entry;

    *firmware_loaded = false;
    if (fw && strcmp(fw, "none") != 0) {
        if (!strcmp(fw, "default")) {
            error_setg(errp, "spike: there is no default firmware; use "
                       "-bios none -kernel FILE.elf, or -bios FILE.elf");
            return false;
        }
        if (!load_elf(fw, &address_space_memory, entry, NULL, NULL, errp)) {
            error_prepend(errp, "-bios %s: ", fw);
            return false;
        }
        *firmware_loaded = true;
    } else if (!ms->kernel_filename) {
        error_setg(errp, "spike: nothing to run: give -kernel FILE.elf "
                   "(with -bios none) or -bios FILE.elf");
        return false;
    }

    if (ms->kernel_filename) {
        if (!load_elf(ms->kernel_filename, &address_space_memory,
                      &kernel_entry, NULL, NULL, errp)) {
            error_prepend(errp, "-kernel %s: ", ms->kernel_filename);
            return false;
        }
        if (!*firmware_loaded) {
            *entry = kernel_entry;
        }
    }
    return true;
}

static bool spike_create_harts(SpikeState *s, MachineState *ms,
                               uint64_t entry, Error **errp)
{
    ObjectClass *oc = object_class_by_name(ms->cpu_type);

    if (!oc || !object_class_dynamic_cast(oc, TYPE_RISCV_CPU) ||
        object_class_is_abstract(oc)) {
        error_setg(errp, "-cpu %s: not a RISC-V CPU model (-cpu help lists "
                   "them)", ms->cpu_type);
        return false;
    }
    for (unsigned i = 0; i < ms->smp_cpus; i++) {
        g_autofree char *name = g_strdup_printf("harts[%u]", i);
        Object *cpu = object_new_with_class(oc);

        object_property_add_child(s->soc, name, cpu);
        object_unref(cpu);
        if (!object_property_set_uint(cpu, "mhartid", i, errp) ||
            !object_property_set_uint(cpu, "resetvec", entry, errp) ||
            !qdev_realize(DEVICE(cpu), NULL, errp)) {
            return false;
        }
    }
    return true;
}

static DeviceState *spike_add_device(SpikeState *s, const char *name,
                                     const char *type)
{
    DeviceState *dev = qdev_new(type);

    object_property_add_child(s->soc, name, OBJECT(dev));
    object_unref(dev);
    return dev;
}

static bool spike_create_clint(SpikeState *s, MachineState *ms,
                               Error **errp)
{
    DeviceState *swi = spike_add_device(s, "clint-swi",
                                        TYPE_RISCV_ACLINT_SWI);
    DeviceState *mtimer = spike_add_device(s, "clint-mtimer",
                                           TYPE_RISCV_ACLINT_MTIMER);

    qdev_prop_set_uint32(swi, "num-harts", ms->smp_cpus);
    qdev_prop_set_uint32(mtimer, "num-harts", ms->smp_cpus);
    qdev_prop_set_uint32(mtimer, "timebase-freq", SPIKE_TIMEBASE_FREQ);
    if (!sysbus_realize(SYS_BUS_DEVICE(swi), errp) ||
        !sysbus_realize(SYS_BUS_DEVICE(mtimer), errp)) {
        return false;
    }
    sysbus_mmio_map(SYS_BUS_DEVICE(swi), 0, SPIKE_CLINT_BASE);
    sysbus_mmio_map(SYS_BUS_DEVICE(mtimer), 0,
                    SPIKE_CLINT_BASE + RISCV_ACLINT_SWI_SIZE);

    for (unsigned i = 0; i < ms->smp_cpus; i++) {
        RISCVCPU *cpu = RISCV_CPU(qemu_get_cpu(i));

        qdev_connect_gpio_out(swi, i, qdev_get_gpio_in(DEVICE(cpu),
                                                       IRQ_M_SOFT));
        qdev_connect_gpio_out(mtimer, i, qdev_get_gpio_in(DEVICE(cpu),
                                                          IRQ_M_TIMER));
        riscv_cpu_set_rdtime_fn(&cpu->env, riscv_aclint_mtimer_get_time,
                                mtimer);
    }
    return true;
}

static bool spike_create_htif(SpikeState *s, MachineState *ms,
                              bool firmware_loaded, Error **errp)
{
    const char *elf = spike_htif_elf(ms, firmware_loaded);
    uint64_t tohost, fromhost = 0;
    DeviceState *htif;

    if (!elf || !elf_lookup_symbol(elf, "tohost", &tohost, NULL)) {
        /* No HTIF symbols: the program talks to nothing (as QEMU). */
        return true;
    }
    elf_lookup_symbol(elf, "fromhost", &fromhost, NULL);
    htif = spike_add_device(s, "htif", TYPE_RISCV_HTIF);
    qdev_prop_set_uint64(htif, "tohost", tohost);
    qdev_prop_set_uint64(htif, "fromhost", fromhost);
    qdev_prop_set_chr(htif, "chardev", serial_hd(0));
    if (!sysbus_realize(SYS_BUS_DEVICE(htif), errp)) {
        return false;
    }
    riscv_htif_map(RISCV_HTIF(htif), get_system_memory());
    return true;
}

static bool spike_board_init(MachineState *ms, Error **errp)
{
    SpikeState *s = SPIKE_MACHINE(ms);
    bool firmware_loaded;
    uint64_t entry = SPIKE_DRAM_BASE;

    s->soc = object_new(TYPE_CONTAINER);
    object_property_add_child(OBJECT(ms), "soc", s->soc);
    object_unref(s->soc);

    if (!memory_region_init_ram(&s->ram, OBJECT(ms), "ram", ms->ram_size,
                                errp)) {
        return false;
    }
    memory_region_add_subregion(get_system_memory(), SPIKE_DRAM_BASE,
                                &s->ram);

    return spike_load_images(ms, &entry, &firmware_loaded, errp) &&
           spike_create_harts(s, ms, entry, errp) &&
           spike_create_clint(s, ms, errp) &&
           spike_create_htif(s, ms, firmware_loaded, errp);
}

static void spike_machine_class_init(ObjectClass *oc, const void *data)
{
    MachineClass *mc = MACHINE_CLASS(oc);

    mc->desc = "RISC-V Spike board";
    mc->init = spike_board_init;
    mc->max_cpus = SPIKE_MAX_CPUS;
    mc->default_cpus = 1;
    mc->default_ram_size = 128 * 1024 * 1024;
    mc->min_ram_size = 1024 * 1024;
    mc->max_ram_size = 0x80000000ULL * 31; /* up to the 64-bit map's end */
    mc->default_cpu_type = TYPE_RISCV_CPU_BASE64;
    mc->default_ram_id = "ram";
}

static const TypeInfo spike_machine_info = {
    .name = TYPE_SPIKE_MACHINE,
    .parent = TYPE_MACHINE,
    .instance_size = sizeof(SpikeState),
    .class_init = spike_machine_class_init,
};

static void spike_machine_register_types(void)
{
    type_register_static(&spike_machine_info);
}

type_init(spike_machine_register_types)

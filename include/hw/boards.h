/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * boards.h: the machine (board) type.  A machine is the root of the
 * emulated hardware: /machine in the composition tree.  Each board is a
 * subclass named "<name>-machine" whose init builds its devices.
 */
#ifndef HW_BOARDS_H
#define HW_BOARDS_H

#include "qom/object.h"

#define TYPE_MACHINE "machine"
#define TYPE_MACHINE_SUFFIX "-machine"
/* MACHINE_TYPE_NAME("virt") is "virt-machine". */
#define MACHINE_TYPE_NAME(machinename) (machinename TYPE_MACHINE_SUFFIX)

OBJECT_DECLARE_TYPE(MachineState, MachineClass, MACHINE)

/**
 * MachineClass:
 * @desc: one line for `-M help`.
 * @init: build the board: CPUs, memory, devices.  May fail: then it sets
 * @errp and the caller tears the half-built machine down.
 * @is_default: the machine used when -M is not given.
 * @default_ram_size, @min_ram_size, @max_ram_size: -m limits (0: none).
 * @default_cpus, @max_cpus: -smp default and limit.
 * @default_cpu_type: the CPU type when -cpu is not given.
 * @default_ram_id: the name of the RAM region ("riscv_virt_board.ram").
 */
struct MachineClass {
    ObjectClass parent_class;

    const char *desc;
    bool (*init)(MachineState *ms, Error **errp);
    bool is_default;
    uint64_t default_ram_size;
    uint64_t min_ram_size;
    uint64_t max_ram_size;
    unsigned default_cpus;
    unsigned max_cpus;
    const char *default_cpu_type;
    const char *default_ram_id;
};

/**
 * MachineState: the options every board reads.
 * @ram_size: bytes of RAM (-m).
 * @smp_cpus: number of harts (-smp).
 * @cpu_type: the CPU type (from -cpu, or the class default).
 * @firmware: -bios (NULL: the board's default; "none": no firmware).
 * @kernel_filename, @initrd_filename, @kernel_cmdline: -kernel, -initrd,
 * -append.
 * @dtb: -dtb, a device tree to use instead of the generated one.
 * @dumpdtb: -machine dumpdtb=FILE: write the device tree and exit.
 * @fdt, @fdt_size: the device tree the board built (owned by the board).
 * @built: the board's init succeeded; RAM size and CPU count are frozen.
 */
struct MachineState {
    Object parent_obj;

    uint64_t ram_size;
    unsigned smp_cpus;
    char *cpu_type;
    char *firmware;
    char *kernel_filename;
    char *initrd_filename;
    char *kernel_cmdline;
    char *dtb;
    char *dumpdtb;
    void *fdt;
    int fdt_size;
    bool built;
};

/**
 * machine_class_by_name: the machine class for @name ("virt", or the full
 * type name "virt-machine").  On failure sets an error naming the machine,
 * with a "did you mean" hint and `-M help` as the way to list them.
 */
MachineClass *machine_class_by_name(const char *name, Error **errp);

/** machine_default_class: the class marked is_default, or NULL. */
MachineClass *machine_default_class(void);

/** machine_class_short_name: "virt" for "virt-machine" (do not free). */
const char *machine_class_short_name(MachineClass *mc);

/**
 * machine_help_text: the `-M help` text: every machine, its description,
 * the default marked.  A new string.
 */
char *machine_help_text(void);

/**
 * machine_run_board_init: check the options against the class's limits
 * (RAM size, CPU count) and run the board's init.  Returns: true on
 * success; on failure @errp says what was wrong and what would work.
 */
bool machine_run_board_init(MachineState *ms, Error **errp);

#endif /* HW_BOARDS_H */

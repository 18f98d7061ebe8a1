/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * boot.h: how a RISC-V board boots (QEMU's include/hw/riscv/boot.h):
 * firmware search and loading (-bios), the kernel (-kernel) and initrd
 * (-initrd), the device tree's place in RAM, and the reset ROM that hands
 * a0 = hartid, a1 = FDT address, a2 = fw_dynamic info to the firmware.
 *
 * Differences from QEMU: functions take Error ** and return bool (QEMU
 * exits); the firmware search path is QOMU_DATADIR, then Debian's opensbi
 * and qemu-system-data directories; no uImage / Linux Image header
 * parsing (ELF or raw only); with -bios none the harts start at the
 * kernel's entry point (QEMU: at the start of RAM, which is the same for
 * images linked there).
 */
#ifndef HW_RISCV_BOOT_H
#define HW_RISCV_BOOT_H

#include "exec/memory.h"
#include "hw/boards.h"

/* fw_dynamic info (OpenSBI's include/sbi/fw_dynamic.h). */
#define FW_DYNAMIC_INFO_MAGIC_VALUE 0x4942534f
#define FW_DYNAMIC_INFO_VERSION 2
#define FW_DYNAMIC_INFO_NEXT_MODE_U 0x0
#define FW_DYNAMIC_INFO_NEXT_MODE_S 0x1
#define FW_DYNAMIC_INFO_NEXT_MODE_M 0x3

/** RISCV64_BIOS_BIN: the default firmware (Debian's opensbi package). */
#define RISCV64_BIOS_BIN "fw_dynamic.bin"

/**
 * struct fw_dynamic_info: what the reset ROM passes in a2, little-endian
 * 64-bit words.
 */
struct fw_dynamic_info {
    uint64_t magic;
    uint64_t version;
    uint64_t next_addr;
    uint64_t next_mode;
    uint64_t options;
    uint64_t boot_hart;
};

/**
 * riscv_is_bios_none: whether @ms runs without firmware (-bios none).
 */
bool riscv_is_bios_none(MachineState *ms);

/**
 * riscv_find_firmware: the path of firmware @name: @name itself when it
 * is a file, else the first of the search directories that has it.
 * Returns: a new string, or NULL with @errp naming every path tried.
 */
char *riscv_find_firmware(const char *name, Error **errp);

/**
 * riscv_find_and_load_firmware: load -bios (or @default_name when -bios
 * is absent or "default"; nothing for "none") at @firmware_load_addr: as
 * an ELF at its own addresses, else as a raw image.
 * @firmware_end: receives the address just past the firmware
 * (@firmware_load_addr when none is loaded).
 * Returns: true on success; false with @errp set (one line).
 */
bool riscv_find_and_load_firmware(MachineState *ms, const char *default_name,
                                  hwaddr firmware_load_addr,
                                  hwaddr *firmware_end, Error **errp);

/**
 * riscv_calc_kernel_start_addr: where a raw kernel goes: the firmware's
 * end rounded up to 2 MiB (0x80200000 after OpenSBI, 0x80000000 without
 * firmware), as QEMU's rule for RV64.
 */
hwaddr riscv_calc_kernel_start_addr(hwaddr firmware_end_addr);

/**
 * riscv_load_kernel: load -kernel: an ELF at its own addresses, else a raw
 * image at @kernel_start_addr, up to the end of RAM (@ram_base + ram size).
 * @entry: receives the entry point.
 * Returns: true on success; false with @errp set.
 */
bool riscv_load_kernel(MachineState *ms, hwaddr ram_base,
                       hwaddr kernel_start_addr, uint64_t *entry, Error **errp);

/**
 * riscv_load_initrd: load -initrd after the kernel as QEMU places it
 * (@kernel_entry + min(RAM / 2, 128 MiB)) and record it in /chosen of
 * @ms->fdt (linux,initrd-start / linux,initrd-end).
 * Returns: true on success; false with @errp set.
 */
bool riscv_load_initrd(MachineState *ms, hwaddr ram_base, uint64_t kernel_entry,
                       Error **errp);

/**
 * riscv_compute_fdt_addr: where the device tree goes: the end of the
 * first RAM bank, or 3 GiB if lower, minus the packed tree's size, aligned
 * down to 2 MiB (QEMU's rule).  Packs @ms->fdt.
 */
uint64_t riscv_compute_fdt_addr(hwaddr dram_base, hwaddr dram_size,
                                MachineState *ms);

/**
 * riscv_load_fdt: put the device tree @fdt in the ROM list at @fdt_addr
 * (so every reset writes it again).
 * Returns: true on success; false with @errp set.
 */
bool riscv_load_fdt(hwaddr fdt_addr, void *fdt, Error **errp);

/**
 * riscv_setup_rom_reset_vec: the reset ROM at @rom_base: auipc t0; addi
 * a2, t0, fw_dyn; csrr a0, mhartid; ld a1, fdt(t0); ld t0, start(t0);
 * jr t0; then @start_addr, @fdt_load_addr and the fw_dynamic info (next
 * address @kernel_entry, next mode S, boot hart 0).
 * Returns: true on success; false with @errp set.
 */
bool riscv_setup_rom_reset_vec(MachineState *ms, hwaddr start_addr,
                               hwaddr rom_base, hwaddr rom_size,
                               uint64_t kernel_entry, uint64_t fdt_load_addr,
                               Error **errp);

/**
 * riscv_fdt_set_chosen: /chosen bootargs from -append (if any) in @fdt.
 * Returns: true on success; false with @errp set (tree full).
 */
bool riscv_fdt_set_chosen(MachineState *ms, void *fdt, Error **errp);

/**
 * riscv_load_user_dtb: read -dtb @ms->dtb into a new tree with room for
 * /chosen edits; sets @ms->fdt / @ms->fdt_size.
 * Returns: true on success; false with @errp set.
 */
bool riscv_load_user_dtb(MachineState *ms, Error **errp);

/**
 * riscv_dumpdtb: for -machine dumpdtb=FILE: write @ms->fdt to the file.
 * Returns: true on success; false with @errp set.
 */
bool riscv_dumpdtb(MachineState *ms, Error **errp);

#endif /* HW_RISCV_BOOT_H */

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * loader.h: loading guest images - RISC-V ELF executables, raw binaries -
 * and the ROM list that re-applies them at every system reset.
 *
 * Every loader records what it loads as a "ROM" (a blob: name, address,
 * size, data) in one global list, and writes it into guest memory at once.
 * rom_reset() writes every blob again (machine reset calls it), so images
 * survive a reset as on QEMU; `info roms` lists them (rom_info_text()).
 *
 * A blob must lie wholly in RAM or ROM of its address space, and must not
 * overlap another blob: both are checked when it is added, and a refused
 * image leaves nothing behind.  Every error is one line naming the file,
 * the addresses and what was expected.
 *
 * Differences from QEMU: the functions take an Error ** (QEMU returns -1
 * or a negative code); load_elf() has a short signature of its own
 * (QEMU's load_elf() takes translation callbacks, endianness and machine
 * arguments: here the machine is always RISC-V, little-endian); overlap
 * and fit are checked when an image is added rather than at machine-init
 * done; rom_list_free() exists so the list can be freed at exit.
 */
#ifndef HW_LOADER_H
#define HW_LOADER_H

#include "qomu/osdep.h"
#include "exec/memory.h"

/**
 * load_elf: load the RISC-V ELF executable @filename.
 * @filename: a 32- or 64-bit little-endian RISC-V ELF file of type EXEC or
 * DYN (position-independent firmware such as OpenSBI's is loaded at its
 * link addresses, as QEMU does).
 * @as: the address space to load into; NULL for address_space_memory.
 * @pentry: receives the entry point (translated from virtual to physical
 * when it lies in a segment whose p_vaddr and p_paddr differ); may be NULL.
 * @plowaddr: receives the lowest physical address loaded; may be NULL.
 * @phighaddr: receives the address just past the highest byte loaded
 * (as QEMU); may be NULL.
 * @errp: error out.
 *
 * Each PT_LOAD segment is added to the ROM list at its physical address
 * (p_paddr) with p_memsz bytes: the file's p_filesz bytes, then zeros
 * (bss).  Either every segment is loaded or none.
 *
 * Errors (one line each): the file cannot be opened (name and strerror),
 * is not ELF, is truncated, is not RISC-V (names the machine it is for),
 * is not an executable, a segment is not in RAM / ROM or does not fit,
 * or it overlaps an image already loaded (names both).
 * Returns: true on success.
 */
bool load_elf(const char *filename, AddressSpace *as, uint64_t *pentry,
              uint64_t *plowaddr, uint64_t *phighaddr, Error **errp);

/**
 * elf_get_class: 32 or 64 for a valid RISC-V ELF file @filename (so a
 * board can refuse a 32-bit image on a 64-bit hart); 0 with @errp set for
 * the errors load_elf() reports about the file itself.
 */
int elf_get_class(const char *filename, Error **errp);

/**
 * elf_lookup_symbol: the value of symbol @name (e.g. "tohost") in the
 * symbol table of RISC-V ELF file @filename.
 * Returns: true and *@value; false with @errp set if the file is bad or
 * has no such symbol ("symbol 'tohost' not found in 'x.elf'").
 */
bool elf_lookup_symbol(const char *filename, const char *name, uint64_t *value,
                       Error **errp);

/**
 * get_image_size: the size of file @filename in bytes, or -1 (as QEMU).
 */
ssize_t get_image_size(const char *filename);

/**
 * load_image_targphys_as: load raw binary @filename at @addr of @as (NULL:
 * address_space_memory), at most @max_sz bytes.
 * Returns: the size loaded, or -1 with @errp set (file missing, larger
 * than @max_sz, not in RAM / ROM, overlapping another image).
 */
ssize_t load_image_targphys_as(const char *filename, hwaddr addr,
                               uint64_t max_sz, AddressSpace *as, Error **errp);

/** load_image_targphys: load_image_targphys_as() into system memory. */
ssize_t load_image_targphys(const char *filename, hwaddr addr, uint64_t max_sz,
                            Error **errp);

/**
 * rom_add_blob_fixed_as: add @len bytes of @blob (copied) named @name at
 * @addr of @as (NULL: address_space_memory) to the ROM list and write
 * them.  Used for reset vectors and device trees.
 * Returns: true; false with @errp set if the blob is not in RAM / ROM or
 * overlaps another.
 */
bool rom_add_blob_fixed_as(const char *name, const void *blob, size_t len,
                           hwaddr addr, AddressSpace *as, Error **errp);

/** rom_add_blob_fixed: rom_add_blob_fixed_as() into system memory. */
bool rom_add_blob_fixed(const char *name, const void *blob, size_t len,
                        hwaddr addr, Error **errp);

/**
 * rom_reset: write every blob of the ROM list into guest memory again
 * (ROM included), zero-filling each blob's bss.  The machine's reset
 * calls it.
 */
void rom_reset(void);

/**
 * rom_info_text: the text of `info roms`, one line per blob in address
 * order, as QEMU prints it:
 *   addr=0000000080000000 size=0x01a2b8 mem=ram name="fw_dynamic.elf"
 * Returns: a new string for g_free() ("" when the list is empty).
 */
char *rom_info_text(void);

/**
 * rom_list_free: forget every blob (at exit, or between tests).  Call it
 * before the address spaces the blobs point to are destroyed.
 */
void rom_list_free(void);

#endif /* HW_LOADER_H */

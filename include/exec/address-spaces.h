/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * address-spaces.h: the system memory region and the address space the CPU
 * and DMA see ("memory"), as in QEMU.
 *
 * Unlike QEMU, they are created by memory_map_init() and torn down by
 * memory_map_cleanup(), so a run ends with nothing allocated:
 *   memory_map_init();            at start-up, before the board is built
 *   ... build board, run ...
 *   (unparent the machine: its regions unmap themselves)
 *   memory_map_cleanup();         at exit
 * get_system_memory() initialises the map on first use if needed.
 */
#ifndef EXEC_ADDRESS_SPACES_H
#define EXEC_ADDRESS_SPACES_H

#include "exec/memory.h"

/**
 * get_system_memory: the root container of guest-physical memory, "system"
 * (2^64 bytes).  Boards map RAM, ROM and devices into it.
 */
MemoryRegion *get_system_memory(void);

/** address_space_memory: the address space whose root is system memory. */
extern AddressSpace address_space_memory;

/**
 * memory_map_init: create system memory and address_space_memory (nothing
 * if they exist).
 */
void memory_map_init(void);

/**
 * memory_map_cleanup: destroy address_space_memory and system memory.
 * Regions still mapped in it are unmapped (not finalised: their owners do
 * that).  memory_map_init() may be called again afterwards.
 */
void memory_map_cleanup(void);

#endif /* EXEC_ADDRESS_SPACES_H */

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Constants shared by the firmware runtime's C and assembly sources.
 * See docs/devel/firmware-tests.md.
 */
#ifndef RT_DEFS_H
#define RT_DEFS_H

#define RT_MAX_HARTS        4
#define RT_STACK_SHIFT      14      /* 16 KiB stack per hart */
#define RT_TRAP_STACK_SHIFT 12      /* 4 KiB trap stack per hart */

/* Exit codes the runtime itself uses (checks count up from 1). */
#define RT_CODE_UNEXPECTED_TRAP 250
#define RT_CODE_BAD_RETURN      251

/* a7 value of the ecall that returns from rt_run_in_mode() to M-mode. */
#define RT_ECALL_BACK_TO_M  0x51bac0

/* Trap frame: x0..x31 (x0 slot unused), 8 bytes each. */
#define RT_FRAME_SIZE       (32 * 8)

#ifndef RT_FORCE_FAIL
#define RT_FORCE_FAIL 0
#endif

/* Board addresses (QEMU's memory maps; spike and virt agree on the CLINT). */
#define RT_CLINT_BASE       0x2000000
#define RT_CLINT_MSIP       (RT_CLINT_BASE + 0x0)
#define RT_CLINT_MTIMECMP   (RT_CLINT_BASE + 0x4000)
#define RT_CLINT_MTIME      (RT_CLINT_BASE + 0xbff8)
#define RT_VIRT_TEST        0x100000
#define RT_VIRT_UART        0x10000000

#endif

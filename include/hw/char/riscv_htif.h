/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * riscv_htif.h: the Host-Target Interface of Spike (riscv-isa-sim's
 * fesvr), as the spike board uses it for riscv-tests, bbl and console
 * output.  QEMU has this as hw/char/riscv_htif.c with a global symbol
 * callback and htif_mm_init(); here it is a qdev device.
 *
 * The guest talks through two 64-bit words in its own RAM, found by the
 * board from the ELF symbols `tohost` and `fromhost`.  riscv_htif_map()
 * overlays each with an 8-byte I/O region of priority 1 over RAM (QEMU
 * maps one region covering both), so guest stores to tohost reach the
 * device and nothing else of the page changes.  tohost = device << 56 |
 * command << 48 | payload:
 *   device 0, command 0, payload odd     exit, status payload >> 1
 *                                        (1 = pass, exit status 0)
 *   device 0, command 0, payload even    syscall proxy: payload is the
 *       address of 8 uint64 (riscv-pk's magic_mem); SYS_write (64) to fd 1
 *       or 2 writes buf[0..len) to the console, other calls return -ENOSYS;
 *       the result goes to magic_mem[0] and fromhost = 1
 *   device 1, command 1                  console putchar (payload & 0xff),
 *                                        fromhost = 1 << 56 | 1 << 48 |
 *                                        0x100 | ch
 *   device 1, command 0                  console getchar request: the next
 *                                        input byte answers as
 *                                        fromhost = 1 << 56 | 0x100 | ch
 * The device clears tohost once it has taken a command (as Spike).  A
 * 64-bit store acts at once; as 32-bit halves, the store to the high
 * half acts (RV32 stores low first).  Console output and input go through
 * the "chardev" property (nothing connected: output dropped, as QEMU).
 *
 * Exit requests use qemu_system_shutdown_request_with_code() (cause
 * guest-shutdown for 0, guest-panic otherwise), so the status reaches
 * main() as the exit status.
 *
 * Differences from QEMU: a device with properties instead of globals;
 * two 8-byte regions instead of one spanning both words; SYS_write of any
 * length (QEMU: one byte); input waits in the chardev until the guest
 * asks for a byte (QEMU drops it); no signature dump (-riscv-sig).
 */
#ifndef HW_CHAR_RISCV_HTIF_H
#define HW_CHAR_RISCV_HTIF_H

#include "hw/sysbus.h"
#include "exec/memory.h"
#include "chardev/char-fe.h"

#define TYPE_RISCV_HTIF "riscv.htif"

typedef struct HTIFState HTIFState;

#define RISCV_HTIF(obj) OBJECT_CHECK(HTIFState, (obj), TYPE_RISCV_HTIF)

/** HTIFState: the HTIF. */
struct HTIFState {
    /* private: */
    SysBusDevice parent_obj;

    /* public: */
    MemoryRegion tohost_mr;
    MemoryRegion fromhost_mr;
    MemoryRegion *address_space; /* where riscv_htif_map() put them */
    CharBackend chr;

    uint64_t tohost;
    uint64_t fromhost;
    uint64_t pending_read; /* the getchar command waiting for input, or 0 */

    /* properties */
    uint64_t tohost_addr;
    uint64_t fromhost_addr;
};

/**
 * riscv_htif_map: map the device's tohost (and, if its "fromhost"
 * property is not 0, fromhost) words over RAM in @address_space, with
 * priority 1, at the addresses of its properties.  Call after realize.
 */
void riscv_htif_map(HTIFState *s, MemoryRegion *address_space);

#endif /* HW_CHAR_RISCV_HTIF_H */

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * memattrs.h: transaction attributes and results of memory accesses, as in
 * QEMU (MemTxAttrs, MemTxResult, MEMTX_*).
 */
#ifndef EXEC_MEMATTRS_H
#define EXEC_MEMATTRS_H

#include "qomu/osdep.h"

/**
 * MemTxAttrs: attributes of one memory transaction, passed to devices that
 * implement read_with_attrs / write_with_attrs.
 * @unspecified: the caller did not say (MEMTXATTRS_UNSPECIFIED).
 * @secure: secure-world access (unused on RISC-V, kept for QEMU's API).
 * @user: the access comes from user mode.
 * @memory: the access is guest memory (not a debug access).
 * @debug: a debugger / monitor access (`xp`, gdbstub).
 * @requester_id: bus requester id (PCI requester id of a DMA).
 */
typedef struct MemTxAttrs {
    unsigned int unspecified : 1;
    unsigned int secure : 1;
    unsigned int user : 1;
    unsigned int memory : 1;
    unsigned int debug : 1;
    unsigned int requester_id : 16;
} MemTxAttrs;

/** MEMTXATTRS_UNSPECIFIED: the attributes of an ordinary access. */
#define MEMTXATTRS_UNSPECIFIED ((MemTxAttrs){.unspecified = 1})

/**
 * MemTxResult: the result of a transaction, a bit mask so results of a
 * split access can be OR-ed together.  MEMTX_OK is 0.
 */
typedef uint32_t MemTxResult;

#define MEMTX_OK 0
/* the device refused the access (bad size or alignment, or it said so) */
#define MEMTX_ERROR (1U << 0)
/* nothing is mapped at the address (a hole) */
#define MEMTX_DECODE_ERROR (1U << 1)
/* the access was blocked (re-entrant device access) */
#define MEMTX_ACCESS_ERROR (1U << 2)

#endif /* EXEC_MEMATTRS_H */

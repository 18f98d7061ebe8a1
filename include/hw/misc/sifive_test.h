/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * sifive_test.h: the SiFive test finisher ("sifive,test0/test1", the
 * syscon that the virt board's poweroff and reboot nodes point at), as
 * QEMU's include/hw/misc/sifive_test.h.
 *
 * One 32-bit register at offset 0 of a 0x1000 region:
 *   0x5555 | code << 16  pass: shut down, exit status @code (usually 0)
 *   0x3333 | code << 16  fail: shut down, exit status @code
 *   0x7777               system reset
 * Anything else is logged under -d guest_errors and ignored.  Reads are 0.
 * The exit status reaches main() through
 * qemu_system_shutdown_request_with_code() (system/runstate.h).
 */
#ifndef HW_MISC_SIFIVE_TEST_H
#define HW_MISC_SIFIVE_TEST_H

#include "hw/sysbus.h"
#include "exec/memory.h"

#define TYPE_SIFIVE_TEST "riscv.sifive.test"

#define SIFIVE_TEST_SIZE 0x1000

enum {
    FINISHER_FAIL = 0x3333,
    FINISHER_PASS = 0x5555,
    FINISHER_RESET = 0x7777,
};

typedef struct SiFiveTestState SiFiveTestState;

#define SIFIVE_TEST(obj) OBJECT_CHECK(SiFiveTestState, (obj), TYPE_SIFIVE_TEST)

/** SiFiveTestState: the finisher; it has no state but its region. */
struct SiFiveTestState {
    /* private: */
    SysBusDevice parent_obj;

    /* public: */
    MemoryRegion mmio;
};

/**
 * sifive_test_create: create, realize and map a finisher at @addr
 * (0x100000 on virt).
 * Returns: the device (qdev owns it).
 */
DeviceState *sifive_test_create(hwaddr addr);

#endif /* HW_MISC_SIFIVE_TEST_H */

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * virt board system reset through the sifive_test finisher (0x7777): the
 * machine boots again from the start, the loaded image is reloaded (an
 * initialised variable changed before the reset has its initial value
 * again), and the hart comes out of reset with mstatus.MIE clear.  RAM
 * outside the image keeps a boot counter.  (The spec also resets PMP
 * entries to off and unlocked; QEMU 7.2 keeps them, so that is not
 * tested.)
 */
#include "runtime.h"

#define BOOT_MARK_ADDR  0x80c00000UL    /* RAM the image does not cover */
#define BOOT_MAGIC      0x5245534554000000ULL

static volatile uint64_t reloaded = 0x1234;
extern char __trap_stack_top[];     /* the end of the image (link.ld) */

int main(void)
{
    volatile uint64_t *mark = (volatile uint64_t *)BOOT_MARK_ADDR;
    uint64_t boot = (*mark & ~0xffULL) == BOOT_MAGIC ? (*mark & 0xff) : 0;

    CHECK((uintptr_t)__trap_stack_top < BOOT_MARK_ADDR);

    rt_puts("reset: boot ");
    rt_putdec(boot + 1);
    rt_puts("\n");
    if (boot == 0) {
        /* leave traces that a reset must undo, then reset */
        reloaded = 0x5678;
        csr_set(mstatus, MSTATUS_MIE);
        *mark = BOOT_MAGIC | 1;
        __asm__ volatile("fence" ::: "memory");
        mmio_write32(RT_VIRT_TEST, 0x7777);
        for (;;) {
            continue;
        }
    }
    *mark = 0;
    CHECK_EQ(boot, 1);
    CHECK_EQ(reloaded, 0x1234);
    CHECK_EQ(csr_read(mstatus) & (MSTATUS_MIE | MSTATUS_MPRV), 0);
    return 0;
}

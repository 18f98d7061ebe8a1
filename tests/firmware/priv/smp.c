/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Two harts (run with -smp 2): the second hart starts through its MSIP and
 * sees mhartid 1; AMOs and LR/SC loops from both harts on the same words
 * lose no update; a store by the other hart between LR and SC makes the
 * SC fail.
 */
#include "runtime.h"

#define ROUNDS 20000
#define TIMEOUT 50000000    /* mtime ticks: 5 s at 10 MHz */

static volatile uint64_t amo_counter, lrsc_counter;
static volatile uint64_t seen_hartid, worker_done;
static volatile uint64_t step;
static volatile uint64_t reserved_word __attribute__((aligned(64)));

static void add_amo(volatile uint64_t *p, uint64_t n)
{
    uint64_t i, old;

    for (i = 0; i < n; i++) {
        __asm__ volatile("amoadd.d %0, %1, (%2)"
                         : "=r"(old) : "r"(1ULL), "r"(p) : "memory");
    }
}

static void add_lrsc(volatile uint64_t *p, uint64_t n)
{
    uint64_t i, v, fail;

    for (i = 0; i < n; i++) {
        __asm__ volatile("1: lr.d %0, (%2)\n"
                         "   addi %0, %0, 1\n"
                         "   sc.d %1, %0, (%2)\n"
                         "   bnez %1, 1b\n"
                         : "=&r"(v), "=&r"(fail) : "r"(p) : "memory");
    }
}

static bool wait_for(volatile uint64_t *p, uint64_t value)
{
    uint64_t end = rt_mtime() + TIMEOUT;

    while (*p != value) {
        if (rt_mtime() > end) {
            return false;
        }
    }
    return true;
}

static void worker(uint64_t hartid)
{
    seen_hartid = csr_read(mhartid);
    /* both harts start the counting together */
    while (step != 1) {
        continue;
    }
    add_amo(&amo_counter, ROUNDS);
    add_lrsc(&lrsc_counter, ROUNDS);
    worker_done = 1;
    /* break hart 0's reservation when it asks */
    while (step != 2) {
        continue;
    }
    reserved_word = 0x2222;
    __asm__ volatile("fence" ::: "memory");
    step = 3;
}

int main(void)
{
    uint64_t v, fail;

    CHECK(rt_start_hart(1, worker));
    CHECK(wait_for(&seen_hartid, 1));
    CHECK_EQ(csr_read(mhartid), 0);

    step = 1;
    add_amo(&amo_counter, ROUNDS);
    add_lrsc(&lrsc_counter, ROUNDS);
    CHECK(wait_for(&worker_done, 1));
    CHECK_EQ(amo_counter, 2 * ROUNDS);
    CHECK_EQ(lrsc_counter, 2 * ROUNDS);

    /* LR here, a store from hart 1, then the SC must fail */
    reserved_word = 0x1111;
    __asm__ volatile("   lr.d %0, (%2)\n"
                     "   li t0, 2\n"
                     "   sd t0, 0(%3)\n"
                     "1: ld t0, 0(%3)\n"
                     "   li t1, 3\n"
                     "   bne t0, t1, 1b\n"
                     "   sc.d %1, %0, (%2)\n"
                     : "=&r"(v), "=&r"(fail)
                     : "r"(&reserved_word), "r"(&step)
                     : "t0", "t1", "memory");
    CHECK_EQ(v, 0x1111);
    CHECK(fail != 0);
    CHECK_EQ(reserved_word, 0x2222);
    return 0;
}

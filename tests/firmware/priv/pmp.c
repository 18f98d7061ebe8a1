/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Physical memory protection: NAPOT, NA4 and TOR regions with R/W/X
 * checked from U and S, the lowest-numbered matching entry deciding, M
 * unaffected by unlocked entries, and locked entries that bind M and can
 * no longer be changed (including the pmpaddr below a locked TOR entry).
 * Entry 15 (set by the runtime) allows everything to S and U.
 */
#include "runtime.h"

#define PMP_R 0x01
#define PMP_W 0x02
#define PMP_X 0x04
#define PMP_TOR   (1 << 3)
#define PMP_NA4   (2 << 3)
#define PMP_NAPOT (3 << 3)
#define PMP_L 0x80
#define PAGE 4096

static uint8_t pages[6][PAGE] __attribute__((section(".pages"), aligned(4096)));

static const uint32_t ret42_code[] = {
    0x02a00513,     /* li a0, 42 */
    0x00008067,     /* ret */
};

static void set_cfg(int entry, uint64_t cfg)
{
    uint64_t shift = (entry % 8) * 8;

    if (entry < 8) {
        csr_clear(pmpcfg0, 0xffULL << shift);
        csr_set(pmpcfg0, cfg << shift);
    } else {
        csr_clear(pmpcfg2, 0xffULL << shift);
        csr_set(pmpcfg2, cfg << shift);
    }
    __asm__ volatile("sfence.vma" ::: "memory");
}

static uint64_t get_cfg(int entry)
{
    uint64_t v = entry < 8 ? csr_read(pmpcfg0) : csr_read(pmpcfg2);

    return (v >> ((entry % 8) * 8)) & 0xff;
}

static uint64_t napot(void *base, uint64_t size)
{
    return ((uintptr_t)base + size / 2 - 1) >> 2;
}

static uint64_t do_load(uint64_t addr)
{
    uint64_t v;

    __asm__ volatile("lw %0, 0(%1)" : "=r"(v) : "r"(addr) : "memory");
    return v;
}

static uint64_t do_store(uint64_t addr)
{
    __asm__ volatile("sw %0, 0(%1)" :: "r"(0x77), "r"(addr) : "memory");
    return 0;
}

static uint64_t do_call(uint64_t addr)
{
    return ((uint64_t (*)(void))(uintptr_t)addr)();
}

static bool ok_in(int mode, uint64_t (*fn)(uint64_t), uint64_t addr)
{
    rt_trap_expect(1);
    rt_run_in_mode(mode, fn, addr);
    rt_trap.armed = 0;
    return rt_trap.count == 0;
}

static bool fault_in(int mode, uint64_t (*fn)(uint64_t), uint64_t addr,
                     uint64_t cause)
{
    rt_trap_expect(1);
    rt_run_in_mode(mode, fn, addr);
    return rt_trapped(cause, addr) && rt_trap.from == mode;
}

static void test_napot(void)
{
    uintptr_t a = (uintptr_t)pages[0];

    memcpy(pages[0], ret42_code, sizeof(ret42_code));
    __asm__ volatile("fence.i" ::: "memory");
    csr_write(pmpaddr0, napot(pages[0], PAGE));
    CHECK_EQ(csr_read(pmpaddr0), napot(pages[0], PAGE));
    set_cfg(0, PMP_NAPOT | PMP_R);
    CHECK_EQ(get_cfg(0), PMP_NAPOT | PMP_R);

    CHECK(ok_in(PRV_U, do_load, a + 8));
    CHECK(ok_in(PRV_S, do_load, a + PAGE - 4));
    CHECK(fault_in(PRV_U, do_store, a + 16, CAUSE_STORE_ACCESS));
    CHECK(fault_in(PRV_S, do_store, a + PAGE - 4, CAUSE_STORE_ACCESS));
    CHECK(fault_in(PRV_U, do_call, a, CAUSE_FETCH_ACCESS));
    /* outside the region: entry 15 allows */
    CHECK(ok_in(PRV_U, do_store, a + PAGE));
    CHECK(ok_in(PRV_U, do_store, a - 4));
    /* M is not bound by an unlocked entry */
    do_store(a + 16);
    CHECK_EQ(*(volatile uint32_t *)(a + 16), 0x77);

    /* RX: fetch now allowed */
    set_cfg(0, PMP_NAPOT | PMP_R | PMP_X);
    rt_trap_expect(1);
    CHECK_EQ(rt_run_in_mode(PRV_U, do_call, a), 42);
    rt_trap.armed = 0;
    CHECK_EQ(rt_trap.count, 0);
    set_cfg(0, 0);
    CHECK(ok_in(PRV_U, do_store, a + 16));
}

static void test_na4(void)
{
    uintptr_t b = (uintptr_t)pages[1];

    csr_write(pmpaddr1, (b + 8) >> 2);
    set_cfg(1, PMP_NA4);
    CHECK_EQ(get_cfg(1), PMP_NA4);
    CHECK(fault_in(PRV_U, do_load, b + 8, CAUSE_LOAD_ACCESS));
    CHECK(fault_in(PRV_U, do_store, b + 8, CAUSE_STORE_ACCESS));
    CHECK(ok_in(PRV_U, do_load, b + 4));
    CHECK(ok_in(PRV_U, do_load, b + 12));
    set_cfg(1, 0);
    CHECK(ok_in(PRV_U, do_load, b + 8));
}

static void test_tor(void)
{
    uintptr_t c = (uintptr_t)pages[2];

    memcpy(pages[3], ret42_code, sizeof(ret42_code));
    __asm__ volatile("fence.i" ::: "memory");
    /* entry 3 = TOR [pmpaddr2, pmpaddr3): pages[2] and pages[3], X only */
    csr_write(pmpaddr2, c >> 2);
    csr_write(pmpaddr3, (c + 2 * PAGE) >> 2);
    set_cfg(2, 0);
    set_cfg(3, PMP_TOR | PMP_X);
    CHECK_EQ(get_cfg(3), PMP_TOR | PMP_X);
    CHECK(fault_in(PRV_U, do_load, c, CAUSE_LOAD_ACCESS));
    CHECK(fault_in(PRV_U, do_load, c + 2 * PAGE - 4, CAUSE_LOAD_ACCESS));
    CHECK(fault_in(PRV_S, do_store, c + PAGE, CAUSE_STORE_ACCESS));
    CHECK(ok_in(PRV_U, do_load, c + 2 * PAGE));
    CHECK(ok_in(PRV_U, do_load, c - 4));
    rt_trap_expect(1);
    CHECK_EQ(rt_run_in_mode(PRV_U, do_call, c + PAGE), 42);
    rt_trap.armed = 0;
    CHECK_EQ(rt_trap.count, 0);

    /* the lowest-numbered match wins: entry 0 (RW) over entry 3 (X) */
    csr_write(pmpaddr0, napot(pages[2], PAGE));
    set_cfg(0, PMP_NAPOT | PMP_R | PMP_W);
    CHECK(ok_in(PRV_U, do_load, c));
    CHECK(ok_in(PRV_U, do_store, c));
    CHECK(fault_in(PRV_U, do_load, c + PAGE, CAUSE_LOAD_ACCESS));
    set_cfg(0, 0);
    set_cfg(3, 0);
}

static void test_lock(void)
{
    uintptr_t d = (uintptr_t)pages[4];
    uintptr_t e = (uintptr_t)pages[5];
    uint64_t v;

    /* a locked R-only region binds M too */
    csr_write(pmpaddr4, napot(pages[4], PAGE));
    set_cfg(4, PMP_NAPOT | PMP_R | PMP_L);
    CHECK_EQ(get_cfg(4), PMP_NAPOT | PMP_R | PMP_L);
    rt_trap_expect(1);
    v = do_load(d);
    rt_trap.armed = 0;
    CHECK_EQ(rt_trap.count, 0);
    rt_trap_expect(1);
    do_store(d + 4);
    CHECK(rt_trapped(CAUSE_STORE_ACCESS, d + 4));
    CHECK_EQ(rt_trap.from, PRV_M);
    CHECK(fault_in(PRV_U, do_store, d, CAUSE_STORE_ACCESS));

    /* ... and can no longer be changed */
    set_cfg(4, PMP_NAPOT | PMP_R | PMP_W);
    CHECK_EQ(get_cfg(4), PMP_NAPOT | PMP_R | PMP_L);
    csr_write(pmpaddr4, 0);
    CHECK_EQ(csr_read(pmpaddr4), napot(pages[4], PAGE));

    /* a locked TOR entry also locks the pmpaddr below it */
    csr_write(pmpaddr5, e >> 2);
    csr_write(pmpaddr6, (e + PAGE) >> 2);
    set_cfg(6, PMP_TOR | PMP_R | PMP_W | PMP_L);
    csr_write(pmpaddr5, 0);
    CHECK_EQ(csr_read(pmpaddr5), e >> 2);
    rt_trap_expect(1);
    do_call(e);
    CHECK(rt_trapped(CAUSE_FETCH_ACCESS, e));
    (void)v;
}

int main(void)
{
    test_napot();
    test_na4();
    test_tor();
    test_lock();
    return 0;
}

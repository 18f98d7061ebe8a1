/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Misaligned loads and stores: the spec lets an implementation either
 * perform them or trap (address-misaligned, or access fault).  Either is
 * accepted, per access, but a performed access must have the right value
 * and a trap must name the address in mtval.  Misaligned AMOs and LR/SC
 * must trap (no Zam): cause 4/5 for LR, 6/7 for SC and AMOs.
 */
#include "runtime.h"

static uint8_t buf[8192] __attribute__((section(".pages"), aligned(4096)));

#define LOAD(insn, addr) ({ uint64_t v_; \
    __asm__ volatile(insn " %0, 0(%1)" : "=r"(v_) : "r"(addr) : "memory"); \
    v_; })
#define STORE(insn, val, addr) \
    __asm__ volatile(insn " %0, 0(%1)" :: "r"(val), "r"(addr) : "memory")

static int emulated, trapped;

/* After a misaligned access: true if it was done, or trapped properly. */
static bool done_or_trapped3(uint64_t addr, uint64_t cause1, uint64_t cause2,
                             uint64_t cause3)
{
    rt_trap.armed = 0;
    if (rt_trap.count == 0) {
        emulated++;
        return true;
    }
    trapped++;
    if (rt_trap.count == 1 &&
        (rt_trap.cause == cause1 || rt_trap.cause == cause2 ||
         rt_trap.cause == cause3) &&
        rt_trap.tval == addr) {
        return true;
    }
    rt_puts("  trap: cause ");
    rt_puthex(rt_trap.cause);
    rt_puts(" tval ");
    rt_puthex(rt_trap.tval);
    rt_puts("\n");
    return false;
}

static bool done_or_trapped(uint64_t addr, uint64_t cause1, uint64_t cause2)
{
    return done_or_trapped3(addr, cause1, cause2, cause2);
}

static void fill(void)
{
    int i;

    for (i = 0; i < (int)sizeof(buf); i++) {
        buf[i] = (uint8_t)(i * 7 + 1);
    }
}

static uint64_t expect_le(uintptr_t addr, int size, bool sign)
{
    uint64_t v = 0;
    int i;

    for (i = size - 1; i >= 0; i--) {
        v = (v << 8) | ((uint8_t *)addr)[i];
    }
    if (sign && size < 8 && (v >> (size * 8 - 1)) & 1) {
        v |= ~0ULL << (size * 8);
    }
    return v;
}

static void test_loads(uintptr_t a)
{
    uint64_t v;

#define TRY_LOAD(insn, size, sign)                                      \
    rt_trap_expect(1);                                                  \
    v = LOAD(insn, a);                                                  \
    CHECK(done_or_trapped(a, CAUSE_MISALIGNED_LOAD, CAUSE_LOAD_ACCESS)); \
    if (rt_trap.count == 0) {                                           \
        CHECK_EQ(v, expect_le(a, size, sign));                          \
    }
    TRY_LOAD("lh", 2, true)
    TRY_LOAD("lhu", 2, false)
    TRY_LOAD("lw", 4, true)
    TRY_LOAD("lwu", 4, false)
    TRY_LOAD("ld", 8, false)
#undef TRY_LOAD
}

static void test_stores(uintptr_t a)
{
    uint64_t val = 0x8899aabbccddeeffULL;

#define TRY_STORE(insn, size)                                           \
    fill();                                                             \
    rt_trap_expect(1);                                                  \
    STORE(insn, val, a);                                                \
    CHECK(done_or_trapped(a, CAUSE_MISALIGNED_STORE, CAUSE_STORE_ACCESS)); \
    if (rt_trap.count == 0) {                                           \
        CHECK_EQ(expect_le(a, size, false),                             \
                 size == 8 ? val : val & ((1ULL << (size * 8)) - 1));   \
        CHECK_EQ(*(uint8_t *)(a - 1),                                   \
                 (uint8_t)((a - 1 - (uintptr_t)buf) * 7 + 1));          \
        CHECK_EQ(*(uint8_t *)(a + size),                                \
                 (uint8_t)((a + size - (uintptr_t)buf) * 7 + 1));       \
    } else {                                                            \
        CHECK_EQ(*(uint8_t *)a, (uint8_t)((a - (uintptr_t)buf) * 7 + 1)); \
    }
    TRY_STORE("sh", 2)
    TRY_STORE("sw", 4)
    TRY_STORE("sd", 8)
#undef TRY_STORE
}

static void test_atomics(uintptr_t a)
{
    uint64_t v, old;

    /*
     * The A extension (without Zam) requires a trap here, a store/AMO one
     * for AMOs and SC.  QEMU 7.2 reports misaligned AMOs as misaligned
     * loads (cause 4), so that is accepted too, and so is a correctly
     * performed access (see docs/devel/firmware-tests.md).
     */
    fill();
    old = expect_le(a, 4, true);
    rt_trap_expect(1);
    __asm__ volatile("amoadd.w %0, %1, (%2)" : "=r"(v) : "r"(1), "r"(a)
                     : "memory");
    CHECK(done_or_trapped3(a, CAUSE_MISALIGNED_STORE, CAUSE_STORE_ACCESS,
                           CAUSE_MISALIGNED_LOAD));
    if (rt_trap.count == 0) {
        CHECK_EQ(v, old);
        CHECK_EQ(expect_le(a, 4, true), (uint64_t)(int32_t)(old + 1));
    }
    old = expect_le(a + 4, 8, false);
    rt_trap_expect(1);
    __asm__ volatile("amoswap.d %0, %1, (%2)" : "=r"(v) : "r"(1), "r"(a + 4)
                     : "memory");
    CHECK(done_or_trapped3(a + 4, CAUSE_MISALIGNED_STORE, CAUSE_STORE_ACCESS,
                           CAUSE_MISALIGNED_LOAD));
    if (rt_trap.count == 0) {
        CHECK_EQ(v, old);
        CHECK_EQ(expect_le(a + 4, 8, false), 1);
    }
    old = expect_le(a, 8, false);
    rt_trap_expect(1);
    __asm__ volatile("lr.d %0, (%1)" : "=r"(v) : "r"(a) : "memory");
    CHECK(done_or_trapped(a, CAUSE_MISALIGNED_LOAD, CAUSE_LOAD_ACCESS));
    if (rt_trap.count == 0) {
        CHECK_EQ(v, old);
    }
    /* an SC to another address than the LR's fails if it does not trap */
    rt_trap_expect(1);
    __asm__ volatile("sc.w %0, %1, (%2)" : "=r"(v) : "r"(1), "r"(a + 2)
                     : "memory");
    CHECK(done_or_trapped(a + 2, CAUSE_MISALIGNED_STORE, CAUSE_STORE_ACCESS));
    if (rt_trap.count == 0) {
        CHECK(v != 0);
    }
}

int main(void)
{
    uintptr_t base = (uintptr_t)buf;

    fill();
    test_loads(base + 1);
    test_loads(base + 4095);    /* crosses a page boundary */
    test_loads(base + 6);
    test_stores(base + 3);
    test_stores(base + 4093);
    test_atomics(base + 1);
    rt_puts("misaligned: ");
    rt_putdec(emulated);
    rt_puts(" accesses performed, ");
    rt_putdec(trapped);
    rt_puts(" trapped\n");
    return 0;
}

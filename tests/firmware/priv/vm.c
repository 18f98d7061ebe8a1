/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Sv39 (VM_LEVELS=3) and Sv48 (VM_LEVELS=4) address translation from S
 * and U: 4 KiB and superpage leaves, permission checks (R/W/X, U with and
 * without SUM, MXR), invalid and reserved PTEs, misaligned superpages,
 * non-canonical addresses, sfence.vma after a PTE change, MPRV, and
 * page faults with the faulting address in mtval.
 *
 * A/D bits: the spec lets hardware either set them or raise a page fault
 * when they are clear.  QEMU 7.2 sets them; the tests accept both (a
 * fault, or no fault and the bit now set in the PTE).  All other PTEs are
 * built with A and D already set.
 */
#include "runtime.h"

#ifndef VM_LEVELS
#define VM_LEVELS 3
#endif
#define SATP_MODE (VM_LEVELS == 3 ? 8ULL : 9ULL)

#define PTE_V (1 << 0)
#define PTE_R (1 << 1)
#define PTE_W (1 << 2)
#define PTE_X (1 << 3)
#define PTE_U (1 << 4)
#define PTE_G (1 << 5)
#define PTE_A (1 << 6)
#define PTE_D (1 << 7)
#define PTE_AD (PTE_A | PTE_D)
#define PAGE 4096ULL

#define TEST_VA 0x40000000ULL       /* 4 KiB pages here */
#define MEGA_VA 0x40200000ULL       /* a misaligned 2 MiB page here */
#define VA(n) (TEST_VA + (n) * PAGE)

typedef uint64_t pte_t;

static pte_t tables[24][512] __attribute__((section(".pages"), aligned(4096)));
static uint8_t data[8][4096] __attribute__((section(".pages"), aligned(4096)));
static int tables_used;

static pte_t *new_table(void)
{
    pte_t *t;

    if (tables_used == (int)(sizeof(tables) / sizeof(tables[0]))) {
        rt_puts("vm: out of page tables\n");
        rt_exit(RT_CODE_BAD_RETURN);
    }
    t = tables[tables_used++];

    memset(t, 0, PAGE);
    return t;
}

static unsigned vpn(uint64_t va, int level)
{
    return (va >> (12 + 9 * level)) & 511;
}

/* Returns the PTE slot for @va at @level, creating tables on the way. */
static pte_t *pte_slot(pte_t *root, uint64_t va, int level)
{
    pte_t *t = root;
    int l;

    for (l = VM_LEVELS - 1; l > level; l--) {
        pte_t *e = &t[vpn(va, l)];

        if (!(*e & PTE_V)) {
            *e = (((uintptr_t)new_table() >> 12) << 10) | PTE_V;
        }
        t = (pte_t *)(uintptr_t)((*e >> 10) << 12);
    }
    return &t[vpn(va, level)];
}

static void map(pte_t *root, uint64_t va, uint64_t pa, int level,
                unsigned flags)
{
    *pte_slot(root, va, level) = ((pa >> 12) << 10) | flags;
}

static pte_t *root_s, *root_u;

static void build_tables(void)
{
    int i;

    tables_used = 0;
    root_s = new_table();
    root_u = new_table();
    /* identity maps: devices and RAM as 1 GiB pages */
    map(root_s, 0, 0, 2, PTE_V | PTE_R | PTE_W | PTE_AD);
    map(root_s, 0x80000000, 0x80000000, 2,
        PTE_V | PTE_R | PTE_W | PTE_X | PTE_AD);
    map(root_u, 0x80000000, 0x80000000, 2,
        PTE_V | PTE_R | PTE_W | PTE_X | PTE_U | PTE_AD);

    for (i = 0; i < 8; i++) {
        memset(data[i], 0, PAGE);
        *(uint64_t *)data[i] = 0x1111111111111111ULL * (i + 1);
    }
    for (i = 0; i < 2; i++) {
        pte_t *r = i ? root_u : root_s;

        map(r, VA(0), (uintptr_t)data[0], 0, PTE_V | PTE_R | PTE_W | PTE_AD);
        map(r, VA(1), (uintptr_t)data[1], 0, PTE_V | PTE_R | PTE_AD);
        /* VA(2): nothing */
        map(r, VA(3), (uintptr_t)data[3], 0, PTE_V | PTE_X | PTE_AD);
        map(r, VA(4), (uintptr_t)data[4], 0,
            PTE_V | PTE_R | PTE_W | PTE_U | PTE_AD);
        map(r, VA(5), (uintptr_t)data[5], 0, PTE_V | PTE_R | PTE_W);
        map(r, VA(6), (uintptr_t)data[6], 0, PTE_V | PTE_R | PTE_W | PTE_A);
        /* W without R is reserved */
        map(r, VA(7), (uintptr_t)data[7], 0, PTE_V | PTE_W | PTE_AD);
        /* a 2 MiB leaf whose PPN is not 2 MiB aligned */
        map(r, MEGA_VA, (uintptr_t)data[0], 1, PTE_V | PTE_R | PTE_AD);
        /* a pointer PTE at the last level (V only) */
        map(r, VA(8), (uintptr_t)data[0], 0, PTE_V);
        /* U code page in the test area for U fetch checks */
        map(r, VA(9), (uintptr_t)data[2], 0, PTE_V | PTE_X | PTE_U | PTE_AD);
#if VM_LEVELS == 4
        /* only Sv48 reaches above 2^38 */
        map(r, 0x8000000000ULL, (uintptr_t)data[0], 0,
            PTE_V | PTE_R | PTE_AD);
#endif
    }
}

static void use_root(pte_t *root)
{
    csr_write(satp, (SATP_MODE << 60) | ((uintptr_t)root >> 12));
    __asm__ volatile("sfence.vma" ::: "memory");
}

static uint64_t do_load(uint64_t va)
{
    uint64_t v;

    __asm__ volatile("ld %0, 0(%1)" : "=r"(v) : "r"(va) : "memory");
    return v;
}

static uint64_t do_store(uint64_t va)
{
    __asm__ volatile("sd %0, 0(%1)" :: "r"(0x5a5aULL), "r"(va) : "memory");
    return 0;
}

static uint64_t do_amo(uint64_t va)
{
    uint64_t old;

    __asm__ volatile("amoadd.d %0, %1, (%2)" : "=r"(old) : "r"(1ULL), "r"(va)
                     : "memory");
    return old;
}

static uint64_t do_lr(uint64_t va)
{
    uint64_t v;

    __asm__ volatile("lr.d %0, (%1)" : "=r"(v) : "r"(va) : "memory");
    return v;
}

static uint64_t do_call(uint64_t va)
{
    return ((uint64_t (*)(void))(uintptr_t)va)();
}

static uint64_t do_sfence_load(uint64_t va)
{
    __asm__ volatile("sfence.vma %0" :: "r"(va) : "memory");
    return do_load(va);
}

/* Runs fn(va) in @mode; true if it ran without a trap. */
static bool ok_in(int mode, uint64_t (*fn)(uint64_t), uint64_t va,
                  uint64_t *ret)
{
    uint64_t v;

    rt_trap_expect(1);
    v = rt_run_in_mode(mode, fn, va);
    rt_trap.armed = 0;
    if (ret) {
        *ret = v;
    }
    if (rt_trap.count) {
        rt_puts("  unexpected fault: cause ");
        rt_puthex(rt_trap.cause);
        rt_puts(" tval ");
        rt_puthex(rt_trap.tval);
        rt_puts("\n");
    }
    return rt_trap.count == 0;
}

/* Runs fn(va) in @mode; true if it took page fault @cause at @va. */
static bool fault_in(int mode, uint64_t (*fn)(uint64_t), uint64_t va,
                     uint64_t cause)
{
    rt_trap_expect(1);
    rt_run_in_mode(mode, fn, va);
    return rt_trapped(cause, va) && rt_trap.from == mode;
}

static const uint32_t ret42_code[] = {
    0x02a00513,     /* li a0, 42 */
    0x00008067,     /* ret */
};

static void test_s_mode(void)
{
    uint64_t v;

    use_root(root_s);
    /* plain R/W page */
    CHECK(ok_in(PRV_S, do_load, VA(0), &v));
    CHECK_EQ(v, 0x1111111111111111ULL);
    CHECK(ok_in(PRV_S, do_store, VA(0) + 8, NULL));
    CHECK_EQ(*(uint64_t *)(data[0] + 8), 0x5a5a);
    /* the identity-mapped RAM gigapage */
    CHECK(ok_in(PRV_S, do_load, (uintptr_t)data[1], &v));
    CHECK_EQ(v, 0x2222222222222222ULL);

    /* read-only page */
    CHECK(ok_in(PRV_S, do_load, VA(1), &v));
    CHECK_EQ(v, 0x2222222222222222ULL);
    CHECK(fault_in(PRV_S, do_store, VA(1), CAUSE_STORE_PAGE_FAULT));
    /* an AMO needs W: store/AMO page fault; LR only needs R */
    CHECK(fault_in(PRV_S, do_amo, VA(1), CAUSE_STORE_PAGE_FAULT));
    CHECK_EQ(*(uint64_t *)data[1], 0x2222222222222222ULL);
    CHECK(ok_in(PRV_S, do_lr, VA(1), &v));
    CHECK_EQ(v, 0x2222222222222222ULL);
    CHECK(ok_in(PRV_S, do_amo, VA(0) + 16, &v));
    CHECK_EQ(*(uint64_t *)(data[0] + 16), v + 1);

    /* nothing mapped */
    CHECK(fault_in(PRV_S, do_load, VA(2) + 16, CAUSE_LOAD_PAGE_FAULT));
    CHECK(fault_in(PRV_S, do_lr, VA(2) + 8, CAUSE_LOAD_PAGE_FAULT));
    /*
     * An AMO faults as a store/AMO (15); QEMU 7.2 reports 13 for an AMO to
     * an unmapped page (it walks for the load first), so both are accepted.
     */
    rt_trap_expect(1);
    rt_run_in_mode(PRV_S, do_amo, VA(2) + 8);
    rt_trap.armed = 0;
    CHECK(rt_trap.count == 1 && rt_trap.tval == VA(2) + 8 &&
          (rt_trap.cause == CAUSE_STORE_PAGE_FAULT ||
           rt_trap.cause == CAUSE_LOAD_PAGE_FAULT));
    CHECK(fault_in(PRV_S, do_store, VA(2) + 24, CAUSE_STORE_PAGE_FAULT));
    CHECK(fault_in(PRV_S, do_call, VA(2), CAUSE_FETCH_PAGE_FAULT));

    /* execute-only page: fetch yes, load only with MXR */
    memcpy(data[3], ret42_code, sizeof(ret42_code));
    __asm__ volatile("fence.i" ::: "memory");
    CHECK(ok_in(PRV_S, do_call, VA(3), &v));
    CHECK_EQ(v, 42);
    CHECK(fault_in(PRV_S, do_load, VA(3), CAUSE_LOAD_PAGE_FAULT));
    csr_set(mstatus, MSTATUS_MXR);
    CHECK(ok_in(PRV_S, do_load, VA(3), &v));
    CHECK_EQ(v, *(uint64_t *)data[3]);
    CHECK(fault_in(PRV_S, do_store, VA(3), CAUSE_STORE_PAGE_FAULT));
    csr_clear(mstatus, MSTATUS_MXR);
    /*
     * a 32-bit instruction whose second half is on a page S may not
     * execute (VA(4) is a U page): epc is its start, tval the page
     */
    *(uint16_t *)(data[3] + PAGE - 2) = 0x0513;
    __asm__ volatile("fence.i" ::: "memory");
    rt_trap_expect(1);
    rt_run_in_mode(PRV_S, do_call, VA(3) + PAGE - 2);
    CHECK(rt_trapped(CAUSE_FETCH_PAGE_FAULT, VA(4)));
    CHECK_EQ(rt_trap.epc, VA(3) + PAGE - 2);
    /* no X: fetch faults from a data page */
    memcpy(data[0] + 64, ret42_code, sizeof(ret42_code));
    __asm__ volatile("fence.i" ::: "memory");
    CHECK(fault_in(PRV_S, do_call, VA(0) + 64, CAUSE_FETCH_PAGE_FAULT));

    /* U page from S: only with SUM, and never executable */
    CHECK(fault_in(PRV_S, do_load, VA(4), CAUSE_LOAD_PAGE_FAULT));
    CHECK(fault_in(PRV_S, do_store, VA(4), CAUSE_STORE_PAGE_FAULT));
    csr_set(mstatus, MSTATUS_SUM);
    CHECK(ok_in(PRV_S, do_load, VA(4), &v));
    CHECK_EQ(v, 0x5555555555555555ULL);
    CHECK(ok_in(PRV_S, do_store, VA(4) + 8, NULL));
    memcpy(data[2], ret42_code, sizeof(ret42_code));
    __asm__ volatile("fence.i" ::: "memory");
    CHECK(fault_in(PRV_S, do_call, VA(9), CAUSE_FETCH_PAGE_FAULT));
    csr_clear(mstatus, MSTATUS_SUM);

    /* reserved W-without-R, misaligned superpage, pointer at level 0 */
    CHECK(fault_in(PRV_S, do_load, VA(7), CAUSE_LOAD_PAGE_FAULT));
    CHECK(fault_in(PRV_S, do_store, VA(7), CAUSE_STORE_PAGE_FAULT));
    CHECK(fault_in(PRV_S, do_load, MEGA_VA + 8, CAUSE_LOAD_PAGE_FAULT));
    CHECK(fault_in(PRV_S, do_load, VA(8), CAUSE_LOAD_PAGE_FAULT));

    /* non-canonical: bits above the top VPN must copy its top bit */
#if VM_LEVELS == 3
    CHECK(fault_in(PRV_S, do_load, 0x0000008000000000ULL,
                   CAUSE_LOAD_PAGE_FAULT));
    CHECK(fault_in(PRV_S, do_load, 0xffffffc000000000ULL ^ (1ULL << 63),
                   CAUSE_LOAD_PAGE_FAULT));
#else
    CHECK(ok_in(PRV_S, do_load, 0x8000000000ULL, &v));
    CHECK_EQ(v, 0x1111111111111111ULL);
    CHECK(fault_in(PRV_S, do_load, 0x0001000000000000ULL,
                   CAUSE_LOAD_PAGE_FAULT));
    CHECK(fault_in(PRV_S, do_load, 0xffff800000000000ULL ^ (1ULL << 63),
                   CAUSE_LOAD_PAGE_FAULT));
#endif
}

static void test_access_dirty(void)
{
    pte_t *pte5 = pte_slot(root_s, VA(5), 0);
    pte_t *pte6 = pte_slot(root_s, VA(6), 0);

    use_root(root_s);
    /* A clear: a fault, or A set by the walk */
    rt_trap_expect(1);
    rt_run_in_mode(PRV_S, do_load, VA(5));
    rt_trap.armed = 0;
    if (rt_trap.count) {
        CHECK(rt_trapped(CAUSE_LOAD_PAGE_FAULT, VA(5)));
        CHECK_EQ(*pte5 & PTE_AD, 0);
    } else {
        CHECK_EQ(*pte5 & PTE_AD, PTE_A);
    }
    /* D clear on a store: a fault, or A and D set */
    rt_trap_expect(1);
    rt_run_in_mode(PRV_S, do_store, VA(6));
    rt_trap.armed = 0;
    if (rt_trap.count) {
        CHECK(rt_trapped(CAUSE_STORE_PAGE_FAULT, VA(6)));
        CHECK_EQ(*pte6 & PTE_AD, PTE_A);
        CHECK_EQ(*(uint64_t *)data[6], 0x7777777777777777ULL);
    } else {
        CHECK_EQ(*pte6 & PTE_AD, PTE_AD);
        CHECK_EQ(*(uint64_t *)data[6], 0x5a5a);
    }
}

static void test_sfence(void)
{
    pte_t *pte0 = pte_slot(root_s, VA(0), 0);
    uint64_t v;

    use_root(root_s);
    CHECK(ok_in(PRV_S, do_load, VA(0), &v));
    CHECK_EQ(v, 0x1111111111111111ULL);
    /* point VA(0) at data[5] and flush that address only */
    *pte0 = (((uintptr_t)data[5] >> 12) << 10) | PTE_V | PTE_R | PTE_AD;
    CHECK(ok_in(PRV_S, do_sfence_load, VA(0), &v));
    CHECK_EQ(v, 0x6666666666666666ULL);
    /* invalidate it: the next access faults */
    *pte0 = 0;
    CHECK(ok_in(PRV_S, do_sfence_load, VA(1), &v));
    CHECK(fault_in(PRV_S, do_sfence_load, VA(0), CAUSE_LOAD_PAGE_FAULT));
    *pte0 = (((uintptr_t)data[0] >> 12) << 10) | PTE_V | PTE_R | PTE_W |
            PTE_AD;
    __asm__ volatile("sfence.vma" ::: "memory");
}

/*
 * satp switches: two roots map the same VA to different pages; changing
 * satp (a new ASID, tables written before the last sfence.vma) must show
 * the other mapping without another sfence.vma.
 */
static void test_satp_switch(void)
{
    pte_t *root_a = new_table(), *root_b = new_table();
    uint64_t v;

    map(root_a, 0x80000000, 0x80000000, 2,
        PTE_V | PTE_R | PTE_W | PTE_X | PTE_AD);
    map(root_b, 0x80000000, 0x80000000, 2,
        PTE_V | PTE_R | PTE_W | PTE_X | PTE_AD);
    map(root_a, VA(0), (uintptr_t)data[6], 0, PTE_V | PTE_R | PTE_AD);
    map(root_b, VA(0), (uintptr_t)data[7], 0, PTE_V | PTE_R | PTE_AD);
    *(uint64_t *)data[6] = 0xaaaa;
    *(uint64_t *)data[7] = 0xbbbb;
    __asm__ volatile("sfence.vma" ::: "memory");

    csr_write(satp, (SATP_MODE << 60) | (1ULL << 44) |
              ((uintptr_t)root_a >> 12));
    CHECK(ok_in(PRV_S, do_load, VA(0), &v));
    CHECK_EQ(v, 0xaaaa);
    csr_write(satp, (SATP_MODE << 60) | (2ULL << 44) |
              ((uintptr_t)root_b >> 12));
    CHECK(ok_in(PRV_S, do_load, VA(0), &v));
    CHECK_EQ(v, 0xbbbb);
    csr_write(satp, (SATP_MODE << 60) | (1ULL << 44) |
              ((uintptr_t)root_a >> 12));
    CHECK(ok_in(PRV_S, do_load, VA(0), &v));
    CHECK_EQ(v, 0xaaaa);
    /* the same ASID number with the other root (after a flush of it) */
    csr_write(satp, (SATP_MODE << 60) | (1ULL << 44) |
              ((uintptr_t)root_b >> 12));
    __asm__ volatile("sfence.vma x0, %0" :: "r"(1ULL) : "memory");
    CHECK(ok_in(PRV_S, do_load, VA(0), &v));
    CHECK_EQ(v, 0xbbbb);
    csr_write(satp, 0);
    __asm__ volatile("sfence.vma" ::: "memory");
}

static void test_u_mode(void)
{
    uint64_t v;

    use_root(root_u);
    CHECK(ok_in(PRV_U, do_load, VA(4), &v));
    CHECK_EQ(v, 0x5555555555555555ULL);
    CHECK(ok_in(PRV_U, do_store, VA(4) + 16, NULL));
    CHECK(fault_in(PRV_U, do_load, VA(0), CAUSE_LOAD_PAGE_FAULT));
    CHECK(fault_in(PRV_U, do_store, VA(0), CAUSE_STORE_PAGE_FAULT));
    CHECK(fault_in(PRV_U, do_call, VA(3), CAUSE_FETCH_PAGE_FAULT));
    /* SUM does not matter for U */
    csr_set(mstatus, MSTATUS_SUM);
    CHECK(fault_in(PRV_U, do_load, VA(1), CAUSE_LOAD_PAGE_FAULT));
    csr_clear(mstatus, MSTATUS_SUM);
    CHECK(ok_in(PRV_U, do_call, VA(9), &v));
    CHECK_EQ(v, 42);
}

static void test_mprv(void)
{
    uint64_t v;

    /* M-mode loads translate as S with MPRV = 1, MPP = S */
    use_root(root_s);
    csr_clear(mstatus, MSTATUS_MPP);
    csr_set(mstatus, (uint64_t)PRV_S << 11);
    csr_set(mstatus, MSTATUS_MPRV);
    v = do_load(VA(1));
    csr_clear(mstatus, MSTATUS_MPRV);
    CHECK_EQ(v, 0x2222222222222222ULL);
    /*
     * ... and fault like S, into M.  The trap leaves MPP = U after mret,
     * so MPRV is cleared by the very next instruction.
     */
    csr_set(mstatus, (uint64_t)PRV_S << 11);
    rt_trap_expect(1);
    csr_set(mstatus, MSTATUS_MPRV);
    __asm__ volatile("ld %0, 0(%1)\n csrc mstatus, %2"
                     : "=&r"(v) : "r"(VA(2)), "r"(MSTATUS_MPRV) : "memory");
    CHECK(rt_trapped(CAUSE_LOAD_PAGE_FAULT, VA(2)));
    CHECK_EQ(rt_trap.from, PRV_M);
}

int main(void)
{
    build_tables();
    CHECK_EQ(csr_read(satp), 0);
    /* the mode must be supported: a write of it sticks */
    csr_write(satp, (SATP_MODE << 60) | ((uintptr_t)root_s >> 12));
    CHECK_EQ(csr_read(satp) >> 60, SATP_MODE);
    test_s_mode();
    test_access_dirty();
    test_sfence();
    test_satp_switch();
    test_u_mode();
    test_mprv();
    csr_write(satp, 0);
    return 0;
}

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cpu_helper.c: RISC-V traps and interrupts, Sv39/Sv48 page walks, PMP, the
 * software TLB fill and the slow paths of fetch, load, store and atomics
 * (privileged specification 1.12, chapters 3 and 4).
 */
#include "qomu/osdep.h"
#include "qomu/log.h"
#include "internal.h"

/* Every hart, so that stores and DMA can reach other harts' caches. */
static GPtrArray *riscv_harts;

void riscv_register_hart(CPURISCVState *env)
{
    if (!riscv_harts) {
        riscv_harts = g_ptr_array_new();
    }
    g_ptr_array_add(riscv_harts, env);
}

void riscv_unregister_hart(CPURISCVState *env)
{
    if (riscv_harts) {
        g_ptr_array_remove(riscv_harts, env);
        if (riscv_harts->len == 0) {
            g_ptr_array_free(riscv_harts, true);
            riscv_harts = NULL;
        }
    }
}

/* ---- Bus access ---------------------------------------------------- */

static bool phys_read(CPURISCVState *env, hwaddr pa, void *buf, unsigned len)
{
    return env->bus && env->bus->read(env->bus_opaque, pa, buf, len);
}

static bool phys_write(CPURISCVState *env, hwaddr pa, const void *buf,
                       unsigned len)
{
    return env->bus && env->bus->write(env->bus_opaque, pa, buf, len);
}

static void *phys_ram_page(CPURISCVState *env, hwaddr page, bool is_write)
{
    hwaddr plen = RISCV_PAGE_SIZE;
    void *host;

    if (!env->bus) {
        return NULL;
    }
    host = env->bus->get_ram_ptr(env->bus_opaque, page, is_write, &plen);
    return host && plen >= RISCV_PAGE_SIZE ? host : NULL;
}

/*
 * A device access may have changed the memory map (a BAR, a remap): drop
 * every cached translation when the bus says so.
 */
void riscv_check_generation(CPURISCVState *env)
{
    uint64_t gen;

    if (!env->bus || !env->bus->generation) {
        return;
    }
    gen = env->bus->generation(env->bus_opaque);
    if (gen != env->bus_generation) {
        env->bus_generation = gen;
        riscv_tlb_flush(env);
        riscv_code_flush_all(env);
    }
}

/* ---- TLB ------------------------------------------------------------ */

void riscv_tlb_flush(CPURISCVState *env)
{
    memset(env->tlb_read, 0xff, sizeof(env->tlb_read));
    memset(env->tlb_write, 0xff, sizeof(env->tlb_write));
    memset(env->tlb_fetch, 0xff, sizeof(env->tlb_fetch));
    riscv_update_data_mmu(env);
    riscv_request_check(env);
}

/* Drop any hart's fast write mapping of the host page @host. */
static void tlb_drop_write_host(CPURISCVState *except, const void *host)
{
    for (guint h = 0; riscv_harts && h < riscv_harts->len; h++) {
        CPURISCVState *e = g_ptr_array_index(riscv_harts, h);

        if (e == except) {
            continue;
        }
        for (int m = 0; m < RISCV_MMU_MODES; m++) {
            for (int i = 0; i < RISCV_TLB_SIZE; i++) {
                RISCVTLBEntry *t = &e->tlb_write[m][i];

                if (t->tag != UINT64_MAX &&
                    (uintptr_t)(t->addend + t->tag) == (uintptr_t)host) {
                    t->tag = UINT64_MAX;
                }
            }
        }
    }
}

/* ---- Decoded-code cache ------------------------------------------- */

static void code_page_kill(CPURISCVState *env, RISCVCodePage *page)
{
    /* The fast loop may be executing from it: free it on the way out. */
    g_hash_table_steal(env->code_pages, &page->phys);
    g_ptr_array_add(env->dead_pages, page);
    memset(env->tlb_fetch, 0xff, sizeof(env->tlb_fetch));
    riscv_update_data_mmu(env);
    riscv_request_check(env);
}

/*
 * [@addr, @addr + @len) of @page was written.  A small write resets just
 * the slots that may hold those bytes (one before, for a 4-byte
 * instruction starting there), so a page mixing code and data is not
 * decoded again from scratch on each store; a page written often, or in
 * bulk, is dropped so that its stores can use the TLB again.
 */
static void code_page_invalidate(CPURISCVState *env, RISCVCodePage *page,
                                 hwaddr addr, hwaddr len)
{
    hwaddr start, end;

    if (len > 64 || ++page->invalidations > RISCV_CODE_PAGE_INVAL_MAX) {
        code_page_kill(env, page);
        return;
    }
    start = addr >= page->phys + 2 ? (addr - 2) & ~1ULL : page->phys;
    end = MIN(addr + len, page->phys + RISCV_PAGE_SIZE);
    for (hwaddr a = start; a < end; a += 2) {
        riscv_code_slot_reset(page, (a - page->phys) >> 1);
    }
}

void riscv_free_dead_pages(CPURISCVState *env)
{
    g_ptr_array_set_size(env->dead_pages, 0);
}

void riscv_code_flush_all(CPURISCVState *env)
{
    GHashTableIter it;
    gpointer key, value;

    g_hash_table_iter_init(&it, env->code_pages);
    while (g_hash_table_iter_next(&it, &key, &value)) {
        g_ptr_array_add(env->dead_pages, value);
        g_hash_table_iter_steal(&it);
    }
    memset(env->tlb_fetch, 0xff, sizeof(env->tlb_fetch));
    riscv_update_data_mmu(env);
    riscv_request_check(env);
}

void riscv_invalidate_code(hwaddr addr, hwaddr len)
{
    hwaddr first = addr & RISCV_PAGE_MASK;
    hwaddr last = (addr + (len ? len - 1 : 0)) & RISCV_PAGE_MASK;

    for (guint h = 0; riscv_harts && h < riscv_harts->len; h++) {
        CPURISCVState *env = g_ptr_array_index(riscv_harts, h);

        if (env->res_valid && addr < env->res_addr + 8 &&
            env->res_addr < addr + len) {
            env->res_valid = false;
        }
        if (g_hash_table_size(env->code_pages) == 0) {
            continue;
        }
        for (hwaddr p = first; p <= last; p += RISCV_PAGE_SIZE) {
            RISCVCodePage *page = g_hash_table_lookup(env->code_pages, &p);

            if (page) {
                code_page_invalidate(env, page, addr, len);
            }
            if (p == last) {
                break;
            }
        }
    }
}

/* True if some hart has decoded code in physical page @page. */
static bool page_is_code(hwaddr page)
{
    for (guint h = 0; riscv_harts && h < riscv_harts->len; h++) {
        CPURISCVState *e = g_ptr_array_index(riscv_harts, h);

        if (g_hash_table_size(e->code_pages) &&
            g_hash_table_lookup(e->code_pages, &page)) {
            return true;
        }
    }
    return false;
}

static bool page_is_reserved_by_other(CPURISCVState *env, hwaddr page)
{
    for (guint h = 0; riscv_harts && h < riscv_harts->len; h++) {
        CPURISCVState *e = g_ptr_array_index(riscv_harts, h);

        if (e != env && e->res_valid &&
            (e->res_addr & RISCV_PAGE_MASK) == page) {
            return true;
        }
    }
    return false;
}

/* ---- PMP (privileged spec 3.7) ------------------------------------- */

/* The inclusive range entry @i matches; false if it matches nothing. */
static bool pmp_range(CPURISCVState *env, int i, hwaddr *lo, hwaddr *hi)
{
    uint64_t a = env->pmpaddr[i];

    switch (env->pmpcfg[i] & PMP_A) {
    case PMP_A_TOR: {
        hwaddr base = i ? env->pmpaddr[i - 1] << 2 : 0;
        hwaddr top = a << 2;

        if (base >= top) {
            return false;
        }
        *lo = base;
        *hi = top - 1;
        return true;
    }
    case PMP_A_NA4:
        *lo = a << 2;
        *hi = *lo + 3;
        return true;
    case PMP_A_NAPOT: {
        int ones = __builtin_ctzll(~a | (1ULL << 54));

        if (ones >= 54) {
            *lo = 0;
            *hi = UINT64_MAX;
            return true;
        }
        *lo = (a & ~((1ULL << ones) - 1)) << 2;
        *hi = *lo + (1ULL << (ones + 3)) - 1;
        return true;
    }
    default:
        return false;
    }
}

void riscv_pmp_update(CPURISCVState *env)
{
    env->pmp_active = false;
    for (int i = 0; i < RISCV_PMP_REGIONS; i++) {
        if (env->pmpcfg[i] & PMP_A) {
            env->pmp_active = true;
        }
    }
    riscv_tlb_flush(env);
}

bool riscv_pmp_check(CPURISCVState *env, hwaddr addr, int size,
                     RISCVAccess access, int priv)
{
    hwaddr end = addr + size - 1;
    static const uint8_t need[] = { PMP_R, PMP_W, PMP_X };

    /*
     * As QEMU does: with no entry programmed the PMP grants everything.
     * Once one entry is on, S/U accesses that match none fail (3.7.1).
     */
    if (!env->pmp_active) {
        return true;
    }
    for (int i = 0; i < RISCV_PMP_REGIONS; i++) {
        hwaddr lo, hi;
        uint8_t cfg = env->pmpcfg[i];

        if (!pmp_range(env, i, &lo, &hi)) {
            continue;
        }
        if (end < lo || addr > hi) {
            continue;
        }
        if (addr < lo || end > hi) {
            /* Partial match: the access fails (3.7.1.3). */
            return false;
        }
        if (priv == PRV_M && !(cfg & PMP_L)) {
            return true;
        }
        return (cfg & need[access]) != 0;
    }
    return priv == PRV_M;
}

/* True if every byte of @page gets the same PMP answer. */
static bool pmp_page_uniform(CPURISCVState *env, hwaddr page)
{
    hwaddr end = page + RISCV_PAGE_SIZE - 1;

    if (!env->pmp_active) {
        return true;
    }
    for (int i = 0; i < RISCV_PMP_REGIONS; i++) {
        hwaddr lo, hi;

        if (!pmp_range(env, i, &lo, &hi)) {
            continue;
        }
        if (end < lo || page > hi) {
            continue;
        }
        if (page < lo || end > hi) {
            return false;
        }
        /* The first match covers the whole page: later ones do not count. */
        return true;
    }
    return true;
}

/* ---- Page walk (privileged spec 4.3.2 / 4.4) ----------------------- */

static int fault_cause(RISCVAccess access, bool page_fault)
{
    static const int pf[] = { RISCV_EXCP_LOAD_PAGE_FAULT,
                              RISCV_EXCP_STORE_PAGE_FAULT,
                              RISCV_EXCP_INST_PAGE_FAULT };
    static const int af[] = { RISCV_EXCP_LOAD_ACCESS_FAULT,
                              RISCV_EXCP_STORE_AMO_ACCESS_FAULT,
                              RISCV_EXCP_INST_ACCESS_FAULT };

    return page_fault ? pf[access] : af[access];
}

/*
 * Translate @vaddr for @access at privilege @priv.  A and D bits are set by
 * the walker (as QEMU does), not reported as page faults.  With @debug
 * (the monitor's walk) nothing is changed or logged: no A/D update, and a
 * page that is readable or executable passes a load check, so a debugger
 * can disassemble execute-only code.  The walk never fills a TLB; its
 * callers do.
 */
static int page_walk(CPURISCVState *env, uint64_t vaddr, RISCVAccess access,
                     int priv, bool debug, hwaddr *pa)
{
    int mode = env->satp >> SATP_MODE_SHIFT;
    int levels, vabits;
    hwaddr base;

    if (priv == PRV_M || mode == SATP_MODE_BARE) {
        *pa = vaddr;
        return RISCV_EXCP_NONE;
    }
    levels = mode == SATP_MODE_SV48 ? 4 : 3;
    vabits = 12 + 9 * levels;
    if ((int64_t)(vaddr << (64 - vabits)) >> (64 - vabits) !=
        (int64_t)vaddr) {
        return fault_cause(access, true);
    }
    base = (env->satp & SATP_PPN_MASK) << RISCV_PAGE_BITS;
    for (int level = levels - 1; level >= 0; level--) {
        hwaddr pte_addr = base + ((vaddr >> (12 + 9 * level)) & 511) * 8;
        uint64_t pte, ppn, newpte;

        if (!riscv_pmp_check(env, pte_addr, 8, RISCV_ACCESS_LOAD, PRV_S) ||
            !phys_read(env, pte_addr, &pte, 8)) {
            if (!debug) {
                qemu_log_mask(CPU_LOG_MMU, "mmu: pte read at 0x%" HWADDR_PRIx
                              " failed\n", pte_addr);
            }
            return fault_cause(access, false);
        }
        if (!(pte & PTE_V) || (!(pte & PTE_R) && (pte & PTE_W)) ||
            (pte & PTE_RESERVED)) {
            break;
        }
        ppn = (pte & PTE_PPN_MASK) >> PTE_PPN_SHIFT;
        if (!(pte & (PTE_R | PTE_X))) {
            if (pte & (PTE_A | PTE_D | PTE_U)) {
                break;      /* 4.3.1: reserved in non-leaf PTEs */
            }
            base = ppn << RISCV_PAGE_BITS;
            continue;
        }
        /* A leaf: check privilege and permissions. */
        if (pte & PTE_U) {
            if (priv == PRV_S && (access == RISCV_ACCESS_FETCH ||
                                  !(env->mstatus & MSTATUS_SUM))) {
                break;
            }
        } else if (priv == PRV_U) {
            break;
        }
        if (access == RISCV_ACCESS_FETCH && !(pte & PTE_X)) {
            break;
        }
        if (access == RISCV_ACCESS_LOAD && !(pte & PTE_R) &&
            !((debug || (env->mstatus & MSTATUS_MXR)) && (pte & PTE_X))) {
            break;
        }
        if (access == RISCV_ACCESS_STORE && !(pte & PTE_W)) {
            break;
        }
        if (level > 0 && (ppn & ((1ULL << (9 * level)) - 1))) {
            break;  /* misaligned superpage */
        }
        newpte = pte | PTE_A | (access == RISCV_ACCESS_STORE ? PTE_D : 0);
        if (newpte != pte && !debug) {
            if (!riscv_pmp_check(env, pte_addr, 8, RISCV_ACCESS_STORE,
                                 PRV_S) ||
                !phys_write(env, pte_addr, &newpte, 8)) {
                return fault_cause(access, false);
            }
        }
        ppn |= (vaddr >> 12) & ((1ULL << (9 * level)) - 1);
        *pa = (ppn << RISCV_PAGE_BITS) | (vaddr & (RISCV_PAGE_SIZE - 1));
        return RISCV_EXCP_NONE;
    }
    if (!debug) {
        qemu_log_mask(CPU_LOG_MMU, "mmu: page fault at 0x%" PRIx64
                      " (access %d, priv %d)\n", vaddr, access, priv);
    }
    return fault_cause(access, true);
}

int riscv_translate(CPURISCVState *env, uint64_t vaddr, RISCVAccess access,
                    int priv, hwaddr *pa)
{
    return page_walk(env, vaddr, access, priv, false, pa);
}

/*
 * As QEMU's riscv_cpu_get_phys_page_debug(): a data load at the privilege
 * loads use now (mstatus.MPRV applies MPP in M-mode).
 */
bool riscv_cpu_env_debug_translate(CPURISCVState *env, uint64_t vaddr,
                                   hwaddr *pa)
{
    return page_walk(env, vaddr, RISCV_ACCESS_LOAD, riscv_data_priv(env),
                     true, pa) == RISCV_EXCP_NONE;
}

bool riscv_cpu_debug_translate(RISCVCPU *cpu, uint64_t va, hwaddr *pa)
{
    return riscv_cpu_env_debug_translate(&cpu->env, va, pa);
}

/* ---- Loads and stores --------------------------------------------- */

/*
 * One access that does not cross a page.  Fills the TLB when the page is
 * RAM with one PMP answer.  Raises the exception on failure.
 */
static void access_chunk(CPURISCVState *env, uint64_t vaddr, void *buf,
                         int len, RISCVAccess access)
{
    int priv = riscv_data_priv(env);
    uint64_t page = vaddr & RISCV_PAGE_MASK;
    bool store = access == RISCV_ACCESS_STORE;
    hwaddr pa, pa_page;
    uint8_t *host;
    int excp;

    excp = riscv_translate(env, vaddr, access, priv, &pa);
    if (excp != RISCV_EXCP_NONE) {
        riscv_raise_exception(env, excp, vaddr);
    }
    if (!riscv_pmp_check(env, pa, len, access, priv)) {
        qemu_log_mask(LOG_GUEST_ERROR, "riscv: PMP denies %s at 0x%"
                      HWADDR_PRIx "\n", store ? "store" : "load", pa);
        riscv_raise_exception(env, fault_cause(access, false), vaddr);
    }
    pa_page = pa & RISCV_PAGE_MASK;
    host = phys_ram_page(env, pa_page, store);
    if (host) {
        RISCVTLBEntry *t;

        if (store) {
            /* Decoded code or another hart's reservation lives here. */
            riscv_invalidate_code(pa, len);
        }
        if (pmp_page_uniform(env, pa_page) &&
            !(store && (page_is_reserved_by_other(env, pa_page) ||
                        page_is_code(pa_page)))) {
            int mmu = riscv_mmu_index(priv);
            int idx = (vaddr >> 12) % RISCV_TLB_SIZE;

            t = store ? &env->tlb_write[mmu][idx] : &env->tlb_read[mmu][idx];
            t->tag = page;
            t->addend = (uintptr_t)host - page;
        }
        if (store) {
            memcpy(host + (pa - pa_page), buf, len);
        } else {
            memcpy(buf, host + (pa - pa_page), len);
        }
        return;
    }
    if (store ? !phys_write(env, pa, buf, len)
              : !phys_read(env, pa, buf, len)) {
        qemu_log_mask(LOG_GUEST_ERROR, "riscv: %s of %d bytes at 0x%"
                      HWADDR_PRIx " hits nothing\n", store ? "store" : "load",
                      len, pa);
        riscv_raise_exception(env, fault_cause(access, false), vaddr);
    }
    if (store) {
        riscv_check_generation(env);
    }
}

/*
 * Misaligned loads and stores are performed (bytewise across a page
 * boundary), never trapped; only LR/SC/AMOs raise address-misaligned.
 */
uint64_t riscv_load_slow(CPURISCVState *env, uint64_t vaddr, int size)
{
    uint64_t val = 0;

    if ((vaddr & (RISCV_PAGE_SIZE - 1)) + size > RISCV_PAGE_SIZE) {
        for (int i = 0; i < size; i++) {
            access_chunk(env, vaddr + i, (uint8_t *)&val + i, 1,
                         RISCV_ACCESS_LOAD);
        }
        return val;
    }
    access_chunk(env, vaddr, &val, size, RISCV_ACCESS_LOAD);
    return val;
}

void riscv_store_slow(CPURISCVState *env, uint64_t vaddr, int size,
                      uint64_t val)
{
    if ((vaddr & (RISCV_PAGE_SIZE - 1)) + size > RISCV_PAGE_SIZE) {
        hwaddr pa;
        int excp;

        /* Check the second page first so a fault leaves memory alone. */
        excp = riscv_translate(env, (vaddr | (RISCV_PAGE_SIZE - 1)) + 1,
                               RISCV_ACCESS_STORE, riscv_data_priv(env), &pa);
        if (excp != RISCV_EXCP_NONE) {
            riscv_raise_exception(env, excp,
                                  (vaddr | (RISCV_PAGE_SIZE - 1)) + 1);
        }
        for (int i = 0; i < size; i++) {
            access_chunk(env, vaddr + i, (uint8_t *)&val + i, 1,
                         RISCV_ACCESS_STORE);
        }
        return;
    }
    access_chunk(env, vaddr, &val, size, RISCV_ACCESS_STORE);
}

/*
 * Atomics need an aligned address (else store/AMO misaligned), load and
 * store permission, and are done on the host in place.  Returns the host
 * pointer, or NULL for a device (then the caller reads and writes *@pa).
 */
void *riscv_amo_host(CPURISCVState *env, uint64_t vaddr, int size, hwaddr *pa)
{
    int priv = riscv_data_priv(env);
    int excp;
    uint8_t *host;

    if (vaddr & (size - 1)) {
        riscv_raise_exception(env, RISCV_EXCP_STORE_AMO_ADDR_MIS, vaddr);
    }
    excp = riscv_translate(env, vaddr, RISCV_ACCESS_STORE, priv, pa);
    if (excp != RISCV_EXCP_NONE) {
        riscv_raise_exception(env, excp, vaddr);
    }
    if (!riscv_pmp_check(env, *pa, size, RISCV_ACCESS_STORE, priv) ||
        !riscv_pmp_check(env, *pa, size, RISCV_ACCESS_LOAD, priv)) {
        riscv_raise_exception(env, RISCV_EXCP_STORE_AMO_ACCESS_FAULT, vaddr);
    }
    host = phys_ram_page(env, *pa & RISCV_PAGE_MASK, true);
    riscv_invalidate_code(*pa, size);
    if (host) {
        return host + (*pa & (RISCV_PAGE_SIZE - 1));
    }
    return NULL;
}

uint64_t riscv_lr(CPURISCVState *env, uint64_t vaddr, int size)
{
    int priv = riscv_data_priv(env);
    uint64_t val = 0;
    hwaddr pa;
    uint8_t *host;
    int excp;

    if (vaddr & (size - 1)) {
        riscv_raise_exception(env, RISCV_EXCP_LOAD_ADDR_MIS, vaddr);
    }
    excp = riscv_translate(env, vaddr, RISCV_ACCESS_LOAD, priv, &pa);
    if (excp != RISCV_EXCP_NONE) {
        riscv_raise_exception(env, excp, vaddr);
    }
    if (!riscv_pmp_check(env, pa, size, RISCV_ACCESS_LOAD, priv) ||
        !phys_read(env, pa, &val, size)) {
        riscv_raise_exception(env, RISCV_EXCP_LOAD_ACCESS_FAULT, vaddr);
    }
    env->res_addr = pa & ~7ULL;
    env->res_valid = true;
    /* Other harts' stores to this page must now take the slow path. */
    host = phys_ram_page(env, pa & RISCV_PAGE_MASK, true);
    if (host) {
        tlb_drop_write_host(env, host);
    }
    return val;
}

bool riscv_sc(CPURISCVState *env, uint64_t vaddr, int size, uint64_t val)
{
    bool was_valid = env->res_valid;
    hwaddr was_addr = env->res_addr;
    hwaddr pa;
    uint8_t *host;
    bool ok;

    /* riscv_amo_host() breaks reservations on pa: look before it does. */
    host = riscv_amo_host(env, vaddr, size, &pa);
    ok = was_valid && was_addr == (pa & ~7ULL);
    env->res_valid = false;
    if (!ok) {
        return false;
    }
    if (host) {
        memcpy(host, &val, size);
    } else if (!phys_write(env, pa, &val, size)) {
        riscv_raise_exception(env, RISCV_EXCP_STORE_AMO_ACCESS_FAULT, vaddr);
    }
    return true;
}

/* ---- Fetch -------------------------------------------------------- */

static hwaddr fetch_translate(CPURISCVState *env, uint64_t vaddr, int len)
{
    hwaddr pa;
    int excp = riscv_translate(env, vaddr, RISCV_ACCESS_FETCH, env->priv, &pa);

    if (excp != RISCV_EXCP_NONE) {
        riscv_raise_exception(env, excp, vaddr);
    }
    if (!riscv_pmp_check(env, pa, len, RISCV_ACCESS_FETCH, env->priv)) {
        riscv_raise_exception(env, RISCV_EXCP_INST_ACCESS_FAULT, vaddr);
    }
    return pa;
}

uint16_t riscv_fetch_parcel(CPURISCVState *env, uint64_t vaddr)
{
    hwaddr pa = fetch_translate(env, vaddr, 2);
    uint16_t v;

    if (!phys_read(env, pa, &v, 2)) {
        qemu_log_mask(LOG_GUEST_ERROR, "riscv: fetch at 0x%" HWADDR_PRIx
                      " hits nothing\n", pa);
        riscv_raise_exception(env, RISCV_EXCP_INST_ACCESS_FAULT, vaddr);
    }
    return v;
}

/*
 * The decoded page that holds @pc, or NULL when the page cannot be cached
 * (not RAM/ROM, or PMP differs inside it); raises fetch faults.
 */
RISCVCodePage *riscv_fetch_page(CPURISCVState *env, uint64_t pc)
{
    RISCVITLBEntry *t = &env->tlb_fetch[riscv_mmu_index(env->priv)]
                                       [(pc >> 12) % RISCV_TLB_SIZE];
    uint64_t vpage = pc & RISCV_PAGE_MASK;
    RISCVCodePage *page;
    hwaddr pa, pa_page;
    uint8_t *host;

    if (t->tag == vpage) {
        return t->page;
    }
    pa = fetch_translate(env, pc, 2);
    pa_page = pa & RISCV_PAGE_MASK;
    host = phys_ram_page(env, pa_page, false);
    if (!host || !pmp_page_uniform(env, pa_page)) {
        return NULL;
    }
    page = g_hash_table_lookup(env->code_pages, &pa_page);
    if (!page) {
        if (g_hash_table_size(env->code_pages) >= RISCV_MAX_CODE_PAGES) {
            riscv_code_flush_all(env);
        }
        page = g_new(RISCVCodePage, 1);
        page->phys = pa_page;
        page->host = host;
        riscv_code_page_init(page);
        g_hash_table_insert(env->code_pages, &page->phys, page);
        /* Stores into this page must now see it is code. */
        tlb_drop_write_host(NULL, host);
    }
    t->tag = vpage;
    t->page = page;
    return page;
}

/* ---- Traps and interrupts (3.1.6, 3.1.9, 3.3) ----------------------- */

static const char *priv_name(int priv)
{
    static const char *const names[] = { "U", "S", "?", "M" };

    return names[priv & 3];
}

void riscv_do_trap(CPURISCVState *env, uint64_t cause, uint64_t tval)
{
    bool irq = (cause & RISCV_EXCP_INT_FLAG) != 0;
    uint64_t code = cause & ~RISCV_EXCP_INT_FLAG;
    uint64_t deleg = irq ? env->mideleg : env->medeleg;
    int old_priv = env->priv;
    uint64_t s = env->mstatus;

    if (env->priv <= PRV_S && code < 64 && ((deleg >> code) & 1)) {
        env->scause = cause;
        env->sepc = env->pc;
        env->stval = tval;
        s = (s & ~MSTATUS_SPP) | (env->priv == PRV_S ? MSTATUS_SPP : 0);
        s = (s & ~MSTATUS_SPIE) | ((s & MSTATUS_SIE) ? MSTATUS_SPIE : 0);
        s &= ~MSTATUS_SIE;
        env->priv = PRV_S;
        env->pc = (env->stvec & ~3ULL) +
                  ((irq && (env->stvec & 1)) ? 4 * code : 0);
    } else {
        env->mcause = cause;
        env->mepc = env->pc;
        env->mtval = tval;
        s = (s & ~MSTATUS_MPP) | ((uint64_t)env->priv << MSTATUS_MPP_SHIFT);
        s = (s & ~MSTATUS_MPIE) | ((s & MSTATUS_MIE) ? MSTATUS_MPIE : 0);
        s &= ~MSTATUS_MIE;
        env->priv = PRV_M;
        env->pc = (env->mtvec & ~3ULL) +
                  ((irq && (env->mtvec & 1)) ? 4 * code : 0);
    }
    env->mstatus = s;
    env->halted = false;
    qemu_log_mask(CPU_LOG_INT, "riscv_cpu_do_interrupt: hart:%" PRIu64
                  ", %s: cause %" PRIu64 ", epc 0x%" PRIx64 ", tval 0x%"
                  PRIx64 ", %s -> %s, pc 0x%" PRIx64 "\n", env->mhartid,
                  irq ? "async" : "sync", code,
                  env->priv == PRV_S ? env->sepc : env->mepc,
                  tval, priv_name(old_priv), priv_name(env->priv), env->pc);
    riscv_update_data_mmu(env);
    riscv_request_check(env);
}

void riscv_raise_exception(CPURISCVState *env, int cause, uint64_t tval)
{
    /*
     * A trap retires nothing, but it uses up one unit of the caller's
     * budget, so that a guest trapping in a loop (mtvec pointing at an
     * illegal instruction) still lets riscv_cpu_env_exec() return.
     */
    env->icount_limit--;
    riscv_do_trap(env, (uint64_t)cause, tval);
    siglongjmp(env->jmpbuf, 1);
}

uint64_t riscv_read_mip(CPURISCVState *env)
{
    return (env->mip_sw & MIP_S_MASK) |
           (env->irq_lines & (MIP_MSIP | MIP_MTIP | MIP_MEIP | MIP_SEIP));
}

/* Highest-priority first (3.1.9): MEI, MSI, MTI, SEI, SSI, STI. */
static int irq_pick(uint64_t pending)
{
    static const int order[] = { IRQ_M_EXT, IRQ_M_SOFT, IRQ_M_TIMER,
                                 IRQ_S_EXT, IRQ_S_SOFT, IRQ_S_TIMER };

    for (size_t i = 0; i < ARRAY_SIZE(order); i++) {
        if (pending & (1ULL << order[i])) {
            return order[i];
        }
    }
    return -1;
}

int riscv_pending_interrupt(CPURISCVState *env)
{
    uint64_t pending = riscv_read_mip(env) & env->mie;
    bool m_on, s_on;

    if (!pending) {
        return -1;
    }
    m_on = env->priv < PRV_M || (env->mstatus & MSTATUS_MIE);
    s_on = env->priv < PRV_S ||
           (env->priv == PRV_S && (env->mstatus & MSTATUS_SIE));
    if (m_on && (pending & ~env->mideleg)) {
        return irq_pick(pending & ~env->mideleg);
    }
    if (s_on && (pending & env->mideleg)) {
        return irq_pick(pending & env->mideleg);
    }
    return -1;
}

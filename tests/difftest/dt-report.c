/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Differential test dump: prints what a generated program
 * (gen-difftest.py) left behind, in the fixed text format of
 * docs/devel/difftest.md, then returns 0 so that the firmware runtime
 * prints "difftest: PASS" and exits with pass.
 */
#include "runtime.h"

extern uint64_t dt_regs[32];
extern uint64_t dt_scratch[];
extern uint64_t dt_scratch_dwords;
extern uint64_t dt_csr_count;
extern uint64_t dt_csr_vals[];
extern const char dt_csr_names[];
extern const char dt_mode[];
extern uint64_t dt_seed;
extern uint64_t dt_ck[];
extern uint64_t dt_ck_count;
extern uint64_t dt_trap_count;
extern uint64_t dt_trap_max;
extern uint64_t dt_trap_log[];

int dt_report(void);

static void dt_line(const char *name, uint64_t v)
{
    rt_puts(name);
    rt_puts(" ");
    rt_puthex(v);
    rt_puts("\n");
}

static void dt_line_n(const char *prefix, uint64_t n, uint64_t v)
{
    rt_puts(prefix);
    rt_putdec(n);
    rt_puts(" ");
    rt_puthex(v);
    rt_puts("\n");
}

/* FNV-1a over the scratch buffer's bytes. */
static uint64_t dt_checksum(const uint8_t *p, uint64_t n)
{
    uint64_t h = 0xcbf29ce484222325ULL;

    while (n--) {
        h ^= *p++;
        h *= 0x100000001b3ULL;
    }
    return h;
}

int dt_report(void)
{
    const char *name = dt_csr_names;
    uint64_t i, n;

    rt_puts("DT-BEGIN seed ");
    rt_putdec(dt_seed);
    rt_puts(" mode ");
    rt_puts(dt_mode);
    rt_puts("\n");
    for (i = 1; i < 32; i++) {
        dt_line_n("x", i, dt_regs[i]);
    }
    for (i = 0; i < dt_scratch_dwords; i++) {
        dt_line_n("mem", i * 8, dt_scratch[i]);
    }
    dt_line("memsum", dt_checksum((const uint8_t *)dt_scratch,
                                  dt_scratch_dwords * 8));
    for (i = 0; i < dt_ck_count; i++) {
        dt_line_n("ck", i, dt_checksum((const uint8_t *)&dt_ck[i * 32], 256));
    }
    for (i = 0; i < dt_csr_count; i++) {
        rt_puts("csr ");
        dt_line(name, dt_csr_vals[i]);
        while (*name) {
            name++;
        }
        name++;
    }
    n = dt_trap_count < dt_trap_max ? dt_trap_count : dt_trap_max;
    for (i = 0; i < n; i++) {
        rt_puts("trap ");
        rt_putdec(i);
        rt_puts(" cause ");
        rt_puthex(dt_trap_log[i * 3]);
        rt_puts(" tval ");
        rt_puthex(dt_trap_log[i * 3 + 1]);
        rt_puts(" epc ");
        rt_puthex(dt_trap_log[i * 3 + 2]);
        rt_puts("\n");
    }
    dt_line("traps", dt_trap_count);
    rt_puts("DT-END\n");
    return 0;
}

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The qomu test firmware runtime: console and exit through HTIF (spike,
 * RT_MACHINE_SPIKE) or the ns16550a UART and sifive_test finisher (virt,
 * RT_MACHINE_VIRT), numbered checks, and the trap handler.
 */
#include "runtime.h"

#if !defined(RT_MACHINE_SPIKE) && !defined(RT_MACHINE_VIRT)
#error "build with -DRT_MACHINE_SPIKE or -DRT_MACHINE_VIRT"
#endif

#ifndef RT_TEST_NAME
#define RT_TEST_NAME "test"
#endif

/*
 * HTIF mailbox.  QEMU's and Spike's spike boards find these by symbol
 * name in the loaded ELF; device 0 command 0 with bit 0 set is "exit with
 * payload >> 1", device 1 command 1 is "console putchar".
 */
volatile uint64_t tohost __attribute__((section(".tohost"), used));
volatile uint64_t fromhost __attribute__((section(".tohost"), used));

struct rt_trap_record rt_trap;
uint64_t rt_check_count;

void rt_lower_back(void);
void rt_lower_return(void);
/* Entry points for the secondary harts, read by crt0.S. */
void (*volatile rt_hart_entry[RT_MAX_HARTS])(uint64_t hartid)
    __attribute__((section(".data")));
void rt_main(void);
void rt_trap_handler(uint64_t *frame, int mode);

#define UART_THR 0
#define UART_LCR 3
#define UART_LSR 5
#define UART_LSR_THRE 0x20

void rt_putc(char c)
{
#ifdef RT_MACHINE_SPIKE
    long spin;

    tohost = (1ULL << 56) | (1ULL << 48) | (uint8_t)c;
    /* The host acknowledges through fromhost; do not hang if it does not. */
    for (spin = 0; spin < 1000000 && fromhost == 0; spin++) {
        continue;
    }
    fromhost = 0;
#else
    volatile uint8_t *uart = (volatile uint8_t *)RT_VIRT_UART;
    long spin;

    for (spin = 0; spin < 1000000 && !(uart[UART_LSR] & UART_LSR_THRE);
         spin++) {
        continue;
    }
    uart[UART_THR] = (uint8_t)c;
#endif
}

void rt_puts(const char *s)
{
    while (*s) {
        if (*s == '\n') {
            rt_putc('\r');
        }
        rt_putc(*s++);
    }
}

void rt_puthex(uint64_t v)
{
    int i;

    rt_puts("0x");
    for (i = 60; i >= 0; i -= 4) {
        rt_putc("0123456789abcdef"[(v >> i) & 0xf]);
    }
}

void rt_putdec(uint64_t v)
{
    char buf[24];
    int i = 0;

    do {
        buf[i++] = '0' + v % 10;
        v /= 10;
    } while (v);
    while (i > 0) {
        rt_putc(buf[--i]);
    }
}

void rt_exit(uint64_t code)
{
#ifdef RT_MACHINE_SPIKE
    tohost = (code << 1) | 1;
#else
    mmio_write32(RT_VIRT_TEST, code ? (uint32_t)(code << 16) | 0x3333
                                    : 0x5555);
#endif
    for (;;) {
        __asm__ volatile("wfi");
    }
}

void rt_fail(uint64_t code)
{
    rt_puts(RT_TEST_NAME ": FAIL: check ");
    rt_putdec(code);
    rt_puts("\n");
    rt_exit(code);
}

void rt_fail_asm_report(uint64_t n, uint64_t got, uint64_t expected,
                        uint64_t ra);

/* From rt_fail_asm: assembly checks have no line, so give the address. */
void rt_fail_asm_report(uint64_t n, uint64_t got, uint64_t expected,
                        uint64_t ra)
{
    rt_puts(RT_TEST_NAME ": check near pc ");
    rt_puthex(ra - 8);
    rt_puts(": got ");
    rt_puthex(got);
    rt_puts(", expected ");
    rt_puthex(expected);
    rt_puts("\n");
    rt_fail(n);
}

void rt_check(bool ok, int line, const char *what)
{
    uint64_t n = ++rt_check_count;

    if (n == RT_FORCE_FAIL) {
        ok = false;
    }
    if (!ok) {
        rt_puts(RT_TEST_NAME ": line ");
        rt_putdec(line);
        rt_puts(": ");
        rt_puts(what);
        rt_puts("\n");
        rt_fail(n);
    }
}

void rt_check_eq(uint64_t got, uint64_t expected, int line, const char *what)
{
    uint64_t n = ++rt_check_count;

    if (got != expected || n == RT_FORCE_FAIL) {
        rt_puts(RT_TEST_NAME ": line ");
        rt_putdec(line);
        rt_puts(": ");
        rt_puts(what);
        rt_puts(" = ");
        rt_puthex(got);
        rt_puts(", expected ");
        rt_puthex(expected);
        rt_puts("\n");
        rt_fail(n);
    }
}

void rt_trap_expect(int n)
{
    rt_trap.count = 0;
    rt_trap.cause = ~0ULL;
    rt_trap.tval = 0;
    rt_trap.epc = 0;
    rt_trap.mode = -1;
    rt_trap.from = -1;
    __asm__ volatile("" ::: "memory");
    rt_trap.armed = n;
}

bool rt_trapped(uint64_t cause, uint64_t tval)
{
    bool ok = rt_trap.count == 1 && rt_trap.cause == cause &&
              (tval == NO_TVAL || rt_trap.tval == tval);

    if (!ok) {
        rt_puts("  trap: count ");
        rt_putdec(rt_trap.count);
        rt_puts(" cause ");
        rt_puthex(rt_trap.cause);
        rt_puts(" tval ");
        rt_puthex(rt_trap.tval);
        rt_puts("; wanted cause ");
        rt_puthex(cause);
        rt_puts(" tval ");
        rt_puthex(tval);
        rt_puts("\n");
    }
    rt_trap.armed = 0;
    return ok;
}

static uint8_t rt_s_trap_stack[4096] __attribute__((aligned(16)));

void rt_enable_s_traps(void)
{
    csr_write(stvec, (uintptr_t)rt_trap_entry_s);
    csr_write(sscratch, (uintptr_t)(rt_s_trap_stack + sizeof(rt_s_trap_stack)));
}

bool rt_wait_traps(int n, uint64_t ticks)
{
    uint64_t end = rt_mtime() + ticks;

    while (rt_trap.count < n) {
        if (rt_mtime() > end) {
            return false;
        }
    }
    return true;
}

bool rt_start_hart(int hartid, void (*fn)(uint64_t hartid))
{
    if (hartid <= 0 || hartid >= RT_MAX_HARTS) {
        return false;
    }
    rt_hart_entry[hartid] = fn;
    __asm__ volatile("fence" ::: "memory");
    mmio_write32(RT_CLINT_MSIP + 4 * hartid, 1);
    return true;
}

uint64_t rt_mtime(void)
{
    return mmio_read64(RT_CLINT_MTIME);
}

void rt_set_mtimecmp(uint64_t when)
{
    mmio_write64(RT_CLINT_MTIMECMP + 8 * csr_read(mhartid), when);
}

void rt_pmp_allow_all(void)
{
    /* Entry 15, NAPOT over the whole address space, RWX. */
    csr_write(pmpaddr15, ~0ULL >> 10);
    csr_set(pmpcfg2, 0x1fULL << 56);
}

/* Stops an interrupt at its source so that returning does not retake it. */
static void rt_silence_irq(unsigned irq, int mode)
{
    if (mode == PRV_M) {
        csr_clear(mie, 1ULL << irq);
        if (irq == IRQ_M_TIMER) {
            rt_set_mtimecmp(~0ULL);
        } else if (irq == IRQ_M_SOFT) {
            mmio_write32(RT_CLINT_MSIP + 4 * csr_read(mhartid), 0);
        } else if (irq == IRQ_S_SOFT || irq == IRQ_S_TIMER) {
            csr_clear(mip, 1ULL << irq);
        }
    } else {
        csr_clear(sie, 1ULL << irq);
        if (irq == IRQ_S_SOFT) {
            csr_clear(sip, 1ULL << irq);
        }
    }
}

void rt_trap_handler(uint64_t *frame, int mode)
{
    uint64_t cause, epc, tval, next;
    int from;

    if (mode == PRV_M) {
        cause = csr_read(mcause);
        epc = csr_read(mepc);
        tval = csr_read(mtval);
        from = (csr_read(mstatus) >> 11) & 3;
    } else {
        cause = csr_read(scause);
        epc = csr_read(sepc);
        tval = csr_read(stval);
        from = (csr_read(sstatus) >> 8) & 1;
    }

    /* The end of rt_run_in_mode(): back to M-mode, a0 is the result. */
    if (!(cause & CAUSE_INTR) && frame[17] == RT_ECALL_BACK_TO_M &&
        (cause == CAUSE_USER_ECALL || cause == CAUSE_SUPERVISOR_ECALL ||
         cause == CAUSE_MACHINE_ECALL)) {
        if (mode == PRV_M) {
            csr_write(mepc, (uintptr_t)rt_lower_back);
            csr_set(mstatus, MSTATUS_MPP);
        } else {
            /* Delegated to S: repeat the ecall from S so M sees it. */
            csr_write(sepc, (uintptr_t)rt_lower_return);
            csr_set(sstatus, MSTATUS_SPP);
        }
        return;
    }

    if (rt_trap.armed <= 0) {
        rt_puts(RT_TEST_NAME ": unexpected trap in mode ");
        rt_putdec(mode);
        rt_puts(" from ");
        rt_putdec(from);
        rt_puts(": cause ");
        rt_puthex(cause);
        rt_puts(" epc ");
        rt_puthex(epc);
        rt_puts(" tval ");
        rt_puthex(tval);
        rt_puts("\n");
        rt_exit(RT_CODE_UNEXPECTED_TRAP);
    }

    rt_trap.armed--;
    if (rt_trap.count < 4) {
        rt_trap.causes[rt_trap.count] = cause;
    }
    rt_trap.count++;
    rt_trap.cause = cause;
    rt_trap.epc = epc;
    rt_trap.tval = tval;
    rt_trap.mode = mode;
    rt_trap.from = from;
    rt_trap.status = mode == PRV_M ? csr_read(mstatus) : csr_read(sstatus);

    if (cause & CAUSE_INTR) {
        rt_silence_irq(cause & 0xff, mode);
        return;
    }
    if (cause == CAUSE_MISALIGNED_FETCH || cause == CAUSE_FETCH_ACCESS ||
        cause == CAUSE_FETCH_PAGE_FAULT) {
        /* Fetch faults come from a call through a bad pointer. */
        next = frame[1];
    } else {
        uint16_t insn = *(volatile uint16_t *)epc;
        next = epc + ((insn & 3) == 3 ? 4 : 2);
    }
    if (mode == PRV_M) {
        csr_write(mepc, next);
    } else {
        csr_write(sepc, next);
    }
}

void *memset(void *s, int c, size_t n)
{
    uint8_t *p = s;

    while (n--) {
        *p++ = (uint8_t)c;
    }
    return s;
}

void *memcpy(void *dst, const void *src, size_t n)
{
    uint8_t *d = dst;
    const uint8_t *s = src;

    while (n--) {
        *d++ = *s++;
    }
    return dst;
}

void rt_main(void)
{
    int ret;

#ifdef RT_MACHINE_VIRT
    /* 8N1; the divisor is left alone (QEMU ignores it). */
    ((volatile uint8_t *)RT_VIRT_UART)[UART_LCR] = 3;
#endif
    rt_set_mtimecmp(~0ULL);
    rt_pmp_allow_all();
    ret = main();
    if (ret == 0) {
        rt_puts(RT_TEST_NAME ": PASS");
        if (rt_check_count) {
            rt_puts(" (");
            rt_putdec(rt_check_count);
            rt_puts(" checks)");
        }
        rt_puts("\n");
        rt_exit(0);
    }
    rt_fail(ret);
}

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The qomu test firmware runtime: console, exit protocol, checks, trap
 * recording and mode switches.  See docs/devel/firmware-tests.md.
 */
#ifndef RUNTIME_H
#define RUNTIME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "rt-defs.h"

#define CAUSE_MISALIGNED_FETCH  0
#define CAUSE_FETCH_ACCESS      1
#define CAUSE_ILLEGAL_INSN      2
#define CAUSE_BREAKPOINT        3
#define CAUSE_MISALIGNED_LOAD   4
#define CAUSE_LOAD_ACCESS       5
#define CAUSE_MISALIGNED_STORE  6
#define CAUSE_STORE_ACCESS      7
#define CAUSE_USER_ECALL        8
#define CAUSE_SUPERVISOR_ECALL  9
#define CAUSE_MACHINE_ECALL     11
#define CAUSE_FETCH_PAGE_FAULT  12
#define CAUSE_LOAD_PAGE_FAULT   13
#define CAUSE_STORE_PAGE_FAULT  15

#define IRQ_S_SOFT  1
#define IRQ_M_SOFT  3
#define IRQ_S_TIMER 5
#define IRQ_M_TIMER 7
#define IRQ_S_EXT   9
#define IRQ_M_EXT   11
#define CAUSE_INTR  (1ULL << 63)

#define MSTATUS_SIE     (1ULL << 1)
#define MSTATUS_MIE     (1ULL << 3)
#define MSTATUS_SPIE    (1ULL << 5)
#define MSTATUS_MPIE    (1ULL << 7)
#define MSTATUS_SPP     (1ULL << 8)
#define MSTATUS_MPP     (3ULL << 11)
#define MSTATUS_MPRV    (1ULL << 17)
#define MSTATUS_SUM     (1ULL << 18)
#define MSTATUS_MXR     (1ULL << 19)
#define MSTATUS_TVM     (1ULL << 20)
#define MSTATUS_TW      (1ULL << 21)
#define MSTATUS_TSR     (1ULL << 22)

#define PRV_U 0
#define PRV_S 1
#define PRV_M 3

#define STR_(x) #x
#define STR(x) STR_(x)
#define csr_read(csr) ({ uint64_t v_; \
    __asm__ volatile("csrr %0, " #csr : "=r"(v_) :: "memory"); v_; })
#define csr_write(csr, val) \
    __asm__ volatile("csrw " #csr ", %0" :: "rK"((uint64_t)(val)) : "memory")
#define csr_set(csr, val) \
    __asm__ volatile("csrs " #csr ", %0" :: "rK"((uint64_t)(val)) : "memory")
#define csr_clear(csr, val) \
    __asm__ volatile("csrc " #csr ", %0" :: "rK"((uint64_t)(val)) : "memory")
#define csr_swap(csr, val) ({ uint64_t v_; \
    __asm__ volatile("csrrw %0, " #csr ", %1" : "=r"(v_) \
                     : "rK"((uint64_t)(val)) : "memory"); v_; })

static inline void mmio_write32(uintptr_t addr, uint32_t val)
{
    *(volatile uint32_t *)addr = val;
}

static inline uint32_t mmio_read32(uintptr_t addr)
{
    return *(volatile uint32_t *)addr;
}

static inline void mmio_write64(uintptr_t addr, uint64_t val)
{
    *(volatile uint64_t *)addr = val;
}

static inline uint64_t mmio_read64(uintptr_t addr)
{
    return *(volatile uint64_t *)addr;
}

/* Console (HTIF on spike, ns16550a on virt). */
void rt_putc(char c);
void rt_puts(const char *s);
void rt_puthex(uint64_t v);
void rt_putdec(uint64_t v);

/* Ends the test: 0 = pass, else fail with @code.  Never returns. */
void rt_exit(uint64_t code) __attribute__((noreturn));
/* Prints "FAIL: check @code" and ends the test with @code. */
void rt_fail(uint64_t code) __attribute__((noreturn));

/*
 * Checks: each CHECK is numbered from 1 in execution order; the first
 * failing one ends the test with its number as the exit code.
 */
extern uint64_t rt_check_count;
void rt_check(bool ok, int line, const char *what);
void rt_check_eq(uint64_t got, uint64_t expected, int line, const char *what);
#define CHECK(cond) rt_check((cond), __LINE__, #cond)
#define CHECK_EQ(got, exp) rt_check_eq((got), (exp), __LINE__, #got)

/* What the last recorded trap looked like. */
struct rt_trap_record {
    volatile int armed;         /* traps still expected */
    volatile int count;         /* traps recorded since rt_trap_expect() */
    volatile uint64_t cause;
    volatile uint64_t tval;
    volatile uint64_t epc;
    volatile int mode;          /* mode that took it: PRV_M or PRV_S */
    volatile int from;          /* mode it came from */
    volatile uint64_t causes[4];  /* causes of the first four, in order */
    volatile uint64_t status;   /* mstatus (or sstatus) in the handler */
};
extern struct rt_trap_record rt_trap;

/*
 * Arms the trap handler for @n traps: each one is recorded; a synchronous
 * exception resumes after the faulting instruction (fetch faults resume
 * at ra), an interrupt is silenced at its source (mtimecmp, MSIP, the
 * S-mode pending bits) and resumes where it hit.  An unexpected trap ends
 * the test with RT_CODE_UNEXPECTED_TRAP.
 */
void rt_trap_expect(int n);
/* True if exactly one trap was recorded with @cause (and @tval if not -1). */
bool rt_trapped(uint64_t cause, uint64_t tval);
#define NO_TVAL (~0ULL)

/* Runs fn(arg) in PRV_U, PRV_S or PRV_M and returns its result in M-mode. */
uint64_t rt_run_in_mode(int mode, uint64_t (*fn)(uint64_t), uint64_t arg);

/* Gives U and S mode access to all memory through PMP entry 15. */
void rt_pmp_allow_all(void);

/* Points stvec at rt_trap_entry_s, with its own trap stack. */
void rt_enable_s_traps(void);

/* Polls until rt_trap.count reaches @n or @ticks of mtime pass. */
bool rt_wait_traps(int n, uint64_t ticks);

/*
 * Makes secondary hart @hartid (1..RT_MAX_HARTS-1, parked in wfi) call
 * fn(hartid) with M-mode, its own stack and mstatus.MIE clear; the hart
 * parks again when fn returns.  False if @hartid is out of range (whether
 * the hart exists is up to the board's -smp).
 */
bool rt_start_hart(int hartid, void (*fn)(uint64_t hartid));

/* Trap entry points for mtvec/stvec. */
void rt_trap_entry_m(void);
void rt_trap_entry_s(void);

/* The board's timer, in ticks. */
uint64_t rt_mtime(void);
void rt_set_mtimecmp(uint64_t when);

void *memset(void *s, int c, size_t n);
void *memcpy(void *dst, const void *src, size_t n);

int main(void);

/* Encodings, for checking mtval of illegal-instruction traps. */
#define REG_A0 10
#define REG_A1 11
#define INSN_CSR(csr, rs1, f3, rd)                                       \
    (((uint64_t)(csr) << 20) | ((rs1) << 15) | ((f3) << 12) |             \
     ((rd) << 7) | 0x73)
/* csrrs a0, csr, x0 */
#define INSN_CSRR_A0(csr)  INSN_CSR(csr, 0, 2, REG_A0)
/* csrrw x0, csr, a1 */
#define INSN_CSRW_A1(csr)  INSN_CSR(csr, REG_A1, 1, 0)

/* csrr a0, CSR / csrw CSR, a1 with fixed registers, so mtval is known. */
#define csr_read_a0(csr) ({ register uint64_t a0_ __asm__("a0") = 0;     \
    __asm__ volatile("csrr a0, " #csr : "+r"(a0_) :: "memory"); a0_; })
#define csr_write_a1(csr, val) ({                                       \
    register uint64_t a1_ __asm__("a1") = (val);                          \
    __asm__ volatile("csrw " #csr ", a1" :: "r"(a1_) : "memory"); })

#endif

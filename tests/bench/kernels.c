/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Benchmark kernels for qomu and qemu-system-riscv64 (-M virt -bios
 * none): a fixed amount of work, minstret and mcycle read around it and
 * printed on the UART, the result checked so that a wrong emulator fails.
 * Build with one of -DBENCH_ALU, -DBENCH_MEMCPY, -DBENCH_CALLS,
 * -DBENCH_MIX, -DBENCH_EXIT and -DBENCH_SCALE=n (work multiplier).  The
 * expected results come from the same code built for the host:
 *     gcc -O2 -DBENCH_HOST -DBENCH_ALU tests/bench/kernels.c && ./a.out
 * See docs/devel/benchmarks.md.
 */
#ifdef BENCH_HOST
#include <stdint.h>
#include <stdio.h>
#else
#include "runtime.h"
#endif

#ifndef BENCH_SCALE
#define BENCH_SCALE 1
#endif

/* Integer ALU: a mix of add, xor, shifts, mul and compares in registers. */
static uint64_t __attribute__((unused)) bench_alu(uint64_t n)
{
    uint64_t a = 0x243f6a8885a308d3ULL, b = 0x13198a2e03707344ULL;
    uint64_t c = 0xa4093822299f31d0ULL, i;

    for (i = 0; i < n; i++) {
        a += b ^ (c >> 7);
        b = (b << 13) | (b >> 51);
        c ^= a * 0x9e3779b97f4a7c15ULL;
        b += (a < c) ? i : ~i;
        a = (a >> 3) - (c << 5) + (uint32_t)b;
    }
    return a ^ b ^ c;
}

/* Memory: copies between two 64 KiB buffers, by dwords and by bytes. */
#define COPY_BYTES 65536
static uint64_t buf_a[COPY_BYTES / 8], buf_b[COPY_BYTES / 8];

static uint64_t __attribute__((unused)) bench_memcpy(uint64_t n)
{
    uint64_t i, j, sum = 0;

    for (j = 0; j < COPY_BYTES / 8; j++) {
        buf_a[j] = j * 0x0101010101010101ULL;
    }
    for (i = 0; i < n; i++) {
        uint64_t *s = (i & 1) ? buf_b : buf_a;
        uint64_t *d = (i & 1) ? buf_a : buf_b;

        if (i % 4 == 3) {
            uint8_t *sb = (uint8_t *)s, *db = (uint8_t *)d;

            for (j = 0; j < COPY_BYTES; j++) {
                db[j] = sb[j];
            }
        } else {
            for (j = 0; j < COPY_BYTES / 8; j += 4) {
                d[j] = s[j] + 1;
                d[j + 1] = s[j + 1];
                d[j + 2] = s[j + 2];
                d[j + 3] = s[j + 3] ^ i;
            }
        }
        sum += d[i % (COPY_BYTES / 8)];
    }
    return sum;
}

/* Branches and calls: naive recursive Fibonacci. */
static uint64_t __attribute__((noinline)) fib(uint64_t n)
{
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

static uint64_t __attribute__((unused)) bench_calls(uint64_t n)
{
    uint64_t i, sum = 0;

    for (i = 0; i < n; i++) {
        sum += fib(24 + (i & 1));
    }
    return sum;
}

/* A mix: bitwise CRC32, insertion sort, 16x16 matrix multiply. */
static uint32_t crc32(const uint8_t *p, uint64_t len, uint32_t crc)
{
    uint64_t i;
    int k;

    crc = ~crc;
    for (i = 0; i < len; i++) {
        crc ^= p[i];
        for (k = 0; k < 8; k++) {
            crc = (crc >> 1) ^ (0xedb88320U & -(crc & 1));
        }
    }
    return ~crc;
}

#define SORT_N 256
static uint32_t sort_buf[SORT_N];

static uint64_t sort_once(uint64_t seed)
{
    uint64_t x = seed | 1;
    int i, j;

    for (i = 0; i < SORT_N; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        sort_buf[i] = (uint32_t)x;
    }
    for (i = 1; i < SORT_N; i++) {
        uint32_t v = sort_buf[i];

        for (j = i - 1; j >= 0 && sort_buf[j] > v; j--) {
            sort_buf[j + 1] = sort_buf[j];
        }
        sort_buf[j + 1] = v;
    }
    return sort_buf[0] ^ sort_buf[SORT_N / 2] ^ sort_buf[SORT_N - 1];
}

#define MAT_N 16
static int64_t mat_a[MAT_N][MAT_N], mat_b[MAT_N][MAT_N], mat_c[MAT_N][MAT_N];

static uint64_t matmul_once(uint64_t seed)
{
    int i, j, k;
    uint64_t sum = 0;

    for (i = 0; i < MAT_N; i++) {
        for (j = 0; j < MAT_N; j++) {
            mat_a[i][j] = (int64_t)((i * 31 + j * 17 + seed) % 101) - 50;
            mat_b[i][j] = (int64_t)((i * 7 + j * 13 + seed) % 89) - 44;
        }
    }
    for (i = 0; i < MAT_N; i++) {
        for (j = 0; j < MAT_N; j++) {
            int64_t acc = 0;

            for (k = 0; k < MAT_N; k++) {
                acc += mat_a[i][k] * mat_b[k][j];
            }
            mat_c[i][j] = acc;
            sum += (uint64_t)acc * (i + 1);
        }
    }
    return sum;
}

static uint64_t __attribute__((unused)) bench_mix(uint64_t n)
{
    uint64_t i, sum = 0;

    for (i = 0; i < n; i++) {
        sum += crc32((const uint8_t *)sort_buf, sizeof(sort_buf), (uint32_t)i);
        sum ^= sort_once(i + 1);
        sum += matmul_once(i);
    }
    return sum;
}

struct bench {
    const char *name;
    uint64_t (*fn)(uint64_t);
    uint64_t n;
    uint64_t expected;      /* result for BENCH_SCALE 1 */
};

#if defined(BENCH_ALU)
static const struct bench bench = { "alu", bench_alu, 45000000,
                                      0xb2b5a467968025a1ULL };
#elif defined(BENCH_MEMCPY)
static const struct bench bench = { "memcpy", bench_memcpy, 7200,
                                      0xf0f0f0f0f13c7c10ULL };
#elif defined(BENCH_CALLS)
static const struct bench bench = { "calls", bench_calls, 100,
                                      0x00000000005c9d92ULL };
#elif defined(BENCH_MIX)
static const struct bench bench = { "mix", bench_mix, 2400,
                                      0x000004a53949a154ULL };
#elif defined(BENCH_EXIT)
#else
#error "define BENCH_ALU, BENCH_MEMCPY, BENCH_CALLS, BENCH_MIX or BENCH_EXIT"
#endif

int main(void)
{
#if defined(BENCH_EXIT)
    return 0;
#elif defined(BENCH_HOST)
    printf("%s 0x%016llx\n", bench.name,
           (unsigned long long)bench.fn(bench.n));
    return 0;
#else
    uint64_t i0, c0, i1, c1, r;

    i0 = csr_read(minstret);
    c0 = csr_read(mcycle);
    r = bench.fn(bench.n * BENCH_SCALE);
    c1 = csr_read(mcycle);
    i1 = csr_read(minstret);
    rt_puts("bench ");
    rt_puts(bench.name);
    rt_puts(": instret=");
    rt_putdec(i1 - i0);
    rt_puts(" cycles=");
    rt_putdec(c1 - c0);
    rt_puts(" result=");
    rt_puthex(r);
    rt_puts("\n");
    if (BENCH_SCALE == 1 && r != bench.expected) {
        rt_puts("bench: wrong result, expected ");
        rt_puthex(bench.expected);
        rt_puts("\n");
        return 1;
    }
    return 0;
#endif
}

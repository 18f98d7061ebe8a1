/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-riscv-diff.c: differential test against qemu-system-riscv64.  A
 * generator writes random but valid programs (every RV64IM register and
 * immediate operation, LUI/AUIPC, aligned loads and stores of every
 * width, AMOs, forward branches; edge values in the registers; t6 points
 * at a data page); each runs on qomu's interpreter and on QEMU (-M virt
 * -bios none, raw image at 0x80000000), and the final register files
 * (which loads bring memory into) must match exactly.  QEMU's registers
 * come from its "-d cpu,nochain" log: the program ends by jumping to an
 * exit stub, whose block starts with the final state logged, then stops
 * QEMU through sifive_test.
 *
 * QOMU_DIFF_SEEDS=n runs n programs (default 20) for a longer run.
 */
#include "qomu/osdep.h"
#include <glib/gstdio.h>
#include "target/riscv/internal.h"
#include "riscv-asm.h"

#define RAM_BASE  0x80000000ULL
#define RAM_SIZE  (1024 * 1024)
#define PROG_INSNS 300
#define DATA_BASE (RAM_BASE + 0x80000)    /* in t6, never overwritten */

static uint8_t *ram;

static void *diff_ram_ptr(void *opaque, hwaddr addr, bool is_write,
                          hwaddr *plen)
{
    if (addr >= RAM_BASE && addr < RAM_BASE + RAM_SIZE) {
        *plen = RAM_BASE + RAM_SIZE - addr;
        return ram + (addr - RAM_BASE);
    }
    return NULL;
}

static bool diff_read(void *opaque, hwaddr addr, void *buf, unsigned len)
{
    hwaddr plen;
    void *p = diff_ram_ptr(opaque, addr, false, &plen);

    if (!p) {
        return false;
    }
    memcpy(buf, p, len);
    return true;
}

static bool diff_write(void *opaque, hwaddr addr, const void *buf,
                       unsigned len)
{
    hwaddr plen;
    void *p = diff_ram_ptr(opaque, addr, true, &plen);

    if (!p) {
        return false;
    }
    memcpy(p, buf, len);
    return true;
}

static const RISCVBus diff_bus = {
    .get_ram_ptr = diff_ram_ptr,
    .read = diff_read,
    .write = diff_write,
};

/* Values that find corner cases: 0, +-1, extremes, 32-bit boundaries. */
static uint64_t random_value(GRand *r)
{
    static const uint64_t edges[] = {
        0, 1, UINT64_MAX, INT64_MAX, (uint64_t)INT64_MIN, 0x7fffffff,
        0x80000000, 0xffffffff, 0xffffffff80000000ULL, 2, 0x100000000ULL,
    };

    if (g_rand_int_range(r, 0, 3) == 0) {
        return edges[g_rand_int_range(r, 0, ARRAY_SIZE(edges))];
    }
    return ((uint64_t)g_rand_int(r) << 32) | g_rand_int(r);
}

/* One random instruction writing x1..x31 from any registers. */
static uint32_t random_insn(GRand *r)
{
    static const struct {
        uint32_t op, f3, f7;
    } rr[] = {
        { 0x33, 0, 0 }, { 0x33, 0, 0x20 }, { 0x33, 1, 0 }, { 0x33, 2, 0 },
        { 0x33, 3, 0 }, { 0x33, 4, 0 }, { 0x33, 5, 0 }, { 0x33, 5, 0x20 },
        { 0x33, 6, 0 }, { 0x33, 7, 0 }, { 0x3b, 0, 0 }, { 0x3b, 0, 0x20 },
        { 0x3b, 1, 0 }, { 0x3b, 5, 0 }, { 0x3b, 5, 0x20 },
        { 0x33, 0, 1 }, { 0x33, 1, 1 }, { 0x33, 2, 1 }, { 0x33, 3, 1 },
        { 0x33, 4, 1 }, { 0x33, 5, 1 }, { 0x33, 6, 1 }, { 0x33, 7, 1 },
        { 0x3b, 0, 1 }, { 0x3b, 4, 1 }, { 0x3b, 5, 1 }, { 0x3b, 6, 1 },
        { 0x3b, 7, 1 },
    };
    int rd = g_rand_int_range(r, 1, 31);
    int rs1 = g_rand_int_range(r, 0, 32);
    int rs2 = g_rand_int_range(r, 0, 32);
    int32_t imm = g_rand_int_range(r, -2048, 2048);

    int size_log2 = g_rand_int_range(r, 0, 4);
    int32_t off = g_rand_int_range(r, 0, 2048) & ~((1 << size_log2) - 1);

    switch (g_rand_int_range(r, 0, 9)) {
    case 6: {   /* a load of any width, sign or zero extended */
        int f3 = g_rand_int_range(r, 0, 7);

        return ENC_I(0x03, f3, rd, T6, off & ~((1 << (f3 & 3)) - 1));
    }
    case 7:     /* a store, or an AMO on the dword at t6 */
        if (g_rand_boolean(r)) {
            return ENC_S(0x23, size_log2, T6, rs2, off);
        } else {
            static const int f5[] = { 0x00, 0x01, 0x04, 0x08, 0x0c, 0x10,
                                      0x14, 0x18, 0x1c };

            return AMO(f5[g_rand_int_range(r, 0, 9)], g_rand_boolean(r),
                       rd, T6, rs2);
        }
    case 8: {   /* a forward branch over the next instruction */
        static const int f3[] = { 0, 1, 4, 5, 6, 7 };

        return ENC_B(f3[g_rand_int_range(r, 0, 6)], rs1, rs2, 8);
    }
    case 0:
    case 1: {
        int k = g_rand_int_range(r, 0, ARRAY_SIZE(rr));

        return ENC_R(rr[k].op, rr[k].f3, rr[k].f7, rd, rs1, rs2);
    }
    case 2:
        switch (g_rand_int_range(r, 0, 6)) {
        case 0:
            return ADDI(rd, rs1, imm);
        case 1:
            return SLTI(rd, rs1, imm);
        case 2:
            return SLTIU(rd, rs1, imm);
        case 3:
            return XORI(rd, rs1, imm);
        case 4:
            return ORI(rd, rs1, imm);
        default:
            return ANDI(rd, rs1, imm);
        }
    case 3:
        switch (g_rand_int_range(r, 0, 7)) {
        case 0:
            return SLLI(rd, rs1, g_rand_int_range(r, 0, 64));
        case 1:
            return SRLI(rd, rs1, g_rand_int_range(r, 0, 64));
        case 2:
            return SRAI(rd, rs1, g_rand_int_range(r, 0, 64));
        case 3:
            return SLLIW(rd, rs1, g_rand_int_range(r, 0, 32));
        case 4:
            return SRLIW(rd, rs1, g_rand_int_range(r, 0, 32));
        case 5:
            return SRAIW(rd, rs1, g_rand_int_range(r, 0, 32));
        default:
            return ADDIW(rd, rs1, imm);
        }
    case 4:
        return LUI(rd, g_rand_int(r) & 0xfffff);
    default:
        return g_rand_boolean(r) ? AUIPC(rd, g_rand_int(r) & 0xfffff)
                                 : ADD(rd, rs1, rs2);
    }
}

/* li rd, v in 17 instructions (8 bits at a time). */
static size_t emit_li(uint32_t *w, int rd, uint64_t v)
{
    size_t n = 0;

    w[n++] = ADDI(rd, ZERO, 0);
    for (int sh = 56; sh >= 0; sh -= 8) {
        w[n++] = SLLI(rd, rd, 8);
        w[n++] = ORI(rd, rd, (v >> sh) & 0xff);
    }
    return n;
}

/*
 * Build a program: set x1..x31, PROG_INSNS random instructions, a jump to
 * the exit stub.  Returns the number of instructions before the stub.
 */
static size_t build_program(uint32_t *w, size_t *len, guint32 seed)
{
    GRand *r = g_rand_new_with_seed(seed);
    size_t n = 0, body;

    for (int i = 1; i < 31; i++) {
        n += emit_li(w + n, i, random_value(r));
    }
    n += emit_li(w + n, T6, DATA_BASE);
    for (int i = 0; i < PROG_INSNS; i++) {
        w[n++] = random_insn(r);
    }
    w[n++] = JAL(ZERO, 8);
    body = n;
    w[n++] = NOP;
    /* exit stub: sifive_test at 0x100000 <- 0x5555 (pass) */
    w[n++] = LUI(T0, 0x100);
    w[n++] = LUI(T1, 0x5);
    w[n++] = ADDIW(T1, T1, 0x555);
    w[n++] = SW(T1, T0, 0);
    w[n++] = JAL(ZERO, 0);
    *len = n;
    g_rand_free(r);
    return body;
}

/* The last "x<N>/<abi> <hex>" values of QEMU's -d cpu log. */
static bool parse_qemu_regs(const char *log, uint64_t *regs)
{
    const char *last = NULL, *p = log;
    int found = 0;

    while ((p = strstr(p, " x0/zero"))) {
        last = p++;
    }
    if (!last) {
        return false;
    }
    for (int i = 0; i < 32; i++) {
        g_autofree char *key = g_strdup_printf(" x%d/", i);
        const char *k = strstr(last, key);

        if (!k) {
            return false;
        }
        k = strchr(k + 1, ' ');
        while (k && *k == ' ') {
            k++;
        }
        regs[i] = g_ascii_strtoull(k, NULL, 16);
        found++;
    }
    return found == 32;
}

static bool run_qemu(const char *qemu, const uint32_t *w, size_t n,
                     uint64_t *regs)
{
    g_autofree char *dir = g_dir_make_tmp("qomu-diff-XXXXXX", NULL);
    g_autofree char *bin = g_build_filename(dir, "prog.bin", NULL);
    g_autofree char *logf = g_build_filename(dir, "cpu.log", NULL);
    g_autofree char *log = NULL;
    const char *argv[] = {
        "timeout", "30", qemu, "-M", "virt", "-bios", "none",
        "-display", "none", "-serial", "null", "-monitor", "none",
        "-kernel", bin, "-d", "cpu,nochain", "-D", logf, NULL,
    };
    int status = -1;
    bool ok;

    g_assert_true(g_file_set_contents(bin, (const char *)w, 4 * n, NULL));
    ok = g_spawn_sync(NULL, (char **)argv, NULL,
                      G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                      G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                      &status, NULL) &&
         g_file_get_contents(logf, &log, NULL, NULL) &&
         parse_qemu_regs(log, regs);
    g_unlink(bin);
    g_unlink(logf);
    g_rmdir(dir);
    return ok;
}

static void test_diff(void)
{
    g_autofree char *qemu = g_find_program_in_path("qemu-system-riscv64");
    g_autofree char *timeout = g_find_program_in_path("timeout");
    const char *env_seeds = g_getenv("QOMU_DIFF_SEEDS");
    int seeds = env_seeds ? atoi(env_seeds) : 20;

    if (!qemu || !timeout) {
        g_test_skip("qemu-system-riscv64 not installed");
        return;
    }
    for (int seed = 1; seed <= seeds; seed++) {
        uint32_t w[31 * 17 + PROG_INSNS + 16];
        uint64_t qregs[32];
        CPURISCVState *env = g_new0(CPURISCVState, 1);
        size_t len, body = build_program(w, &len, seed);

        ram = g_malloc0(RAM_SIZE);
        memcpy(ram, w, 4 * len);
        riscv_cpu_env_init(env, RVI | RVM | RVA | RVC | RVS | RVU, 0);
        riscv_cpu_env_set_bus(env, &diff_bus, NULL);
        riscv_cpu_env_reset(env, RAM_BASE);
        /* Branches make the count vary: step to the exit stub. */
        for (size_t i = 0; i < 2 * body &&
             env->pc != RAM_BASE + 4 * (body + 1); i++) {
            g_assert_cmpint(riscv_cpu_env_exec(env, 1), ==,
                            RISCV_EXEC_BUDGET);
        }
        g_assert_cmphex(env->pc, ==, RAM_BASE + 4 * (body + 1));
        g_assert_cmpuint(env->mcause, ==, 0);   /* no trap on the way */
        g_assert_true(run_qemu(qemu, w, len, qregs));
        /* Guard against a log that parsed but says nothing. */
        g_assert_cmphex(qregs[T0], ==, env->gpr[T0]);
        g_assert_cmpuint(qregs[ZERO], ==, 0);
        {
            int nonzero = 0;

            for (int i = 1; i < 32; i++) {
                nonzero += qregs[i] != 0;
            }
            g_assert_cmpint(nonzero, >, 4);
        }
        for (int i = 0; i < 32; i++) {
            if (env->gpr[i] != qregs[i]) {
                g_test_message("seed %d: x%d is 0x%016" PRIx64 " on qomu, "
                               "0x%016" PRIx64 " on QEMU", seed, i,
                               env->gpr[i], qregs[i]);
            }
            g_assert_cmphex(env->gpr[i], ==, qregs[i]);
        }
        riscv_cpu_env_destroy(env);
        g_free(env);
        g_free(ram);
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/riscv/diff/qemu", test_diff);
    return g_test_run();
}

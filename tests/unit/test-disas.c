/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit tests for the built-in RISC-V disassembler: line-by-line comparison
 * with riscv64-unknown-elf-objdump -d (references made at build time by
 * tests/unit/disas/gen-objdump-ref.py, and objdump run on the project's
 * firmware), a crash-free sweep over every 16-bit value and millions of
 * random 32-bit words, hand-written cases, and the listing format of
 * disas_riscv_lines().
 */
#include "qomu/osdep.h"
#include <sys/wait.h>
#include "disas/disas.h"
#include "disas-ref.h"

/*
 * Mismatches printed before the comparison stops listing them; set
 * DISAS_TEST_REPORT_ALL in the environment to see them all.
 */
#define MAX_REPORTED 40

/*
 * Compares every line of @ref_path ("ADDR HEX TEXT", see the generator)
 * with what riscv_builtin_disas_insn() prints for the same bytes of
 * @bin_path.  Returns the number of lines compared.
 */
static unsigned compare_with_objdump(const char *bin_path,
                                     const char *ref_path)
{
    g_autofree char *bin = NULL;
    g_autofree char *ref = NULL;
    GError *gerr = NULL;
    gsize bin_len;
    unsigned compared = 0, bad = 0;
    unsigned max_reported = g_getenv("DISAS_TEST_REPORT_ALL") ? UINT_MAX
                                                               : MAX_REPORTED;
    char *line, *next;

    if (!g_file_get_contents(bin_path, &bin, &bin_len, &gerr) ||
        !g_file_get_contents(ref_path, &ref, NULL, &gerr)) {
        g_error("%s", gerr->message);
    }
    /* split by hand: g_strsplit() is quadratic under AddressSanitizer */
    for (line = ref; *line; line = next) {
        char text[RISCV_DISAS_BUF_SIZE];
        char *end;
        uint64_t addr;
        const char *hex, *want;
        size_t hexlen;
        int len;

        next = strchr(line, '\n');
        if (next) {
            *next++ = '\0';
        } else {
            next = line + strlen(line);
        }
        if (!line[0]) {
            continue;
        }
        addr = g_ascii_strtoull(line, &end, 16);
        g_assert(*end == ' ');
        hex = end + 1;
        want = strchr(hex, ' ');
        g_assert_nonnull(want);
        hexlen = want - hex;
        want++;
        g_assert_cmpuint(addr, <, bin_len);

        len = riscv_builtin_disas_insn(text, sizeof(text), addr,
                                       (const uint8_t *)bin + addr,
                                       bin_len - addr);
        compared++;
        if (len * 2 != (int)hexlen || strcmp(text, want) != 0) {
            if (++bad <= max_reported) {
                g_test_message("%s: at 0x%" PRIx64 " (%.*s): objdump "
                               "\"%s\", qomu \"%s\" (length %d)",
                               ref_path, addr, (int)hexlen, hex, want, text,
                               len);
            }
        }
    }
    if (bad) {
        g_test_message("%u of %u lines differ from objdump", bad, compared);
        g_test_fail();
    }
    return compared;
}

static void test_objdump_all_insns(void)
{
#ifdef DISAS_REF_ERROR
    g_test_message("%s", DISAS_REF_ERROR);
    g_test_fail();
#else
    /* all-insns.S has a few hundred lines: a short file means a bad build */
    g_assert_cmpuint(compare_with_objdump(DISAS_REF_ALL_BIN,
                                          DISAS_REF_ALL_REF), >, 400);
#endif
}

static void test_objdump_fuzz(void)
{
#ifdef DISAS_REF_ERROR
    g_test_message("%s", DISAS_REF_ERROR);
    g_test_fail();
#else
    /* every 16-bit encoding, plus the generator's random words */
    g_assert_cmpuint(compare_with_objdump(DISAS_REF_FUZZ_BIN,
                                          DISAS_REF_FUZZ_REF), >, 100000);
#endif
}

/* 2 or 4; the longer encodings are shown one 16-bit parcel at a time */
static int insn_length(uint32_t insn)
{
    return (insn & 3) == 3 && (insn & 0x1f) != 0x1f ? 4 : 2;
}

/*
 * Runs objdump -d on @elf and compares each instruction line with our
 * text for the same bytes (taken from objdump's hex column).  Data that
 * objdump marks as such (".word" and friends, from $d mapping symbols) is
 * skipped.  Returns the number of lines compared, adds mismatches to *@bad.
 */
static unsigned compare_elf_with_objdump(const char *objdump,
                                         const char *elf, unsigned *bad)
{
    const char *argv[] = { objdump, "-d", elf, NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    GError *gerr = NULL;
    int status;
    unsigned compared = 0;
    char *line, *next;

    if (!g_spawn_sync(NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                      &out, &err, &status, &gerr)) {
        g_error("%s: %s", objdump, gerr->message);
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        g_error("%s -d %s failed: %s", objdump, elf, err);
    }
    for (line = out; *line; line = next) {
        char text[RISCV_DISAS_BUF_SIZE];
        g_autofree char *want = NULL;
        char *p, *hex_end, *cut;
        uint64_t addr;
        uint32_t insn;
        uint8_t code[4];
        size_t hexlen;
        int len;

        next = strchr(line, '\n');
        if (next) {
            *next++ = '\0';
        } else {
            next = line + strlen(line);
        }
        /* "  80000000:\t00000297          \tauipc\tt0,0x0" */
        addr = g_ascii_strtoull(line, &p, 16);
        if (p == line || *p != ':' || p[1] != '\t') {
            continue;
        }
        p += 2;
        insn = g_ascii_strtoull(p, &hex_end, 16);
        hexlen = hex_end - p;
        if ((hexlen != 4 && hexlen != 8) || *hex_end != ' ') {
            continue;
        }
        p = strchr(hex_end, '\t');
        if (!p || g_str_has_prefix(p + 1, ".word") ||
            g_str_has_prefix(p + 1, ".short") ||
            g_str_has_prefix(p + 1, ".byte")) {
            continue;
        }
        /* normalise like gen-objdump-ref.py: no comment, no <symbol> */
        want = g_strdup(p + 1);
        cut = strchr(want, '#');
        if (cut) {
            *cut = '\0';
        }
        while ((cut = strstr(want, " <")) != NULL) {
            char *close = strchr(cut, '>');

            if (!close) {
                break;
            }
            memmove(cut, close + 1, strlen(close + 1) + 1);
        }
        g_strdelimit(want, "\t", ' ');
        g_strstrip(want);

        code[0] = insn;
        code[1] = insn >> 8;
        code[2] = insn >> 16;
        code[3] = insn >> 24;
        len = riscv_builtin_disas_insn(text, sizeof(text), addr, code,
                                       hexlen / 2);
        compared++;
        if (len * 2 != (int)hexlen || strcmp(text, want) != 0) {
            if (++*bad <= MAX_REPORTED) {
                g_test_message("%s: at 0x%" PRIx64 " (%0*x): objdump "
                               "\"%s\", qomu \"%s\"", elf, addr,
                               (int)hexlen, insn, want, text);
            }
        }
    }
    return compared;
}

/* The project's own firmware (tests/firmware), as the issue asks. */
static void test_objdump_firmware(void)
{
#ifdef DISAS_REF_ERROR
    g_test_message("%s", DISAS_REF_ERROR);
    g_test_fail();
#else
    g_autoptr(GDir) dir = g_dir_open(DISAS_FIRMWARE_DIR, 0, NULL);
    g_autoptr(GPtrArray) elfs = g_ptr_array_new_with_free_func(g_free);
    const char *name;
    unsigned compared = 0, bad = 0;
    guint i;

    while (dir && (name = g_dir_read_name(dir)) != NULL) {
        if (g_str_has_suffix(name, ".elf")) {
            g_ptr_array_add(elfs, g_build_filename(DISAS_FIRMWARE_DIR, name,
                                                   NULL));
        }
    }
    if (elfs->len == 0) {
        g_test_skip("no firmware in " DISAS_FIRMWARE_DIR
                    " (configured with --disable-firmware?)");
        return;
    }
    for (i = 0; i < elfs->len; i++) {
        compared += compare_elf_with_objdump(DISAS_OBJDUMP,
                                             g_ptr_array_index(elfs, i),
                                             &bad);
    }
    g_test_message("%u firmware files, %u instructions compared",
                   elfs->len, compared);
    if (bad) {
        g_test_message("%u of %u lines differ from objdump", bad, compared);
        g_test_fail();
    }
    g_assert_cmpuint(compared, >, 1000);
#endif
}

static int disas_word(char *buf, uint64_t pc, uint32_t insn)
{
    uint8_t code[4] = { insn, insn >> 8, insn >> 16, insn >> 24 };

    return riscv_builtin_disas_insn(buf, RISCV_DISAS_BUF_SIZE, pc, code, 4);
}

/* Every 16-bit value, then random 32-bit words: no crash, sane results. */
static void test_no_crash(void)
{
    char buf[RISCV_DISAS_BUF_SIZE];
    GRand *rand = g_rand_new_with_seed(0x5eed);
    unsigned i, n = g_test_slow() ? 20000000 : 3000000;

    for (i = 0; i < 0x10000; i++) {
        int len = disas_word(buf, 0x80000000, i);

        g_assert_cmpint(len, ==, insn_length(i));
        g_assert_cmpuint(strlen(buf), >, 0);
        g_assert_cmpuint(strlen(buf), <, sizeof(buf) - 1);
    }
    for (i = 0; i < n; i++) {
        uint32_t w = g_rand_int(rand);
        uint8_t code[4] = { w, w >> 8, w >> 16, w >> 24 };
        uint64_t pc = g_rand_int(rand) * 0x10001ull;
        int len = disas_word(buf, pc, w);

        g_assert_cmpint(len, ==, insn_length(w));
        g_assert_cmpuint(strlen(buf), >, 0);
        g_assert_cmpuint(strlen(buf), <, sizeof(buf) - 1);
        /* the configured backend too (capstone, in some builds) */
        if (i < 200000) {
            g_assert_cmpint(riscv_disas_insn(buf, sizeof(buf), pc, code, 4),
                            ==, len);
            g_assert_cmpuint(strlen(buf), >, 0);
        }
    }
    g_rand_free(rand);
}

/* Short buffers: 0 for too few bytes; output truncated, never overrun. */
static void test_short_input(void)
{
    uint8_t code[4] = { 0x97, 0x02, 0x00, 0x00 };   /* auipc t0,0x0 */
    char buf[8];
    char big[RISCV_DISAS_BUF_SIZE];

    memset(buf, 'x', sizeof(buf));
    g_assert_cmpint(riscv_builtin_disas_insn(buf, sizeof(buf), 0, code, 0),
                    ==, 0);
    g_assert_cmpstr(buf, ==, "");
    g_assert_cmpint(riscv_builtin_disas_insn(buf, sizeof(buf), 0, code, 3),
                    ==, 0);
    g_assert_cmpint(riscv_builtin_disas_insn(buf, sizeof(buf), 0, code, 4),
                    ==, 4);
    g_assert_cmpstr(buf, ==, "auipc t");
    g_assert_cmpint(riscv_builtin_disas_insn(big, sizeof(big), 0, code, 4),
                    ==, 4);
    g_assert_cmpstr(big, ==, "auipc t0,0x0");
    /* a 16-bit instruction needs only 2 bytes: c.li a0,5 */
    code[0] = 0x15;
    code[1] = 0x45;
    g_assert_cmpint(riscv_builtin_disas_insn(big, sizeof(big), 0, code, 2),
                    ==, 2);
    g_assert_cmpstr(big, ==, "li a0,5");
    g_assert_cmpint(riscv_builtin_disas_insn(NULL, 0, 0, code, 2), ==, 2);
}

/* Hand-checked cases, each against the spec and objdump 2.40. */
static const struct {
    uint64_t pc;
    uint32_t insn;
    const char *text;
} tricky[] = {
    /* jumps and branches print absolute targets, also backwards */
    { 0x80000000, 0x0000006f, "j 80000000" },
    { 0x80000010, 0xff1ff0ef, "jal 80000000" },
    { 0x80000000, 0x800000ef, "jal 7ff00000" },
    { 0, 0x800000ef, "jal fffffffffff00000" },
    { 0x1000, 0xfe0508e3, "beqz a0,ff0" },
    { 0x1000, 0x00a05463, "blez a0,1008" },
    { 0x1000, 0x00a04463, "bgtz a0,1008" },
    { 0x1000, 0x00054463, "bltz a0,1008" },
    { 0x1000, 0x00055463, "bgez a0,1008" },
    { 0x1000, 0x00b54463, "blt a0,a1,1008" },
    /* I-immediate extremes and aliases */
    { 0, 0x80000513, "li a0,-2048" },
    { 0, 0x7ff00513, "li a0,2047" },
    { 0, 0x00000013, "nop" },
    { 0, 0x00058513, "mv a0,a1" },
    { 0, 0xfff5c513, "not a0,a1" },
    { 0, 0x40b00533, "neg a0,a1" },
    { 0, 0x40b0053b, "negw a0,a1" },
    { 0, 0x0005851b, "sext.w a0,a1" },
    { 0, 0x0015b513, "seqz a0,a1" },
    { 0, 0x00b03533, "snez a0,a1" },
    { 0, 0x0005a533, "sltz a0,a1" },
    { 0, 0x00b02533, "sgtz a0,a1" },
    { 0, 0xfff00537, "lui a0,0xfff00" },
    { 0, 0x03f59513, "sll a0,a1,0x3f" },     /* objdump 2.40 quirk */
    { 0, 0x41f5d51b, "sraw a0,a1,0x1f" },
    /* jalr forms */
    { 0, 0x00008067, "ret" },
    { 0, 0x00050067, "jr a0" },
    { 0, 0x000500e7, "jalr a0" },
    { 0, 0x008502e7, "jalr t0,8(a0)" },
    /* CSRs, named and unnamed */
    { 0, 0x30002573, "csrr a0,mstatus" },
    { 0, 0x30559073, "csrw mtvec,a1" },
    { 0, 0x18051073, "csrw satp,a0" },
    { 0, 0x3a002573, "csrr a0,pmpcfg0" },
    { 0, 0x7c002573, "csrr a0,0x7c0" },
    { 0, 0x3002e073, "csrs mstatus,5" },
    { 0, 0xc0002573, "rdcycle a0" },
    { 0, 0xc0102573, "rdtime a0" },
    { 0, 0xc0202573, "rdinstret a0" },
    { 0, 0xc0001073, "unimp" },
    { 0, 0x30200073, "mret" },
    { 0, 0x12050073, "sfence.vma a0" },
    /* fences */
    { 0, 0x0ff0000f, "fence" },
    { 0, 0x0310000f, "fence rw,w" },
    { 0, 0x8330000f, "fence.tso" },
    { 0, 0x0000100f, "fence.i" },
    /* atomics */
    { 0, 0x04b6252f, "amoadd.w.aq a0,a1,(a2)" },
    { 0, 0x1605b52f, "lr.d.aqrl a0,(a1)" },
    { 0, 0x1ab6352f, "sc.d.rl a0,a1,(a2)" },
    /* floating point: rounding mode shown unless dynamic */
    { 0, 0x02c59553, "fadd.d fa0,fa1,fa2,rtz" },
    { 0, 0x02c5f553, "fadd.d fa0,fa1,fa2" },
    { 0, 0xe2058553, "fmv.x.d a0,fa1" },
    { 0, 0x22b59553, "fneg.d fa0,fa1" },
    { 0, 0xd2050553, "fcvt.d.w fa0,a0" },
    /* compressed, shown as objdump 2.40 shows them */
    { 0, 0x0505, "add a0,a0,1" },
    { 0, 0x4515, "li a0,5" },
    { 0, 0x852e, "mv a0,a1" },
    { 0, 0x8082, "ret" },
    { 0, 0x9002, "ebreak" },
    { 0, 0x0001, "nop" },
    { 0, 0x0000, "unimp" },
    { 0x2000, 0xbfe5, "j 1ff8" },
    /* not instructions */
    { 0, 0x0000007b, ".4byte 0x7b" },
    { 0, 0x0000007f, ".2byte 0x7f" },           /* 64-bit+ length prefix */
    { 0, 0xffffffff, ".2byte 0xffff" },
};

static void test_tricky(void)
{
    char buf[RISCV_DISAS_BUF_SIZE];
    size_t i;

    for (i = 0; i < ARRAY_SIZE(tricky); i++) {
        uint8_t code[4] = { tricky[i].insn, tricky[i].insn >> 8,
                            tricky[i].insn >> 16, tricky[i].insn >> 24 };
        size_t avail = (tricky[i].insn & 3) == 3 ? 4 : 2;

        g_assert_cmpint(riscv_builtin_disas_insn(buf, sizeof(buf),
                                                 tricky[i].pc, code, avail),
                        ==, insn_length(tricky[i].insn));
        g_assert_cmpstr(buf, ==, tricky[i].text);
    }
}

/*
 * riscv_disas_insn() is the built-in disassembler, or capstone's when the
 * build found a capstone that knows RISC-V: same lengths either way.
 */
static void test_backend(void)
{
    static const uint32_t words[] = {
        0x00000297, 0x30002573, 0x04b6252f, 0x02c59553, 0x0000007b,
        0x4515, 0x8082, 0x0000, 0x0505, 0xbfe5,
    };
    char want[RISCV_DISAS_BUF_SIZE], got[RISCV_DISAS_BUF_SIZE];
    size_t i;

    for (i = 0; i < ARRAY_SIZE(words); i++) {
        uint8_t code[4] = { words[i], words[i] >> 8, words[i] >> 16,
                            words[i] >> 24 };
        int len = riscv_builtin_disas_insn(want, sizeof(want), 0x80000000,
                                           code, 4);

        g_assert_cmpint(riscv_disas_insn(got, sizeof(got), 0x80000000, code,
                                         4), ==, len);
#ifdef CONFIG_CAPSTONE_RISCV
        g_assert_cmpuint(strlen(got), >, 0);
#else
        g_assert_cmpstr(got, ==, want);
#endif
        g_assert_cmpint(riscv_disas_insn(got, sizeof(got), 0, code, len - 1),
                        ==, 0);
    }
}

typedef struct {
    uint64_t base;
    const uint8_t *mem;
    size_t size;
} FakeMem;

static bool fake_read(void *opaque, uint64_t addr, uint8_t *buf, size_t len)
{
    FakeMem *m = opaque;

    if (addr < m->base || addr - m->base + len > m->size) {
        return false;
    }
    memcpy(buf, m->mem + (addr - m->base), len);
    return true;
}

static void test_lines(void)
{
    static const uint8_t prog[] = {
        0x97, 0x02, 0x00, 0x00,     /* auipc t0,0x0 */
        0x15, 0x45,                 /* li a0,5 */
        0x82, 0x80,                 /* ret */
        0x13, 0x00,                 /* first half of a 32-bit insn */
    };
    FakeMem m = { 0x80000000, prog, sizeof(prog) };
    g_autoptr(GString) out = g_string_new("");

    g_autoptr(GString) want = g_string_new("");
    char text[3][RISCV_DISAS_BUF_SIZE];

    disas_riscv_lines(out, 0x80000000, 5, fake_read, &m);
    /* the text is riscv_disas_insn()'s, whichever backend that is */
    riscv_disas_insn(text[0], sizeof(text[0]), 0x80000000, prog, 4);
    riscv_disas_insn(text[1], sizeof(text[1]), 0x80000004, prog + 4, 2);
    riscv_disas_insn(text[2], sizeof(text[2]), 0x80000006, prog + 6, 2);
    g_string_printf(want, "0x80000000:  00000297          %s\n"
                    "0x80000004:  4515              %s\n"
                    "0x80000006:  8082              %s\n"
                    "0x80000008:  Cannot access memory\n",
                    text[0], text[1], text[2]);
    g_assert_cmpstr(out->str, ==, want->str);
#ifndef CONFIG_CAPSTONE_RISCV
    g_assert_cmpstr(out->str, ==,
                    "0x80000000:  00000297          auipc t0,0x0\n"
                    "0x80000004:  4515              li a0,5\n"
                    "0x80000006:  8082              ret\n"
                    "0x80000008:  Cannot access memory\n");
#endif

    /* nothing readable at all, and a count of zero */
    g_string_truncate(out, 0);
    disas_riscv_lines(out, 0x1000, 3, fake_read, &m);
    g_assert_cmpstr(out->str, ==, "0x00001000:  Cannot access memory\n");
    g_string_truncate(out, 0);
    disas_riscv_lines(out, 0x80000000, 0, fake_read, &m);
    g_assert_cmpstr(out->str, ==, "");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/disas/riscv/objdump/all-insns", test_objdump_all_insns);
    g_test_add_func("/disas/riscv/objdump/fuzz", test_objdump_fuzz);
    g_test_add_func("/disas/riscv/objdump/firmware", test_objdump_firmware);
    g_test_add_func("/disas/riscv/no-crash", test_no_crash);
    g_test_add_func("/disas/riscv/short-input", test_short_input);
    g_test_add_func("/disas/riscv/tricky", test_tricky);
    g_test_add_func("/disas/riscv/backend", test_backend);
    g_test_add_func("/disas/riscv/lines", test_lines);
    return g_test_run();
}

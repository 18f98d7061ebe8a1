/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-loader.c: ELF and raw image loaders, the ROM list (`info roms`,
 * re-applied at reset) and the error for each kind of bad image.  The ELF
 * files are built here byte by byte, so each field is under the test's
 * control; one more is built by riscv64-unknown-elf-gcc when available.
 */
#include "qomu/osdep.h"
#include "qomu/module.h"
#include "qapi/error.h"
#include "qom/object.h"
#include "exec/memory.h"
#include "exec/address-spaces.h"
#include "hw/loader.h"

#include <elf.h>

#ifndef EM_RISCV
#define EM_RISCV 243
#endif

#define RAM_BASE 0x80000000ULL
#define RAM_SIZE 0x100000ULL
#define ROM_BASE 0x1000ULL
#define ROM_SIZE 0x1000ULL

static char *tmpdir;
static char *fixture_elf; /* built by the cross compiler, or NULL */

/* The machine: RAM and a ROM in system memory. */
typedef struct Board {
    Object *owner;
    MemoryRegion ram;
    MemoryRegion rom;
} Board;

static Board *board_new(void)
{
    Board *b = g_new0(Board, 1);

    memory_map_init();
    b->owner = object_new(TYPE_CONTAINER);
    g_assert_true(memory_region_init_ram(&b->ram, b->owner, "ram", RAM_SIZE,
                                         &error_abort));
    g_assert_true(memory_region_init_rom(&b->rom, b->owner, "mrom", ROM_SIZE,
                                         &error_abort));
    memory_region_add_subregion(get_system_memory(), RAM_BASE, &b->ram);
    memory_region_add_subregion(get_system_memory(), ROM_BASE, &b->rom);
    return b;
}

static void board_free(Board *b)
{
    rom_list_free();
    object_unref(b->owner);
    g_free(b);
    memory_map_cleanup();
}

/* Building ELF files */

typedef struct Seg {
    uint64_t paddr;
    uint64_t vaddr; /* 0: same as paddr */
    const void *data;
    uint64_t filesz;
    uint64_t memsz;
} Seg;

typedef struct Sym {
    const char *name;
    uint64_t value;
} Sym;

typedef struct ElfSpec {
    bool is32;
    unsigned machine; /* 0: EM_RISCV */
    unsigned type;    /* 0: ET_EXEC */
    uint64_t entry;
    const Seg *segs;
    unsigned nsegs;
    const Sym *syms;
    unsigned nsyms;
} ElfSpec;

static void put(GByteArray *b, uint64_t off, const void *p, size_t n)
{
    if (b->len < off + n) {
        g_byte_array_set_size(b, off + n);
    }
    memcpy(b->data + off, p, n);
}

static void put_le(GByteArray *b, uint64_t off, uint64_t v, unsigned n)
{
    uint8_t bytes[8];
    unsigned i;

    for (i = 0; i < n; i++) {
        bytes[i] = v >> (8 * i);
    }
    put(b, off, bytes, n);
}

static uint64_t align16(uint64_t v)
{
    return (v + 15) & ~15ULL;
}

/*
 * Lay out: ELF header, program headers, segment data, .symtab, .strtab,
 * .shstrtab, section headers.  Field offsets are those of the ELF spec
 * (Elf32_* / Elf64_* in <elf.h>).
 */
static GByteArray *elf_build(const ElfSpec *spec)
{
    GByteArray *b = g_byte_array_new();
    bool is64 = !spec->is32;
    unsigned ehsize = is64 ? sizeof(Elf64_Ehdr) : sizeof(Elf32_Ehdr);
    unsigned phentsize = is64 ? sizeof(Elf64_Phdr) : sizeof(Elf32_Phdr);
    unsigned shentsize = is64 ? sizeof(Elf64_Shdr) : sizeof(Elf32_Shdr);
    unsigned symsize = is64 ? sizeof(Elf64_Sym) : sizeof(Elf32_Sym);
    unsigned w = is64 ? 8 : 4; /* address width */
    static const char shstr[] = "\0.symtab\0.strtab\0.shstrtab";
    uint64_t off, symoff, stroff, shstroff, shoff;
    GString *strtab = g_string_new("");
    unsigned i;
    uint8_t ident[EI_NIDENT] = {0x7f, 'E', 'L', 'F'};

    g_string_append_c(strtab, '\0');
    ident[EI_CLASS] = is64 ? ELFCLASS64 : ELFCLASS32;
    ident[EI_DATA] = ELFDATA2LSB;
    ident[EI_VERSION] = EV_CURRENT;
    put(b, 0, ident, EI_NIDENT);

    /* segment data */
    off = align16(ehsize + spec->nsegs * phentsize);
    for (i = 0; i < spec->nsegs; i++) {
        const Seg *s = &spec->segs[i];
        uint64_t ph = ehsize + i * phentsize;
        uint64_t vaddr = s->vaddr ? s->vaddr : s->paddr;

        put(b, off, s->data, s->filesz);
        put_le(b, ph, PT_LOAD, 4);
        if (is64) {
            put_le(b, ph + 4, PF_R | PF_X, 4);
            put_le(b, ph + 8, off, 8);
            put_le(b, ph + 16, vaddr, 8);
            put_le(b, ph + 24, s->paddr, 8);
            put_le(b, ph + 32, s->filesz, 8);
            put_le(b, ph + 40, s->memsz, 8);
            put_le(b, ph + 48, 16, 8);
        } else {
            put_le(b, ph + 4, off, 4);
            put_le(b, ph + 8, vaddr, 4);
            put_le(b, ph + 12, s->paddr, 4);
            put_le(b, ph + 16, s->filesz, 4);
            put_le(b, ph + 20, s->memsz, 4);
            put_le(b, ph + 24, PF_R | PF_X, 4);
            put_le(b, ph + 28, 16, 4);
        }
        off = align16(off + s->filesz);
    }

    /* .symtab: a null symbol, then the given ones (absolute) */
    symoff = off;
    put(b, symoff, (uint8_t[sizeof(Elf64_Sym)]){0}, symsize);
    for (i = 0; i < spec->nsyms; i++) {
        uint64_t so = symoff + (i + 1) * symsize;
        uint32_t name = strtab->len;

        g_string_append(strtab, spec->syms[i].name);
        g_string_append_c(strtab, '\0');
        put_le(b, so, name, 4);
        if (is64) {
            put_le(b, so + 4, ELF64_ST_INFO(STB_GLOBAL, STT_OBJECT), 1);
            put_le(b, so + 6, SHN_ABS, 2);
            put_le(b, so + 8, spec->syms[i].value, 8);
            put_le(b, so + 16, 8, 8);
        } else {
            put_le(b, so + 4, spec->syms[i].value, 4);
            put_le(b, so + 8, 8, 4);
            put_le(b, so + 12, ELF32_ST_INFO(STB_GLOBAL, STT_OBJECT), 1);
            put_le(b, so + 14, SHN_ABS, 2);
        }
    }
    stroff = align16(symoff + (spec->nsyms + 1) * symsize);
    put(b, stroff, strtab->str, strtab->len);
    shstroff = align16(stroff + strtab->len);
    put(b, shstroff, shstr, sizeof(shstr));
    shoff = align16(shstroff + sizeof(shstr));

    /* section headers: null, .symtab, .strtab, .shstrtab */
    {
        struct {
            uint32_t name, type;
            uint64_t off, size;
            uint32_t link, info;
            uint64_t entsize;
        } sh[4] = {
            {0},
            {1, SHT_SYMTAB, symoff, (spec->nsyms + 1) * symsize, 2, 1, symsize},
            {9, SHT_STRTAB, stroff, strtab->len, 0, 0, 0},
            {17, SHT_STRTAB, shstroff, sizeof(shstr), 0, 0, 0},
        };

        for (i = 0; i < 4; i++) {
            uint64_t so = shoff + i * shentsize;

            put(b, so, (uint8_t[sizeof(Elf64_Shdr)]){0}, shentsize);
            put_le(b, so, sh[i].name, 4);
            put_le(b, so + 4, sh[i].type, 4);
            if (is64) {
                put_le(b, so + 24, sh[i].off, 8);
                put_le(b, so + 32, sh[i].size, 8);
                put_le(b, so + 40, sh[i].link, 4);
                put_le(b, so + 44, sh[i].info, 4);
                put_le(b, so + 48, 8, 8);
                put_le(b, so + 56, sh[i].entsize, 8);
            } else {
                put_le(b, so + 16, sh[i].off, 4);
                put_le(b, so + 20, sh[i].size, 4);
                put_le(b, so + 24, sh[i].link, 4);
                put_le(b, so + 28, sh[i].info, 4);
                put_le(b, so + 32, 4, 4);
                put_le(b, so + 36, sh[i].entsize, 4);
            }
        }
    }

    /* ELF header */
    put_le(b, 16, spec->type ? spec->type : ET_EXEC, 2);
    put_le(b, 18, spec->machine ? spec->machine : EM_RISCV, 2);
    put_le(b, 20, EV_CURRENT, 4);
    put_le(b, 24, spec->entry, w);
    put_le(b, 24 + w, ehsize, w);    /* e_phoff */
    put_le(b, 24 + 2 * w, shoff, w); /* e_shoff */
    put_le(b, 24 + 3 * w, 0, 4);     /* e_flags */
    put_le(b, 28 + 3 * w, ehsize, 2);
    put_le(b, 30 + 3 * w, phentsize, 2);
    put_le(b, 32 + 3 * w, spec->nsegs, 2);
    put_le(b, 34 + 3 * w, shentsize, 2);
    put_le(b, 36 + 3 * w, 4, 2); /* e_shnum */
    put_le(b, 38 + 3 * w, 3, 2); /* e_shstrndx */

    g_string_free(strtab, true);
    return b;
}

/* Write @len bytes to a new file in the temporary directory. */
static char *write_file(const char *name, const void *data, size_t len)
{
    char *path = g_build_filename(tmpdir, name, NULL);

    g_assert_true(g_file_set_contents(path, data, len, NULL));
    return path;
}

static char *write_elf(const char *name, const ElfSpec *spec,
                       size_t truncate_to)
{
    GByteArray *b = elf_build(spec);
    char *path;

    path = write_file(name, b->data, truncate_to ? truncate_to : b->len);
    g_byte_array_free(b, true);
    return path;
}

static const uint8_t text[] = {
    0x97, 0x02, 0x00, 0x00, /* auipc t0, 0 */
    0x13, 0x05, 0x10, 0x00, /* li a0, 1 */
    0x6f, 0x00, 0x00, 0x00, /* j . */
    0xde, 0xad, 0xbe, 0xef,
};
static const uint8_t data8[] = {1, 2, 3, 4, 5, 6, 7, 8};

#define AS (&address_space_memory)
#define ATTRS MEMTXATTRS_UNSPECIFIED

static void test_elf64(void)
{
    Board *b = board_new();
    const Seg segs[] = {
        {.paddr = RAM_BASE,
         .data = text,
         .filesz = sizeof(text),
         .memsz = sizeof(text)},
        {.paddr = RAM_BASE + 0x1000,
         .data = data8,
         .filesz = 8,
         .memsz = 0x100},
    };
    const Sym syms[] = {
        {"tohost", RAM_BASE + 0x1000},
        {"fromhost", RAM_BASE + 0x1040},
    };
    const ElfSpec spec = {.entry = RAM_BASE + 4,
                          .segs = segs,
                          .nsegs = 2,
                          .syms = syms,
                          .nsyms = 2};
    g_autofree char *path = write_elf("prog64.elf", &spec, 0);
    g_autofree char *roms = NULL;
    g_autofree char *expect = NULL;
    uint64_t entry = 0, low = 0, high = 0, val = 0;
    uint8_t buf[16];
    Error *err = NULL;

    /* bss must be cleared even where RAM held something */
    address_space_stq_le(AS, RAM_BASE + 0x10f8, ~0ULL, ATTRS, NULL);

    g_assert_true(load_elf(path, NULL, &entry, &low, &high, &error_abort));
    g_assert_cmphex(entry, ==, RAM_BASE + 4);
    g_assert_cmphex(low, ==, RAM_BASE);
    g_assert_cmphex(high, ==, RAM_BASE + 0x1100);
    address_space_read(AS, RAM_BASE, ATTRS, buf, sizeof(text));
    g_assert_cmpmem(buf, sizeof(text), text, sizeof(text));
    g_assert_cmphex(address_space_ldq_le(AS, RAM_BASE + 0x1000, ATTRS, NULL),
                    ==, 0x0807060504030201ULL);
    g_assert_cmphex(address_space_ldq_le(AS, RAM_BASE + 0x10f8, ATTRS, NULL),
                    ==, 0);
    g_assert_cmpint(elf_get_class(path, &error_abort), ==, 64);

    g_assert_true(elf_lookup_symbol(path, "tohost", &val, &error_abort));
    g_assert_cmphex(val, ==, RAM_BASE + 0x1000);
    g_assert_true(elf_lookup_symbol(path, "fromhost", &val, &error_abort));
    g_assert_cmphex(val, ==, RAM_BASE + 0x1040);
    g_assert_false(elf_lookup_symbol(path, "begin_signature", &val, &err));
    expect =
        g_strdup_printf("symbol 'begin_signature' not found in '%s'", path);
    g_assert_cmpstr(error_get_pretty(err), ==, expect);
    error_free(err);

    roms = rom_info_text();
    g_free(expect);
    expect = g_strdup_printf(
        "addr=0000000080000000 size=0x000010 mem=ram name=\"%s\"\n"
        "addr=0000000080001000 size=0x000100 mem=ram name=\"%s\"\n",
        path, path);
    g_assert_cmpstr(roms, ==, expect);

    board_free(b);
}

static void test_elf32(void)
{
    Board *b = board_new();
    const Seg segs[] = {
        {.paddr = RAM_BASE + 0x200,
         .data = text,
         .filesz = sizeof(text),
         .memsz = 0x20},
    };
    const Sym syms[] = {{"tohost", RAM_BASE + 0x210}};
    const ElfSpec spec = {.is32 = true,
                          .entry = RAM_BASE + 0x200,
                          .segs = segs,
                          .nsegs = 1,
                          .syms = syms,
                          .nsyms = 1};
    g_autofree char *path = write_elf("prog32.elf", &spec, 0);
    uint64_t entry = 0, low = 0, high = 0, val = 0;

    g_assert_true(load_elf(path, NULL, &entry, &low, &high, &error_abort));
    g_assert_cmphex(entry, ==, RAM_BASE + 0x200);
    g_assert_cmphex(low, ==, RAM_BASE + 0x200);
    g_assert_cmphex(high, ==, RAM_BASE + 0x220);
    g_assert_cmphex(address_space_ldl_le(AS, RAM_BASE + 0x200, ATTRS, NULL), ==,
                    0x00000297);
    g_assert_cmpint(elf_get_class(path, &error_abort), ==, 32);
    g_assert_true(elf_lookup_symbol(path, "tohost", &val, &error_abort));
    g_assert_cmphex(val, ==, RAM_BASE + 0x210);

    board_free(b);
}

static void test_elf_virtual(void)
{
    Board *b = board_new();
    /* a kernel linked at a virtual address, loaded at a physical one */
    const Seg segs[] = {
        {.paddr = RAM_BASE + 0x2000,
         .vaddr = 0xffffffff80002000ULL,
         .data = text,
         .filesz = sizeof(text),
         .memsz = sizeof(text)},
    };
    const ElfSpec spec = {
        .entry = 0xffffffff80002008ULL, .segs = segs, .nsegs = 1};
    g_autofree char *path = write_elf("kernel.elf", &spec, 0);
    uint64_t entry = 0;

    g_assert_true(load_elf(path, NULL, &entry, NULL, NULL, &error_abort));
    g_assert_cmphex(entry, ==, RAM_BASE + 0x2008);
    g_assert_cmphex(address_space_ldl_le(AS, RAM_BASE + 0x2000, ATTRS, NULL),
                    ==, 0x00000297);

    board_free(b);
}

static void test_elf_into_rom(void)
{
    Board *b = board_new();
    const Seg segs[] = {
        {.paddr = ROM_BASE,
         .data = text,
         .filesz = sizeof(text),
         .memsz = sizeof(text)},
    };
    const ElfSpec spec = {.entry = ROM_BASE, .segs = segs, .nsegs = 1};
    g_autofree char *path = write_elf("rom.elf", &spec, 0);
    g_autofree char *roms = NULL;
    g_autofree char *expect = NULL;

    g_assert_true(load_elf(path, NULL, NULL, NULL, NULL, &error_abort));
    g_assert_cmphex(address_space_ldl_le(AS, ROM_BASE, ATTRS, NULL), ==,
                    0x00000297);
    /* the guest cannot change it */
    address_space_stl_le(AS, ROM_BASE, 0, ATTRS, NULL);
    g_assert_cmphex(address_space_ldl_le(AS, ROM_BASE, ATTRS, NULL), ==,
                    0x00000297);
    roms = rom_info_text();
    expect = g_strdup_printf("addr=0000000000001000 size=0x000010 mem=rom "
                             "name=\"%s\"\n",
                             path);
    g_assert_cmpstr(roms, ==, expect);

    board_free(b);
}

static void test_raw_image(void)
{
    Board *b = board_new();
    static const char payload[] = "raw image payload";
    g_autofree char *path = write_file("image.bin", payload, sizeof(payload));
    char buf[sizeof(payload)];
    Error *err = NULL;
    g_autofree char *expect = NULL;

    g_assert_cmpint(get_image_size(path), ==, sizeof(payload));
    g_assert_cmpint(get_image_size("/nonexistent/image.bin"), ==, -1);
    g_assert_cmpint(
        load_image_targphys(path, RAM_BASE + 0x3000, 0x1000, &error_abort), ==,
        sizeof(payload));
    address_space_read(AS, RAM_BASE + 0x3000, ATTRS, buf, sizeof(buf));
    g_assert_cmpstr(buf, ==, payload);

    /* larger than allowed */
    g_assert_cmpint(load_image_targphys(path, RAM_BASE + 0x5000, 8, &err), ==,
                    -1);
    expect = g_strdup_printf("'%s' is 0x12 bytes, more than the 0x8 bytes "
                             "available at 0x80005000",
                             path);
    g_assert_cmpstr(error_get_pretty(err), ==, expect);
    error_free(err);

    board_free(b);
}

static void test_rom_reset(void)
{
    Board *b = board_new();
    static const uint32_t reset_vec[] = {0x00000297, 0x02028593, 0xf1402573};
    const Seg segs[] = {
        {.paddr = RAM_BASE, .data = data8, .filesz = 8, .memsz = 0x40},
    };
    const ElfSpec spec = {.entry = RAM_BASE, .segs = segs, .nsegs = 1};
    g_autofree char *path = write_elf("fw.elf", &spec, 0);
    g_autofree char *roms = NULL;
    g_autofree char *expect = NULL;

    g_assert_true(rom_add_blob_fixed("mrom.reset", reset_vec, sizeof(reset_vec),
                                     ROM_BASE, &error_abort));
    g_assert_true(load_elf(path, NULL, NULL, NULL, NULL, &error_abort));

    /* the guest scribbles over its firmware and bss */
    address_space_stq_le(AS, RAM_BASE, 0x1111111111111111ULL, ATTRS, NULL);
    address_space_stq_le(AS, RAM_BASE + 0x38, 0x2222222222222222ULL, ATTRS,
                         NULL);
    /* a loader-style write into the ROM, as a buggy board might */
    address_space_write_rom(AS, ROM_BASE, ATTRS, "\0\0\0\0", 4);

    rom_reset();
    g_assert_cmphex(address_space_ldq_le(AS, RAM_BASE, ATTRS, NULL), ==,
                    0x0807060504030201ULL);
    g_assert_cmphex(address_space_ldq_le(AS, RAM_BASE + 0x38, ATTRS, NULL), ==,
                    0);
    g_assert_cmphex(address_space_ldl_le(AS, ROM_BASE, ATTRS, NULL), ==,
                    0x00000297);
    g_assert_cmphex(address_space_ldl_le(AS, ROM_BASE + 8, ATTRS, NULL), ==,
                    0xf1402573);

    roms = rom_info_text();
    expect = g_strdup_printf(
        "addr=0000000000001000 size=0x00000c mem=rom name=\"mrom.reset\"\n"
        "addr=0000000080000000 size=0x000040 mem=ram name=\"%s\"\n",
        path);
    g_assert_cmpstr(roms, ==, expect);

    rom_list_free();
    g_free(roms);
    roms = rom_info_text();
    g_assert_cmpstr(roms, ==, "");

    board_free(b);
}

/* Check that @fn fails with exactly @expect and leaves no ROM behind. */
#define ASSERT_LOAD_FAILS(call, expect)                                        \
    do {                                                                       \
        Error *err_ = NULL;                                                    \
        g_autofree char *before_ = rom_info_text();                            \
        g_autofree char *after_ = NULL;                                        \
        g_assert_false((call));                                                \
        g_assert_nonnull(err_);                                                \
        g_assert_cmpstr(error_get_pretty(err_), ==, (expect));                 \
        g_assert_null(strchr(error_get_pretty(err_), '\n'));                   \
        error_free(err_);                                                      \
        after_ = rom_info_text();                                              \
        g_assert_cmpstr(after_, ==, before_);                                  \
    } while (0)

static void test_bad_images(void)
{
    Board *b = board_new();
    const Seg seg0[] = {
        {.paddr = RAM_BASE,
         .data = text,
         .filesz = sizeof(text),
         .memsz = sizeof(text)},
    };
    const Seg seg_out[] = {
        {.paddr = 0x40000000,
         .data = text,
         .filesz = sizeof(text),
         .memsz = 0x40},
    };
    const Seg seg_big[] = {
        {.paddr = RAM_BASE + RAM_SIZE - 0x1000,
         .data = text,
         .filesz = sizeof(text),
         .memsz = 0x2000},
    };
    const Seg seg_partly_out[] = {
        {.paddr = RAM_BASE + 0x8000,
         .data = text,
         .filesz = sizeof(text),
         .memsz = sizeof(text)},
        {.paddr = 0x20000000,
         .data = text,
         .filesz = sizeof(text),
         .memsz = sizeof(text)},
    };
    const Seg seg_self_overlap[] = {
        {.paddr = RAM_BASE + 0x9000,
         .data = text,
         .filesz = sizeof(text),
         .memsz = 0x100},
        {.paddr = RAM_BASE + 0x9080,
         .data = text,
         .filesz = sizeof(text),
         .memsz = sizeof(text)},
    };
    const ElfSpec good = {.entry = RAM_BASE, .segs = seg0, .nsegs = 1};
    const ElfSpec x86 = {
        .machine = EM_X86_64, .entry = RAM_BASE, .segs = seg0, .nsegs = 1};
    const ElfSpec odd = {
        .machine = 0x1234, .entry = RAM_BASE, .segs = seg0, .nsegs = 1};
    const ElfSpec rel = {.type = ET_REL, .segs = seg0, .nsegs = 1};
    const ElfSpec out = {.entry = 0x40000000, .segs = seg_out, .nsegs = 1};
    const ElfSpec big = {.entry = RAM_BASE, .segs = seg_big, .nsegs = 1};
    const ElfSpec partly = {
        .entry = RAM_BASE, .segs = seg_partly_out, .nsegs = 2};
    const ElfSpec self = {
        .entry = RAM_BASE, .segs = seg_self_overlap, .nsegs = 2};
    g_autofree char *p_good = write_elf("good.elf", &good, 0);
    g_autofree char *p_x86 = write_elf("x86.elf", &x86, 0);
    g_autofree char *p_odd = write_elf("odd.elf", &odd, 0);
    g_autofree char *p_rel = write_elf("object.o", &rel, 0);
    g_autofree char *p_out = write_elf("out.elf", &out, 0);
    g_autofree char *p_big = write_elf("big.elf", &big, 0);
    g_autofree char *p_partly = write_elf("partly.elf", &partly, 0);
    g_autofree char *p_self = write_elf("self.elf", &self, 0);
    /*
     * cut inside segment 0's data: the ELF header (0x40 bytes) and one
     * program header (0x38) come first, so the data is at 0x80-0x8f
     */
    g_autofree char *p_trunc = write_elf("trunc.elf", &good, 0x84);
    g_autofree char *p_stub = write_elf("stub.elf", &good, 10);
    g_autofree char *p_text = write_file("readme.txt", "hello, world\n", 13);
    g_autofree char *p_raw = write_file("over.bin", text, sizeof(text));
    g_autofree char *e = NULL;
    uint64_t v;

    ASSERT_LOAD_FAILS(
        load_elf("/nonexistent/fw.elf", NULL, NULL, NULL, NULL, &err_),
        "cannot open '/nonexistent/fw.elf': No such file or "
        "directory");

    e = g_strdup_printf("'%s' is not an ELF file", p_text);
    ASSERT_LOAD_FAILS(load_elf(p_text, NULL, NULL, NULL, NULL, &err_), e);
    g_free(e);

    e = g_strdup_printf("'%s' is not a RISC-V ELF file (it is for x86-64)",
                        p_x86);
    ASSERT_LOAD_FAILS(load_elf(p_x86, NULL, NULL, NULL, NULL, &err_), e);
    ASSERT_LOAD_FAILS(elf_lookup_symbol(p_x86, "tohost", &v, &err_), e);
    g_free(e);

    e = g_strdup_printf("'%s' is not a RISC-V ELF file (it is for machine "
                        "4660)",
                        p_odd);
    ASSERT_LOAD_FAILS(load_elf(p_odd, NULL, NULL, NULL, NULL, &err_), e);
    g_free(e);

    e = g_strdup_printf("'%s' is not an executable (ELF type REL, an object "
                        "file)",
                        p_rel);
    ASSERT_LOAD_FAILS(load_elf(p_rel, NULL, NULL, NULL, NULL, &err_), e);
    g_free(e);

    e = g_strdup_printf("'%s' is truncated: segment 0 needs file bytes "
                        "0x80-0x8f but the file has 0x84 bytes",
                        p_trunc);
    ASSERT_LOAD_FAILS(load_elf(p_trunc, NULL, NULL, NULL, NULL, &err_), e);
    g_free(e);

    e = g_strdup_printf("'%s' is truncated: 0xa bytes, too short for an ELF "
                        "header",
                        p_stub);
    ASSERT_LOAD_FAILS(load_elf(p_stub, NULL, NULL, NULL, NULL, &err_), e);
    g_free(e);

    e = g_strdup_printf("'%s' segment 0: 0x40000000-0x4000003f is not in RAM "
                        "or ROM (RAM and ROM: 'mrom' 0x1000-0x1fff, 'ram' "
                        "0x80000000-0x800fffff)",
                        p_out);
    ASSERT_LOAD_FAILS(load_elf(p_out, NULL, NULL, NULL, NULL, &err_), e);
    g_free(e);

    e = g_strdup_printf("'%s' segment 0: 0x800ff000-0x80100fff does not fit "
                        "in RAM: 'ram' is 0x80000000-0x800fffff (image too "
                        "large by 0x1000 bytes)",
                        p_big);
    ASSERT_LOAD_FAILS(load_elf(p_big, NULL, NULL, NULL, NULL, &err_), e);
    g_free(e);

    /* all or nothing: segment 0 fits, segment 1 does not */
    e = g_strdup_printf("'%s' segment 1: 0x20000000-0x2000000f is not in RAM "
                        "or ROM (RAM and ROM: 'mrom' 0x1000-0x1fff, 'ram' "
                        "0x80000000-0x800fffff)",
                        p_partly);
    ASSERT_LOAD_FAILS(load_elf(p_partly, NULL, NULL, NULL, NULL, &err_), e);
    g_free(e);

    e = g_strdup_printf("'%s' segment 1 (0x80009080-0x8000908f) overlaps "
                        "another segment of the same file (0x80009000-"
                        "0x800090ff)",
                        p_self);
    ASSERT_LOAD_FAILS(load_elf(p_self, NULL, NULL, NULL, NULL, &err_), e);
    g_free(e);

    /* overlapping images: both named */
    g_assert_true(load_elf(p_good, NULL, NULL, NULL, NULL, &error_abort));
    e = g_strdup_printf("'%s' (0x80000008-0x80000017) overlaps '%s' "
                        "(0x80000000-0x8000000f)",
                        p_raw, p_good);
    ASSERT_LOAD_FAILS(
        load_image_targphys(p_raw, RAM_BASE + 8, 0x1000, &err_) >= 0, e);
    g_free(e);
    e = g_strdup_printf("'%s' segment 0 (0x80000000-0x8000000f) overlaps "
                        "'%s' (0x80000000-0x8000000f)",
                        p_good, p_good);
    ASSERT_LOAD_FAILS(load_elf(p_good, NULL, NULL, NULL, NULL, &err_), e);
    g_free(e);
    ASSERT_LOAD_FAILS(
        rom_add_blob_fixed("dtb", text, sizeof(text), RAM_BASE + 0xc, &err_),
        e = g_strdup_printf("'dtb' (0x8000000c-0x8000001b) "
                            "overlaps '%s' (0x80000000-"
                            "0x8000000f)",
                            p_good));
    g_free(e);
    e = g_strdup_printf("'%s' is not an ELF file", p_raw);
    ASSERT_LOAD_FAILS(elf_get_class(p_raw, &err_) != 0, e);

    board_free(b);
}

static void test_gcc_fixture(void)
{
    Board *b = board_new();
    uint64_t entry = 0, low = 0, high = 0, tohost = 0, fromhost = 0;

    g_assert_true(
        load_elf(fixture_elf, NULL, &entry, &low, &high, &error_abort));
    g_assert_cmphex(entry, ==, RAM_BASE);
    g_assert_cmphex(low, ==, RAM_BASE);
    g_assert_true(
        elf_lookup_symbol(fixture_elf, "tohost", &tohost, &error_abort));
    g_assert_true(
        elf_lookup_symbol(fixture_elf, "fromhost", &fromhost, &error_abort));
    g_assert_cmphex(tohost & 0xfff, ==, 0);
    g_assert_cmphex(fromhost, ==, tohost + 0x40);
    g_assert_cmphex(high, >=, fromhost + 8);
    /* the first instruction: auipc t0, 0 (see test-loader-fixture.S) */
    g_assert_cmphex(address_space_ldl_le(AS, entry, ATTRS, NULL), ==,
                    0x00000297);
    /* tohost is in bss-like zeroed data */
    g_assert_cmphex(address_space_ldq_le(AS, tohost, ATTRS, NULL), ==, 0);
    g_assert_cmpint(elf_get_class(fixture_elf, &error_abort), ==, 64);

    board_free(b);
}

int main(int argc, char **argv)
{
    g_autofree char *exe_dir = g_path_get_dirname(argv[0]);
    int ret;

    g_test_init(&argc, &argv, NULL);
    module_call_init(MODULE_INIT_QOM);
    tmpdir = g_dir_make_tmp("test-loader-XXXXXX", NULL);
    g_assert_nonnull(tmpdir);

    g_test_add_func("/loader/elf/64", test_elf64);
    g_test_add_func("/loader/elf/32", test_elf32);
    g_test_add_func("/loader/elf/virtual-entry", test_elf_virtual);
    g_test_add_func("/loader/elf/into-rom", test_elf_into_rom);
    g_test_add_func("/loader/raw", test_raw_image);
    g_test_add_func("/loader/rom/reset", test_rom_reset);
    g_test_add_func("/loader/bad-images", test_bad_images);
    /* built by meson with riscv64-unknown-elf-gcc when it is installed */
    fixture_elf = g_build_filename(exe_dir, "test-loader-fixture.elf", NULL);
    if (g_file_test(fixture_elf, G_FILE_TEST_EXISTS)) {
        g_test_add_func("/loader/elf/gcc-built", test_gcc_fixture);
    }

    ret = g_test_run();
    {
        g_autoptr(GDir) dir = g_dir_open(tmpdir, 0, NULL);
        const char *name;

        while (dir && (name = g_dir_read_name(dir))) {
            g_autofree char *p = g_build_filename(tmpdir, name, NULL);
            unlink(p);
        }
    }
    rmdir(tmpdir);
    g_free(tmpdir);
    g_free(fixture_elf);
    return ret;
}

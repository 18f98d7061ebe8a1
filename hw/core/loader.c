/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * loader.c: guest image loaders (RISC-V ELF through libelf, raw binaries)
 * and the ROM list re-applied at reset.  See include/hw/loader.h and
 * docs/devel/memory.md.
 */
#include "qomu/osdep.h"
#include "qapi/error.h"
#include "exec/memory.h"
#include "exec/address-spaces.h"
#include "hw/loader.h"

#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>
#include <gelf.h>
#include <libelf.h>

#ifndef EM_RISCV
#define EM_RISCV 243
#endif

/* One blob of the ROM list. */
typedef struct Rom {
    char *name;
    AddressSpace *as;
    hwaddr addr;
    uint64_t romsize;  /* bytes it occupies in guest memory */
    uint64_t datasize; /* bytes of data; the rest is zero (bss) */
    uint8_t *data;
    bool isrom; /* it lies in ROM (for `info roms`) */
} Rom;

/* Sorted by address. */
static GPtrArray *roms;

static AddressSpace *loader_as(AddressSpace *as)
{
    if (!as) {
        memory_map_init();
        return &address_space_memory;
    }
    return as;
}

static void rom_free(Rom *rom)
{
    g_free(rom->name);
    g_free(rom->data);
    g_free(rom);
}

/* Checking where a blob goes */

typedef struct RamScan {
    GString *list;  /* "'ram' 0x80000000-0xbfffffff, ..." */
    GArray *ranges; /* MemoryRegionSection of RAM and ROM */
} RamScan;

static bool collect_ram(const MemoryRegionSection *s, void *opaque)
{
    RamScan *scan = opaque;

    if (memory_region_is_ram(s->mr)) {
        uint64_t last = s->offset_within_address_space + s->size - 1;

        g_string_append_printf(scan->list, "%s'%s' 0x%" PRIx64 "-0x%" PRIx64,
                               scan->list->len ? ", " : "",
                               memory_region_name(s->mr),
                               (uint64_t)s->offset_within_address_space, last);
        g_array_append_val(scan->ranges, *s);
    }
    return false;
}

/*
 * Check that [@addr, @addr + @size) lies in RAM or ROM of @as; *@isrom
 * says whether it starts in ROM.
 */
static bool rom_check_fits(const char *label, AddressSpace *as, hwaddr addr,
                           uint64_t size, bool *isrom, Error **errp)
{
    RamScan scan = {
        .list = g_string_new(""),
        .ranges = g_array_new(false, false, sizeof(MemoryRegionSection)),
    };
    const MemoryRegionSection *first = NULL;
    hwaddr cur = addr;
    hwaddr last = addr + size - 1;
    bool ok = false;
    guint i;

    *isrom = false;
    if (size == 0) {
        ok = true;
        goto out;
    }
    if (last < addr) {
        error_setg(errp,
                   "%s: 0x%" PRIx64 " bytes at 0x%" PRIx64
                   " go beyond the end of the address space",
                   label, size, (uint64_t)addr);
        goto out;
    }
    address_space_for_each_range(as, collect_ram, &scan);
    for (i = 0; i < scan.ranges->len; i++) {
        const MemoryRegionSection *s =
            &g_array_index(scan.ranges, MemoryRegionSection, i);
        hwaddr s_last = s->offset_within_address_space + s->size - 1;

        if (cur >= s->offset_within_address_space && cur <= s_last) {
            if (!first) {
                first = s;
                *isrom = s->readonly;
            }
            if (s_last >= last) {
                ok = true;
                goto out;
            }
            cur = s_last + 1;
        }
    }
    if (!first) {
        error_setg(
            errp, "%s: 0x%" PRIx64 "-0x%" PRIx64 " is not in RAM or ROM (%s%s)",
            label, (uint64_t)addr, (uint64_t)last,
            scan.list->len ? "RAM and ROM: " : "there is no RAM",
            scan.list->str);
    } else {
        error_setg(
            errp,
            "%s: 0x%" PRIx64 "-0x%" PRIx64
            " does not fit in RAM: '%s' is 0x%" PRIx64 "-0x%" PRIx64
            " (image too large by 0x%" PRIx64 " bytes)",
            label, (uint64_t)addr, (uint64_t)last,
            memory_region_name(first->mr),
            (uint64_t)first->offset_within_address_space,
            (uint64_t)(first->offset_within_address_space + first->size - 1),
            (uint64_t)(last - cur + 1));
    }
out:
    g_string_free(scan.list, true);
    g_array_free(scan.ranges, true);
    return ok;
}

static bool ranges_overlap(hwaddr a, uint64_t alen, hwaddr b, uint64_t blen)
{
    return alen && blen && a <= b + (blen - 1) && b <= a + (alen - 1);
}

static bool rom_check_overlap(const char *label, AddressSpace *as, hwaddr addr,
                              uint64_t size, Error **errp)
{
    guint i;

    for (i = 0; roms && i < roms->len; i++) {
        Rom *other = g_ptr_array_index(roms, i);

        if (other->as == as &&
            ranges_overlap(addr, size, other->addr, other->romsize)) {
            error_setg(errp,
                       "%s (0x%" PRIx64 "-0x%" PRIx64 ") overlaps '%s'"
                       " (0x%" PRIx64 "-0x%" PRIx64 ")",
                       label, (uint64_t)addr, (uint64_t)(addr + size - 1),
                       other->name, (uint64_t)other->addr,
                       (uint64_t)(other->addr + other->romsize - 1));
            return false;
        }
    }
    return true;
}

/* Adding and writing blobs */

static void rom_write(Rom *rom)
{
    static const uint8_t zeros[4096];
    uint64_t done;

    address_space_write_rom(rom->as, rom->addr, MEMTXATTRS_UNSPECIFIED,
                            rom->data, rom->datasize);
    for (done = rom->datasize; done < rom->romsize;) {
        uint64_t n = MIN(rom->romsize - done, sizeof(zeros));

        address_space_write_rom(rom->as, rom->addr + done,
                                MEMTXATTRS_UNSPECIFIED, zeros, n);
        done += n;
    }
}

static gint rom_compare(gconstpointer a, gconstpointer b)
{
    const Rom *x = *(Rom *const *)a;
    const Rom *y = *(Rom *const *)b;

    return x->addr < y->addr ? -1 : x->addr > y->addr;
}

/* Insert an already checked blob (taking @data) and write it. */
static void rom_insert(const char *name, AddressSpace *as, hwaddr addr,
                       uint8_t *data, uint64_t datasize, uint64_t romsize,
                       bool isrom)
{
    Rom *rom = g_new0(Rom, 1);

    rom->name = g_strdup(name);
    rom->as = as;
    rom->addr = addr;
    rom->data = data;
    rom->datasize = datasize;
    rom->romsize = romsize;
    rom->isrom = isrom;
    if (!roms) {
        roms = g_ptr_array_new_with_free_func((GDestroyNotify)rom_free);
    }
    g_ptr_array_add(roms, rom);
    g_ptr_array_sort(roms, rom_compare);
    rom_write(rom);
}

bool rom_add_blob_fixed_as(const char *name, const void *blob, size_t len,
                           hwaddr addr, AddressSpace *as, Error **errp)
{
    g_autofree char *label = g_strdup_printf("'%s'", name);
    bool isrom;

    as = loader_as(as);
    if (!rom_check_fits(label, as, addr, len, &isrom, errp) ||
        !rom_check_overlap(label, as, addr, len, errp)) {
        return false;
    }
    rom_insert(name, as, addr, g_memdup2(blob, len), len, len, isrom);
    return true;
}

bool rom_add_blob_fixed(const char *name, const void *blob, size_t len,
                        hwaddr addr, Error **errp)
{
    return rom_add_blob_fixed_as(name, blob, len, addr, NULL, errp);
}

void rom_reset(void)
{
    guint i;

    for (i = 0; roms && i < roms->len; i++) {
        rom_write(g_ptr_array_index(roms, i));
    }
}

char *rom_info_text(void)
{
    GString *out = g_string_new("");
    guint i;

    for (i = 0; roms && i < roms->len; i++) {
        Rom *rom = g_ptr_array_index(roms, i);

        g_string_append_printf(out,
                               "addr=%016" PRIx64 " size=0x%06" PRIx64
                               " mem=%s name=\"%s\"\n",
                               (uint64_t)rom->addr, rom->romsize,
                               rom->isrom ? "rom" : "ram", rom->name);
    }
    return g_string_free(out, false);
}

void rom_list_free(void)
{
    if (roms) {
        g_ptr_array_free(roms, true);
        roms = NULL;
    }
}

/* Raw images */

ssize_t get_image_size(const char *filename)
{
    struct stat st;

    if (stat(filename, &st) < 0 || !S_ISREG(st.st_mode)) {
        return -1;
    }
    return st.st_size;
}

ssize_t load_image_targphys_as(const char *filename, hwaddr addr,
                               uint64_t max_sz, AddressSpace *as, Error **errp)
{
    g_autofree char *label = g_strdup_printf("'%s'", filename);
    g_autofree uint8_t *data = NULL;
    struct stat st;
    uint64_t size;
    bool isrom;
    int fd;

    as = loader_as(as);
    fd = open(filename, O_RDONLY);
    if (fd < 0) {
        error_setg_errno(errp, errno, "cannot open '%s'", filename);
        return -1;
    }
    if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
        error_setg(errp, "'%s' is not a regular file", filename);
        close(fd);
        return -1;
    }
    size = st.st_size;
    if (size > max_sz) {
        error_setg(errp,
                   "'%s' is 0x%" PRIx64 " bytes, more than the 0x%" PRIx64
                   " bytes available at 0x%" PRIx64,
                   filename, size, max_sz, (uint64_t)addr);
        close(fd);
        return -1;
    }
    data = g_malloc(size ? size : 1);
    if (size && pread(fd, data, size, 0) != (ssize_t)size) {
        error_setg_errno(errp, errno ? errno : EIO, "cannot read '%s'",
                         filename);
        close(fd);
        return -1;
    }
    close(fd);
    if (!rom_check_fits(label, as, addr, size, &isrom, errp) ||
        !rom_check_overlap(label, as, addr, size, errp)) {
        return -1;
    }
    rom_insert(filename, as, addr, g_steal_pointer(&data), size, size, isrom);
    return size;
}

ssize_t load_image_targphys(const char *filename, hwaddr addr, uint64_t max_sz,
                            Error **errp)
{
    return load_image_targphys_as(filename, addr, max_sz, NULL, errp);
}

/* ELF */

typedef struct ElfFile {
    const char *filename;
    int fd;
    Elf *elf;
    uint64_t file_size;
    GElf_Ehdr ehdr;
} ElfFile;

static const char *elf_machine_name(unsigned machine)
{
    static const struct {
        unsigned machine;
        const char *name;
    } names[] = {
        {EM_386, "Intel 80386"},
        {EM_X86_64, "x86-64"},
        {EM_ARM, "ARM"},
        {EM_AARCH64, "AArch64"},
        {EM_MIPS, "MIPS"},
        {EM_PPC, "PowerPC"},
        {EM_PPC64, "PowerPC64"},
        {EM_S390, "IBM S/390"},
        {EM_SPARC, "SPARC"},
        {EM_SPARCV9, "SPARC v9"},
        {EM_SH, "SuperH"},
        {EM_68K, "Motorola 68000"},
        {EM_LOONGARCH, "LoongArch"},
        {EM_XTENSA, "Xtensa"},
        {EM_NONE, "no machine"},
    };
    size_t i;

    for (i = 0; i < ARRAY_SIZE(names); i++) {
        if (names[i].machine == machine) {
            return names[i].name;
        }
    }
    return NULL;
}

static void elf_file_close(ElfFile *ef)
{
    if (ef->elf) {
        elf_end(ef->elf);
        ef->elf = NULL;
    }
    if (ef->fd >= 0) {
        close(ef->fd);
        ef->fd = -1;
    }
}

/* Open @filename and check it is a RISC-V ELF file. */
static bool elf_file_open(ElfFile *ef, const char *filename, Error **errp)
{
    struct stat st;
    const char *ident;
    size_t ident_len = 0;
    size_t ehdr_size;

    memset(ef, 0, sizeof(*ef));
    ef->filename = filename;
    ef->fd = open(filename, O_RDONLY);
    if (ef->fd < 0) {
        error_setg_errno(errp, errno, "cannot open '%s'", filename);
        return false;
    }
    if (fstat(ef->fd, &st) < 0 || !S_ISREG(st.st_mode)) {
        error_setg(errp, "'%s' is not a regular file", filename);
        goto fail;
    }
    ef->file_size = st.st_size;
    if (elf_version(EV_CURRENT) == EV_NONE) {
        error_setg(errp, "libelf is out of date: %s", elf_errmsg(-1));
        goto fail;
    }
    ef->elf = elf_begin(ef->fd, ELF_C_READ, NULL);
    if (!ef->elf || elf_kind(ef->elf) != ELF_K_ELF) {
        if (ef->file_size >= 4 && ef->file_size < EI_NIDENT + 4) {
            /* Could be a cut-down ELF: check the magic ourselves. */
            char magic[4];
            if (pread(ef->fd, magic, 4, 0) == 4 && !memcmp(magic, ELFMAG, 4)) {
                error_setg(errp,
                           "'%s' is truncated: 0x%" PRIx64
                           " bytes, too short for an ELF header",
                           filename, ef->file_size);
                goto fail;
            }
        }
        error_setg(errp, "'%s' is not an ELF file", filename);
        goto fail;
    }
    ident = elf_getident(ef->elf, &ident_len);
    if (!ident || ident_len < EI_NIDENT) {
        error_setg(errp, "'%s' is truncated: too short for an ELF header",
                   filename);
        goto fail;
    }
    if (ident[EI_CLASS] != ELFCLASS32 && ident[EI_CLASS] != ELFCLASS64) {
        error_setg(errp, "'%s' has an unknown ELF class %d", filename,
                   ident[EI_CLASS]);
        goto fail;
    }
    ehdr_size =
        ident[EI_CLASS] == ELFCLASS64 ? sizeof(Elf64_Ehdr) : sizeof(Elf32_Ehdr);
    if (ef->file_size < ehdr_size || !gelf_getehdr(ef->elf, &ef->ehdr)) {
        error_setg(errp,
                   "'%s' is truncated: 0x%" PRIx64 " bytes, too short"
                   " for an ELF header (0x%zx bytes)",
                   filename, ef->file_size, ehdr_size);
        goto fail;
    }
    if (ef->ehdr.e_machine != EM_RISCV) {
        const char *name = elf_machine_name(ef->ehdr.e_machine);

        if (name) {
            error_setg(errp, "'%s' is not a RISC-V ELF file (it is for %s)",
                       filename, name);
        } else {
            error_setg(errp,
                       "'%s' is not a RISC-V ELF file (it is for "
                       "machine %u)",
                       filename, ef->ehdr.e_machine);
        }
        goto fail;
    }
    if (ident[EI_DATA] != ELFDATA2LSB) {
        error_setg(errp,
                   "'%s' is big-endian; RISC-V ELF files are "
                   "little-endian",
                   filename);
        goto fail;
    }
    return true;

fail:
    elf_file_close(ef);
    return false;
}

int elf_get_class(const char *filename, Error **errp)
{
    ElfFile ef;
    int bits;

    if (!elf_file_open(&ef, filename, errp)) {
        return 0;
    }
    bits = gelf_getclass(ef.elf) == ELFCLASS64 ? 64 : 32;
    elf_file_close(&ef);
    return bits;
}

typedef struct ElfSegment {
    uint8_t *data;
    hwaddr addr;
    uint64_t memsz;
    uint64_t filesz;
    uint64_t offset;
    uint64_t vaddr;
    bool isrom;
} ElfSegment;

bool load_elf(const char *filename, AddressSpace *as, uint64_t *pentry,
              uint64_t *plowaddr, uint64_t *phighaddr, Error **errp)
{
    g_autoptr(GArray) segs = g_array_new(false, false, sizeof(ElfSegment));
    uint64_t low = UINT64_MAX, high = 0, entry;
    size_t phnum, i, j;
    ElfFile ef;
    bool ok = false;

    as = loader_as(as);
    if (!elf_file_open(&ef, filename, errp)) {
        return false;
    }
    if (ef.ehdr.e_type != ET_EXEC && ef.ehdr.e_type != ET_DYN) {
        error_setg(errp, "'%s' is not an executable (ELF type %s)", filename,
                   ef.ehdr.e_type == ET_REL    ? "REL, an object file"
                   : ef.ehdr.e_type == ET_CORE ? "CORE, a core dump"
                                               : "unknown");
        goto out;
    }
    if (elf_getphdrnum(ef.elf, &phnum) != 0 ||
        ef.ehdr.e_phoff + (uint64_t)phnum * ef.ehdr.e_phentsize >
            ef.file_size) {
        error_setg(errp,
                   "'%s' is truncated: its program headers end past "
                   "the end of the file (0x%" PRIx64 " bytes)",
                   filename, ef.file_size);
        goto out;
    }
    for (i = 0; i < phnum; i++) {
        GElf_Phdr ph;
        ElfSegment seg;
        g_autofree char *label = NULL;

        if (!gelf_getphdr(ef.elf, i, &ph)) {
            error_setg(errp,
                       "'%s' is truncated: program header %zu cannot "
                       "be read (%s)",
                       filename, i, elf_errmsg(-1));
            goto out;
        }
        if (ph.p_type != PT_LOAD || ph.p_memsz == 0) {
            continue;
        }
        label = g_strdup_printf("'%s' segment %zu", filename, i);
        if (ph.p_filesz > ph.p_memsz) {
            error_setg(errp,
                       "%s is malformed: 0x%" PRIx64 " bytes in the "
                       "file but 0x%" PRIx64 " in memory",
                       label, (uint64_t)ph.p_filesz, (uint64_t)ph.p_memsz);
            goto out;
        }
        if (ph.p_offset > ef.file_size ||
            ph.p_filesz > ef.file_size - ph.p_offset) {
            error_setg(errp,
                       "'%s' is truncated: segment %zu needs file bytes "
                       "0x%" PRIx64 "-0x%" PRIx64 " but the file has 0x%" PRIx64
                       " bytes",
                       filename, i, (uint64_t)ph.p_offset,
                       (uint64_t)(ph.p_offset + ph.p_filesz - 1), ef.file_size);
            goto out;
        }
        seg = (ElfSegment){
            .addr = ph.p_paddr,
            .memsz = ph.p_memsz,
            .filesz = ph.p_filesz,
            .offset = ph.p_offset,
            .vaddr = ph.p_vaddr,
        };
        if (!rom_check_fits(label, as, seg.addr, seg.memsz, &seg.isrom, errp) ||
            !rom_check_overlap(label, as, seg.addr, seg.memsz, errp)) {
            goto out;
        }
        for (j = 0; j < segs->len; j++) {
            ElfSegment *o = &g_array_index(segs, ElfSegment, j);
            if (ranges_overlap(seg.addr, seg.memsz, o->addr, o->memsz)) {
                error_setg(errp,
                           "%s (0x%" PRIx64 "-0x%" PRIx64 ") overlaps "
                           "another segment of the same file (0x%" PRIx64
                           "-0x%" PRIx64 ")",
                           label, (uint64_t)seg.addr,
                           (uint64_t)(seg.addr + seg.memsz - 1),
                           (uint64_t)o->addr,
                           (uint64_t)(o->addr + o->memsz - 1));
                goto out;
            }
        }
        seg.data = g_malloc(seg.filesz ? seg.filesz : 1);
        g_array_append_val(segs, seg);
        if (seg.filesz && pread(ef.fd, seg.data, seg.filesz, seg.offset) !=
                              (ssize_t)seg.filesz) {
            error_setg_errno(errp, errno ? errno : EIO, "cannot read '%s'",
                             filename);
            goto out;
        }
    }
    if (segs->len == 0) {
        error_setg(errp, "'%s' has nothing to load (no PT_LOAD segment)",
                   filename);
        goto out;
    }

    entry = ef.ehdr.e_entry;
    for (i = 0; i < segs->len; i++) {
        ElfSegment *seg = &g_array_index(segs, ElfSegment, i);

        rom_insert(filename, as, seg->addr, g_steal_pointer(&seg->data),
                   seg->filesz, seg->memsz, seg->isrom);
        low = MIN(low, seg->addr);
        high = MAX(high, seg->addr + seg->memsz);
        /* A kernel linked at virtual addresses enters at its physical one. */
        if (entry >= seg->vaddr && entry - seg->vaddr < seg->memsz &&
            seg->vaddr != seg->addr) {
            entry = entry - seg->vaddr + seg->addr;
        }
    }
    if (pentry) {
        *pentry = entry;
    }
    if (plowaddr) {
        *plowaddr = low;
    }
    if (phighaddr) {
        *phighaddr = high;
    }
    ok = true;
out:
    for (i = 0; i < segs->len; i++) {
        g_free(g_array_index(segs, ElfSegment, i).data);
    }
    elf_file_close(&ef);
    return ok;
}

bool elf_lookup_symbol(const char *filename, const char *name, uint64_t *value,
                       Error **errp)
{
    Elf_Scn *scn = NULL;
    ElfFile ef;
    bool found = false;
    int pass;

    if (!elf_file_open(&ef, filename, errp)) {
        return false;
    }
    /* The full symbol table first, then the dynamic one. */
    for (pass = 0; pass < 2 && !found; pass++) {
        Elf64_Word want = pass == 0 ? SHT_SYMTAB : SHT_DYNSYM;

        scn = NULL;
        while (!found && (scn = elf_nextscn(ef.elf, scn)) != NULL) {
            GElf_Shdr sh;
            Elf_Data *data;
            size_t k, n;

            if (!gelf_getshdr(scn, &sh) || sh.sh_type != want ||
                sh.sh_entsize == 0) {
                continue;
            }
            data = elf_getdata(scn, NULL);
            if (!data) {
                continue;
            }
            n = sh.sh_size / sh.sh_entsize;
            for (k = 0; k < n; k++) {
                GElf_Sym sym;
                const char *sname;

                if (!gelf_getsym(data, k, &sym)) {
                    break;
                }
                sname = elf_strptr(ef.elf, sh.sh_link, sym.st_name);
                if (sname && sym.st_shndx != SHN_UNDEF &&
                    !strcmp(sname, name)) {
                    *value = sym.st_value;
                    found = true;
                    break;
                }
            }
        }
    }
    if (!found) {
        error_setg(errp, "symbol '%s' not found in '%s'", name, filename);
    }
    elf_file_close(&ef);
    return found;
}

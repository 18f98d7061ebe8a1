/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * boot.c: RISC-V boot helpers (QEMU's hw/riscv/boot.c): firmware search and
 * loading, kernel and initrd placement, the device tree's address, the
 * reset ROM with the fw_dynamic info OpenSBI reads.
 */
#include "qomu/osdep.h"
#include "config-host.h"
#include <libfdt.h>
#include "qapi/error.h"
#include "exec/address-spaces.h"
#include "hw/loader.h"
#include "hw/riscv/boot.h"

#define MiB (1024ULL * 1024)
#define GiB (1024ULL * MiB)
#define RISCV_KERNEL_ALIGN (2 * MiB) /* RV64 (RV32 would be 4 MiB) */

/*
 * Where firmware named without a directory is looked for: the install's
 * data directory, then Debian's opensbi and qemu-system-data packages.
 */
static const char *const firmware_dirs[] = {
    QOMU_DATADIR,
    "/usr/lib/riscv64-linux-gnu/opensbi/generic",
    "/usr/share/qemu",
};

static hwaddr align_up(hwaddr v, hwaddr align)
{
    return (v + align - 1) & ~(align - 1);
}

static bool file_is_elf(const char *filename)
{
    uint8_t magic[4] = {0};
    FILE *f = fopen(filename, "rb");
    bool elf;

    if (!f) {
        return false;
    }
    elf = fread(magic, 1, sizeof(magic), f) == sizeof(magic) && !memcmp(magic,
                                                                        "\x7f"
                                                                        "ELF",
                                                                        4);
    fclose(f);
    return elf;
}

bool riscv_is_bios_none(MachineState *ms)
{
    return ms->firmware && !strcmp(ms->firmware, "none");
}

char *riscv_find_firmware(const char *name, Error **errp)
{
    g_autoptr(GString) tried = g_string_new(NULL);

    if (g_file_test(name, G_FILE_TEST_IS_REGULAR)) {
        return g_strdup(name);
    }
    g_string_append(tried, name);
    if (strchr(name, '/')) {
        error_setg(errp, "firmware '%s' not found", name);
        return NULL;
    }
    for (size_t i = 0; i < ARRAY_SIZE(firmware_dirs); i++) {
        char *path = g_build_filename(firmware_dirs[i], name, NULL);

        if (g_file_test(path, G_FILE_TEST_IS_REGULAR)) {
            return path;
        }
        g_string_append_printf(tried, ", %s", path);
        g_free(path);
    }
    error_setg(errp,
               "firmware '%s' not found (tried %s); install Debian's "
               "opensbi package or give -bios FILE",
               name, tried->str);
    return NULL;
}

/* ELF at its own addresses, else a raw image at @addr up to @limit. */
static bool riscv_load_image(const char *filename, hwaddr addr, hwaddr limit,
                             uint64_t *entry, hwaddr *end, Error **errp)
{
    ssize_t size;

    if (file_is_elf(filename)) {
        uint64_t high = 0;

        if (!load_elf(filename, &address_space_memory, entry, NULL, &high,
                      errp)) {
            return false;
        }
        *end = high;
        return true;
    }
    size = get_image_size(filename);
    if (size < 0) {
        error_setg(errp, "cannot open: %s", g_strerror(errno));
        return false;
    }
    if (addr >= limit || (uint64_t)size > limit - addr) {
        error_setg(errp,
                   "image of %zd bytes does not fit in RAM at 0x%" PRIx64
                   " (RAM ends at 0x%" PRIx64 "; try a larger -m)",
                   size, (uint64_t)addr, (uint64_t)limit);
        return false;
    }
    if (load_image_targphys(filename, addr, limit - addr, errp) < 0) {
        return false;
    }
    *entry = addr;
    *end = addr + size;
    return true;
}

bool riscv_find_and_load_firmware(MachineState *ms, const char *default_name,
                                  hwaddr firmware_load_addr,
                                  hwaddr *firmware_end, Error **errp)
{
    const char *name = ms->firmware;
    g_autofree char *path = NULL;
    uint64_t entry;

    *firmware_end = firmware_load_addr;
    if (riscv_is_bios_none(ms)) {
        return true;
    }
    if (!name || !strcmp(name, "default")) {
        name = default_name;
    }
    path = riscv_find_firmware(name, errp);
    if (!path) {
        error_prepend(errp,
                      "-bios %s: ", ms->firmware ? ms->firmware : "default");
        return false;
    }
    if (!riscv_load_image(path, firmware_load_addr,
                          firmware_load_addr + ms->ram_size, &entry,
                          firmware_end, errp)) {
        error_prepend(errp, "-bios %s: ", path);
        return false;
    }
    return true;
}

hwaddr riscv_calc_kernel_start_addr(hwaddr firmware_end_addr)
{
    return align_up(firmware_end_addr, RISCV_KERNEL_ALIGN);
}

bool riscv_load_kernel(MachineState *ms, hwaddr ram_base,
                       hwaddr kernel_start_addr, uint64_t *entry, Error **errp)
{
    hwaddr end;

    if (access(ms->kernel_filename, R_OK) != 0) {
        error_setg(errp, "-kernel %s: cannot open: %s", ms->kernel_filename,
                   g_strerror(errno));
        return false;
    }
    if (!riscv_load_image(ms->kernel_filename, kernel_start_addr,
                          ram_base + ms->ram_size, entry, &end, errp)) {
        error_prepend(errp, "-kernel %s: ", ms->kernel_filename);
        return false;
    }
    return true;
}

bool riscv_load_initrd(MachineState *ms, hwaddr ram_base, uint64_t kernel_entry,
                       Error **errp)
{
    hwaddr ram_end = ram_base + ms->ram_size;
    hwaddr start = kernel_entry + MIN(ms->ram_size / 2, 128 * MiB);
    ssize_t size = get_image_size(ms->initrd_filename);
    int chosen;

    if (size < 0) {
        error_setg(errp, "-initrd %s: cannot open: %s", ms->initrd_filename,
                   g_strerror(errno));
        return false;
    }
    if (start >= ram_end || (uint64_t)size > ram_end - start) {
        error_setg(errp,
                   "-initrd %s: %zd bytes do not fit in RAM at 0x%" PRIx64
                   " (RAM ends at 0x%" PRIx64 "; try a larger -m)",
                   ms->initrd_filename, size, (uint64_t)start,
                   (uint64_t)ram_end);
        return false;
    }
    if (load_image_targphys(ms->initrd_filename, start, ram_end - start, errp) <
        0) {
        error_prepend(errp, "-initrd %s: ", ms->initrd_filename);
        return false;
    }
    chosen = fdt_path_offset(ms->fdt, "/chosen");
    if (chosen < 0) {
        chosen = fdt_add_subnode(ms->fdt, 0, "chosen");
    }
    if (chosen < 0 ||
        fdt_setprop_u64(ms->fdt, chosen, "linux,initrd-start", start) ||
        fdt_setprop_u64(ms->fdt, chosen, "linux,initrd-end", start + size)) {
        error_setg(errp, "-initrd: cannot record it in the device tree");
        return false;
    }
    return true;
}

uint64_t riscv_compute_fdt_addr(hwaddr dram_base, hwaddr dram_size,
                                MachineState *ms)
{
    hwaddr dram_end = dram_base + dram_size;
    hwaddr top;

    fdt_pack(ms->fdt);
    ms->fdt_size = fdt_totalsize(ms->fdt);
    /*
     * As high as possible, so that the kernel and initrd do not overwrite
     * it, but below 3 GiB so that 32-bit code can reach it (QEMU's rule).
     */
    top = dram_base < 3 * GiB ? MIN(dram_end, 3 * GiB) : dram_end;
    return (top - ms->fdt_size) & ~(2 * MiB - 1);
}

bool riscv_load_fdt(hwaddr fdt_addr, void *fdt, Error **errp)
{
    if (!rom_add_blob_fixed("fdt", fdt, fdt_totalsize(fdt), fdt_addr, errp)) {
        error_prepend(errp, "device tree at 0x%" PRIx64 ": ",
                      (uint64_t)fdt_addr);
        return false;
    }
    return true;
}

bool riscv_setup_rom_reset_vec(MachineState *ms, hwaddr start_addr,
                               hwaddr rom_base, hwaddr rom_size,
                               uint64_t kernel_entry, uint64_t fdt_load_addr,
                               Error **errp)
{
    uint32_t reset_vec[10] = {
        0x00000297,           /* 1: auipc t0, %pcrel_hi(fw_dyn)      */
        0x02828613,           /*    addi  a2, t0, %pcrel_lo(1b) (40) */
        0xf1402573,           /*    csrr  a0, mhartid                */
        0x0202b583,           /*    ld    a1, 32(t0)  fdt_laddr      */
        0x0182b283,           /*    ld    t0, 24(t0)  start          */
        0x00028067,           /*    jr    t0                         */
        (uint32_t)start_addr, /* start: .dword */
        (uint32_t)(start_addr >> 32),
        (uint32_t)fdt_load_addr, /* fdt_laddr: .dword */
        (uint32_t)(fdt_load_addr >> 32),
        /* fw_dyn: */
    };
    struct fw_dynamic_info dinfo = {
        .magic = GUINT64_TO_LE(FW_DYNAMIC_INFO_MAGIC_VALUE),
        .version = GUINT64_TO_LE(FW_DYNAMIC_INFO_VERSION),
        .next_addr = GUINT64_TO_LE(kernel_entry),
        .next_mode = GUINT64_TO_LE(FW_DYNAMIC_INFO_NEXT_MODE_S),
        .options = 0,
        .boot_hart = 0,
    };

    for (size_t i = 0; i < ARRAY_SIZE(reset_vec); i++) {
        reset_vec[i] = GUINT32_TO_LE(reset_vec[i]);
    }
    g_assert(sizeof(reset_vec) + sizeof(dinfo) <= rom_size);
    return rom_add_blob_fixed("mrom.reset", reset_vec, sizeof(reset_vec),
                              rom_base, errp) &&
           rom_add_blob_fixed("mrom.finfo", &dinfo, sizeof(dinfo),
                              rom_base + sizeof(reset_vec), errp);
}

bool riscv_fdt_set_chosen(MachineState *ms, void *fdt, Error **errp)
{
    int chosen = fdt_path_offset(fdt, "/chosen");

    if (chosen < 0) {
        chosen = fdt_add_subnode(fdt, 0, "chosen");
    }
    if (chosen < 0 ||
        (ms->kernel_cmdline && *ms->kernel_cmdline &&
         fdt_setprop_string(fdt, chosen, "bootargs", ms->kernel_cmdline))) {
        error_setg(errp, "cannot write /chosen of the device tree: %s",
                   fdt_strerror(chosen < 0 ? chosen : -FDT_ERR_NOSPACE));
        return false;
    }
    return true;
}

bool riscv_load_user_dtb(MachineState *ms, Error **errp)
{
    g_autofree char *blob = NULL;
    gsize len = 0;
    GError *gerr = NULL;
    int size;
    int err;

    if (!g_file_get_contents(ms->dtb, &blob, &len, &gerr)) {
        error_setg(errp, "-dtb %s: %s", ms->dtb, gerr->message);
        g_error_free(gerr);
        return false;
    }
    if (len < sizeof(struct fdt_header) || fdt_check_header(blob) != 0 ||
        fdt_totalsize(blob) > len) {
        error_setg(errp,
                   "-dtb %s: not a flattened device tree (dtc -O dtb "
                   "makes one)",
                   ms->dtb);
        return false;
    }
    /* Room for /chosen bootargs and initrd. */
    size = fdt_totalsize(blob) + 64 * 1024 +
           (ms->kernel_cmdline ? strlen(ms->kernel_cmdline) : 0);
    g_free(ms->fdt);
    ms->fdt = g_malloc0(size);
    err = fdt_open_into(blob, ms->fdt, size);
    if (err) {
        error_setg(errp, "-dtb %s: %s", ms->dtb, fdt_strerror(err));
        return false;
    }
    ms->fdt_size = size;
    return true;
}

bool riscv_dumpdtb(MachineState *ms, Error **errp)
{
    GError *gerr = NULL;

    if (!g_file_set_contents(ms->dumpdtb, ms->fdt, fdt_totalsize(ms->fdt),
                             &gerr)) {
        error_setg(errp, "-machine dumpdtb=%s: %s", ms->dumpdtb, gerr->message);
        g_error_free(gerr);
        return false;
    }
    return true;
}

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-riscv-cpu.c: the RISC-V CPU as a QOM device on the memory API:
 * properties and realize checks, GPIO interrupt lines, the RAM write hook,
 * and the project's ISA test firmware (tests/firmware, *-spike.elf) run to
 * completion on a minimal spike-like harness (RAM, a CLINT, HTIF polling).
 */
#include "qomu/osdep.h"
#include "qomu/log.h"
#include "qomu/module.h"
#include "qapi/error.h"
#include "qom/object.h"
#include "exec/address-spaces.h"
#include "exec/memory.h"
#include "hw/irq.h"
#include "hw/loader.h"
#include "hw/qdev-properties.h"
#include "target/riscv/internal.h"
#include "riscv-asm.h"

#define RAM_BASE   0x80000000ULL
#define RAM_SIZE   (32 * 1024 * 1024)
#define CLINT_BASE 0x2000000ULL
#define TICK_SHIFT 4            /* mtime = retired instructions / 16 */

#define MAX_HARTS 4

typedef struct Board {
    Object *owner;
    MemoryRegion ram;
    MemoryRegion clint;
    RISCVCPU *cpu;              /* harts[0] */
    RISCVCPU *harts[MAX_HARTS];
    int nharts;
    uint64_t mtimecmp[MAX_HARTS];
    uint64_t time_skip;
    GString *console;
} Board;

/* mtime advances with the instructions all harts retire. */
static uint64_t board_mtime(Board *b)
{
    uint64_t n = 0;

    for (int i = 0; i < b->nharts; i++) {
        n += riscv_icount(&b->harts[i]->env);
    }
    return (n >> TICK_SHIFT) + b->time_skip;
}

static uint64_t board_rdtime(void *opaque)
{
    return board_mtime(opaque);
}

static void board_update_timer(Board *b)
{
    uint64_t now = board_mtime(b);

    for (int i = 0; i < b->nharts; i++) {
        riscv_cpu_set_irq(b->harts[i], IRQ_M_TIMER, now >= b->mtimecmp[i]);
    }
}

/* A CLINT: msip at 4 * hart, mtimecmp at 0x4000 + 8 * hart, mtime. */
static uint64_t clint_read(void *opaque, hwaddr addr, unsigned size)
{
    Board *b = opaque;
    uint64_t v = 0;

    if (addr < 4 * b->nharts) {
        v = (riscv_read_mip(&b->harts[addr / 4]->env) & MIP_MSIP) != 0;
    } else if (addr >= 0x4000 && addr < 0x4000 + 8 * b->nharts) {
        v = b->mtimecmp[(addr - 0x4000) / 8] >> (8 * (addr & 7));
    } else if (addr >= 0xbff8) {
        v = board_mtime(b) >> (8 * (addr - 0xbff8));
    }
    return v;
}

static void clint_write(void *opaque, hwaddr addr, uint64_t val,
                        unsigned size)
{
    Board *b = opaque;

    if (addr < 4 * b->nharts) {
        riscv_cpu_set_irq(b->harts[addr / 4], IRQ_M_SOFT, val & 1);
    } else if (addr >= 0x4000 && addr < 0x4000 + 8 * b->nharts) {
        uint64_t *cmp = &b->mtimecmp[(addr - 0x4000) / 8];

        if (size == 8) {
            *cmp = val;
        } else if (addr & 4) {
            *cmp = (*cmp & 0xffffffffULL) | (val << 32);
        } else {
            *cmp = (*cmp & ~0xffffffffULL) | (uint32_t)val;
        }
    }
    board_update_timer(b);
}

static const MemoryRegionOps clint_ops = {
    .read = clint_read,
    .write = clint_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 4, .max_access_size = 8 },
};

static Board *board_new_smp(const char *type, const char *props, int nharts)
{
    Board *b = g_new0(Board, 1);

    memory_map_init();
    b->owner = object_new(TYPE_CONTAINER);
    b->console = g_string_new("");
    b->nharts = nharts;
    g_assert_true(memory_region_init_ram(&b->ram, b->owner, "ram", RAM_SIZE,
                                         &error_abort));
    memory_region_add_subregion(get_system_memory(), RAM_BASE, &b->ram);
    memory_region_init_io(&b->clint, b->owner, &clint_ops, b, "clint",
                          0x10000);
    memory_region_add_subregion(get_system_memory(), CLINT_BASE, &b->clint);

    for (int h = 0; h < nharts; h++) {
        DeviceState *dev = qdev_new(type);
        g_autofree char *name = g_strdup_printf("harts[%d]", h);

        object_property_add_child(b->owner, name, OBJECT(dev));
        object_unref(OBJECT(dev));
        qdev_prop_set_uint64(dev, "resetvec", RAM_BASE);
        qdev_prop_set_uint64(dev, "mhartid", h);
        if (props) {
            g_auto(GStrv) kv = g_strsplit(props, ",", -1);

            for (int i = 0; kv[i]; i++) {
                g_auto(GStrv) p = g_strsplit(kv[i], "=", 2);

                g_assert_true(object_property_parse(OBJECT(dev), p[0], p[1],
                                                    &error_abort));
            }
        }
        b->harts[h] = RISCV_CPU(dev);
        b->mtimecmp[h] = UINT64_MAX;
    }
    b->cpu = b->harts[0];
    return b;
}

static Board *board_new(const char *type, const char *props)
{
    return board_new_smp(type, props, 1);
}

static void board_realize(Board *b)
{
    for (int h = 0; h < b->nharts; h++) {
        qdev_realize(DEVICE(b->harts[h]), NULL, &error_abort);
        device_cold_reset(DEVICE(b->harts[h]));
        riscv_cpu_set_rdtime_fn(&b->harts[h]->env, board_rdtime, b);
    }
}

static void board_free(Board *b)
{
    for (int h = b->nharts - 1; h >= 0; h--) {
        if (qdev_is_realized(DEVICE(b->harts[h]))) {
            qdev_unrealize(DEVICE(b->harts[h]));
        }
        object_unparent(OBJECT(b->harts[h]));
    }
    object_unref(b->owner);
    g_string_free(b->console, true);
    g_free(b);
    rom_list_free();
    memory_map_cleanup();
}

static void put_words(uint64_t addr, const uint32_t *w, size_t n)
{
    g_assert_cmpint(address_space_write(&address_space_memory, addr,
                                        MEMTXATTRS_UNSPECIFIED, w, 4 * n),
                    ==, MEMTX_OK);
}

/* ---- QOM ------------------------------------------------------------ */

static void put_pte(uint64_t addr, uint64_t pa, uint64_t flags)
{
    uint64_t pte = (pa >> 12) << PTE_PPN_SHIFT | flags;

    g_assert_cmpint(address_space_write(&address_space_memory, addr,
                                        MEMTXATTRS_UNSPECIFIED, &pte, 8),
                    ==, MEMTX_OK);
}

static uint64_t get_pte(uint64_t addr)
{
    uint64_t pte = 0;

    g_assert_cmpint(address_space_read(&address_space_memory, addr,
                                       MEMTXATTRS_UNSPECIFIED, &pte, 8),
                    ==, MEMTX_OK);
    return pte;
}

/*
 * The generic hook on the QOM CPU: cpu_get_phys_page_debug() gives the
 * page of a virtual address through the hart's Sv39 tables in board RAM,
 * page-aligned, -1 when unmapped, 1:1 in M-mode; A/D bits stay as they
 * were.
 */
static void test_get_phys_page_debug(void)
{
    Board *b = board_new(TYPE_RISCV_CPU_BASE64, NULL);
    uint64_t root = RAM_BASE + 0x100000, l1 = root + 0x1000,
             l0 = root + 0x2000;
    CPUState *cs;

    board_realize(b);
    cs = CPU(b->cpu);
    put_pte(root + 8 * 0, l1, PTE_V);
    put_pte(root + 8 * 2, RAM_BASE, PTE_V | PTE_R | PTE_W | PTE_X);
    put_pte(l1 + 8 * 0, l0, PTE_V);
    put_pte(l0 + 8 * 3, RAM_BASE + 0x345000, PTE_V | PTE_R);

    g_assert_cmphex(cpu_get_phys_page_debug(cs, 0x3abc), ==, 0x3000);
    b->cpu->env.satp = ((uint64_t)SATP_MODE_SV39 << SATP_MODE_SHIFT) |
                       (root >> 12);
    b->cpu->env.priv = PRV_S;
    g_assert_cmphex(cpu_get_phys_page_debug(cs, 0x3abc), ==,
                    RAM_BASE + 0x345000);
    g_assert_cmphex(cpu_get_phys_page_debug(cs, RAM_BASE + 0x12345), ==,
                    RAM_BASE + 0x12000);
    g_assert_cmphex(cpu_get_phys_page_debug(cs, 0x4000), ==, (hwaddr)-1);
    g_assert_cmphex(get_pte(l0 + 8 * 3) & (PTE_A | PTE_D), ==, 0);
    g_assert_cmphex(get_pte(root + 8 * 2) & (PTE_A | PTE_D), ==, 0);
    board_free(b);
}

static void test_types(void)
{
    ObjectClass *oc = object_class_by_name(TYPE_RISCV_CPU);

    g_assert_nonnull(oc);
    g_assert_true(object_class_is_abstract(oc));
    g_assert_true(object_class_is_abstract(object_class_by_name(TYPE_CPU)));
    g_assert_nonnull(object_class_dynamic_cast(
        object_class_by_name(TYPE_RISCV_CPU_BASE64), TYPE_CPU));
    g_assert_nonnull(object_class_dynamic_cast(
        object_class_by_name(TYPE_RISCV_CPU_SIFIVE_E51), TYPE_DEVICE));
}

static void test_misa_props(void)
{
    Board *b = board_new(TYPE_RISCV_CPU_BASE64, "c=off,mhartid=3");
    uint64_t misa = 0, hartid = 0;

    board_realize(b);
    g_assert_cmpint(riscv_csr_access(&b->cpu->env, CSR_MISA, &misa, 0, 0),
                    ==, RISCV_EXCP_NONE);
    g_assert_cmphex(misa, ==, MISA_MXL_64 | RVI | RVM | RVA | RVS | RVU);
    riscv_csr_access(&b->cpu->env, CSR_MHARTID, &hartid, 0, 0);
    g_assert_cmpuint(hartid, ==, 3);
    g_assert_cmphex(b->cpu->env.pc, ==, RAM_BASE);
    g_assert_true(first_cpu == CPU(b->cpu));
    g_assert_true(qemu_get_cpu(0) == CPU(b->cpu));
    board_free(b);
    g_assert_null(first_cpu);

    b = board_new(TYPE_RISCV_CPU_SIFIVE_E51, NULL);
    board_realize(b);
    riscv_csr_access(&b->cpu->env, CSR_MISA, &misa, 0, 0);
    g_assert_cmphex(misa, ==, MISA_MXL_64 | RVI | RVM | RVA | RVC | RVU);
    /* No S-mode: its CSRs are illegal. */
    g_assert_cmpint(riscv_csr_access(&b->cpu->env, CSR_SATP, NULL, 0, 0),
                    ==, RISCV_EXCP_ILLEGAL_INST);
    board_free(b);
}

static void test_realize_errors(void)
{
    Board *b = board_new(TYPE_RISCV_CPU_BASE64, "u=off");
    Error *err = NULL;

    g_assert_false(qdev_realize(DEVICE(b->cpu), NULL, &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "'s' needs 'u'"));
    error_free(err);
    err = NULL;
    g_assert_null(first_cpu);
    board_free(b);

    b = board_new(TYPE_RISCV_CPU_BASE64, "i=off");
    g_assert_false(qdev_realize(DEVICE(b->cpu), NULL, &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "'i'"));
    error_free(err);
    board_free(b);
}

/* A GPIO input raises the interrupt; the RAM write hook drops old code. */
static void test_gpio_and_hook(void)
{
    static const uint32_t prog[] = {
        ADDI(A0, ZERO, 1),
        WFI,
        JAL(ZERO, -8),
    };
    static const uint32_t patch[] = { ADDI(A0, ZERO, 2) };
    Board *b = board_new(TYPE_RISCV_CPU_BASE64, NULL);
    CPUState *cs;

    board_realize(b);
    cs = CPU(b->cpu);
    put_words(RAM_BASE, prog, ARRAY_SIZE(prog));
    b->cpu->env.mie = MIP_MEIP;
    g_assert_cmpint(cpu_exec(cs, 100), ==, CPU_EXEC_HALTED);
    g_assert_cmpuint(b->cpu->env.gpr[A0], ==, 1);
    g_assert_false(cpu_has_work(cs));

    /* Patch the decoded instruction through the memory API. */
    put_words(RAM_BASE, patch, 1);
    qemu_set_irq(qdev_get_gpio_in(DEVICE(cs), IRQ_M_EXT), 1);
    g_assert_true(cpu_has_work(cs));
    g_assert_cmpint(cpu_exec(cs, 2), ==, CPU_EXEC_BUDGET);
    g_assert_cmpuint(b->cpu->env.gpr[A0], ==, 2);
    g_assert_cmphex(cpu_get_pc(cs), ==, RAM_BASE + 4);

    /* MIE is off: the line wakes wfi but traps only once enabled. */
    g_assert_cmpuint(b->cpu->env.mcause, ==, 0);
    b->cpu->env.mtvec = RAM_BASE + 8;
    riscv_csr_access(&b->cpu->env, CSR_MSTATUS, NULL, MSTATUS_MIE,
                     MSTATUS_MIE);
    g_assert_cmpint(cpu_exec(cs, 1), ==, CPU_EXEC_BUDGET);
    g_assert_cmphex(b->cpu->env.mcause, ==, RISCV_EXCP_INT_FLAG | IRQ_M_EXT);

    cpu_exit(cs);
    g_assert_cmpint(cpu_exec(cs, 100), ==, CPU_EXEC_EXIT);
    board_free(b);
}

/* Access to a hole is an access fault, through the real memory API. */
static void test_hole_fault(void)
{
    static const uint32_t prog[] = {
        LUI(A0, 0x40000), LW(A1, A0, 0), ECALL,
    };
    static const uint32_t handler[] = { WFI, JAL(ZERO, -4) };
    Board *b = board_new(TYPE_RISCV_CPU_BASE64, NULL);

    board_realize(b);
    put_words(RAM_BASE, prog, ARRAY_SIZE(prog));
    put_words(RAM_BASE + 0x100, handler, ARRAY_SIZE(handler));
    b->cpu->env.mtvec = RAM_BASE + 0x100;
    g_assert_cmpint(cpu_exec(CPU(b->cpu), 100), ==, CPU_EXEC_HALTED);
    g_assert_cmpuint(b->cpu->env.mcause, ==, RISCV_EXCP_LOAD_ACCESS_FAULT);
    g_assert_cmphex(b->cpu->env.mtval, ==, 0x40000000);
    board_free(b);
}

/* ---- Firmware -------------------------------------------------------- */

#define FW_MAX_INSNS 400000000LL
#define FW_SLICE 20000

/*
 * Run @elf on @nharts harts (round-robin, slices of FW_SLICE) to its HTIF
 * exit.  Returns the exit code (0 = pass), or -1 on a timeout; *@console
 * gets what it printed.
 */
static int run_firmware(const char *elf, int nharts, GString **console)
{
    Board *b = board_new_smp(TYPE_RISCV_CPU_BASE64, NULL, nharts);
    AddressSpace *as = &address_space_memory;
    uint64_t entry, tohost, fromhost;
    int code = -1;

    board_realize(b);
    g_assert_true(load_elf(elf, NULL, &entry, NULL, NULL, &error_abort));
    g_assert_true(elf_lookup_symbol(elf, "tohost", &tohost, &error_abort));
    g_assert_true(elf_lookup_symbol(elf, "fromhost", &fromhost,
                                    &error_abort));
    rom_reset();
    for (int h = 0; h < nharts; h++) {
        cpu_set_pc(CPU(b->harts[h]), entry);
    }

    while (board_mtime(b) - b->time_skip < (FW_MAX_INSNS >> TICK_SHIFT)) {
        bool idle = true;
        uint64_t cmd;

        for (int h = 0; h < nharts; h++) {
            if (cpu_exec(CPU(b->harts[h]), FW_SLICE) != CPU_EXEC_HALTED ||
                cpu_has_work(CPU(b->harts[h]))) {
                idle = false;
            }
        }
        cmd = address_space_ldq_le(as, tohost, MEMTXATTRS_UNSPECIFIED, NULL);
        if (cmd & 1 && (cmd >> 48) == 0) {
            code = cmd >> 1;
            break;
        }
        if ((cmd >> 48) == 0x0101) {    /* device 1 (console), putchar */
            g_string_append_c(b->console, cmd & 0xff);
            address_space_stq_le(as, tohost, 0, MEMTXATTRS_UNSPECIFIED, NULL);
            address_space_stq_le(as, fromhost, 1, MEMTXATTRS_UNSPECIFIED,
                                 NULL);
        }
        if (idle) {
            /* Every hart waits: jump the clock to the next deadline. */
            uint64_t next = UINT64_MAX;

            for (int h = 0; h < nharts; h++) {
                next = MIN(next, b->mtimecmp[h]);
            }
            if (next == UINT64_MAX) {
                break;
            }
            if (board_mtime(b) < next) {
                b->time_skip += next - board_mtime(b);
            }
        }
        board_update_timer(b);
    }
    *console = g_string_new(b->console->str);
    board_free(b);
    return code;
}

typedef struct FirmwareCase {
    const char *name;
    int nharts;
} FirmwareCase;

static void test_firmware(gconstpointer data)
{
    const FirmwareCase *fc = data;
    const char *name = fc->name;
    g_autofree char *elf = g_strdup_printf("%s/%s-spike.elf",
                                           QOMU_FIRMWARE_DIR, name);
    GString *console = NULL;
    int code;

    if (!g_file_test(elf, G_FILE_TEST_EXISTS)) {
        g_test_skip("firmware not built (no riscv64-unknown-elf-gcc)");
        return;
    }
    code = run_firmware(elf, fc->nharts, &console);
    if (code != 0 || g_test_verbose()) {
        g_test_message("%s console:\n%s", name, console->str);
    }
    g_assert_cmpint(code, ==, 0);
    g_string_free(console, true);
}

/* A firmware built to fail check 7 must report exactly that. */
static void test_firmware_failcheck(void)
{
    g_autofree char *elf = g_strdup_printf("%s/rv64i-alu-failcheck-spike.elf",
                                           QOMU_FIRMWARE_DIR);
    GString *console = NULL;

    if (!g_file_test(elf, G_FILE_TEST_EXISTS)) {
        g_test_skip("firmware not built (no riscv64-unknown-elf-gcc)");
        return;
    }
    g_assert_cmpint(run_firmware(elf, 1, &console), ==, 7);
    g_string_free(console, true);
}

static const FirmwareCase firmware[] = {
    { "rv64i-alu", 1 }, { "rv64i-ldst", 1 }, { "rv64i-branch", 1 },
    { "rv64m", 1 }, { "rv64a", 1 }, { "rv64c", 1 }, { "csr", 1 },
    { "exceptions", 1 }, { "interrupts", 1 }, { "deleg", 1 },
    { "counters", 1 }, { "counters-exact", 1 }, { "sv39", 1 },
    { "sv48", 1 }, { "pmp", 1 }, { "fencei", 1 }, { "misaligned", 1 },
    { "trapret", 1 }, { "smp", 2 },
};

int main(int argc, char **argv)
{
    const char *log = g_getenv("QOMU_TEST_LOG");

    g_test_init(&argc, &argv, NULL);
    module_call_init(MODULE_INIT_QOM);
    /* QOMU_TEST_LOG=int,guest_errors: the -d items, to debug a failure. */
    if (log) {
        qemu_set_log(qemu_str_to_log_mask(log, NULL));
    }
    g_test_add_func("/riscv-cpu/qom/types", test_types);
    g_test_add_func("/riscv-cpu/qom/misa-props", test_misa_props);
    g_test_add_func("/riscv-cpu/qom/realize-errors", test_realize_errors);
    g_test_add_func("/riscv-cpu/gpio-and-write-hook", test_gpio_and_hook);
    g_test_add_func("/riscv-cpu/hole-fault", test_hole_fault);
    g_test_add_func("/riscv-cpu/get-phys-page-debug",
                    test_get_phys_page_debug);
    for (size_t i = 0; i < ARRAY_SIZE(firmware); i++) {
        g_autofree char *path = g_strdup_printf("/riscv-cpu/firmware/%s",
                                                firmware[i].name);

        g_test_add_data_func(path, &firmware[i], test_firmware);
    }
    g_test_add_func("/riscv-cpu/firmware/failcheck", test_firmware_failcheck);
    return g_test_run();
}

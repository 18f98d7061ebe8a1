/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * virt.c: the RISC-V "virt" board (QEMU's hw/riscv/virt.c): QEMU's memory
 * map, interrupt numbers and device-tree compatibles, so that the same
 * OpenSBI, U-Boot and Linux builds boot unchanged.
 *
 * One table, virt_devices[], drives both the creation of the on-chip
 * devices and their device-tree nodes: each entry names the QOM child,
 * the memory-map window, the PLIC source and the compatibles; the entry's
 * create function builds and wires the device, its fdt function adds
 * what is particular to its node.
 */
#include "qomu/osdep.h"
#include <libfdt.h>
#include "qapi/error.h"
#include "qomu/module.h"
#include "exec/address-spaces.h"
#include "hw/char/serial.h"
#include "hw/intc/riscv_aclint.h"
#include "hw/intc/sifive_plic.h"
#include "hw/loader.h"
#include "hw/misc/sifive_test.h"
#include "hw/pci-host/gpex.h"
#include "hw/qdev-core.h"
#include "hw/qdev-properties.h"
#include "hw/riscv/boot.h"
#include "hw/riscv/virt.h"
#include "hw/rtc/goldfish_rtc.h"
#include "hw/sysbus.h"
#include "system/runstate.h"
#include "system/system.h"
#include "target/riscv/cpu.h"
#include "target/riscv/cpu_bits.h"

#define MiB (1024ULL * 1024)
#define GiB (1024ULL * MiB)

/* QEMU's UART baud base for virt (1.8432 MHz * 13 / 60, as QEMU). */
#define VIRT_UART_BAUDBASE 399193

/* QEMU's map; the PLIC window is sized for QEMU's 512 harts. */
const MemMapEntry virt_memmap[VIRT_MEMMAP_COUNT] = {
    [VIRT_DEBUG] = {0x0, 0x100},
    [VIRT_MROM] = {0x1000, 0xf000},
    [VIRT_TEST] = {0x100000, 0x1000},
    [VIRT_RTC] = {0x101000, 0x1000},
    [VIRT_CLINT] = {0x2000000, 0x10000},
    [VIRT_PCIE_PIO] = {0x3000000, 0x10000},
    [VIRT_PLIC] = {0xc000000, VIRT_PLIC_SIZE(512 * 2)},
    [VIRT_UART0] = {0x10000000, 0x100},
    [VIRT_PCIE_ECAM] = {0x30000000, 0x10000000},
    [VIRT_PCIE_MMIO] = {0x40000000, 0x40000000},
    [VIRT_DRAM] = {0x80000000, 0x0},
};

/* What the fdt functions share: phandles handed out so far. */
typedef struct VirtFdt {
    void *fdt;
    uint32_t next_phandle;
    uint32_t intc_phandle[VIRT_CPUS_MAX];
    uint32_t plic_phandle;
    uint32_t test_phandle;
} VirtFdt;

typedef struct VirtDevice VirtDevice;

/**
 * VirtDevice: one on-chip device.
 * @name: its QOM child name under /machine/soc.
 * @node: its device-tree node name, "@<base>" appended.
 * @map: its window in virt_memmap.
 * @irq: its PLIC source, 0 for none.
 * @compat, @compat_len: the "compatible" string list (NUL separated).
 * @create: build, map and wire it.
 * @fdt: add the node's own properties (reg, compatible and interrupts are
 * written for every node); may be NULL.
 */
struct VirtDevice {
    const char *name;
    const char *node;
    int map;
    int irq;
    const char *compat;
    size_t compat_len;
    bool (*create)(RISCVVirtState *s, const VirtDevice *d, Error **errp);
    bool (*fdt)(RISCVVirtState *s, const VirtDevice *d, VirtFdt *vf, int node);
};

static unsigned virt_num_harts(RISCVVirtState *s)
{
    return MACHINE(s)->smp_cpus;
}

static DeviceState *virt_new_device(RISCVVirtState *s, const char *name,
                                    const char *type)
{
    DeviceState *dev = qdev_new(type);

    object_property_add_child(s->soc, name, OBJECT(dev));
    object_unref(dev);
    return dev;
}

static RISCVCPU *virt_hart(unsigned i)
{
    return RISCV_CPU(qemu_get_cpu(i));
}

static qemu_irq virt_plic_irq(RISCVVirtState *s, int irq)
{
    Object *plic = object_resolve_path_component(s->soc, "plic");

    return qdev_get_gpio_in(DEVICE(plic), irq);
}

static bool virt_create_clint(RISCVVirtState *s, const VirtDevice *d,
                              Error **errp)
{
    DeviceState *swi = virt_new_device(s, "clint-swi", TYPE_RISCV_ACLINT_SWI);
    DeviceState *mtimer =
        virt_new_device(s, "clint-mtimer", TYPE_RISCV_ACLINT_MTIMER);
    hwaddr base = virt_memmap[d->map].base;

    qdev_prop_set_uint32(swi, "num-harts", virt_num_harts(s));
    qdev_prop_set_uint32(mtimer, "num-harts", virt_num_harts(s));
    qdev_prop_set_uint32(mtimer, "timebase-freq", VIRT_TIMEBASE_FREQ);
    if (!sysbus_realize(SYS_BUS_DEVICE(swi), errp) ||
        !sysbus_realize(SYS_BUS_DEVICE(mtimer), errp)) {
        return false;
    }
    sysbus_mmio_map(SYS_BUS_DEVICE(swi), 0, base);
    sysbus_mmio_map(SYS_BUS_DEVICE(mtimer), 0, base + RISCV_ACLINT_SWI_SIZE);
    for (unsigned i = 0; i < virt_num_harts(s); i++) {
        RISCVCPU *cpu = virt_hart(i);

        qdev_connect_gpio_out(swi, i,
                              qdev_get_gpio_in(DEVICE(cpu), IRQ_M_SOFT));
        qdev_connect_gpio_out(mtimer, i,
                              qdev_get_gpio_in(DEVICE(cpu), IRQ_M_TIMER));
        riscv_cpu_set_rdtime_fn(&cpu->env, riscv_aclint_mtimer_get_time,
                                mtimer);
    }
    return true;
}

static bool virt_create_plic(RISCVVirtState *s, const VirtDevice *d,
                             Error **errp)
{
    DeviceState *plic = virt_new_device(s, d->name, TYPE_SIFIVE_PLIC);
    unsigned harts = virt_num_harts(s);
    g_autoptr(GString) config = g_string_new(NULL);

    /* Contexts M and S of each hart, in the order of interrupts-extended. */
    for (unsigned i = 0; i < harts; i++) {
        g_string_append(config, i ? ",MS" : "MS");
    }
    qdev_prop_set_string(plic, "hart-config", config->str);
    qdev_prop_set_uint32(plic, "hartid-base", 0);
    qdev_prop_set_uint32(plic, "num-sources", VIRT_IRQCHIP_NUM_SOURCES);
    qdev_prop_set_uint32(plic, "num-priorities", VIRT_IRQCHIP_NUM_PRIO);
    qdev_prop_set_uint32(plic, "priority-base", VIRT_PLIC_PRIORITY_BASE);
    qdev_prop_set_uint32(plic, "pending-base", VIRT_PLIC_PENDING_BASE);
    qdev_prop_set_uint32(plic, "enable-base", VIRT_PLIC_ENABLE_BASE);
    qdev_prop_set_uint32(plic, "enable-stride", VIRT_PLIC_ENABLE_STRIDE);
    qdev_prop_set_uint32(plic, "context-base", VIRT_PLIC_CONTEXT_BASE);
    qdev_prop_set_uint32(plic, "context-stride", VIRT_PLIC_CONTEXT_STRIDE);
    qdev_prop_set_uint32(plic, "aperture-size", VIRT_PLIC_SIZE(harts * 2));
    if (!sysbus_realize(SYS_BUS_DEVICE(plic), errp)) {
        return false;
    }
    sysbus_mmio_map(SYS_BUS_DEVICE(plic), 0, virt_memmap[d->map].base);
    for (unsigned i = 0; i < harts; i++) {
        DeviceState *cpu = DEVICE(virt_hart(i));

        qdev_connect_gpio_out(plic, i, qdev_get_gpio_in(cpu, IRQ_M_EXT));
        qdev_connect_gpio_out(plic, harts + i,
                              qdev_get_gpio_in(cpu, IRQ_S_EXT));
    }
    return true;
}

static bool virt_create_uart(RISCVVirtState *s, const VirtDevice *d,
                             Error **errp)
{
    return serial_mm_create(s->soc, d->name, get_system_memory(),
                            virt_memmap[d->map].base, 0,
                            virt_plic_irq(s, d->irq), VIRT_UART_BAUDBASE,
                            serial_hd(0), errp) != NULL;
}

/* A plain sysbus device: one region at the window, IRQ 0 to the PLIC. */
static bool virt_create_simple(RISCVVirtState *s, const VirtDevice *d,
                               const char *type, Error **errp)
{
    DeviceState *dev = virt_new_device(s, d->name, type);

    if (!sysbus_realize(SYS_BUS_DEVICE(dev), errp)) {
        return false;
    }
    sysbus_mmio_map(SYS_BUS_DEVICE(dev), 0, virt_memmap[d->map].base);
    if (d->irq) {
        sysbus_connect_irq(SYS_BUS_DEVICE(dev), 0, virt_plic_irq(s, d->irq));
    }
    return true;
}

static bool virt_create_test(RISCVVirtState *s, const VirtDevice *d,
                             Error **errp)
{
    return virt_create_simple(s, d, TYPE_SIFIVE_TEST, errp);
}

static bool virt_create_rtc(RISCVVirtState *s, const VirtDevice *d,
                            Error **errp)
{
    return virt_create_simple(s, d, TYPE_GOLDFISH_RTC, errp);
}

/* interrupts-extended: <intc(hart) @m_irq intc(hart) @s_irq> per hart. */
static int virt_fdt_irqs_extended(RISCVVirtState *s, VirtFdt *vf, int node,
                                  uint32_t irq0, uint32_t irq1)
{
    unsigned harts = virt_num_harts(s);
    g_autofree fdt32_t *cells = g_new(fdt32_t, harts * 4);

    for (unsigned i = 0; i < harts; i++) {
        cells[i * 4 + 0] = cpu_to_fdt32(vf->intc_phandle[i]);
        cells[i * 4 + 1] = cpu_to_fdt32(irq0);
        cells[i * 4 + 2] = cpu_to_fdt32(vf->intc_phandle[i]);
        cells[i * 4 + 3] = cpu_to_fdt32(irq1);
    }
    return fdt_setprop(vf->fdt, node, "interrupts-extended", cells,
                       harts * 4 * sizeof(fdt32_t));
}

static bool virt_fdt_clint(RISCVVirtState *s, const VirtDevice *d, VirtFdt *vf,
                           int node)
{
    return !virt_fdt_irqs_extended(s, vf, node, IRQ_M_SOFT, IRQ_M_TIMER);
}

static bool virt_fdt_plic(RISCVVirtState *s, const VirtDevice *d, VirtFdt *vf,
                          int node)
{
    void *fdt = vf->fdt;

    return !fdt_setprop_u32(fdt, node, "phandle", vf->plic_phandle) &&
           !fdt_setprop_u32(fdt, node, "riscv,ndev",
                            VIRT_IRQCHIP_NUM_SOURCES - 1) &&
           !virt_fdt_irqs_extended(s, vf, node, IRQ_M_EXT, IRQ_S_EXT) &&
           !fdt_setprop(fdt, node, "interrupt-controller", NULL, 0) &&
           !fdt_setprop_u32(fdt, node, "#address-cells", 0) &&
           !fdt_setprop_u32(fdt, node, "#interrupt-cells", 1);
}

static bool virt_fdt_uart(RISCVVirtState *s, const VirtDevice *d, VirtFdt *vf,
                          int node)
{
    return !fdt_setprop_u32(vf->fdt, node, "clock-frequency", VIRT_UART_CLOCK);
}

/* The finisher is the syscon that poweroff and reboot write to. */
static bool virt_fdt_test(RISCVVirtState *s, const VirtDevice *d, VirtFdt *vf,
                          int node)
{
    static const struct {
        const char *node;
        uint32_t value;
    } syscon[] = {
        {"reboot", FINISHER_RESET},
        {"poweroff", FINISHER_PASS},
    };
    void *fdt = vf->fdt;

    if (fdt_setprop_u32(fdt, node, "phandle", vf->test_phandle)) {
        return false;
    }
    for (size_t i = 0; i < ARRAY_SIZE(syscon); i++) {
        int n = fdt_add_subnode(fdt, 0, syscon[i].node);
        g_autofree char *compat = g_strdup_printf("syscon-%s", syscon[i].node);

        if (n < 0 || fdt_setprop_string(fdt, n, "compatible", compat) ||
            fdt_setprop_u32(fdt, n, "regmap", vf->test_phandle) ||
            fdt_setprop_u32(fdt, n, "offset", 0) ||
            fdt_setprop_u32(fdt, n, "value", syscon[i].value)) {
            return false;
        }
    }
    return true;
}

#define COMPAT(list) list, sizeof(list)

/* The on-chip devices, in creation order (the PLIC before its sources). */
static const VirtDevice virt_devices[] = {
    {"clint", "clint", VIRT_CLINT, 0, COMPAT("sifive,clint0\0riscv,clint0"),
     virt_create_clint, virt_fdt_clint},
    {"plic", "plic", VIRT_PLIC, 0, COMPAT("sifive,plic-1.0.0\0riscv,plic0"),
     virt_create_plic, virt_fdt_plic},
    {"uart0", "serial", VIRT_UART0, UART0_IRQ, COMPAT("ns16550a"),
     virt_create_uart, virt_fdt_uart},
    {"test", "test", VIRT_TEST, 0, COMPAT("sifive,test1\0sifive,test0\0syscon"),
     virt_create_test, virt_fdt_test},
    {"rtc", "rtc", VIRT_RTC, RTC_IRQ, COMPAT("google,goldfish-rtc"),
     virt_create_rtc, NULL},
};

/* "rv64imac_zicsr_zifencei": misa's letters in canonical order. */
static char *virt_isa_string(RISCVCPU *cpu)
{
    static const char order[] = "iemafdqclbjtpvnh";
    GString *isa = g_string_new("rv64");

    for (const char *p = order; *p; p++) {
        if (cpu->env.misa_ext & (1u << (*p - 'a'))) {
            g_string_append_c(isa, *p);
        }
    }
    g_string_append(isa, "_zicsr_zifencei");
    return g_string_free(isa, FALSE);
}

static bool virt_fdt_cpus(RISCVVirtState *s, VirtFdt *vf)
{
    void *fdt = vf->fdt;
    unsigned harts = virt_num_harts(s);
    int cpus = fdt_add_subnode(fdt, 0, "cpus");
    int map, cluster;

    if (cpus < 0 || fdt_setprop_u32(fdt, cpus, "#address-cells", 1) ||
        fdt_setprop_u32(fdt, cpus, "#size-cells", 0) ||
        fdt_setprop_u32(fdt, cpus, "timebase-frequency", VIRT_TIMEBASE_FREQ)) {
        return false;
    }
    /* Added last to first: libfdt puts a new node before its siblings. */
    map = fdt_add_subnode(fdt, cpus, "cpu-map");
    cluster = map < 0 ? map : fdt_add_subnode(fdt, map, "cluster0");
    if (cluster < 0) {
        return false;
    }
    for (int i = harts - 1; i >= 0; i--) {
        RISCVCPU *cpu = virt_hart(i);
        g_autofree char *name = g_strdup_printf("cpu@%d", i);
        g_autofree char *core_name = g_strdup_printf("core%d", i);
        g_autofree char *isa = virt_isa_string(cpu);
        uint32_t cpu_phandle = vf->next_phandle++;
        int node = fdt_add_subnode(fdt, cpus, name);
        int intc, core;

        vf->intc_phandle[i] = vf->next_phandle++;
        if (node < 0 || fdt_setprop_u32(fdt, node, "phandle", cpu_phandle) ||
            fdt_setprop_string(fdt, node, "device_type", "cpu") ||
            fdt_setprop_u32(fdt, node, "reg", i) ||
            fdt_setprop_string(fdt, node, "status", "okay") ||
            fdt_setprop_string(fdt, node, "compatible", "riscv") ||
            fdt_setprop_string(fdt, node, "riscv,isa", isa)) {
            return false;
        }
        if ((cpu->env.misa_ext & RVS) &&
            fdt_setprop_string(fdt, node, "mmu-type", "riscv,sv48")) {
            return false;
        }
        intc = fdt_add_subnode(fdt, node, "interrupt-controller");
        if (intc < 0 || fdt_setprop_u32(fdt, intc, "#address-cells", 0) ||
            fdt_setprop_u32(fdt, intc, "#interrupt-cells", 1) ||
            fdt_setprop(fdt, intc, "interrupt-controller", NULL, 0) ||
            fdt_setprop_string(fdt, intc, "compatible", "riscv,cpu-intc") ||
            fdt_setprop_u32(fdt, intc, "phandle", vf->intc_phandle[i])) {
            return false;
        }
        core = fdt_add_subnode(
            fdt, fdt_path_offset(fdt, "/cpus/cpu-map/cluster0"), core_name);
        if (core < 0 || fdt_setprop_u32(fdt, core, "cpu", cpu_phandle)) {
            return false;
        }
    }
    return true;
}

static bool virt_fdt_soc(RISCVVirtState *s, VirtFdt *vf)
{
    void *fdt = vf->fdt;
    int soc = fdt_add_subnode(fdt, 0, "soc");

    if (soc < 0 || fdt_setprop_u32(fdt, soc, "#address-cells", 2) ||
        fdt_setprop_u32(fdt, soc, "#size-cells", 2) ||
        fdt_setprop_string(fdt, soc, "compatible", "simple-bus") ||
        fdt_setprop(fdt, soc, "ranges", NULL, 0)) {
        return false;
    }
    for (int i = ARRAY_SIZE(virt_devices) - 1; i >= 0; i--) {
        const VirtDevice *d = &virt_devices[i];
        const MemMapEntry *m = &virt_memmap[d->map];
        g_autofree char *name =
            g_strdup_printf("%s@%" PRIx64, d->node, (uint64_t)m->base);
        int node;

        /* An fdt function may add nodes elsewhere: offsets move. */
        soc = fdt_path_offset(fdt, "/soc");
        node = soc < 0 ? soc : fdt_add_subnode(fdt, soc, name);

        if (node < 0 ||
            fdt_setprop(fdt, node, "compatible", d->compat, d->compat_len) ||
            fdt_setprop_u64(fdt, node, "reg", m->base) ||
            fdt_appendprop_u64(fdt, node, "reg", m->size)) {
            return false;
        }
        if (d->irq &&
            (fdt_setprop_u32(fdt, node, "interrupt-parent", vf->plic_phandle) ||
             fdt_setprop_u32(fdt, node, "interrupts", d->irq))) {
            return false;
        }
        if (d->fdt && !d->fdt(s, d, vf, node)) {
            return false;
        }
    }
    return true;
}

/*
 * The generated tree.  Nodes are added so that the result reads in QEMU's
 * order (libfdt puts a new node before its siblings).
 */
static bool virt_create_fdt(RISCVVirtState *s, Error **errp)
{
    MachineState *ms = MACHINE(s);
    VirtFdt vf = {.next_phandle = 1};
    g_autofree char *stdout_path = g_strdup_printf(
        "/soc/serial@%" PRIx64, (uint64_t)virt_memmap[VIRT_UART0].base);
    g_autofree char *mem_name = g_strdup_printf(
        "memory@%" PRIx64, (uint64_t)virt_memmap[VIRT_DRAM].base);
    int size = 1024 * 1024;
    int chosen, mem;

    ms->fdt = g_malloc0(size);
    ms->fdt_size = size;
    vf.fdt = ms->fdt;
    /* The phandles the soc nodes refer to, before any node is made. */
    vf.plic_phandle = vf.next_phandle++;
    vf.test_phandle = vf.next_phandle++;
    if (fdt_create_empty_tree(ms->fdt, size) ||
        fdt_setprop_u32(ms->fdt, 0, "#address-cells", 2) ||
        fdt_setprop_u32(ms->fdt, 0, "#size-cells", 2) ||
        fdt_setprop_string(ms->fdt, 0, "compatible", "riscv-virtio") ||
        fdt_setprop_string(ms->fdt, 0, "model", "riscv-virtio,qemu")) {
        goto fail;
    }
    if (!virt_fdt_cpus(s, &vf) || !virt_fdt_soc(s, &vf)) {
        goto fail;
    }
    chosen = fdt_add_subnode(ms->fdt, 0, "chosen");
    if (chosen < 0 ||
        fdt_setprop_string(ms->fdt, chosen, "stdout-path", stdout_path)) {
        goto fail;
    }
    mem = fdt_add_subnode(ms->fdt, 0, mem_name);
    if (mem < 0 || fdt_setprop_string(ms->fdt, mem, "device_type", "memory") ||
        fdt_setprop_u64(ms->fdt, mem, "reg", virt_memmap[VIRT_DRAM].base) ||
        fdt_appendprop_u64(ms->fdt, mem, "reg", ms->ram_size)) {
        goto fail;
    }
    return true;

fail:
    error_setg(errp, "virt: building the device tree failed (libfdt)");
    return false;
}

static bool virt_create_harts(RISCVVirtState *s, MachineState *ms, Error **errp)
{
    ObjectClass *oc = object_class_by_name(ms->cpu_type);

    if (!oc || !object_class_dynamic_cast(oc, TYPE_RISCV_CPU) ||
        object_class_is_abstract(oc)) {
        error_setg(errp,
                   "-cpu %s: not a RISC-V CPU model (-cpu help lists "
                   "them)",
                   ms->cpu_type);
        return false;
    }
    for (unsigned i = 0; i < ms->smp_cpus; i++) {
        g_autofree char *name = g_strdup_printf("harts[%u]", i);
        Object *cpu = object_new_with_class(oc);

        object_property_add_child(s->soc, name, cpu);
        object_unref(cpu);
        /* Every hart starts in the reset ROM. */
        if (!object_property_set_uint(cpu, "mhartid", i, errp) ||
            !object_property_set_uint(cpu, "resetvec",
                                      virt_memmap[VIRT_MROM].base, errp) ||
            !qdev_realize(DEVICE(cpu), NULL, errp)) {
            return false;
        }
    }
    return true;
}

static bool virt_create_memory(RISCVVirtState *s, MachineState *ms,
                               Error **errp)
{
    if (!memory_region_init_ram(&s->ram, OBJECT(ms), "ram", ms->ram_size,
                                errp) ||
        !memory_region_init_rom(&s->mrom, s->soc, "mrom",
                                virt_memmap[VIRT_MROM].size, errp)) {
        return false;
    }
    memory_region_add_subregion(get_system_memory(),
                                virt_memmap[VIRT_DRAM].base, &s->ram);
    memory_region_add_subregion(get_system_memory(),
                                virt_memmap[VIRT_MROM].base, &s->mrom);
    return true;
}

/*
 * Firmware, kernel, initrd, device tree and reset ROM, as QEMU's
 * virt_machine_done().  Everything goes through the ROM list, so every
 * system reset writes the same images again.
 */
static bool virt_setup_boot(RISCVVirtState *s, MachineState *ms, Error **errp)
{
    hwaddr dram_base = virt_memmap[VIRT_DRAM].base;
    hwaddr start_addr = dram_base;
    hwaddr firmware_end;
    uint64_t kernel_entry = 0;

    if (ms->dtb) {
        if (!riscv_load_user_dtb(ms, errp)) {
            return false;
        }
    } else if (!virt_create_fdt(s, errp)) {
        return false;
    }
    /*
     * The PCIe host, owned by PCI (hw/pci-host/gpex.c, docs/devel/pci.md):
     * /machine/soc/pcie, its windows, INTA..INTD on PLIC 32..35 and its
     * node in the generated tree (not in a -dtb one).
     */
    {
        const GPEXConfig pcie = {
            .ecam_base = virt_memmap[VIRT_PCIE_ECAM].base,
            .ecam_size = virt_memmap[VIRT_PCIE_ECAM].size,
            .mmio_base = virt_memmap[VIRT_PCIE_MMIO].base,
            .mmio_size = virt_memmap[VIRT_PCIE_MMIO].size,
            .pio_base = virt_memmap[VIRT_PCIE_PIO].base,
            .pio_size = virt_memmap[VIRT_PCIE_PIO].size,
            .irqchip = DEVICE(object_resolve_path_component(s->soc, "plic")),
            .irq_base = PCIE_IRQ,
            .irqchip_fdt_path = "/soc/plic@c000000",
        };

        if (!gpex_virt_init(s->soc, get_system_memory(), &pcie,
                            ms->dtb ? NULL : ms->fdt, errp)) {
            return false;
        }
    }
    if (!riscv_fdt_set_chosen(ms, ms->fdt, errp)) {
        return false;
    }
    if (!riscv_find_and_load_firmware(ms, RISCV64_BIOS_BIN, dram_base,
                                      &firmware_end, errp)) {
        return false;
    }
    if (ms->kernel_filename) {
        hwaddr kernel_start = riscv_calc_kernel_start_addr(firmware_end);

        if (!riscv_load_kernel(ms, dram_base, kernel_start, &kernel_entry,
                               errp)) {
            return false;
        }
        if (ms->initrd_filename &&
            !riscv_load_initrd(ms, dram_base, kernel_entry, errp)) {
            return false;
        }
        if (riscv_is_bios_none(ms)) {
            start_addr = kernel_entry;
        }
    } else if (ms->initrd_filename) {
        error_setg(errp, "-initrd %s: an initrd needs a kernel (-kernel)",
                   ms->initrd_filename);
        return false;
    }

    s->fdt_addr = riscv_compute_fdt_addr(dram_base, ms->ram_size, ms);
    if (s->fdt_addr < dram_base) {
        error_setg(errp,
                   "-m: %" PRIu64 " bytes of RAM leave no room for the "
                   "device tree",
                   ms->ram_size);
        return false;
    }
    if (ms->dumpdtb) {
        if (!riscv_dumpdtb(ms, errp)) {
            return false;
        }
        /* As QEMU: write the tree and exit (status 0) before running. */
        qemu_system_shutdown_request_with_code(SHUTDOWN_CAUSE_HOST_QMP_QUIT, 0);
    }
    return riscv_load_fdt(s->fdt_addr, ms->fdt, errp) &&
           riscv_setup_rom_reset_vec(
               ms, start_addr, virt_memmap[VIRT_MROM].base,
               virt_memmap[VIRT_MROM].size, kernel_entry, s->fdt_addr, errp);
}

static bool virt_board_init(MachineState *ms, Error **errp)
{
    RISCVVirtState *s = RISCV_VIRT_MACHINE(ms);

    s->soc = object_new(TYPE_CONTAINER);
    object_property_add_child(OBJECT(ms), "soc", s->soc);
    object_unref(s->soc);

    if (!virt_create_memory(s, ms, errp) || !virt_create_harts(s, ms, errp)) {
        return false;
    }
    for (size_t i = 0; i < ARRAY_SIZE(virt_devices); i++) {
        if (!virt_devices[i].create(s, &virt_devices[i], errp)) {
            return false;
        }
    }
    return virt_setup_boot(s, ms, errp);
}

static void virt_machine_class_init(ObjectClass *oc, const void *data)
{
    MachineClass *mc = MACHINE_CLASS(oc);

    mc->desc = "RISC-V VirtIO board";
    mc->init = virt_board_init;
    mc->is_default = true;
    mc->max_cpus = VIRT_CPUS_MAX;
    mc->default_cpus = 1;
    mc->default_ram_size = 128 * MiB;
    mc->min_ram_size = 16 * MiB;
    mc->max_ram_size = 0x80000000ULL * 31; /* up to the 64-bit map's end */
    mc->default_cpu_type = TYPE_RISCV_CPU_BASE64;
    mc->default_ram_id = "ram";
}

static const TypeInfo virt_machine_info = {
    .name = TYPE_RISCV_VIRT_MACHINE,
    .parent = TYPE_MACHINE,
    .instance_size = sizeof(RISCVVirtState),
    .class_init = virt_machine_class_init,
};

static void virt_machine_register_types(void)
{
    type_register_static(&virt_machine_info);
}

type_init(virt_machine_register_types)

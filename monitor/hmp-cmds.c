/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * hmp-cmds.c: the human monitor's commands and `info` subcommands, with
 * QEMU's names, arguments and (where QEMU's is sensible) output format.
 * Every failure goes to errp and is printed by hmp.c as one line; no
 * command ever ends the monitor except `quit`.
 */
#include "qomu/osdep.h"
#include "qapi/error.h"
#include "qapi/keyval.h"
#include "qobject/qdict.h"
#include "qobject/qjson.h"
#include "qomu/cutils.h"
#include "disas/disas.h"
#include "exec/address-spaces.h"
#include "exec/memory.h"
#include "hw/core/cpu.h"
#include "hw/irq.h"
#include "hw/loader.h"
#include "hw/pci/pci.h"
#include "hw/qdev-core.h"
#include "qom/object.h"
#include "system/runstate.h"
#include "monitor-internal.h"

/* x / xp print at most this many bytes per command. */
#define HMP_MEMORY_DUMP_MAX (64 * 1024)

static Object *hmp_resolve(const char *path, Error **errp)
{
    bool ambiguous = false;
    Object *obj = object_resolve_path(path, &ambiguous);

    if (ambiguous) {
        error_setg(errp, "path '%.200s' is ambiguous", path);
        return NULL;
    }
    if (!obj) {
        error_setg(errp,
                   "path '%.200s' could not be resolved (try "
                   "'info qom-tree')",
                   path);
        return NULL;
    }
    return obj;
}

/*
 * The monitor's current CPU (QEMU's "cpu N"): the one `info registers`,
 * `x` and `$pc` use.  Falls back to the first CPU if it went away.
 */
static CPUState *mon_get_cpu(Monitor *mon)
{
    CPUState *cpu = qemu_get_cpu(mon->cpu_index);

    return cpu ? cpu : first_cpu;
}

/* info qom-tree */

static int collect_child(Object *child, void *opaque)
{
    g_ptr_array_add(opaque, child);
    return 0;
}

static gint cmp_objects(gconstpointer a, gconstpointer b)
{
    Object *oa = *(Object *const *)a;
    Object *ob = *(Object *const *)b;

    return hmp_natural_cmp(object_get_canonical_path_component(oa),
                           object_get_canonical_path_component(ob));
}

static void print_qom_composition(Monitor *mon, Object *obj, int indent)
{
    g_autoptr(GPtrArray) children = g_ptr_array_new();
    const char *name = obj == object_get_root()
                           ? ""
                           : object_get_canonical_path_component(obj);

    monitor_printf(mon, "%*s/%s (%s)\n", indent, "", name,
                   object_get_typename(obj));
    object_child_foreach(obj, collect_child, children);
    g_ptr_array_sort(children, cmp_objects);
    for (guint i = 0; i < children->len; i++) {
        print_qom_composition(mon, g_ptr_array_index(children, i), indent + 2);
    }
}

static void hmp_info_qom_tree(Monitor *mon, int argc, char **argv, Error **errp)
{
    Object *obj;

    if (argc > 1) {
        obj = hmp_resolve(argv[1], errp);
    } else {
        obj = object_resolve_path("/machine", NULL);
        if (!obj) {
            obj = object_get_root();
        }
    }
    if (obj) {
        print_qom_composition(mon, obj, 0);
    }
}

/* info qtree, mtree, roms, pci, version, status */

static void hmp_info_qtree(Monitor *mon, int argc, char **argv, Error **errp)
{
    g_autofree char *text = qdev_qtree_text();

    monitor_puts(mon, text);
}

static void hmp_info_mtree(Monitor *mon, int argc, char **argv, Error **errp)
{
    bool flat = false, disabled = false;
    g_autofree char *text = NULL;

    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-f")) {
            flat = true;
        } else if (!strcmp(argv[i], "-D")) {
            disabled = true;
        } else {
            error_setg(errp,
                       "info mtree: unknown option '%.64s' "
                       "(expected -f or -D)",
                       argv[i]);
            return;
        }
    }
    text = mtree_info_text_full(flat, disabled);
    monitor_puts(mon, text);
}

static void hmp_info_roms(Monitor *mon, int argc, char **argv, Error **errp)
{
    g_autofree char *text = rom_info_text();

    monitor_puts(mon, text);
}

static void hmp_info_pci(Monitor *mon, int argc, char **argv, Error **errp)
{
    g_autofree char *text = pci_info_text();

    monitor_puts(mon, text);
}

static void hmp_info_version(Monitor *mon, int argc, char **argv, Error **errp)
{
    monitor_printf(mon, "%s\n", QOMU_VERSION);
}

static void hmp_info_status(Monitor *mon, int argc, char **argv, Error **errp)
{
    RunState state = runstate_get();
    bool running = runstate_is_running();

    monitor_printf(mon, "VM status: %s", running ? "running" : "paused");
    if (!running && state != RUN_STATE_PAUSED) {
        monitor_printf(mon, " (%s)", RunState_str(state));
    }
    monitor_printf(mon, "\n");
}

/* info registers, cpus */

static void dump_cpu(Monitor *mon, CPUState *cpu, bool header)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);

    if (!f) {
        return;
    }
    if (header) {
        fprintf(f, "\nCPU#%d\n", cpu->cpu_index);
    }
    cpu_dump_state(cpu, f, CPU_DUMP_FPU);
    fclose(f);
    monitor_puts(mon, buf);
    free(buf);
}

static void hmp_info_registers(Monitor *mon, int argc, char **argv,
                               Error **errp)
{
    CPUState *cpu;

    if (argc > 1 && strcmp(argv[1], "-a") != 0) {
        error_setg(errp,
                   "info registers: unknown option '%.64s' (expected "
                   "-a)",
                   argv[1]);
        return;
    }
    if (!first_cpu) {
        error_setg(errp, "this machine has no CPU");
        return;
    }
    if (argc == 1) {
        dump_cpu(mon, mon_get_cpu(mon), false);
        return;
    }
    CPU_FOREACH(cpu) {
        dump_cpu(mon, cpu, true);
    }
}

static void hmp_info_cpus(Monitor *mon, int argc, char **argv, Error **errp)
{
    CPUState *cpu;

    CPU_FOREACH(cpu) {
        g_autofree char *path = object_get_canonical_path(OBJECT(cpu));

        monitor_printf(mon, "%c CPU #%d: pc=0x%016" PRIx64 "%s %s\n",
                       cpu == mon_get_cpu(mon) ? '*' : ' ', cpu->cpu_index,
                       cpu_get_pc(cpu), cpu_has_work(cpu) ? "" : " (halted)",
                       path);
    }
}

/*
 * info irq: every device's GPIO lines: the inputs last set high, and
 * where each output goes with the level last set on it.
 */

static int print_device_irqs(Object *obj, void *opaque)
{
    Monitor *mon = opaque;
    DeviceState *dev = (DeviceState *)object_dynamic_cast(obj, TYPE_DEVICE);
    g_autofree char *path = NULL;

    if (!dev || !dev->gpios) {
        return 0;
    }
    path = object_get_canonical_path(obj);
    monitor_printf(mon, "%s (%s)\n", path, object_get_typename(obj));
    for (NamedGPIOList *l = dev->gpios; l; l = l->next) {
        const char *name = l->name ? l->name : "unnamed-gpio";

        if (l->num_in) {
            g_autoptr(GString) high = g_string_new(NULL);

            for (int i = 0; i < l->num_in; i++) {
                if (l->in[i] && l->in[i]->level) {
                    g_string_append_printf(high, " %d", i);
                }
            }
            monitor_printf(mon, "  in  %s[0..%d]: %s%s\n", name, l->num_in - 1,
                           high->len ? "high" : "all low", high->str);
        }
        for (int i = 0; i < l->num_out; i++) {
            qemu_irq pin = *l->out[i];
            g_autofree char *to = NULL;

            if (pin) {
                to = object_get_canonical_path(OBJECT(pin));
            }
            if (to) {
                monitor_printf(mon, "  out %s[%d] -> %s = %d\n", name, i, to,
                               pin->level);
            } else {
                monitor_printf(mon, "  out %s[%d] -> (not connected)\n", name,
                               i);
            }
        }
    }
    return 0;
}

static void hmp_info_irq(Monitor *mon, int argc, char **argv, Error **errp)
{
    Object *machine = object_resolve_path("/machine", NULL);

    if (machine) {
        object_child_foreach_recursive(machine, print_device_irqs, mon);
    }
}

/* qom-list, qom-get, qom-set */

static void hmp_qom_list(Monitor *mon, int argc, char **argv, Error **errp)
{
    Object *obj = hmp_resolve(argc > 1 ? argv[1] : "/", errp);
    ObjectPropertyIterator iter;
    ObjectProperty *prop;

    if (!obj) {
        return;
    }
    object_property_iter_init(&iter, obj);
    while ((prop = object_property_iter_next(&iter))) {
        monitor_printf(mon, "%s (%s)\n", prop->name, prop->type);
    }
}

static void hmp_qom_get(Monitor *mon, int argc, char **argv, Error **errp)
{
    Object *obj = hmp_resolve(argv[1], errp);
    ObjectProperty *prop;
    QObject *value;
    GString *json;

    if (!obj) {
        return;
    }
    prop = object_property_find_err(obj, argv[2], errp);
    if (!prop) {
        return;
    }
    if (!prop->get) {
        error_setg(errp, "property '%.200s' of '%.200s' is write-only", argv[2],
                   argv[1]);
        return;
    }
    value = object_property_get_qobject(obj, argv[2], errp);
    if (!value) {
        return;
    }
    json = qobject_to_json_pretty(value, true);
    monitor_printf(mon, "%s\n", json->str);
    g_string_free(json, TRUE);
    qobject_unref(value);
}

static void hmp_qom_set(Monitor *mon, int argc, char **argv, Error **errp)
{
    Object *obj = hmp_resolve(argv[1], errp);
    ObjectProperty *prop;

    if (!obj) {
        return;
    }
    prop = object_property_find_err(obj, argv[2], errp);
    if (!prop) {
        return;
    }
    if (!prop->set) {
        error_setg(errp, "property '%.200s' of '%.200s' is read-only", argv[2],
                   argv[1]);
        return;
    }
    object_property_parse(obj, argv[2], argv[3], errp);
}

/* device_add, device_del */

static void hmp_device_add(Monitor *mon, int argc, char **argv, Error **errp)
{
    g_autoptr(QDict) opts = NULL;
    const char *driver;
    bool help = false;

    opts = keyval_parse(argv[1], "driver", &help, errp);
    if (!opts) {
        return;
    }
    driver = qdict_get_try_str(opts, "driver");
    if (driver && !strcmp(driver, "help")) {
        driver = NULL;
        help = true;
    }
    if (help) {
        g_autofree char *text = qdev_device_help_text(driver, errp);

        if (text) {
            monitor_puts(mon, text);
        }
        return;
    }
    qdev_device_add(opts, errp);
}

/* Under /machine/peripheral or /machine/peripheral-anon. */
static bool user_created(Object *obj)
{
    Object *parent = object_get_parent(obj);
    Object *machine = object_resolve_path("/machine", NULL);
    const char *name;

    if (!parent || object_get_parent(parent) != machine) {
        return false;
    }
    name = object_get_canonical_path_component(parent);
    return !strcmp(name, "peripheral") || !strcmp(name, "peripheral-anon");
}

static void hmp_device_del(Monitor *mon, int argc, char **argv, Error **errp)
{
    const char *id = argv[1];
    g_autofree char *path = NULL;
    Object *obj;
    DeviceState *dev;

    path = id[0] == '/' ? g_strdup(id)
                        : g_strdup_printf("/machine/peripheral/%s", id);
    obj = object_resolve_path(path, NULL);
    dev = obj ? (DeviceState *)object_dynamic_cast(obj, TYPE_DEVICE) : NULL;
    if (!dev) {
        error_setg(errp,
                   "device '%.200s' not found (device_del takes the id "
                   "given to device_add, or a device's QOM path)",
                   id);
        return;
    }
    if (!user_created(obj)) {
        error_setg(errp,
                   "device '%.200s' belongs to the board: only devices "
                   "added with -device or device_add can be removed",
                   id);
        return;
    }
    qdev_unplug(dev, errp);
}

/* x, xp */

/*
 * Where x and xp read: @cpu is NULL for physical addresses (xp), else the
 * CPU whose side-effect-free translation (cpu_get_phys_page_debug())
 * turns each virtual page into a physical one (x).
 */
typedef struct MemoryDumpReader {
    AddressSpace *as;
    CPUState *cpu;
} MemoryDumpReader;

static bool hmp_disas_read(void *opaque, uint64_t addr, uint8_t *buf,
                           size_t len)
{
    MemoryDumpReader *r = opaque;

    while (len > 0) {
        size_t l = MIN(len, TARGET_PAGE_SIZE - (addr & ~TARGET_PAGE_MASK));
        hwaddr pa = addr;

        if (r->cpu) {
            hwaddr page = cpu_get_phys_page_debug(r->cpu, addr);

            if (page == (hwaddr)-1) {
                return false;
            }
            pa = page | (addr & ~TARGET_PAGE_MASK);
        }
        if (address_space_read(r->as, pa, MEMTXATTRS_UNSPECIFIED, buf, l) !=
            MEMTX_OK) {
            return false;
        }
        addr += l;
        buf += l;
        len -= l;
    }
    return true;
}

static void memory_printc(GString *out, int c)
{
    switch (c) {
    case '\'':
        g_string_append(out, "'\\''");
        break;
    case '\\':
        g_string_append(out, "'\\\\'");
        break;
    case '\n':
        g_string_append(out, "'\\n'");
        break;
    case '\r':
        g_string_append(out, "'\\r'");
        break;
    default:
        if (c >= 32 && c <= 126) {
            g_string_append_printf(out, "'%c'", c);
        } else {
            g_string_append_printf(out, "'\\x%02x'", c);
        }
        break;
    }
}

/* Parse "/[count][format][size]" as QEMU (any order of format/size). */
static bool parse_fmt(Monitor *mon, const char *text, int *count, char *format,
                      int *size, Error **errp)
{
    const char *p = text + 1;
    uint64_t n = 1;

    *format = mon->last_format;
    *size = mon->last_size;
    *count = 1;
    if (g_ascii_isdigit(*p)) {
        const char *end;

        if (qemu_strtou64(p, &end, 10, &n) < 0 || n == 0 ||
            n > HMP_MEMORY_DUMP_MAX) {
            error_setg(errp, "invalid count in '%.64s': expected 1 to %d", text,
                       HMP_MEMORY_DUMP_MAX);
            return false;
        }
        p = end;
    }
    *count = n;
    for (; *p; p++) {
        switch (*p) {
        case 'x':
        case 'd':
        case 'u':
        case 'o':
        case 'c':
        case 'i':
            *format = *p;
            break;
        case 'b':
            *size = 1;
            break;
        case 'h':
            *size = 2;
            break;
        case 'w':
            *size = 4;
            break;
        case 'g':
            *size = 8;
            break;
        default:
            error_setg(errp,
                       "invalid format '%.64s': expected /[count]"
                       "[format][size], format one of x d u o c i, size "
                       "one of b h w g",
                       text);
            return false;
        }
    }
    return true;
}

static bool parse_addr(Monitor *mon, const char *text, uint64_t *addr,
                       Error **errp)
{
    if (!strcmp(text, "$pc") && first_cpu) {
        *addr = cpu_get_pc(mon_get_cpu(mon));
        return true;
    }
    if (qemu_strtou64(text, NULL, 0, addr) < 0) {
        error_setg(errp,
                   "invalid address '%.64s': expected a number "
                   "(0x80000000) or $pc",
                   text);
        return false;
    }
    return true;
}

static void memory_dump(Monitor *mon, int argc, char **argv, bool physical,
                        Error **errp)
{
    MemoryDumpReader reader = {.as = &address_space_memory};
    g_autoptr(GString) out = g_string_new(NULL);
    int count = 1, size = mon->last_size, line_size, digits = 0;
    const char *addr_text = argv[argc - 1];
    char format = mon->last_format;
    uint64_t addr, len;

    if (argc == 3 && argv[1][0] != '/') {
        error_setg(errp, "%s: expected /fmt then an address", argv[0]);
        return;
    }
    if (argc == 2 && argv[1][0] == '/') {
        error_setg(errp, "%s: missing address after '%.64s'", argv[0], argv[1]);
        return;
    }
    if (argc == 3 && !parse_fmt(mon, argv[1], &count, &format, &size, errp)) {
        return;
    }
    if (!parse_addr(mon, addr_text, &addr, errp)) {
        return;
    }
    if (first_cpu && mon_get_cpu(mon)->as) {
        reader.as = mon_get_cpu(mon)->as;
    }
    if (!physical && first_cpu) {
        reader.cpu = mon_get_cpu(mon);
    }
    mon->last_format = format;
    mon->last_size = size;

    if (format == 'i') {
        disas_riscv_lines(out, addr, count, hmp_disas_read, &reader);
        monitor_puts(mon, out->str);
        return;
    }
    if (format == 'c') {
        size = 1;
    }
    len = (uint64_t)count * size;
    if (len > HMP_MEMORY_DUMP_MAX) {
        error_setg(errp, "%s: %" PRIu64 " bytes asked; at most %d at a time",
                   argv[0], len, HMP_MEMORY_DUMP_MAX);
        return;
    }
    line_size = size == 1 ? 8 : 16;
    switch (format) {
    case 'o':
        digits = DIV_ROUND_UP(size * 8, 3);
        break;
    case 'u':
    case 'd':
        digits = DIV_ROUND_UP(size * 8 * 10, 33);
        break;
    case 'x':
        digits = size * 2;
        break;
    default:
        break;
    }
    while (len > 0) {
        uint8_t buf[16];
        int l = MIN(len, (uint64_t)line_size);

        g_string_append_printf(out, "%016" PRIx64 ":", addr);
        if (!hmp_disas_read(&reader, addr, buf, l)) {
            g_string_append(out, " Cannot access memory\n");
            break;
        }
        for (int i = 0; i < l; i += size) {
            uint64_t v = 0;
            int64_t sv;

            for (int b = size - 1; b >= 0; b--) {
                v = (v << 8) | buf[i + b];
            }
            sv = size == 8 ? (int64_t)v
                           : (int64_t)(v << (64 - 8 * size)) >> (64 - 8 * size);
            g_string_append_c(out, ' ');
            switch (format) {
            case 'o':
                g_string_append_printf(out, "%#*" PRIo64, digits, v);
                break;
            case 'x':
                g_string_append_printf(out, "0x%0*" PRIx64, digits, v);
                break;
            case 'u':
                g_string_append_printf(out, "%*" PRIu64, digits, v);
                break;
            case 'd':
                g_string_append_printf(out, "%*" PRId64, digits, sv);
                break;
            case 'c':
                memory_printc(out, v);
                break;
            }
        }
        g_string_append_c(out, '\n');
        addr += l;
        len -= l;
    }
    monitor_puts(mon, out->str);
}

static void hmp_x(Monitor *mon, int argc, char **argv, Error **errp)
{
    memory_dump(mon, argc, argv, false, errp);
}

static void hmp_xp(Monitor *mon, int argc, char **argv, Error **errp)
{
    memory_dump(mon, argc, argv, true, errp);
}

/* cpu, stop, cont, system_reset, quit */

static void hmp_cpu(Monitor *mon, int argc, char **argv, Error **errp)
{
    int64_t index;

    if (qemu_strtoi64(argv[1], NULL, 10, &index) < 0 || index < 0 ||
        index > INT_MAX || !qemu_get_cpu(index)) {
        error_setg(errp, "invalid CPU index '%.64s' (info cpus lists them)",
                   argv[1]);
        return;
    }
    mon->cpu_index = index;
}

static void hmp_stop(Monitor *mon, int argc, char **argv, Error **errp)
{
    if (runstate_is_running()) {
        vm_stop(RUN_STATE_PAUSED);
    }
}

static void hmp_cont(Monitor *mon, int argc, char **argv, Error **errp)
{
    if (runstate_needs_reset()) {
        error_setg(errp, "resetting the virtual machine is required first "
                         "(system_reset)");
        return;
    }
    vm_start();
}

static void hmp_system_reset(Monitor *mon, int argc, char **argv, Error **errp)
{
    qemu_system_reset_request(SHUTDOWN_CAUSE_HOST_QMP_SYSTEM_RESET);
}

static void hmp_quit(Monitor *mon, int argc, char **argv, Error **errp)
{
    mon->quitting = mon->has_chr;
    qemu_system_shutdown_request(SHUTDOWN_CAUSE_HOST_QMP_QUIT);
}

const HMPCommand hmp_info_cmds[] = {
    {
        .name = "cpus",
        .params = "",
        .help = "show the CPUs (* marks the monitor's)",
        .cmd = hmp_info_cpus,
        .min_args = 0,
        .max_args = 0,
        .complete = "",
    },
    {
        .name = "irq",
        .params = "",
        .help = "show every device's GPIO/IRQ lines and their targets",
        .cmd = hmp_info_irq,
        .min_args = 0,
        .max_args = 0,
        .complete = "",
    },
    {
        .name = "mtree",
        .params = "[-f] [-D]",
        .help =
            "show the memory tree (-f: flat views, -D: disabled regions too)",
        .cmd = hmp_info_mtree,
        .min_args = 0,
        .max_args = 2,
        .complete = "--",
    },
    {
        .name = "pci",
        .params = "",
        .help = "show the PCI buses and devices",
        .cmd = hmp_info_pci,
        .min_args = 0,
        .max_args = 0,
        .complete = "",
    },
    {
        .name = "qom-tree",
        .params = "[path]",
        .help = "show the QOM composition tree",
        .cmd = hmp_info_qom_tree,
        .min_args = 0,
        .max_args = 1,
        .complete = "p",
    },
    {
        .name = "qtree",
        .params = "",
        .help = "show the device tree (buses, devices, properties)",
        .cmd = hmp_info_qtree,
        .min_args = 0,
        .max_args = 0,
        .complete = "",
    },
    {
        .name = "registers",
        .params = "[-a]",
        .help = "show the CPU registers (-a: every CPU)",
        .cmd = hmp_info_registers,
        .min_args = 0,
        .max_args = 1,
        .complete = "-",
    },
    {
        .name = "roms",
        .params = "",
        .help = "show the ROMs and images loaded",
        .cmd = hmp_info_roms,
        .min_args = 0,
        .max_args = 0,
        .complete = "",
    },
    {
        .name = "status",
        .params = "",
        .help = "show the VM status (running / paused)",
        .cmd = hmp_info_status,
        .min_args = 0,
        .max_args = 0,
        .complete = "",
    },
    {
        .name = "version",
        .params = "",
        .help = "show the version",
        .cmd = hmp_info_version,
        .min_args = 0,
        .max_args = 0,
        .complete = "",
    },
    {NULL},
};

const HMPCommand hmp_cmds[] = {
    {
        .name = "cpu",
        .params = "index",
        .help = "select the CPU for info registers, x and $pc",
        .cmd = hmp_cpu,
        .min_args = 1,
        .max_args = 1,
        .complete = "-",
    },
    {
        .name = "cont",
        .params = "",
        .help = "resume the VM (also 'c')",
        .cmd = hmp_cont,
        .min_args = 0,
        .max_args = 0,
        .complete = "",
    },
    {
        .name = "c",
        .params = "",
        .help = "resume the VM",
        .cmd = hmp_cont,
        .min_args = 0,
        .max_args = 0,
        .complete = "",
    },
    {
        .name = "device_add",
        .params = "driver[,prop=value][,...]",
        .help = "add a device ('device_add help' lists the types, 'device_add "
                "TYPE,help' the properties)",
        .cmd = hmp_device_add,
        .min_args = 1,
        .max_args = 1,
        .complete = "t",
    },
    {
        .name = "device_del",
        .params = "id",
        .help = "remove a device added with device_add",
        .cmd = hmp_device_del,
        .min_args = 1,
        .max_args = 1,
        .complete = "d",
    },
    {
        .name = "help",
        .params = "[cmd]",
        .help = "show the commands, or one command's help",
        .cmd = hmp_help,
        .min_args = 0,
        .max_args = 2,
        .complete = "ci",
    },
    {
        .name = "?",
        .params = "[cmd]",
        .help = "same as help",
        .cmd = hmp_help,
        .min_args = 0,
        .max_args = 2,
        .complete = "ci",
    },
    {
        .name = "info",
        .params = "[subcommand]",
        .help = "show information about the machine",
        .cmd = hmp_info,
        .min_args = 0,
        .max_args = -1,
        .complete = "i",
    },
    {
        .name = "qom-get",
        .params = "path property",
        .help = "print a property's value (as JSON)",
        .cmd = hmp_qom_get,
        .min_args = 2,
        .max_args = 2,
        .complete = "pP",
    },
    {
        .name = "qom-list",
        .params = "[path]",
        .help = "list an object's properties and their types",
        .cmd = hmp_qom_list,
        .min_args = 0,
        .max_args = 1,
        .complete = "p",
    },
    {
        .name = "qom-set",
        .params = "path property value",
        .help = "set a property (value as on the command line)",
        .cmd = hmp_qom_set,
        .min_args = 3,
        .max_args = 3,
        .complete = "pP",
    },
    {
        .name = "quit",
        .params = "",
        .help = "quit the emulator (also 'q')",
        .cmd = hmp_quit,
        .min_args = 0,
        .max_args = 0,
        .complete = "",
    },
    {
        .name = "q",
        .params = "",
        .help = "quit the emulator",
        .cmd = hmp_quit,
        .min_args = 0,
        .max_args = 0,
        .complete = "",
    },
    {
        .name = "stop",
        .params = "",
        .help = "stop the VM",
        .cmd = hmp_stop,
        .min_args = 0,
        .max_args = 0,
        .complete = "",
    },
    {
        .name = "system_reset",
        .params = "",
        .help = "reset the machine",
        .cmd = hmp_system_reset,
        .min_args = 0,
        .max_args = 0,
        .complete = "",
    },
    {
        .name = "x",
        .params = "/fmt addr",
        .help = "dump virtual memory (fmt: count, x d u o c i, b h w g)",
        .cmd = hmp_x,
        .min_args = 1,
        .max_args = 2,
        .complete = "",
    },
    {
        .name = "xp",
        .params = "/fmt addr",
        .help = "dump physical memory (as x)",
        .cmd = hmp_xp,
        .min_args = 1,
        .max_args = 2,
        .complete = "",
    },
    {NULL},
};

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * machine.c: the abstract machine type, its common options, the machine
 * registry behind -M, and the checks before a board's init runs.
 */
#include "qomu/osdep.h"
#include "qapi/error.h"
#include "qapi/visitor.h"
#include "qomu/cutils.h"
#include "hw/boards.h"

/*
 * RAM size and CPU count shape the board: once it is built they are
 * frozen (qom-set on /machine must not pretend to change the RAM).  The
 * file names and command line stay settable, as in QEMU; they are read
 * when the board is built, so a later change only shows in qom-get.
 */
static bool machine_check_frozen(Object *obj, const char *name,
                                 Error **errp)
{
    if (MACHINE(obj)->built) {
        error_setg(errp, "property '%s' of the machine cannot be changed "
                   "after the machine was built", name);
        return false;
    }
    return true;
}

#define DEFINE_MACHINE_STR_PROP(field, propname)                         \
    static char *machine_get_##field(Object *obj, Error **errp)          \
    {                                                                    \
        return g_strdup(MACHINE(obj)->field);                            \
    }                                                                    \
    static void machine_set_##field(Object *obj, const char *value,      \
                                    Error **errp)                        \
    {                                                                    \
        MachineState *ms = MACHINE(obj);                                 \
        g_free(ms->field);                                               \
        ms->field = g_strdup(value);                                     \
    }

DEFINE_MACHINE_STR_PROP(kernel_filename, "kernel")
DEFINE_MACHINE_STR_PROP(initrd_filename, "initrd")
DEFINE_MACHINE_STR_PROP(kernel_cmdline, "append")
DEFINE_MACHINE_STR_PROP(dtb, "dtb")
DEFINE_MACHINE_STR_PROP(dumpdtb, "dumpdtb")
DEFINE_MACHINE_STR_PROP(firmware, "firmware")

static void machine_get_ram_size(Object *obj, Visitor *v, const char *name,
                                 void *opaque, Error **errp)
{
    uint64_t value = MACHINE(obj)->ram_size;

    visit_type_size(v, name, &value, errp);
}

static void machine_set_ram_size(Object *obj, Visitor *v, const char *name,
                                 void *opaque, Error **errp)
{
    uint64_t value;

    if (machine_check_frozen(obj, name, errp) &&
        visit_type_size(v, name, &value, errp)) {
        MACHINE(obj)->ram_size = value;
    }
}

static void machine_get_smp(Object *obj, Visitor *v, const char *name,
                            void *opaque, Error **errp)
{
    uint32_t value = MACHINE(obj)->smp_cpus;

    visit_type_uint32(v, name, &value, errp);
}

static void machine_set_smp(Object *obj, Visitor *v, const char *name,
                            void *opaque, Error **errp)
{
    uint32_t value;

    if (machine_check_frozen(obj, name, errp) &&
        visit_type_uint32(v, name, &value, errp)) {
        MACHINE(obj)->smp_cpus = value;
    }
}

static void machine_class_init(ObjectClass *oc, const void *data)
{
    static const struct {
        const char *name;
        char *(*get)(Object *, Error **);
        void (*set)(Object *, const char *, Error **);
        const char *desc;
    } strs[] = {
        { "kernel", machine_get_kernel_filename,
          machine_set_kernel_filename, "the kernel image (-kernel)" },
        { "initrd", machine_get_initrd_filename,
          machine_set_initrd_filename, "the initial ram disk (-initrd)" },
        { "append", machine_get_kernel_cmdline, machine_set_kernel_cmdline,
          "the kernel command line (-append)" },
        { "dtb", machine_get_dtb, machine_set_dtb,
          "a device tree blob to use instead of the generated one (-dtb)" },
        { "dumpdtb", machine_get_dumpdtb, machine_set_dumpdtb,
          "write the device tree to this file and exit" },
        { "firmware", machine_get_firmware, machine_set_firmware,
          "the firmware image (-bios): a file, 'default' or 'none'" },
    };
    ObjectProperty *op;

    for (size_t i = 0; i < ARRAY_SIZE(strs); i++) {
        object_class_property_add_str(oc, strs[i].name, strs[i].get,
                                      strs[i].set);
        object_class_property_set_description(oc, strs[i].name,
                                              strs[i].desc);
    }
    op = object_class_property_add(oc, "ram-size", "size",
                                   machine_get_ram_size, machine_set_ram_size,
                                   NULL, NULL);
    object_class_property_set_description(oc, "ram-size",
                                          "RAM size in bytes (-m)");
    (void)op;
    object_class_property_add(oc, "smp", "uint32", machine_get_smp,
                              machine_set_smp, NULL, NULL);
    object_class_property_set_description(oc, "smp",
                                          "number of harts (-smp)");
}

/* The class defaults become the instance's starting values. */
static void machine_initfn(Object *obj)
{
    MachineState *ms = MACHINE(obj);
    MachineClass *mc = MACHINE_GET_CLASS(obj);

    ms->ram_size = mc->default_ram_size;
    ms->smp_cpus = mc->default_cpus ? mc->default_cpus : 1;
    ms->cpu_type = g_strdup(mc->default_cpu_type);
}

static void machine_finalize(Object *obj)
{
    MachineState *ms = MACHINE(obj);

    g_free(ms->cpu_type);
    g_free(ms->firmware);
    g_free(ms->kernel_filename);
    g_free(ms->initrd_filename);
    g_free(ms->kernel_cmdline);
    g_free(ms->dtb);
    g_free(ms->dumpdtb);
    g_free(ms->fdt);
}

static const TypeInfo machine_info = {
    .name = TYPE_MACHINE,
    .parent = TYPE_OBJECT,
    .abstract = true,
    .class_size = sizeof(MachineClass),
    .class_init = machine_class_init,
    .instance_size = sizeof(MachineState),
    .instance_init = machine_initfn,
    .instance_finalize = machine_finalize,
};

static void machine_register_types(void)
{
    type_register_static(&machine_info);
}

type_init(machine_register_types)

const char *machine_class_short_name(MachineClass *mc)
{
    static GHashTable *names;
    const char *type = object_class_get_name(OBJECT_CLASS(mc));
    char *name;

    if (!names) {
        names = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, g_free);
    }
    name = g_hash_table_lookup(names, type);
    if (!name) {
        name = g_strdup(type);
        if (g_str_has_suffix(name, TYPE_MACHINE_SUFFIX)) {
            name[strlen(name) - strlen(TYPE_MACHINE_SUFFIX)] = '\0';
        }
        g_hash_table_insert(names, (char *)type, name);
    }
    return name;
}

MachineClass *machine_class_by_name(const char *name, Error **errp)
{
    g_autoptr(GSList) list = object_class_get_list(TYPE_MACHINE, false);
    g_autoptr(GPtrArray) names = g_ptr_array_new();
    const char *guess;

    for (GSList *l = list; l; l = l->next) {
        MachineClass *mc = l->data;
        const char *short_name = machine_class_short_name(mc);

        if (!strcmp(short_name, name) ||
            !strcmp(object_class_get_name(l->data), name)) {
            return mc;
        }
        g_ptr_array_add(names, (char *)short_name);
    }
    g_ptr_array_add(names, NULL);
    error_setg(errp, "unsupported machine type '%s'", name);
    guess = qemu_suggest(name, (const char *const *)names->pdata);
    if (guess) {
        error_append_hint(errp, "Did you mean '%s'?\n", guess);
    }
    error_append_hint(errp, "Use -machine help to list supported machines\n");
    return NULL;
}

MachineClass *machine_default_class(void)
{
    g_autoptr(GSList) list = object_class_get_list(TYPE_MACHINE, false);

    for (GSList *l = list; l; l = l->next) {
        if (((MachineClass *)l->data)->is_default) {
            return l->data;
        }
    }
    return NULL;
}

char *machine_help_text(void)
{
    g_autoptr(GSList) list = object_class_get_list(TYPE_MACHINE, false);
    GString *out = g_string_new("Supported machines are:\n");

    for (GSList *l = list; l; l = l->next) {
        MachineClass *mc = l->data;

        g_string_append_printf(out, "%-20s %s%s\n",
                               machine_class_short_name(mc),
                               mc->desc ? mc->desc : "",
                               mc->is_default ? " (default)" : "");
    }
    return g_string_free(out, FALSE);
}

/* "16 MiB": exact binary units, as a user would type them with -m. */
static char *size_to_text(uint64_t bytes)
{
    static const char *const units[] = { "B", "KiB", "MiB", "GiB", "TiB" };
    int u = 0;

    while (u < 4 && bytes && !(bytes & 1023)) {
        bytes >>= 10;
        u++;
    }
    return g_strdup_printf("%" PRIu64 " %s", bytes, units[u]);
}

bool machine_run_board_init(MachineState *ms, Error **errp)
{
    MachineClass *mc = MACHINE_GET_CLASS(ms);
    const char *name = machine_class_short_name(mc);

    if (mc->min_ram_size && ms->ram_size < mc->min_ram_size) {
        g_autofree char *min = size_to_text(mc->min_ram_size);
        g_autofree char *got = size_to_text(ms->ram_size);
        error_setg(errp, "machine '%s' needs at least %s of RAM, got %s "
                   "(-m)", name, min, got);
        return false;
    }
    if (mc->max_ram_size && ms->ram_size > mc->max_ram_size) {
        g_autofree char *max = size_to_text(mc->max_ram_size);
        g_autofree char *got = size_to_text(ms->ram_size);
        error_setg(errp, "machine '%s' supports at most %s of RAM, got %s "
                   "(-m)", name, max, got);
        return false;
    }
    if (ms->smp_cpus < 1 || (mc->max_cpus && ms->smp_cpus > mc->max_cpus)) {
        error_setg(errp, "machine '%s' supports 1 to %u CPUs, got %u "
                   "(-smp)", name, mc->max_cpus ? mc->max_cpus : 1,
                   ms->smp_cpus);
        return false;
    }
    if (!mc->init) {
        error_setg(errp, "machine '%s' cannot be built (no init)", name);
        return false;
    }
    if (!mc->init(ms, errp)) {
        return false;
    }
    ms->built = true;
    return true;
}

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * main.c: qomu-system-riscv64's command line (QEMU's spellings), machine
 * creation, and the teardown of the whole tree at exit.
 */
#include "qomu/osdep.h"
#include "qapi/error.h"
#include "qapi/keyval.h"
#include "qobject/qdict.h"
#include "qobject/qstring.h"
#include "qomu/cutils.h"
#include "qomu/log.h"
#include "qomu/module.h"
#include "qom/object.h"
#include "exec/address-spaces.h"
#include "hw/boards.h"
#include "hw/core/cpu.h"
#include "hw/loader.h"
#include "hw/qdev-core.h"
#include "hw/qdev-properties.h"
#include "hw/resettable.h"
#include "chardev/char.h"
#include "monitor/monitor.h"
#include "monitor/qmp.h"
#include "qomu/timer.h"
#include "system/main-loop.h"
#include "system/qtest.h"
#include "system/runstate.h"
#include "system/system.h"

#define PROGNAME "qomu-system-riscv64"

typedef enum {
    OPT_MACHINE,
    OPT_CPU,
    OPT_MEMORY,
    OPT_SMP,
    OPT_BIOS,
    OPT_KERNEL,
    OPT_INITRD,
    OPT_APPEND,
    OPT_DTB,
    OPT_DEVICE,
    OPT_GLOBAL,
    OPT_SERIAL,
    OPT_MONITOR,
    OPT_QMP,
    OPT_CHARDEV,
    OPT_QTEST,
    OPT_NOGRAPHIC,
    OPT_DISPLAY,
    OPT_START_STOPPED,
    OPT_LOG,
    OPT_LOGFILE,
    OPT_NO_REBOOT,
    OPT_NO_SHUTDOWN,
    OPT_ICOUNT,
    OPT_VERSION,
    OPT_HELP,
} OptionIndex;

typedef struct OptionDef {
    const char *name;
    OptionIndex index;
    const char *arg; /* NULL: takes no argument */
    const char *help;
} OptionDef;

static const OptionDef option_defs[] = {
    { "M", OPT_MACHINE, "TYPE[,prop=value...]",
      "select the machine and set its properties (-M help lists machines, "
      "-M TYPE,help their properties)" },
    { "machine", OPT_MACHINE, "TYPE[,prop=value...]", NULL },
    { "cpu", OPT_CPU, "MODEL[,ext=on|off...]",
      "select the CPU model (-cpu help lists them)" },
    { "m", OPT_MEMORY, "SIZE", "RAM size; a plain number is MiB (512, 1G)" },
    { "smp", OPT_SMP, "N", "number of harts" },
    { "bios", OPT_BIOS, "FILE|default|none", "the firmware image" },
    { "kernel", OPT_KERNEL, "FILE", "the kernel (ELF or raw image)" },
    { "initrd", OPT_INITRD, "FILE", "the initial ram disk" },
    { "append", OPT_APPEND, "CMDLINE", "the kernel command line" },
    { "dtb", OPT_DTB, "FILE", "use this device tree blob" },
    { "device", OPT_DEVICE, "DRIVER[,prop=value...]",
      "add a device (-device help lists them, -device DRIVER,help its "
      "properties)" },
    { "global", OPT_GLOBAL, "DRIVER.PROP=VALUE",
      "default value of a device property for every device of a type" },
    { "serial", OPT_SERIAL, "DEV", "serial port backend (stdio, null, "
      "file:PATH, unix:PATH,server,nowait, tcp::PORT,server, mon:stdio)" },
    { "monitor", OPT_MONITOR, "DEV", "the human monitor's backend" },
    { "qmp", OPT_QMP, "DEV", "a QMP (JSON) monitor on DEV" },
    { "chardev", OPT_CHARDEV, "BACKEND,id=ID[,...]", "a character device" },
    { "qtest", OPT_QTEST, "DEV", "the test protocol on DEV" },
    { "nographic", OPT_NOGRAPHIC, NULL,
      "no display; serial port and monitor share the terminal (Ctrl-A h)" },
    { "display", OPT_DISPLAY, "none", "no display (the only kind)" },
    { "S", OPT_START_STOPPED, NULL, "do not start the CPUs (use 'cont')" },
    { "d", OPT_LOG, "ITEM[,...]", "log items (-d help lists them)" },
    { "D", OPT_LOGFILE, "FILE", "write the log to FILE" },
    { "no-reboot", OPT_NO_REBOOT, NULL, "exit instead of rebooting" },
    { "no-shutdown", OPT_NO_SHUTDOWN, NULL,
      "stop instead of exiting on guest shutdown" },
    { "icount", OPT_ICOUNT, "shift=N",
      "deterministic time: 2^N ns per instruction" },
    { "version", OPT_VERSION, NULL, "print the version and exit" },
    { "h", OPT_HELP, NULL, "print this help and exit" },
    { "help", OPT_HELP, NULL, NULL },
};

static QomuConfig config;

static void usage(void)
{
    printf("usage: " PROGNAME " [options]\n\n");
    for (size_t i = 0; i < ARRAY_SIZE(option_defs); i++) {
        const OptionDef *o = &option_defs[i];
        g_autofree char *left = g_strdup_printf("-%s%s%s", o->name,
                                                o->arg ? " " : "",
                                                o->arg ? o->arg : "");

        if (!o->help) {
            continue; /* an alias listed under its other spelling */
        }
        if (strlen(left) > 30) {
            printf("%s\n%-31s %s\n", left, "", o->help);
        } else {
            printf("%-31s %s\n", left, o->help);
        }
    }
    printf("\nOptions take one or two dashes (-M or --M).\n");
}

/*
 * The command line reports an error as exactly one line: the message,
 * then its hints ("Did you mean ...") folded in after a semicolon.
 */
static void report_one_line(Error *err)
{
    const char *hint = error_get_hint(err);

    if (hint) {
        g_auto(GStrv) lines = g_strsplit(hint, "\n", -1);
        g_autoptr(GString) folded = g_string_new(NULL);

        for (int i = 0; lines[i]; i++) {
            if (!lines[i][0]) {
                continue;
            }
            if (folded->len) {
                char last = folded->str[folded->len - 1];
                g_string_append(folded, strchr("?.!", last) ? " " : "; ");
            }
            g_string_append(folded, lines[i]);
        }
        error_report("%s; %s", error_get_pretty(err), folded->str);
    } else {
        error_report("%s", error_get_pretty(err));
    }
    error_free(err);
}

/* One error line with the option it came from, then exit status 1. */
static void QOMU_NORETURN option_error(const char *opt, const char *arg,
                                       Error *err)
{
    if (arg) {
        error_prepend(&err, "-%s %s: ", opt, arg);
    } else {
        error_prepend(&err, "-%s: ", opt);
    }
    report_one_line(err);
    exit(1);
}

/*
 * Print a help text and exit 0, freeing what the command line holds so
 * that LeakSanitizer sees a clean exit.
 */
static void QOMU_NORETURN exit_with_help(char *text)
{
    fputs(text, stdout);
    g_free(text);
    qobject_unref(config.machine_opts);
    for (GPtrArray **l = (GPtrArray *[]){ config.devices, config.globals,
                                          config.serials, config.chardevs,
                                          NULL }; *l; l++) {
        g_ptr_array_free(*l, TRUE);
    }
    exit(0);
}

static void append_opt(GPtrArray **list, const char *arg)
{
    if (!*list) {
        *list = g_ptr_array_new();
    }
    g_ptr_array_add(*list, (char *)arg);
}

static void set_str(const char **field, const char *arg)
{
    *field = arg;
}

static void parse_machine_opt(const char *arg)
{
    Error *err = NULL;
    bool help = false;

    if (!config.machine_opts) {
        config.machine_opts = qdict_new();
    }
    config.machine_arg = arg;
    if (!keyval_parse_into(config.machine_opts, arg, "type", &help, &err)) {
        option_error("machine", arg, err);
    }
    if (help) {
        config.machine_help = true;
    }
}

static void parse_args(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        const char *word = argv[i];
        const char *name;
        const char *arg = NULL;
        const OptionDef *def = NULL;

        if (word[0] != '-' || !word[1]) {
            error_report("%s: invalid argument: options start with '-' "
                         "(try -h)", word);
            exit(1);
        }
        name = word + 1;
        if (name[0] == '-') {
            name++;
        }
        for (size_t j = 0; j < ARRAY_SIZE(option_defs); j++) {
            if (!strcmp(option_defs[j].name, name)) {
                def = &option_defs[j];
                break;
            }
        }
        if (!def) {
            error_report("-%s: invalid option (try -h)", name);
            exit(1);
        }
        if (def->arg) {
            if (i + 1 >= argc) {
                error_report("-%s: requires an argument (%s)", name,
                             def->arg);
                exit(1);
            }
            arg = argv[++i];
        }

        switch (def->index) {
        case OPT_MACHINE:
            parse_machine_opt(arg);
            break;
        case OPT_CPU:
            set_str(&config.cpu, arg);
            break;
        case OPT_MEMORY:
            set_str(&config.mem, arg);
            break;
        case OPT_SMP:
            set_str(&config.smp, arg);
            break;
        case OPT_BIOS:
            set_str(&config.bios, arg);
            break;
        case OPT_KERNEL:
            set_str(&config.kernel, arg);
            break;
        case OPT_INITRD:
            set_str(&config.initrd, arg);
            break;
        case OPT_APPEND:
            set_str(&config.append, arg);
            break;
        case OPT_DTB:
            set_str(&config.dtb, arg);
            break;
        case OPT_DEVICE:
            append_opt(&config.devices, arg);
            break;
        case OPT_GLOBAL:
            append_opt(&config.globals, arg);
            break;
        case OPT_SERIAL:
            append_opt(&config.serials, arg);
            break;
        case OPT_CHARDEV:
            append_opt(&config.chardevs, arg);
            break;
        case OPT_MONITOR:
            set_str(&config.monitor, arg);
            break;
        case OPT_QMP:
            set_str(&config.qmp, arg);
            break;
        case OPT_QTEST:
            set_str(&config.qtest, arg);
            break;
        case OPT_NOGRAPHIC:
            config.nographic = true;
            break;
        case OPT_DISPLAY:
            if (strcmp(arg, "none") != 0) {
                error_report("-display %s: unsupported display; qomu has "
                             "only -display none", arg);
                exit(1);
            }
            config.display_none = true;
            break;
        case OPT_START_STOPPED:
            config.start_stopped = true;
            break;
        case OPT_LOG:
            set_str(&config.log_items, arg);
            break;
        case OPT_LOGFILE:
            set_str(&config.log_file, arg);
            break;
        case OPT_NO_REBOOT:
            config.no_reboot = true;
            break;
        case OPT_NO_SHUTDOWN:
            config.no_shutdown = true;
            break;
        case OPT_ICOUNT:
            set_str(&config.icount, arg);
            break;
        case OPT_VERSION:
            printf("QOMU emulator version " QOMU_VERSION "\n");
            exit(0);
        case OPT_HELP:
            usage();
            exit(0);
        }
    }
}

static void setup_log(void)
{
    if (config.log_items) {
        g_autofree char *bad = NULL;
        int mask;

        if (!strcmp(config.log_items, "help")) {
            printf("Log items (comma separated):\n");
            for (const QEMULogItem *it = qemu_log_items; it->mask; it++) {
                printf("%-15s %s\n", it->name, it->help);
            }
            printf("%-15s %s\n", "all", "every item above");
            exit(0);
        }
        mask = qemu_str_to_log_mask(config.log_items, &bad);
        if (mask < 0) {
            error_report("-d %s: unknown log item '%s' (-d help lists them)",
                         config.log_items, bad);
            exit(1);
        }
        qemu_set_log(mask);
    }
    if (config.log_file && !qemu_set_log_filename(config.log_file)) {
        error_report("-D %s: cannot open log file: %s", config.log_file,
                     g_strerror(errno));
        exit(1);
    }
}

static MachineClass *select_machine(void)
{
    const char *type = NULL;
    MachineClass *mc;
    Error *err = NULL;

    if (config.machine_opts) {
        type = qdict_get_try_str(config.machine_opts, "type");
    }
    if ((type && !strcmp(type, "help")) || (!type && config.machine_help)) {
        exit_with_help(machine_help_text());
    }
    if (!type) {
        mc = machine_default_class();
        if (!mc) {
            error_report("no machine given with -M, and there is no default "
                         "(-M help lists them)");
            exit(1);
        }
        return mc;
    }
    mc = machine_class_by_name(type, &err);
    if (!mc) {
        option_error("machine", type, err);
    }
    return mc;
}

static void machine_help(MachineClass *mc)
{
    ObjectPropertyIterator iter;
    ObjectProperty *prop;

    printf("%s options:\n", machine_class_short_name(mc));
    object_class_property_iter_init(&iter, OBJECT_CLASS(mc));
    while ((prop = object_property_iter_next(&iter))) {
        g_autofree char *def = object_property_get_default(prop);

        if (!prop->set || !strcmp(prop->name, "type")) {
            continue;
        }
        printf("  %s=<%s>%s%s%s%s\n", prop->name, prop->type,
               prop->description ? " - " : "",
               prop->description ? prop->description : "",
               def ? " (default: " : "", def ? def : "");
        if (def) {
            printf(")\n");
        }
    }
    exit(0);
}

/* -device help and -device DRIVER,help are answered before any board. */
static void device_help(void)
{
    for (guint i = 0; config.devices && i < config.devices->len; i++) {
        const char *arg = g_ptr_array_index(config.devices, i);
        g_autoptr(QDict) opts = NULL;
        g_autofree char *text = NULL;
        Error *err = NULL;
        bool help = false;
        const char *driver;

        opts = keyval_parse(arg, "driver", &help, &err);
        if (!opts) {
            option_error("device", arg, err);
        }
        driver = qdict_get_try_str(opts, "driver");
        if (driver && !strcmp(driver, "help")) {
            driver = NULL;
            help = true;
        }
        if (!help) {
            continue;
        }
        text = qdev_device_help_text(driver, &err);
        if (!text) {
            option_error("device", arg, err);
        }
        qobject_unref(g_steal_pointer(&opts));
        exit_with_help(g_steal_pointer(&text));
    }
}

/*
 * A CPU model's name is its type name without the family suffix: the
 * nearest abstract ancestor's name ("rv64-riscv-cpu" -> "rv64").
 */
static char *cpu_model_name(const char *type)
{
    ObjectClass *oc = object_class_by_name(type);

    for (oc = object_class_get_parent(oc); oc;
         oc = object_class_get_parent(oc)) {
        g_autofree char *suffix =
            g_strdup_printf("-%s", object_class_get_name(oc));

        if (object_class_is_abstract(oc) && g_str_has_suffix(type, suffix)) {
            return g_strndup(type, strlen(type) - strlen(suffix));
        }
    }
    return g_strdup(type);
}

static const char *cpu_type_by_model(const char *model)
{
    g_autoptr(GSList) list = object_class_get_list(TYPE_CPU, false);

    for (GSList *l = list; l; l = l->next) {
        const char *type = object_class_get_name(l->data);
        g_autofree char *name = cpu_model_name(type);

        if (!strcmp(type, model) || !strcmp(name, model)) {
            return type;
        }
    }
    return NULL;
}

static void QOMU_NORETURN cpu_help(QDict *opts)
{
    GSList *list = object_class_get_list(TYPE_CPU, false);
    GString *out = g_string_new("Available CPUs:\n");

    for (GSList *l = list; l; l = l->next) {
        g_autofree char *model =
            cpu_model_name(object_class_get_name(l->data));
        g_string_append_printf(out, "  %s\n", model);
    }
    g_slist_free(list);
    qobject_unref(opts);
    exit_with_help(g_string_free(out, FALSE));
}

/*
 * -cpu MODEL[,prop=value...]: the model picks the CPU type; the
 * properties become -global defaults for that type, as in QEMU.
 */
static void configure_cpu(void)
{
    g_autoptr(QDict) opts = NULL;
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
    Error *err = NULL;
    const char *model, *type;
    ObjectClass *oc;
    bool help = false;

    opts = keyval_parse(config.cpu, "model", &help, &err);
    if (!opts) {
        option_error("cpu", config.cpu, err);
    }
    model = qdict_get_try_str(opts, "model");
    if (help || !model || !strcmp(model, "help")) {
        cpu_help(g_steal_pointer(&opts));
    }
    type = cpu_type_by_model(model);
    if (!type) {
        g_autoptr(GSList) list = object_class_get_list(TYPE_CPU, false);
        const char *guess;

        for (GSList *l = list; l; l = l->next) {
            g_ptr_array_add(names,
                            cpu_model_name(object_class_get_name(l->data)));
        }
        g_ptr_array_add(names, NULL);
        error_setg(&err, "unknown CPU model '%s'", model);
        guess = qemu_suggest(model, (const char *const *)names->pdata);
        if (guess) {
            error_append_hint(&err, "Did you mean '%s'?\n", guess);
        }
        error_append_hint(&err, "-cpu help lists the CPU models\n");
        option_error("cpu", config.cpu, err);
    }
    oc = object_class_by_name(type);
    for (const QDictEntry *e = qdict_first(opts); e;
         e = qdict_next(opts, e)) {
        QString *value = qobject_to(QString, e->value);
        g_autofree char *global = NULL;

        if (!strcmp(e->key, "model")) {
            continue;
        }
        if (!value) {
            error_setg(&err, "property '%s' takes a single value", e->key);
            option_error("cpu", config.cpu, err);
        }
        if (!object_class_property_find(oc, e->key)) {
            error_setg(&err, "CPU model '%s' has no property '%s'", model,
                       e->key);
            option_error("cpu", config.cpu, err);
        }
        global = g_strdup_printf("%s.%s=%s", type, e->key,
                                 qstring_get_str(value));
        if (!qdev_global_parse(global, &err)) {
            option_error("cpu", config.cpu, err);
        }
    }
    config.cpu_type = type;
}

static void set_machine_str(MachineState *ms, const char *prop,
                            const char *value)
{
    if (value) {
        object_property_set_str(OBJECT(ms), prop, value, &error_abort);
    }
}

static void configure_machine(MachineState *ms)
{
    Error *err = NULL;

    if (config.machine_opts) {
        g_autoptr(QDict) props = qdict_clone_shallow(config.machine_opts);

        qdict_del(props, "type");
        if (!object_set_properties_from_qdict(OBJECT(ms), props, true,
                                              &err)) {
            option_error("machine", config.machine_arg, err);
        }
    }
    if (config.mem) {
        uint64_t size;
        const char *end;
        const char *text = config.mem;

        strstart(text, "size=", &text);
        if (qemu_strtosz_MiB(text, &end, &size) < 0 || *end || !size) {
            error_report("-m %s: invalid RAM size: expected a number with an "
                         "optional suffix (512, 512M, 2G; no suffix is MiB)",
                         config.mem);
            exit(1);
        }
        ms->ram_size = size;
    }
    if (config.smp) {
        unsigned int n;
        const char *text = config.smp;

        strstart(text, "cpus=", &text);
        if (qemu_strtoui(text, NULL, 10, &n) < 0 || n == 0) {
            error_report("-smp %s: invalid number of CPUs: expected a "
                         "positive integer", config.smp);
            exit(1);
        }
        ms->smp_cpus = n;
    }
    set_machine_str(ms, "firmware", config.bios);
    set_machine_str(ms, "kernel", config.kernel);
    set_machine_str(ms, "initrd", config.initrd);
    set_machine_str(ms, "append", config.append);
    set_machine_str(ms, "dtb", config.dtb);
    if (config.cpu_type) {
        g_free(ms->cpu_type);
        ms->cpu_type = g_strdup(config.cpu_type);
    }
}

static void create_devices(void)
{
    for (guint i = 0; config.devices && i < config.devices->len; i++) {
        const char *arg = g_ptr_array_index(config.devices, i);
        g_autoptr(QDict) opts = NULL;
        Error *err = NULL;

        opts = keyval_parse(arg, "driver", NULL, &err);
        if (!opts || !qdev_device_add(opts, &err)) {
            option_error("device", arg, err);
        }
    }
}

static void register_globals(void)
{
    for (guint i = 0; config.globals && i < config.globals->len; i++) {
        const char *arg = g_ptr_array_index(config.globals, i);
        Error *err = NULL;

        if (!qdev_global_parse(arg, &err)) {
            report_one_line(err); /* the message names -global already */
            exit(1);
        }
    }
}

static bool configure_icount(const char *arg, Error **errp)
{
    const char *text = arg;
    int shift;

    strstart(text, "shift=", &text);
    if (qemu_strtoi(text, NULL, 10, &shift) < 0) {
        error_setg(errp, "-icount %s: expected shift=N with N from 0 to %d",
                   arg, MAX_ICOUNT_SHIFT);
        return false;
    }
    if (!icount_configure(shift, errp)) {
        error_prepend(errp, "-icount %s: ", arg);
        return false;
    }
    return true;
}

bool system_config_apply(const QomuConfig *cfg, MachineState *ms,
                         Error **errp)
{
    if (!qemu_init_main_loop(errp)) {
        return false;
    }
    os_setup_signal_handling();
    runstate_set_no_reboot(cfg->no_reboot);
    runstate_set_no_shutdown(cfg->no_shutdown);
    if (cfg->icount && !configure_icount(cfg->icount, errp)) {
        return false;
    }
    monitor_init_globals(); /* before any "mon:" chardev is made */
    for (guint i = 0; cfg->chardevs && i < cfg->chardevs->len; i++) {
        const char *arg = g_ptr_array_index(cfg->chardevs, i);

        if (!qemu_chr_new_from_opts(arg, errp)) {
            error_prepend(errp, "-chardev %s: ", arg);
            return false;
        }
    }
    if (cfg->serials) {
        for (guint i = 0; i < cfg->serials->len; i++) {
            const char *arg = g_ptr_array_index(cfg->serials, i);
            g_autofree char *label = g_strdup_printf("serial%u", i);
            Error *err = NULL;
            Chardev *chr = qemu_chr_new_serial(label, arg, &err);

            if (err) {
                error_propagate_prepend(errp, err, "-serial %s: ", arg);
                return false;
            }
            serial_hds_add(chr); /* NULL for "none" keeps the index */
        }
    } else if (!cfg->display_none || cfg->nographic) {
        /* qomu has no graphical display: the terminal is the console. */
        Chardev *chr = qemu_chr_new_serial("serial0", "mon:stdio", errp);

        if (!chr) {
            return false;
        }
        serial_hds_add(chr);
    }
    if (cfg->monitor && !monitor_init_from_spec(cfg->monitor, errp)) {
        error_prepend(errp, "-monitor %s: ", cfg->monitor);
        return false;
    }
    if (cfg->qtest && !qtest_server_init(cfg->qtest, errp)) {
        error_prepend(errp, "-qtest %s: ", cfg->qtest);
        return false;
    }
    /* QMP (monitor/qmp.c) */
    if (cfg->qmp && !qmp_init_from_spec(cfg->qmp, errp)) {
        error_prepend(errp, "-qmp %s: ", cfg->qmp);
        return false;
    }
    return true;
}

/* Everything qomu allocated is freed: the tree, memory, ROMs, globals. */
static void teardown(void)
{
    qmp_cleanup();          /* SHUTDOWN, if owed, while the socket is open */
    /*
     * The monitor goes first: unplugging the UART from the stdio mux would
     * hand the monitor the focus and make it print its banner at exit.
     */
    monitor_cleanup();
    qdev_teardown_all();
    serial_hds_cleanup();
    qtest_server_cleanup();
    chardev_cleanup_all();
    object_root_cleanup();
    rom_list_free();        /* the ROM list points into the address spaces */
    memory_map_cleanup();
    qdev_prop_reset_globals();
    qobject_unref(config.machine_opts);
    config.machine_opts = NULL;
    if (config.devices) {
        g_ptr_array_free(config.devices, TRUE);
    }
    if (config.globals) {
        g_ptr_array_free(config.globals, TRUE);
    }
    if (config.serials) {
        g_ptr_array_free(config.serials, TRUE);
    }
    if (config.chardevs) {
        g_ptr_array_free(config.chardevs, TRUE);
    }
    runstate_cleanup();
    qemu_main_loop_cleanup();
    qemu_log_close();
}

int main(int argc, char **argv)
{
    MachineClass *mc;
    MachineState *ms;
    Error *err = NULL;
    int status;

    error_set_progname(PROGNAME);
    g_set_prgname(PROGNAME);
    module_call_init(MODULE_INIT_QOM);

    parse_args(argc, argv);
    setup_log();
    if (config.cpu) {
        configure_cpu();
    }
    device_help();
    mc = select_machine();
    if (config.machine_help) {
        machine_help(mc);
    }

    memory_map_init();
    ms = MACHINE(object_new_with_class(OBJECT_CLASS(mc)));
    object_property_add_child(object_get_root(), "machine", OBJECT(ms));
    object_unref(ms);
    /* Where -device and device_add put devices, as in QEMU. */
    container_get(OBJECT(ms), "peripheral");
    container_get(OBJECT(ms), "peripheral-anon");

    register_globals();
    configure_machine(ms);
    if (!system_config_apply(&config, ms, &err) ||
        !machine_run_board_init(ms, &err)) {
        report_one_line(err);
        teardown();
        return 1;
    }
    create_devices();
    qdev_prop_check_globals();
    qdev_machine_creation_done();

    status = system_run(&config, ms);
    teardown();
    return status;
}

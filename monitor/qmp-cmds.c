/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qmp-cmds.c: the QMP commands, with QEMU's names, arguments, result
 * shapes and error classes (QEMU's QAPI schema and
 * monitor/qmp-cmds.c, qom/qom-qmp-cmds.c, system/qdev-monitor.c).
 * Arguments are checked against the table's spec before a command runs.
 */
#include "qomu/osdep.h"
#include "qapi/error.h"
#include "hw/core/cpu.h"
#include "hw/qdev-core.h"
#include "monitor/hmp.h"
#include "monitor/qmp.h"
#include "qobject/qbool.h"
#include "qobject/qdict.h"
#include "qobject/qlist.h"
#include "qobject/qnum.h"
#include "qobject/qstring.h"
#include "qom/object.h"
#include "system/runstate.h"

#include <unistd.h>

static QObject *qmp_empty(void)
{
    return QOBJECT(qdict_new());
}

/* QEMU's qom-* commands name a missing object with DeviceNotFound. */
static Object *qmp_resolve(const char *path, Error **errp)
{
    bool ambiguous = false;
    Object *obj = object_resolve_path(path, &ambiguous);

    if (ambiguous) {
        error_setg(errp, "Path '%.200s' is ambiguous", path);
        return NULL;
    }
    if (!obj) {
        error_set(errp, ERROR_CLASS_DEVICE_NOT_FOUND,
                  "Device '%.200s' not found", path);
        return NULL;
    }
    return obj;
}

/* query-version, query-status, query-commands */

static QObject *qmp_query_version(QDict *args, Error **errp)
{
    QDict *ret = qdict_new();
    QDict *qemu = qdict_new();
    unsigned major = 0, minor = 0, micro = 0;

    sscanf(QOMU_VERSION, "%u.%u.%u", &major, &minor, &micro);
    qdict_put_int(qemu, "micro", micro);
    qdict_put_int(qemu, "minor", minor);
    qdict_put_int(qemu, "major", major);
    qdict_put_obj(ret, "qemu", QOBJECT(qemu));
    qdict_put_str(ret, "package", "qomu");
    return QOBJECT(ret);
}

static QObject *qmp_query_status(QDict *args, Error **errp)
{
    QDict *ret = qdict_new();

    qdict_put_bool(ret, "running", runstate_is_running());
    qdict_put_str(ret, "status", RunState_str(runstate_get()));
    return QOBJECT(ret);
}

static QObject *qmp_query_commands(QDict *args, Error **errp)
{
    QList *list = qlist_new();
    QDict *cap = qdict_new();

    qdict_put_str(cap, "name", "qmp_capabilities");
    qlist_append_obj(list, QOBJECT(cap));
    for (const QmpCommand *c = qmp_commands; c->name; c++) {
        QDict *info = qdict_new();

        qdict_put_str(info, "name", c->name);
        qlist_append_obj(list, QOBJECT(info));
    }
    return QOBJECT(list);
}

/* stop, cont, system_reset, system_powerdown, quit */

static QObject *qmp_stop(QDict *args, Error **errp)
{
    if (runstate_is_running()) {
        vm_stop(RUN_STATE_PAUSED);
    }
    return qmp_empty();
}

static QObject *qmp_cont(QDict *args, Error **errp)
{
    if (runstate_needs_reset()) {
        error_setg(errp, "Resetting the Virtual Machine is required");
        return NULL;
    }
    vm_start();
    return qmp_empty();
}

static QObject *qmp_system_reset(QDict *args, Error **errp)
{
    qmp_note_reset_cause(SHUTDOWN_CAUSE_HOST_QMP_SYSTEM_RESET);
    qemu_system_reset_request(SHUTDOWN_CAUSE_HOST_QMP_SYSTEM_RESET);
    return qmp_empty();
}

static QObject *qmp_system_powerdown(QDict *args, Error **errp)
{
    /*
     * The virt board has no power button device: with no powerdown
     * notifier the run state turns the request into a guest shutdown.
     */
    qmp_event_send("POWERDOWN", NULL);
    qmp_note_shutdown_cause(SHUTDOWN_CAUSE_GUEST_SHUTDOWN);
    qemu_system_powerdown_request();
    return qmp_empty();
}

static QObject *qmp_quit(QDict *args, Error **errp)
{
    qmp_note_shutdown_cause(SHUTDOWN_CAUSE_HOST_QMP_QUIT);
    qemu_system_shutdown_request(SHUTDOWN_CAUSE_HOST_QMP_QUIT);
    return qmp_empty();
}

/* qom-list, qom-get, qom-set, qom-list-types */

static QObject *qmp_qom_list(QDict *args, Error **errp)
{
    Object *obj = qmp_resolve(qdict_get_str(args, "path"), errp);
    ObjectPropertyIterator iter;
    ObjectProperty *prop;
    QList *list;

    if (!obj) {
        return NULL;
    }
    list = qlist_new();
    object_property_iter_init(&iter, obj);
    while ((prop = object_property_iter_next(&iter))) {
        QDict *info = qdict_new();

        qdict_put_str(info, "name", prop->name);
        qdict_put_str(info, "type", prop->type);
        qlist_append_obj(list, QOBJECT(info));
    }
    return QOBJECT(list);
}

/*
 * The object at "path" and its property "property" for qom-get (@write
 * false) or qom-set: NULL with @errp set if either is missing or the
 * property cannot be read (written).
 */
static Object *qmp_qom_target(QDict *args, bool write, const char **name,
                              Error **errp)
{
    Object *obj = qmp_resolve(qdict_get_str(args, "path"), errp);
    ObjectProperty *prop;

    *name = qdict_get_str(args, "property");
    if (!obj) {
        return NULL;
    }
    prop = object_property_find_err(obj, *name, errp);
    if (!prop) {
        return NULL;
    }
    if (!(write ? prop->set : prop->get)) {
        error_setg(errp, "Property '%.200s' is not %s", *name,
                   write ? "writable" : "readable");
        return NULL;
    }
    return obj;
}

static QObject *qmp_qom_get(QDict *args, Error **errp)
{
    const char *name;
    Object *obj = qmp_qom_target(args, false, &name, errp);

    return obj ? object_property_get_qobject(obj, name, errp) : NULL;
}

static QObject *qmp_qom_set(QDict *args, Error **errp)
{
    const char *name;
    Object *obj = qmp_qom_target(args, true, &name, errp);

    if (!obj) {
        return NULL;
    }
    if (!object_property_set_qobject(obj, name, qdict_get(args, "value"),
                                     errp)) {
        return NULL;
    }
    return qmp_empty();
}

static QObject *qmp_qom_list_types(QDict *args, Error **errp)
{
    const char *implements = qdict_get_try_str(args, "implements");
    bool abstract = qdict_get_try_bool(args, "abstract", false);
    QList *list = qlist_new();
    GSList *classes;

    /* As QEMU: an unknown "implements" type matches nothing. */
    if (implements && !object_class_by_name(implements)) {
        return QOBJECT(list);
    }
    classes = object_class_get_list(implements, abstract);
    for (GSList *l = classes; l; l = l->next) {
        ObjectClass *klass = l->data;
        ObjectClass *parent = object_class_get_parent(klass);
        QDict *info = qdict_new();

        qdict_put_str(info, "name", object_class_get_name(klass));
        if (object_class_is_abstract(klass)) {
            qdict_put_bool(info, "abstract", true);
        }
        if (parent) {
            qdict_put_str(info, "parent", object_class_get_name(parent));
        }
        qlist_append_obj(list, QOBJECT(info));
    }
    g_slist_free(classes);
    return QOBJECT(list);
}

/* device_add, device_del, device-list-properties */

static QObject *qmp_device_add(QDict *args, Error **errp)
{
    if (!qdev_device_add_from_qdict(args, true, errp)) {
        return NULL;
    }
    return qmp_empty();
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

static QObject *qmp_device_del(QDict *args, Error **errp)
{
    const char *id = qdict_get_str(args, "id");
    g_autofree char *path = NULL;
    DeviceState *dev = NULL;
    QDict *data;
    Object *obj;

    /* As QEMU: an id, or a QOM path of a device. */
    path = id[0] == '/' ? g_strdup(id)
                        : g_strdup_printf("/machine/peripheral/%s", id);
    obj = object_resolve_path(path, NULL);
    if (obj) {
        dev = (DeviceState *)object_dynamic_cast(obj, TYPE_DEVICE);
    }
    if (!dev) {
        error_set(errp, ERROR_CLASS_DEVICE_NOT_FOUND,
                  "Device '%.200s' not found", id);
        return NULL;
    }
    if (!user_created(obj)) {
        error_setg(errp,
                   "Device '%.200s' belongs to the board and does not "
                   "support hotplugging",
                   id);
        return NULL;
    }
    g_free(path);
    path = object_get_canonical_path(obj);
    data = qdict_new();
    if (dev->id) {
        qdict_put_str(data, "device", dev->id);
    }
    qdict_put_str(data, "path", path);
    if (!qdev_unplug(dev, errp)) {
        qobject_unref(data);
        return NULL;
    }
    /*
     * qomu's unplug is synchronous: the device is gone already.  QEMU
     * sends the event once the guest let go, after the answer: so here.
     */
    qmp_event_send_after_answer("DEVICE_DELETED", data);
    return qmp_empty();
}

static bool hidden_device_property(const char *name)
{
    static const char *const hidden[] = {
        "type", "realized", "hotpluggable", "hotplugged", "parent_bus",
    };

    for (size_t i = 0; i < ARRAY_SIZE(hidden); i++) {
        if (!strcmp(name, hidden[i])) {
            return true;
        }
    }
    return g_str_has_prefix(name, "legacy-");
}

static QObject *qmp_device_list_properties(QDict *args, Error **errp)
{
    const char *typename = qdict_get_str(args, "typename");
    ObjectClass *klass = object_class_by_name(typename);
    ObjectPropertyIterator iter;
    ObjectProperty *prop;
    QList *list;

    if (!klass) {
        error_set(errp, ERROR_CLASS_DEVICE_NOT_FOUND,
                  "Device '%.200s' not found", typename);
        return NULL;
    }
    if (!object_class_dynamic_cast(klass, TYPE_DEVICE) ||
        object_class_is_abstract(klass)) {
        error_setg(errp, "Parameter 'typename' expects a non-abstract device "
                         "type");
        return NULL;
    }
    list = qlist_new();
    object_class_property_iter_init(&iter, klass);
    while ((prop = object_property_iter_next(&iter))) {
        QDict *info;

        if (hidden_device_property(prop->name)) {
            continue;
        }
        info = qdict_new();
        qdict_put_str(info, "name", prop->name);
        qdict_put_str(info, "type", prop->type);
        if (prop->description) {
            qdict_put_str(info, "description", prop->description);
        }
        if (prop->defval) {
            qdict_put_obj(info, "default-value", qobject_ref(prop->defval));
        }
        qlist_append_obj(list, QOBJECT(info));
    }
    return QOBJECT(list);
}

/* query-cpus-fast, human-monitor-command */

static QObject *qmp_query_cpus_fast(QDict *args, Error **errp)
{
    QList *list = qlist_new();
    CPUState *cpu;

    CPU_FOREACH (cpu) {
        QDict *info = qdict_new();
        g_autofree char *path = object_get_canonical_path(OBJECT(cpu));
        QDict *props;

        qdict_put_int(info, "cpu-index", cpu->cpu_index);
        qdict_put_str(info, "qom-path", path);
        /* One thread runs every hart (the main thread: its id is the pid). */
        qdict_put_int(info, "thread-id", getpid());
        qdict_put_str(info, "target", "riscv64");
        /* As QEMU's riscv virt: one socket, a hart per core. */
        props = qdict_new();
        qdict_put_int(props, "core-id", cpu->cpu_index);
        qdict_put_obj(info, "props", QOBJECT(props));
        qlist_append_obj(list, QOBJECT(info));
    }
    return QOBJECT(list);
}

static QObject *qmp_human_monitor_command(QDict *args, Error **errp)
{
    const char *cmdline = qdict_get_str(args, "command-line");
    g_autofree char *out = NULL;

    if (qdict_haskey(args, "cpu-index")) {
        int64_t index = qdict_get_int(args, "cpu-index");
        CPUState *cpu;
        bool found = false;

        CPU_FOREACH (cpu) {
            found |= cpu->cpu_index == index;
        }
        if (!found) {
            error_setg(errp, "Parameter 'cpu-index' expects an index of a "
                             "CPU (see query-cpus-fast)");
            return NULL;
        }
    }
    out = hmp_human_monitor_command(cmdline);
    return QOBJECT(qstring_from_str(out));
}

const QmpCommand qmp_commands[] = {
    {"cont", "", qmp_cont},
    {"device-list-properties", "typename:s", qmp_device_list_properties},
    {"device_add", "driver:s ?id:s ?bus:s *", qmp_device_add},
    {"device_del", "id:s", qmp_device_del},
    {"human-monitor-command", "command-line:s ?cpu-index:i",
     qmp_human_monitor_command},
    {"qom-get", "path:s property:s", qmp_qom_get},
    {"qom-list", "path:s", qmp_qom_list},
    {"qom-list-types", "?implements:s ?abstract:b", qmp_qom_list_types},
    {"qom-set", "path:s property:s value:a", qmp_qom_set},
    {"query-commands", "", qmp_query_commands},
    {"query-cpus-fast", "", qmp_query_cpus_fast},
    {"query-status", "", qmp_query_status},
    {"query-version", "", qmp_query_version},
    {"quit", "", qmp_quit},
    {"stop", "", qmp_stop},
    {"system_powerdown", "", qmp_system_powerdown},
    {"system_reset", "", qmp_system_reset},
    {NULL},
};

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-qmp.c: QMP dispatch through qmp_execute_json() on a small tree:
 * request shape errors and JSON error recovery, argument checking against
 * the command table, qom-list / qom-get / qom-set errors, device_add /
 * device_del of a test device with JSON-typed properties (no leaks: the
 * live object count returns to where it was).
 */
#include "qomu/osdep.h"
#include "qapi/error.h"
#include "qomu/module.h"
#include "hw/qdev-core.h"
#include "hw/qdev-properties.h"
#include "monitor/qmp.h"
#include "qobject/qdict.h"
#include "qobject/qjson.h"
#include "qobject/qlist.h"
#include "qobject/qnum.h"
#include "qobject/qstring.h"
#include "qom/object.h"

#define TYPE_TEST_QMP_DEV "test-qmp-dev"

typedef struct TestQmpDev {
    DeviceState parent_obj;
    uint32_t width;
    bool flag;
    char *label;
} TestQmpDev;

static const Property test_qmp_dev_props[] = {
    DEFINE_PROP_UINT32("width", TestQmpDev, width, 8),
    DEFINE_PROP_BOOL("flag", TestQmpDev, flag, false),
    DEFINE_PROP_STRING("label", TestQmpDev, label),
};

static void test_qmp_dev_class_init(ObjectClass *oc, const void *data)
{
    device_class_set_props(DEVICE_CLASS(oc), test_qmp_dev_props);
}

static const TypeInfo test_qmp_dev_info = {
    .name = TYPE_TEST_QMP_DEV,
    .parent = TYPE_DEVICE,
    .instance_size = sizeof(TestQmpDev),
    .class_init = test_qmp_dev_class_init,
};

/* Run @json; return the answer (one JSON line) parsed. */
static QDict *qmp(const char *json)
{
    g_autofree char *out = qmp_execute_json(json);
    QDict *rsp;

    /* Exactly one line. */
    g_assert_true(strchr(out, '\n') == out + strlen(out) - 1);
    rsp = qdict_from_json_nofail(out);
    g_assert_nonnull(rsp);
    return rsp;
}

/* The answer must be an error of @cls whose text contains @needle. */
static void assert_error(const char *json, const char *cls, const char *needle)
{
    g_autoptr(QDict) rsp = qmp(json);
    QDict *err = qdict_get_qdict(rsp, "error");

    g_assert_nonnull(err);
    g_assert_cmpstr(qdict_get_str(err, "class"), ==, cls);
    if (!strstr(qdict_get_str(err, "desc"), needle)) {
        g_error("'%s' -> '%s', expected '%s'", json, qdict_get_str(err, "desc"),
                needle);
    }
}

static QObject *assert_return(const char *json)
{
    g_autoptr(QDict) rsp = qmp(json);
    QObject *ret = qdict_get(rsp, "return");

    if (!ret) {
        g_error("'%s' failed: %s", json,
                qdict_get_str(qdict_get_qdict(rsp, "error"), "desc"));
    }
    return qobject_ref(ret);
}

static void test_shape(void)
{
    assert_error("[1]", "GenericError", "must be a JSON object");
    assert_error("{}", "GenericError", "lacks member 'execute'");
    assert_error("{\"execute\": true}", "GenericError", "must be a string");
    assert_error("{\"execute\": \"stop\", \"arguments\": 1}", "GenericError",
                 "'arguments' must be an object");
    assert_error("{\"execute\": \"stop\", \"x\": 1}", "GenericError",
                 "'x' is unexpected");
    assert_error("{\"exec-oob\": \"stop\"}", "GenericError",
                 "'exec-oob' is unexpected");
    assert_error("{\"execute\": \"nope\"}", "CommandNotFound",
                 "The command nope has not been found");
    assert_error("{\"execute\": \"qmp_capabilities\"}", "CommandNotFound",
                 "already complete");
}

static void test_id_and_recovery(void)
{
    g_autofree char *out = qmp_execute_json(
        "{bad\n{\"execute\": \"query-version\", \"id\": {\"a\": [1]}}\n");
    g_auto(GStrv) lines = g_strsplit(out, "\n", -1);
    g_autoptr(QDict) first = NULL;
    g_autoptr(QDict) second = NULL;

    g_assert_cmpuint(g_strv_length(lines), ==, 3);
    first = qdict_from_json_nofail(lines[0]);
    second = qdict_from_json_nofail(lines[1]);
    g_assert_nonnull(qdict_get_qdict(first, "error"));
    g_assert_false(qdict_haskey(first, "id"));
    g_assert_nonnull(qdict_get_qdict(second, "return"));
    g_assert_cmpint(
        qlist_size(qdict_get_qlist(qdict_get_qdict(second, "id"), "a")), ==, 1);
}

static void test_arguments(void)
{
    assert_error("{\"execute\": \"qom-get\", \"arguments\": {\"path\": \"/\"}}",
                 "GenericError", "Parameter 'property' is missing");
    assert_error("{\"execute\": \"qom-get\", \"arguments\": {\"path\": 1, "
                 "\"property\": \"type\"}}",
                 "GenericError",
                 "Invalid parameter type for 'path', expected: string");
    assert_error("{\"execute\": \"qom-list-types\", \"arguments\": "
                 "{\"abstract\": 1}}",
                 "GenericError", "expected: boolean");
    assert_error("{\"execute\": \"human-monitor-command\", \"arguments\": "
                 "{\"command-line\": \"info version\", \"cpu-index\": 1.5}}",
                 "GenericError", "expected: integer");
    /* QAPI's int is int64: 2^63 is refused, not passed on (it crashed). */
    assert_error("{\"execute\": \"human-monitor-command\", \"arguments\": "
                 "{\"command-line\": \"info version\", "
                 "\"cpu-index\": 9223372036854775808}}",
                 "GenericError", "expected: integer");
    assert_error("{\"execute\": \"qom-list\", \"arguments\": {\"path\": \"/\","
                 " \"pathx\": 1}}",
                 "GenericError", "'pathx' is unexpected");
    /* "path" is a prefix of "pathx": only whole names match. */
    assert_error("{\"execute\": \"qom-list\", \"arguments\": {\"pat\": \"/\"}}",
                 "GenericError", "Parameter 'path' is missing");
}

static void test_qom(void)
{
    g_autoptr(QObject) list = assert_return(
        "{\"execute\": \"qom-list\", \"arguments\": {\"path\": \"/\"}}");
    g_autoptr(QObject) type = assert_return(
        "{\"execute\": \"qom-get\", \"arguments\": {\"path\": \"/machine\", "
        "\"property\": \"type\"}}");
    bool found = false;

    for (const QListEntry *e = qlist_first(qobject_to(QList, list)); e;
         e = qlist_next(e)) {
        QDict *p = qobject_to(QDict, qlist_entry_obj(e));

        found |= !strcmp(qdict_get_str(p, "name"), "machine") &&
                 !strcmp(qdict_get_str(p, "type"), "child<container>");
    }
    g_assert_true(found);
    g_assert_cmpstr(qobject_get_try_str(type), ==, TYPE_CONTAINER);
    assert_error("{\"execute\": \"qom-get\", \"arguments\": {\"path\": "
                 "\"/nope\", \"property\": \"type\"}}",
                 "DeviceNotFound", "Device '/nope' not found");
    assert_error("{\"execute\": \"qom-set\", \"arguments\": {\"path\": "
                 "\"/machine\", \"property\": \"type\", \"value\": \"x\"}}",
                 "GenericError", "not writable");
}

static void test_device_add_del(void)
{
    long live = object_live_count();

    for (int i = 0; i < 20; i++) {
        g_autoptr(QObject) r1 = assert_return(
            "{\"execute\": \"device_add\", \"arguments\": {\"driver\": "
            "\"" TYPE_TEST_QMP_DEV "\", \"id\": \"d0\", \"width\": 32, "
            "\"flag\": true, \"label\": \"%n\\u00e9\"}}");
        g_autoptr(QObject) width = assert_return(
            "{\"execute\": \"qom-get\", \"arguments\": {\"path\": "
            "\"/machine/peripheral/d0\", \"property\": \"width\"}}");
        g_autoptr(QObject) label = assert_return(
            "{\"execute\": \"qom-get\", \"arguments\": {\"path\": "
            "\"/machine/peripheral/d0\", \"property\": \"label\"}}");
        g_autoptr(QObject) r2 = NULL;

        g_assert_cmpint(qnum_get_int(qobject_to(QNum, width)), ==, 32);
        g_assert_cmpstr(qobject_get_try_str(label), ==, "%n\xc3\xa9");
        assert_error("{\"execute\": \"device_add\", \"arguments\": "
                     "{\"driver\": \"" TYPE_TEST_QMP_DEV "\", \"id\": \"d0\"}}",
                     "GenericError", "d0");
        r2 = assert_return("{\"execute\": \"device_del\", \"arguments\": "
                           "{\"id\": \"d0\"}}");
        if (i == 0) {
            /* The first add created /machine/peripheral. */
            live = object_live_count();
        }
    }
    g_assert_cmpint(object_live_count(), ==, live);
    assert_error("{\"execute\": \"device_add\", \"arguments\": {\"driver\": "
                 "\"" TYPE_TEST_QMP_DEV "\", \"width\": \"wide\"}}",
                 "GenericError", "width");
    assert_error("{\"execute\": \"device_add\", \"arguments\": {\"driver\": "
                 "\"" TYPE_TEST_QMP_DEV "\", \"width\": 99999999999}}",
                 "GenericError", "width");
    g_assert_cmpint(object_live_count(), ==, live);
    assert_error("{\"execute\": \"device_del\", \"arguments\": {\"id\": "
                 "\"d0\"}}",
                 "DeviceNotFound", "Device 'd0' not found");
    assert_error("{\"execute\": \"device-list-properties\", \"arguments\": "
                 "{\"typename\": \"device\"}}",
                 "GenericError", "non-abstract device type");
}

static void test_device_list_properties(void)
{
    g_autoptr(QObject) ret = assert_return(
        "{\"execute\": \"device-list-properties\", \"arguments\": "
        "{\"typename\": \"" TYPE_TEST_QMP_DEV "\"}}");
    int seen = 0;

    for (const QListEntry *e = qlist_first(qobject_to(QList, ret)); e;
         e = qlist_next(e)) {
        QDict *p = qobject_to(QDict, qlist_entry_obj(e));
        const char *name = qdict_get_str(p, "name");

        g_assert_cmpstr(name, !=, "realized");
        if (!strcmp(name, "width")) {
            g_assert_cmpint(qdict_get_int(p, "default-value"), ==, 8);
            seen++;
        } else if (!strcmp(name, "flag") || !strcmp(name, "label")) {
            seen++;
        }
    }
    g_assert_cmpint(seen, ==, 3);
}

static void test_query_commands(void)
{
    g_autoptr(QObject) ret = assert_return("{\"execute\": "
                                           "\"query-commands\"}");
    size_t n = 0;

    for (const QmpCommand *c = qmp_commands; c->name; c++) {
        n++;
        for (const QmpCommand *d = c + 1; d->name; d++) {
            g_assert_cmpstr(c->name, !=, d->name);
        }
    }
    /* Every table entry, and qmp_capabilities. */
    g_assert_cmpuint(qlist_size(qobject_to(QList, ret)), ==, n + 1);
}

int main(int argc, char **argv)
{
    Object *machine;
    int ret;

    g_test_init(&argc, &argv, NULL);
    module_call_init(MODULE_INIT_QOM);
    type_register_static(&test_qmp_dev_info);
    machine = object_new(TYPE_CONTAINER);
    object_property_add_child(object_get_root(), "machine", machine);
    object_unref(machine);
    qdev_machine_creation_done();

    g_test_add_func("/qmp/dispatch/shape", test_shape);
    g_test_add_func("/qmp/dispatch/id-and-recovery", test_id_and_recovery);
    g_test_add_func("/qmp/dispatch/arguments", test_arguments);
    g_test_add_func("/qmp/qom", test_qom);
    g_test_add_func("/qmp/device/add-del", test_device_add_del);
    g_test_add_func("/qmp/device/list-properties", test_device_list_properties);
    g_test_add_func("/qmp/query-commands", test_query_commands);
    ret = g_test_run();

    qmp_cleanup();
    qdev_teardown_all();
    object_root_cleanup();
    return ret;
}

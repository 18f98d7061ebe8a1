/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qmp.c: QMP sessions on chardevs: the greeting, capability negotiation,
 * request checking and dispatch, answers and events, as QEMU's
 * monitor/qmp.c and qapi/qmp-dispatch.c (docs/interop/qmp-spec.rst).
 */
#include "qomu/osdep.h"
#include "qapi/error.h"
#include "chardev/char.h"
#include "chardev/char-fe.h"
#include "monitor/qmp.h"
#include "qobject/json-parser.h"
#include "qobject/qbool.h"
#include "qobject/qdict.h"
#include "qobject/qjson.h"
#include "qobject/qlist.h"
#include "qobject/qnum.h"
#include "qobject/qstring.h"
#include "system/runstate.h"

typedef struct QmpSession {
    CharBackend chr;
    bool has_chr;
    JSONMessageParser parser;
    bool negotiated;  /* qmp_capabilities done: commands and events */
    bool oob;         /* the client enabled "oob" */
    bool recover;     /* after a bad character: drop the rest of the line */
    GString *capture; /* qmp_execute_json(): the answer goes here */
} QmpSession;

static GPtrArray *qmp_sessions;
static GPtrArray *deferred_events; /* QDict events sent after the answer */
static VMChangeStateEntry *qmp_vmstate_entry;
static GSource *qmp_watch;

/*
 * Causes: qomu's run state clears a request before acting on it and gives
 * listeners no cause, so the cause is taken from QMP's own requests or
 * peeked from the run state at every main-loop pass (see qmp_watch).
 */
static ShutdownCause pending_shutdown = SHUTDOWN_CAUSE_NONE;
static ShutdownCause pending_reset = SHUTDOWN_CAUSE_NONE;
static bool shutdown_sent;
static bool reset_handler_registered;

static void qmp_send_obj(QmpSession *s, QObject *obj)
{
    GString *json = qobject_to_json(obj);

    g_string_append_c(json, '\n');
    if (s->capture) {
        g_string_append(s->capture, json->str);
    } else if (s->has_chr) {
        qemu_chr_fe_write_all(&s->chr, (const uint8_t *)json->str, json->len);
    }
    g_string_free(json, TRUE);
}

static const char *error_class_name(ErrorClass cls)
{
    switch (cls) {
    case ERROR_CLASS_COMMAND_NOT_FOUND:
        return "CommandNotFound";
    case ERROR_CLASS_DEVICE_NOT_ACTIVE:
        return "DeviceNotActive";
    case ERROR_CLASS_DEVICE_NOT_FOUND:
        return "DeviceNotFound";
    case ERROR_CLASS_GENERIC_ERROR:
    default:
        return "GenericError";
    }
}

static void qmp_send_response(QmpSession *s, QObject *ret, Error *err,
                              QObject *id)
{
    QDict *rsp = qdict_new();

    if (err) {
        QDict *e = qdict_new();

        qdict_put_str(e, "class", error_class_name(error_get_class(err)));
        qdict_put_str(e, "desc", error_get_pretty(err));
        qdict_put_obj(rsp, "error", QOBJECT(e));
        error_free(err);
    } else {
        qdict_put_obj(rsp, "return", ret ? ret : QOBJECT(qdict_new()));
        ret = NULL;
    }
    if (id) {
        qdict_put_obj(rsp, "id", qobject_ref(id));
    }
    qmp_send_obj(s, QOBJECT(rsp));
    qobject_unref(rsp);
    qobject_unref(ret);
}

static QDict *qmp_event_new(const char *name, QDict *data)
{
    gint64 now = g_get_real_time();
    QDict *ev = qdict_new();
    QDict *ts = qdict_new();

    qdict_put_str(ev, "event", name);
    if (data) {
        qdict_put_obj(ev, "data", QOBJECT(data));
    }
    qdict_put_int(ts, "seconds", now / G_USEC_PER_SEC);
    qdict_put_int(ts, "microseconds", now % G_USEC_PER_SEC);
    qdict_put_obj(ev, "timestamp", QOBJECT(ts));
    return ev;
}

static void qmp_event_broadcast(QDict *ev)
{
    for (guint i = 0; qmp_sessions && i < qmp_sessions->len; i++) {
        QmpSession *s = g_ptr_array_index(qmp_sessions, i);

        if (s->negotiated && s->has_chr && qemu_chr_fe_backend_open(&s->chr)) {
            qmp_send_obj(s, QOBJECT(ev));
        }
    }
    qobject_unref(ev);
}

void qmp_event_send(const char *name, QDict *data)
{
    qmp_event_broadcast(qmp_event_new(name, data));
}

void qmp_event_send_after_answer(const char *name, QDict *data)
{
    if (!deferred_events) {
        deferred_events = g_ptr_array_new();
    }
    g_ptr_array_add(deferred_events, qmp_event_new(name, data));
}

static void qmp_flush_deferred_events(void)
{
    while (deferred_events && deferred_events->len) {
        qmp_event_broadcast(g_ptr_array_steal_index(deferred_events, 0));
    }
}

static QObject *qmp_greeting(void)
{
    QDict *greeting = qdict_new();
    QDict *qmp = qdict_new();
    QDict *version = qdict_new();
    QDict *qemu = qdict_new();
    QList *caps = qlist_new();
    unsigned major = 0, minor = 0, micro = 0;

    sscanf(QOMU_VERSION, "%u.%u.%u", &major, &minor, &micro);
    qdict_put_int(qemu, "micro", micro);
    qdict_put_int(qemu, "minor", minor);
    qdict_put_int(qemu, "major", major);
    qdict_put_obj(version, "qemu", QOBJECT(qemu));
    qdict_put_str(version, "package", "qomu");
    qlist_append_str(caps, "oob");
    qdict_put_obj(qmp, "version", QOBJECT(version));
    qdict_put_obj(qmp, "capabilities", QOBJECT(caps));
    qdict_put_obj(greeting, "QMP", QOBJECT(qmp));
    return QOBJECT(greeting);
}

/* Arguments */

static const char *qtype_expected(char t)
{
    switch (t) {
    case 's':
        return "string";
    case 'b':
        return "boolean";
    case 'i':
        return "integer";
    default:
        return "value";
    }
}

static bool arg_type_ok(char t, QObject *v)
{
    QNum *n;
    int64_t i;

    switch (t) {
    case 's':
        return qobject_type(v) == QTYPE_QSTRING;
    case 'b':
        return qobject_type(v) == QTYPE_QBOOL;
    case 'i':
        /* QAPI's 'int' is int64: 2^63 and above do not fit. */
        n = qobject_to(QNum, v);
        return n && qnum_get_try_int(n, &i);
    default:
        return true;
    }
}

/*
 * Check @args against @spec as QEMU's generated marshallers do: every
 * mandatory argument present, each of the right type, nothing unknown.
 */
static bool qmp_check_args(const char *spec, QDict *args, Error **errp)
{
    g_auto(GStrv) items = g_strsplit(spec ? spec : "", " ", -1);
    bool any_extra = false;

    for (char **p = items; *p; p++) {
        const char *item = *p;
        bool optional = false;
        const char *colon;
        g_autofree char *name = NULL;
        QObject *v;
        char t;

        if (!*item) {
            continue;
        }
        if (!strcmp(item, "*")) {
            any_extra = true;
            continue;
        }
        if (*item == '?') {
            optional = true;
            item++;
        }
        colon = strchr(item, ':');
        g_assert(colon && colon[1]);
        name = g_strndup(item, colon - item);
        t = colon[1];
        v = qdict_get(args, name);
        if (!v) {
            if (!optional) {
                error_setg(errp, "Parameter '%s' is missing", name);
                return false;
            }
            continue;
        }
        if (!arg_type_ok(t, v)) {
            error_setg(errp, "Invalid parameter type for '%s', expected: %s",
                       name, qtype_expected(t));
            return false;
        }
    }
    if (any_extra) {
        return true;
    }
    for (const QDictEntry *e = qdict_first(args); e; e = qdict_next(args, e)) {
        const char *key = qdict_entry_key(e);
        bool found = false;

        for (char **p = items; *p && !found; p++) {
            const char *item = **p == '?' ? *p + 1 : *p;
            size_t len = strlen(key);

            found = !strncmp(item, key, len) && item[len] == ':';
        }
        if (!found) {
            error_setg(errp, "Parameter '%.200s' is unexpected", key);
            return false;
        }
    }
    return true;
}

static const QmpCommand *qmp_find_command(const char *name)
{
    for (const QmpCommand *c = qmp_commands; c->name; c++) {
        if (!strcmp(c->name, name)) {
            return c;
        }
    }
    return NULL;
}

static QObject *qmp_capabilities(QmpSession *s, QDict *args, Error **errp)
{
    QList *enable = NULL;
    QObject *v = qdict_get(args, "enable");
    bool oob = false;

    if (!qmp_check_args("?enable:a", args, errp)) {
        return NULL;
    }
    if (v) {
        enable = qobject_to(QList, v);
        if (!enable) {
            error_setg(errp, "Invalid parameter type for 'enable', expected: "
                             "array");
            return NULL;
        }
        for (const QListEntry *e = qlist_first(enable); e; e = qlist_next(e)) {
            const char *cap = qobject_get_try_str(qlist_entry_obj(e));

            if (!cap) {
                error_setg(errp, "Invalid parameter type for 'enable[]', "
                                 "expected: string");
                return NULL;
            }
            if (strcmp(cap, "oob") != 0) {
                error_setg(errp,
                           "Parameter 'enable' does not accept value "
                           "'%.200s'",
                           cap);
                return NULL;
            }
            oob = true;
        }
    }
    s->oob = oob;
    s->negotiated = true;
    return QOBJECT(qdict_new());
}

/* Check the request's shape and run it; errors as QEMU's qmp_dispatch(). */
static QObject *qmp_dispatch(QmpSession *s, QDict *req, Error **errp)
{
    QObject *exec = NULL;
    QObject *argobj = NULL;
    const char *name;
    const QmpCommand *cmd;
    QDict *args;
    QObject *ret;
    bool oob = false;

    for (const QDictEntry *e = qdict_first(req); e; e = qdict_next(req, e)) {
        const char *key = qdict_entry_key(e);
        QObject *v = qdict_entry_value(e);

        if (!strcmp(key, "execute")) {
            exec = v;
        } else if (!strcmp(key, "exec-oob")) {
            if (!s->oob) {
                error_setg(errp, "QMP input member 'exec-oob' is unexpected "
                                 "(out-of-band execution is not enabled)");
                return NULL;
            }
            exec = v;
            oob = true;
        } else if (!strcmp(key, "arguments")) {
            argobj = v;
        } else if (strcmp(key, "id") != 0) {
            error_setg(errp, "QMP input member '%.200s' is unexpected", key);
            return NULL;
        }
    }
    if (qdict_haskey(req, "execute") && qdict_haskey(req, "exec-oob")) {
        error_setg(errp, "QMP input must not have both 'execute' and "
                         "'exec-oob'");
        return NULL;
    }
    if (!exec) {
        error_setg(errp, "QMP input lacks member 'execute'");
        return NULL;
    }
    name = qobject_get_try_str(exec);
    if (!name) {
        error_setg(errp, "QMP input member '%s' must be a string",
                   oob ? "exec-oob" : "execute");
        return NULL;
    }
    if (argobj && qobject_type(argobj) != QTYPE_QDICT) {
        error_setg(errp, "QMP input member 'arguments' must be an object");
        return NULL;
    }
    args = argobj ? qobject_to(QDict, argobj) : NULL;

    if (!strcmp(name, "qmp_capabilities")) {
        g_autoptr(QDict) empty = qdict_new();

        if (s->negotiated) {
            error_set(errp, ERROR_CLASS_COMMAND_NOT_FOUND,
                      "Capabilities negotiation is already complete, command "
                      "ignored");
            return NULL;
        }
        return qmp_capabilities(s, args ? args : empty, errp);
    }
    if (!s->negotiated) {
        error_set(errp, ERROR_CLASS_COMMAND_NOT_FOUND,
                  "Expecting capabilities negotiation with "
                  "'qmp_capabilities'");
        return NULL;
    }
    cmd = qmp_find_command(name);
    if (!cmd) {
        error_set(errp, ERROR_CLASS_COMMAND_NOT_FOUND,
                  "The command %.200s has not been found", name);
        return NULL;
    }
    if (args) {
        qobject_ref(args);
    } else {
        args = qdict_new();
    }
    ret = NULL;
    if (qmp_check_args(cmd->args, args, errp)) {
        ret = cmd->fn(args, errp);
    }
    qobject_unref(args);
    return ret;
}

static void qmp_handle_value(QmpSession *s, QObject *req, Error *err)
{
    QDict *dict;
    QObject *id = NULL;
    QObject *ret = NULL;
    Error *local_err = NULL;

    if (err) {
        /* As QEMU: a JSON error is answered and the session goes on. */
        qmp_send_response(s, NULL, err, NULL);
        return;
    }
    dict = qobject_to(QDict, req);
    if (!dict) {
        error_setg(&local_err, "QMP input must be a JSON object");
    } else {
        id = qdict_get(dict, "id");
        ret = qmp_dispatch(s, dict, &local_err);
    }
    qmp_send_response(s, ret, local_err, id);
    qobject_unref(req);
    qmp_flush_deferred_events();
}

static void qmp_json_emit(void *opaque, QObject *json, Error *err)
{
    qmp_handle_value(opaque, json, err);
}

static void qmp_session_reset(QmpSession *s)
{
    json_message_parser_destroy(&s->parser);
    json_message_parser_init(&s->parser, qmp_json_emit, s, NULL);
    s->negotiated = false;
    s->oob = false;
    s->recover = false;
}

static int qmp_can_read(void *opaque)
{
    return 4096;
}

/* Bytes that may appear outside a string in JSON (true, false, null). */
static bool json_token_byte(uint8_t c)
{
    return c &&
           (strchr(" \t\r\n{}[],:\"'0123456789+-.eEtruefalsn", c) || c == 0xff);
}

/*
 * The stream splitter only follows brackets and strings, so "{bad" would
 * swallow every later line.  Like QEMU's lexer, reject a character that
 * cannot start or continue a token at once: answer with an error, drop
 * the value and the rest of the line, and go on with the next line.
 */
static void qmp_feed(QmpSession *s, const uint8_t *buf, int size)
{
    for (int i = 0; i < size; i++) {
        uint8_t c = buf[i];
        Error *err = NULL;

        if (s->recover) {
            s->recover = c != '\n' && c != 0xff;
            continue;
        }
        if (!s->parser.quote && !s->parser.skip && !json_token_byte(c)) {
            json_message_parser_feed(&s->parser, "\xff", 1);
            if (g_ascii_isprint(c)) {
                error_setg(&err,
                           "JSON parse error: invalid character '%c' "
                           "outside a string",
                           c);
            } else {
                error_setg(&err,
                           "JSON parse error: invalid byte 0x%02x "
                           "outside a string",
                           c);
            }
            qmp_send_response(s, NULL, err, NULL);
            s->recover = true;
            continue;
        }
        json_message_parser_feed(&s->parser, (const char *)&c, 1);
    }
}

static void qmp_read(void *opaque, const uint8_t *buf, int size)
{
    qmp_feed(opaque, buf, size);
}

static void qmp_send_greeting(QmpSession *s)
{
    QObject *greeting = qmp_greeting();

    qmp_send_obj(s, greeting);
    qobject_unref(greeting);
}

static void qmp_chr_event(void *opaque, QEMUChrEvent event)
{
    QmpSession *s = opaque;

    switch (event) {
    case CHR_EVENT_OPENED:
        qmp_session_reset(s);
        qmp_send_greeting(s);
        break;
    case CHR_EVENT_CLOSED:
        qmp_session_reset(s);
        break;
    default:
        break;
    }
}

/* Run state listeners: events */

static bool cause_is_guest(ShutdownCause cause)
{
    return cause == SHUTDOWN_CAUSE_GUEST_SHUTDOWN ||
           cause == SHUTDOWN_CAUSE_GUEST_RESET ||
           cause == SHUTDOWN_CAUSE_GUEST_PANIC;
}

static QDict *cause_data(ShutdownCause cause)
{
    QDict *data = qdict_new();

    qdict_put_bool(data, "guest", cause_is_guest(cause));
    qdict_put_str(data, "reason", ShutdownCause_str(cause));
    return data;
}

static void qmp_peek_requests(void)
{
    ShutdownCause c = qemu_shutdown_requested_get();

    if (c != SHUTDOWN_CAUSE_NONE) {
        pending_shutdown = c;
    }
    c = qemu_reset_requested_get();
    if (c != SHUTDOWN_CAUSE_NONE) {
        pending_reset = c;
    }
}

static void qmp_send_shutdown(void)
{
    ShutdownCause cause;

    if (shutdown_sent) {
        return;
    }
    shutdown_sent = true;
    qmp_peek_requests();
    /*
     * Nothing seen: a request made and acted on within one main-loop pass
     * by another monitor (HMP quit, whose cause is host-qmp-quit in QEMU
     * too).
     */
    cause = pending_shutdown ? pending_shutdown : SHUTDOWN_CAUSE_HOST_QMP_QUIT;
    qmp_event_send("SHUTDOWN", cause_data(cause));
}

static void qmp_vm_state_change(void *opaque, bool running, RunState state)
{
    if (running) {
        shutdown_sent = false;
        pending_shutdown = SHUTDOWN_CAUSE_NONE;
        qmp_event_send("RESUME", NULL);
    } else if (state == RUN_STATE_SHUTDOWN) {
        qmp_send_shutdown();
    } else {
        qmp_event_send("STOP", NULL);
    }
}

/* A reset handler runs for every system reset, the first one included. */
static void qmp_reset_handler(void *opaque)
{
    ShutdownCause cause;

    qmp_peek_requests();
    cause = pending_reset;
    pending_reset = SHUTDOWN_CAUSE_NONE;
    if (cause == SHUTDOWN_CAUSE_NONE) {
        return; /* the power-on reset: QEMU sends no event for it */
    }
    qmp_event_send("RESET", cause_data(cause));
}

void qmp_note_shutdown_cause(int cause)
{
    pending_shutdown = cause;
    shutdown_sent = false;
}

void qmp_note_reset_cause(int cause)
{
    pending_reset = cause;
}

static gboolean qmp_watch_prepare(GSource *source, gint *timeout)
{
    qmp_peek_requests();
    *timeout = -1;
    return FALSE;
}

static gboolean qmp_watch_dispatch(GSource *source, GSourceFunc cb,
                                   gpointer data)
{
    return G_SOURCE_CONTINUE;
}

static GSourceFuncs qmp_watch_funcs = {
    .prepare = qmp_watch_prepare,
    .dispatch = qmp_watch_dispatch,
};

static void qmp_listen_runstate(void)
{
    if (!qmp_vmstate_entry) {
        qmp_vmstate_entry =
            qemu_add_vm_change_state_handler(qmp_vm_state_change, NULL);
    }
    if (!reset_handler_registered) {
        qemu_register_reset(qmp_reset_handler, NULL);
        reset_handler_registered = true;
    }
    if (!qmp_watch) {
        qmp_watch = g_source_new(&qmp_watch_funcs, sizeof(GSource));
        g_source_attach(qmp_watch, g_main_context_default());
    }
}

bool qmp_init_from_spec(const char *spec, Error **errp)
{
    g_autofree char *label = NULL;
    Chardev *chr;
    QmpSession *s;
    Error *err = NULL;

    if (!strcmp(spec, "none")) {
        return true;
    }
    label = g_strdup_printf("qmp%u", qmp_sessions ? qmp_sessions->len : 0);
    chr = qemu_chr_new_serial(label, spec, &err);
    if (!chr) {
        if (err) {
            error_propagate(errp, err);
            return false;
        }
        return true;
    }
    s = g_new0(QmpSession, 1);
    if (!qemu_chr_fe_init(&s->chr, chr, errp)) {
        g_free(s);
        return false;
    }
    s->has_chr = true;
    json_message_parser_init(&s->parser, qmp_json_emit, s, NULL);
    if (!qmp_sessions) {
        qmp_sessions = g_ptr_array_new();
    }
    g_ptr_array_add(qmp_sessions, s);
    qmp_listen_runstate();
    qemu_chr_fe_set_handlers(&s->chr, qmp_can_read, qmp_read, qmp_chr_event,
                             NULL, s, NULL, true);
    return true;
}

void qmp_cleanup(void)
{
    qmp_flush_deferred_events();
    if (deferred_events) {
        g_ptr_array_free(deferred_events, TRUE);
        deferred_events = NULL;
    }
    if (!qmp_sessions) {
        return;
    }
    qmp_send_shutdown();
    for (guint i = 0; i < qmp_sessions->len; i++) {
        QmpSession *s = g_ptr_array_index(qmp_sessions, i);

        qemu_chr_fe_deinit(&s->chr, false);
        json_message_parser_destroy(&s->parser);
        g_free(s);
    }
    g_ptr_array_free(qmp_sessions, TRUE);
    qmp_sessions = NULL;
    if (qmp_vmstate_entry) {
        qemu_del_vm_change_state_handler(qmp_vmstate_entry);
        qmp_vmstate_entry = NULL;
    }
    if (reset_handler_registered) {
        qemu_unregister_reset(qmp_reset_handler, NULL);
        reset_handler_registered = false;
    }
    if (qmp_watch) {
        g_source_destroy(qmp_watch);
        g_source_unref(qmp_watch);
        qmp_watch = NULL;
    }
}

char *qmp_execute_json(const char *json)
{
    QmpSession s = {
        .negotiated = true,
        .capture = g_string_new(NULL),
    };

    json_message_parser_init(&s.parser, qmp_json_emit, &s, NULL);
    qmp_feed(&s, (const uint8_t *)json, strlen(json));
    json_message_parser_flush(&s.parser);
    json_message_parser_destroy(&s.parser);
    return g_string_free(s.capture, FALSE);
}

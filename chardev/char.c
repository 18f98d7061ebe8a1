/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The chardev core: the abstract TYPE_CHARDEV, creation from -chardev
 * options and -serial spellings, /chardevs, the backend-side data path
 * and the input watch that gives backpressure.  See include/chardev/char.h
 * and docs/devel/chardev.md.
 */
#include "qomu/osdep.h"
#include "qomu/cutils.h"
#include "qapi/error.h"
#include "qapi/keyval.h"
#include "qobject/qbool.h"
#include "qobject/qnum.h"
#include "qobject/qstring.h"
#include "chardev/char-fe.h"
#include "chardev/char-mux.h"
#include "chardev-internal.h"
#include "system/main-loop.h"

#include <poll.h>
#include <unistd.h>

static bool (*monitor_hook)(Chardev *chr, Error **errp);

/* Options */

const char *chr_opt_str(QDict *opts, const char *key)
{
    return qobject_get_try_str(qdict_get(opts, key));
}

bool chr_opt_bool(QDict *opts, const char *key, bool def, bool *value,
                  Error **errp)
{
    QObject *obj = qdict_get(opts, key);
    QBool *qb = qobject_to(QBool, obj);
    const char *s;

    *value = def;
    if (!obj) {
        return true;
    }
    if (qb) {
        *value = qbool_get_bool(qb);
        return true;
    }
    s = qobject_get_try_str(obj);
    if (s && (!strcmp(s, "on") || !strcmp(s, "yes") || !strcmp(s, "true"))) {
        *value = true;
        return true;
    }
    if (s && (!strcmp(s, "off") || !strcmp(s, "no") ||
              !strcmp(s, "false"))) {
        *value = false;
        return true;
    }
    error_setg(errp, "parameter '%s' expects 'on' or 'off'", key);
    return false;
}

bool chr_opt_uint(QDict *opts, const char *key, uint64_t def,
                  uint64_t *value, Error **errp)
{
    QObject *obj = qdict_get(opts, key);
    QNum *qn = qobject_to(QNum, obj);
    const char *s;
    int64_t i;

    *value = def;
    if (!obj) {
        return true;
    }
    if (qn && qnum_get_try_int(qn, &i) && i >= 0) {
        *value = i;
        return true;
    }
    s = qobject_get_try_str(obj);
    if (s && qemu_strtou64(s, NULL, 0, value) == 0) {
        return true;
    }
    error_setg(errp, "parameter '%s' expects a non-negative number", key);
    return false;
}

/* The backend side */

int qemu_chr_be_can_write(Chardev *s)
{
    CharBackend *be = s->be;

    if (!be || !be->chr_can_read) {
        return 0;
    }
    return be->chr_can_read(be->opaque);
}

void qemu_chr_be_write(Chardev *s, const uint8_t *buf, int len)
{
    CharBackend *be = s->be;

    if (be && be->chr_read && len > 0) {
        be->chr_read(be->opaque, buf, len);
    }
}

void qemu_chr_be_event(Chardev *s, QEMUChrEvent event)
{
    ChardevClass *cc = CHARDEV_GET_CLASS(s);
    CharBackend *be = s->be;

    if (event == CHR_EVENT_OPENED) {
        s->be_open = 1;
    } else if (event == CHR_EVENT_CLOSED) {
        s->be_open = 0;
    }
    if (cc->chr_be_event) {
        cc->chr_be_event(s, event);
        return;
    }
    if (be && be->chr_event) {
        be->chr_event(be->opaque, event);
    }
}

int qemu_chr_write(Chardev *s, const uint8_t *buf, int len, bool write_all)
{
    ChardevClass *cc = CHARDEV_GET_CLASS(s);
    int offset = 0;

    if (!cc->chr_write) {
        return len;
    }
    while (offset < len) {
        int ret = cc->chr_write(s, buf + offset, len - offset);

        if (ret < 0) {
            return offset ? offset : -1;
        }
        offset += ret;
        if (!write_all) {
            break;
        }
        if (ret == 0) {
            g_usleep(100);
        }
    }
    return offset;
}

int qemu_chr_write_all(Chardev *s, const uint8_t *buf, int len)
{
    return qemu_chr_write(s, buf, len, true);
}

int chardev_fd_write(int fd, const uint8_t *buf, int len)
{
    int offset = 0;

    while (offset < len) {
        ssize_t ret = write(fd, buf + offset, len - offset);

        if (ret < 0) {
            if (errno == EINTR) {
                continue;
            }
            if (errno == EAGAIN || errno == EWOULDBLOCK) {
                struct pollfd pfd = { .fd = fd, .events = POLLOUT };

                poll(&pfd, 1, 100);
                continue;
            }
            return offset ? offset : -1;
        }
        offset += ret;
    }
    return offset;
}

/*
 * The input watch: a GSource that polls the fd only while the frontend
 * can take input, so that bytes the guest is not ready for stay in the
 * kernel (the FIFO's backpressure reaches the other end).
 */
typedef struct IOWatchSource {
    GSource source;
    Chardev *chr;
    int fd;
    gpointer tag;
    void (*read_cb)(Chardev *chr);
} IOWatchSource;

static gboolean io_watch_prepare(GSource *source, gint *timeout)
{
    IOWatchSource *w = (IOWatchSource *)source;
    bool want = qemu_chr_be_can_write(w->chr) > 0;

    *timeout = -1;
    if (want && !w->tag) {
        w->tag = g_source_add_unix_fd(source, w->fd,
                                      G_IO_IN | G_IO_HUP | G_IO_ERR);
    } else if (!want && w->tag) {
        g_source_remove_unix_fd(source, w->tag);
        w->tag = NULL;
    }
    return false;
}

static gboolean io_watch_check(GSource *source)
{
    IOWatchSource *w = (IOWatchSource *)source;

    return w->tag && g_source_query_unix_fd(source, w->tag) != 0;
}

static gboolean io_watch_dispatch(GSource *source, GSourceFunc callback,
                                  gpointer user_data)
{
    IOWatchSource *w = (IOWatchSource *)source;

    if (qemu_chr_be_can_write(w->chr) > 0) {
        w->read_cb(w->chr);
    }
    return G_SOURCE_CONTINUE;
}

static GSourceFuncs io_watch_funcs = {
    .prepare = io_watch_prepare,
    .check = io_watch_check,
    .dispatch = io_watch_dispatch,
};

void chardev_io_watch_add(Chardev *chr, int fd, void (*read_cb)(Chardev *chr))
{
    IOWatchSource *w;

    chardev_io_watch_remove(chr);
    w = (IOWatchSource *)g_source_new(&io_watch_funcs,
                                      sizeof(IOWatchSource));
    w->chr = chr;
    w->fd = fd;
    w->read_cb = read_cb;
    g_source_attach(&w->source, g_main_context_default());
    chr->in_watch = &w->source;
    qemu_notify_event();
}

void chardev_io_watch_remove(Chardev *chr)
{
    if (chr->in_watch) {
        g_source_destroy(chr->in_watch);
        g_source_unref(chr->in_watch);
        chr->in_watch = NULL;
    }
}

/* The type */

static void char_finalize(Object *obj)
{
    Chardev *chr = CHARDEV(obj);

    chardev_io_watch_remove(chr);
    if (chr->be) {
        chr->be->chr = NULL;
    }
    g_free(chr->label);
    g_free(chr->filename);
}

static const TypeInfo char_type_info = {
    .name = TYPE_CHARDEV,
    .parent = TYPE_OBJECT,
    .instance_size = sizeof(Chardev),
    .instance_finalize = char_finalize,
    .abstract = true,
    .class_size = sizeof(ChardevClass),
};

static void register_types(void)
{
    type_register_static(&char_type_info);
}

type_init(register_types)

/* The /chardevs container */

static Object *get_chardevs_root(void)
{
    return container_get(object_get_root(), "/chardevs");
}

Chardev *qemu_chr_find(const char *id)
{
    Object *root = object_resolve_path_component(object_get_root(),
                                                 "chardevs");
    Object *obj = root ? object_resolve_path_component(root, id) : NULL;

    return obj ? (Chardev *)object_dynamic_cast(obj, TYPE_CHARDEV) : NULL;
}

static gint compare_str(gconstpointer a, gconstpointer b)
{
    return strcmp(a, b);
}

static GSList *backend_name_list(void)
{
    GSList *classes = object_class_get_list(TYPE_CHARDEV, false);
    GSList *names = NULL, *l;

    for (l = classes; l; l = l->next) {
        ChardevClass *cc = l->data;
        const char *name = object_class_get_name(OBJECT_CLASS(cc));

        if (!cc->internal && g_str_has_prefix(name, "chardev-")) {
            names = g_slist_insert_sorted(names,
                                          (gpointer)(name + strlen("chardev-")),
                                          compare_str);
        }
    }
    g_slist_free(classes);
    return names;
}

char *qemu_chr_backend_names(void)
{
    GSList *names = backend_name_list(), *l;
    GString *s = g_string_new("");

    for (l = names; l; l = l->next) {
        g_string_append_printf(s, "%s%s", s->len ? ", " : "",
                               (const char *)l->data);
    }
    g_slist_free(names);
    return g_string_free(s, false);
}

static bool chr_id_wellformed(const char *id)
{
    if (!g_ascii_isalpha(id[0])) {
        return false;
    }
    for (const char *p = id + 1; *p; p++) {
        if (!g_ascii_isalnum(*p) && !strchr("-._", *p)) {
            return false;
        }
    }
    return true;
}

static bool chr_check_opts(ChardevClass *cc, QDict *opts, const char *id,
                           const char *backend, Error **errp)
{
    const QDictEntry *e;

    for (e = qdict_first(opts); e; e = qdict_next(opts, e)) {
        const char *key = qdict_entry_key(e);
        bool ok = !strcmp(key, "id") || !strcmp(key, "backend") ||
                  !strcmp(key, "mux");

        for (int i = 0; !ok && cc->opts && cc->opts[i]; i++) {
            ok = !strcmp(key, cc->opts[i]);
        }
        if (!ok) {
            error_setg(errp, "chardev '%s': invalid parameter '%s' for "
                       "backend '%s'", id, key, backend);
            return false;
        }
    }
    return true;
}

/* Create, open and add to /chardevs one chardev of @typename. */
static Chardev *chr_create(const char *typename, const char *id,
                           QDict *opts, Error **errp)
{
    ChardevClass *cc = CHARDEV_CLASS(object_class_by_name(typename));
    Chardev *chr;
    bool be_opened = true;
    Error *local_err = NULL;

    if (qemu_chr_find(id)) {
        error_setg(errp, "chardev '%s' already exists", id);
        return NULL;
    }
    chr = CHARDEV(object_new(typename));
    chr->label = g_strdup(id);
    if (cc->open && !cc->open(chr, opts, &be_opened, &local_err)) {
        error_prepend(&local_err, "chardev '%s': ", id);
        error_propagate(errp, local_err);
        object_unref(chr);
        return NULL;
    }
    if (!chr->filename) {
        chr->filename = g_strdup(typename + strlen("chardev-"));
    }
    object_property_add_child(get_chardevs_root(), id, OBJECT(chr));
    object_unref(chr);
    if (be_opened) {
        qemu_chr_be_event(chr, CHR_EVENT_OPENED);
    }
    return chr;
}

static Chardev *chr_create_mux(const char *id, Chardev *base, Error **errp)
{
    g_autoptr(QDict) opts = qdict_new();

    qdict_put_str(opts, "chardev", base->label);
    return chr_create(TYPE_CHARDEV_MUX, id, opts, errp);
}

Chardev *qemu_chr_new_from_qdict(QDict *opts, Error **errp)
{
    const char *backend = chr_opt_str(opts, "backend");
    const char *id = chr_opt_str(opts, "id");
    g_autofree char *typename = NULL;
    g_autofree char *base_id = NULL;
    ObjectClass *oc;
    Chardev *base, *mux;
    bool want_mux;

    if (!backend) {
        g_autofree char *names = qemu_chr_backend_names();

        error_setg(errp, "chardev: parameter 'backend' is missing "
                   "(available: %s)", names);
        return NULL;
    }
    typename = g_strdup_printf("chardev-%s", backend);
    oc = object_class_by_name(typename);
    if (!oc || !object_class_dynamic_cast(oc, TYPE_CHARDEV) ||
        object_class_is_abstract(oc) || CHARDEV_CLASS(oc)->internal) {
        g_autofree char *names = qemu_chr_backend_names();

        error_setg(errp, "unknown chardev backend '%s' (available: %s)",
                   backend, names);
        return NULL;
    }
    if (!id) {
        error_setg(errp, "chardev: parameter 'id' is missing");
        return NULL;
    }
    if (!chr_id_wellformed(id)) {
        error_setg(errp, "chardev: invalid id '%s' (expected a letter "
                   "followed by letters, digits, '-', '.' or '_')", id);
        return NULL;
    }
    if (!chr_check_opts(CHARDEV_CLASS(oc), opts, id, backend, errp)) {
        return NULL;
    }
    if (!chr_opt_bool(opts, "mux", false, &want_mux, errp)) {
        error_prepend(errp, "chardev '%s': ", id);
        return NULL;
    }
    if (!want_mux) {
        return chr_create(typename, id, opts, errp);
    }
    if (qemu_chr_find(id)) {
        error_setg(errp, "chardev '%s' already exists", id);
        return NULL;
    }
    base_id = g_strdup_printf("%s-base", id);
    base = chr_create(typename, base_id, opts, errp);
    if (!base) {
        return NULL;
    }
    mux = chr_create_mux(id, base, errp);
    if (!mux) {
        qemu_chr_delete(base);
    }
    return mux;
}

Chardev *qemu_chr_new_from_opts(const char *optstr, Error **errp)
{
    g_autoptr(QDict) opts = keyval_parse(optstr, "backend", NULL, errp);

    if (!opts) {
        return NULL;
    }
    return qemu_chr_new_from_qdict(opts, errp);
}

void qemu_chr_set_monitor_hook(bool (*hook)(Chardev *chr, Error **errp))
{
    monitor_hook = hook;
}

/*
 * The flags after a legacy unix:/tcp: address: "server", "nowait",
 * "wait=off", "server=on"...  Returns false on an unknown flag.
 */
static bool parse_socket_flags(QDict *opts, char **flags, const char *spec,
                               Error **errp)
{
    for (; *flags; flags++) {
        const char *f = *flags;

        if (!strcmp(f, "server")) {
            qdict_put_str(opts, "server", "on");
        } else if (!strcmp(f, "nowait")) {
            qdict_put_str(opts, "wait", "off");
        } else if (!strcmp(f, "wait")) {
            qdict_put_str(opts, "wait", "on");
        } else if (g_str_has_prefix(f, "server=")) {
            qdict_put_str(opts, "server", f + strlen("server="));
        } else if (g_str_has_prefix(f, "wait=")) {
            qdict_put_str(opts, "wait", f + strlen("wait="));
        } else {
            error_setg(errp, "'%s': unknown socket option '%s' (expected "
                       "server, nowait, server=on|off, wait=on|off)",
                       spec, f);
            return false;
        }
    }
    if (!qdict_haskey(opts, "server")) {
        qdict_put_str(opts, "server", "off");
    }
    return true;
}

/* Turn a legacy -serial spelling into -chardev options. */
static QDict *parse_serial_spec(const char *label, const char *spec,
                                Error **errp)
{
    g_autoptr(QDict) opts = qdict_new();
    const char *p;

    qdict_put_str(opts, "id", label);
    if (!strcmp(spec, "stdio") || !strcmp(spec, "null")) {
        qdict_put_str(opts, "backend", spec);
    } else if ((p = g_str_has_prefix(spec, "file:") ? spec + 5 : NULL)) {
        if (!*p) {
            error_setg(errp, "'%s': missing file name after 'file:'", spec);
            return NULL;
        }
        qdict_put_str(opts, "backend", "file");
        qdict_put_str(opts, "path", p);
    } else if ((p = g_str_has_prefix(spec, "pipe:") ? spec + 5 : NULL)) {
        if (!*p) {
            error_setg(errp, "'%s': missing path after 'pipe:'", spec);
            return NULL;
        }
        qdict_put_str(opts, "backend", "pipe");
        qdict_put_str(opts, "path", p);
    } else if ((p = g_str_has_prefix(spec, "unix:") ? spec + 5 : NULL)) {
        g_auto(GStrv) parts = g_strsplit(p, ",", -1);

        if (!parts[0] || !*parts[0]) {
            error_setg(errp, "'%s': missing socket path after 'unix:'",
                       spec);
            return NULL;
        }
        qdict_put_str(opts, "backend", "socket");
        qdict_put_str(opts, "path", parts[0]);
        if (!parse_socket_flags(opts, parts + 1, spec, errp)) {
            return NULL;
        }
    } else if ((p = g_str_has_prefix(spec, "tcp:") ? spec + 4 :
                    g_str_has_prefix(spec, "telnet:") ? spec + 7 : NULL)) {
        g_auto(GStrv) parts = g_strsplit(p, ",", -1);
        const char *colon = parts[0] ? strrchr(parts[0], ':') : NULL;
        g_autofree char *host = NULL;

        if (!colon || !colon[1]) {
            error_setg(errp, "'%s': expected tcp:[HOST]:PORT", spec);
            return NULL;
        }
        if (spec[0] == 't' && spec[1] == 'e') {
            /* QEMU command lines use telnet: for a console to connect to. */
            warn_report("'%s': telnet option negotiation is not implemented; "
                        "using a raw TCP stream", spec);
        }
        host = g_strndup(parts[0], colon - parts[0]);
        qdict_put_str(opts, "backend", "socket");
        if (*host) {
            qdict_put_str(opts, "host", host);
        }
        qdict_put_str(opts, "port", colon + 1);
        if (!parse_socket_flags(opts, parts + 1, spec, errp)) {
            return NULL;
        }
    } else {
        g_autofree char *typename = g_strdup_printf("chardev-%s", spec);
        ObjectClass *oc = object_class_by_name(typename);

        if (!oc || !object_class_dynamic_cast(oc, TYPE_CHARDEV) ||
            object_class_is_abstract(oc) || CHARDEV_CLASS(oc)->internal) {
            error_setg(errp, "'%s' is not a valid character device (expected "
                       "stdio, null, none, file:PATH, pipe:PATH, unix:PATH[,server]"
                       "[,nowait], tcp:[HOST]:PORT[,server][,nowait], "
                       "mon:SPEC or chardev:ID)", spec);
            return NULL;
        }
        qdict_put_str(opts, "backend", spec);
    }
    return g_steal_pointer(&opts);
}

Chardev *qemu_chr_new_serial(const char *label, const char *spec,
                             Error **errp)
{
    g_autoptr(QDict) opts = NULL;
    Chardev *chr;

    if (!strcmp(spec, "none")) {
        return NULL;
    }
    if (g_str_has_prefix(spec, "chardev:")) {
        chr = qemu_chr_find(spec + strlen("chardev:"));
        if (!chr) {
            error_setg(errp, "'%s': no chardev with id '%s'", spec,
                       spec + strlen("chardev:"));
        }
        return chr;
    }
    if (g_str_has_prefix(spec, "mon:")) {
        opts = parse_serial_spec(label, spec + strlen("mon:"), errp);
        if (!opts) {
            return NULL;
        }
        qdict_put_str(opts, "mux", "on");
        chr = qemu_chr_new_from_qdict(opts, errp);
        if (chr && monitor_hook && !monitor_hook(chr, errp)) {
            g_autofree char *base_id = g_strdup_printf("%s-base", label);
            Chardev *base = qemu_chr_find(base_id);

            qemu_chr_delete(chr);
            if (base) {
                qemu_chr_delete(base);
            }
            return NULL;
        }
        return chr;
    }
    opts = parse_serial_spec(label, spec, errp);
    if (!opts) {
        return NULL;
    }
    return qemu_chr_new_from_qdict(opts, errp);
}

Chardev *qemu_chr_new(const char *label, const char *spec, Error **errp)
{
    return qemu_chr_new_serial(label, spec, errp);
}

void qemu_chr_delete(Chardev *chr)
{
    object_unparent(OBJECT(chr));
}

static int collect_chardev(Object *child, void *opaque)
{
    GSList **list = opaque;

    *list = g_slist_prepend(*list, child);
    return 0;
}

void chardev_cleanup_all(void)
{
    Object *root = object_resolve_path_component(object_get_root(),
                                                 "chardevs");
    GSList *list = NULL, *l;

    if (!root) {
        return;
    }
    object_child_foreach(root, collect_chardev, &list);
    /* Muxes first: they hold a frontend on their base. */
    for (l = list; l; l = l->next) {
        if (object_dynamic_cast(l->data, TYPE_CHARDEV_MUX)) {
            object_unparent(l->data);
            l->data = NULL;
        }
    }
    for (l = list; l; l = l->next) {
        if (l->data) {
            object_unparent(l->data);
        }
    }
    g_slist_free(list);
    object_unparent(root);
}

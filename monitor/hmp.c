/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * hmp.c: the human monitor's command line: splitting a line into words
 * (double quotes group, backslash escapes inside them), finding the
 * command, checking the argument count, printing errors as one line,
 * help, and tab completion (commands, info subcommands, QOM paths,
 * property names, device types, device ids).
 */
#include "qomu/osdep.h"
#include "qapi/error.h"
#include "qomu/cutils.h"
#include "hw/qdev-core.h"
#include "monitor/hmp.h"
#include "monitor-internal.h"
#include "qom/object.h"

int hmp_natural_cmp(const char *a, const char *b)
{
    while (*a && *b) {
        if (g_ascii_isdigit(*a) && g_ascii_isdigit(*b)) {
            const char *ea = a, *eb = b;
            size_t la, lb;
            int c;

            while (*a == '0' && g_ascii_isdigit(a[1])) {
                a++;
            }
            while (*b == '0' && g_ascii_isdigit(b[1])) {
                b++;
            }
            for (ea = a; g_ascii_isdigit(*ea); ea++) {
            }
            for (eb = b; g_ascii_isdigit(*eb); eb++) {
            }
            la = ea - a;
            lb = eb - b;
            if (la != lb) {
                return la < lb ? -1 : 1;
            }
            c = strncmp(a, b, la);
            if (c) {
                return c;
            }
            a = ea;
            b = eb;
            continue;
        }
        if (*a != *b) {
            return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
        }
        a++;
        b++;
    }
    return *a ? 1 : *b ? -1 : 0;
}

/* Split @line into words; NULL with @errp set on an unterminated quote. */
static GPtrArray *hmp_split(const char *line, Error **errp)
{
    g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func(g_free);
    const char *p = line;

    for (;;) {
        g_autoptr(GString) w = NULL;

        while (*p == ' ' || *p == '\t') {
            p++;
        }
        if (!*p) {
            break;
        }
        w = g_string_new(NULL);
        while (*p && *p != ' ' && *p != '\t') {
            if (*p != '"') {
                g_string_append_c(w, *p++);
                continue;
            }
            p++;
            while (*p && *p != '"') {
                if (*p == '\\' && p[1]) {
                    p++;
                }
                g_string_append_c(w, *p++);
            }
            if (*p != '"') {
                error_setg(errp, "unterminated string (a '\"' is missing)");
                return NULL;
            }
            p++;
        }
        g_ptr_array_add(words, g_string_free(g_steal_pointer(&w), FALSE));
    }
    g_ptr_array_add(words, NULL);
    return g_steal_pointer(&words);
}

static const HMPCommand *hmp_find(const HMPCommand *cmds, const char *name)
{
    for (const HMPCommand *c = cmds; c->name; c++) {
        if (!strcmp(c->name, name)) {
            return c;
        }
    }
    return NULL;
}

static void hmp_suggest(Error **errp, const HMPCommand *cmds, const char *name)
{
    g_autoptr(GPtrArray) names = g_ptr_array_new();
    const char *guess;

    for (const HMPCommand *c = cmds; c->name; c++) {
        g_ptr_array_add(names, (char *)c->name);
    }
    g_ptr_array_add(names, NULL);
    guess = qemu_suggest(name, (const char *const *)names->pdata);
    if (guess) {
        error_append_hint(errp, "Did you mean '%s'?\n", guess);
    }
}

/* Run @argv against the table @cmds (top level or info). */
static void hmp_dispatch(Monitor *mon, const HMPCommand *cmds,
                         const char *prefix, int argc, char **argv,
                         Error **errp)
{
    const HMPCommand *cmd = hmp_find(cmds, argv[0]);
    g_autofree char *joined = NULL;
    int nargs = argc - 1;

    if (!cmd) {
        g_autofree char *shown = g_strndup(argv[0], 64);

        error_setg(errp, "unknown %scommand: '%s%s'%s",
                   prefix[0] ? "info " : "", shown,
                   strlen(argv[0]) > 64 ? "..." : "",
                   prefix[0] ? " (try 'info' for the list)" : " (try 'help')");
        hmp_suggest(errp, cmds, argv[0]);
        return;
    }
    if (nargs < cmd->min_args ||
        (cmd->max_args >= 0 && nargs > cmd->max_args)) {
        error_setg(errp, "%s%s: %s arguments; usage: %s%s %s", prefix,
                   cmd->name, nargs < cmd->min_args ? "missing" : "too many",
                   prefix, cmd->name, cmd->params);
        return;
    }
    cmd->cmd(mon, argc, argv, errp);
}

/* "Error: msg; hint" on one line, as the command line does. */
static void hmp_report(Monitor *mon, Error *err)
{
    const char *hint = error_get_hint(err);
    g_autoptr(GString) line = g_string_new("Error: ");

    g_string_append(line, error_get_pretty(err));
    if (hint) {
        g_auto(GStrv) parts = g_strsplit(hint, "\n", -1);

        for (int i = 0; parts[i]; i++) {
            if (parts[i][0]) {
                g_string_append_printf(line, "; %s", parts[i]);
            }
        }
    }
    monitor_printf(mon, "%s\n", line->str);
    error_free(err);
}

void hmp_handle_line(Monitor *mon, const char *line)
{
    g_autoptr(GPtrArray) words = NULL;
    Error *err = NULL;

    words = hmp_split(line, &err);
    if (!words) {
        hmp_report(mon, err);
        return;
    }
    if (words->len < 2) {
        return; /* an empty line */
    }
    hmp_dispatch(mon, hmp_cmds, "", words->len - 1, (char **)words->pdata,
                 &err);
    if (err) {
        hmp_report(mon, err);
    }
}

void hmp_info(Monitor *mon, int argc, char **argv, Error **errp)
{
    if (argc < 2) {
        hmp_help_cmd(mon, hmp_info_cmds, "info ", NULL, errp);
        return;
    }
    hmp_dispatch(mon, hmp_info_cmds, "info ", argc - 1, argv + 1, errp);
}

void hmp_help_cmd(Monitor *mon, const HMPCommand *cmds, const char *prefix,
                  const char *name, Error **errp)
{
    bool found = false;

    for (const HMPCommand *c = cmds; c->name; c++) {
        if (name && strcmp(c->name, name) != 0) {
            continue;
        }
        monitor_printf(mon, "%s%s%s%s -- %s\n", prefix, c->name,
                       c->params[0] ? " " : "", c->params, c->help);
        found = true;
    }
    if (!found) {
        error_setg(errp, "unknown command: '%s%.64s' (try 'help')", prefix,
                   name);
        hmp_suggest(errp, cmds, name);
    }
}

void hmp_help(Monitor *mon, int argc, char **argv, Error **errp)
{
    if (argc < 2) {
        hmp_help_cmd(mon, hmp_cmds, "", NULL, errp);
        return;
    }
    if (!strcmp(argv[1], "info")) {
        if (argc > 2) {
            hmp_help_cmd(mon, hmp_info_cmds, "info ", argv[2], errp);
        } else {
            hmp_help_cmd(mon, hmp_cmds, "", "info", errp);
            hmp_help_cmd(mon, hmp_info_cmds, "info ", NULL, errp);
        }
        return;
    }
    hmp_help_cmd(mon, hmp_cmds, "", argv[1], errp);
}

static gint cmp_strings(gconstpointer a, gconstpointer b)
{
    return hmp_natural_cmp(*(char *const *)a, *(char *const *)b);
}

static char **hmp_names(const HMPCommand *cmds)
{
    GPtrArray *names = g_ptr_array_new();

    for (const HMPCommand *c = cmds; c->name; c++) {
        g_ptr_array_add(names, g_strdup(c->name));
    }
    g_ptr_array_sort(names, cmp_strings);
    g_ptr_array_add(names, NULL);
    return (char **)g_ptr_array_free(names, FALSE);
}

char **hmp_command_names(void)
{
    return hmp_names(hmp_cmds);
}

char **hmp_info_names(void)
{
    return hmp_names(hmp_info_cmds);
}

/* Completion */

static void add_if_prefix(GPtrArray *out, const char *cand, const char *word)
{
    if (g_str_has_prefix(cand, word)) {
        g_ptr_array_add(out, g_strdup(cand));
    }
}

static void complete_cmds(const HMPCommand *cmds, const char *word,
                          GPtrArray *out)
{
    for (const HMPCommand *c = cmds; c->name; c++) {
        add_if_prefix(out, c->name, word);
    }
}

static int count_children(Object *child, void *opaque)
{
    (*(int *)opaque)++;
    return 0;
}

typedef struct PathCompletion {
    const char *dir;
    const char *base;
    GPtrArray *out;
} PathCompletion;

static int complete_child(Object *child, void *opaque)
{
    PathCompletion *pc = opaque;
    const char *name = object_get_canonical_path_component(child);
    int n = 0;

    if (!name || !g_str_has_prefix(name, pc->base)) {
        return 0;
    }
    object_child_foreach(child, count_children, &n);
    g_ptr_array_add(pc->out,
                    g_strdup_printf("%s/%s%s", pc->dir, name, n ? "/" : ""));
    return 0;
}

static void complete_qom_path(const char *word, GPtrArray *out)
{
    const char *slash = strrchr(word, '/');
    g_autofree char *dir = NULL;
    Object *obj;
    PathCompletion pc;

    if (!slash) {
        add_if_prefix(out, "/", word);
        return;
    }
    dir = g_strndup(word, slash - word);
    obj = dir[0] ? object_resolve_path(dir, NULL) : object_get_root();
    if (!obj) {
        return;
    }
    pc = (PathCompletion){.dir = dir, .base = slash + 1, .out = out};
    object_child_foreach(obj, complete_child, &pc);
}

static void complete_property(const char *path, const char *word,
                              GPtrArray *out)
{
    Object *obj = object_resolve_path(path, NULL);
    ObjectPropertyIterator iter;
    ObjectProperty *prop;

    if (!obj) {
        return;
    }
    object_property_iter_init(&iter, obj);
    while ((prop = object_property_iter_next(&iter))) {
        add_if_prefix(out, prop->name, word);
    }
}

static void complete_type(const char *word, GPtrArray *out)
{
    g_autoptr(GSList) list = object_class_get_list(TYPE_DEVICE, false);

    for (GSList *l = list; l; l = l->next) {
        DeviceClass *dc = DEVICE_CLASS(l->data);

        if (dc->user_creatable) {
            add_if_prefix(out, object_class_get_name(l->data), word);
        }
    }
}

static int complete_id(Object *child, void *opaque)
{
    PathCompletion *pc = opaque;

    add_if_prefix(pc->out, object_get_canonical_path_component(child),
                  pc->base);
    return 0;
}

static void complete_device_id(const char *word, GPtrArray *out)
{
    Object *per = object_resolve_path("/machine/peripheral", NULL);
    PathCompletion pc = {.base = word, .out = out};

    if (per) {
        object_child_foreach(per, complete_id, &pc);
    }
}

void hmp_complete(void *opaque, const char *cmdline, GPtrArray *out)
{
    g_autoptr(GPtrArray) words = hmp_split(cmdline, NULL);
    const HMPCommand *cmd;
    const char *word;
    char **argv;
    int n, argi;
    char kind;

    if (!words) {
        return;
    }
    argv = (char **)words->pdata;
    n = words->len - 1;
    /* The word being completed: empty after a trailing space. */
    if (!n || cmdline[strlen(cmdline) - 1] == ' ') {
        g_ptr_array_insert(words, n, g_strdup(""));
        argv = (char **)words->pdata;
        n++;
    }
    word = argv[n - 1];
    if (n == 1) {
        complete_cmds(hmp_cmds, word, out);
        goto done;
    }
    cmd = hmp_find(hmp_cmds, argv[0]);
    argi = n - 2;
    if (cmd && !strcmp(cmd->name, "info") && n > 2) {
        cmd = hmp_find(hmp_info_cmds, argv[1]);
        argi = n - 3;
    }
    if (!cmd || argi >= (int)strlen(cmd->complete)) {
        goto done;
    }
    kind = cmd->complete[argi];
    switch (kind) {
    case 'c':
        complete_cmds(hmp_cmds, word, out);
        break;
    case 'i':
        complete_cmds(hmp_info_cmds, word, out);
        break;
    case 'p':
        complete_qom_path(word, out);
        break;
    case 'P':
        complete_property(argv[n - 2], word, out);
        break;
    case 't':
        complete_type(word, out);
        break;
    case 'd':
        complete_device_id(word, out);
        break;
    default:
        break;
    }
done:
    g_ptr_array_sort(out, cmp_strings);
}

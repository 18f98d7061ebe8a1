/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * keyval.c: "key=value,..." option text to a QDict of QStrings.  The
 * syntax and the error texts are in include/qapi/keyval.h.
 */
#include "qomu/osdep.h"
#include "qapi/keyval.h"
#include "qobject/qlist.h"
#include "qobject/qstring.h"

/* The longest key fragment, as QEMU. */
#define KEY_FRAGMENT_MAX 127

/*
 * Length of the name at the start of @s ([A-Za-z_][A-Za-z0-9_-]*), or 0 if
 * there is none.
 */
static size_t name_length(const char *s)
{
    const char *p = s;

    if (!g_ascii_isalpha(*p) && *p != '_') {
        return 0;
    }
    while (g_ascii_isalnum(*p) || *p == '-' || *p == '_') {
        p++;
    }
    return p - s;
}

/*
 * Length of the list index at the start of @s ("0" or [1-9][0-9]*), or 0
 * if there is none.
 */
static size_t index_length(const char *s)
{
    const char *p = s;

    if (*p == '0') {
        return g_ascii_isalnum(p[1]) ? 0 : 1;
    }
    while (g_ascii_isdigit(*p)) {
        p++;
    }
    /* "12ab" is neither an index nor a name. */
    return g_ascii_isalpha(*p) || *p == '_' || *p == '-' ? 0 : p - s;
}

/* The value of an index key (the whole of @key), or -1 if it is none. */
static int64_t key_to_index(const char *key)
{
    size_t len = index_length(key);
    guint64 value;

    if (!len || key[len] || len > 9) {
        return -1;
    }
    value = g_ascii_strtoull(key, NULL, 10);
    return value;
}

static bool is_help_option(const char *s, size_t len)
{
    return (len == 4 && !strncmp(s, "help", 4)) || (len == 1 && s[0] == '?');
}

/*
 * Put @value (a QString, handed over) or, if @value is NULL, a dict under
 * @key_in_cur in @cur.  @key .. @key_cursor is the key so far, for
 * messages.
 * Returns: the value now under @key_in_cur (borrowed), or NULL on error.
 */
static QObject *keyval_parse_put(QDict *cur, const char *key_in_cur,
                                 QString *value, const char *key,
                                 const char *key_cursor, GHashTable *seen,
                                 Error **errp)
{
    QObject *old = qdict_get(cur, key_in_cur);
    QObject *new;
    g_autofree char *full_key = g_strndup(key, key_cursor - key);

    if (old) {
        if (qobject_type(old) != (value ? QTYPE_QSTRING : QTYPE_QDICT)) {
            error_setg(errp, "Parameters '%s.*' used inconsistently", full_key);
            qobject_unref(value);
            return NULL;
        }
        if (!value) {
            return old;
        }
        if (g_hash_table_contains(seen, full_key)) {
            error_setg(errp, "Parameter '%s' is specified more than once",
                       full_key);
            qobject_unref(value);
            return NULL;
        }
    }
    if (value) {
        g_hash_table_add(seen, g_steal_pointer(&full_key));
        new = QOBJECT(value);
    } else {
        new = QOBJECT(qdict_new());
    }
    qdict_put_obj(cur, key_in_cur, new);
    return new;
}

/*
 * Parse one parameter at @params into @qdict.
 * Returns: the start of the next parameter, or NULL on error.
 */
static const char *keyval_parse_one(QDict *qdict, const char *params,
                                    const char *implied_key, bool *help,
                                    GHashTable *seen, Error **errp)
{
    const char *key, *key_end, *val_end = NULL, *s;
    char key_in_cur[KEY_FRAGMENT_MAX + 1];
    size_t len;
    QDict *cur;
    QObject *next;
    GString *val;

    key = params;
    len = strcspn(params, "=,");
    if (len && key[len] != '=') {
        if (is_help_option(key, len)) {
            *help = true;
            s = key + len;
            return *s == ',' ? s + 1 : s;
        }
        if (implied_key) {
            /* "ns16550a,..." stands for "driver=ns16550a,..." */
            key = implied_key;
            val_end = params + len;
            len = strlen(implied_key);
        }
    }
    key_end = key + len;

    /* Walk the key fragments; @cur is the dict the fragment applies to. */
    cur = qdict;
    s = key;
    for (;;) {
        size_t flen = 0;

        if (s != key) {
            flen = index_length(s);
        }
        if (!flen) {
            flen = name_length(s);
        }
        if (!flen || (s + flen < key_end && s[flen] != '.')) {
            error_setg(errp, "Invalid parameter '%.*s'", (int)(key_end - key),
                       key);
            return NULL;
        }
        if (flen > KEY_FRAGMENT_MAX) {
            error_setg(errp, "Parameter%s '%.*s' is too long",
                       s != key || s + flen != key_end ? " fragment" : "",
                       (int)flen, s);
            return NULL;
        }
        if (s != key) {
            next =
                keyval_parse_put(cur, key_in_cur, NULL, key, s - 1, seen, errp);
            if (!next) {
                return NULL;
            }
            cur = qobject_to(QDict, next);
            g_assert(cur);
        }
        memcpy(key_in_cur, s, flen);
        key_in_cur[flen] = 0;
        s += flen;
        if (*s != '.') {
            break;
        }
        s++;
    }

    if (key == implied_key) {
        val = g_string_new_len(params, val_end - params);
        s = val_end;
        if (*s == ',') {
            s++;
        }
    } else {
        if (*s != '=') {
            error_setg(errp, "Expected '=' after parameter '%.*s'",
                       (int)(s - key), key);
            return NULL;
        }
        s++;
        val = g_string_new(NULL);
        for (;;) {
            if (!*s) {
                break;
            }
            if (*s == ',') {
                s++;
                if (*s != ',') {
                    break;
                }
            }
            g_string_append_c(val, *s++);
        }
    }

    if (!keyval_parse_put(cur, key_in_cur, qstring_from_gstring(val), key,
                          key_end, seen, errp)) {
        return NULL;
    }
    return s;
}

/* "a.b." for the key path @key_of_cur (innermost first), for messages. */
static char *reassemble_key(GSList *key_of_cur)
{
    GString *s = g_string_new(NULL);
    GSList *l;

    for (l = key_of_cur; l; l = l->next) {
        g_string_prepend_c(s, '.');
        g_string_prepend(s, l->data);
    }
    return g_string_free(s, false);
}

/*
 * Turn every dict below @cur whose keys are all list indexes into a list,
 * recursively.  @key_of_cur is @cur's key path (innermost first).
 * Returns: the (possibly new) value for @cur, a new reference if it is a
 * new QList, else @cur itself; NULL on error.
 */
static QObject *keyval_listify(QDict *cur, GSList *key_of_cur, Error **errp)
{
    GSList key_node;
    bool has_index = false, has_member = false;
    const QDictEntry *ent;
    GPtrArray *replace = g_ptr_array_new();
    g_autofree QObject **elt = NULL;
    size_t nelt, i;
    QList *list;
    guint r;

    for (ent = qdict_first(cur); ent; ent = qdict_next(cur, ent)) {
        QDict *qdict = qobject_to(QDict, qdict_entry_value(ent));
        QObject *val;

        if (key_to_index(qdict_entry_key(ent)) >= 0) {
            has_index = true;
        } else {
            has_member = true;
        }
        if (!qdict) {
            continue;
        }
        key_node.data = (char *)qdict_entry_key(ent);
        key_node.next = key_of_cur;
        val = keyval_listify(qdict, &key_node, errp);
        if (!val) {
            for (r = 0; r < replace->len; r += 2) {
                qobject_unref((QObject *)g_ptr_array_index(replace, r + 1));
            }
            g_ptr_array_free(replace, true);
            return NULL;
        }
        if (val != QOBJECT(qdict)) {
            g_ptr_array_add(replace, (char *)qdict_entry_key(ent));
            g_ptr_array_add(replace, val);
        }
    }
    /* Replace after the walk, so that no entry changes under it. */
    for (r = 0; r < replace->len; r += 2) {
        g_autofree char *k = g_strdup(g_ptr_array_index(replace, r));

        qdict_put_obj(cur, k, g_ptr_array_index(replace, r + 1));
    }
    g_ptr_array_free(replace, true);

    if (has_index && has_member) {
        g_autofree char *s = reassemble_key(key_of_cur);

        error_setg(errp, "Parameters '%s*' used inconsistently", s);
        return NULL;
    }
    if (!has_index) {
        return QOBJECT(cur);
    }

    /*
     * n distinct indexes make a list only if they are 0..n-1; anything
     * else leaves a gap below n, the first of which is reported.
     */
    nelt = qdict_size(cur) + 1;
    elt = g_new0(QObject *, nelt);
    for (ent = qdict_first(cur); ent; ent = qdict_next(cur, ent)) {
        int64_t index = key_to_index(qdict_entry_key(ent));

        g_assert(index >= 0);
        if ((size_t)index < nelt - 1) {
            elt[index] = qdict_entry_value(ent);
        }
    }
    list = qlist_new();
    for (i = 0; i < nelt - 1; i++) {
        if (!elt[i]) {
            g_autofree char *s = reassemble_key(key_of_cur);

            error_setg(errp, "Parameter '%s%zu' missing", s, i);
            qobject_unref(list);
            return NULL;
        }
        qlist_append_obj(list, qobject_ref(elt[i]));
    }
    return QOBJECT(list);
}

QDict *keyval_parse_into(QDict *qdict, const char *params,
                         const char *implied_key, bool *p_help, Error **errp)
{
    g_autoptr(GHashTable) seen =
        g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    QObject *listified;
    const char *s;
    bool help = false;

    s = params;
    while (*s) {
        s = keyval_parse_one(qdict, s, implied_key, &help, seen, errp);
        if (!s) {
            return NULL;
        }
        implied_key = NULL;
    }

    if (p_help) {
        *p_help = help;
    } else if (help) {
        error_setg(errp, "Help is not available for this option");
        return NULL;
    }

    listified = keyval_listify(qdict, NULL, errp);
    if (!listified) {
        return NULL;
    }
    g_assert(listified == QOBJECT(qdict));
    return qdict;
}

QDict *keyval_parse(const char *params, const char *implied_key, bool *p_help,
                    Error **errp)
{
    QDict *qdict = qdict_new();

    if (!keyval_parse_into(qdict, params, implied_key, p_help, errp)) {
        qobject_unref(qdict);
        return NULL;
    }
    return qdict;
}

static bool keyval_do_merge(QDict *dest, const QDict *merged, GString *str,
                            Error **errp)
{
    size_t save_len = str->len;
    const QDictEntry *ent;

    for (ent = qdict_first(merged); ent; ent = qdict_next(merged, ent)) {
        const char *key = qdict_entry_key(ent);
        QObject *value = qdict_entry_value(ent);
        QObject *old_value = qdict_get(dest, key);

        if (old_value) {
            if (qobject_type(old_value) != qobject_type(value)) {
                error_setg(errp, "Parameter '%s%s' used inconsistently",
                           str->str, key);
                return false;
            }
            if (qobject_type(value) == QTYPE_QDICT) {
                bool ok;

                g_string_append(str, key);
                g_string_append_c(str, '.');
                ok = keyval_do_merge(qobject_to(QDict, old_value),
                                     qobject_to(QDict, value), str, errp);
                g_string_truncate(str, save_len);
                if (!ok) {
                    return false;
                }
                continue;
            }
            if (qobject_type(value) == QTYPE_QLIST) {
                QList *old = qobject_to(QList, old_value);
                const QListEntry *item;

                QLIST_FOREACH_ENTRY (qobject_to(QList, value), item) {
                    qlist_append_obj(old, qobject_ref(qlist_entry_obj(item)));
                }
                continue;
            }
        }
        /*
         * Containers are copied, not shared, so that later merges into
         * @dest never change @merged.
         */
        if (qobject_type(value) == QTYPE_QDICT) {
            QDict *copy = qdict_new();

            qdict_put(dest, key, copy);
            g_string_append(str, key);
            g_string_append_c(str, '.');
            keyval_do_merge(copy, qobject_to(QDict, value), str, errp);
            g_string_truncate(str, save_len);
        } else if (qobject_type(value) == QTYPE_QLIST) {
            qdict_put(dest, key, qlist_copy(qobject_to(QList, value)));
        } else {
            qdict_put_obj(dest, key, qobject_ref(value));
        }
    }
    return true;
}

void keyval_merge(QDict *old, const QDict *new, Error **errp)
{
    g_autoptr(GString) str = g_string_new(NULL);

    keyval_do_merge(old, new, str, errp);
}

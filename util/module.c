/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * module.c: the queue behind type_init() and module_call_init().
 */
#include "qomu/osdep.h"
#include "qomu/module.h"

typedef struct ModuleEntry {
    void (*init)(void);
    bool done;
} ModuleEntry;

/* Filled by constructors before main(); GArray keeps the queue order. */
static GArray *init_queue[MODULE_INIT_MAX];

void register_module_init(void (*fn)(void), module_init_type type)
{
    ModuleEntry e = { .init = fn };

    if (!init_queue[type]) {
        init_queue[type] = g_array_new(FALSE, FALSE, sizeof(ModuleEntry));
    }
    g_array_append_val(init_queue[type], e);
}

void module_call_init(module_init_type type)
{
    GArray *q = init_queue[type];

    if (!q) {
        return;
    }
    /* An init function may queue more; re-read the length each time. */
    for (guint i = 0; i < q->len; i++) {
        ModuleEntry *e = &g_array_index(q, ModuleEntry, i);
        if (!e->done) {
            e->done = true;
            e->init();
            q = init_queue[type];
        }
    }
}

static void __attribute__((destructor)) module_free_queues(void)
{
    for (int i = 0; i < MODULE_INIT_MAX; i++) {
        if (init_queue[i]) {
            g_array_free(init_queue[i], TRUE);
            init_queue[i] = NULL;
        }
    }
}

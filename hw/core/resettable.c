/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * resettable.c: multi-phase reset (the Resettable interface) and system
 * reset of the composition tree.
 */
#include "qomu/osdep.h"
#include "hw/resettable.h"
#include "hw/qdev-core.h"

/* A reset tree deeper or more nested than this has a cycle: a bug. */
#define RESETTABLE_MAX_COUNT 50

void resettable_state_clear(ResettableState *state)
{
    memset(state, 0, sizeof(*state));
}

static void resettable_child_foreach(ResettableClass *rc, Object *obj,
                                     ResettableChildCallback cb, ResetType type)
{
    if (rc->child_foreach) {
        rc->child_foreach(obj, cb, NULL, type);
    }
}

/*
 * Enter: children first, then the object; only the first of nested resets
 * runs the object's method, but every child's count is taken.
 */
static void resettable_phase_enter(Object *obj, void *opaque, ResetType type)
{
    ResettableClass *rc = RESETTABLE_GET_CLASS(obj);
    ResettableState *s = rc->get_state(obj);
    bool action_needed = s->count++ == 0;

    g_assert(!s->exit_phase_in_progress);
    g_assert(s->count <= RESETTABLE_MAX_COUNT);
    resettable_child_foreach(rc, obj, resettable_phase_enter, type);
    if (action_needed) {
        if (rc->phases.enter) {
            rc->phases.enter(obj, type);
        }
        s->hold_phase_pending = true;
    }
}

static void resettable_phase_hold(Object *obj, void *opaque, ResetType type)
{
    ResettableClass *rc = RESETTABLE_GET_CLASS(obj);
    ResettableState *s = rc->get_state(obj);

    resettable_child_foreach(rc, obj, resettable_phase_hold, type);
    if (s->hold_phase_pending) {
        s->hold_phase_pending = false;
        if (rc->phases.hold) {
            rc->phases.hold(obj, type);
        }
    }
}

static void resettable_phase_exit(Object *obj, void *opaque, ResetType type)
{
    ResettableClass *rc = RESETTABLE_GET_CLASS(obj);
    ResettableState *s = rc->get_state(obj);

    resettable_child_foreach(rc, obj, resettable_phase_exit, type);
    g_assert(s->count > 0);
    if (--s->count == 0) {
        s->exit_phase_in_progress = true;
        if (rc->phases.exit) {
            rc->phases.exit(obj, type);
        }
        s->exit_phase_in_progress = false;
    }
}

void resettable_assert_reset(Object *obj, ResetType type)
{
    resettable_phase_enter(obj, NULL, type);
    resettable_phase_hold(obj, NULL, type);
}

void resettable_release_reset(Object *obj, ResetType type)
{
    resettable_phase_exit(obj, NULL, type);
}

void resettable_reset(Object *obj, ResetType type)
{
    resettable_assert_reset(obj, type);
    resettable_release_reset(obj, type);
}

bool resettable_is_in_reset(Object *obj)
{
    ResettableClass *rc = RESETTABLE_GET_CLASS(obj);

    return rc->get_state(obj)->count > 0;
}

void resettable_class_set_parent_phases(ResettableClass *rc,
                                        ResettableEnterPhase enter,
                                        ResettableHoldPhase hold,
                                        ResettableExitPhase exit,
                                        ResettablePhases *parent_phases)
{
    *parent_phases = rc->phases;
    if (enter) {
        rc->phases.enter = enter;
    }
    if (hold) {
        rc->phases.hold = hold;
    }
    if (exit) {
        rc->phases.exit = exit;
    }
}

/* System reset */

typedef struct ResetCollect {
    GPtrArray *objs;     /* every Resettable object under the root */
    GHashTable *reached; /* objects some collected object resets */
} ResetCollect;

/*
 * Unrealized devices are not reset by the tree (their state is not set
 * up), nor are the buses they own.
 */
static bool reset_tree_wants(Object *obj)
{
    DeviceState *dev;
    BusState *bus;

    if (!object_dynamic_cast(obj, TYPE_RESETTABLE_INTERFACE)) {
        return false;
    }
    dev = (DeviceState *)object_dynamic_cast(obj, TYPE_DEVICE);
    if (dev) {
        return dev->realized;
    }
    bus = (BusState *)object_dynamic_cast(obj, TYPE_BUS);
    if (bus) {
        return !bus->parent || bus->parent->realized;
    }
    return true;
}

static int reset_collect_one(Object *obj, void *opaque)
{
    ResetCollect *rcol = opaque;

    if (reset_tree_wants(obj)) {
        g_ptr_array_add(rcol->objs, obj);
    }
    return 0;
}

static void reset_mark_reached(Object *obj, void *opaque, ResetType type)
{
    ResetCollect *rcol = opaque;

    g_hash_table_add(rcol->reached, obj);
}

unsigned resettable_reset_tree(Object *root, ResetType type)
{
    ResetCollect rcol = {
        .objs = g_ptr_array_new(),
        .reached = g_hash_table_new(NULL, NULL),
    };
    GPtrArray *roots = g_ptr_array_new();
    unsigned n;

    reset_collect_one(root, &rcol);
    object_child_foreach_recursive(root, reset_collect_one, &rcol);

    for (guint i = 0; i < rcol.objs->len; i++) {
        Object *obj = g_ptr_array_index(rcol.objs, i);
        ResettableClass *rc = RESETTABLE_GET_CLASS(obj);

        if (rc->child_foreach) {
            rc->child_foreach(obj, reset_mark_reached, &rcol, type);
        }
    }
    for (guint i = 0; i < rcol.objs->len; i++) {
        Object *obj = g_ptr_array_index(rcol.objs, i);

        if (!g_hash_table_contains(rcol.reached, obj)) {
            g_ptr_array_add(roots, obj);
        }
    }

    /* Each phase over the whole system before the next. */
    for (guint i = 0; i < roots->len; i++) {
        resettable_phase_enter(g_ptr_array_index(roots, i), NULL, type);
    }
    for (guint i = 0; i < roots->len; i++) {
        resettable_phase_hold(g_ptr_array_index(roots, i), NULL, type);
    }
    for (guint i = 0; i < roots->len; i++) {
        resettable_phase_exit(g_ptr_array_index(roots, i), NULL, type);
    }

    n = roots->len;
    g_ptr_array_free(roots, TRUE);
    g_ptr_array_free(rcol.objs, TRUE);
    g_hash_table_unref(rcol.reached);
    return n;
}

static const TypeInfo resettable_interface_info = {
    .name = TYPE_RESETTABLE_INTERFACE,
    .parent = TYPE_INTERFACE,
    .class_size = sizeof(ResettableClass),
};

static void reset_register_types(void)
{
    type_register_static(&resettable_interface_info);
}

type_init(reset_register_types)

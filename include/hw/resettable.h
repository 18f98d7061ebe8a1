/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * resettable.h: the Resettable interface (multi-phase reset), as QEMU's
 * include/hw/resettable.h.
 *
 * An object that implements TYPE_RESETTABLE_INTERFACE is reset in three
 * phases, each run over a whole tree of objects before the next begins:
 *
 *   enter: reset the object's own state; no side effects on others
 *          (do not raise IRQs here);
 *   hold:  act on other objects (for example lower an IRQ line);
 *   exit:  leave reset; the object may start working again.
 *
 * The tree is given by the class's child_foreach method: a device resets
 * its child buses, a bus resets the devices plugged into it.  Each object
 * keeps a reset count (ResettableState): resets nest, and an object is "in
 * reset" while its count is non-zero.
 *
 * System reset (resettable_reset_tree()) walks the composition (QOM) tree
 * from a root and resets every Resettable object in it exactly once, by
 * starting from the objects no other collected object resets through its
 * child_foreach (the main system bus, devices on no bus such as CPUs,
 * buses owned by nothing) - see docs/devel/qdev.md, "Reset".
 *
 * Differences from QEMU: no transitional (legacy) hook on the interface
 * (devices' legacy reset is wrapped by the device class itself), no
 * ResettableContainer (resettable_reset_tree() covers its use), reset types
 * are only COLD and WAKEUP.
 */
#ifndef HW_RESETTABLE_H
#define HW_RESETTABLE_H

#include "qom/object.h"

#define TYPE_RESETTABLE_INTERFACE "resettable"

typedef struct ResettableClass ResettableClass;
typedef struct ResettableState ResettableState;

/** ResetType: why an object is reset. */
typedef enum ResetType {
    RESET_TYPE_COLD,   /* power-on or system reset */
    RESET_TYPE_WAKEUP, /* wake-up from suspend */
} ResetType;

typedef void (*ResettableEnterPhase)(Object *obj, ResetType type);
typedef void (*ResettableHoldPhase)(Object *obj, ResetType type);
typedef void (*ResettableExitPhase)(Object *obj, ResetType type);

/** ResettablePhases: the three phase methods (each may be NULL). */
typedef struct ResettablePhases {
    ResettableEnterPhase enter;
    ResettableHoldPhase hold;
    ResettableExitPhase exit;
} ResettablePhases;

/**
 * ResettableChildCallback: called by child_foreach for each child.
 */
typedef void (*ResettableChildCallback)(Object *obj, void *opaque,
                                        ResetType type);

/**
 * ResettableClass: the interface's class.
 * @phases: the object's own phase methods.
 * @get_state: the object's ResettableState (required).
 * @child_foreach: call @cb on each object this one resets with itself
 * (may be NULL: no children).
 */
struct ResettableClass {
    InterfaceClass parent_class;

    ResettablePhases phases;
    ResettableState *(*get_state)(Object *obj);
    void (*child_foreach)(Object *obj, ResettableChildCallback cb,
                          void *opaque, ResetType type);
};

#define RESETTABLE_CLASS(klass) \
    OBJECT_CLASS_CHECK(ResettableClass, (klass), TYPE_RESETTABLE_INTERFACE)
#define RESETTABLE_GET_CLASS(obj) \
    OBJECT_GET_CLASS(ResettableClass, (obj), TYPE_RESETTABLE_INTERFACE)

/**
 * ResettableState: per-object reset bookkeeping, embedded in the object.
 * @count: how many resets are asserted and not yet released.
 * @hold_phase_pending: the hold phase is still to run.
 * @exit_phase_in_progress: the exit phase is running (a re-entrant reset
 * from an exit method is a programming error).
 */
struct ResettableState {
    unsigned count;
    bool hold_phase_pending;
    bool exit_phase_in_progress;
};

/**
 * resettable_state_clear: zero @state (at init or realize).
 */
void resettable_state_clear(ResettableState *state);

/**
 * resettable_reset: reset @obj and its children (all three phases).
 * @obj: an object implementing TYPE_RESETTABLE_INTERFACE.
 * @type: the reset type.
 */
void resettable_reset(Object *obj, ResetType type);

/**
 * resettable_assert_reset: run the enter and hold phases and leave @obj
 * in reset (its count incremented) until resettable_release_reset().
 */
void resettable_assert_reset(Object *obj, ResetType type);

/**
 * resettable_release_reset: drop one reset of @obj; when the count reaches
 * zero the exit phase runs.
 */
void resettable_release_reset(Object *obj, ResetType type);

/** resettable_is_in_reset: true while @obj's reset count is non-zero. */
bool resettable_is_in_reset(Object *obj);

/**
 * resettable_class_set_parent_phases: install @enter, @hold and @exit as
 * the class's phases (NULL keeps the current one) and save the previous
 * ones in @parent_phases, so that a subclass can chain to its parent's.
 */
void resettable_class_set_parent_phases(ResettableClass *rc,
                                        ResettableEnterPhase enter,
                                        ResettableHoldPhase hold,
                                        ResettableExitPhase exit,
                                        ResettablePhases *parent_phases);

/**
 * resettable_reset_tree: system reset of the composition tree under @root.
 *
 * Collects every object under @root (inclusive) that implements the
 * interface, skipping unrealized devices (and the buses they own).  The
 * objects that no collected object reaches through child_foreach are the
 * reset roots; the enter phase runs over all of them (and their
 * children), then hold, then exit.  So every collected object is reset
 * exactly once, devices on no bus (CPUs) included.
 *
 * Returns: the number of reset roots (for tests and tracing).
 */
unsigned resettable_reset_tree(Object *root, ResetType type);

#endif /* HW_RESETTABLE_H */

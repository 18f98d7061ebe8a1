/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * module.h: init functions queued by constructors and run in phases.
 *
 * type_init(fn) queues fn at program load; module_call_init(MODULE_INIT_QOM)
 * runs every queued QOM init function once, in the order they were queued.
 * Type registration therefore needs no central list of files.
 */
#ifndef QOMU_MODULE_H
#define QOMU_MODULE_H

typedef enum {
    MODULE_INIT_QOM,
    MODULE_INIT_MAX
} module_init_type;

/** register_module_init: queue @fn to run in phase @type. */
void register_module_init(void (*fn)(void), module_init_type type);

/**
 * module_call_init: run every function queued for @type that has not run.
 * Calling it again runs only functions queued since the last call.
 */
void module_call_init(module_init_type type);

#define module_init(function, type)                                        \
    static void __attribute__((constructor)) do_qomu_init_##function(void) \
    {                                                                      \
        register_module_init(function, type);                              \
    }

#define type_init(function) module_init(function, MODULE_INIT_QOM)

#endif /* QOMU_MODULE_H */

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qdev-test-types.h: the test device types and helpers that the qdev unit
 * tests (test-qdev-props, test-qdev-bus, test-qdev-life) share.  The types
 * are registered by the constructor in qdev-test-types.c, which each test
 * program compiles in.
 */
#ifndef TESTS_UNIT_QDEV_TEST_TYPES_H
#define TESTS_UNIT_QDEV_TEST_TYPES_H

#include "qomu/osdep.h"
#include "qapi/error.h"
#include "hw/qdev-core.h"
#include "hw/qdev-properties.h"
#include "hw/sysbus.h"
#include "hw/irq.h"
#include "hw/resettable.h"
#include "exec/memory.h"

/* tst-dev: one property of each kind */

#define TYPE_TST_DEV "tst-dev"

typedef enum TstMode {
    TST_MODE_FAST,
    TST_MODE_SLOW,
    TST_MODE__MAX,
} TstMode;

typedef struct TstDev {
    DeviceState parent_obj;

    bool b;
    uint32_t flags;
    uint64_t flags64;
    uint8_t u8;
    uint16_t u16;
    uint32_t u32;
    uint64_t u64;
    int32_t i32;
    int64_t i64;
    uint64_t size;
    char *str;
    OnOffAuto ooa;
    TstMode mode;
    Object *link;
    uint32_t num_arr;
    uint32_t *arr;
    uint32_t num_sarr;
    char **sarr;
    bool fail;
    int realizes;
    int unrealizes;
} TstDev;

#define TST_DEV(obj) OBJECT_CHECK(TstDev, (obj), TYPE_TST_DEV)

/* tst-bus, tst-bus-one (max one device), tst-other-bus */

#define TYPE_TST_BUS "tst-bus"
#define TYPE_TST_BUS_ONE "tst-bus-one"
#define TYPE_TST_OTHER_BUS "tst-other-bus"

/* tst-busdev: plugs into a tst-bus */

#define TYPE_TST_BUSDEV "tst-busdev"

/* tst-ctl: owns a tst-bus made in instance_init; tst-ctl2: one in realize */

#define TYPE_TST_CTL "tst-ctl"
#define TYPE_TST_CTL2 "tst-ctl2"

typedef struct TstCtl {
    TstDev parent_obj;
    BusState bus;
    BusState *bus2;
} TstCtl;

#define TST_CTL(obj) OBJECT_CHECK(TstCtl, (obj), TYPE_TST_CTL)

/* tst-sub, tst-subsub: a subclass chain for globals */

#define TYPE_TST_SUB "tst-sub"
#define TYPE_TST_SUBSUB "tst-subsub"

/* tst-cpu: a device on no bus (as a CPU) */

#define TYPE_TST_CPU "tst-cpu"

/* tst-robj: a Resettable object that is not a device */

#define TYPE_TST_ROBJ "tst-robj"

/* tst-legacy: a device with a legacy single reset */

#define TYPE_TST_LEGACY "tst-legacy"

/* tst-sysdev: a memory-mapped device with a region, an IRQ, GPIO inputs */

#define TYPE_TST_SYSDEV "tst-sysdev"

typedef struct TstSysDev {
    SysBusDevice parent_obj;
    MemoryRegion mmio;
    qemu_irq irq;
    qemu_irq named_out[2];
    int in_level[2];
} TstSysDev;

#define TST_SYSDEV(obj) OBJECT_CHECK(TstSysDev, (obj), TYPE_TST_SYSDEV)

/* Warnings are captured here instead of going to stderr. */
extern GString *warnings;

/* The object count when the running test began (see test_begin()). */
extern long live_at_start;

/*
 * The reset log: "enter:a hold:a exit:a ...", appended by the reset phases
 * of the test types while it is non-NULL.
 */
extern GString *reset_log;

/* How many times tst-legacy's legacy reset ran. */
extern int legacy_resets;

/* Levels and call count of sink_handler(), a free-standing IRQ handler. */
extern int sink_level[4];
extern int sink_calls;

/**
 * qdev_test_init: start a qdev test program.
 * @argc: main()'s argc
 * @argv: main()'s argv
 *
 * Initialises GLib's test framework, registers the QOM types (the shared
 * test types among them) and captures warnings in @warnings.
 */
void qdev_test_init(int *argc, char ***argv);

/**
 * test_begin: start a test: note the live object count, clear @warnings.
 */
void test_begin(void);

/**
 * test_end: end a test: tear down every device and the memory map, and
 * assert that no object created since test_begin() is left.
 */
void test_end(void);

/**
 * qom_tree_text: every object in the composition tree, one line each
 * ("<canonical path> <type>").
 *
 * Returns: the text; the caller frees it.
 */
char *qom_tree_text(void);

/**
 * machine: the /machine container.
 *
 * Returns: qdev_get_machine().
 */
Object *machine(void);

/**
 * new_child: a new, unrealized device that is a child of /machine.
 * @type: the device type
 * @name: its name under /machine
 *
 * Returns: the device; /machine holds the only reference.
 */
DeviceState *new_child(const char *type, const char *name);

/**
 * print_prop: a property of @dev as text (object_property_print()).
 * @dev: the device
 * @name: the property
 *
 * Returns: the text; the caller frees it.
 */
char *print_prop(DeviceState *dev, const char *name);

/**
 * sink_handler: an IRQ handler that records @level in sink_level[@n] and
 * counts the calls in sink_calls.
 * @opaque: unused
 * @n: the line number (below 4)
 * @level: the new level
 */
void sink_handler(void *opaque, int n, int level);

#endif

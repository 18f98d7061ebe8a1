/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit tests for the machine type: lookup by name, help text, option
 * checks before a board's init, and teardown.
 */
#include "qomu/osdep.h"
#include "qapi/error.h"
#include "hw/boards.h"

static int init_calls;

static bool toy_init(MachineState *ms, Error **errp)
{
    init_calls++;
    if (ms->kernel_filename && !strcmp(ms->kernel_filename, "bad")) {
        error_setg(errp, "cannot load kernel 'bad'");
        return false;
    }
    return true;
}

static void toy_class_init(ObjectClass *oc, const void *data)
{
    MachineClass *mc = MACHINE_CLASS(oc);

    mc->desc = "A toy board";
    mc->init = toy_init;
    mc->is_default = true;
    mc->default_ram_size = 128 * 1024 * 1024;
    mc->min_ram_size = 16 * 1024 * 1024;
    mc->max_ram_size = 1024 * 1024 * 1024;
    mc->max_cpus = 4;
    mc->default_cpu_type = "toy-cpu";
}

static void tiny_class_init(ObjectClass *oc, const void *data)
{
    MachineClass *mc = MACHINE_CLASS(oc);

    mc->desc = "A tiny board";
    mc->init = toy_init;
}

static const TypeInfo machine_test_types[] = {
    {
        .name = MACHINE_TYPE_NAME("toy"),
        .parent = TYPE_MACHINE,
        .class_init = toy_class_init,
    }, {
        .name = MACHINE_TYPE_NAME("tiny"),
        .parent = TYPE_MACHINE,
        .class_init = tiny_class_init,
    },
};

DEFINE_TYPES(machine_test_types)

static void test_lookup(void)
{
    Error *err = NULL;
    MachineClass *mc = machine_class_by_name("toy", &error_abort);

    g_assert(mc == machine_class_by_name("toy-machine", &error_abort));
    g_assert_cmpstr(machine_class_short_name(mc), ==, "toy");
    g_assert(machine_default_class() == mc);
    g_assert_null(machine_class_by_name("tyo", &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "unsupported machine type 'tyo'");
    g_assert_cmpstr(error_get_hint(err), ==,
                    "Did you mean 'toy'?\n"
                    "Use -machine help to list supported machines\n");
    error_free(err);
}

static void test_help(void)
{
    g_autofree char *text = machine_help_text();

    g_assert_cmpstr(text, ==,
                    "Supported machines are:\n"
                    "tiny                 A tiny board\n"
                    "toy                  A toy board (default)\n");
}

static void test_options_and_init(void)
{
    Object *obj = object_new(MACHINE_TYPE_NAME("toy"));
    MachineState *ms = MACHINE(obj);
    Error *err = NULL;

    g_assert_cmpuint(ms->ram_size, ==, 128 * 1024 * 1024);
    g_assert_cmpuint(ms->smp_cpus, ==, 1);
    g_assert_cmpstr(ms->cpu_type, ==, "toy-cpu");
    g_assert_true(object_property_parse(obj, "ram-size", "512M",
                                        &error_abort));
    g_assert_cmpuint(ms->ram_size, ==, 512 * 1024 * 1024);
    g_assert_true(object_property_parse(obj, "dumpdtb", "out.dtb",
                                        &error_abort));
    g_assert_cmpstr(ms->dumpdtb, ==, "out.dtb");

    init_calls = 0;
    g_assert_true(machine_run_board_init(ms, &error_abort));
    g_assert_cmpint(init_calls, ==, 1);
    /* Built: the options are frozen. */
    g_assert_false(object_property_parse(obj, "ram-size", "1G", &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "property 'ram-size' of the machine cannot be changed "
                    "after the machine was built");
    error_free_or_abort(&err);
    g_assert_false(object_property_parse(obj, "smp", "2", &err));
    error_free_or_abort(&err);
    g_assert_true(object_property_parse(obj, "append", "quiet",
                                        &error_abort));
    g_assert_cmpuint(ms->ram_size, ==, 512 * 1024 * 1024);
    ms->built = false;

    ms->ram_size = 8 * 1024 * 1024;
    g_assert_false(machine_run_board_init(ms, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "machine 'toy' needs at least 16 MiB of RAM, got 8 MiB "
                    "(-m)");
    error_free_or_abort(&err);
    ms->ram_size = 2048ULL * 1024 * 1024;
    g_assert_false(machine_run_board_init(ms, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "machine 'toy' supports at most 1 GiB of RAM, got 2 GiB "
                    "(-m)");
    error_free_or_abort(&err);
    ms->ram_size = 64 * 1024 * 1024;
    ms->smp_cpus = 5;
    g_assert_false(machine_run_board_init(ms, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "machine 'toy' supports 1 to 4 CPUs, got 5 (-smp)");
    error_free_or_abort(&err);
    ms->smp_cpus = 4;
    object_property_parse(obj, "kernel", "bad", &error_abort);
    g_assert_false(machine_run_board_init(ms, &err));
    g_assert_cmpstr(error_get_pretty(err), ==, "cannot load kernel 'bad'");
    error_free_or_abort(&err);
    object_unref(obj);
    g_assert_cmpint(object_live_count(), ==, 0);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    module_call_init(MODULE_INIT_QOM);
    g_test_add_func("/machine/lookup", test_lookup);
    g_test_add_func("/machine/help", test_help);
    g_test_add_func("/machine/options-and-init", test_options_and_init);
    return g_test_run();
}

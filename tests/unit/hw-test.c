/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * hw-test: the harness shared by the device unit tests (see hw-test.h).
 */
#include "qomu/osdep.h"
#include "qapi/error.h"
#include "qomu/log.h"
#include "qomu/module.h"
#include "qomu/timer.h"
#include "qom/object.h"
#include "chardev/char.h"
#include "exec/address-spaces.h"
#include "hw/sysbus.h"
#include "system/runstate.h"
#include "hw-test.h"

static char *log_dir;
static char *log_path;
static size_t log_seen;
static long live_at_start;
static GPtrArray *rams;

void hwtest_init(int *argc, char ***argv, const char *name)
{
    g_autofree char *templ = g_strdup_printf("%s-XXXXXX", name);

    g_test_init(argc, argv, NULL);
    module_call_init(MODULE_INIT_QOM);
    /* The root outlives every test case: make it before the first count. */
    object_get_root();
    log_dir = g_dir_make_tmp(templ, NULL);
    g_assert_nonnull(log_dir);
    log_path = g_build_filename(log_dir, "log", NULL);
    g_assert_true(qemu_set_log_filename(log_path));
    qemu_set_log(LOG_GUEST_ERROR);
}

int hwtest_run(void)
{
    int ret = g_test_run();

    qemu_log_close();
    unlink(log_path);
    rmdir(log_dir);
    g_clear_pointer(&log_path, g_free);
    g_clear_pointer(&log_dir, g_free);
    return ret;
}

char *hwtest_log_take(void)
{
    g_autofree char *text = NULL;
    size_t len = 0;
    char *news;

    g_assert_true(g_file_get_contents(log_path, &text, &len, NULL));
    news = g_strdup(text + MIN(log_seen, len));
    log_seen = len;
    return news;
}

void hwtest_begin(void)
{
    live_at_start = object_live_count();
    memory_map_init();
    icount_configure(0, &error_abort);
    g_free(hwtest_log_take());
}

MemoryRegion *hwtest_add_ram(hwaddr base, uint64_t size)
{
    MemoryRegion *mr = g_new0(MemoryRegion, 1);

    g_assert_true(memory_region_init_ram(mr, NULL, "ram", size, &error_abort));
    memory_region_add_subregion(get_system_memory(), base, mr);
    if (!rams) {
        rams = g_ptr_array_new();
    }
    g_ptr_array_add(rams, mr);
    return mr;
}

void hwtest_end(void)
{
    qdev_teardown_all();
    chardev_cleanup_all();
    if (rams) {
        for (guint i = 0; i < rams->len; i++) {
            MemoryRegion *mr = g_ptr_array_index(rams, i);

            memory_region_del_subregion(get_system_memory(), mr);
            object_unref(OBJECT(mr));
            g_free(mr);
        }
        g_clear_pointer(&rams, g_ptr_array_unref);
    }
    memory_map_cleanup();
    runstate_cleanup();
    icount_disable();
    g_assert_cmpint(object_live_count(), ==, live_at_start);
}

MemTxResult hwtest_read(hwaddr addr, unsigned size, uint64_t *val)
{
    AddressSpace *as = &address_space_memory;
    MemTxAttrs attrs = MEMTXATTRS_UNSPECIFIED;
    MemTxResult r = MEMTX_ERROR;

    switch (size) {
    case 1:
        *val = address_space_ldub(as, addr, attrs, &r);
        break;
    case 2:
        *val = address_space_lduw_le(as, addr, attrs, &r);
        break;
    case 4:
        *val = address_space_ldl_le(as, addr, attrs, &r);
        break;
    case 8:
        *val = address_space_ldq_le(as, addr, attrs, &r);
        break;
    default:
        g_assert_not_reached();
    }
    return r;
}

MemTxResult hwtest_write(hwaddr addr, uint64_t val, unsigned size)
{
    AddressSpace *as = &address_space_memory;
    MemTxAttrs attrs = MEMTXATTRS_UNSPECIFIED;
    MemTxResult r = MEMTX_ERROR;

    switch (size) {
    case 1:
        address_space_stb(as, addr, val, attrs, &r);
        break;
    case 2:
        address_space_stw_le(as, addr, val, attrs, &r);
        break;
    case 4:
        address_space_stl_le(as, addr, val, attrs, &r);
        break;
    case 8:
        address_space_stq_le(as, addr, val, attrs, &r);
        break;
    default:
        g_assert_not_reached();
    }
    return r;
}

static uint64_t rd_ok(hwaddr addr, unsigned size)
{
    uint64_t v = 0;

    g_assert_cmpint(hwtest_read(addr, size, &v), ==, MEMTX_OK);
    return v;
}

static void wr_ok(hwaddr addr, uint64_t val, unsigned size)
{
    g_assert_cmpint(hwtest_write(addr, val, size), ==, MEMTX_OK);
}

uint8_t hwtest_rd8(hwaddr addr)
{
    return rd_ok(addr, 1);
}

uint16_t hwtest_rd16(hwaddr addr)
{
    return rd_ok(addr, 2);
}

uint32_t hwtest_rd32(hwaddr addr)
{
    return rd_ok(addr, 4);
}

uint64_t hwtest_rd64(hwaddr addr)
{
    return rd_ok(addr, 8);
}

void hwtest_wr8(hwaddr addr, uint8_t val)
{
    wr_ok(addr, val, 1);
}

void hwtest_wr16(hwaddr addr, uint16_t val)
{
    wr_ok(addr, val, 2);
}

void hwtest_wr32(hwaddr addr, uint32_t val)
{
    wr_ok(addr, val, 4);
}

void hwtest_wr64(hwaddr addr, uint64_t val)
{
    wr_ok(addr, val, 8);
}

void hwtest_clock_to(int64_t ns)
{
    g_assert_cmpint(qemu_clock_advance_virtual_time(ns), ==, ns);
}

void hwtest_clock_step(int64_t ns)
{
    hwtest_clock_to(qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL) + ns);
}

void hwtest_realize_error(DeviceState *dev, const char *msg)
{
    Error *err = NULL;

    g_assert_false(sysbus_realize_and_unref(SYS_BUS_DEVICE(dev), &err));
    g_assert_nonnull(err);
    if (!strstr(error_get_pretty(err), msg)) {
        g_error("got '%s', expected '%s'", error_get_pretty(err), msg);
    }
    error_free(err);
}

static void sink_set(void *opaque, int n, int level)
{
    HWTestSink *sink = opaque;

    if (level && !sink->level[n]) {
        sink->raised[n]++;
    }
    sink->level[n] = level;
    sink->calls[n]++;
}

qemu_irq hwtest_sink_irq(HWTestSink *sink, int n)
{
    g_assert_cmpint(n, >=, 0);
    g_assert_cmpint(n, <, HWTEST_SINK_LINES);
    return qemu_allocate_irq(sink_set, sink, n);
}

void hwtest_sink_connect(DeviceState *dev, const char *name, int n,
                         HWTestSink *sink)
{
    memset(sink, 0, sizeof(*sink));
    for (int i = 0; i < n; i++) {
        qemu_irq irq = hwtest_sink_irq(sink, i);

        qdev_connect_gpio_out_named(dev, name, i, irq);
        qemu_free_irq(irq); /* the connection holds it */
    }
}

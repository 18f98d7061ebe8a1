/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-plic: the SiFive PLIC as on virt (0xc000000, 96 sources, 7
 * priorities, "MS,MS"), driven through system memory; sources are GPIO
 * inputs set by the test, the M/S external interrupt outputs go to IRQ
 * lines of the test.
 */
#include "qomu/osdep.h"
#include "qapi/error.h"
#include "qomu/log.h"
#include "qomu/module.h"
#include "hw/intc/sifive_plic.h"
#include "hw/qdev-properties.h"
#include "exec/address-spaces.h"

#define PLIC_BASE 0xc000000
#define PRIORITY(src) (PLIC_BASE + 4 * (src))
#define PENDING(word) (PLIC_BASE + 0x1000 + 4 * (word))
#define ENABLE(ctx, word) (PLIC_BASE + 0x2000 + 0x80 * (ctx) + 4 * (word))
#define THRESHOLD(ctx) (PLIC_BASE + 0x200000 + 0x1000 * (ctx))
#define CLAIM(ctx) (THRESHOLD(ctx) + 4)

/* Contexts of "MS,MS". */
enum { CTX_M0, CTX_S0, CTX_M1, CTX_S1, NUM_CTX };

/* Output lines: M0, M1, S0, S1 (QEMU's order: all M, then all S). */
static int out_level[4];
static int out_calls[4];
static int max_raised[4];
static const int ctx_out[NUM_CTX] = {0, 2, 1, 3};

static DeviceState *plic;
static long live_at_start;
static char *log_path;
static size_t log_seen;

static char *log_take(void)
{
    g_autofree char *text = NULL;
    size_t len = 0;
    char *news;

    g_assert_true(g_file_get_contents(log_path, &text, &len, NULL));
    news = g_strdup(text + MIN(log_seen, len));
    log_seen = len;
    return news;
}

static void out_set(void *opaque, int n, int level)
{
    out_level[n] = level;
    out_calls[n]++;
    max_raised[n] |= level;
}

static int ext(int ctx)
{
    return out_level[ctx_out[ctx]];
}

static uint32_t rd(hwaddr addr)
{
    MemTxResult r;
    uint32_t v = address_space_ldl_le(&address_space_memory, addr,
                                      MEMTXATTRS_UNSPECIFIED, &r);

    g_assert_cmpint(r, ==, MEMTX_OK);
    return v;
}

static void wr(hwaddr addr, uint32_t v)
{
    MemTxResult r;

    address_space_stl_le(&address_space_memory, addr, v, MEMTXATTRS_UNSPECIFIED,
                         &r);
    g_assert_cmpint(r, ==, MEMTX_OK);
}

static void source(int src, int level)
{
    qemu_set_irq(qdev_get_gpio_in(plic, src), level);
}

static void begin(void)
{
    live_at_start = object_live_count();
    memory_map_init();
    plic = sifive_plic_create(PLIC_BASE, (char *)"MS,MS", 2, 0, 96, 7, 0x0,
                              0x1000, 0x2000, 0x80, 0x200000, 0x1000, 0x600000);
    memset(out_level, 0, sizeof(out_level));
    memset(out_calls, 0, sizeof(out_calls));
    memset(max_raised, 0, sizeof(max_raised));
    for (int n = 0; n < 4; n++) {
        qemu_irq irq = qemu_allocate_irq(out_set, NULL, n);

        qdev_connect_gpio_out(plic, n, irq);
        qemu_free_irq(irq);
    }
    g_free(log_take());
}

static void end(void)
{
    qdev_teardown_all();
    memory_map_cleanup();
    g_assert_cmpint(object_live_count(), ==, live_at_start);
}

static void test_priority_regs(void)
{
    begin();
    wr(PRIORITY(5), 3);
    g_assert_cmphex(rd(PRIORITY(5)), ==, 3);
    wr(PRIORITY(95), 7);
    g_assert_cmphex(rd(PRIORITY(95)), ==, 7);
    wr(PRIORITY(5), 0xf); /* WARL: 7 levels, masked */
    g_assert_cmphex(rd(PRIORITY(5)), ==, 7);
    wr(PRIORITY(0), 5); /* source 0: hardwired 0 */
    g_assert_cmphex(rd(PRIORITY(0)), ==, 0);
    wr(THRESHOLD(CTX_S1), 6);
    g_assert_cmphex(rd(THRESHOLD(CTX_S1)), ==, 6);
    g_assert_cmphex(rd(THRESHOLD(CTX_M0)), ==, 0);
    wr(ENABLE(CTX_M1, 2), 0xffffffff); /* sources 64..95 */
    g_assert_cmphex(rd(ENABLE(CTX_M1, 2)), ==, 0xffffffff);
    wr(ENABLE(CTX_M1, 0), 0xffffffff); /* bit 0 is source 0 */
    g_assert_cmphex(rd(ENABLE(CTX_M1, 0)), ==, 0xfffffffe);
    g_assert_cmphex(rd(ENABLE(CTX_M0, 0)), ==, 0);
    end();
}

/*
 * A level source: a high line makes the source pending, and it stays
 * pending until claimed even when the line drops first (the UART lowers
 * its line when the guest reads IIR before claiming).
 */
static void test_pending_level(void)
{
    begin();
    source(5, 1);
    source(33, 1);
    g_assert_cmphex(rd(PENDING(0)), ==, 1u << 5);
    g_assert_cmphex(rd(PENDING(1)), ==, 1u << 1);
    source(5, 0);
    g_assert_cmphex(rd(PENDING(0)), ==, 1u << 5);
    wr(ENABLE(CTX_M0, 0), 1u << 5);
    wr(PRIORITY(5), 1);
    g_assert_cmphex(rd(CLAIM(CTX_M0)), ==, 5);
    g_assert_cmphex(rd(PENDING(0)), ==, 0);
    wr(CLAIM(CTX_M0), 5);
    /* The line is low now: no new request after the completion. */
    g_assert_cmphex(rd(PENDING(0)), ==, 0);
    wr(ENABLE(CTX_M0, 0), 0);
    /* Nothing enabled: no output moved. */
    for (int n = 0; n < 4; n++) {
        g_assert_cmpint(out_level[n], ==, 0);
    }
    end();
}

/* Delivery needs enable, priority > threshold; claim and complete. */
static void test_threshold_claim_complete(void)
{
    begin();
    source(5, 1);
    g_assert_cmpint(ext(CTX_M0), ==, 0); /* not enabled */
    wr(ENABLE(CTX_M0, 0), 1u << 5);
    g_assert_cmpint(ext(CTX_M0), ==, 0); /* priority 0 */
    wr(PRIORITY(5), 3);
    g_assert_cmpint(ext(CTX_M0), ==, 1);
    g_assert_cmpint(ext(CTX_S0), ==, 0);
    g_assert_cmpint(ext(CTX_M1), ==, 0);
    wr(THRESHOLD(CTX_M0), 3); /* needs > threshold */
    g_assert_cmpint(ext(CTX_M0), ==, 0);
    g_assert_cmphex(rd(CLAIM(CTX_M0)), ==, 0); /* nothing to claim */
    wr(THRESHOLD(CTX_M0), 2);
    g_assert_cmpint(ext(CTX_M0), ==, 1);

    g_assert_cmphex(rd(CLAIM(CTX_M0)), ==, 5);
    g_assert_cmpint(ext(CTX_M0), ==, 0);
    g_assert_cmphex(rd(PENDING(0)), ==, 0);
    g_assert_cmphex(rd(CLAIM(CTX_M0)), ==, 0); /* claimed: not again */
    /* Complete with the line still high: pending and delivered again. */
    wr(CLAIM(CTX_M0), 5);
    g_assert_cmphex(rd(PENDING(0)), ==, 1u << 5);
    g_assert_cmpint(ext(CTX_M0), ==, 1);
    g_assert_cmphex(rd(CLAIM(CTX_M0)), ==, 5);
    /* The device drops its line while in service: stays quiet after. */
    source(5, 0);
    wr(CLAIM(CTX_M0), 5);
    g_assert_cmpint(ext(CTX_M0), ==, 0);
    g_assert_cmphex(rd(PENDING(0)), ==, 0);
    /* A new edge while claimed waits for complete. */
    source(5, 1);
    g_assert_cmpint(ext(CTX_M0), ==, 1);
    g_assert_cmphex(rd(CLAIM(CTX_M0)), ==, 5);
    source(5, 0);
    source(5, 1);
    g_assert_cmpint(ext(CTX_M0), ==, 0);
    wr(CLAIM(CTX_M0), 5);
    g_assert_cmpint(ext(CTX_M0), ==, 1);
    end();
}

/* Highest priority first; the lowest ID breaks a tie. */
static void test_priority_order(void)
{
    begin();
    wr(ENABLE(CTX_S1, 0), (1u << 3) | (1u << 5) | (1u << 7));
    wr(ENABLE(CTX_S1, 1), 1u << 8); /* source 40 */
    wr(PRIORITY(3), 5);
    wr(PRIORITY(5), 3);
    wr(PRIORITY(7), 5);
    wr(PRIORITY(40), 6);
    source(7, 1);
    source(5, 1);
    source(3, 1);
    source(40, 1);
    g_assert_cmpint(ext(CTX_S1), ==, 1);
    g_assert_cmphex(rd(CLAIM(CTX_S1)), ==, 40);
    g_assert_cmphex(rd(CLAIM(CTX_S1)), ==, 3);
    g_assert_cmphex(rd(CLAIM(CTX_S1)), ==, 7);
    g_assert_cmpint(ext(CTX_S1), ==, 1);
    g_assert_cmphex(rd(CLAIM(CTX_S1)), ==, 5);
    g_assert_cmpint(ext(CTX_S1), ==, 0);
    g_assert_cmphex(rd(CLAIM(CTX_S1)), ==, 0);
    /* Only S1 was ever raised. */
    g_assert_cmpint(out_level[0] + out_level[1] + out_level[2], ==, 0);
    g_assert_cmpint(max_raised[0] + max_raised[1] + max_raised[2], ==, 0);
    end();
}

/* One source enabled in two harts' contexts: the first claim wins. */
static void test_two_harts(void)
{
    g_autofree char *log = NULL;

    begin();
    wr(PRIORITY(10), 1);
    wr(ENABLE(CTX_S0, 0), 1u << 10);
    wr(ENABLE(CTX_S1, 0), 1u << 10);
    wr(ENABLE(CTX_M1, 0), 1u << 11);
    wr(PRIORITY(11), 2);
    source(10, 1);
    g_assert_cmpint(ext(CTX_S0), ==, 1);
    g_assert_cmpint(ext(CTX_S1), ==, 1);
    g_assert_cmpint(ext(CTX_M0), ==, 0);
    g_assert_cmpint(ext(CTX_M1), ==, 0);
    source(11, 1);
    g_assert_cmpint(ext(CTX_M1), ==, 1);
    g_assert_cmpint(ext(CTX_M0), ==, 0);

    g_assert_cmphex(rd(CLAIM(CTX_S1)), ==, 10);
    g_assert_cmpint(ext(CTX_S0), ==, 0);
    g_assert_cmpint(ext(CTX_S1), ==, 0);
    g_assert_cmphex(rd(CLAIM(CTX_S0)), ==, 0);
    g_assert_cmpint(ext(CTX_M1), ==, 1); /* independent */
    /* A context that has not enabled it cannot complete it. */
    wr(CLAIM(CTX_M1), 10);
    g_assert_cmpint(ext(CTX_S0), ==, 0);
    log = log_take();
    g_assert_nonnull(strstr(log, "context 2 completes source 10, "
                                 "which it has not enabled"));
    /* Another context that enabled it may (the spec keys on the source). */
    wr(CLAIM(CTX_S0), 10);
    g_assert_cmpint(ext(CTX_S0), ==, 1);
    g_assert_cmpint(ext(CTX_S1), ==, 1);
    g_assert_cmphex(rd(CLAIM(CTX_M1)), ==, 11);
    g_assert_cmpint(ext(CTX_M1), ==, 0);
    end();
}

/* Masking: enables and thresholds gate delivery without losing pending. */
static void test_masking(void)
{
    begin();
    wr(PRIORITY(64), 4);
    source(64, 1);
    wr(ENABLE(CTX_M0, 2), 1);
    g_assert_cmpint(ext(CTX_M0), ==, 1);
    wr(ENABLE(CTX_M0, 2), 0);
    g_assert_cmpint(ext(CTX_M0), ==, 0);
    g_assert_cmphex(rd(PENDING(2)), ==, 1);
    wr(THRESHOLD(CTX_M0), 7);
    wr(ENABLE(CTX_M0, 2), 1);
    g_assert_cmpint(ext(CTX_M0), ==, 0);
    wr(THRESHOLD(CTX_M0), 0);
    g_assert_cmpint(ext(CTX_M0), ==, 1);
    wr(PRIORITY(64), 0); /* priority 0: never */
    g_assert_cmpint(ext(CTX_M0), ==, 0);
    g_assert_cmphex(rd(CLAIM(CTX_M0)), ==, 0);
    end();
}

static void test_source0_and_bad_access(void)
{
    g_autofree char *log = NULL;
    MemTxResult r;

    begin();
    source(0, 1);
    g_assert_cmphex(rd(PENDING(0)), ==, 0);
    wr(ENABLE(CTX_M0, 0), 1);
    g_assert_cmphex(rd(ENABLE(CTX_M0, 0)), ==, 0);
    wr(CLAIM(CTX_M0), 0);
    wr(CLAIM(CTX_M0), 96);
    g_assert_cmphex(rd(PRIORITY(96)), ==, 0); /* past the sources */
    wr(PRIORITY(96), 1);
    g_assert_cmphex(rd(ENABLE(CTX_M0, 3)), ==, 0); /* past the words */
    wr(PENDING(0), 0xffffffff);
    g_assert_cmphex(rd(PENDING(0)), ==, 0);
    g_assert_cmphex(rd(THRESHOLD(NUM_CTX)), ==, 0); /* no such context */
    g_assert_cmphex(rd(THRESHOLD(CTX_M0) + 8), ==, 0);
    wr(ENABLE(CTX_M0, 0), 0xfffffffe);
    wr(PRIORITY(0x7f0), 0);
    log = log_take();
    g_assert_nonnull(strstr(log, "sifive_plic: input 0 is not a source"));
    g_assert_nonnull(strstr(log, "context 0 completes invalid source 0\n"));
    g_assert_nonnull(strstr(log, "context 0 completes invalid source 96\n"));
    g_assert_nonnull(strstr(log, "invalid register read at 0x180\n"));
    g_assert_nonnull(strstr(log, "invalid register write at 0x180 "));
    g_assert_nonnull(strstr(log, "invalid register read at 0x200c\n"));
    g_assert_nonnull(strstr(log, "write to read-only pending bits at 0x1000"));
    g_assert_nonnull(strstr(log, "invalid register read at 0x204000\n"));
    g_assert_nonnull(strstr(log, "invalid register read at 0x200008\n"));
    g_assert_nonnull(strstr(log, "invalid register write at 0x1fc0 "));
    /* Only 32-bit accesses. */
    address_space_lduw_le(&address_space_memory, PRIORITY(1),
                          MEMTXATTRS_UNSPECIFIED, &r);
    g_assert_cmpint(r, !=, MEMTX_OK);
    address_space_stq_le(&address_space_memory, ENABLE(CTX_M0, 0), ~0ULL,
                         MEMTXATTRS_UNSPECIFIED, &r);
    g_assert_cmpint(r, !=, MEMTX_OK);
    g_assert_cmpint(max_raised[0], ==, 0);
    end();
}

static void test_reset(void)
{
    begin();
    wr(PRIORITY(9), 2);
    wr(ENABLE(CTX_S0, 0), 1u << 9);
    wr(THRESHOLD(CTX_S0), 1);
    source(9, 1);
    source(4, 1);
    g_assert_cmpint(ext(CTX_S0), ==, 1);
    g_assert_cmphex(rd(CLAIM(CTX_S0)), ==, 9);
    device_cold_reset(plic);
    g_assert_cmpint(ext(CTX_S0), ==, 0);
    g_assert_cmphex(rd(PRIORITY(9)), ==, 0);
    g_assert_cmphex(rd(ENABLE(CTX_S0, 0)), ==, 0);
    g_assert_cmphex(rd(THRESHOLD(CTX_S0)), ==, 0);
    /* Lines still high are pending; the claim was forgotten. */
    g_assert_cmphex(rd(PENDING(0)), ==, (1u << 9) | (1u << 4));
    wr(PRIORITY(9), 1);
    wr(ENABLE(CTX_S0, 0), 1u << 9);
    g_assert_cmphex(rd(CLAIM(CTX_S0)), ==, 9);
    end();
}

static void expect_error(const char *hart_config, const char *prop,
                         uint32_t value, const char *msg)
{
    DeviceState *dev = qdev_new(TYPE_SIFIVE_PLIC);
    Error *err = NULL;

    if (hart_config) {
        qdev_prop_set_string(dev, "hart-config", hart_config);
    }
    qdev_prop_set_uint32(dev, "num-sources", 96);
    if (prop) {
        qdev_prop_set_uint32(dev, prop, value);
    }
    g_assert_false(sysbus_realize_and_unref(SYS_BUS_DEVICE(dev), &err));
    g_assert_nonnull(err);
    if (!strstr(error_get_pretty(err), msg)) {
        g_error("got '%s', expected '%s'", error_get_pretty(err), msg);
    }
    error_free(err);
}

static void test_realize_errors(void)
{
    live_at_start = object_live_count();
    memory_map_init();
    expect_error(NULL, NULL, 0, "property 'hart-config' is required");
    expect_error("", NULL, 0, "property 'hart-config' is required");
    expect_error("MS,MX", NULL, 0,
                 "(\"MS,MX\"): invalid mode 'X' for hart 1, expected M, S");
    expect_error("MM", NULL, 0, "mode 'M' twice for hart 0");
    expect_error(",", NULL, 0, "has no context");
    expect_error("MS", "num-sources", 1, "'num-sources' is 1, expected 2..");
    expect_error("MS", "num-sources", 1025, "'num-sources' is 1025");
    expect_error("MS", "num-priorities", 0, "'num-priorities' must be");
    expect_error("MS", "enable-stride", 0x81, "'enable-stride' is 0x81");
    expect_error("MS", "context-stride", 4, "'context-stride' is 0x4");
    expect_error("MS", "aperture-size", 0x200000,
                 "the context registers (0x200000..0x201fff) do not fit in "
                 "'aperture-size' 0x200000");
    expect_error("MS", "pending-base", 0x100,
                 "the pending registers overlap "
                 "the priority registers");
    qdev_teardown_all();
    memory_map_cleanup();
    g_assert_cmpint(object_live_count(), ==, live_at_start);
}

/* The U and H modes of hart-config make contexts that drive nothing. */
static void test_hart_config_modes(void)
{
    SiFivePLICState *s;

    live_at_start = object_live_count();
    memory_map_init();
    plic = qdev_new(TYPE_SIFIVE_PLIC);
    qdev_prop_set_string(plic, "hart-config", "M,MSU,S");
    qdev_prop_set_uint32(plic, "hartid-base", 4);
    qdev_prop_set_uint32(plic, "num-sources", 33);
    sysbus_realize_and_unref(SYS_BUS_DEVICE(plic), &error_abort);
    s = SIFIVE_PLIC(plic);
    g_assert_cmpuint(s->num_harts, ==, 3);
    g_assert_cmpuint(s->num_addrs, ==, 5);
    g_assert_cmpuint(s->addr_config[3].hartid, ==, 5);
    g_assert_cmpint(s->addr_config[3].mode, ==, PLICMode_U);
    g_assert_cmpuint(s->addr_config[4].hartid, ==, 6);
    g_assert_cmpint(s->addr_config[4].mode, ==, PLICMode_S);
    g_assert_cmpuint(s->bitfield_words, ==, 2);
    qdev_teardown_all();
    memory_map_cleanup();
    g_assert_cmpint(object_live_count(), ==, live_at_start);
}

int main(int argc, char **argv)
{
    g_autofree char *dir = g_dir_make_tmp("test-plic-XXXXXX", NULL);
    int ret;

    g_test_init(&argc, &argv, NULL);
    module_call_init(MODULE_INIT_QOM);
    log_path = g_build_filename(dir, "log", NULL);
    g_assert_true(qemu_set_log_filename(log_path));
    qemu_set_log(LOG_GUEST_ERROR);

    g_test_add_func("/plic/registers", test_priority_regs);
    g_test_add_func("/plic/pending-level", test_pending_level);
    g_test_add_func("/plic/threshold-claim-complete",
                    test_threshold_claim_complete);
    g_test_add_func("/plic/priority-order", test_priority_order);
    g_test_add_func("/plic/two-harts", test_two_harts);
    g_test_add_func("/plic/masking", test_masking);
    g_test_add_func("/plic/source0-and-bad-access",
                    test_source0_and_bad_access);
    g_test_add_func("/plic/reset", test_reset);
    g_test_add_func("/plic/realize-errors", test_realize_errors);
    g_test_add_func("/plic/hart-config-modes", test_hart_config_modes);
    ret = g_test_run();

    qemu_log_close();
    unlink(log_path);
    rmdir(dir);
    g_free(log_path);
    return ret;
}

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
#include "hw-test.h"

#define PLIC_BASE 0xc000000
#define PRIORITY(src) (PLIC_BASE + 4 * (src))
#define PENDING(word) (PLIC_BASE + 0x1000 + 4 * (word))
#define ENABLE(ctx, word) (PLIC_BASE + 0x2000 + 0x80 * (ctx) + 4 * (word))
#define THRESHOLD(ctx) (PLIC_BASE + 0x200000 + 0x1000 * (ctx))
#define CLAIM(ctx) (THRESHOLD(ctx) + 4)

/* Contexts of "MS,MS". */
enum { CTX_M0, CTX_S0, CTX_M1, CTX_S1, NUM_CTX };

/* Output lines: M0, M1, S0, S1 (QEMU's order: all M, then all S). */
static HWTestSink out;
static const int ctx_out[NUM_CTX] = {0, 2, 1, 3};

static DeviceState *plic;

static int ext(int ctx)
{
    return out.level[ctx_out[ctx]];
}

static void source(int src, int level)
{
    qemu_set_irq(qdev_get_gpio_in(plic, src), level);
}

static void plic_begin(void)
{
    hwtest_begin();
    plic = sifive_plic_create(PLIC_BASE, (char *)"MS,MS", 2, 0, 96, 7, 0x0,
                              0x1000, 0x2000, 0x80, 0x200000, 0x1000, 0x600000);
    hwtest_sink_connect(plic, NULL, 4, &out);
    g_free(hwtest_log_take());
}

static void test_priority_regs(void)
{
    plic_begin();
    hwtest_wr32(PRIORITY(5), 3);
    g_assert_cmphex(hwtest_rd32(PRIORITY(5)), ==, 3);
    hwtest_wr32(PRIORITY(95), 7);
    g_assert_cmphex(hwtest_rd32(PRIORITY(95)), ==, 7);
    hwtest_wr32(PRIORITY(5), 0xf); /* WARL: 7 levels, masked */
    g_assert_cmphex(hwtest_rd32(PRIORITY(5)), ==, 7);
    hwtest_wr32(PRIORITY(0), 5); /* source 0: hardwired 0 */
    g_assert_cmphex(hwtest_rd32(PRIORITY(0)), ==, 0);
    hwtest_wr32(THRESHOLD(CTX_S1), 6);
    g_assert_cmphex(hwtest_rd32(THRESHOLD(CTX_S1)), ==, 6);
    g_assert_cmphex(hwtest_rd32(THRESHOLD(CTX_M0)), ==, 0);
    hwtest_wr32(ENABLE(CTX_M1, 2), 0xffffffff); /* sources 64..95 */
    g_assert_cmphex(hwtest_rd32(ENABLE(CTX_M1, 2)), ==, 0xffffffff);
    hwtest_wr32(ENABLE(CTX_M1, 0), 0xffffffff); /* bit 0 is source 0 */
    g_assert_cmphex(hwtest_rd32(ENABLE(CTX_M1, 0)), ==, 0xfffffffe);
    g_assert_cmphex(hwtest_rd32(ENABLE(CTX_M0, 0)), ==, 0);
    hwtest_end();
}

/*
 * A level source: a high line makes the source pending, and it stays
 * pending until claimed even when the line drops first (the UART lowers
 * its line when the guest reads IIR before claiming).
 */
static void test_pending_level(void)
{
    plic_begin();
    source(5, 1);
    source(33, 1);
    g_assert_cmphex(hwtest_rd32(PENDING(0)), ==, 1u << 5);
    g_assert_cmphex(hwtest_rd32(PENDING(1)), ==, 1u << 1);
    source(5, 0);
    g_assert_cmphex(hwtest_rd32(PENDING(0)), ==, 1u << 5);
    hwtest_wr32(ENABLE(CTX_M0, 0), 1u << 5);
    hwtest_wr32(PRIORITY(5), 1);
    g_assert_cmphex(hwtest_rd32(CLAIM(CTX_M0)), ==, 5);
    g_assert_cmphex(hwtest_rd32(PENDING(0)), ==, 0);
    hwtest_wr32(CLAIM(CTX_M0), 5);
    /* The line is low now: no new request after the completion. */
    g_assert_cmphex(hwtest_rd32(PENDING(0)), ==, 0);
    hwtest_wr32(ENABLE(CTX_M0, 0), 0);
    /* Nothing enabled: no output moved. */
    for (int n = 0; n < 4; n++) {
        g_assert_cmpint(out.level[n], ==, 0);
    }
    hwtest_end();
}

/* Delivery needs enable, priority > threshold; claim and complete. */
static void test_threshold_claim_complete(void)
{
    plic_begin();
    source(5, 1);
    g_assert_cmpint(ext(CTX_M0), ==, 0); /* not enabled */
    hwtest_wr32(ENABLE(CTX_M0, 0), 1u << 5);
    g_assert_cmpint(ext(CTX_M0), ==, 0); /* priority 0 */
    hwtest_wr32(PRIORITY(5), 3);
    g_assert_cmpint(ext(CTX_M0), ==, 1);
    g_assert_cmpint(ext(CTX_S0), ==, 0);
    g_assert_cmpint(ext(CTX_M1), ==, 0);
    hwtest_wr32(THRESHOLD(CTX_M0), 3); /* needs > threshold */
    g_assert_cmpint(ext(CTX_M0), ==, 0);
    g_assert_cmphex(hwtest_rd32(CLAIM(CTX_M0)), ==, 0); /* nothing to claim */
    hwtest_wr32(THRESHOLD(CTX_M0), 2);
    g_assert_cmpint(ext(CTX_M0), ==, 1);

    g_assert_cmphex(hwtest_rd32(CLAIM(CTX_M0)), ==, 5);
    g_assert_cmpint(ext(CTX_M0), ==, 0);
    g_assert_cmphex(hwtest_rd32(PENDING(0)), ==, 0);
    g_assert_cmphex(hwtest_rd32(CLAIM(CTX_M0)), ==, 0); /* claimed: not again */
    /* Complete with the line still high: pending and delivered again. */
    hwtest_wr32(CLAIM(CTX_M0), 5);
    g_assert_cmphex(hwtest_rd32(PENDING(0)), ==, 1u << 5);
    g_assert_cmpint(ext(CTX_M0), ==, 1);
    g_assert_cmphex(hwtest_rd32(CLAIM(CTX_M0)), ==, 5);
    /* The device drops its line while in service: stays quiet after. */
    source(5, 0);
    hwtest_wr32(CLAIM(CTX_M0), 5);
    g_assert_cmpint(ext(CTX_M0), ==, 0);
    g_assert_cmphex(hwtest_rd32(PENDING(0)), ==, 0);
    /* A new edge while claimed waits for complete. */
    source(5, 1);
    g_assert_cmpint(ext(CTX_M0), ==, 1);
    g_assert_cmphex(hwtest_rd32(CLAIM(CTX_M0)), ==, 5);
    source(5, 0);
    source(5, 1);
    g_assert_cmpint(ext(CTX_M0), ==, 0);
    hwtest_wr32(CLAIM(CTX_M0), 5);
    g_assert_cmpint(ext(CTX_M0), ==, 1);
    hwtest_end();
}

/* Highest priority first; the lowest ID breaks a tie. */
static void test_priority_order(void)
{
    plic_begin();
    hwtest_wr32(ENABLE(CTX_S1, 0), (1u << 3) | (1u << 5) | (1u << 7));
    hwtest_wr32(ENABLE(CTX_S1, 1), 1u << 8); /* source 40 */
    hwtest_wr32(PRIORITY(3), 5);
    hwtest_wr32(PRIORITY(5), 3);
    hwtest_wr32(PRIORITY(7), 5);
    hwtest_wr32(PRIORITY(40), 6);
    source(7, 1);
    source(5, 1);
    source(3, 1);
    source(40, 1);
    g_assert_cmpint(ext(CTX_S1), ==, 1);
    g_assert_cmphex(hwtest_rd32(CLAIM(CTX_S1)), ==, 40);
    g_assert_cmphex(hwtest_rd32(CLAIM(CTX_S1)), ==, 3);
    g_assert_cmphex(hwtest_rd32(CLAIM(CTX_S1)), ==, 7);
    g_assert_cmpint(ext(CTX_S1), ==, 1);
    g_assert_cmphex(hwtest_rd32(CLAIM(CTX_S1)), ==, 5);
    g_assert_cmpint(ext(CTX_S1), ==, 0);
    g_assert_cmphex(hwtest_rd32(CLAIM(CTX_S1)), ==, 0);
    /* Only S1 was ever raised. */
    g_assert_cmpint(out.level[0] + out.level[1] + out.level[2], ==, 0);
    g_assert_cmpint(out.raised[0] + out.raised[1] + out.raised[2], ==, 0);
    hwtest_end();
}

/* One source enabled in two harts' contexts: the first claim wins. */
static void test_two_harts(void)
{
    g_autofree char *log = NULL;

    plic_begin();
    hwtest_wr32(PRIORITY(10), 1);
    hwtest_wr32(ENABLE(CTX_S0, 0), 1u << 10);
    hwtest_wr32(ENABLE(CTX_S1, 0), 1u << 10);
    hwtest_wr32(ENABLE(CTX_M1, 0), 1u << 11);
    hwtest_wr32(PRIORITY(11), 2);
    source(10, 1);
    g_assert_cmpint(ext(CTX_S0), ==, 1);
    g_assert_cmpint(ext(CTX_S1), ==, 1);
    g_assert_cmpint(ext(CTX_M0), ==, 0);
    g_assert_cmpint(ext(CTX_M1), ==, 0);
    source(11, 1);
    g_assert_cmpint(ext(CTX_M1), ==, 1);
    g_assert_cmpint(ext(CTX_M0), ==, 0);

    g_assert_cmphex(hwtest_rd32(CLAIM(CTX_S1)), ==, 10);
    g_assert_cmpint(ext(CTX_S0), ==, 0);
    g_assert_cmpint(ext(CTX_S1), ==, 0);
    g_assert_cmphex(hwtest_rd32(CLAIM(CTX_S0)), ==, 0);
    g_assert_cmpint(ext(CTX_M1), ==, 1); /* independent */
    /* A context that has not enabled it cannot complete it. */
    hwtest_wr32(CLAIM(CTX_M1), 10);
    g_assert_cmpint(ext(CTX_S0), ==, 0);
    log = hwtest_log_take();
    g_assert_nonnull(strstr(log, "context 2 completes source 10, "
                                 "which it has not enabled"));
    /* Another context that enabled it may (the spec keys on the source). */
    hwtest_wr32(CLAIM(CTX_S0), 10);
    g_assert_cmpint(ext(CTX_S0), ==, 1);
    g_assert_cmpint(ext(CTX_S1), ==, 1);
    g_assert_cmphex(hwtest_rd32(CLAIM(CTX_M1)), ==, 11);
    g_assert_cmpint(ext(CTX_M1), ==, 0);
    hwtest_end();
}

/* Masking: enables and thresholds gate delivery without losing pending. */
static void test_masking(void)
{
    plic_begin();
    hwtest_wr32(PRIORITY(64), 4);
    source(64, 1);
    hwtest_wr32(ENABLE(CTX_M0, 2), 1);
    g_assert_cmpint(ext(CTX_M0), ==, 1);
    hwtest_wr32(ENABLE(CTX_M0, 2), 0);
    g_assert_cmpint(ext(CTX_M0), ==, 0);
    g_assert_cmphex(hwtest_rd32(PENDING(2)), ==, 1);
    hwtest_wr32(THRESHOLD(CTX_M0), 7);
    hwtest_wr32(ENABLE(CTX_M0, 2), 1);
    g_assert_cmpint(ext(CTX_M0), ==, 0);
    hwtest_wr32(THRESHOLD(CTX_M0), 0);
    g_assert_cmpint(ext(CTX_M0), ==, 1);
    hwtest_wr32(PRIORITY(64), 0); /* priority 0: never */
    g_assert_cmpint(ext(CTX_M0), ==, 0);
    g_assert_cmphex(hwtest_rd32(CLAIM(CTX_M0)), ==, 0);
    hwtest_end();
}

static void test_source0_and_bad_access(void)
{
    g_autofree char *log = NULL;
    uint64_t v;

    plic_begin();
    source(0, 1);
    g_assert_cmphex(hwtest_rd32(PENDING(0)), ==, 0);
    hwtest_wr32(ENABLE(CTX_M0, 0), 1);
    g_assert_cmphex(hwtest_rd32(ENABLE(CTX_M0, 0)), ==, 0);
    hwtest_wr32(CLAIM(CTX_M0), 0);
    hwtest_wr32(CLAIM(CTX_M0), 96);
    g_assert_cmphex(hwtest_rd32(PRIORITY(96)), ==, 0); /* past the sources */
    hwtest_wr32(PRIORITY(96), 1);
    g_assert_cmphex(hwtest_rd32(ENABLE(CTX_M0, 3)), ==, 0); /* past the words */
    hwtest_wr32(PENDING(0), 0xffffffff);
    g_assert_cmphex(hwtest_rd32(PENDING(0)), ==, 0);
    g_assert_cmphex(hwtest_rd32(THRESHOLD(NUM_CTX)), ==,
                    0); /* no such context */
    g_assert_cmphex(hwtest_rd32(THRESHOLD(CTX_M0) + 8), ==, 0);
    hwtest_wr32(ENABLE(CTX_M0, 0), 0xfffffffe);
    hwtest_wr32(PRIORITY(0x7f0), 0);
    log = hwtest_log_take();
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
    g_assert_cmpint(hwtest_read(PRIORITY(1), 2, &v), !=, MEMTX_OK);
    g_assert_cmpint(hwtest_write(ENABLE(CTX_M0, 0), ~0ULL, 8), !=, MEMTX_OK);
    g_assert_cmpint(out.raised[0], ==, 0);
    hwtest_end();
}

static void test_reset(void)
{
    plic_begin();
    hwtest_wr32(PRIORITY(9), 2);
    hwtest_wr32(ENABLE(CTX_S0, 0), 1u << 9);
    hwtest_wr32(THRESHOLD(CTX_S0), 1);
    source(9, 1);
    source(4, 1);
    g_assert_cmpint(ext(CTX_S0), ==, 1);
    g_assert_cmphex(hwtest_rd32(CLAIM(CTX_S0)), ==, 9);
    device_cold_reset(plic);
    g_assert_cmpint(ext(CTX_S0), ==, 0);
    g_assert_cmphex(hwtest_rd32(PRIORITY(9)), ==, 0);
    g_assert_cmphex(hwtest_rd32(ENABLE(CTX_S0, 0)), ==, 0);
    g_assert_cmphex(hwtest_rd32(THRESHOLD(CTX_S0)), ==, 0);
    /* Lines still high are pending; the claim was forgotten. */
    g_assert_cmphex(hwtest_rd32(PENDING(0)), ==, (1u << 9) | (1u << 4));
    hwtest_wr32(PRIORITY(9), 1);
    hwtest_wr32(ENABLE(CTX_S0, 0), 1u << 9);
    g_assert_cmphex(hwtest_rd32(CLAIM(CTX_S0)), ==, 9);
    hwtest_end();
}

static void expect_error(const char *hart_config, const char *prop,
                         uint32_t value, const char *msg)
{
    DeviceState *dev = qdev_new(TYPE_SIFIVE_PLIC);

    if (hart_config) {
        qdev_prop_set_string(dev, "hart-config", hart_config);
    }
    qdev_prop_set_uint32(dev, "num-sources", 96);
    if (prop) {
        qdev_prop_set_uint32(dev, prop, value);
    }
    hwtest_realize_error(dev, msg);
}

static void test_realize_errors(void)
{
    hwtest_begin();
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
    hwtest_end();
}

/* The U and H modes of hart-config make contexts that drive nothing. */
static void test_hart_config_modes(void)
{
    SiFivePLICState *s;

    hwtest_begin();
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
    hwtest_end();
}

int main(int argc, char **argv)
{
    hwtest_init(&argc, &argv, "test-plic");
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
    return hwtest_run();
}

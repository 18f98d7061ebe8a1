/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-htif: the HTIF over RAM at 0x80000000 with tohost / fromhost where
 * an ELF would put them, a ringbuf chardev as its console: exit codes
 * (64-bit and as 32-bit halves), putchar, riscv-pk's SYS_write, getchar,
 * RAM beside the words left alone, bad commands, realize errors, reset.
 */
#include "qomu/osdep.h"
#include "qapi/error.h"
#include "qomu/log.h"
#include "qomu/module.h"
#include "chardev/char.h"
#include "hw/char/riscv_htif.h"
#include "hw/qdev-properties.h"
#include "hw/qdev-properties-system.h"
#include "exec/address-spaces.h"
#include "hw-test.h"
#include "system/main-loop.h"
#include "system/runstate.h"

#define RAM_BASE 0x80000000
#define RAM_SIZE 0x10000
#define TOHOST (RAM_BASE + 0x1000)
#define FROMHOST (RAM_BASE + 0x1040)
#define CMD(dev, cmd, payload)                                                 \
    (((uint64_t)(dev) << 56) | ((uint64_t)(cmd) << 48) | (payload))

static Chardev *chr;
static DeviceState *htif;

/* What the guest printed so far. */
static char *output(void)
{
    uint8_t buf[256];
    size_t n = qemu_chr_ringbuf_read(chr, buf, sizeof(buf));

    return g_strndup((const char *)buf, n);
}

static DeviceState *new_htif(uint64_t tohost, uint64_t fromhost)
{
    DeviceState *dev = qdev_new(TYPE_RISCV_HTIF);

    qdev_prop_set_uint64(dev, "tohost", tohost);
    qdev_prop_set_uint64(dev, "fromhost", fromhost);
    return dev;
}

static void begin(void)
{
    hwtest_begin();
    hwtest_add_ram(RAM_BASE, RAM_SIZE);
    chr = qemu_chr_new_from_opts("ringbuf,id=htifcon,size=4096", &error_abort);
    htif = new_htif(TOHOST, FROMHOST);
    qdev_prop_set_chr(htif, "chardev", chr);
    sysbus_realize_and_unref(SYS_BUS_DEVICE(htif), &error_abort);
    riscv_htif_map(RISCV_HTIF(htif), get_system_memory());
    g_free(hwtest_log_take());
}

static void expect_exit(ShutdownCause cause, int status)
{
    int got = -1;

    g_assert_cmpint(qemu_shutdown_requested_get(), ==, cause);
    g_assert_true(main_loop_should_exit(&got));
    g_assert_cmpint(got, ==, status);
}

static void test_exit_pass(void)
{
    begin();
    g_assert_cmpint(qemu_shutdown_requested_get(), ==, SHUTDOWN_CAUSE_NONE);
    hwtest_wr64(TOHOST, 1);
    g_assert_cmphex(hwtest_rd64(TOHOST), ==, 0);
    expect_exit(SHUTDOWN_CAUSE_GUEST_SHUTDOWN, 0);
    hwtest_end();
}

static void test_exit_fail(void)
{
    begin();
    hwtest_wr64(TOHOST, (21 << 1) | 1);
    expect_exit(SHUTDOWN_CAUSE_GUEST_PANIC, 21);
    hwtest_end();
}

/* RV32 stores the low half, then the high half, which hands it over. */
static void test_exit_halves(void)
{
    begin();
    hwtest_wr32(TOHOST, (5 << 1) | 1);
    g_assert_cmpint(qemu_shutdown_requested_get(), ==, SHUTDOWN_CAUSE_NONE);
    g_assert_cmphex(hwtest_rd64(TOHOST), ==, 11);
    hwtest_wr32(TOHOST + 4, 0);
    expect_exit(SHUTDOWN_CAUSE_GUEST_PANIC, 5);
    hwtest_end();
}

static void test_putchar(void)
{
    g_autofree char *out = NULL;

    begin();
    hwtest_wr64(TOHOST, CMD(1, 1, 'h'));
    g_assert_cmphex(hwtest_rd64(TOHOST), ==, 0);
    g_assert_cmphex(hwtest_rd64(FROMHOST), ==, CMD(1, 1, 0x100 | 'h'));
    hwtest_wr64(FROMHOST, 0); /* the guest acknowledges */
    g_assert_cmphex(hwtest_rd64(FROMHOST), ==, 0);
    hwtest_wr64(TOHOST, CMD(1, 1, 'i'));
    out = output();
    g_assert_cmpstr(out, ==, "hi");
    g_assert_cmpint(qemu_shutdown_requested_get(), ==, SHUTDOWN_CAUSE_NONE);
    hwtest_end();
}

/* riscv-pk's magic_mem: SYS_write(1, buf, len) and an unsupported call. */
static void test_syscall_write(void)
{
    static const char msg[] = "hello, htif\n";
    hwaddr magic = RAM_BASE + 0x3000, buf = RAM_BASE + 0x2000;
    g_autofree char *out = NULL;
    g_autofree char *log = NULL;

    begin();
    qemu_set_log(LOG_GUEST_ERROR | LOG_UNIMP);
    address_space_write(&address_space_memory, buf, MEMTXATTRS_UNSPECIFIED, msg,
                        strlen(msg));
    hwtest_wr64(magic, 64);
    hwtest_wr64(magic + 8, 1);
    hwtest_wr64(magic + 16, buf);
    hwtest_wr64(magic + 24, strlen(msg));
    hwtest_wr64(TOHOST, magic);
    out = output();
    g_assert_cmpstr(out, ==, msg);
    g_assert_cmpuint(hwtest_rd64(magic), ==, strlen(msg));
    g_assert_cmphex(hwtest_rd64(FROMHOST), ==, 1);
    g_assert_cmphex(hwtest_rd64(TOHOST), ==, 0);

    hwtest_wr64(FROMHOST, 0);
    hwtest_wr64(magic, 93); /* SYS_exit: not proxied */
    hwtest_wr64(TOHOST, magic);
    g_assert_cmpint((int64_t)hwtest_rd64(magic), ==, -38);
    g_assert_cmphex(hwtest_rd64(FROMHOST), ==, 1);
    log = hwtest_log_take();
    g_assert_nonnull(strstr(log, "htif: proxied syscall 93 not supported"));
    qemu_set_log(LOG_GUEST_ERROR);
    hwtest_end();
}

/* Input waits in the backend until the guest asks for a byte. */
static void test_getchar(void)
{
    begin();
    g_assert_cmpint(qemu_chr_be_can_write(chr), ==, 0);
    hwtest_wr64(TOHOST, CMD(1, 0, 0));
    g_assert_cmphex(hwtest_rd64(TOHOST), ==, 0);
    g_assert_cmphex(hwtest_rd64(FROMHOST), ==, 0);
    g_assert_cmpint(qemu_chr_be_can_write(chr), ==, 1);
    qemu_chr_be_write(chr, (const uint8_t *)"x", 1);
    g_assert_cmphex(hwtest_rd64(FROMHOST), ==, CMD(1, 0, 0x100 | 'x'));
    g_assert_cmpint(qemu_chr_be_can_write(chr), ==, 0);
    hwtest_end();
}

/* Only the two words are the device's; the rest of the page is RAM. */
static void test_ram_beside(void)
{
    begin();
    hwtest_wr64(TOHOST - 8, 0x1111111111111111ULL);
    hwtest_wr64(TOHOST + 8, 0x2222222222222222ULL);
    hwtest_wr64(FROMHOST - 8, 0x3333333333333333ULL);
    hwtest_wr64(FROMHOST + 8, 0x4444444444444444ULL);
    g_assert_cmphex(hwtest_rd64(TOHOST - 8), ==, 0x1111111111111111ULL);
    g_assert_cmphex(hwtest_rd64(TOHOST + 8), ==, 0x2222222222222222ULL);
    g_assert_cmphex(hwtest_rd64(FROMHOST - 8), ==, 0x3333333333333333ULL);
    g_assert_cmphex(hwtest_rd64(FROMHOST + 8), ==, 0x4444444444444444ULL);
    g_assert_cmpint(qemu_shutdown_requested_get(), ==, SHUTDOWN_CAUSE_NONE);
    hwtest_end();
}

static void test_bad_command(void)
{
    g_autofree char *log = NULL;

    begin();
    hwtest_wr64(TOHOST, CMD(7, 3, 1));
    g_assert_cmphex(hwtest_rd64(TOHOST), ==, 0);
    g_assert_cmphex(hwtest_rd64(FROMHOST), ==, 0);
    g_assert_cmpint(qemu_shutdown_requested_get(), ==, SHUTDOWN_CAUSE_NONE);
    hwtest_wr64(TOHOST,
                RAM_BASE + RAM_SIZE + 0x1000); /* syscall block: nothing */
    log = hwtest_log_take();
    g_assert_nonnull(strstr(log, "htif: unknown device 7 command 3 "
                                 "(tohost 0x0703000000000001)\n"));
    g_assert_nonnull(strstr(log, "htif: syscall block at 0x80011000 is not "
                                 "memory\n"));
    g_assert_cmpint(hwtest_write(TOHOST, 1, 1), !=, MEMTX_OK);
    g_assert_cmpint(qemu_shutdown_requested_get(), ==, SHUTDOWN_CAUSE_NONE);
    hwtest_end();
}

static void test_reset(void)
{
    begin();
    hwtest_wr64(TOHOST, CMD(1, 1, 'a'));
    hwtest_wr64(TOHOST, CMD(1, 0, 0));
    g_assert_cmphex(hwtest_rd64(FROMHOST), !=, 0);
    device_cold_reset(htif);
    g_assert_cmphex(hwtest_rd64(FROMHOST), ==, 0);
    g_assert_cmpint(qemu_chr_be_can_write(chr), ==, 0); /* request gone */
    hwtest_end();
}

static void expect_error(uint64_t tohost, uint64_t fromhost, const char *msg)
{
    hwtest_realize_error(new_htif(tohost, fromhost), msg);
}

static void test_realize_errors(void)
{
    hwtest_begin();
    expect_error(0, 0, "property 'tohost' is 0x0, expected a non-zero");
    expect_error(TOHOST + 4, 0, "property 'tohost' is 0x80001004");
    expect_error(TOHOST, FROMHOST + 1, "property 'fromhost' is 0x80001041");
    expect_error(TOHOST, TOHOST, "'tohost' and 'fromhost' are both");
    hwtest_end();
}

/* Without fromhost and without a chardev: exit still works. */
static void test_minimal(void)
{
    hwtest_begin();
    htif = new_htif(TOHOST, 0);
    sysbus_realize_and_unref(SYS_BUS_DEVICE(htif), &error_abort);
    riscv_htif_map(RISCV_HTIF(htif), get_system_memory());
    hwtest_wr64(TOHOST, CMD(1, 1, 'z')); /* dropped */
    hwtest_wr64(TOHOST, 1);
    expect_exit(SHUTDOWN_CAUSE_GUEST_SHUTDOWN, 0);
    hwtest_end();
}

int main(int argc, char **argv)
{
    hwtest_init(&argc, &argv, "test-htif");
    qemu_init_main_loop(&error_abort);
    /* The /chardevs container outlives its chardevs: make it up front. */
    qemu_chr_new_from_opts("null,id=warmup", &error_abort);
    chardev_cleanup_all();

    g_test_add_func("/htif/exit/pass", test_exit_pass);
    g_test_add_func("/htif/exit/fail-code", test_exit_fail);
    g_test_add_func("/htif/exit/halves", test_exit_halves);
    g_test_add_func("/htif/console/putchar", test_putchar);
    g_test_add_func("/htif/console/syscall-write", test_syscall_write);
    g_test_add_func("/htif/console/getchar", test_getchar);
    g_test_add_func("/htif/ram-beside", test_ram_beside);
    g_test_add_func("/htif/bad-command", test_bad_command);
    g_test_add_func("/htif/reset", test_reset);
    g_test_add_func("/htif/realize-errors", test_realize_errors);
    g_test_add_func("/htif/minimal", test_minimal);
    return hwtest_run();
}

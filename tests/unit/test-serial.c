/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-serial: the ns16550a driven through system memory at 0x10000000,
 * with a ringbuf chardev as its backend and a sink on its IRQ line:
 * registers, FIFOs, each interrupt cause, loopback, input backpressure.
 */
#include "qomu/osdep.h"
#include "qapi/error.h"
#include "qomu/module.h"
#include "qom/object.h"
#include "chardev/char.h"
#include "exec/address-spaces.h"
#include "hw-test.h"
#include "hw/char/serial.h"
#include "hw/irq.h"
#include "hw/resettable.h"
#include "qomu/timer.h"
#include "system/main-loop.h"
#include "system/runstate.h"

#define BASE 0x10000000

enum {
    RBR = 0,
    THR = 0,
    DLL = 0,
    IER = 1,
    DLM = 1,
    IIR = 2,
    FCR = 2,
    LCR = 3,
    MCR = 4,
    LSR = 5,
    MSR = 6,
    SCR = 7,
};

static HWTestSink irq;
static Chardev *chr;
static SerialMM *uart;

static uint8_t rd(unsigned reg)
{
    return hwtest_rd8(BASE + reg);
}

static void wr(unsigned reg, uint8_t v)
{
    hwtest_wr8(BASE + reg, v);
}

/* What the guest sent, as a string. */
static char *output(void)
{
    uint8_t buf[256];
    size_t n = qemu_chr_ringbuf_read(chr, buf, sizeof(buf));

    return g_strndup((const char *)buf, n);
}

/* The backend sends @s, at most what the UART says it can take. */
static size_t input(const char *s)
{
    int room = qemu_chr_be_can_write(chr);
    size_t n = MIN((size_t)room, strlen(s));

    qemu_chr_be_write(chr, (const uint8_t *)s, n);
    return n;
}

static void begin(void)
{
    qemu_irq line;

    hwtest_begin();
    chr = qemu_chr_new_from_opts("ringbuf,id=u0,size=4096", &error_abort);
    line = hwtest_sink_irq(&irq, 0);
    uart = serial_mm_create(object_get_root(), "uart0", get_system_memory(),
                            BASE, 0, line, 115200, chr, &error_abort);
    qemu_free_irq(line);
    irq.level[0] = 0;
    resettable_reset_tree(OBJECT(uart), RESET_TYPE_COLD);
    irq.raised[0] = 0;
}

static void test_reset_values(void)
{
    begin();
    g_assert_cmphex(rd(IER), ==, 0x00);
    g_assert_cmphex(rd(IIR), ==, 0x01);
    g_assert_cmphex(rd(LCR), ==, 0x00);
    g_assert_cmphex(rd(MCR), ==, 0x08);
    g_assert_cmphex(rd(LSR), ==, 0x60);
    g_assert_cmphex(rd(MSR), ==, 0xb0);
    g_assert_cmphex(rd(SCR), ==, 0x00);
    g_assert_cmpint(irq.level[0], ==, 0);
    /* The composition: the core is child "serial" of the wrapper. */
    g_assert_true(object_resolve_path("/uart0/serial", NULL) ==
                  OBJECT(&uart->serial));
    hwtest_end();
}

static void test_registers(void)
{
    begin();
    wr(SCR, 0x5a);
    g_assert_cmphex(rd(SCR), ==, 0x5a);

    /* DLAB exposes the divisor latch at 0 and 1. */
    wr(IER, 0x05);
    wr(LCR, 0x83);
    wr(DLL, 0x01);
    wr(DLM, 0x02);
    g_assert_cmphex(rd(DLL), ==, 0x01);
    g_assert_cmphex(rd(DLM), ==, 0x02);
    g_assert_cmphex(uart->serial.divider, ==, 0x0201);
    wr(LCR, 0x03);
    g_assert_cmphex(rd(LCR), ==, 0x03);
    g_assert_cmphex(rd(IER), ==, 0x05);
    /* 8N1 at 115200 / 0x201 baud: ten bits a character. */
    g_assert_cmpint(uart->serial.char_transmit_time, ==,
                    (1000000000LL / (115200 / 0x201)) * 10);

    /* IER keeps its four bits; MCR its five. */
    wr(IER, 0xff);
    g_assert_cmphex(rd(IER), ==, 0x0f);
    wr(IER, 0);
    wr(MCR, 0xff);
    g_assert_cmphex(rd(MCR), ==, 0x1f);
    wr(MCR, 0x08);

    /* FCR: the FIFOs on show in IIR's top bits; off again clears them. */
    wr(FCR, 0x01);
    g_assert_cmphex(rd(IIR), ==, 0xc1);
    wr(FCR, 0x00);
    g_assert_cmphex(rd(IIR), ==, 0x01);

    /* LSR and MSR are read-only. */
    wr(LSR, 0x00);
    g_assert_cmphex(rd(LSR), ==, 0x60);
    hwtest_end();
}

static void test_transmit(void)
{
    g_autofree char *out = NULL;
    g_autofree char *out2 = NULL;

    begin();
    for (const char *p = "hello"; *p; p++) {
        wr(THR, *p);
        g_assert_cmphex(rd(LSR) & 0x60, ==, 0x60);
    }
    out = output();
    g_assert_cmpstr(out, ==, "hello");

    wr(FCR, 0x07);
    for (const char *p = "fifo"; *p; p++) {
        wr(THR, *p);
    }
    out2 = output();
    g_assert_cmpstr(out2, ==, "fifo");
    g_assert_cmphex(rd(LSR) & 0x60, ==, 0x60);
    hwtest_end();
}

/* A 4-byte access reaches one register, as QEMU's serial-mm. */
static void test_access_widths(void)
{
    begin();
    wr(MCR, 0x03);
    g_assert_cmphex(hwtest_rd32(BASE + MCR), ==, 0x03);
    hwtest_end();
}

static void test_irq_thre(void)
{
    begin();
    wr(IER, 0x02);
    g_assert_cmpint(irq.level[0], ==, 1);
    g_assert_cmphex(rd(IIR), ==, 0x02);
    /* Reading IIR with THRI the cause acknowledges it. */
    g_assert_cmpint(irq.level[0], ==, 0);
    g_assert_cmphex(rd(IIR), ==, 0x01);
    /* Toggling IER.THRI with THR empty raises it again. */
    wr(IER, 0x00);
    wr(IER, 0x02);
    g_assert_cmpint(irq.level[0], ==, 1);
    rd(IIR);
    g_assert_cmpint(irq.level[0], ==, 0);
    /* Sending a byte empties THR again: a new THRE interrupt. */
    wr(THR, 'x');
    g_assert_cmpint(irq.level[0], ==, 1);
    g_assert_cmphex(rd(IIR), ==, 0x02);
    wr(IER, 0x00);
    g_assert_cmpint(irq.level[0], ==, 0);
    g_free(output());
    hwtest_end();
}

static void test_irq_rda_trigger(void)
{
    begin();
    wr(FCR, 0x41); /* FIFO on, trigger level 4 */
    wr(IER, 0x01);
    g_assert_cmpint(input("abc"), ==, 3);
    g_assert_cmphex(rd(LSR) & 0x01, ==, 0x01);
    g_assert_cmpint(irq.level[0], ==, 0);
    g_assert_cmpint(input("d"), ==, 1);
    g_assert_cmpint(irq.level[0], ==, 1);
    g_assert_cmphex(rd(IIR), ==, 0xc4);
    g_assert_cmphex(rd(RBR), ==, 'a');
    /* Below the trigger level again: only the timeout would tell. */
    g_assert_cmpint(irq.level[0], ==, 0);
    g_assert_cmphex(rd(RBR), ==, 'b');
    g_assert_cmphex(rd(RBR), ==, 'c');
    g_assert_cmphex(rd(RBR), ==, 'd');
    g_assert_cmphex(rd(LSR) & 0x01, ==, 0x00);

    /* Without FIFOs one byte raises RDA. */
    wr(FCR, 0x00);
    g_assert_cmpint(input("z"), ==, 1);
    g_assert_cmpint(irq.level[0], ==, 1);
    g_assert_cmphex(rd(IIR), ==, 0x04);
    g_assert_cmphex(rd(RBR), ==, 'z');
    g_assert_cmpint(irq.level[0], ==, 0);
    hwtest_end();
}

static void test_irq_timeout(void)
{
    int64_t now;
    int64_t t;

    begin();
    now = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    wr(FCR, 0x81); /* trigger level 8 */
    wr(IER, 0x01);
    g_assert_cmpint(input("12"), ==, 2);
    t = uart->serial.char_transmit_time;
    g_assert_cmpint(t, >, 0);
    qemu_clock_advance_virtual_time(now + 3 * t);
    qemu_clock_run_timers(QEMU_CLOCK_VIRTUAL);
    g_assert_cmpint(irq.level[0], ==, 0);
    qemu_clock_advance_virtual_time(now + 5 * t);
    qemu_clock_run_timers(QEMU_CLOCK_VIRTUAL);
    g_assert_cmpint(irq.level[0], ==, 1);
    g_assert_cmphex(rd(IIR), ==, 0xcc);
    g_assert_cmphex(rd(RBR), ==, '1');
    g_assert_cmpint(irq.level[0], ==, 0);
    g_assert_cmphex(rd(RBR), ==, '2');
    g_assert_cmphex(rd(IIR), ==, 0xc1);
    hwtest_end();
}

static void test_irq_line_status(void)
{
    begin();
    wr(IER, 0x04);
    /* Without FIFOs a second byte before RBR is read overruns. */
    qemu_chr_be_write(chr, (const uint8_t *)"p", 1);
    g_assert_cmpint(irq.level[0], ==, 0);
    qemu_chr_be_write(chr, (const uint8_t *)"q", 1);
    g_assert_cmpint(irq.level[0], ==, 1);
    g_assert_cmphex(rd(IIR), ==, 0x06);
    g_assert_cmphex(rd(LSR), ==, 0x63);
    /* Reading LSR clears OE. */
    g_assert_cmpint(irq.level[0], ==, 0);
    g_assert_cmphex(rd(LSR), ==, 0x61);
    g_assert_cmphex(rd(RBR), ==, 'q');

    /* A break: BI with a NUL character. */
    qemu_chr_be_event(chr, CHR_EVENT_BREAK);
    g_assert_cmpint(irq.level[0], ==, 1);
    g_assert_cmphex(rd(LSR), ==, 0x71);
    g_assert_cmpint(irq.level[0], ==, 0);
    g_assert_cmphex(rd(RBR), ==, 0);
    hwtest_end();
}

static void test_irq_modem_status(void)
{
    begin();
    wr(IER, 0x08);
    g_assert_cmpint(irq.level[0], ==, 0);
    /* Loopback with DTR and RTS: DSR and CTS stay, DCD drops (OUT2 on). */
    wr(MCR, 0x10 | 0x08 | 0x03);
    g_assert_cmpint(irq.level[0], ==, 0);
    g_assert_cmphex(rd(MSR), ==, 0xb0);
    /* RTS off: CTS drops, DCTS set. */
    wr(MCR, 0x10 | 0x08 | 0x01);
    g_assert_cmpint(irq.level[0], ==, 1);
    g_assert_cmphex(rd(IIR), ==, 0x00);
    g_assert_cmphex(rd(MSR), ==, 0xa1);
    g_assert_cmpint(irq.level[0], ==, 0);
    /* RI on and off: TERI on the trailing edge only. */
    wr(MCR, 0x10 | 0x08 | 0x04 | 0x01);
    g_assert_cmpint(irq.level[0], ==, 0);
    g_assert_cmphex(rd(MSR), ==, 0xe0);
    wr(MCR, 0x10 | 0x08 | 0x01);
    g_assert_cmpint(irq.level[0], ==, 1);
    g_assert_cmphex(rd(MSR), ==, 0xa4);
    g_assert_cmpint(irq.level[0], ==, 0);
    hwtest_end();
}

/* Priorities: line status over data over THRE. */
static void test_irq_priority(void)
{
    begin();
    wr(IER, 0x07);
    g_assert_cmphex(rd(IIR), ==, 0x02);
    wr(IER, 0x00);
    wr(IER, 0x07);
    qemu_chr_be_write(chr, (const uint8_t *)"a", 1);
    g_assert_cmphex(rd(IIR), ==, 0x04);
    qemu_chr_be_write(chr, (const uint8_t *)"b", 1);
    g_assert_cmphex(rd(IIR), ==, 0x06);
    rd(LSR);
    g_assert_cmphex(rd(IIR), ==, 0x04);
    rd(RBR);
    g_assert_cmphex(rd(IIR), ==, 0x02);
    rd(IIR);
    g_assert_cmpint(irq.level[0], ==, 0);
    hwtest_end();
}

static void test_loopback(void)
{
    g_autofree char *out = NULL;

    begin();
    wr(FCR, 0x01);
    wr(MCR, 0x10);
    wr(THR, 'L');
    wr(THR, 'B');
    out = output();
    g_assert_cmpstr(out, ==, "");
    g_assert_cmphex(rd(LSR) & 0x01, ==, 0x01);
    g_assert_cmphex(rd(RBR), ==, 'L');
    g_assert_cmphex(rd(RBR), ==, 'B');
    /* The backend's input waits while the loop is closed. */
    g_assert_cmpint(qemu_chr_be_can_write(chr), ==, 0);
    wr(MCR, 0x00);
    g_assert_cmpint(qemu_chr_be_can_write(chr), >, 0);
    hwtest_end();
}

/*
 * Backpressure: a backend that sends whenever the UART has room delivers
 * 200 bytes to a slow guest in order, with no overrun.
 */
static void test_backpressure(void)
{
    GString *text = g_string_new(NULL);
    GString *got = g_string_new(NULL);
    size_t sent = 0;

    begin();
    for (int i = 0; i < 200; i++) {
        g_string_append_c(text, 'A' + i % 26);
    }
    wr(FCR, 0xc7); /* FIFOs on, trigger level 14 */
    while (got->len < text->len) {
        sent += input(text->str + sent);
        /* The FIFO is never over-filled. */
        g_assert_cmpuint(uart->serial.recv_fifo.num, <=, UART_FIFO_LENGTH);
        if (uart->serial.recv_fifo.num == UART_FIFO_LENGTH) {
            g_assert_cmpint(qemu_chr_be_can_write(chr), ==, 0);
        }
        /* The guest drains only three bytes a round. */
        for (int i = 0; i < 3 && (rd(LSR) & 0x01); i++) {
            g_string_append_c(got, rd(RBR));
        }
        g_assert_cmphex(uart->serial.lsr & 0x02, ==, 0);
    }
    g_assert_cmpstr(got->str, ==, text->str);
    g_string_free(text, TRUE);
    g_string_free(got, TRUE);
    hwtest_end();
}

/* A system reset brings the power-on values back. */
static void test_reset(void)
{
    begin();
    wr(FCR, 0x01);
    wr(LCR, 0x1b);
    wr(IER, 0x02);
    wr(SCR, 0x99);
    g_assert_cmpint(irq.level[0], ==, 1);
    input("x");
    resettable_reset_tree(object_get_root(), RESET_TYPE_COLD);
    g_assert_cmpint(irq.level[0], ==, 0);
    g_assert_cmphex(rd(IIR), ==, 0x01);
    g_assert_cmphex(rd(LCR), ==, 0x00);
    g_assert_cmphex(rd(LSR), ==, 0x60);
    g_assert_cmphex(rd(SCR), ==, 0x00);
    hwtest_end();
}

int main(int argc, char **argv)
{
    int ret;

    hwtest_init(&argc, &argv, "test-serial");
    qemu_init_main_loop(&error_abort);
    /* The /chardevs container outlives its chardevs: make it up front. */
    qemu_chr_new_from_opts("null,id=warmup", &error_abort);
    chardev_cleanup_all();
    g_test_add_func("/serial/reset-values", test_reset_values);
    g_test_add_func("/serial/registers", test_registers);
    g_test_add_func("/serial/transmit", test_transmit);
    g_test_add_func("/serial/access-widths", test_access_widths);
    g_test_add_func("/serial/irq/thre", test_irq_thre);
    g_test_add_func("/serial/irq/rda-trigger", test_irq_rda_trigger);
    g_test_add_func("/serial/irq/timeout", test_irq_timeout);
    g_test_add_func("/serial/irq/line-status", test_irq_line_status);
    g_test_add_func("/serial/irq/modem-status", test_irq_modem_status);
    g_test_add_func("/serial/irq/priority", test_irq_priority);
    g_test_add_func("/serial/loopback", test_loopback);
    g_test_add_func("/serial/backpressure", test_backpressure);
    g_test_add_func("/serial/reset", test_reset);
    ret = hwtest_run();
    runstate_cleanup();
    qemu_main_loop_cleanup();
    return ret;
}

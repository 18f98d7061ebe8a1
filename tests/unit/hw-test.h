/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * hw-test: the harness shared by the device unit tests (test-aclint,
 * test-plic, test-pci, ...).  A test drives its device from the outside:
 * registers through address_space_memory, time through the deterministic
 * virtual clock, interrupt outputs into sinks of the test, guest errors
 * read back from a log file.  Every test case runs between hwtest_begin()
 * and hwtest_end(), which checks that the case left no object behind.
 *
 * Usage:
 *     int main(int argc, char **argv)
 *     {
 *         hwtest_init(&argc, &argv, "test-foo");
 *         g_test_add_func("/foo/regs", test_regs);
 *         return hwtest_run();
 *     }
 */
#ifndef TESTS_UNIT_HW_TEST_H
#define TESTS_UNIT_HW_TEST_H

#include "exec/memory.h"
#include "hw/qdev-core.h"
#include "hw/irq.h"

/**
 * hwtest_init: start a device test program: g_test_init(), the QOM types,
 * and guest-error logging (LOG_GUEST_ERROR) into a file in a fresh
 * temporary directory, read back with hwtest_log_take().
 * @argc: main()'s argument count, as for g_test_init()
 * @argv: main()'s arguments, as for g_test_init()
 * @name: the program's name, for the temporary directory
 */
void hwtest_init(int *argc, char ***argv, const char *name);

/**
 * hwtest_run: run the registered test cases, then close and remove the log
 * file and its directory.
 *
 * Returns: g_test_run()'s result, for main() to return.
 */
int hwtest_run(void);

/**
 * hwtest_begin: start a test case: note the number of live objects, make
 * system memory, put the virtual clock in deterministic mode (shift 0, at
 * 0 ns) and drop what the log holds so far.
 */
void hwtest_begin(void);

/**
 * hwtest_end: end a test case: tear down every device and chardev, remove
 * the RAM of hwtest_add_ram(), destroy system memory, reset the run state
 * and the virtual clock, then assert that exactly the objects live at
 * hwtest_begin() are left.
 */
void hwtest_end(void);

/**
 * hwtest_add_ram: map RAM into system memory until hwtest_end().
 * @base: guest physical address
 * @size: size in bytes
 *
 * Returns: the region (owned by the harness).
 */
MemoryRegion *hwtest_add_ram(hwaddr base, uint64_t size);

/**
 * hwtest_log_take: what the guest-error log got since the last call (or
 * since hwtest_begin()).
 *
 * Returns: the new text, to g_free().
 */
char *hwtest_log_take(void);

/**
 * hwtest_read: little-endian read of @size bytes from address_space_memory.
 * @addr: guest physical address
 * @size: 1, 2, 4 or 8
 * @val: where the value goes (zero-extended)
 *
 * Returns: the transaction's result (not asserted).
 */
MemTxResult hwtest_read(hwaddr addr, unsigned size, uint64_t *val);

/**
 * hwtest_write: little-endian write of @size bytes to address_space_memory.
 * @addr: guest physical address
 * @val: the value (its low @size bytes are written)
 * @size: 1, 2, 4 or 8
 *
 * Returns: the transaction's result (not asserted).
 */
MemTxResult hwtest_write(hwaddr addr, uint64_t val, unsigned size);

/**
 * hwtest_rd8: read a byte at @addr, asserting MEMTX_OK.
 * @addr: guest physical address
 *
 * Returns: the byte.  hwtest_rd16(), hwtest_rd32() and hwtest_rd64() do
 * the same for 2, 4 and 8 bytes (little-endian).
 */
uint8_t hwtest_rd8(hwaddr addr);
uint16_t hwtest_rd16(hwaddr addr);
uint32_t hwtest_rd32(hwaddr addr);
uint64_t hwtest_rd64(hwaddr addr);

/**
 * hwtest_wr8: write the byte @val at @addr, asserting MEMTX_OK.
 * @addr: guest physical address
 * @val: the value
 *
 * hwtest_wr16(), hwtest_wr32() and hwtest_wr64() do the same for 2, 4 and
 * 8 bytes (little-endian).
 */
void hwtest_wr8(hwaddr addr, uint8_t val);
void hwtest_wr16(hwaddr addr, uint16_t val);
void hwtest_wr32(hwaddr addr, uint32_t val);
void hwtest_wr64(hwaddr addr, uint64_t val);

/**
 * hwtest_clock_to: move virtual time to @ns (absolute), running the timers
 * that fall due, and assert that it got there.
 * @ns: the new virtual time
 */
void hwtest_clock_to(int64_t ns);

/**
 * hwtest_clock_step: move virtual time forward by @ns, as hwtest_clock_to().
 * @ns: how far
 */
void hwtest_clock_step(int64_t ns);

/**
 * hwtest_realize_error: realize the sysbus device @dev, which must fail
 * with an error whose message contains @msg.
 * @dev: the device, new (its reference is consumed)
 * @msg: the expected part of the message
 */
void hwtest_realize_error(DeviceState *dev, const char *msg);

#define HWTEST_SINK_LINES 8

/**
 * HWTestSink: the receiving end of up to HWTEST_SINK_LINES interrupt
 * lines: per line the current level, how often it was set and how often
 * it went from low to high.
 */
typedef struct HWTestSink {
    int level[HWTEST_SINK_LINES];
    int calls[HWTEST_SINK_LINES];
    int raised[HWTEST_SINK_LINES];
} HWTestSink;

/**
 * hwtest_sink_irq: a new IRQ line that sets line @n of @sink.
 * @sink: the sink
 * @n: the sink's line, below HWTEST_SINK_LINES
 *
 * Returns: the line; qemu_free_irq() it once it is connected.
 */
qemu_irq hwtest_sink_irq(HWTestSink *sink, int n);

/**
 * hwtest_sink_connect: clear @sink and connect GPIO outputs 0..@n-1 of
 * @dev to its lines 0..@n-1.
 * @dev: the device
 * @name: the GPIO output list's name, NULL for the unnamed list (a sysbus
 *        device's IRQs are SYSBUS_DEVICE_GPIO_IRQ)
 * @n: how many outputs, at most HWTEST_SINK_LINES
 * @sink: the sink
 */
void hwtest_sink_connect(DeviceState *dev, const char *name, int n,
                         HWTestSink *sink);

#endif

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * serial.h: the 16550A UART, as QEMU's include/hw/char/serial.h.
 *
 * Two types:
 * - "serial" (TYPE_SERIAL): the UART core, a plain device on no bus.  It
 *   has the eight byte-wide registers (serial_io_ops on its "io" region,
 *   one register per byte), the 16-byte receive and transmit FIFOs, the
 *   character timeout, one IRQ output (GPIO out 0) and a chardev backend.
 *   Other devices embed it as a QOM child (the memory-mapped wrapper below,
 *   later pci-serial).
 * - "ns16550a" (TYPE_SERIAL_MM, QEMU's "serial-mm"): a sysbus device with
 *   the core as child "serial", one MMIO region (8 << regshift bytes) and
 *   one IRQ.  Properties: regshift (register spacing, log2 bytes),
 *   baudbase, chardev (aliases of the core's).
 *
 * Departures from QEMU, on purpose:
 * - In loopback (MCR.LOOP) the modem outputs drive the modem inputs as on
 *   the real chip: MSR follows MCR and a change sets the delta bits (and
 *   raises the modem-status interrupt when enabled).  QEMU computes MSR on
 *   read and never raises MSI in loopback.  Input from the backend waits
 *   in the backend while loopback is on (the real chip disconnects SIN).
 * - Receive backpressure advertises the room left below the trigger level
 *   and then one byte at a time up to the FIFO size; input is never
 *   dropped because the FIFO is full (QEMU advertises 0 at exactly the
 *   trigger level).
 */
#ifndef HW_CHAR_SERIAL_H
#define HW_CHAR_SERIAL_H

#include "chardev/char-fe.h"
#include "exec/memory.h"
#include "hw/irq.h"
#include "hw/qdev-core.h"
#include "hw/sysbus.h"
#include "qomu/timer.h"

#define TYPE_SERIAL "serial"
#define TYPE_SERIAL_MM "ns16550a"

#define UART_FIFO_LENGTH 16

typedef struct SerialState SerialState;
typedef struct SerialMM SerialMM;

#define SERIAL(obj) OBJECT_CHECK(SerialState, (obj), TYPE_SERIAL)
#define SERIAL_MM(obj) OBJECT_CHECK(SerialMM, (obj), TYPE_SERIAL_MM)

/** SerialFifo: a byte FIFO of UART_FIFO_LENGTH entries. */
typedef struct SerialFifo {
    uint8_t data[UART_FIFO_LENGTH];
    unsigned head;
    unsigned num;
} SerialFifo;

/**
 * SerialState: the UART core.
 * @divider: the divisor latch (DLL/DLM).
 * @rbr, @thr, @ier, @iir, @lcr, @mcr, @lsr, @msr, @scr, @fcr: registers.
 * @thr_ipending: a THRE interrupt is pending (cleared by reading IIR).
 * @timeout_ipending: the character timeout fired with data in the FIFO.
 * @recv_fifo_itl: the receive trigger level (1, 4, 8 or 14).
 * @char_transmit_time: ns per character at the current line settings.
 * @baudbase: the input clock / 16 (divisor 1 gives this many baud).
 * @chr: the character backend (property "chardev").
 * @irq: the interrupt output.
 * @io: eight byte registers at consecutive offsets (serial_io_ops).
 */
struct SerialState {
    /* private: */
    DeviceState parent_obj;

    /* public: */
    uint16_t divider;
    uint8_t rbr;
    uint8_t thr;
    uint8_t ier;
    uint8_t iir;
    uint8_t lcr;
    uint8_t mcr;
    uint8_t lsr;
    uint8_t msr;
    uint8_t scr;
    uint8_t fcr;
    bool thr_ipending;
    bool timeout_ipending;
    unsigned recv_fifo_itl;
    int64_t char_transmit_time;
    uint32_t baudbase;
    SerialFifo recv_fifo;
    SerialFifo xmit_fifo;
    QEMUTimer fifo_timeout_timer;
    CharBackend chr;
    qemu_irq irq;
    MemoryRegion io;
};

/**
 * SerialMM: the memory-mapped 16550A ("ns16550a").
 * @serial: the core (child "serial").
 * @regshift: registers are 1 << @regshift bytes apart.
 * @mmio: the MMIO region (sysbus region 0).
 */
struct SerialMM {
    /* private: */
    SysBusDevice parent_obj;

    /* public: */
    SerialState serial;
    uint8_t regshift;
    MemoryRegion mmio;
};

/**
 * serial_io_ops: the byte registers of a SerialState (opaque), offsets
 * 0 to 7.  Wrappers call it with the register index.
 */
extern const MemoryRegionOps serial_io_ops;

/**
 * serial_mm_create: create a "ns16550a" as child @name of @parent, set
 * its properties, realize it and map it at @base in @address_space.
 * @chr: the backend, or NULL for none.
 * @irq: what the interrupt output drives, or NULL.
 * Returns: the device, or NULL with @errp set.
 */
SerialMM *serial_mm_create(Object *parent, const char *name,
                           MemoryRegion *address_space, hwaddr base,
                           int regshift, qemu_irq irq, int baudbase,
                           Chardev *chr, Error **errp);

#endif /* HW_CHAR_SERIAL_H */

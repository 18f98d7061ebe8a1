/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * serial.c: the 16550A UART (National Semiconductor PC16550D data sheet):
 * the core "serial" and its memory-mapped wrapper "ns16550a", with the
 * register and interrupt behaviour of QEMU's hw/char/serial.c.
 */
#include "qomu/osdep.h"
#include "qapi/error.h"
#include "qomu/log.h"
#include "qomu/module.h"
#include "hw/char/serial.h"
#include "hw/qdev-properties.h"
#include "hw/qdev-properties-system.h"
#include "hw/resettable.h"

/* Register indices (before regshift). */
enum {
    UART_RBR = 0, /* read, DLAB=0 (THR on write) */
    UART_IER = 1, /* DLAB=0 (DLM with DLAB=1) */
    UART_IIR = 2, /* read (FCR on write) */
    UART_LCR = 3,
    UART_MCR = 4,
    UART_LSR = 5,
    UART_MSR = 6,
    UART_SCR = 7,
};

#define UART_IER_RDI 0x01  /* received data available */
#define UART_IER_THRI 0x02 /* transmitter holding register empty */
#define UART_IER_RLSI 0x04 /* receiver line status */
#define UART_IER_MSI 0x08  /* modem status */

#define UART_IIR_NO_INT 0x01
#define UART_IIR_ID 0x0e
#define UART_IIR_MSI 0x00
#define UART_IIR_THRI 0x02
#define UART_IIR_RDI 0x04
#define UART_IIR_RLSI 0x06
#define UART_IIR_CTI 0x0c /* character timeout */
#define UART_IIR_FE 0xc0  /* FIFOs enabled */

#define UART_FCR_FE 0x01  /* FIFO enable */
#define UART_FCR_RFR 0x02 /* receiver FIFO reset */
#define UART_FCR_XFR 0x04 /* transmitter FIFO reset */
#define UART_FCR_DMS 0x08 /* DMA mode select (kept, no effect) */
#define UART_FCR_ITL_SHIFT 6

#define UART_LCR_WLS 0x03  /* word length - 5 */
#define UART_LCR_STB 0x04  /* two stop bits */
#define UART_LCR_PEN 0x08  /* parity */
#define UART_LCR_SB 0x40   /* set break */
#define UART_LCR_DLAB 0x80 /* divisor latch access */

#define UART_MCR_DTR 0x01
#define UART_MCR_RTS 0x02
#define UART_MCR_OUT1 0x04
#define UART_MCR_OUT2 0x08
#define UART_MCR_LOOP 0x10
#define UART_MCR_MASK 0x1f

#define UART_LSR_DR 0x01   /* data ready */
#define UART_LSR_OE 0x02   /* overrun */
#define UART_LSR_PE 0x04   /* parity error */
#define UART_LSR_FE 0x08   /* framing error */
#define UART_LSR_BI 0x10   /* break */
#define UART_LSR_THRE 0x20 /* THR (or transmit FIFO) empty */
#define UART_LSR_TEMT 0x40 /* transmitter empty */
#define UART_LSR_INT_ANY 0x1e

#define UART_MSR_DCTS 0x01
#define UART_MSR_DDSR 0x02
#define UART_MSR_TERI 0x04 /* trailing edge of RI */
#define UART_MSR_DDCD 0x08
#define UART_MSR_ANY_DELTA 0x0f
#define UART_MSR_CTS 0x10
#define UART_MSR_DSR 0x20
#define UART_MSR_RI 0x40
#define UART_MSR_DCD 0x80

#define NANOSECONDS_PER_SECOND 1000000000LL

static void fifo_reset(SerialFifo *f)
{
    f->head = 0;
    f->num = 0;
}

/* A push on a full FIFO drops the oldest byte (transmit side, as QEMU). */
static void fifo_push(SerialFifo *f, uint8_t v)
{
    if (f->num == UART_FIFO_LENGTH) {
        f->head = (f->head + 1) % UART_FIFO_LENGTH;
        f->num--;
    }
    f->data[(f->head + f->num) % UART_FIFO_LENGTH] = v;
    f->num++;
}

static uint8_t fifo_pop(SerialFifo *f)
{
    uint8_t v;

    if (!f->num) {
        return 0;
    }
    v = f->data[f->head];
    f->head = (f->head + 1) % UART_FIFO_LENGTH;
    f->num--;
    return v;
}

static bool serial_fifo_enabled(SerialState *s)
{
    return s->fcr & UART_FCR_FE;
}

/* The priorities of the data sheet's table 4 (IIR). */
static void serial_update_irq(SerialState *s)
{
    uint8_t id = UART_IIR_NO_INT;

    if ((s->ier & UART_IER_RLSI) && (s->lsr & UART_LSR_INT_ANY)) {
        id = UART_IIR_RLSI;
    } else if ((s->ier & UART_IER_RDI) && s->timeout_ipending) {
        id = UART_IIR_CTI;
    } else if ((s->ier & UART_IER_RDI) && (s->lsr & UART_LSR_DR) &&
               (!serial_fifo_enabled(s) ||
                s->recv_fifo.num >= s->recv_fifo_itl)) {
        id = UART_IIR_RDI;
    } else if ((s->ier & UART_IER_THRI) && s->thr_ipending) {
        id = UART_IIR_THRI;
    } else if ((s->ier & UART_IER_MSI) && (s->msr & UART_MSR_ANY_DELTA)) {
        id = UART_IIR_MSI;
    }
    s->iir = id | (s->iir & UART_IIR_FE);
    qemu_set_irq(s->irq, id != UART_IIR_NO_INT);
}

/* Character time from the divisor and the frame format (LCR). */
static void serial_update_parameters(SerialState *s)
{
    int frame_bits = 1 + 5 + (s->lcr & UART_LCR_WLS);
    int64_t speed;

    if (s->lcr & UART_LCR_PEN) {
        frame_bits++;
    }
    frame_bits += (s->lcr & UART_LCR_STB) ? 2 : 1;
    if (!s->divider || !s->baudbase) {
        return;
    }
    speed = MAX(1, s->baudbase / s->divider);
    s->char_transmit_time = (NANOSECONDS_PER_SECOND / speed) * frame_bits;
}

/*
 * Received bytes go to the FIFO (or RBR without FIFOs); the character
 * timeout fires four character times after the last one.
 */
static void serial_receive_bytes(SerialState *s, const uint8_t *buf, int size)
{
    if (serial_fifo_enabled(s)) {
        for (int i = 0; i < size; i++) {
            if (s->recv_fifo.num == UART_FIFO_LENGTH) {
                s->lsr |= UART_LSR_OE;
            } else {
                fifo_push(&s->recv_fifo, buf[i]);
            }
        }
        s->lsr |= UART_LSR_DR;
        timer_mod(&s->fifo_timeout_timer,
                  qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL) +
                      s->char_transmit_time * 4);
    } else if (size > 0) {
        if (s->lsr & UART_LSR_DR) {
            s->lsr |= UART_LSR_OE;
        }
        s->rbr = buf[size - 1];
        s->lsr |= UART_LSR_DR;
    }
    serial_update_irq(s);
}

/*
 * Send what the guest wrote: to the backend, or back to the receiver in
 * loopback.  The backend takes it at once, so THRE and TEMT come back set
 * before the guest's next access (as QEMU's when the write succeeds).
 */
static void serial_xmit(SerialState *s)
{
    while (serial_fifo_enabled(s) ? s->xmit_fifo.num > 0
                                  : !(s->lsr & UART_LSR_THRE)) {
        uint8_t ch = serial_fifo_enabled(s) ? fifo_pop(&s->xmit_fifo) : s->thr;

        s->lsr |= UART_LSR_THRE;
        if (s->mcr & UART_MCR_LOOP) {
            serial_receive_bytes(s, &ch, 1);
        } else if (qemu_chr_fe_backend_connected(&s->chr)) {
            qemu_chr_fe_write_all(&s->chr, &ch, 1);
        }
    }
    s->lsr |= UART_LSR_THRE | UART_LSR_TEMT;
    s->thr_ipending = true;
    serial_update_irq(s);
}

/*
 * The modem inputs: in loopback DTR->DSR, RTS->CTS, OUT1->RI, OUT2->DCD;
 * otherwise the lines a terminal gives (DCD, DSR, CTS asserted, as QEMU
 * reports for a backend without modem lines).
 */
static void serial_update_msr(SerialState *s)
{
    uint8_t in = UART_MSR_DCD | UART_MSR_DSR | UART_MSR_CTS;
    uint8_t changed;
    uint8_t delta = 0;

    if (s->mcr & UART_MCR_LOOP) {
        in = 0;
        in |= (s->mcr & UART_MCR_DTR) ? UART_MSR_DSR : 0;
        in |= (s->mcr & UART_MCR_RTS) ? UART_MSR_CTS : 0;
        in |= (s->mcr & UART_MCR_OUT1) ? UART_MSR_RI : 0;
        in |= (s->mcr & UART_MCR_OUT2) ? UART_MSR_DCD : 0;
    }
    changed = (s->msr ^ in) & 0xf0;
    delta |= (changed & UART_MSR_CTS) ? UART_MSR_DCTS : 0;
    delta |= (changed & UART_MSR_DSR) ? UART_MSR_DDSR : 0;
    delta |= (changed & UART_MSR_DCD) ? UART_MSR_DDCD : 0;
    /* TERI: RI went from on to off. */
    delta |=
        ((changed & UART_MSR_RI) && !(in & UART_MSR_RI)) ? UART_MSR_TERI : 0;
    s->msr = in | (s->msr & UART_MSR_ANY_DELTA) | delta;
}

static void serial_write_fcr(SerialState *s, uint8_t val)
{
    static const unsigned itl[] = {1, 4, 8, 14};

    s->fcr = val;
    if (val & UART_FCR_FE) {
        s->iir |= UART_IIR_FE;
        s->recv_fifo_itl = itl[val >> UART_FCR_ITL_SHIFT];
    } else {
        s->iir &= ~UART_IIR_FE;
    }
}

static void serial_fifo_timeout(void *opaque)
{
    SerialState *s = opaque;

    if (s->recv_fifo.num) {
        s->timeout_ipending = true;
        serial_update_irq(s);
    }
}

static uint64_t serial_ioport_read(void *opaque, hwaddr addr, unsigned size)
{
    SerialState *s = opaque;
    uint8_t ret = 0;

    switch (addr & 7) {
    case UART_RBR:
        if (s->lcr & UART_LCR_DLAB) {
            ret = s->divider & 0xff;
            break;
        }
        if (serial_fifo_enabled(s)) {
            ret = fifo_pop(&s->recv_fifo);
            if (!s->recv_fifo.num) {
                s->lsr &= ~(UART_LSR_DR | UART_LSR_BI);
            } else {
                timer_mod(&s->fifo_timeout_timer,
                          qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL) +
                              s->char_transmit_time * 4);
            }
            s->timeout_ipending = false;
        } else {
            ret = s->rbr;
            s->lsr &= ~(UART_LSR_DR | UART_LSR_BI);
        }
        serial_update_irq(s);
        if (!(s->mcr & UART_MCR_LOOP)) {
            /* Room again: let the backend send what it held back. */
            qemu_chr_fe_accept_input(&s->chr);
        }
        break;
    case UART_IER:
        ret = (s->lcr & UART_LCR_DLAB) ? s->divider >> 8 : s->ier;
        break;
    case UART_IIR:
        ret = s->iir;
        if ((ret & UART_IIR_ID) == UART_IIR_THRI) {
            s->thr_ipending = false;
            serial_update_irq(s);
        }
        break;
    case UART_LCR:
        ret = s->lcr;
        break;
    case UART_MCR:
        ret = s->mcr;
        break;
    case UART_LSR:
        ret = s->lsr;
        /* Break and overrun are cleared by reading LSR. */
        if (s->lsr & (UART_LSR_BI | UART_LSR_OE)) {
            s->lsr &= ~(UART_LSR_BI | UART_LSR_OE);
            serial_update_irq(s);
        }
        break;
    case UART_MSR:
        ret = s->msr;
        if (s->msr & UART_MSR_ANY_DELTA) {
            s->msr &= 0xf0;
            serial_update_irq(s);
        }
        break;
    case UART_SCR:
        ret = s->scr;
        break;
    }
    return ret;
}

static void serial_ioport_write(void *opaque, hwaddr addr, uint64_t val,
                                unsigned size)
{
    SerialState *s = opaque;
    uint8_t changed;

    val &= 0xff;
    switch (addr & 7) {
    case UART_RBR:
        if (s->lcr & UART_LCR_DLAB) {
            s->divider = (s->divider & 0xff00) | val;
            serial_update_parameters(s);
            break;
        }
        s->thr = val;
        if (serial_fifo_enabled(s)) {
            fifo_push(&s->xmit_fifo, val);
        }
        s->thr_ipending = false;
        s->lsr &= ~(UART_LSR_THRE | UART_LSR_TEMT);
        serial_update_irq(s);
        serial_xmit(s);
        break;
    case UART_IER:
        if (s->lcr & UART_LCR_DLAB) {
            s->divider = (s->divider & 0x00ff) | (val << 8);
            serial_update_parameters(s);
            break;
        }
        changed = (s->ier ^ val) & 0x0f;
        s->ier = val & 0x0f;
        /*
         * Enabling THRI with THR empty raises the interrupt again, even if
         * reading IIR had acknowledged it (QEMU and Bochs; Windows needs it).
         */
        if (changed & UART_IER_THRI) {
            s->thr_ipending =
                (s->ier & UART_IER_THRI) && (s->lsr & UART_LSR_THRE);
        }
        if (changed) {
            serial_update_irq(s);
        }
        break;
    case UART_IIR: /* FCR */
        if (s->fcr == val) {
            break;
        }
        /* Switching the FIFOs on or off empties them. */
        if ((val ^ s->fcr) & UART_FCR_FE) {
            val |= UART_FCR_XFR | UART_FCR_RFR;
        }
        if (val & UART_FCR_RFR) {
            s->lsr &= ~(UART_LSR_DR | UART_LSR_BI);
            timer_del(&s->fifo_timeout_timer);
            s->timeout_ipending = false;
            fifo_reset(&s->recv_fifo);
            qemu_chr_fe_accept_input(&s->chr);
        }
        if (val & UART_FCR_XFR) {
            s->lsr |= UART_LSR_THRE;
            s->thr_ipending = true;
            fifo_reset(&s->xmit_fifo);
        }
        serial_write_fcr(s, val & 0xc9);
        serial_update_irq(s);
        break;
    case UART_LCR:
        s->lcr = val;
        serial_update_parameters(s);
        break;
    case UART_MCR: {
        bool was_loop = s->mcr & UART_MCR_LOOP;

        s->mcr = val & UART_MCR_MASK;
        serial_update_msr(s);
        serial_update_irq(s);
        if (was_loop && !(s->mcr & UART_MCR_LOOP)) {
            qemu_chr_fe_accept_input(&s->chr);
        }
        break;
    }
    case UART_LSR:
    case UART_MSR:
        /* Read-only on the 16550A (factory test on some clones). */
        qemu_log_mask(LOG_GUEST_ERROR,
                      "serial: write 0x%02x to read-only register %s\n",
                      (unsigned)val, (addr & 7) == UART_LSR ? "LSR" : "MSR");
        break;
    case UART_SCR:
        s->scr = val;
        break;
    }
}

const MemoryRegionOps serial_io_ops = {
    .read = serial_ioport_read,
    .write = serial_ioport_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid =
        {
            .min_access_size = 1,
            .max_access_size = 1,
        },
    .impl =
        {
            .min_access_size = 1,
            .max_access_size = 1,
        },
};

/*
 * Backpressure: the backend may send what fits.  Below the trigger level
 * it may fill up to it (so the guest sees one RDI per burst), above it one
 * byte at a time until the FIFO is full; nothing while loopback is on.
 */
static int serial_can_receive(void *opaque)
{
    SerialState *s = opaque;

    if (s->mcr & UART_MCR_LOOP) {
        return 0;
    }
    if (!serial_fifo_enabled(s)) {
        return !(s->lsr & UART_LSR_DR);
    }
    if (s->recv_fifo.num < s->recv_fifo_itl) {
        return s->recv_fifo_itl - s->recv_fifo.num;
    }
    return s->recv_fifo.num < UART_FIFO_LENGTH;
}

static void serial_receive(void *opaque, const uint8_t *buf, int size)
{
    serial_receive_bytes(opaque, buf, size);
}

static void serial_event(void *opaque, QEMUChrEvent event)
{
    SerialState *s = opaque;

    if (event == CHR_EVENT_BREAK) {
        /* A break reads as a NUL character with BI (data sheet 8.6.3). */
        s->rbr = 0;
        if (serial_fifo_enabled(s)) {
            uint8_t zero = 0;

            serial_receive_bytes(s, &zero, 1);
        }
        s->lsr |= UART_LSR_BI | UART_LSR_DR;
        serial_update_irq(s);
    }
}

static const Property serial_properties[] = {
    DEFINE_PROP_CHR("chardev", SerialState, chr),
    DEFINE_PROP_UINT32("baudbase", SerialState, baudbase, 115200),
};

static void serial_init(Object *obj)
{
    SerialState *s = SERIAL(obj);

    memory_region_init_io(&s->io, obj, &serial_io_ops, s, "serial", 8);
    timer_init_ns(&s->fifo_timeout_timer, QEMU_CLOCK_VIRTUAL,
                  serial_fifo_timeout, s);
}

static void serial_realize(DeviceState *dev, Error **errp)
{
    SerialState *s = SERIAL(dev);

    if (!s->baudbase) {
        error_setg(errp, "serial: property 'baudbase' must not be 0");
        return;
    }
    qemu_chr_fe_set_handlers(&s->chr, serial_can_receive, serial_receive,
                             serial_event, NULL, s, NULL, true);
}

static void serial_unrealize(DeviceState *dev)
{
    SerialState *s = SERIAL(dev);

    timer_del(&s->fifo_timeout_timer);
    qemu_chr_fe_set_handlers(&s->chr, NULL, NULL, NULL, NULL, NULL, NULL,
                             false);
}

static void serial_finalize(Object *obj)
{
    SerialState *s = SERIAL(obj);

    timer_deinit(&s->fifo_timeout_timer);
}

/* The power-on values of the data sheet (and of QEMU's serial_reset). */
static void serial_reset_hold(Object *obj, ResetType type)
{
    SerialState *s = SERIAL(obj);

    timer_del(&s->fifo_timeout_timer);
    s->rbr = 0;
    s->ier = 0;
    s->iir = UART_IIR_NO_INT;
    s->lcr = 0;
    s->lsr = UART_LSR_TEMT | UART_LSR_THRE;
    s->msr = UART_MSR_DCD | UART_MSR_DSR | UART_MSR_CTS;
    s->mcr = UART_MCR_OUT2;
    s->scr = 0;
    s->divider = 0x0c;
    s->thr_ipending = false;
    s->timeout_ipending = false;
    s->char_transmit_time = (NANOSECONDS_PER_SECOND / 9600) * 10;
    fifo_reset(&s->recv_fifo);
    fifo_reset(&s->xmit_fifo);
    serial_write_fcr(s, 0);
    s->recv_fifo_itl = 1;
    serial_update_parameters(s);
    qemu_irq_lower(s->irq);
    qemu_chr_fe_accept_input(&s->chr);
}

static void serial_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    ResettableClass *rc = RESETTABLE_CLASS(klass);

    dc->desc = "16550A UART core";
    dc->realize = serial_realize;
    dc->unrealize = serial_unrealize;
    dc->user_creatable = false;
    dc->not_user_creatable_reason =
        "it is the core of a UART device (use ns16550a on a board)";
    rc->phases.hold = serial_reset_hold;
    device_class_set_props(dc, serial_properties);
}

/* ns16550a: the core behind an MMIO window with register spacing. */

static uint64_t serial_mm_read(void *opaque, hwaddr addr, unsigned size)
{
    SerialMM *s = opaque;

    return serial_ioport_read(&s->serial, addr >> s->regshift, 1);
}

static void serial_mm_write(void *opaque, hwaddr addr, uint64_t value,
                            unsigned size)
{
    SerialMM *s = opaque;

    serial_ioport_write(&s->serial, addr >> s->regshift, value & 0xff, 1);
}

/* Any width up to 8 reaches one register, as QEMU's serial-mm. */
static const MemoryRegionOps serial_mm_ops = {
    .read = serial_mm_read,
    .write = serial_mm_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid =
        {
            .min_access_size = 1,
            .max_access_size = 8,
        },
    .impl =
        {
            .min_access_size = 1,
            .max_access_size = 8,
        },
};

static const Property serial_mm_properties[] = {
    DEFINE_PROP_UINT8("regshift", SerialMM, regshift, 0),
};

static void serial_mm_init(Object *obj)
{
    SerialMM *s = SERIAL_MM(obj);

    object_initialize_child(obj, "serial", &s->serial, TYPE_SERIAL);
    object_property_add_alias(obj, "chardev", OBJECT(&s->serial), "chardev");
    object_property_add_alias(obj, "baudbase", OBJECT(&s->serial), "baudbase");
    sysbus_init_irq(SYS_BUS_DEVICE(obj), &s->serial.irq);
}

static void serial_mm_realize(DeviceState *dev, Error **errp)
{
    SerialMM *s = SERIAL_MM(dev);

    if (s->regshift > 3) {
        error_setg(errp,
                   "ns16550a: property 'regshift' is %u; expected 0 "
                   "to 3 (registers 1, 2, 4 or 8 bytes apart)",
                   s->regshift);
        return;
    }
    if (!qdev_realize(DEVICE(&s->serial), NULL, errp)) {
        return;
    }
    /* Named after the type: "serial" is the core child's name. */
    memory_region_init_io(&s->mmio, OBJECT(dev), &serial_mm_ops, s,
                          TYPE_SERIAL_MM, 8 << s->regshift);
    sysbus_init_mmio(SYS_BUS_DEVICE(dev), &s->mmio);
}

static void serial_mm_unrealize(DeviceState *dev)
{
    SerialMM *s = SERIAL_MM(dev);

    qdev_unrealize(DEVICE(&s->serial));
}

SerialMM *serial_mm_create(Object *parent, const char *name,
                           MemoryRegion *address_space, hwaddr base,
                           int regshift, qemu_irq irq, int baudbase,
                           Chardev *chr, Error **errp)
{
    DeviceState *dev = qdev_new(TYPE_SERIAL_MM);

    object_property_add_child(parent, name, OBJECT(dev));
    object_unref(dev);
    qdev_prop_set_uint8(dev, "regshift", regshift);
    qdev_prop_set_uint32(dev, "baudbase", baudbase);
    if (chr) {
        qdev_prop_set_chr(dev, "chardev", chr);
    }
    if (!sysbus_realize(SYS_BUS_DEVICE(dev), errp)) {
        object_unparent(OBJECT(dev));
        return NULL;
    }
    if (irq) {
        sysbus_connect_irq(SYS_BUS_DEVICE(dev), 0, irq);
    }
    memory_region_add_subregion(address_space, base,
                                sysbus_mmio_get_region(SYS_BUS_DEVICE(dev), 0));
    return SERIAL_MM(dev);
}

static void serial_mm_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->desc = "16550A UART, memory-mapped (QEMU's serial-mm)";
    dc->realize = serial_mm_realize;
    dc->unrealize = serial_mm_unrealize;
    dc->user_creatable = false;
    dc->not_user_creatable_reason =
        "a memory-mapped UART needs an address and an interrupt that only "
        "the board gives; the virt board has one, uart0 at 0x10000000 "
        "(choose its backend with -serial)";
    device_class_set_props(dc, serial_mm_properties);
}

static const TypeInfo serial_types[] = {
    {
        .name = TYPE_SERIAL,
        .parent = TYPE_DEVICE,
        .instance_size = sizeof(SerialState),
        .instance_init = serial_init,
        .instance_finalize = serial_finalize,
        .class_init = serial_class_init,
    },
    {
        .name = TYPE_SERIAL_MM,
        .parent = TYPE_SYS_BUS_DEVICE,
        .instance_size = sizeof(SerialMM),
        .instance_init = serial_mm_init,
        .class_init = serial_mm_class_init,
    },
};

static void serial_register_types(void)
{
    for (size_t i = 0; i < ARRAY_SIZE(serial_types); i++) {
        type_register_static(&serial_types[i]);
    }
}

type_init(serial_register_types)

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * irq.h: interrupt and GPIO lines as QOM objects, as QEMU's include/hw/irq.h.
 *
 * A qemu_irq is a pointer to an IRQState object (TYPE_IRQ "irq") that
 * calls handler(opaque, n, level) when its level is set.  A device's input
 * lines are IRQ objects that are its children (qdev_init_gpio_in()); its
 * output lines are link properties that point at someone's input line
 * (qdev_connect_gpio_out()).  Setting a NULL qemu_irq (an unconnected
 * output) does nothing.
 */
#ifndef HW_IRQ_H
#define HW_IRQ_H

#include "qom/object.h"

#define TYPE_IRQ "irq"

/** qemu_irq_handler: called with the line's @n and new @level. */
typedef void (*qemu_irq_handler)(void *opaque, int n, int level);

/**
 * IRQState: one line.
 * @level: the level last given to qemu_set_irq() (0 until then), for
 *   `info irq`; a qomu addition (QEMU's IRQState keeps no level).  A line
 *   has no "current level" of its own in QEMU: this is what was last set.
 */
typedef struct IRQState {
    Object parent_obj;

    qemu_irq_handler handler;
    void *opaque;
    int n;
    int level;
} IRQState;

#define IRQ(obj) OBJECT_CHECK(IRQState, (obj), TYPE_IRQ)

/**
 * qemu_set_irq: set the level of @irq (NULL: nothing happens); records
 * @level in @irq->level before calling the handler.
 */
void qemu_set_irq(qemu_irq irq, int level);

/** qemu_irq_raise: set @irq to 1. */
static inline void qemu_irq_raise(qemu_irq irq)
{
    qemu_set_irq(irq, 1);
}

/** qemu_irq_lower: set @irq to 0. */
static inline void qemu_irq_lower(qemu_irq irq)
{
    qemu_set_irq(irq, 0);
}

/** qemu_irq_pulse: set @irq to 1, then to 0. */
static inline void qemu_irq_pulse(qemu_irq irq)
{
    qemu_set_irq(irq, 1);
    qemu_set_irq(irq, 0);
}

/**
 * qemu_init_irq: initialise the IRQ embedded at @irq.
 */
void qemu_init_irq(IRQState *irq, qemu_irq_handler handler, void *opaque,
                   int n);

/**
 * qemu_allocate_irq: a new line calling @handler(@opaque, @n, level).
 * The caller owns it (qemu_free_irq()), unless it makes it a child of an
 * object.
 */
qemu_irq qemu_allocate_irq(qemu_irq_handler handler, void *opaque, int n);

/**
 * qemu_allocate_irqs: @n lines numbered 0..n-1, in a new array; free with
 * qemu_free_irqs(array, n).
 */
qemu_irq *qemu_allocate_irqs(qemu_irq_handler handler, void *opaque, int n);

/** qemu_free_irq: drop the caller's reference on @irq (NULL is fine). */
void qemu_free_irq(qemu_irq irq);

/** qemu_free_irqs: free @n lines and the array from qemu_allocate_irqs(). */
void qemu_free_irqs(qemu_irq *s, int n);

#endif /* HW_IRQ_H */

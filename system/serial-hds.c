/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * serial-hds.c: the serial port backends the command line chose, in
 * order, for boards to hand to their UARTs (QEMU's serial_hd()).
 */
#include "qomu/osdep.h"
#include "system/system.h"

static GPtrArray *serial_hds;

void serial_hds_add(Chardev *chr)
{
    if (!serial_hds) {
        serial_hds = g_ptr_array_new();
    }
    g_ptr_array_add(serial_hds, chr);
}

Chardev *serial_hd(int i)
{
    if (!serial_hds || i < 0 || (guint)i >= serial_hds->len) {
        return NULL;
    }
    return g_ptr_array_index(serial_hds, i);
}

void serial_hds_cleanup(void)
{
    if (serial_hds) {
        g_ptr_array_free(serial_hds, TRUE);
        serial_hds = NULL;
    }
}

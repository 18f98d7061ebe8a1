/* SPDX-License-Identifier: GPL-2.0-or-later */
/* pci-test.c: the PCI unit tests' bench (see pci-test.h). */
#include "qomu/osdep.h"
#include "exec/address-spaces.h"
#include "qapi/error.h"
#include "hw/sysbus.h"
#include "pci-test.h"

GPEXHost *pcitest_begin(HWTestSink *lines)
{
    GPEXConfig cfg = {
        .ecam_base = ECAM_BASE,
        .ecam_size = 0x10000000,
        .mmio_base = MMIO_BASE,
        .mmio_size = 0x40000000,
        .pio_base = PIO_BASE,
        .pio_size = 0x10000,
    };
    GPEXHost *host;

    hwtest_begin();
    hwtest_add_ram(RAM_BASE, PCITEST_RAM_SIZE);
    host = gpex_create(qdev_get_machine(), "pcie", get_system_memory(), &cfg,
                       &error_abort);
    hwtest_sink_connect(DEVICE(host), SYSBUS_DEVICE_GPIO_IRQ, GPEX_NUM_IRQS,
                        lines);
    return host;
}

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * pci-test.h: the PCI unit tests' bench: a gpex host at virt's addresses
 * with a little RAM for bus-master DMA, on top of hw-test.h.
 */
#ifndef TESTS_UNIT_PCI_TEST_H
#define TESTS_UNIT_PCI_TEST_H

#include "hw-test.h"
#include "hw/pci-host/gpex.h"

#define ECAM_BASE 0x30000000
#define MMIO_BASE 0x40000000
#define PIO_BASE 0x3000000
#define RAM_BASE 0x80000000
#define PCITEST_RAM_SIZE 0x10000

/**
 * pcitest_begin: hwtest_begin(), then 64 KiB of RAM at RAM_BASE and a
 * gpex host ("pcie" under the machine) with ECAM at ECAM_BASE, MMIO at
 * MMIO_BASE and I/O at PIO_BASE, its four INTx lines on @lines.
 * End the test with hwtest_end().
 * Returns: the host.
 */
GPEXHost *pcitest_begin(HWTestSink *lines);

#endif /* TESTS_UNIT_PCI_TEST_H */

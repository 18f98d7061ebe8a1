#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""test_pci.py: PCI on -M virt, end to end.

- the qtest protocol: configuration space through the ECAM window (IDs,
  class, masks, W1C), BAR sizing and mapping gated by the command
  register, INTx of devices in several slots on PLIC inputs 32..35
  (swizzle), edu factorial and DMA with their interrupt (gated by Bus
  Master), pci-testdev counters;
- the command line: the PCI error cases (exit status 1, one line);
- the monitor: device_add / device_del of a PCI device, info qtree and
  info qom-tree views of the host, its bus and the devices;
- U-Boot (Debian's qemu-riscv64_smode after OpenSBI fw_jump) with
  -device edu -device pci-testdev: pci enum, pci, pci header, dm tree.

Usage: test_pci.py QOMU_BIN [SPIKE_ELF]
(SPIKE_ELF: any program for -M spike, for the "no PCI bus" error.)
"""
import os
import tempfile
import unittest

import qomu_test
from qomu_test import (ARGS, FW_JUMP, UBOOT_SMODE, Machine, main,
                       require_files, run)
from qtest import QTest, QTestError

ECAM = 0x30000000
MMIO = 0x40000000
PIO = 0x3000000
PLIC = '/machine/soc/plic'

# A guest that runs: a busy loop (addi t0, t0, 1; j .-4) as the firmware.
LOOP_FW = os.path.join(tempfile.mkdtemp(prefix='qomu-pci-'), 'loop.bin')
with open(LOOP_FW, 'wb') as _f:
    _f.write(bytes.fromhex('93821200' '6ff0dfff'))


def cfg(slot, reg, fn=0):
    return ECAM + (slot << 15) + (fn << 12) + reg


class QTestPCI(unittest.TestCase):

    def qtest(self, *devices):
        args = []
        for d in devices:
            args += ['-device', d]
        return QTest(qomu_test.qomu_bin(), args=['-bios', 'none'] + args)

    def test_config_ids_masks(self):
        with self.qtest('edu,addr=04.0') as qt:
            self.assertEqual(qt.readl(cfg(0, 0)), 0x00081b36)
            self.assertEqual(qt.readw(cfg(0, 0x0a)), 0x0600)
            self.assertEqual(qt.readl(cfg(4, 0)), 0x11e81234)
            self.assertEqual(qt.readl(cfg(4, 8)), 0x00ff0010)
            self.assertEqual(qt.readl(cfg(4, 0x2c)), 0x11001af4)
            self.assertEqual(qt.readb(cfg(4, 0x3d)), 1)
            self.assertEqual(qt.readl(cfg(5, 0)), 0xffffffff)
            self.assertEqual(qt.readl(cfg(4, 0, fn=1)), 0xffffffff)
            # Read-only identity, writable interrupt line, command mask.
            qt.writel(cfg(4, 0), 0)
            self.assertEqual(qt.readl(cfg(4, 0)), 0x11e81234)
            qt.writeb(cfg(4, 0x3c), 0x22)
            self.assertEqual(qt.readb(cfg(4, 0x3c)), 0x22)
            qt.writew(cfg(4, 4), 0xffff)
            self.assertEqual(qt.readw(cfg(4, 4)), 0x0547)
            # W1C status bits: writing ones to a clear status changes
            # nothing (no read-only bit turns on).
            qt.writew(cfg(4, 6), 0xffff)
            self.assertEqual(qt.readw(cfg(4, 6)), 0)

    def test_bar_sizing_and_decode(self):
        with self.qtest('pci-testdev,addr=02.0') as qt:
            qt.writel(cfg(2, 0x10), 0xffffffff)
            qt.writel(cfg(2, 0x14), 0xffffffff)
            self.assertEqual(qt.readl(cfg(2, 0x10)), 0xfffff000)
            self.assertEqual(qt.readl(cfg(2, 0x14)), 0xffffff01)
            qt.writel(cfg(2, 0x10), MMIO + 0x3000)
            qt.writel(cfg(2, 0x14), 0x400)
            # Decode off: nothing answers there.
            with self.assertRaises(QTestError):
                qt.readb(MMIO + 0x3000)
            with self.assertRaises(QTestError):
                qt.readb(PIO + 0x400)
            qt.writew(cfg(2, 4), 0x3)
            self.assertEqual(qt.readb(MMIO + 0x3000), 0)
            qt.writeb(MMIO + 0x3000, 0)
            self.assertEqual(qt.readl(MMIO + 0x3000 + 4), 2048)
            for _ in range(3):
                qt.writeb(MMIO + 0x3000 + 2048, 0xfa)
            qt.writeb(MMIO + 0x3000 + 2048, 0x55)
            self.assertEqual(qt.readl(MMIO + 0x3000 + 12), 3)
            # The I/O BAR at bus 0x400 is CPU 0x3000400.
            qt.writeb(PIO + 0x400, 0)
            self.assertEqual(qt.readb(PIO + 0x400), 3)
            qt.writeb(PIO + 0x400 + 131, 0xfa)
            self.assertEqual(qt.readl(PIO + 0x400 + 12), 1)
            # Memory decode off again: unmapped; I/O still decodes.
            qt.writew(cfg(2, 4), 0x1)
            with self.assertRaises(QTestError):
                qt.readb(MMIO + 0x3000)
            self.assertEqual(qt.readl(PIO + 0x400 + 12), 1)
            # Moved: the BAR answers at its new address.
            qt.writel(cfg(2, 0x10), MMIO + 0x8000)
            qt.writew(cfg(2, 4), 0x3)
            self.assertEqual(qt.readl(MMIO + 0x8000 + 4), 131)

    def test_intx_swizzle(self):
        slots = [1, 2, 3, 4, 6]
        with self.qtest(*['edu,addr=%02x.0' % s for s in slots]) as qt:
            qt.irq_intercept_in(PLIC)
            for i, s in enumerate(slots):
                qt.writel(cfg(s, 0x10), MMIO + (i << 20))
                qt.writew(cfg(s, 4), 0x2)
            for i, s in enumerate(slots):
                line = 32 + s % 4
                qt.writel(MMIO + (i << 20) + 0x60, 1)
                self.assertTrue(qt.get_irq(line), 'slot %d' % s)
                others = [n for n in range(32, 36)
                          if n != line and qt.get_irq(n)]
                self.assertEqual(others, [], 'slot %d' % s)
                qt.writel(MMIO + (i << 20) + 0x64, 1)
                self.assertFalse(qt.get_irq(line))
            # INTx Disable keeps the device's level off the line.
            qt.writew(cfg(1, 4), 0x402)
            qt.writel(MMIO + 0x60, 1)
            self.assertFalse(qt.get_irq(33))
            self.assertEqual(qt.readw(cfg(1, 6)) & 0x8, 0x8)
            qt.writew(cfg(1, 4), 0x2)
            self.assertTrue(qt.get_irq(33))

    def test_edu_factorial_and_dma(self):
        with self.qtest('edu,addr=01.0,dma_mask=0xffffffff') as qt:
            qt.irq_intercept_in(PLIC)
            qt.writel(cfg(1, 0x10), MMIO)
            qt.writew(cfg(1, 4), 0x2)
            qt.writel(MMIO + 0x20, 0x80)
            qt.writel(MMIO + 0x08, 6)
            qt.clock_step(1000000)
            self.assertEqual(qt.readl(MMIO + 0x08), 720)
            self.assertEqual(qt.readl(MMIO + 0x24), 1)
            self.assertTrue(qt.get_irq(33))
            qt.writel(MMIO + 0x64, 1)
            self.assertFalse(qt.get_irq(33))
            # DMA RAM -> buffer with Bus Master off: nothing arrives.
            qt.memwrite(0x80001000, b'qomu-pci')
            qt.writeq(MMIO + 0x80, 0x80001000)
            qt.writeq(MMIO + 0x88, 0x40000)
            qt.writeq(MMIO + 0x90, 8)
            qt.writeq(MMIO + 0x98, 1)
            qt.clock_step(200000000)
            qt.writeq(MMIO + 0x80, 0x40000)
            qt.writeq(MMIO + 0x88, 0x80002000)
            qt.writeq(MMIO + 0x98, 1 | 2 | 4)
            qt.clock_step(200000000)
            self.assertEqual(qt.memread(0x80002000, 8), bytes(8))
            self.assertTrue(qt.get_irq(33))
            qt.writel(MMIO + 0x64, 0x100)
            # Bus Master on: both directions go through.
            qt.writew(cfg(1, 4), 0x6)
            qt.writeq(MMIO + 0x80, 0x80001000)
            qt.writeq(MMIO + 0x88, 0x40000)
            qt.writeq(MMIO + 0x98, 1)
            qt.clock_step(200000000)
            qt.writeq(MMIO + 0x80, 0x40000)
            qt.writeq(MMIO + 0x88, 0x80002000)
            qt.writeq(MMIO + 0x98, 1 | 2 | 4)
            self.assertEqual(qt.readq(MMIO + 0x98), 7)
            self.assertFalse(qt.get_irq(33))
            qt.clock_step(200000000)
            self.assertEqual(qt.readq(MMIO + 0x98), 6)
            self.assertEqual(qt.memread(0x80002000, 8), b'qomu-pci')
            self.assertEqual(qt.readl(MMIO + 0x24), 0x100)
            self.assertTrue(qt.get_irq(33))


class CommandLine(unittest.TestCase):

    def error(self, *args):
        rc, out = run('-M', 'virt', '-bios', 'none', '-display', 'none',
                      *args)
        self.assertEqual(rc, 1, out)
        self.assertEqual(len(out.splitlines()), 1, out)
        return out.strip()

    def test_occupied_slot(self):
        out = self.error('-device', 'edu,id=e1,addr=03.0',
                         '-device', 'pci-testdev,addr=03.0')
        self.assertEqual(
            out, "qomu-system-riscv64: -device pci-testdev,addr=03.0: PCI "
            "address 03.0 on bus 'pcie.0' is already in use by device 'e1' "
            "(type 'edu'); free slots: 01-02, 04-1f")

    def test_bad_addr(self):
        for addr in ['zz', '20.0', '03.8', '3.0x', '-1.0', '3.', '']:
            out = self.error('-device', 'edu,addr=' + addr)
            self.assertIn("property 'addr' expects a PCI address SLOT.FN "
                          "in hex", out)
            self.assertIn("not '%s'" % addr, out)

    def test_wrong_bus(self):
        out = self.error('-device', 'edu,bus=main-system-bus')
        self.assertIn("device type 'edu' cannot go on bus 'main-system-bus' "
                      "(type System): it needs a bus of type PCI; buses that "
                      "fit: pcie.0", out)
        out = self.error('-device', 'edu,bus=pcie.1')
        self.assertIn("Bus 'pcie.1' not found", out)

    def test_not_user_creatable(self):
        out = self.error('-device', 'gpex-root')
        self.assertIn('it is part of the PCIe host', out)

    def test_multifunction(self):
        out = self.error('-device', 'edu,addr=05.0',
                         '-device', 'edu,addr=05.1')
        self.assertIn('single-function device edu at 05.0 cannot have '
                      'function 1', out)

    def test_no_pci_bus(self):
        self.assertGreater(len(ARGS), 1, 'give a spike ELF as 2nd argument')
        rc, out = run('-M', 'spike', '-bios', 'none', '-kernel', ARGS[1],
                      '-display', 'none', '-device', 'edu')
        self.assertEqual(rc, 1, out)
        self.assertEqual(out.strip(),
                         "qomu-system-riscv64: -device edu: no bus of type "
                         "PCI for device type 'edu' (this machine has none)")


class Monitor(unittest.TestCase):

    def hmp(self, m, cmd):
        start = len(m.output)
        m.send(cmd + '\n')
        m.expect(r'\(qemu\) ', 10)
        return m.output[start:m.pos]

    def test_hotplug_and_trees(self):
        with Machine('-M', 'virt', '-bios', LOOP_FW, '-device',
                     'edu,id=e1', '-device', 'pci-serial,id=ps,chardev=c0',
                     '-chardev', 'null,id=c0', timeout=30) as m:
            m.send('\x01c')
            m.expect(r'\(qemu\) ', 10)
            qtree = self.hmp(m, 'info qtree')
            self.assertIn('dev: gpex-pcihost, id ""', qtree)
            self.assertIn('bus: pcie.0', qtree)
            self.assertIn('class Host bridge, addr 00:00.0, pci id 1b36:0008',
                          qtree)
            self.assertIn('dev: edu, id "e1"', qtree)
            self.assertIn('class Class 00ff, addr 00:01.0, pci id 1234:11e8 '
                          '(sub 1af4:1100)', qtree)
            self.assertIn('bar 0: mem at 0xffffffffffffffff [0xffffe]',
                          qtree)
            self.assertIn('class Serial port, addr 00:02.0, pci id '
                          '1b36:0002', qtree)
            self.assertIn('bar 0: i/o at', qtree)
            qom = self.hmp(m, 'info qom-tree')
            self.assertIn('/pcie (gpex-pcihost)', qom)
            self.assertIn('/gpex-root (gpex-root)', qom)
            self.assertIn('/pcie.0 (PCIE)', qom)
            self.assertIn('/e1 (edu)', qom)
            self.assertIn('/ps (pci-serial)', qom)
            self.assertIn('/serial (serial)', qom)
            # Hot-plug: a new function in slot 7, then gone.
            self.assertNotIn('Error',
                             self.hmp(m, 'device_add edu,id=hot,addr=07.0'))
            self.assertIn('addr 00:07.0, pci id 1234:11e8',
                          self.hmp(m, 'info qtree'))
            self.assertIn('/hot (edu)', self.hmp(m, 'info qom-tree '
                                                    '/machine/peripheral'))
            out = self.hmp(m, 'device_add edu,addr=07.0')
            self.assertIn("PCI address 07.0 on bus 'pcie.0' is already in "
                          "use by device 'hot'", out)
            self.hmp(m, 'device_del hot')
            self.assertNotIn('00:07.0', self.hmp(m, 'info qtree'))
            self.assertNotIn('/hot', self.hmp(m, 'info qom-tree '
                                                 '/machine/peripheral'))
            info = self.hmp(m, 'info pci').replace('\r', '')
            self.assertIn('  Bus  0, device   0, function 0:\n'
                          '    Host bridge: PCI device 1b36:0008\n', info)
            self.assertIn('    Serial port: PCI device 1b36:0002\n'
                          '      PCI subsystem 1af4:1100\n'
                          '      IRQ 0, pin A\n'
                          '      BAR0: I/O at 0xffffffffffffffff '
                          '[0x0006].\n'
                          '      id "ps"\n', info)
            m.send('quit\n')
            self.assertEqual(m.wait(10), 0)


class UBoot(unittest.TestCase):

    def command(self, m, cmd):
        m.send(cmd + '\n')
        start = m.pos
        m.expect(r'=> ', 20)
        return m.output[start:m.pos]

    def test_pci_enum(self):
        require_files(self, FW_JUMP, UBOOT_SMODE)
        with Machine('-M', 'virt', '-bios', FW_JUMP, '-kernel', UBOOT_SMODE,
                     '-device', 'edu', '-device', 'pci-testdev',
                     timeout=150) as m:
            m.expect(r'Hit any key to stop autoboot', 90)
            m.send(' ')
            m.expect(r'=> ', 20)
            self.command(m, 'pci enum')
            out = self.command(m, 'pci')
            self.assertRegex(out, r'00\.00\.00\s+0x1b36\s+0x0008\s+Bridge '
                                  r'device\s+0x00')
            self.assertRegex(out, r'00\.01\.00\s+0x1234\s+0x11e8\s+')
            self.assertRegex(out, r'00\.02\.00\s+0x1b36\s+0x0005\s+')
            hdr = self.command(m, 'pci header 00.01.00')
            self.assertRegex(hdr, r'vendor ID =\s+0x1234')
            self.assertRegex(hdr, r'device ID =\s+0x11e8')
            self.assertRegex(hdr, r'base address 0 =\s+0x40000000')
            self.assertRegex(hdr, r'interrupt pin =\s+0x01')
            hdr = self.command(m, 'pci header 00.02.00')
            self.assertRegex(hdr, r'base address 0 =\s+0x40100000')
            self.assertRegex(hdr, r'base address 1 =\s+0x00001001')
            self.assertRegex(hdr, r'command register ID =\s+0x0007')
            # The monitor sees U-Boot's assignment; a device added now
            # shows up at U-Boot's next scan.
            m.send('\x01c')
            m.expect(r'\(qemu\) ', 10)
            start = m.pos
            m.send('info pci\n')
            m.expect(r'\(qemu\) ', 10)
            info = m.output[start:m.pos]
            self.assertIn('  Bus  0, device   1, function 0:\n'
                          '    Class 00ff: PCI device 1234:11e8\n'
                          '      PCI subsystem 1af4:1100\n'
                          '      IRQ 0, pin A\n'
                          '      BAR0: 32 bit memory at 0x40000000 '
                          '[0x400fffff].\n', info.replace('\r', ''))
            self.assertIn('BAR1: I/O at 0x1000 [0x10ff].',
                          info.replace('\r', ''))
            m.send('device_add edu,id=late,addr=05.0\n')
            m.expect(r'\(qemu\) ', 10)
            m.send('\x01c')
            self.command(m, '')
            # U-Boot's driver model keeps its first scan; the guest's own
            # configuration read (ECAM of 00:05.0) finds the new function.
            out = self.command(m, 'md.l 0x30028000 4')
            self.assertRegex(out, r'30028000: 11e81234 00000000 00ff0010')
            out = self.command(m, 'md.l 0x30030000 1')
            self.assertRegex(out, r'30030000: ffffffff')
            tree = self.command(m, 'dm tree')
            self.assertRegex(tree, r'pci\s+0\s+\[ \+ \]\s+pci_generic_ecam\s+'
                                   r'\|\s+\|-- pci@30000000')
            for fn in ('0.0', '1.0', '2.0'):
                self.assertRegex(tree, r'pci_generic_drv\s+.*pci_0:' +
                                 fn.replace('.', r'\.'))
            # A system reset puts the BARs back (unassigned, no decode).
            m.send('\x01c')
            m.expect(r'\(qemu\) ', 10)
            for cmd in ('stop', 'system_reset'):
                m.send(cmd + '\n')
                m.expect(r'\(qemu\) ', 10)
            start = m.pos
            m.send('info pci\n')
            m.expect(r'\(qemu\) ', 10)
            self.assertIn('BAR0: 32 bit memory at 0xffffffffffffffff '
                          '[0x000ffffe].', m.output[start:m.pos])


if __name__ == '__main__':
    main()

# SPDX-License-Identifier: GPL-2.0-or-later
"""The virt board without third-party firmware: the project's test
programs (tests/firmware, virt variants) with -bios none -kernel, a raw
image and its exit code through the finisher, the reset via 0x7777 and
from the monitor, the composition tree, and the command-line errors.

Usage: test_virt.py QOMU_BIN RV64I_ALU_ELF INTERRUPTS_ELF RESET_ELF SMP_ELF
                    PLIC_UART_ELF
"""
import os
import re
import struct
import subprocess
import tempfile
import unittest

from qomu_test import ARGS, FW_DYNAMIC, Machine, main, qomu_bin, require_files

# A raw RV64 image for 0x80000000: 'Q' to the UART, then the finisher's
# FAIL with code 42 (0x3333 | 42 << 16), then a loop.
RAW_EXIT42 = [
    0x100002b7,  # lui  t0, 0x10000        uart0
    0x05100313,  # li   t1, 'Q'
    0x00628023,  # sb   t1, 0(t0)
    0x001002b7,  # lui  t0, 0x100          sifive_test
    0x002a3337,  # lui  t1, 0x2a3
    0x33330313,  # addi t1, t1, 0x333      0x2a3333
    0x0062a023,  # sw   t1, 0(t0)
    0x0000006f,  # j    .
]


def run_err(*args):
    """(status, stdout, stderr) of a run expected to stop at once."""
    p = subprocess.run([qomu_bin(), '-M', 'virt', '-nographic'] + list(args),
                       stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=30)
    return p.returncode, p.stdout.decode(), p.stderr.decode()


class Virt(unittest.TestCase):

    def firmware(self, elf, *extra):
        with Machine('-M', 'virt', '-bios', 'none', '-kernel', elf, *extra,
                     timeout=60) as m:
            name = os.path.basename(elf)[:-len('-virt.elf')]
            m.expect(r'%s: PASS \(\d+ checks\)' % re.escape(name), 50)
            self.assertEqual(m.wait(10), 0)
            return m.output

    def test_firmware_alu(self):
        self.firmware(ARGS[1])

    def test_firmware_timer_interrupts(self):
        self.firmware(ARGS[2])

    def test_firmware_reset_boots_again(self):
        out = self.firmware(ARGS[3])
        self.assertIn('reset: boot 1', out)
        self.assertIn('reset: boot 2', out)
        self.assertNotIn('reset: boot 3', out)

    def test_firmware_smp(self):
        self.firmware(ARGS[4], '-smp', '2')

    def test_firmware_uart_irq_through_plic(self):
        self.firmware(ARGS[5])

    def test_raw_image_exit_code(self):
        with tempfile.TemporaryDirectory() as tmp:
            raw = os.path.join(tmp, 'exit42.bin')
            with open(raw, 'wb') as f:
                f.write(struct.pack('<%dI' % len(RAW_EXIT42), *RAW_EXIT42))
            with Machine('-M', 'virt', '-bios', 'none', '-kernel', raw,
                         timeout=30) as m:
                m.expect('Q')
                self.assertEqual(m.wait(20), 42)

    def test_monitor_reset_and_tree(self):
        require_files(self, FW_DYNAMIC)
        with Machine('-M', 'virt', '-smp', '2', timeout=60) as m:
            m.expect(r'Platform Name             : riscv-virtio,qemu')
            m.expect(r'Boot HART MEDELEG')
            m.send('\x01c')
            m.expect(r'\(qemu\) ')
            m.send('info qom-tree\n')
            start = m.pos
            m.expect(r'\(qemu\) ')
            tree = m.output[start:m.pos]
            for path in (r'^/machine \(virt-machine\)',
                         r'^  /ram \(memory-region\)',
                         r'^  /soc \(container\)',
                         r'^    /clint-mtimer \(riscv\.aclint\.mtimer\)',
                         r'^    /clint-swi \(riscv\.aclint\.swi\)',
                         r'^    /harts\[0\] \(rv64-riscv-cpu\)',
                         r'^    /harts\[1\] \(rv64-riscv-cpu\)',
                         r'^    /mrom \(memory-region\)',
                         r'^    /plic \(riscv\.sifive\.plic\)',
                         r'^    /rtc \(goldfish_rtc\)',
                         r'^    /test \(riscv\.sifive\.test\)',
                         r'^    /uart0 \(ns16550a\)',
                         r'^      /serial \(serial\)'):
                self.assertRegex(tree, re.compile(path, re.M))
            self.assertNotIn('unattached', tree)
            # A reset from the monitor boots the firmware again.
            m.send('system_reset\n')
            m.expect(r'\(qemu\) ')
            m.send('\x01c')
            m.expect(r'OpenSBI v1\.\d+', 20)
            m.expect(r'Platform Name             : riscv-virtio,qemu')
            self.assertEqual(m.quit(), 0)

    def test_errors(self):
        with tempfile.TemporaryDirectory() as tmp:
            big = os.path.join(tmp, 'big.bin')
            with open(big, 'wb') as f:
                f.truncate(20 * 1024 * 1024)
            cases = [
                (['-bios', '/nonexistent/fw.bin'],
                 r"-bios /nonexistent/fw.bin: firmware '/nonexistent/fw.bin' "
                 r"not found"),
                (['-bios', 'nosuch.bin'],
                 r"-bios nosuch.bin: firmware 'nosuch.bin' not found \(tried "
                 r"nosuch.bin, .*/usr/lib/riscv64-linux-gnu/opensbi/generic/"
                 r"nosuch.bin.*\)"),
                (['-kernel', '/nonexistent'],
                 r'-kernel /nonexistent: cannot open: No such file'),
                (['-m', '16M', '-bios', 'none', '-kernel', big],
                 r'-kernel .*big.bin: image of 20971520 bytes does not fit '
                 r'in RAM at 0x80000000 \(RAM ends at 0x81000000'),
                (['-initrd', big], r'-initrd .*: an initrd needs a kernel'),
                (['-smp', '9'], r"machine 'virt' supports 1 to 8 CPUs, got 9"),
                (['-dtb', big], r'-dtb .*: not a flattened device tree'),
                (['-device', 'ns16550a'],
                 r"-device ns16550a: device type 'ns16550a' cannot be created "
                 r"with -device.*"
                 r"uart0 at 0x10000000"),
            ]
            for args, msg in cases:
                with self.subTest(args=args):
                    rc, out, err = run_err(*args)
                    self.assertEqual(rc, 1)
                    self.assertRegex(err, r'^qomu-system-riscv64: ' + msg)
                    self.assertEqual(err.count('\n'), 1, err)
                    self.assertNotIn('OpenSBI', out)


if __name__ == '__main__':
    main()

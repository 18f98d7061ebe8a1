# SPDX-License-Identifier: GPL-2.0-or-later
"""U-Boot from Debian's u-boot-qemu package on -M virt:
- S-mode U-Boot (qemu-riscv64_smode) as -kernel after OpenSBI fw_jump:
  stop autoboot, run version, dm tree, fdt print /soc, coninfo, and a
  `reset` that goes through OpenSBI's SRST to the finisher (0x7777) and
  boots OpenSBI and U-Boot again;
- S-mode U-Boot as -kernel after the default fw_dynamic, -smp 4: every
  hart in `cpu list`;
- M-mode U-Boot (qemu-riscv64) as -bios: reaches the prompt.

Usage: test_uboot.py QOMU_BIN
"""
import unittest

from qomu_test import (FW_JUMP, UBOOT_MMODE, UBOOT_SMODE, Machine, main,
                       require_files)

PROMPT = r'=> '


def command(m, cmd, timeout=20):
    """Type @cmd at the prompt; returns what it printed."""
    m.send(cmd + '\n')
    start = m.pos
    m.expect(PROMPT, timeout)
    return m.output[start:m.pos]


def stop_autoboot(m):
    m.expect(r'Hit any key to stop autoboot', 60)
    m.send(' ')
    m.expect(PROMPT, 20)


class UBoot(unittest.TestCase):

    def test_smode_after_opensbi(self):
        require_files(self, FW_JUMP, UBOOT_SMODE)
        with Machine('-M', 'virt', '-bios', FW_JUMP, '-kernel', UBOOT_SMODE,
                     timeout=150) as m:
            m.expect(r'OpenSBI v1\.\d+')
            m.expect(r'Domain0 Next Address      : 0x0000000080200000')
            m.expect(r'U-Boot 2\d{3}\.\d\d')
            m.expect(r'CPU:   rv64imac_zicsr_zifencei')
            m.expect(r'Model: riscv-virtio,qemu')
            m.expect(r'DRAM:  128 MiB')
            m.expect(r'In:    serial@10000000')
            m.expect(r'Out:   serial@10000000')
            stop_autoboot(m)

            out = command(m, 'version')
            self.assertRegex(out, r'U-Boot 2\d{3}\.\d\d')

            # 200 characters typed at once: the UART's FIFO backpressure
            # keeps every one (U-Boot echoes the line, then prints it).
            text = ''.join(chr(ord('a') + i % 26) for i in range(200))
            out = command(m, 'echo ' + text)
            self.assertEqual(out.count(text), 2, out)

            out = command(m, 'dm tree')
            self.assertRegex(out, r'root\s+0\s+\[ \+ \]\s+root_driver')
            self.assertRegex(out, r'simple_bus\s+0\s+\[ \+ \]\s+simple_bus\s+'
                             r'\|-- soc')
            self.assertRegex(out, r'serial\s+0\s+\[ \+ \]\s+ns16550_serial'
                             r'\s+\|\s+\|-- serial@10000000')
            self.assertRegex(out, r'syscon\s+0\s+\[   \]\s+syscon\s+'
                             r'.*test@100000')
            self.assertRegex(out, r'cpu\s+0\s+\[ \+ \]\s+riscv_cpu\s+.*cpu@0')
            self.assertRegex(out, r'timer\s+0\s+\[ \+ \]\s+riscv_timer')
            self.assertRegex(out, r'sysreset\s+\d\s+\[   \]\s+'
                             r'syscon_reboot\s+\|-- reboot')

            out = command(m, 'fdt addr $fdtcontroladdr; fdt print /soc')
            for node in (r'clint@2000000 \{', r'plic@c000000 \{',
                         r'serial@10000000 \{', r'test@100000 \{',
                         r'rtc@101000 \{'):
                self.assertRegex(out, node)
            self.assertRegex(out, r'compatible = "ns16550a";')
            self.assertRegex(out, r'compatible = "sifive,plic-1\.0\.0", '
                             r'"riscv,plic0";')
            self.assertRegex(out, r'compatible = "sifive,test1", '
                             r'"sifive,test0", "syscon";')
            self.assertRegex(out, r'compatible = "google,goldfish-rtc";')
            self.assertRegex(out, r'riscv,ndev = <0x0000005f>;')
            # 0x00384000 (3.6864 MHz); fdt print takes the bytes 00 38 40 00
            # for two strings, as it does on QEMU.
            self.assertRegex(out, r'clock-frequency = "", "8@";')

            out = command(m, 'coninfo')
            self.assertRegex(out, r'List of available devices')
            self.assertRegex(out, r'serial@10000000\s+0{7}7\s+IO\s+'
                             r'stdin stdout stderr')

            # SBI SRST -> OpenSBI's sifive_test reboot (0x7777) -> reset.
            m.send('reset\n')
            m.expect(r'resetting \.\.\.', 20)
            m.expect(r'OpenSBI v1\.\d+', 30)
            m.expect(r'U-Boot 2\d{3}\.\d\d', 60)
            stop_autoboot(m)
            self.assertEqual(m.quit(), 0)

    def test_smode_fw_dynamic_smp4(self):
        # The default firmware (fw_dynamic) jumps to -kernel's address from
        # the fw_dynamic info; U-Boot sees every hart of the device tree.
        require_files(self, UBOOT_SMODE)
        with Machine('-M', 'virt', '-smp', '4', '-kernel', UBOOT_SMODE,
                     timeout=90) as m:
            m.expect(r'Platform HART Count       : 4')
            m.expect(r'Domain0 Next Address      : 0x0000000080200000')
            m.expect(r'U-Boot 2\d{3}\.\d\d')
            stop_autoboot(m)
            out = command(m, 'cpu list')
            for i in range(4):
                self.assertRegex(out, r'%d: cpu@%d\s+rv64imac_zicsr_zifencei'
                                 % (i, i))
            self.assertEqual(m.quit(), 0)

    def test_mmode_as_bios(self):
        require_files(self, UBOOT_MMODE)
        with Machine('-M', 'virt', '-bios', UBOOT_MMODE, timeout=90) as m:
            m.expect(r'U-Boot 2\d{3}\.\d\d')
            m.expect(r'Model: riscv-virtio,qemu')
            stop_autoboot(m)
            out = command(m, 'version')
            self.assertRegex(out, r'U-Boot 2\d{3}\.\d\d')
            self.assertEqual(m.quit(), 0)


if __name__ == '__main__':
    main()

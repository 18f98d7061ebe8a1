# SPDX-License-Identifier: GPL-2.0-or-later
"""OpenSBI from Debian's opensbi package (1.1) on -M virt, with no payload:
the banner and the platform lines as QEMU 7.2 prints them for the same
firmware, and every hart with -smp 2 / -smp 4.

Usage: test_opensbi.py QOMU_BIN
"""
import re
import unittest

from qomu_test import FW_DYNAMIC, FW_JUMP, Machine, main, require_files

# What QEMU 7.2 prints with this OpenSBI (the CPU-dependent lines, ISA,
# MHPM and delegation, are left out: qomu's hart is RV64IMAC).
PLATFORM_LINES = [
    r'Platform Name             : riscv-virtio,qemu\r?\n',
    r'Platform Features         : medeleg\r?\n',
    r'Platform IPI Device       : aclint-mswi\r?\n',
    r'Platform Timer Device     : aclint-mtimer @ 10000000Hz\r?\n',
    r'Platform Console Device   : uart8250\r?\n',
    r'Platform HSM Device       : ---\r?\n',
    r'Platform Reboot Device    : sifive_test\r?\n',
    r'Platform Shutdown Device  : sifive_test\r?\n',
    r'Firmware Base             : 0x80000000\r?\n',
]


class OpenSBI(unittest.TestCase):

    def boot(self, bios, harts, next_addr, next_arg1):
        require_files(self, bios)
        args = ['-M', 'virt', '-bios', bios]
        if bios == FW_DYNAMIC:
            args = ['-M', 'virt']      # -bios default is fw_dynamic.bin
        if harts > 1:
            args += ['-smp', str(harts)]
        with Machine(*args, timeout=60) as m:
            m.expect(r'OpenSBI v1\.\d+')
            m.expect(r'\|_____/\|____/_____\|')
            start = m.pos
            m.expect(r'Platform HART Count       : %d\r?\n' % harts)
            for line in PLATFORM_LINES:
                m.pos = start
                m.expect(line)
            harts_list = ','.join('%d*' % i for i in range(harts))
            m.expect(r'Domain0 HARTs             : %s\r?\n'
                     % re.escape(harts_list))
            m.expect(r'Domain0 Region00          : '
                     r'0x0000000002000000-0x000000000200ffff \(I\)')
            m.expect(r'Domain0 Next Address      : %s\r?\n' % next_addr)
            m.expect(r'Domain0 Next Arg1         : %s\r?\n' % next_arg1)
            m.expect(r'Domain0 Next Mode         : S-mode')
            m.expect(r'Domain0 SysReset          : yes')
            m.expect(r'Boot HART ID              : (\d+)')
            m.expect(r'Boot HART Base ISA        : rv64imac')
            m.expect(r'Boot HART MEDELEG         : 0x[0-9a-f]+')

    def test_fw_dynamic_default(self):
        # No kernel: QEMU passes next address 0; the FDT sits at the top
        # of the 128 MiB of RAM, 2 MiB aligned.
        self.boot(FW_DYNAMIC, 1, '0x0000000000000000', '0x0000000087e00000')

    def test_fw_jump(self):
        # fw_jump's own compiled-in addresses.
        self.boot(FW_JUMP, 1, '0x0000000080200000', '0x0000000082200000')

    def test_smp2(self):
        self.boot(FW_DYNAMIC, 2, '0x0000000000000000', '0x0000000087e00000')

    def test_smp4(self):
        self.boot(FW_JUMP, 4, '0x0000000080200000', '0x0000000082200000')


if __name__ == '__main__':
    main()

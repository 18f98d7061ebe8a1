# SPDX-License-Identifier: GPL-2.0-or-later
"""The virt board's device tree: -machine dumpdtb=FILE writes it and exits
0; dtc reads it without a warning; its /soc nodes are exactly the board's
device table (virt_devices[] and virt_memmap[] in hw/riscv/virt.c); the
cpus, memory, chosen (bootargs, initrd) and syscon nodes are there; and
-dtb FILE replaces it (OpenSBI prints the user's model).

Usage: test_virt_dtb.py QOMU_BIN HW_RISCV_VIRT_C
"""
import os
import re
import subprocess
import tempfile
import unittest

from qomu_test import (ARGS, FW_DYNAMIC, UBOOT_SMODE, Machine, main,
                       require_files, run)


def board_table():
    """The /soc node names the board's table says: "serial@10000000"..."""
    with open(ARGS[1]) as f:
        src = f.read()
    memmap = {m.group(1): int(m.group(2), 16) for m in re.finditer(
        r'\[(VIRT_\w+)\]\s*=\s*\{\s*(0x[0-9a-f]+),', src)}
    table = src[src.index('virt_devices[] = {'):]
    table = table[:table.index('};')]
    nodes = set()
    for m in re.finditer(r'\{\s*"[\w-]+",\s*"([\w-]+)",\s*(VIRT_\w+),',
                         table):
        nodes.add('%s@%x' % (m.group(1), memmap[m.group(2)]))
    # The PCIe host is created by PCI's gpex_virt_init() beside the table,
    # at the ECAM window.
    if 'gpex_virt_init(' in src:
        nodes.add('pci@%x' % memmap['VIRT_PCIE_ECAM'])
    return nodes


def dts(path):
    p = subprocess.run(['dtc', '-I', 'dtb', '-O', 'dts', path],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=30)
    return p.returncode, p.stdout.decode(), p.stderr.decode()


def children(text, path):
    """Names of the direct child nodes of @path ("/" or "/soc") in dts
    @text, by indentation."""
    depth = 0 if path == '/' else path.count('/')
    lines = text.splitlines()
    if path != '/':
        name = path.rsplit('/', 1)[1]
        start = next(i for i, l in enumerate(lines)
                     if l.strip() == name + ' {'
                     and l.startswith('\t' * depth)
                     and not l.startswith('\t' * (depth + 1)))
        lines = lines[start + 1:]
    out = []
    for l in lines:
        if l.startswith('\t' * depth + '};') and path != '/':
            break
        m = re.match(r'^\t{%d}([\w,@.-]+) \{$' % (depth + 1), l)
        if m:
            out.append(m.group(1))
    return out


class VirtDtb(unittest.TestCase):

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.tmp.cleanup()

    def dump(self, *args):
        path = os.path.join(self.tmp.name, 'virt.dtb')
        rc, out = run('-M', 'virt,dumpdtb=' + path, '-nographic', *args)
        self.assertEqual(rc, 0, out)
        self.assertNotIn('OpenSBI', out)
        rc, text, err = dts(path)
        self.assertEqual(rc, 0, err)
        self.assertEqual(err, '', 'dtc warns about the tree')
        return path, text

    def test_nodes_match_device_table(self):
        path, text = self.dump('-smp', '3', '-append', 'console=ttyS0 quiet')
        expected = board_table()
        self.assertGreaterEqual(len(expected), 5)
        self.assertEqual(set(children(text, '/soc')), expected)
        self.assertEqual(sorted(children(text, '/')),
                         ['chosen', 'cpus', 'memory@80000000', 'poweroff',
                          'reboot', 'soc'])
        self.assertEqual(children(text, '/cpus'),
                         ['cpu@0', 'cpu@1', 'cpu@2', 'cpu-map'])
        self.assertIn('model = "riscv-virtio,qemu";', text)
        self.assertIn('riscv,isa = "rv64imac_zicsr_zifencei";', text)
        self.assertIn('mmu-type = "riscv,sv48";', text)
        self.assertIn('compatible = "riscv,cpu-intc";', text)
        self.assertIn('reg = <0x00 0x80000000 0x00 0x8000000>;', text)
        self.assertIn('bootargs = "console=ttyS0 quiet";', text)
        self.assertIn('stdout-path = "/soc/serial@10000000";', text)
        self.assertIn('compatible = "sifive,clint0\\0riscv,clint0";', text)
        self.assertIn('compatible = "sifive,test1\\0sifive,test0\\0syscon";',
                      text)
        self.assertIn('compatible = "syscon-poweroff";', text)
        self.assertIn('value = <0x5555>;', text)
        self.assertIn('compatible = "syscon-reboot";', text)
        self.assertIn('value = <0x7777>;', text)
        self.assertIn('riscv,ndev = <0x5f>;', text)
        self.assertIn('interrupts = <0x0a>;', text)
        self.assertIn('interrupts = <0x0b>;', text)
        # Three harts: M and S external interrupts of each in the PLIC.
        plic = re.search(r'plic@c000000 \{.*?interrupts-extended = <([^>]*)>',
                         text, re.S).group(1).split()
        self.assertEqual(len(plic), 12)
        self.assertEqual(plic[1::2], ['0x0b', '0x09'] * 3)
        clint = re.search(r'clint@2000000 \{.*?interrupts-extended = '
                          r'<([^>]*)>', text, re.S).group(1).split()
        self.assertEqual(clint[1::2], ['0x03', '0x07'] * 3)

    def test_initrd_in_chosen(self):
        require_files(self, UBOOT_SMODE)
        initrd = os.path.join(self.tmp.name, 'initrd')
        with open(initrd, 'wb') as f:
            f.write(b'\x5a' * 5000)
        path, text = self.dump('-kernel', UBOOT_SMODE, '-initrd', initrd)
        # Kernel at 0x80200000 after OpenSBI, initrd 64 MiB (RAM / 2) on.
        self.assertIn('linux,initrd-start = <0x00 0x84200000>;', text)
        self.assertIn('linux,initrd-end = <0x00 0x84201388>;', text)

    def test_user_dtb(self):
        require_files(self, FW_DYNAMIC)
        path, text = self.dump()
        text = text.replace('model = "riscv-virtio,qemu";',
                            'model = "qomu-user-dtb";')
        mine = os.path.join(self.tmp.name, 'mine.dtb')
        subprocess.run(['dtc', '-I', 'dts', '-O', 'dtb', '-o', mine],
                       input=text.encode(), check=True, timeout=30,
                       stderr=subprocess.DEVNULL)
        with Machine('-M', 'virt', '-dtb', mine, timeout=30) as m:
            m.expect(r'Platform Name             : qomu-user-dtb')
            m.expect(r'Domain0 Next Arg1         : 0x0000000087e00000')
            self.assertEqual(m.quit(), 0)


if __name__ == '__main__':
    main()

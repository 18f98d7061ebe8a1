#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""test_qtest.py: the qtest protocol on the virt board, through qtest.py.

Usage: test_qtest.py QOMU_BINARY      (prints TAP)

Memory of every width, the virtual clock (clock_step / clock_set only:
the harts do not run), IRQ interception (ACLINT mtimer and mswi outputs,
PLIC input lines with set_irq_in), the sifive_test finisher's exit codes,
and FAIL answers to malformed commands.
"""

import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from qtest import QTest, QTestError  # noqa: E402

ACLINT_MSWI = 0x2000000
ACLINT_MTIMECMP = 0x2004000
ACLINT_MTIME = 0x2004000 + 0x7ff8
PLIC = 0xc000000
FINISHER = 0x100000
RAM = 0x80000000
NS_PER_TICK = 100       # the virt board's 10 MHz timebase

results = []


def check(name, ok, diag=''):
    results.append((name, bool(ok), diag))


def fails(qt, line):
    try:
        qt.cmd(line)
    except QTestError as e:
        return str(e) or 'FAIL'
    return None


def test_memory(binary):
    with QTest(binary, args=['-bios', 'none']) as qt:
        check('endianness', qt.cmd('endianness') == 'little')
        qt.writeq(RAM, 0x1122334455667788)
        check('readb/w/l/q of RAM',
              (qt.readb(RAM), qt.readw(RAM), qt.readl(RAM), qt.readq(RAM)) ==
              (0x88, 0x7788, 0x55667788, 0x1122334455667788))
        qt.writeb(RAM + 1, 0xaa)
        qt.writew(RAM + 2, 0xbbcc)
        qt.writel(RAM + 4, 0xdeadbeef)
        check('writeb/w/l', qt.readq(RAM) == 0xdeadbeefbbccaa88,
              hex(qt.readq(RAM)))
        qt.memwrite(RAM + 0x100, bytes(range(32)))
        check('write / read of a buffer',
              qt.memread(RAM + 0x100, 32) == bytes(range(32)))
        qt.cmd('memset 0x%x 16 0x5a' % (RAM + 0x200))
        b64 = qt.cmd('b64read 0x%x 4' % (RAM + 0x200))
        check('memset and b64read', b64 == 'WlpaWg==', b64)
        qt.cmd('b64write 0x%x 3 AQID' % (RAM + 0x300))
        check('b64write', qt.memread(RAM + 0x300, 3) == b'\x01\x02\x03')
        check('reset ROM is readable', qt.readl(0x1000) == 0x00000297,
              hex(qt.readl(0x1000)))
        bad = {}
        for line in ['nosuch', 'readl', 'readl 0x1000 5', 'readq zz',
                     'writel 0x80000000', 'read 0 99999999999',
                     'write 0x80000000 4 1234', 'write 0x80000000 2 0xzz',
                     'clock_step -1', 'clock_step x', 'clock_set',
                     'irq_intercept_out /nope', 'irq_intercept_in /machine',
                     'set_irq_in /machine/soc/plic unnamed 999 1',
                     'set_irq_in /machine/soc/plic', '%n%s' * 100,
                     'A' * 10000]:
            bad[line[:30]] = fails(qt, line)
        check('malformed commands answer FAIL',
              all(bad.values()), bad)
        check('and the protocol still answers', qt.readb(RAM) == 0x88)


def test_clock_and_mtimer(binary):
    with QTest(binary, args=['-bios', 'none']) as qt:
        t0 = qt.clock_step(0)
        check('virtual time starts at 0 and stands still', t0 == 0 and
              qt.clock_step(0) == 0)
        time.sleep(0.05)
        check('host time does not move the virtual clock',
              qt.readq(ACLINT_MTIME) == 0)
        qt.irq_intercept_out('/machine/soc/clint-mtimer')
        qt.writeq(ACLINT_MTIMECMP, 1000)
        check('mtimer: mtimecmp in the future, no interrupt',
              not qt.get_irq(0))
        now = qt.clock_step(1000 * NS_PER_TICK - 1)
        check('mtimer: one ns early, still no interrupt',
              not qt.get_irq(0) and now == 99999, now)
        now = qt.clock_step(1)
        check('mtimer: clock_step reaches mtimecmp: IRQ raise 0',
              qt.get_irq(0) and qt.irq_events == [('raise', 0)],
              qt.irq_events)
        check('mtime follows the virtual clock',
              qt.readq(ACLINT_MTIME) == 1000, qt.readq(ACLINT_MTIME))
        qt.writeq(ACLINT_MTIMECMP, 2000)
        check('mtimer: mtimecmp moved ahead: IRQ lower 0',
              qt.irq_events[-1] == ('lower', 0), qt.irq_events)
        now = qt.clock_step()
        check('clock_step with no argument goes to the next deadline',
              now == 2000 * NS_PER_TICK and qt.get_irq(0), now)
        now = qt.clock_set(10 ** 9)
        check('clock_set', now == 10 ** 9 and
              qt.readq(ACLINT_MTIME) == 10 ** 7, now)


def test_mswi_and_plic(binary):
    with QTest(binary, args=['-bios', 'none']) as qt:
        qt.irq_intercept_out('/machine/soc/clint-swi')
        qt.writel(ACLINT_MSWI, 1)
        check('mswi: msip = 1 raises the line', qt.get_irq(0))
        qt.writel(ACLINT_MSWI, 0)
        check('mswi: msip = 0 lowers it', not qt.get_irq(0) and
              qt.irq_events == [('raise', 0), ('lower', 0)], qt.irq_events)
        err = fails(qt, 'irq_intercept_out /machine/soc/plic')
        check('a second intercepted device is refused',
              err == 'Interception already enabled', err)
    with QTest(binary, args=['-bios', 'none']) as qt:
        qt.irq_intercept_out('/machine/soc/plic')
        qt.writel(PLIC + 4 * 10, 1)             # priority of source 10
        qt.writel(PLIC + 0x2000, 1 << 10)       # context 0 enables it
        qt.writel(PLIC + 0x200000, 0)           # threshold 0
        qt.set_irq_in('/machine/soc/plic', None, 10, 1)
        check('plic: set_irq_in on source 10 raises context 0',
              qt.get_irq(0) and not qt.get_irq(1), qt.irq_events)
        claim = qt.readl(PLIC + 0x200004)
        check('plic: claim returns 10 and lowers the line',
              claim == 10 and not qt.get_irq(0), (claim, qt.irq_events))


def test_intercept_in(binary):
    with QTest(binary, args=['-bios', 'none']) as qt:
        qt.irq_intercept_in('/machine/soc/harts[0]')
        qt.writeq(ACLINT_MTIMECMP, 10)
        qt.clock_step(10 * NS_PER_TICK)
        check('irq_intercept_in on the hart: the mtimer raises MTIP (7)',
              qt.irq_events == [('raise', 7)], qt.irq_events)
        qt.writel(ACLINT_MSWI, 1)
        check('... and the mswi raises MSIP (3)',
              qt.irq_events[-1] == ('raise', 3), qt.irq_events)
        qt.writel(ACLINT_MSWI, 0)
        check('... and lowers it', qt.irq_events[-1] == ('lower', 3) and
              qt.get_irq(7) and not qt.get_irq(3), qt.irq_events)


def test_finisher(binary):
    for value, want in [(0x5555, 0), (0x3333 | (3 << 16), 3),
                        (0x3333 | (42 << 16), 42)]:
        qt = QTest(binary, args=['-bios', 'none'])
        try:
            qt.writel(FINISHER, value)
        except QTestError:
            pass    # qomu may exit before it answers
        rc = qt.wait_exit()
        check('finisher: write 0x%x exits with status %d' % (value, want),
              rc == want, rc)
    with QTest(binary, args=['-bios', 'none']) as qt:
        qt.writel(PLIC + 4 * 10, 5)
        before = qt.readl(PLIC + 4 * 10)
        qt.writel(FINISHER, 0x7777)
        after = None
        for _ in range(100):    # the reset runs from the main loop
            after = qt.readl(PLIC + 4 * 10)
            if after == 0:
                break
            time.sleep(0.01)
        check('finisher: 0x7777 resets the devices (PLIC priority 5 -> 0) '
              'and qtest goes on', before == 5 and after == 0,
              (before, after))


def test_stdio(binary):
    proc = subprocess.run([binary, '-M', 'virt', '-bios', 'none', '-display',
                           'none', '-qtest', 'stdio'],
                          input=b'writel 0x80000000 0x12345678\n'
                                b'readl 0x80000000\nclock_step 10\n'
                                b'writel 0x100000 0x5555\n',
                          capture_output=True, timeout=20)
    check('-qtest stdio: answers on stdout, finisher exit',
          proc.returncode == 0 and proc.stdout.decode().splitlines()[:3] ==
          ['OK', 'OK 0x0000000012345678', 'OK 10'], proc.stdout)


def main():
    binary = sys.argv[1]
    start = time.time()
    for fn in (test_memory, test_clock_and_mtimer, test_mswi_and_plic,
               test_intercept_in, test_finisher, test_stdio):
        try:
            fn(binary)
        except Exception as e:
            check('%s ran to the end' % fn.__name__, False, repr(e))
    print('1..%d' % len(results))
    for i, (name, ok, diag) in enumerate(results, 1):
        print('%s %d - %s' % ('ok' if ok else 'not ok', i, name))
        if not ok:
            for line in str(diag).splitlines()[:20]:
                print('# ' + line)
    print('# %.1f s' % (time.time() - start))
    return 0 if all(ok for _, ok, _ in results) else 1


if __name__ == '__main__':
    sys.exit(main())

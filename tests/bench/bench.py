#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Runs the benchmark firmware on qemu-system-riscv64 and qomu and prints a
table: guest instructions, wall seconds, MIPS and peak resident memory for
each emulator, the qomu/QEMU speed ratio, and the start-up cost (a
firmware that exits at once).  qomu missing or failing is reported in the
table, never as a failure.  See docs/devel/benchmarks.md."""

import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time

KERNELS = ['alu', 'memcpy', 'calls', 'mix']
FLOOR = 0.15            # issue 6: qomu at least 0.15x QEMU on every kernel
QEMU_TIMEOUT = 60
QOMU_TIMEOUT = 180
STARTUP_RUNS = 5
LINE_RE = re.compile(r'bench (\w+): instret=(\d+) cycles=(\d+) result=(0x[0-9a-f]+)')


class Run:
    def __init__(self, rc, wall, rss_kb, out, timed_out):
        self.rc = rc
        self.wall = wall
        self.rss_kb = rss_kb
        self.out = out
        self.timed_out = timed_out
        m = LINE_RE.search(out)
        self.instret = int(m.group(2)) if m else None

    @property
    def ok(self):
        return self.rc == 0 and not self.timed_out


def run(cmd, timeout):
    """Runs cmd; returns its exit status, wall time and its own peak RSS
    (os.wait4 gives the rusage of exactly that child)."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    os.set_blocking(proc.stdout.fileno(), False)
    out = b''
    timed_out = False
    while True:
        chunk = proc.stdout.read()
        if chunk:
            out += chunk
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() - start > timeout:
            proc.send_signal(signal.SIGKILL)
            timed_out = True
        time.sleep(0.001)
    wall = time.monotonic() - start
    rest = proc.stdout.read()
    if rest:
        out += rest
    proc.returncode = os.waitstatus_to_exitcode(status)
    return Run(proc.returncode, wall, usage.ru_maxrss, out.decode(errors='replace'),
               timed_out)


def machine_cmd(emu, elf, extra=()):
    return [emu, '-M', 'virt', '-nographic', '-bios', 'none',
            '-kernel', elf] + list(extra)


def fmt_mips(insns, wall):
    if not insns or wall <= 0:
        return '-'
    return '%.1f' % (insns / wall / 1e6)


def main():
    build = sys.argv[1]
    bench_dir = os.path.join(build, 'tests', 'bench')
    elfs = {k: os.path.join(bench_dir, 'bench-%s.elf' % k)
            for k in KERNELS + ['exit']}
    missing = [e for e in elfs.values() if not os.path.isfile(e)]
    if missing:
        print('run-bench: benchmark firmware not built (%s); build with the '
              'firmware option enabled (riscv64-unknown-elf-gcc)'
              % ', '.join(missing), file=sys.stderr)
        return 1

    qemu = shutil.which('qemu-system-riscv64')
    qomu = os.path.join(build, 'qomu-system-riscv64')
    qomu_note = None
    if not (os.path.isfile(qomu) and os.access(qomu, os.X_OK)):
        qomu_note = 'not built'
        qomu = None
    else:
        probe = run(machine_cmd(qomu, elfs['exit']), 10)
        if not probe.ok:
            qomu_note = ('cannot run -M virt yet (exit status %s%s)'
                         % (probe.rc, ', timed out' if probe.timed_out else ''))
            qomu = None

    print('Benchmark firmware: %s' % bench_dir)
    print('QEMU: %s' % (qemu or 'not available (install qemu-system-misc)'))
    print('qomu: %s' % (qomu or 'not available: ' + qomu_note))
    print()

    rows = []
    failures = 0
    for k in KERNELS:
        row = {'kernel': k, 'insns': None, 'qemu': None, 'qomu': None,
               'note': ''}
        if qemu:
            # QEMU counts instructions in minstret only with -icount; that
            # run is slower, so it gives the count and a plain run the time.
            count = run(machine_cmd(qemu, elfs[k], ['-icount', 'shift=0']),
                        QEMU_TIMEOUT * 3)
            row['qemu'] = run(machine_cmd(qemu, elfs[k]), QEMU_TIMEOUT)
            if count.ok and row['qemu'].ok:
                row['insns'] = count.instret
            else:
                row['note'] += ' QEMU failed (status %s)' % row['qemu'].rc
                failures += 1
        if qomu:
            row['qomu'] = run(machine_cmd(qomu, elfs[k]), QOMU_TIMEOUT)
            r = row['qomu']
            if not r.ok:
                row['note'] += (' qomu failed (status %s%s)'
                                % (r.rc, ', timed out' if r.timed_out else ''))
            elif row['insns'] is None:
                row['insns'] = r.instret
            elif r.instret != row['insns']:
                row['note'] += (' qomu counted %s instructions'
                                % r.instret)
        rows.append(row)

    hdr = ('%-8s %13s | %8s %9s %8s | %8s %9s %8s | %9s'
           % ('kernel', 'guest insns', 'QEMU s', 'QEMU MIPS', 'QEMU MiB',
              'qomu s', 'qomu MIPS', 'qomu MiB', 'qomu/QEMU'))
    print(hdr)
    print('-' * len(hdr))
    for row in rows:
        cols = ['%-8s %13s' % (row['kernel'], row['insns'] or '-')]
        for emu in ('qemu', 'qomu'):
            r = row[emu]
            if r is None:
                name = 'QEMU' if emu == 'qemu' else 'qomu'
                cols.append('%-28s' % (name + ': not available'))
            elif not r.ok:
                cols.append('%-28s' % ('failed (status %s)' % r.rc))
            else:
                cols.append('%8.2f %9s %8.1f' % (r.wall,
                                                fmt_mips(row['insns'], r.wall),
                                                r.rss_kb / 1024))
        ratio = '-'
        if row['qemu'] and row['qomu'] and row['qemu'].ok and row['qomu'].ok:
            x = row['qemu'].wall / row['qomu'].wall
            ratio = '%.3fx%s' % (x, '' if x >= FLOOR else ' (<%.2f)' % FLOOR)
        cols.append('%9s' % ratio)
        print(' | '.join(cols) + row['note'])

    print()
    print('start-up: wall time of a firmware that exits at once '
          '(median of %d runs), peak RSS' % STARTUP_RUNS)
    for name, emu in (('QEMU', qemu), ('qomu', qomu)):
        if not emu:
            print('  %s: not available' % name)
            continue
        runs = [run(machine_cmd(emu, elfs['exit']), 20)
                for _ in range(STARTUP_RUNS)]
        if not all(r.ok for r in runs):
            print('  %s: failed (status %s)' % (name, [r.rc for r in runs]))
            continue
        print('  %s: %.3f s, %.1f MiB'
              % (name, statistics.median(r.wall for r in runs),
                 max(r.rss_kb for r in runs) / 1024))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())

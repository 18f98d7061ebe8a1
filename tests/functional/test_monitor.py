#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""test_monitor.py: the human monitor (HMP), end to end.

Usage: test_monitor.py QOMU_BINARY [--update-golden]

Prints TAP.  Starts qomu on the virt board with the monitor on a Unix
socket (and once on stdio, once muxed on a pty) and checks every command
and `info` subcommand on a stopped and a running machine, with valid and
garbage arguments; a QOM walk (qom-list + qom-get of every property of
every object under /machine); golden outputs of info qom-tree / qtree /
mtree (tests/functional/golden/; regenerate on purpose with
--update-golden, then review the diff); line editing, history and tab
completion; -monitor none; Ctrl-A c through the mux.
"""

import difflib
import os
import re
import select
import shutil
import socket
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
GOLDEN = os.path.join(HERE, 'golden')
# A guest that runs: a busy loop (addi t0, t0, 1; j .-4) as the firmware.
LOOP_FW = os.path.join(tempfile.mkdtemp(prefix='qomu-fw-'), 'loop.bin')
with open(LOOP_FW, 'wb') as _f:
    _f.write(bytes.fromhex('93821200' '6ff0dfff'))
BOARD = ['-M', 'virt', '-bios', LOOP_FW, '-display', 'none']
PROMPT = b'(qemu) '

results = []


def check(name, ok, diag=''):
    results.append((name, bool(ok), diag))
    return ok


class HMP:
    """qomu with its monitor on a Unix socket."""

    def __init__(self, binary, args=(), stopped=True, fw=None):
        self.tmp = tempfile.TemporaryDirectory(prefix='qomu-hmp-')
        path = os.path.join(self.tmp.name, 'mon.sock')
        self.log = open(os.path.join(self.tmp.name, 'log'), 'w+')
        board = BOARD if fw is None else \
            [fw if a == LOOP_FW else a for a in BOARD]
        cmd = [binary] + board + (['-S'] if stopped else []) + \
            ['-monitor', 'unix:%s,server,nowait' % path] + list(args)
        self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL,
                                     stdout=self.log, stderr=self.log)
        deadline = time.time() + 10
        while True:
            try:
                self.sock = socket.socket(socket.AF_UNIX)
                self.sock.connect(path)
                break
            except OSError:
                self.sock.close()
                if time.time() > deadline or self.proc.poll() is not None:
                    raise RuntimeError('no monitor socket: ' + self.output())
                time.sleep(0.02)
        self.sock.settimeout(20)
        self.banner = self.read_prompt()

    def output(self):
        self.log.flush()
        self.log.seek(0)
        return self.log.read()

    def read_prompt(self):
        buf = b''
        # A redraw also ends with the prompt; a finished command's does not.
        while not buf.endswith(b'\n' + PROMPT):
            data = self.sock.recv(1 << 20)
            if not data:
                raise RuntimeError('monitor closed: %r' % buf[-200:])
            buf += data
        return buf[:-len(PROMPT)].decode(errors='replace').replace('\r\n',
                                                                    '\n')

    def raw(self, data):
        """Send raw bytes; return what came back up to the next prompt."""
        self.sock.sendall(data)
        return self.read_prompt()

    def cmd(self, line):
        """Run one command; return its output without the echoed line."""
        text = self.raw(line.encode() + b'\n')
        return text.split('\n', 1)[1] if '\n' in text else ''

    def alive(self):
        return self.cmd('info version').strip() == version

    def quit(self):
        self.sock.sendall(b'quit\n')
        try:
            rc = self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            rc = self.proc.wait()
        self.sock.close()
        self.log.close()
        self.tmp.cleanup()
        return rc


# Arguments that work, for each command (None: not run with arguments here).
VALID = {
    'help': ['', 'info', 'qom-get', 'info mtree'],
    '?': ['x'],
    'info': [''],
    'qom-list': ['', '/machine', '/machine/soc/uart0'],
    'qom-get': ['/machine type', '/machine/soc/harts[0] mhartid'],
    'qom-set': ['/machine append "console=ttyS0 quiet"'],
    'device_del': ['hp1'],      # after device_add (help lists it first)
    'device_add': ['help', 'edu,help', 'edu,id=hp1'],
    'x': ['/4xw 0x1000', '/3i 0x1000', '0x1000', '/2c 0x1000',
          '/2dg 0x1000', '/5ub 0x1000', '/2oh 0x1000', '/1x $pc'],
    'xp': ['/4xw 0x1000', '/2i 0x1000', '/16xb 0x80000000'],
    'cpu': ['0'],
    'stop': [''],
    'cont': [''],
    'c': [''],
    'system_reset': [''],
}
INFO_VALID = {
    'mtree': ['', '-f', '-D', '-f -D'],
    'qom-tree': ['', '/machine/soc', '/'],
    'registers': ['', '-a'],
}
GARBAGE = ['/nope/nothing', '0xffffffffffffffffffffffff', '/zz',
           'A' * 3000, '%n%n%s%s%x%p', '$$ "" \\', '-999999999999999999999',
           'a b c d e f']
# Commands that take any words and still succeed (nothing to reject).
GARBAGE_OK = {'quit', 'q'}


def run_all_commands(binary, stopped):
    state = 'stopped' if stopped else 'running'
    mon = HMP(binary, stopped=stopped)
    status = mon.cmd('info status').strip()
    check('%s: info status at start' % state,
          status == ('VM status: paused (prelaunch)' if stopped
                     else 'VM status: running'), status)
    names = [l.split()[0] for l in mon.cmd('help').splitlines()]
    infos = [l.split()[1] for l in mon.cmd('info').splitlines()]
    check('%s: help lists the commands' % state,
          {'info', 'qom-get', 'x', 'quit', 'device_del'} <= set(names),
          names)
    check('%s: info lists its subcommands' % state,
          {'qom-tree', 'qtree', 'mtree', 'registers', 'cpus', 'roms', 'irq',
           'status', 'version', 'pci'} <= set(infos), infos)
    bad = []
    for name in names:
        if name in ('quit', 'q'):
            continue
        for args in VALID.get(name, ['']):
            out = mon.cmd(('%s %s' % (name, args)).strip())
            if 'Error:' in out:
                bad.append('%s %s: %s' % (name, args, out.strip()))
            if name in ('stop', 'system_reset') and not stopped:
                mon.cmd('cont')
            if name in ('cont', 'c') and stopped:
                mon.cmd('stop')
        for args in GARBAGE:
            out = mon.cmd('%s %s' % (name, args))
            if name not in GARBAGE_OK and not out.startswith('Error: '):
                bad.append('garbage %s %.40s: %r' % (name, args, out[:200]))
            if len(out.strip().splitlines()) != 1:
                bad.append('garbage %s %.40s: not one line: %r' %
                           (name, args, out[:200]))
            if not mon.alive():
                bad.append('dead after %s %.40s' % (name, args))
                break
    check('%s: every command with valid arguments, no error' % state,
          not [b for b in bad if not b.startswith('garbage')],
          '\n'.join(bad))
    check('%s: every command with garbage: one error line, still alive' %
          state, not [b for b in bad if b.startswith('garbage')],
          '\n'.join(bad))
    bad = []
    for name in infos:
        for args in INFO_VALID.get(name, ['']):
            out = mon.cmd(('info %s %s' % (name, args)).strip())
            if 'Error:' in out or not out.strip():
                bad.append('info %s %s: %r' % (name, args, out[:200]))
        for args in GARBAGE:
            out = mon.cmd('info %s %s' % (name, args))
            if not out.startswith('Error: ') or \
               len(out.strip().splitlines()) != 1:
                bad.append('garbage info %s %.40s: %r' % (name, args,
                                                          out[:200]))
            if not mon.alive():
                bad.append('dead after info %s' % name)
                break
    for line in ['', '   ', 'nosuchcommand', 'info nosuch', '"unterminated',
                 'A' * 4000, '%s%n', 'qom-get', 'qom-set /machine',
                 'x /99999999x 0', 'x /4x', 'xp 0x', 'device_add',
                 'device_add nosuchdevice,id=x', 'device_add ,,,',
                 'device_add riscv.sifive.test', 'device_del nosuch',
                 'device_del /machine/soc/uart0', 'qom-set /machine/soc/uart0'
                 ' regshift 99999999999999999999']:
        out = mon.cmd(line)
        if line.strip() and not out.startswith('Error: '):
            bad.append('%.40s: %r' % (line, out[:200]))
        if not mon.alive():
            bad.append('dead after %.40s' % line)
    check('%s: every info subcommand, valid and garbage' % state, not bad,
          '\n'.join(bad))
    value = mon.cmd('qom-get /machine append').strip()
    check('%s: qom-set then qom-get' % state,
          value == '"console=ttyS0 quiet"', value)
    status = mon.cmd('info status').strip()
    check('%s: info status' % state,
          status.startswith('VM status: paused') if stopped
          else status == 'VM status: running', status)
    rc = mon.quit()
    check('%s: quit exits with status 0' % state, rc == 0, rc)


def object_paths(tree):
    """Full paths from `info qom-tree` output (two spaces per level)."""
    paths, stack = [], []
    for line in tree.splitlines():
        m = re.match(r'^( *)/(\S*) \(', line)
        if not m:
            continue
        depth = len(m.group(1)) // 2
        stack[depth:] = [m.group(2)]
        paths.append('/' + '/'.join(stack))
    return paths


def qom_walk(binary):
    mon = HMP(binary)
    paths = object_paths(mon.cmd('info qom-tree'))
    check('qom walk: the tree has /machine and its SoC',
          '/machine' in paths and '/machine/soc' in paths, paths[:5])
    bad, props = [], 0
    for path in paths:
        listing = mon.cmd('qom-list %s' % path)
        for line in listing.splitlines():
            m = re.match(r'^(\S+) \((.*)\)$', line)
            if not m:
                bad.append('%s: odd qom-list line %r' % (path, line))
                continue
            props += 1
            out = mon.cmd('qom-get %s %s' % (path, m.group(1)))
            if not out.strip():
                bad.append('%s %s: empty' % (path, m.group(1)))
            elif out.startswith('Error:') and \
                    len(out.strip().splitlines()) != 1:
                bad.append('%s %s: unclear error %r' % (path, m.group(1),
                                                        out))
    check('qom walk: %d objects, %d properties: each a value or one '
          'error line' % (len(paths), props), not bad and props > 100,
          '\n'.join(bad[:20]))
    check('qom walk: monitor still answers', mon.alive())
    mon.quit()


def golden(binary, update):
    mon = HMP(binary)
    for name, cmd in [('info-qom-tree.txt', 'info qom-tree'),
                      ('info-qtree.txt', 'info qtree'),
                      ('info-mtree.txt', 'info mtree'),
                      ('info-mtree-f.txt', 'info mtree -f')]:
        out = mon.cmd(cmd)
        path = os.path.join(GOLDEN, name)
        if update:
            os.makedirs(GOLDEN, exist_ok=True)
            with open(path, 'w') as f:
                f.write(out)
        try:
            with open(path) as f:
                want = f.read()
        except OSError:
            want = None
        diff = ''.join(difflib.unified_diff(
            (want or '').splitlines(True), out.splitlines(True),
            'golden/' + name, 'qomu'))
        check('golden: %s (%s)' % (cmd, name), out == want,
              'differs from %s; if the board changed on purpose, run '
              'test_monitor.py BIN --update-golden and review\n%s' %
              (path, diff))
    before = mon.cmd('info qom-tree') + mon.cmd('info qtree')
    for _ in range(20):
        mon.cmd('device_add riscv.sifive.test')
        mon.cmd('device_del nosuch')
        mon.cmd('device_add nosuchdevice,id=d0')
    after = mon.cmd('info qom-tree') + mon.cmd('info qtree')
    check('refused device_add / device_del leave the trees as they were',
          before == after)
    mon.quit()


def hotplug_churn(binary):
    """device_add / device_del of a PCI device (edu), many times."""
    mon = HMP(binary, stopped=False)
    qtree0 = mon.cmd('info qtree')
    # The first add creates /machine/peripheral (QEMU makes it with the
    # machine); from then on the QOM tree must come back exactly.
    mon.cmd('device_add edu,id=warm')
    mon.cmd('device_del warm')
    qom0 = mon.cmd('info qom-tree')
    pci0 = mon.cmd('info pci')
    bad = []
    for i in range(50):
        out = mon.cmd('device_add edu,id=hp%d' % (i % 3))
        if out:
            bad.append('add %d: %r' % (i, out))
        tree = mon.cmd('info qom-tree /machine/peripheral')
        if '/hp%d (edu)' % (i % 3) not in tree:
            bad.append('add %d: not in the QOM tree' % i)
        if 'id "hp%d"' % (i % 3) not in mon.cmd('info qtree'):
            bad.append('add %d: not in the qtree' % i)
        out = mon.cmd('device_del hp%d' % (i % 3))
        if out:
            bad.append('del %d: %r' % (i, out))
    check('hotplug churn: 50 x device_add / device_del edu on a running '
          'machine', not bad, '\n'.join(bad[:10]))
    check('hotplug churn: info qtree as it began',
          mon.cmd('info qtree') == qtree0)
    check('hotplug churn: info qom-tree and info pci as after the first '
          'cycle', mon.cmd('info qom-tree') == qom0 and
          mon.cmd('info pci') == pci0)
    out = mon.cmd('device_del /machine/soc/uart0')
    check('device_del of a board device is refused',
          out.startswith('Error: ') and 'board' in out, out)
    check('hotplug churn: monitor alive, quit status 0',
          mon.alive() and mon.quit() == 0)


def line_editing(binary):
    mon = HMP(binary)
    out = mon.raw(b'info vrxsion' + b'\x1b[D' * 4 + b'\x7f' +
                  b'\x1b[D' * 1 + b'e\x1b[F\n')
    check('line editing: left arrow, backspace, insert, end',
          out.endswith('\n%s\n' % version), repr(out))
    out = mon.raw(b'nfo version\x1b[Hi\n')
    check('line editing: home', out.endswith('\n%s\n' % version),
          repr(out))
    mon.cmd('info status')
    out = mon.raw(b'\x1b[A\x1b[A\n')
    check('history: up twice gives the command before', version in out,
          repr(out))
    out = mon.raw(b'info qom-tr\t\n')
    check('tab completion of an info subcommand',
          '/machine (virt-machine)' in out, repr(out[:300]))
    out = mon.raw(b'qom-get /machine/so\tuar\t\x7f regs\t\n')
    check('tab completion of QOM paths and property names',
          out.rstrip().endswith('\n0'), repr(out[-200:]))
    out = mon.raw(b'qu\t\x15info version\n')
    check('Ctrl-U kills the line', version in out, repr(out))
    mon.quit()


def smp_cpu(binary):
    mon = HMP(binary, args=['-smp', '2'])
    mon.cmd('cpu 1')
    cpus = mon.cmd('info cpus')
    regs = mon.cmd('info registers')
    all_regs = mon.cmd('info registers -a')
    check('cpu 1 selects hart 1 for info cpus and info registers',
          '* CPU #1:' in cpus and ' mhartid  0000000000000001' in regs,
          cpus + regs[:200])
    check('info registers -a shows every hart',
          '\nCPU#0\n' in all_regs and '\nCPU#1\n' in all_regs)
    out = mon.cmd('cpu 2')
    check('cpu with no such index: one error line',
          out.startswith('Error: ') and out.count('\n') == 1, out)
    mon.quit()


def sv39_firmware():
    """M-mode firmware that turns on Sv39 and loops in S-mode.

    Page tables are data in the image (loaded at 0x80000000): a 1 GiB
    identity superpage for the code, and VA 0x1000 -> PA 0x80020000
    (R/W, A and D clear, never touched by the guest) holding a marker.
    It also sets hart 0's MSIP (mie is 0, so no trap follows).
    """
    def i_type(op, rd, f3, rs, imm):
        return (imm & 0xfff) << 20 | rs << 15 | f3 << 12 | rd << 7 | op

    def csr(f3, num, rs):
        return num << 20 | rs << 15 | f3 << 12 | 0x73

    def pte(pa, flags):
        return (pa >> 12) << 10 | flags

    t0, t1 = 5, 6
    code = [
        i_type(0x13, t0, 0, 0, -1), csr(1, 0x3b0, t0),     # pmpaddr0 = ~0
        i_type(0x13, t0, 0, 0, 0x1f), csr(1, 0x3a0, t0),   # NAPOT RWX
        i_type(0x13, t0, 0, 0, 8), i_type(0x13, t0, 1, t0, 60),
        0x80 << 12 | t1 << 7 | 0x37,                       # lui t1, 0x80
        i_type(0x13, t1, 0, t1, 0x10),                     # t1 = 0x80010
        t1 << 20 | t0 << 15 | 6 << 12 | t0 << 7 | 0x33,    # or t0, t0, t1
        csr(1, 0x180, t0),                                 # satp: Sv39
        0x2000 << 12 | t1 << 7 | 0x37,                     # lui t1, CLINT
        i_type(0x13, t0, 0, 0, 1),
        t0 << 20 | t1 << 15 | 2 << 12 | 0x23,              # msip0 = 1
        i_type(0x13, t0, 0, 0, 3), i_type(0x13, t0, 1, t0, 11),
        csr(3, 0x300, t0),                                 # MPP = 0 (U)
        i_type(0x13, t0, 0, 0, 1), i_type(0x13, t0, 1, t0, 11),
        csr(2, 0x300, t0),                                 # MPP = S
        t1 << 7 | 0x17, i_type(0x13, t1, 0, t1, 16),       # auipc; +16
        csr(1, 0x341, t1), 0x30200073,                     # mepc; mret
        0x00128293, 0xffdff06f,                            # loop
    ]
    img = bytearray(0x20010)
    img[:4 * len(code)] = b''.join(w.to_bytes(4, 'little') for w in code)

    def put(addr, val):
        off = addr - 0x80000000
        img[off:off + 8] = val.to_bytes(8, 'little')

    put(0x80010000, pte(0x80011000, 1))
    put(0x80010010, pte(0x80000000, 0xcf))                 # V R W X A D
    put(0x80011000, pte(0x80012000, 1))
    put(0x80012008, pte(0x80020000, 0x7))                  # V R W
    img[0x20000:0x20010] = b'qomu-sv39-page!!'
    path = os.path.join(os.path.dirname(LOOP_FW), 'sv39.bin')
    with open(path, 'wb') as f:
        f.write(img)
    return path


def x_virtual(binary):
    """x on virtual addresses goes through the hart's Sv39 tables."""
    mon = HMP(binary, stopped=False, fw=sv39_firmware())
    deadline = time.time() + 10
    while True:
        mon.cmd('stop')
        regs = mon.cmd('info registers')
        if re.search(r'\bpriv +1\b', regs) or time.time() > deadline:
            break
        mon.cmd('cont')
        time.sleep(0.05)
    check('sv39 firmware reached S-mode', re.search(r'\bpriv +1\b', regs),
          regs[:400])
    virt = mon.cmd('x /2gx 0x1000')
    phys = mon.cmd('xp /2gx 0x80020000')
    check('x of VA 0x1000 reads its Sv39 page (PA 0x80020000)',
          virt.startswith('0000000000001000: ') and
          phys.startswith('0000000080020000: 0x3376732d756d6f71') and
          virt.split(':', 1)[1] == phys.split(':', 1)[1], virt + phys)
    check('xp of PA 0x1000 is not the same memory',
          mon.cmd('xp /2gx 0x1000').split(':', 1)[1] != phys.split(':', 1)[1])
    out = mon.cmd('x /1x 0x5000')
    check('x of an unmapped VA: Cannot access memory',
          'Cannot access memory' in out, out)
    pte = mon.cmd('xp /1gx 0x80012008')
    check('x leaves the PTE A/D bits clear (debug walk)',
          re.search(r'0x[0-9a-f]{14}07\b', pte), pte)
    pc = mon.cmd('info registers')
    m = re.search(r'\bpc +([0-9a-f]+)', pc)
    if check('info registers shows pc', m, pc[:300]):
        vi = mon.cmd('x /2i $pc')
        pi = mon.cmd('xp /2i 0x%s' % m.group(1))
        check('x /2i $pc through the identity superpage equals xp',
              vi == pi and ' j 8' in vi, vi + pi)
    check('monitor alive after x on VAs', mon.alive())
    mon.quit()


def irq_levels(binary):
    """info irq shows the level last set on each line."""
    mon = HMP(binary, stopped=True)
    out = mon.cmd('info irq')
    check('info irq: all lines low at start',
          'in  unnamed-gpio[0..15]: all low' in out and
          'unnamed-gpio-in[3] = 0' in out and ' = 1' not in out, out)
    mon.quit()
    mon = HMP(binary, stopped=False, fw=sv39_firmware())
    deadline = time.time() + 10
    while True:
        out = mon.cmd('info irq')
        if 'high' in out or time.time() > deadline:
            break
        time.sleep(0.05)
    lines = out.splitlines()
    hart = lines.index('/machine/soc/harts[0] (rv64-riscv-cpu)') \
        if '/machine/soc/harts[0] (rv64-riscv-cpu)' in lines else -1
    check('info irq: the hart input MSIP (3) is high after the guest '
          'set msip', hart >= 0 and
          lines[hart + 1] == '  in  unnamed-gpio[0..15]: high 3', out)
    check('info irq: the swi output shows level 1',
          'out unnamed-gpio[0] -> /machine/soc/harts[0]/unnamed-gpio-in[3] '
          '= 1' in out, out)
    check('info irq: the mtimer output stays 0',
          'unnamed-gpio-in[7] = 0' in out, out)
    mon.quit()


def monitor_stdio_and_none(binary):
    proc = subprocess.run([binary] + BOARD + ['-S', '-monitor', 'stdio'],
                          input=b'info status\nqom-get /machine type\nquit\n',
                          capture_output=True, timeout=20)
    out = proc.stdout.decode(errors='replace')
    check('-monitor stdio: banner, prompt, commands, quit',
          proc.returncode == 0 and 'monitor - type' in out and
          '"virt-machine"' in out and out.count('(qemu) ') == 3, out)
    proc = subprocess.Popen([binary] + BOARD + ['-S', '-monitor', 'none'],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(0.3)
    running = proc.poll() is None
    proc.terminate()
    out, err = proc.communicate(timeout=10)
    check('-monitor none: runs with no monitor',
          running and b'(qemu)' not in out, err)
    with socket.socket() as probe:
        probe.bind(('127.0.0.1', 0))
        port = probe.getsockname()[1]
    proc = subprocess.Popen([binary] + BOARD + ['-S', '-monitor',
                            'tcp:127.0.0.1:%d,server,nowait' % port],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out = b''
    for _ in range(200):
        try:
            with socket.create_connection(('127.0.0.1', port), 5) as s:
                s.settimeout(10)
                while not out.endswith(b'\n' + PROMPT):
                    out += s.recv(4096)
                s.sendall(b'info version\nquit\n')
                while True:
                    data = s.recv(4096)
                    if not data:
                        break
                    out += data
            break
        except OSError:
            time.sleep(0.02)
    rc = proc.wait(10)
    check('-monitor tcp:HOST:PORT,server,nowait',
          rc == 0 and ('\n%s\r\n' % version).encode() in out, out)
    proc = subprocess.run([binary] + BOARD + ['-monitor', 'nosuch:x'],
                          capture_output=True, timeout=20)
    err = proc.stderr.decode()
    check('-monitor with a bad backend: one error line, status 1',
          proc.returncode == 1 and len(err.strip().splitlines()) == 1 and
          err.startswith('qomu-system-riscv64: -monitor nosuch:x'), err)


def mux_pty(binary):
    """-nographic: serial and monitor share the terminal; Ctrl-A c."""
    master, slave = os.openpty()
    proc = subprocess.Popen([binary, '-M', 'virt', '-bios', LOOP_FW,
                             '-nographic'], stdin=slave, stdout=slave,
                            stderr=slave, close_fds=True)
    os.close(slave)

    def expect(pattern, timeout=10):
        buf = b''
        end = time.time() + timeout
        while pattern not in buf and time.time() < end:
            r, _, _ = select.select([master], [], [], 0.1)
            if r:
                try:
                    buf += os.read(master, 65536)
                except OSError:
                    break
        return buf

    time.sleep(0.3)
    os.write(master, b'\x01c')
    out = expect(PROMPT)
    check('mux: Ctrl-A c shows the monitor banner and prompt',
          b'monitor - type' in out and out.endswith(PROMPT), out)
    os.write(master, b'info status\r')
    out = expect(b'running')
    check('mux: a command runs', b'VM status: running' in out, out)
    os.write(master, b'\x01c\x01c')
    out = expect(PROMPT)
    check('mux: back and forth gives the prompt again', PROMPT in out, out)
    os.write(master, b'quit\r')
    try:
        rc = proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        rc = proc.wait()
    os.close(master)
    check('mux: quit exits with status 0', rc == 0, rc)


def main():
    global version
    binary = sys.argv[1]
    update = '--update-golden' in sys.argv
    version = subprocess.run([binary, '-version'], capture_output=True,
                             text=True).stdout.split()[-1]
    start = time.time()
    for fn, args in [(run_all_commands, (binary, True)),
                     (run_all_commands, (binary, False)),
                     (qom_walk, (binary,)), (golden, (binary, update)),
                     (hotplug_churn, (binary,)), (smp_cpu, (binary,)),
                     (x_virtual, (binary,)), (irq_levels, (binary,)),
                     (line_editing, (binary,)),
                     (monitor_stdio_and_none, (binary,)),
                     (mux_pty, (binary,))]:
        try:
            fn(*args)
        except Exception as e:  # a crash or hang is a failure, not an abort
            check('%s ran to the end' % fn.__name__, False, repr(e))
    print('1..%d' % len(results))
    for i, (name, ok, diag) in enumerate(results, 1):
        print('%s %d - %s' % ('ok' if ok else 'not ok', i, name))
        if not ok:
            for line in str(diag).splitlines()[:40]:
                print('# ' + line)
    print('# %.1f s' % (time.time() - start))
    shutil.rmtree(os.path.dirname(LOOP_FW), ignore_errors=True)
    return 0 if all(ok for _, ok, _ in results) else 1


if __name__ == '__main__':
    sys.exit(main())

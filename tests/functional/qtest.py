# SPDX-License-Identifier: GPL-2.0-or-later
"""qtest.py: drive qomu's qtest-style test protocol from Python tests.

Usage (python3 standard library only):

    from qtest import QTest
    with QTest(qomu_bin, machine='virt') as qt:
        qt.irq_intercept_out('/machine/soc/clint-mtimer')
        qt.writeq(0x2004000, 1000)
        qt.clock_step(100000)
        assert qt.get_irq(0)

QTest starts qomu with `-qtest unix:PATH -display none` (qomu connects to
the socket this class listens on, as QEMU's libqtest does), sends one
command per line and returns the answer.  "IRQ raise N" / "IRQ lower N"
lines are collected as they arrive: get_irq(n) is the line's last level,
irq_events the whole history.  A "FAIL ..." answer raises QTestError.
"""

import os
import signal
import socket
import subprocess
import tempfile


class QTestError(Exception):
    """A command answered FAIL (the text after FAIL is the message)."""


class QTest:
    def __init__(self, binary, machine='virt', args=(), timeout=10.0):
        self.tmpdir = tempfile.TemporaryDirectory(prefix='qomu-qtest-')
        path = os.path.join(self.tmpdir.name, 'qtest.sock')
        self.listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.listener.bind(path)
        self.listener.listen(1)
        self.listener.settimeout(timeout)
        self.log = open(os.path.join(self.tmpdir.name, 'stderr'), 'w+')
        cmd = [binary, '-M', machine, '-qtest', 'unix:' + path,
               '-display', 'none'] + list(args)
        self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL,
                                     stdout=self.log, stderr=self.log)
        try:
            self.sock, _ = self.listener.accept()
        except socket.timeout:
            self.proc.kill()
            self.proc.wait()
            raise QTestError('qomu did not connect: ' + self.stderr())
        self.sock.settimeout(timeout)
        self.buf = b''
        self.irq_levels = {}
        self.irq_events = []

    def stderr(self):
        self.log.flush()
        self.log.seek(0)
        return self.log.read()

    def _readline(self):
        while b'\n' not in self.buf:
            data = self.sock.recv(65536)
            if not data:
                raise QTestError('connection closed; qomu said: ' +
                                 self.stderr())
            self.buf += data
        line, self.buf = self.buf.split(b'\n', 1)
        return line.decode()

    def cmd(self, line):
        """Send one command; return the answer after "OK" (may be '')."""
        self.sock.sendall(line.encode() + b'\n')
        while True:
            ans = self._readline()
            if ans.startswith('IRQ '):
                _, what, n = ans.split()
                self.irq_levels[int(n)] = what == 'raise'
                self.irq_events.append((what, int(n)))
                continue
            if ans == 'OK' or ans.startswith('OK '):
                return ans[3:]
            if ans.startswith('FAIL'):
                raise QTestError(ans[5:])
            raise QTestError('unexpected answer: %r' % ans)

    def get_irq(self, n):
        """The last level seen on intercepted line @n (False if none)."""
        return self.irq_levels.get(n, False)

    def irq_intercept_out(self, path, name=None):
        self.cmd('irq_intercept_out %s%s' % (path, ' ' + name if name else ''))

    def irq_intercept_in(self, path, name=None):
        self.cmd('irq_intercept_in %s%s' % (path, ' ' + name if name else ''))

    def set_irq_in(self, path, name, n, level):
        self.cmd('set_irq_in %s %s %d %d' % (path, name or 'unnamed', n,
                                             level))

    def clock_step(self, ns=None):
        return int(self.cmd('clock_step' + ('' if ns is None
                                            else ' %d' % ns)))

    def clock_set(self, ns):
        return int(self.cmd('clock_set %d' % ns))

    def memread(self, addr, size):
        data = self.cmd('read 0x%x %d' % (addr, size))
        return bytes.fromhex(data[2:])

    def memwrite(self, addr, data):
        self.cmd('write 0x%x %d 0x%s' % (addr, len(data), data.hex()))

    def _read(self, cmd, addr):
        return int(self.cmd('%s 0x%x' % (cmd, addr)), 16)

    def _write(self, cmd, addr, value):
        self.cmd('%s 0x%x 0x%x' % (cmd, addr, value))

    def readb(self, addr):
        return self._read('readb', addr)

    def readw(self, addr):
        return self._read('readw', addr)

    def readl(self, addr):
        return self._read('readl', addr)

    def readq(self, addr):
        return self._read('readq', addr)

    def writeb(self, addr, value):
        self._write('writeb', addr, value)

    def writew(self, addr, value):
        self._write('writew', addr, value)

    def writel(self, addr, value):
        self._write('writel', addr, value)

    def writeq(self, addr, value):
        self._write('writeq', addr, value)

    def wait_exit(self, timeout=10.0):
        """Wait for qomu to exit by itself; return its exit status."""
        try:
            return self.proc.wait(timeout)
        finally:
            self.close()

    def close(self):
        """Stop qomu (SIGTERM, then SIGKILL) and clean up."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        for f in (self.sock, self.listener, self.log):
            try:
                f.close()
            except OSError:
                pass
        self.tmpdir.cleanup()
        return self.proc.returncode

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

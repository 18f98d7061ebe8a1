# SPDX-License-Identifier: GPL-2.0-or-later
"""A small QMP client for tests (python3 standard library only).

    with QMPMachine(binary, ['-M', 'virt']) as vm:
        vm.qmp.negotiate()
        print(vm.qmp.cmd('query-status'))
        ev = vm.qmp.wait_event('STOP')

QMPClient speaks to one QMP socket: requests carry an "id", answers are
matched to it, and events that arrive meanwhile are queued for
wait_event() / events().  QMPMachine starts an emulator (qomu or
qemu-system-riscv64) with -qmp on a fresh Unix socket.
"""

import json
import os
import socket
import subprocess
import tempfile
import time


class QMPError(Exception):
    """An {"error": ...} answer: .cls is the class, .desc the text."""

    def __init__(self, error):
        self.cls = error.get('class')
        self.desc = error.get('desc')
        super().__init__('%s: %s' % (self.cls, self.desc))


class QMPClient:
    def __init__(self, path, timeout=10.0):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        deadline = time.monotonic() + timeout
        while True:
            try:
                self.sock.connect(path)
                break
            except (FileNotFoundError, ConnectionRefusedError):
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.02)
        self.sock.settimeout(timeout)
        self.buf = b''
        self.pending_events = []
        self.next_id = 0
        self.greeting = self.recv()

    def close(self):
        self.sock.close()

    def send_raw(self, data):
        if isinstance(data, str):
            data = data.encode()
        self.sock.sendall(data)

    def recv(self):
        """The next JSON line from the server (answer or event)."""
        while b'\n' not in self.buf:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise EOFError('QMP connection closed')
            self.buf += chunk
        line, self.buf = self.buf.split(b'\n', 1)
        return json.loads(line)

    def recv_answer(self):
        """The next answer (return or error); events are queued."""
        while True:
            msg = self.recv()
            if 'event' in msg:
                self.pending_events.append(msg)
                continue
            return msg

    def request(self, name, args=None, with_id=True):
        """Send a command; return the whole answer dict."""
        req = {'execute': name}
        if args is not None:
            req['arguments'] = args
        if with_id:
            self.next_id += 1
            req['id'] = self.next_id
        self.send_raw(json.dumps(req) + '\n')
        rsp = self.recv_answer()
        if with_id and rsp.get('id') != req['id']:
            raise AssertionError('answer id %r for request %r' %
                                 (rsp.get('id'), req))
        return rsp

    def cmd(self, name, args=None, **kwargs):
        """Run a command; its "return" value, or raise QMPError.  Arguments
        come as a dict (names with dashes) and/or keywords."""
        args = dict(args or {}, **kwargs)
        rsp = self.request(name, args or None)
        if 'error' in rsp:
            raise QMPError(rsp['error'])
        return rsp['return']

    def error(self, name, args=None):
        """Run a command that must fail; return its "error" dict."""
        rsp = self.request(name, args)
        if 'error' not in rsp:
            raise AssertionError('%s %r succeeded: %r' % (name, args, rsp))
        return rsp['error']

    def negotiate(self):
        return self.cmd('qmp_capabilities')

    def wait_event(self, name, timeout=10.0):
        """The first queued or arriving event called @name."""
        deadline = time.monotonic() + timeout
        while True:
            for i, ev in enumerate(self.pending_events):
                if ev['event'] == name:
                    return self.pending_events.pop(i)
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError('no %s event (queued: %r)' %
                                   (name, self.pending_events))
            self.sock.settimeout(left)
            try:
                self.pending_events.append(self.recv())
            finally:
                self.sock.settimeout(timeout)

    def events(self):
        ev, self.pending_events = self.pending_events, []
        return ev


class QMPMachine:
    """An emulator with -qmp on a private Unix socket."""

    def __init__(self, binary, args=(), qmp_timeout=10.0, bios='none'):
        self.dir = tempfile.TemporaryDirectory(prefix='qmp-test-')
        self.path = os.path.join(self.dir.name, 'qmp.sock')
        self.args = [binary, '-display', 'none', '-bios', bios,
                     '-qmp', 'unix:%s,server,nowait' % self.path] + list(args)
        self.proc = subprocess.Popen(self.args, stdin=subprocess.DEVNULL,
                                     stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE)
        self.timeout = qmp_timeout
        try:
            self.qmp = self.connect()
        except Exception:
            self.kill()
            raise

    def connect(self):
        return QMPClient(self.path, self.timeout)

    def wait(self, timeout=10.0):
        """Wait for exit; return (status, stdout, stderr)."""
        out, err = self.proc.communicate(timeout=timeout)
        return self.proc.returncode, out.decode(errors='replace'), \
            err.decode(errors='replace')

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.communicate()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        try:
            self.qmp.close()
        except Exception:
            pass
        self.kill()
        self.dir.cleanup()

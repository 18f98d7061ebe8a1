# SPDX-License-Identifier: GPL-2.0-or-later
"""Helpers for the functional tests: start qomu-system-riscv64, read its
serial console (stdout) with timeouts, type into it, and always kill it.

Standard library only.  Each test script is a small unittest program run
as `python3 test_x.py QOMU_BIN [more paths]`; the paths come from meson.
"""
import os
import re
import subprocess
import sys
import threading
import time
import unittest

OPENSBI_DIR = '/usr/lib/riscv64-linux-gnu/opensbi/generic'
UBOOT_DIR = '/usr/lib/u-boot'
FW_DYNAMIC = os.path.join(OPENSBI_DIR, 'fw_dynamic.bin')
FW_JUMP = os.path.join(OPENSBI_DIR, 'fw_jump.bin')
UBOOT_SMODE = os.path.join(UBOOT_DIR, 'qemu-riscv64_smode', 'u-boot.bin')
UBOOT_MMODE = os.path.join(UBOOT_DIR, 'qemu-riscv64', 'u-boot.bin')

# The emulator and extra paths, taken from the command line by main().
ARGS = []


def qomu_bin():
    return ARGS[0]


class Machine:
    """One run of the emulator with -nographic (console on stdio)."""

    def __init__(self, *args, timeout=60):
        self.args = [qomu_bin(), '-nographic'] + list(args)
        self.deadline = time.monotonic() + timeout
        self.output = ''
        self.pos = 0
        self.lock = threading.Condition()
        self.proc = subprocess.Popen(self.args, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT)
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        while True:
            data = os.read(self.proc.stdout.fileno(), 4096)
            with self.lock:
                if not data:
                    self.eof = True
                    self.lock.notify_all()
                    return
                self.output += data.decode('utf-8', 'replace')
                self.lock.notify_all()

    eof = False

    def expect(self, pattern, timeout=30):
        """Wait for regex @pattern in the output after the last match;
        returns the match.  Fails the test (with the output) on timeout,
        at the run's deadline, or when the emulator exits first."""
        rx = re.compile(pattern)
        end = min(time.monotonic() + timeout, self.deadline)
        with self.lock:
            while True:
                m = rx.search(self.output, self.pos)
                if m:
                    self.pos = m.end()
                    return m
                left = end - time.monotonic()
                if left <= 0 or self.eof:
                    self.kill()
                    why = 'exited' if self.eof else 'timed out'
                    raise AssertionError(
                        '%s waiting for %r; command: %s\n--- output ---\n%s'
                        % (why, pattern, ' '.join(self.args),
                           self.output[-4000:]))
                self.lock.wait(min(left, 0.5))

    def send(self, text):
        self.proc.stdin.write(text.encode())
        self.proc.stdin.flush()

    def since(self, start):
        """The output from offset @start to the last match."""
        return self.output[start:self.pos]

    def wait(self, timeout=30):
        """Wait for the emulator to exit; returns its status."""
        try:
            rc = self.proc.wait(timeout=max(0.1, min(
                timeout, self.deadline - time.monotonic())))
        except subprocess.TimeoutExpired:
            self.kill()
            raise AssertionError('emulator did not exit; command: %s\n'
                                 '--- output ---\n%s'
                                 % (' '.join(self.args), self.output[-4000:]))
        self.reader.join(5)
        return rc

    def quit(self):
        """Ctrl-A x: the mux's quit, as QEMU."""
        self.send('\x01x')
        return self.wait(10)

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.kill()
        for f in (self.proc.stdin, self.proc.stdout):
            try:
                f.close()
            except OSError:
                pass
        return False


def run(*args, timeout=30):
    """Run the emulator to completion: (status, stdout+stderr)."""
    try:
        p = subprocess.run([qomu_bin()] + list(args), stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           timeout=timeout)
    except subprocess.TimeoutExpired as e:
        raise AssertionError('emulator did not exit in %ds: %s'
                             % (timeout, ' '.join(e.cmd)))
    return p.returncode, p.stdout.decode('utf-8', 'replace')


def require_files(testcase, *paths):
    """The Debian packages the test needs (scripts/setup-deps.sh installs
    them): fail, not skip, when they are missing."""
    for p in paths:
        if not os.path.isfile(p):
            testcase.fail('%s is missing: install Debian\'s opensbi and '
                          'u-boot-qemu packages (scripts/setup-deps.sh)' % p)


def main():
    ARGS.extend(sys.argv[1:])
    del sys.argv[1:]
    if not ARGS or not os.access(ARGS[0], os.X_OK):
        print('usage: %s QOMU_BIN [paths...]' % sys.argv[0], file=sys.stderr)
        sys.exit(2)
    unittest.main(verbosity=2)

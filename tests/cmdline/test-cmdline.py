#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Command-line behaviour of qomu-system-riscv64: help texts, and for every
kind of bad input exactly one line on stderr and exit status 1.  Prints TAP.

usage: test-cmdline.py QOMU_BINARY SPIKE_TEST_ELF
"""
import re
import subprocess
import sys
import tempfile

BIN = sys.argv[1]
# A program that passes on the spike board, for cases that get that far.
KERNEL = sys.argv[2] if len(sys.argv) > 2 else None
PROG = "qomu-system-riscv64: "

# (arguments, exit status, regex the stderr line must match (None: empty
# stderr), regex stdout must contain (or None))
CASES = [
    (["-version"], 0, None, r"^QOMU emulator version \d+\.\d+\.\d+\n$"),
    (["-h"], 0, None, r"-M TYPE\[,prop=value\.\.\.\]"),
    (["--help"], 0, None, r"-device DRIVER"),
    (["-d", "help"], 0, None, r"guest_errors"),
    (["-cpu", "help"], 0, None, r"Available CPUs:\n(  \S+\n)*  rv64\n"),
    (["-M", "help"], 0, None, r"Supported machines are:\n"),
    (["-foo"], 1, r"-foo: invalid option \(try -h\)", None),
    (["--foo"], 1, r"-foo: invalid option \(try -h\)", None),
    (["bare"], 1, r"bare: invalid argument: options start with '-'", None),
    (["-m"], 1, r"-m: requires an argument \(SIZE\)", None),
    (["-d", "nonsense"], 1,
     r"-d nonsense: unknown log item 'nonsense' \(-d help lists them\)", None),
    (["-D", "/nonexistent/dir/log"], 1,
     r"-D /nonexistent/dir/log: cannot open log file: No such file", None),
    (["-M", "nosuch"], 1,
     r"-machine nosuch: unsupported machine type 'nosuch'", None),
    (["-cpu", "rv46"], 1,
     r"-cpu rv46: unknown CPU model 'rv46'; Did you mean 'rv64'\?", None),
    (["-cpu", "rv64,nosuch=on"], 1,
     r"-cpu rv64,nosuch=on: CPU model 'rv64' has no property 'nosuch'", None),
    (["-display", "gtk"], 1, r"-display gtk: unsupported display", None),
    (["-M", "a=1,a=2"], 1, r"-machine a=1,a=2: .*'a'", None),
    (["-M", "help,foo=bar"], 0, None, r"Supported machines"),
    (["-M", "help"], 0, None, r"\nspike +RISC-V Spike board\n"),
    (["-M", "spike,help"], 0, None, r"spike options:\n(.*\n)*  kernel=<string>"),
    (["-device", "help"], 0, None,
     r"Misc devices:\n(.*\n)*name \"edu\", bus PCI, desc"),
    (["-device", "ns16550a,help"], 0, None, r"regshift"),
    (["-M", "spike", "-m", "foo", "-kernel", "K"], 1,
     r"-m foo: invalid RAM size: expected a number", None),
    (["-M", "spike", "-m", "0", "-kernel", "K"], 1,
     r"-m 0: invalid RAM size", None),
    (["-M", "spike", "-m", "100000G", "-kernel", "K"], 1,
     r"machine 'spike' supports at most \d+ GiB of RAM, got 100000 GiB", None),
    (["-M", "spike", "-smp", "0", "-kernel", "K"], 1,
     r"-smp 0: invalid number of CPUs: expected a positive integer", None),
    (["-M", "spike", "-smp", "9", "-kernel", "K"], 1,
     r"machine 'spike' supports 1 to 8 CPUs, got 9 \(-smp\)", None),
    (["-M", "spike"], 1, r"spike: nothing to run: give -kernel", None),
    (["-M", "spike", "-bios", "default"], 1,
     r"spike: there is no default firmware", None),
    (["-M", "spike", "-kernel", "/nonexistent.elf"], 1,
     r"-kernel /nonexistent.elf: cannot open '/nonexistent.elf': No such "
     r"file or directory", None),
    (["-M", "spike", "-kernel", "/etc/passwd"], 1,
     r"-kernel /etc/passwd: '/etc/passwd' is not an ELF file", None),
    (["-M", "spike", "-icount", "shift=99", "-kernel", "K"], 1,
     r"-icount shift=99: .*out of range", None),
    (["-M", "spike", "-device", "ns16550", "-kernel", "K"], 1,
     r"-device ns16550: .*did you mean 'ns16550a'", None),
    (["-M", "spike", "-global", "foo", "-kernel", "K"], 1,
     r"-global foo: expected driver.property=value", None),
    (["-M", "spike,foo=bar", "-kernel", "K"], 1,
     r"-machine spike,foo=bar: Property 'spike-machine.foo' not found", None),
    (["-M", "spike", "-serial", "nosuch:x", "-kernel", "K"], 1,
     r"-serial nosuch:x: 'nosuch:x' is not a valid character device", None),
    (["-M", "spike", "-chardev", "foo,id=x", "-kernel", "K"], 1,
     r"-chardev foo,id=x: unknown chardev backend 'foo'", None),
    # A passing run prints the program's output and nothing else (the
    # monitor on the stdio mux must not print its banner at exit).
    (["-M", "spike", "-nographic", "-bios", "none", "-kernel", "K"], 0, None,
     r"\A[^\n]*: PASS \(\d+ checks\)\r?\n\Z"),
    # -device and firmware errors on the virt board.
    (["-M", "virt", "-device", "pci-device"], 1,
     r"-device pci-device: device type 'pci-device' is abstract", None),
    (["-M", "virt", "-device", "ns16550a"], 1,
     r"-device ns16550a: device type 'ns16550a' cannot be created with "
     r"-device or device_add: .+", None),
    (["-M", "virt", "-device", "edu,foo=1"], 1,
     r"-device edu,foo=1: device type 'edu' has no property 'foo'; its "
     r"properties are: .*dma_mask", None),
    (["-M", "virt", "-device", "edu,dma_mask=x"], 1,
     r"-device edu,dma_mask=x: Parameter 'dma_mask' expects an integer, "
     r"got 'x'", None),
    (["-M", "virt", "-device", "edu,id=a", "-device", "edu,id=a"], 1,
     r"-device edu,id=a: duplicate device id 'a'", None),
    (["-M", "spike", "-kernel", "K", "-device", "edu"], 1,
     r"-device edu: no bus of type PCI for device type 'edu'", None),
    (["-M", "virt", "-device", "edu,bus=nosuch"], 1,
     r"-device edu,bus=nosuch: Bus 'nosuch' not found", None),
    (["-M", "virt", "-device", "edu,addr=1.0", "-device",
      "pci-testdev,addr=1.0"], 1,
     r"-device pci-testdev,addr=1.0: PCI address 01.0 on bus 'pcie.0' is "
     r"already in use by device '.*edu.*' \(type 'edu'\); free slots: "
     r"02-1f", None),
    (["-M", "virt", "-bios", "/nonexistent.bin"], 1,
     r"-bios /nonexistent.bin: firmware '/nonexistent.bin' not found", None),
    (["-M", "virt", "-m", "16M", "-kernel", "BIG"], 1,
     r"-kernel .*: image of 20971520 bytes does not fit in RAM at "
     r"0x80200000 \(RAM ends at 0x81000000; try a larger -m\)", None),
    (["-M", "spike", "-cpu", "rv64,c=maybe", "-kernel", "K"], 1,
     r"c.*maybe", None),
]


def run(args):
    try:
        p = subprocess.run([BIN] + args, capture_output=True, text=True,
                           timeout=20, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return None
    return p


def main():
    big = tempfile.NamedTemporaryFile(prefix="qomu-big-", suffix=".bin")
    big.truncate(20 * 1024 * 1024)
    big.flush()
    print(f"1..{len(CASES)}")
    failed = 0
    for i, (args, status, err_re, out_re) in enumerate(CASES, 1):
        args = [KERNEL if a == "K" else big.name if a == "BIG" else a
                for a in args]
        name = " ".join(args)
        p = run(args)
        problems = []
        if p is None:
            problems.append("timed out")
        else:
            if p.returncode != status:
                problems.append(f"exit status {p.returncode}, expected "
                                f"{status}")
            lines = p.stderr.splitlines()
            if err_re is None:
                if p.stderr:
                    problems.append(f"unexpected stderr {p.stderr!r}")
            elif len(lines) != 1:
                problems.append(f"stderr has {len(lines)} lines, expected "
                                f"one: {p.stderr!r}")
            elif not lines[0].startswith(PROG) or \
                    not re.search(err_re, lines[0]):
                problems.append(f"stderr {lines[0]!r} does not match "
                                f"{err_re!r}")
            if out_re and not re.search(out_re, p.stdout):
                problems.append(f"stdout does not match {out_re!r}: "
                                f"{p.stdout[:300]!r}")
        if problems:
            failed += 1
            print(f"not ok {i} - {name}")
            for pr in problems:
                print(f"# {pr}")
        else:
            print(f"ok {i} - {name}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

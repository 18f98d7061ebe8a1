#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Runs one test firmware ELF on an emulator and exits with its exit status.
# Usage: run-firmware.sh EMULATOR MACHINE ELF [TIMEOUT [EXPECTED]] [-- ARGS...]
#   EMULATOR  qemu-system-riscv64 or qomu-system-riscv64 (path or name)
#   MACHINE   spike or virt
#   TIMEOUT   seconds before a hang counts as a failure (default 20)
#   EXPECTED  the exit status that means success (default 0); used by the
#             forced-failure tests that prove failures are reported.
# Success also needs the program's verdict on the console ("NAME: PASS",
# or "NAME: FAIL: check EXPECTED"), which checks the console path.
#   ARGS      more emulator arguments (e.g. -icount shift=0 for QEMU)
set -u
if [ $# -lt 3 ]; then
    echo "usage: $0 EMULATOR MACHINE ELF [TIMEOUT [EXPECTED]] [-- ARGS...]" >&2
    exit 2
fi
emu=$1
machine=$2
elf=$3
shift 3
tmo=20
expected=0
if [ $# -gt 0 ] && [ "$1" != "--" ]; then
    tmo=$1
    shift
fi
if [ $# -gt 0 ] && [ "$1" != "--" ]; then
    expected=$1
    shift
fi
if [ $# -gt 0 ] && [ "$1" = "--" ]; then
    shift
fi

out=$(mktemp)
trap 'rm -f "$out"' EXIT
timeout -k 2 "$tmo" "$emu" -M "$machine" -nographic -bios none \
    -kernel "$elf" "$@" </dev/null >"$out" 2>&1
rc=$?
cat "$out"

if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
    echo "run-firmware: $elf on $machine timed out after ${tmo}s" >&2
    exit 1
fi
if [ "$rc" -ne "$expected" ]; then
    # Always 1: meson would read a failing check number 77 as "skipped".
    echo "run-firmware: $elf on $machine exited with $rc, expected $expected" >&2
    exit 1
fi
# The console must work too: the program's verdict line must be there.
if [ "$expected" -eq 0 ]; then
    verdict=": PASS"
else
    verdict=": FAIL: check $expected"
fi
if ! tr -d '\r' <"$out" | grep -q "$verdict"; then
    echo "run-firmware: $elf on $machine: no '$verdict' line on the console" >&2
    exit 1
fi
if [ "$expected" -ne 0 ]; then
    echo "run-firmware: $elf failed with code $rc as it should"
fi
exit 0

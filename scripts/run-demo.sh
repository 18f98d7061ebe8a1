#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The demo behind `make run`.  Until the virt board boots firmware, it shows
# the object model: the unit tests' composition tree and their results.
set -e
build=${1:-build}
if [ -x "$build/qomu-system-riscv64" ] && "$build/qomu-system-riscv64" -M help 2>/dev/null | grep -q virt; then
    exec "$build/qomu-system-riscv64" -M virt -nographic
fi
echo "qomu: the virt board is not built yet; showing the object model."
echo
if [ -x "$build/tests/unit/qom-demo" ]; then
    "$build/tests/unit/qom-demo"
fi
meson test -C "$build" --suite unit --print-errorlogs

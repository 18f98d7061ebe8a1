#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Runs the benchmark firmware on qemu-system-riscv64 and on qomu and prints
# the comparison table.  Usage: tests/bench/run-bench.sh BUILD_DIR
# (`make bench` calls it).  See docs/devel/benchmarks.md.
set -e
if [ $# -lt 1 ]; then
    echo "usage: $0 BUILD_DIR" >&2
    exit 2
fi
exec python3 "$(dirname "$0")/bench.py" "$@"

#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The demo behind `make run`: the virt board boots Debian's OpenSBI
# (fw_dynamic, the default -bios) and U-Boot (S-mode) to its prompt.
# Ctrl-A c switches to the monitor (try `info qom-tree`), Ctrl-A x quits.
set -e
build=${1:-build}
uboot=/usr/lib/u-boot/qemu-riscv64_smode/u-boot.bin
if [ ! -r "$uboot" ]; then
    echo "run-demo: $uboot is missing (scripts/setup-deps.sh installs u-boot-qemu)" >&2
    exit 1
fi
echo "qomu: booting OpenSBI + U-Boot on -M virt.  Ctrl-A c: monitor, Ctrl-A x: quit."
exec "$build/qomu-system-riscv64" -M virt -nographic -kernel "$uboot"

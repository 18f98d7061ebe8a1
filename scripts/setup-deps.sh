#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Installs every Debian package the build, the tests and the demo need.
# Quick no-op when everything is present.
set -e

PACKAGES="
build-essential
meson
ninja-build
pkg-config
python3
libglib2.0-dev
libfdt-dev
libcapstone-dev
libelf-dev
gcc-riscv64-unknown-elf
binutils-riscv64-unknown-elf
picolibc-riscv64-unknown-elf
device-tree-compiler
opensbi
u-boot-qemu
qemu-system-misc
"

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    echo "setup-deps: this is not a Debian-like system (no dpkg/apt-get)." >&2
    echo "setup-deps: install the equivalents of:" $PACKAGES >&2
    exit 1
fi

missing=""
for p in $PACKAGES; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    case "$status" in
    *"install ok installed"*) ;;
    *) missing="$missing $p" ;;
    esac
done

[ -z "$missing" ] && exit 0

echo "setup-deps: installing:$missing"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO=sudo
    else
        echo "setup-deps: need root (or sudo) to install:$missing" >&2
        exit 1
    fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
# shellcheck disable=SC2086
$SUDO apt-get install -y -q --no-install-recommends $missing

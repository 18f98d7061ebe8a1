# SPDX-License-Identifier: GPL-2.0-or-later
# Makefile: wraps ./configure, ninja and meson test.  See README.md.
BUILD ?= build
CONFIGURE_FLAGS ?=
NINJA ?= ninja

.PHONY: all setup check check-unit check-sanitizers run bench clean install help \
	difftest

all: $(BUILD)/build.ninja
	$(NINJA) -C $(BUILD)

$(BUILD)/build.ninja:
	./configure --builddir=$(BUILD) $(CONFIGURE_FLAGS)

setup:
	@scripts/setup-deps.sh

check: setup
	$(MAKE) all
	meson test -C $(BUILD) --print-errorlogs --num-processes 2
	@python3 scripts/test-summary.py $(BUILD)

check-unit: all
	meson test -C $(BUILD) --print-errorlogs --suite unit

# Unit tests, and whole runs of the program (the ISA firmware, the
# differential programs, the command-line cases), under AddressSanitizer +
# UBSan with LeakSanitizer on: every run must end with nothing of qomu's
# still allocated.
SAN_SUITES = --suite unit --suite firmware --suite cmdline --suite difftest
check-sanitizers: setup
	$(MAKE) BUILD=build-san CONFIGURE_FLAGS="--enable-sanitizers $(CONFIGURE_FLAGS)" all
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	meson test -C build-san --print-errorlogs $(SAN_SUITES) --num-processes 2
	@python3 scripts/test-summary.py build-san

run: setup
	$(MAKE) all
	@scripts/run-demo.sh $(BUILD)

bench: setup
	$(MAKE) all
	@if [ -x tests/bench/run-bench.sh ]; then tests/bench/run-bench.sh $(BUILD); \
	 else echo "no benchmarks yet"; fi

install: all
	meson install -C $(BUILD)

clean:
	rm -rf $(BUILD) build-san

help:
	@echo "make          build into $(BUILD)/"
	@echo "make run      install what is missing, build, run the demo"
	@echo "make check    install what is missing, build, run every test"
	@echo "make check-sanitizers   unit tests under ASan/UBSan/LSan"
	@echo "make bench    benchmarks against qemu-system-riscv64"
	@echo "make install  install under the configured prefix"
	@echo "make clean    remove build directories"
	@echo "make difftest differential CPU test against QEMU (DIFFTEST_SEEDS=1000-1249)"

# Differential test of the CPU against qemu-system-riscv64 on many seeds
# (docs/devel/difftest.md); `make check` runs a fixed small set.
DIFFTEST_SEEDS ?= 1000-1249
DIFFTEST_MODES ?= normal,trap,super,user
DIFFTEST_MACHINES ?= spike,virt
DIFFTEST_TIME ?= 0
DIFFTEST_LENGTH ?= 300
DIFFTEST_JOBS ?= $(shell nproc 2>/dev/null || echo 2)

difftest: setup
	$(MAKE) all
	python3 tests/difftest/difftest.py --qomu $(BUILD)/qomu-system-riscv64 \
	    --seeds "$(DIFFTEST_SEEDS)" --modes "$(DIFFTEST_MODES)" \
	    --machines "$(DIFFTEST_MACHINES)" --time-budget "$(DIFFTEST_TIME)" \
	    --length "$(DIFFTEST_LENGTH)" --jobs "$(DIFFTEST_JOBS)"

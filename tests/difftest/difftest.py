#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Differential test of qomu's RISC-V CPU against qemu-system-riscv64.

For each seed: gen-difftest.py writes a random program, riscv64-unknown-elf-gcc
builds it with the firmware runtime (tests/firmware/runtime) and dt-report.c,
both emulators run it, and the dumps between DT-BEGIN and DT-END must be
identical.  On a mismatch the program is shortened (bisection on --length)
to the first item that makes the dumps differ, and that item is printed
with the commands that reproduce it.  See docs/devel/difftest.md.

Exit status: 0 if every program matched, 1 otherwise, 2 on usage errors
or if a program fails on the reference (a generator bug).
"""

import argparse
import concurrent.futures
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
GEN = os.path.join(HERE, "gen-difftest.py")
REPORT_C = os.path.join(HERE, "dt-report.c")
FW_RUNTIME = os.path.join(HERE, "..", "firmware", "runtime")

# qomu implements RV64IMAC + Zicsr + Zifencei: switch QEMU's extra
# extensions off so that misa (and illegal-instruction traps) agree.
QEMU_CPU = "rv64,f=off,d=off,h=off,zba=off,zbb=off,zbc=off,zbs=off"

CFLAGS = ["-march=rv64imac_zicsr_zifencei", "-mabi=lp64", "-mcmodel=medany",
          "-nostdlib", "-nostartfiles", "-static", "-ffreestanding",
          "-fno-builtin", "-fno-pic", "-O2", "-g", "-Wall", "-Wextra",
          "-Werror", "-Wno-unused-parameter", "-mno-relax",
          "-Wl,--no-warn-rwx-segments", '-DRT_TEST_NAME="difftest"']


def parse_seeds(text):
    """'1-20,33,40-41' -> [1..20, 33, 40, 41]."""
    seeds = []
    for part in text.split(","):
        part = part.strip()
        if not part:
            continue
        if "-" in part:
            a, b = part.split("-", 1)
            seeds.extend(range(int(a), int(b) + 1))
        else:
            seeds.append(int(part))
    return seeds


def load_generator():
    sys.dont_write_bytecode = True      # no __pycache__ in the source tree
    spec = importlib.util.spec_from_file_location("gen_difftest", GEN)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


class Runner:
    def __init__(self, args):
        self.args = args
        self.runtime = os.path.abspath(args.firmware_runtime)
        self.gen = load_generator()
        self.objdir = tempfile.mkdtemp(prefix="difftest-rt-")
        self.objs = {}
        self.lock = threading.Lock()

    def cleanup(self):
        shutil.rmtree(self.objdir, ignore_errors=True)

    def runtime_objs(self, machine):
        """The runtime and dt-report.c, compiled once per machine."""
        with self.lock:
            if machine in self.objs:
                return self.objs[machine]
            objs = []
            for src in [os.path.join(self.runtime, "crt0.S"),
                        os.path.join(self.runtime, "runtime.c"), REPORT_C]:
                obj = os.path.join(self.objdir, "%s-%s.o" % (
                    machine, os.path.basename(src)))
                r = subprocess.run(
                    [self.args.gcc] + CFLAGS +
                    ["-I" + self.runtime, "-DRT_MACHINE_" + machine.upper(),
                     "-c", "-o", obj, src],
                    stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                    universal_newlines=True)
                if r.returncode != 0:
                    raise RuntimeError("build of %s failed:\n%s" %
                                       (src, r.stdout))
                objs.append(obj)
            self.objs[machine] = objs
            return objs

    def gen_cmd(self, seed, mode, length, out):
        return [sys.executable, GEN, "--seed", str(seed), "--mode", mode,
                "--length", str(length), "-o", out]

    def gcc_cmd(self, machine, src, elf):
        return ([self.args.gcc] + CFLAGS +
                ["-I" + self.runtime,
                 "-Wl,-T," + os.path.join(self.runtime, "link.ld"),
                 "-DRT_MACHINE_" + machine.upper(), "-o", elf, src, REPORT_C,
                 os.path.join(self.runtime, "crt0.S"),
                 os.path.join(self.runtime, "runtime.c"), "-lgcc"])

    def emu_cmd(self, which, machine, elf):
        if which == "qemu":
            return [self.args.qemu, "-M", machine, "-cpu", QEMU_CPU,
                    "-nographic", "-bios", "none", "-kernel", elf]
        return [self.args.qomu, "-M", machine, "-nographic", "-bios",
                "none", "-kernel", elf]

    def build(self, workdir, seed, mode, machine, length):
        tag = "%s-%s-%d-%d" % (machine, mode, seed, length)
        src = os.path.join(workdir, tag + ".S")
        elf = os.path.join(workdir, tag + ".elf")
        with open(src, "w") as f:
            f.write(self.gen.Gen(seed, mode, length).generate())
        cmd = ([self.args.gcc] + CFLAGS +
               ["-Wl,-T," + os.path.join(self.runtime, "link.ld"),
                "-o", elf, src] + self.runtime_objs(machine) + ["-lgcc"])
        r = subprocess.run(cmd,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           universal_newlines=True)
        if r.returncode != 0:
            raise RuntimeError("build of %s failed:\n%s" % (src, r.stdout))
        return src, elf

    def run(self, which, machine, elf):
        """Returns (dump lines or None, description of what went wrong)."""
        try:
            r = subprocess.run(self.emu_cmd(which, machine, elf),
                               stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT,
                               timeout=self.args.timeout)
        except subprocess.TimeoutExpired as e:
            out = (e.stdout or b"").decode("utf-8", "replace")
            return None, "timed out after %ss; output ends:\n%s" % (
                self.args.timeout, out[-600:])
        except OSError as e:
            return None, "cannot run: %s" % e
        out = r.stdout.decode("utf-8", "replace").replace("\r", "")
        lines = out.split("\n")
        try:
            begin = next(i for i, l in enumerate(lines)
                         if l.startswith("DT-BEGIN"))
            end = lines.index("DT-END", begin)
        except (StopIteration, ValueError):
            return None, "exit status %d, no complete dump; output ends:\n%s" \
                % (r.returncode, out[-600:])
        if r.returncode != 0 or "difftest: PASS" not in out:
            return None, "exit status %d after the dump; output ends:\n%s" % (
                r.returncode, out[-600:])
        return lines[begin:end + 1], ""

    def compare(self, workdir, seed, mode, machine, length):
        """Builds and runs one program.  Returns (status, details):
        status 'ok', 'diff' (dumps differ or qomu failed), 'ref' (QEMU
        failed: a generator bug)."""
        src, elf = self.build(workdir, seed, mode, machine, length)
        ref, why = self.run("qemu", machine, elf)
        if ref is None:
            return "ref", {"src": src, "why": "QEMU: " + why}
        got, why = self.run("qomu", machine, elf)
        if got is None:
            return "diff", {"src": src, "why": "qomu: " + why, "ref": ref}
        if got == ref:
            return "ok", {"src": src}
        diffs = [(a, b) for a, b in zip(ref, got) if a != b]
        if len(ref) != len(got) and not diffs:
            diffs = [("%d lines" % len(ref), "%d lines" % len(got))]
        return "diff", {"src": src, "diffs": diffs, "ref": ref, "got": got}

    def minimize(self, workdir, seed, mode, machine, length):
        """Bisection on the body length: the smallest prefix whose dumps
        differ (prefix lo matches, prefix hi differs)."""
        lo, hi = 0, length
        status, _ = self.compare(workdir, seed, mode, machine, 0)
        if status != "ok":
            return 0
        while hi - lo > 1:
            mid = (lo + hi) // 2
            status, _ = self.compare(workdir, seed, mode, machine, mid)
            if status == "ok":
                lo = mid
            else:
                hi = mid
        return hi

    def check_seed(self, seed, mode, machine):
        """Returns (ok, report text)."""
        workdir = tempfile.mkdtemp(prefix="difftest-")
        try:
            status, d = self.compare(workdir, seed, mode, machine,
                                     self.args.length)
            if status == "ok":
                return True, ""
            rep = ["difftest: MISMATCH seed %d mode %s machine %s" %
                   (seed, mode, machine)]
            if status == "ref":
                rep[0] = ("difftest: REFERENCE FAILED seed %d mode %s "
                          "machine %s (generator bug?)" % (seed, mode,
                                                           machine))
                rep.append("  " + d["why"])
                return False, "\n".join(rep)
            if "why" in d:
                rep.append("  " + d["why"])
            else:
                a, b = d["diffs"][0]
                rep.append("  first difference: qemu '%s'  qomu '%s'" %
                           (a, b))
                rep.append("  %d dump line(s) differ" % len(d["diffs"]))
                for a, b in d["diffs"][1:6]:
                    rep.append("    qemu '%s'  qomu '%s'" % (a, b))
            if self.args.no_minimize or self.args.expect_mismatch:
                n = self.args.length
            else:
                n = self.minimize(workdir, seed, mode, machine,
                                  self.args.length)
                status, d2 = self.compare(workdir, seed, mode, machine, n)
                if n == 0:
                    rep.append("  minimized: --length 0 (no items: the "
                               "prologue's CSR and register seeding, or the "
                               "dump itself, differs)")
                else:
                    rep.append("  minimized: --length %d (item @%d is the "
                               "first one whose effect differs)" % (n, n - 1))
                if "diffs" in d2:
                    a, b = d2["diffs"][0]
                    rep.append("  at that length: qemu '%s'  qomu '%s'" %
                               (a, b))
                elif "why" in d2:
                    rep.append("  at that length: " +
                               d2["why"].split("\n")[0])
                if n > 0:
                    rep.extend(self.window(d2["src"], n - 1))
            rep.append("  reproduce:")
            rep.append("    %s" % " ".join(self.gen_cmd(
                seed, mode, n, "dt.S")))
            rep.append("    %s" % " ".join(
                "'%s'" % a if " " in a or '"' in a else a
                for a in self.gcc_cmd(machine, "dt.S", "dt.elf")))
            rep.append("    %s" % " ".join(self.emu_cmd("qemu", machine,
                                                        "dt.elf")))
            rep.append("    %s" % " ".join(self.emu_cmd("qomu", machine,
                                                        "dt.elf")))
            return False, "\n".join(rep)
        finally:
            if self.args.keep:
                os.makedirs(self.args.keep, exist_ok=True)
                for f in os.listdir(workdir):
                    shutil.copy(os.path.join(workdir, f), self.args.keep)
            shutil.rmtree(workdir, ignore_errors=True)

    @staticmethod
    def window(src, item, before=4):
        """The listing of items item-before..item from the generated file."""
        with open(src) as f:
            text = f.read().split("\n")
        start = None
        end = len(text)
        want = max(0, item - before)
        for i, line in enumerate(text):
            m = re.match(r"\.Ldt_(\d+):", line)
            if m:
                k = int(m.group(1))
                if k == want and start is None:
                    start = i
                if k == item + 1:
                    end = i
                    break
        if start is None:
            return ["  (no listing)"]
        out = ["  listing (items @%d..@%d, the last one is the culprit):" %
               (want, item)]
        # The checkpoints' stores (x3 is never a base or destination in
        # an item) would hide the items: their comment line stands for them.
        ck = re.compile(r"\s+(sd x\d+, \d+\(x3\)|addi x3, x3, 256)$")
        out.extend("    | " + l for l in text[start:end] if not ck.match(l))
        return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--qemu", default=shutil.which("qemu-system-riscv64"))
    ap.add_argument("--qomu", required=True)
    ap.add_argument("--gcc", default=shutil.which("riscv64-unknown-elf-gcc"))
    ap.add_argument("--firmware-runtime", default=FW_RUNTIME)
    ap.add_argument("--seeds", default="1-20",
                    help="seed list, e.g. 1-20,33 (default 1-20)")
    ap.add_argument("--modes", default="normal",
                    help="comma-separated: normal, trap (default normal)")
    ap.add_argument("--machines", default="spike",
                    help="comma-separated: spike, virt (default spike)")
    ap.add_argument("--length", type=int, default=300,
                    help="items per program (default 300)")
    ap.add_argument("--timeout", type=float, default=10.0,
                    help="seconds per emulator run (default 10)")
    ap.add_argument("--time-budget", type=float, default=0,
                    help="stop starting new seeds after this many seconds")
    ap.add_argument("-j", "--jobs", type=int, default=1)
    ap.add_argument("--keep", help="copy the generated files here")
    ap.add_argument("--no-minimize", action="store_true")
    ap.add_argument("--expect-mismatch", action="store_true",
                    help="self-test: succeed only if every program differs "
                    "(and runs on the reference)")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    if not args.qemu or not args.gcc:
        print("difftest: needs qemu-system-riscv64 and "
              "riscv64-unknown-elf-gcc", file=sys.stderr)
        return 2

    runner = Runner(args)
    jobs = [(s, m, k) for k in args.machines.split(",")
            for m in args.modes.split(",") for s in parse_seeds(args.seeds)]
    start = time.monotonic()
    failed = []
    ref_failed = False
    done = 0
    with concurrent.futures.ThreadPoolExecutor(max(1, args.jobs)) as pool:
        pending = {}
        it = iter(jobs)
        while True:
            while len(pending) < max(1, args.jobs):
                if args.time_budget and \
                        time.monotonic() - start > args.time_budget:
                    break
                job = next(it, None)
                if job is None:
                    break
                pending[pool.submit(runner.check_seed, *job)] = job
            if not pending:
                break
            finished, _ = concurrent.futures.wait(
                pending, return_when=concurrent.futures.FIRST_COMPLETED)
            for fut in finished:
                seed, mode, machine = pending.pop(fut)
                try:
                    ok, rep = fut.result()
                except (OSError, RuntimeError,
                        subprocess.SubprocessError) as e:
                    ok, rep = False, ("difftest: ERROR seed %d mode %s "
                                      "machine %s: %s" % (seed, mode,
                                                          machine, e))
                done += 1
                if ok:
                    if args.verbose:
                        print("difftest: seed %d mode %s machine %s: ok" %
                              (seed, mode, machine))
                else:
                    print(rep, flush=True)
                    failed.append((seed, mode, machine))
                    ref_failed |= "REFERENCE" in rep
    runner.cleanup()
    secs = time.monotonic() - start
    print("difftest: %d program(s) of %d items, %d matched, %d differ "
          "(%.1f s)" % (done, args.length, done - len(failed), len(failed),
                        secs))
    if failed:
        print("difftest: differing seeds: " + " ".join(
            "%d/%s/%s" % f for f in sorted(failed)))
    if ref_failed:
        return 2
    if args.expect_mismatch:
        if done and len(failed) == done:
            print("difftest: every program differed, as expected")
            return 0
        print("difftest: expected every program to differ")
        return 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Writes a random but valid RV64IMAC + Zicsr assembly program for the
differential test (docs/devel/difftest.md).

The program is deterministic from (seed, mode): the same arguments give the
same text on every host.  It defines `main` for the firmware runtime of
tests/firmware (crt0.S, runtime.c, link.ld) and, with
tests/difftest/dt-report.c, prints a dump of x1..x31, the scratch buffer,
a set of CSRs and (modes other than "normal") the recorded traps.

Modes: "normal" (M-mode, no traps), "trap" (M-mode, with instructions that
trap, recorded by a handler), "super" and "user" (as "trap", but the body
runs in S- or U-mode, so that privilege checks are exercised too).

Usage: gen-difftest.py --seed N [--mode normal|trap|super|user] [--length N]
                       [-o FILE]
"""

import argparse
import random
import re
import sys

SCRATCH_DWORDS = 32             # the private scratch buffer: 256 bytes
SCRATCH_BYTES = SCRATCH_DWORDS * 8
MAX_TRAPS = 64                  # trap records kept (the count goes on)
BRANCH_REACH = 6                # forward branch distance, in items
CK_EVERY = 10                   # a register checkpoint every N items
CK_BASE = 3                     # gp: the checkpoint base, never written
WRITABLE = [r for r in range(1, 32) if r != CK_BASE]

# CSRs the body reads and writes, and the dump prints.  mtval is kept out:
# the epilogue uses it to save x31.  In trap mode the handler owns
# mtvec, mscratch, mepc (and mcause/mtval), so the body leaves them alone.
CSRS_NORMAL = ["mscratch", "sscratch", "mtvec", "stvec", "mepc", "sepc"]
CSRS_TRAP = ["sscratch", "stvec", "sepc"]
CSRS_READ_ONLY = ["misa", "mhartid"]
# CSRs with WARL fields (which bits stick): interrupt enables and pending
# bits, delegation, counter enables.  Safe in M-mode with mstatus.MIE
# clear: nothing is taken, and M-mode traps are never delegated.
# Values written to them stay inside these masks: the standard bits
# (QEMU 7.2 also keeps the H extension's VS bits, LCOFI, medeleg[11] and
# the upper half of the 32-bit counter enables, see docs/devel/difftest.md).
CSRS_WARL = {
    "mie": 0xaaa, "mip": 0xaaa, "mideleg": 0xaaa, "sie": 0xaaa,
    "sip": 0xaaa, "medeleg": 0xb3ff, "mcounteren": 0xffffffff,
    "scounteren": 0xffffffff,
}

EDGE_VALUES = [
    0, 1, 2, 0xffffffffffffffff, 0xfffffffffffffffe,
    0x8000000000000000, 0x7fffffffffffffff, 0x80000000, 0x7fffffff,
    0xffffffff, 0xffffffff80000000, 0xffffffff7fffffff, 0x100000000,
    31, 32, 63, 64, 0x8000, 0xffff, 0x80, 0xff, 0xfffffffffffff800, 0x7ff,
]

# Mode name: privilege level the body runs in.
MODES = {"normal": 3, "trap": 3, "super": 1, "user": 0}

ALU_RR = ["add", "sub", "sll", "slt", "sltu", "xor", "srl", "sra", "or",
          "and", "addw", "subw", "sllw", "srlw", "sraw"]
ALU_RI = ["addi", "slti", "sltiu", "xori", "ori", "andi", "addiw"]
SHIFT_I = ["slli", "srli", "srai"]
SHIFT_IW = ["slliw", "srliw", "sraiw"]
MUL_DIV = ["mul", "mulh", "mulhsu", "mulhu", "div", "divu", "rem", "remu",
           "mulw", "divw", "divuw", "remw", "remuw"]
LOADS = {"lb": 1, "lbu": 1, "lh": 2, "lhu": 2, "lw": 4, "lwu": 4, "ld": 8}
STORES = {"sb": 1, "sh": 2, "sw": 4, "sd": 8}
BRANCHES = ["beq", "bne", "blt", "bge", "bltu", "bgeu"]
AMOS = ["amoswap", "amoadd", "amoxor", "amoand", "amoor", "amomin",
        "amomax", "amominu", "amomaxu"]
ORDERINGS = ["", ".aq", ".rl", ".aqrl"]


class Gen:
    """One program: a list of items (each a few lines that belong together).

    Labels sit only between items, so a forward branch never lands inside
    an item (e.g. between an address setup and the access that uses it).
    """

    def __init__(self, seed, mode, length):
        # Two streams: items, and initial values (registers, CSRs, the
        # scratch buffer), so that the values do not depend on --length.
        if mode in ("normal", "trap"):
            self.rng = random.Random(seed * 2 + (1 if mode == "trap" else 0))
        else:
            self.rng = random.Random("items:%d:%s" % (seed, mode))
        self.priv = MODES[mode]
        self.traps = mode != "normal"
        self.vrng = random.Random("values:%d:%s" % (seed, mode))
        self.seed = seed
        self.mode = mode
        self.length = length
        self.csrs = (CSRS_TRAP if self.traps else CSRS_NORMAL) + \
            list(CSRS_WARL)
        self.items = []

    # -- random helpers ---------------------------------------------------
    def value(self):
        r = self.rng.random()
        if r < 0.4:
            return self.rng.choice(EDGE_VALUES)
        if r < 0.6:
            return self.rng.getrandbits(12)
        if r < 0.7:
            return (-self.rng.getrandbits(12)) & (2**64 - 1)
        return self.rng.getrandbits(64)

    def reg(self, allow_zero=False):
        """With @allow_zero a source (any register, x0 now and then);
        without, a destination or base register (never CK_BASE)."""
        if allow_zero:
            if self.rng.random() < 0.03:
                return 0
            return self.rng.randint(1, 31)
        return self.rng.choice(WRITABLE)

    def rd(self):
        """A destination: sometimes x0, whose writes must be dropped."""
        return 0 if self.rng.random() < 0.03 else self.rng.choice(WRITABLE)

    def creg(self):
        return self.rng.randint(8, 15)

    def imm12(self):
        r = self.rng.random()
        if r < 0.3:
            return self.rng.choice([0, 1, -1, 2047, -2048, 0x7f, -0x80])
        return self.rng.randint(-2048, 2047)

    def shamt(self, bits):
        if self.rng.random() < 0.5:
            return self.rng.choice([0, 1, bits - 1, bits // 2, bits // 2 - 1])
        return self.rng.randint(0, bits - 1)

    def scratch_addr(self, width):
        """An aligned offset into the scratch buffer for a @width access."""
        return self.rng.randrange(0, SCRATCH_BYTES - width + 1, width)

    def base_setup(self, rb, offset, width):
        """Points @rb so that offset(@rb) is scratch+@offset; returns the
        immediate to use (random, so that negative offsets are covered)."""
        imm = self.rng.randrange(-256, 256, width) if self.rng.random() < 0.7 \
            else 0
        return ["la x%d, dt_scratch%+d" % (rb, offset - imm)], imm

    def item(self, lines, kind):
        """Appends one item; forward targets are drawn now (from the item
        stream), so that a shorter --length gives a prefix of the same
        program (the runner's minimizer relies on it)."""
        i = len(self.items)
        out = []
        for line in lines:
            if "@FWDC" in line:
                line = line.replace("@FWDC", "@T%d" % (
                    i + self.rng.randint(1, 3)))
            elif "@FWD" in line:
                line = line.replace("@FWD", "@T%d" % (
                    i + self.rng.randint(1, BRANCH_REACH)))
            out.append(line)
        self.items.append((kind, out))

    # -- instruction classes ----------------------------------------------
    def gen_alu_rr(self):
        op = self.rng.choice(ALU_RR)
        self.item(["%s x%d, x%d, x%d" % (op, self.rd(), self.reg(True),
                                         self.reg(True))], "alu")

    def gen_alu_ri(self):
        r = self.rng.random()
        if r < 0.5:
            op = self.rng.choice(ALU_RI)
            line = "%s x%d, x%d, %d" % (op, self.rd(), self.reg(True),
                                        self.imm12())
        elif r < 0.8:
            op = self.rng.choice(SHIFT_I)
            line = "%s x%d, x%d, %d" % (op, self.rd(), self.reg(True),
                                        self.shamt(64))
        else:
            op = self.rng.choice(SHIFT_IW)
            line = "%s x%d, x%d, %d" % (op, self.rd(), self.reg(True),
                                        self.shamt(32))
        self.item([line], "alu")

    def gen_upper(self):
        op = self.rng.choice(["lui", "auipc"])
        imm = self.rng.choice([0, 1, 0x7ffff, 0x80000, 0xfffff,
                               self.rng.getrandbits(20)])
        self.item(["%s x%d, 0x%x" % (op, self.rd(), imm)], "upper")

    def gen_muldiv(self):
        op = self.rng.choice(MUL_DIV)
        rs1, rs2 = self.reg(True), self.reg(True)
        lines = []
        r = self.rng.random()
        if r < 0.15 and rs2 in WRITABLE:
            lines.append("li x%d, 0" % rs2)              # division by zero
        elif r < 0.3 and rs1 in WRITABLE and rs2 in WRITABLE and rs1 != rs2:
            # Signed overflow: most negative / -1 (64- and 32-bit forms).
            if op.endswith("w"):
                lines.append("li x%d, 0x%x" % (rs1, self.rng.choice(
                    [0xffffffff80000000, 0x80000000, 0x1234567880000000])))
            else:
                lines.append("li x%d, 0x8000000000000000" % rs1)
            lines.append("li x%d, -1" % rs2)
        lines.append("%s x%d, x%d, x%d" % (op, self.rd(), rs1, rs2))
        self.item(lines, "muldiv")

    def gen_load(self):
        op = self.rng.choice(list(LOADS))
        width = LOADS[op]
        rb = self.reg()
        setup, imm = self.base_setup(rb, self.scratch_addr(width), width)
        self.item(setup + ["%s x%d, %d(x%d)" % (op, self.rd(), imm, rb)],
                  "load")

    def gen_store(self):
        op = self.rng.choice(list(STORES))
        width = STORES[op]
        rb = self.reg()
        setup, imm = self.base_setup(rb, self.scratch_addr(width), width)
        self.item(setup + ["%s x%d, %d(x%d)" % (op, self.reg(True), imm, rb)],
                  "store")

    def gen_misaligned(self):
        """A load or store at a misaligned address inside the buffer
        (both emulators perform these; neither traps)."""
        ops = dict(LOADS, **STORES)
        op = self.rng.choice([o for o in ops if ops[o] > 1])
        width = ops[op]
        rb = self.reg()
        addr = self.rng.randrange(0, SCRATCH_BYTES - width + 1)
        if addr % width == 0:
            addr += 1
            if addr > SCRATCH_BYTES - width:
                addr -= 2
        imm = self.rng.randint(-64, 64)
        if op in STORES:
            insn = "%s x%d, %d(x%d)" % (op, self.reg(True), imm, rb)
        else:
            insn = "%s x%d, %d(x%d)" % (op, self.rd(), imm, rb)
        self.item(["la x%d, dt_scratch%+d" % (rb, addr - imm), insn],
                  "misaligned")

    def gen_branch(self):
        op = self.rng.choice(BRANCHES)
        rs1 = self.reg(True)
        rs2 = rs1 if self.rng.random() < 0.1 else self.reg(True)
        self.item(["%s x%d, x%d, %s" % (op, rs1, rs2, "@FWD")], "branch")

    def gen_jump(self):
        r = self.rng.random()
        if r < 0.5:
            self.item(["jal x%d, @FWD" % self.rd()], "jump")
        else:
            # jalr through a register holding a forward label (minus a
            # random offset, so that the immediate is exercised too).
            rx = self.reg()
            off = self.rng.choice([0, 4, -4, 8, 12, -16, 2000, -2000])
            self.item(["la x%d, @FWD%+d" % (rx, -off),
                       "jalr x%d, %d(x%d)" % (self.rd(), off, rx)], "jump")

    def gen_amo(self):
        size = self.rng.choice(["w", "d"])
        width = 4 if size == "w" else 8
        rb = self.reg()
        addr = self.scratch_addr(width)
        la = "la x%d, dt_scratch+%d" % (rb, addr)
        order = self.rng.choice(ORDERINGS)
        r = self.rng.random()
        if r < 0.65:
            op = self.rng.choice(AMOS)
            self.item([la, "%s.%s%s x%d, x%d, (x%d)" % (
                op, size, order, self.rd(), self.reg(True), rb)], "amo")
            return
        # LR/SC: a successful pair, optionally followed by an SC that must
        # fail (the first SC cleared the reservation), or an SC to another
        # address.
        rd1 = self.rd()
        while rd1 == rb:
            rd1 = self.rd()
        rd2 = self.rd()
        while rd2 == rb:
            rd2 = self.rd()
        lines = [la, "lr.%s%s x%d, (x%d)" % (size, order, rd1, rb)]
        if self.rng.random() < 0.3:
            # A few ALU instructions between LR and SC (no memory access).
            for _ in range(self.rng.randint(1, 3)):
                t = self.rd()
                while t == rb:
                    t = self.rd()
                lines.append("addi x%d, x%d, %d" % (t, self.reg(True),
                                                    self.imm12()))
        if self.rng.random() < 0.2:
            # Another 8-byte granule: qomu's reservation set is the
            # aligned doubleword, QEMU's the exact address (both legal).
            other = (addr + 8 * self.rng.randint(1, 4)) % SCRATCH_BYTES
            lines.append("la x%d, dt_scratch+%d" % (rb, other))
        lines.append("sc.%s%s x%d, x%d, (x%d)" % (
            size, self.rng.choice(ORDERINGS), rd2, self.reg(True), rb))
        if self.rng.random() < 0.3:
            rd3 = self.rd()
            while rd3 == rb:
                rd3 = self.rd()
            lines.append("sc.%s x%d, x%d, (x%d)" % (size, rd3,
                                                   self.reg(True), rb))
        self.item(lines, "lrsc")

    def gen_compressed(self):
        rng = self.rng
        k = rng.randrange(0, 22)
        nz6 = lambda: rng.choice([i for i in range(-32, 32) if i != 0])
        if k == 0:
            self.item(["c.addi x%d, %d" % (self.reg(), nz6())], "rvc")
        elif k == 1:
            self.item(["c.li x%d, %d" % (self.reg(), rng.randint(-32, 31))],
                      "rvc")
        elif k == 2:
            rd = rng.choice([i for i in WRITABLE if i != 2])
            imm = rng.choice([i for i in range(1, 32)] +
                             [i for i in range(0xfffe0, 0x100000)])
            self.item(["c.lui x%d, 0x%x" % (rd, imm)], "rvc")
        elif k == 3:
            self.item(["c.addiw x%d, %d" % (self.reg(),
                                            rng.randint(-32, 31))], "rvc")
        elif k == 4:
            imm = rng.choice([i * 16 for i in range(-32, 32) if i != 0])
            self.item(["c.addi16sp x2, %d" % imm], "rvc")
        elif k == 5:
            self.item(["c.addi4spn x%d, x2, %d" % (
                self.creg(), rng.randrange(4, 1024, 4))], "rvc")
        elif k == 6:
            self.item(["c.slli x%d, %d" % (self.reg(), rng.choice(
                [1, 31, 32, 63, rng.randint(1, 63)]))], "rvc")
        elif k == 7:
            op = rng.choice(["c.srli", "c.srai"])
            self.item(["%s x%d, %d" % (op, self.creg(), rng.choice(
                [1, 31, 32, 63, rng.randint(1, 63)]))], "rvc")
        elif k == 8:
            self.item(["c.andi x%d, %d" % (self.creg(),
                                           rng.randint(-32, 31))], "rvc")
        elif k == 9:
            self.item(["c.mv x%d, x%d" % (self.reg(), self.reg())], "rvc")
        elif k == 10:
            self.item(["c.add x%d, x%d" % (self.reg(), self.reg())], "rvc")
        elif k == 11:
            op = rng.choice(["c.sub", "c.xor", "c.or", "c.and", "c.subw",
                             "c.addw"])
            self.item(["%s x%d, x%d" % (op, self.creg(), self.creg())],
                      "rvc")
        elif k in (12, 13):
            # c.lw/c.ld/c.sw/c.sd: base and data in x8..x15.
            op, width, maxoff = rng.choice([("c.lw", 4, 124),
                                            ("c.ld", 8, 248),
                                            ("c.sw", 4, 124),
                                            ("c.sd", 8, 248)])
            rb = self.creg()
            off = rng.randrange(0, maxoff + 1, width)
            addr = rng.randrange(0, SCRATCH_BYTES - width + 1, width)
            while addr - off < -2048 or addr - off > 2047:
                off = 0
            rs = self.creg()
            if op.startswith("c.l"):
                while rs == rb and rng.random() < 0.5:
                    rs = self.creg()
            self.item(["la x%d, dt_scratch%+d" % (rb, addr - off),
                       "%s x%d, %d(x%d)" % (op, rs, off, rb)], "rvc-mem")
        elif k in (14, 15):
            # Stack-pointer relative forms, with sp pointed into scratch.
            op, width, maxoff = rng.choice([("c.lwsp", 4, 252),
                                            ("c.ldsp", 8, 504),
                                            ("c.swsp", 4, 252),
                                            ("c.sdsp", 8, 504)])
            off = rng.randrange(0, min(maxoff, SCRATCH_BYTES - width) + 1,
                                width)
            addr = rng.randrange(off, SCRATCH_BYTES - width + 1, width)
            rs = self.reg() if op.startswith("c.l") else self.reg(True)
            if op.startswith("c.l"):
                while rs == 2:
                    rs = self.reg()
            self.item(["la x2, dt_scratch%+d" % (addr - off),
                       "%s x%d, %d(x2)" % (op, rs, off)], "rvc-mem")
        elif k == 16:
            self.item(["c.j @FWD"], "rvc-jump")
        elif k == 17:
            op = rng.choice(["c.beqz", "c.bnez"])
            self.item(["%s x%d, @FWDC" % (op, self.creg())], "rvc-branch")
        elif k == 18:
            rx = self.reg()
            self.item(["la x%d, @FWD" % rx, "c.jr x%d" % rx], "rvc-jump")
        elif k == 19:
            rx = self.reg()
            self.item(["la x%d, @FWD" % rx, "c.jalr x%d" % rx], "rvc-jump")
        elif k == 20:
            self.item(["c.nop"], "rvc")
        else:
            self.item(["c.addi x%d, %d" % (self.creg(), nz6())], "rvc")

    def gen_csr(self):
        rng = self.rng
        if rng.random() < 0.2:
            csr = rng.choice(CSRS_READ_ONLY)
            self.item(["csrr x%d, %s" % (self.rd(), csr)], "csr")
            return
        csr = rng.choice(self.csrs)
        if csr in CSRS_WARL:
            # Through a register loaded with a value inside the mask.
            rs = self.reg()
            op = rng.choice(["csrrw", "csrrs", "csrrc"])
            self.item(["li x%d, 0x%x" % (rs, self.value() & CSRS_WARL[csr]),
                       "%s x%d, %s, x%d" % (op, self.rd(), csr, rs)], "csr")
            return
        r = rng.random()
        if r < 0.5:
            op = rng.choice(["csrrw", "csrrs", "csrrc"])
            rs = self.reg(True)
            lines = []
            if csr in ("mtvec", "stvec") and op != "csrrc" and rs in WRITABLE:
                # Keep the mode field legal (direct/vectored) most of the
                # time; modes 2 and 3 are ignored writes on both.
                if rng.random() < 0.85:
                    lines.append("andi x%d, x%d, -3" % (rs, rs))
            if csr in ("mepc", "sepc") and op != "csrrc" and rs in WRITABLE:
                # QEMU 7.2 keeps xepc[0], which the spec makes zero
                # (docs/devel/difftest.md, known differences).
                lines.append("andi x%d, x%d, -2" % (rs, rs))
            lines.append("%s x%d, %s, x%d" % (op, self.rd(), csr, rs))
            self.item(lines, "csr")
        else:
            op = rng.choice(["csrrwi", "csrrsi", "csrrci"])
            imm = rng.randint(0, 31)
            if csr in ("mepc", "sepc") and op != "csrrci":
                imm &= ~1
            self.item(["%s x%d, %s, %d" % (op, self.rd(), csr, imm)], "csr")

    def gen_misc(self):
        self.item([self.rng.choice(["fence", "fence.i", "fence rw, rw",
                                    "fence r, w", "nop"])], "misc")

    def gen_trap(self):
        """An instruction that traps; the handler records and skips it."""
        rng = self.rng
        k = rng.randrange(0, 9)
        if k == 0:
            self.item(["ecall"], "trap")
        elif k == 1:
            self.item(["ebreak"], "trap")
        elif k == 2:
            self.item(["c.ebreak"], "trap")
        elif k == 3:
            # Writes to read-only CSRs are illegal.
            csr = rng.choice(["cycle", "time", "instret", "mhartid",
                              "mvendorid"])
            self.item(["csrw %s, x%d" % (csr, self.reg(True))], "trap")
        elif k == 4:
            # Encodings nobody implements here: custom-0/1 opcodes, the
            # all-zero halfword, F/D arithmetic (F is off on both).
            enc = rng.choice([
                0x0000000b | (rng.getrandbits(25) << 7),
                0x0000002b | (rng.getrandbits(25) << 7),
                0x00000053 | (rng.getrandbits(25) << 7),
            ])
            self.item([".4byte 0x%08x" % enc], "trap")
        elif k == 5:
            self.item([".2byte 0x0000"], "trap")
        elif k == 6:
            # Misaligned LR: load address-misaligned.  (Misaligned AMOs
            # and SCs are left out: QEMU 7.2 reports AMOs as load
            # misaligned and skips the check on a failing SC; see
            # docs/devel/difftest.md, known differences.)
            size = rng.choice(["w", "d"])
            width = 4 if size == "w" else 8
            rb = self.reg()
            off = rng.randrange(0, SCRATCH_BYTES - width, width) + \
                rng.randint(1, width - 1)
            self.item(["la x%d, dt_scratch+%d" % (rb, off),
                       "lr.%s x%d, (x%d)" % (size, self.rd(), rb)], "trap")
        elif k == 7:
            # Access to nothing: load/store access faults.
            rb = self.reg()
            op = rng.choice(["ld", "lw", "lbu", "sd", "sb"])
            addr = rng.randrange(0x10, 0x100, 8)
            if op.startswith("s"):
                insn = "%s x%d, 0(x%d)" % (op, self.reg(True), rb)
            else:
                insn = "%s x%d, 0(x%d)" % (op, self.rd(), rb)
            self.item(["li x%d, 0x%x" % (rb, addr), insn], "trap")
        else:
            # A CSR that does not exist.
            csr = rng.choice([0x8c0, 0x5c0, 0x7ff, 0xbc0])
            self.item(["csrr x%d, 0x%x" % (self.rd(), csr)], "trap")

    def alu_word(self, avoid):
        """The encoding of a random OP-IMM instruction whose rd is not in
        @avoid."""
        rng = self.rng
        rd = rng.choice([r for r in range(0, 32) if r not in avoid])
        f3 = rng.choice([0, 2, 3, 4, 6, 7])
        return (0x13 | (rd << 7) | (f3 << 12) | (rng.randint(0, 31) << 15) |
                (rng.getrandbits(12) << 20))

    def gen_smc(self):
        """Self-modifying code: an instruction slot runs, is overwritten
        with another instruction (sw + fence.i) and runs again, through a
        loop of exactly two passes (the only backward branch)."""
        rng = self.rng
        rc, rx, ry = rng.sample(WRITABLE, 3)
        old = self.alu_word({rc, CK_BASE})
        new = self.alu_word({rc, CK_BASE})
        self.item(["li x%d, 2" % rc,
                   ".balign 4",
                   "1:",
                   ".4byte 0x%08x" % old,
                   "addi x%d, x%d, -1" % (rc, rc),
                   "beqz x%d, 2f" % rc,
                   "la x%d, 1b" % rx,
                   "li x%d, 0x%x" % (ry, new),
                   "sw x%d, 0(x%d)" % (ry, rx),
                   "fence.i",
                   "j 1b",
                   "2:"], "smc")

    def gen_priv(self):
        """Privileged instructions below M-mode: mret is illegal in S and
        U, sret, wfi and sfence.vma are illegal in U (in S, sfence.vma is
        a legal no-op here; sret and wfi are not generated there)."""
        rng = self.rng
        if self.priv == 0:
            insn = rng.choice(["mret", "sret", "wfi", "sfence.vma",
                               "sfence.vma x%d, x%d" % (self.reg(True),
                                                        self.reg(True))])
        else:
            insn = rng.choice(["mret", "sfence.vma",
                               "sfence.vma x%d, x%d" % (self.reg(True),
                                                        self.reg(True))])
        self.item([insn], "priv")

    def rtype(self, opcode, funct3, funct7):
        """An R-type word with random registers."""
        return (opcode | (self.rng.randint(0, 31) << 7) | (funct3 << 12) |
                (self.rng.randint(0, 31) << 15) |
                (self.rng.randint(0, 31) << 20) | (funct7 << 25))

    def gen_illegal(self):
        """Reserved or unimplemented encodings, 32- and 16-bit, next to
        implemented ones: the decoder must trap with the bits in mtval."""
        rng = self.rng
        r3 = lambda lo: rng.randint(lo, 7)
        cands = [
            # OP: unknown funct7, funct7 0x20 with funct3 other than
            # sub/sra; OP-32: M funct3 1-3, funct7 0x20 other than subw/sraw.
            lambda: self.rtype(0x33, r3(0), rng.choice([0x02, 0x06, 0x0e,
                                                        0x7e])),
            lambda: self.rtype(0x33, rng.choice([1, 2, 3]), 0x20),
            lambda: self.rtype(0x3b, rng.choice([1, 2, 3]), 0x01),
            lambda: self.rtype(0x3b, rng.choice([1, 2, 3, 4, 6, 7]), 0x20),
            lambda: self.rtype(0x3b, rng.choice([2, 3, 4, 6, 7]), 0x00),
            # OP-IMM: slli with imm[11:6] != 0, srli/srai with other funct6.
            lambda: self.rtype(0x13, 1, rng.choice([0x02, 0x22, 0x7e])),
            lambda: self.rtype(0x13, 5, rng.choice([0x02, 0x22, 0x7e])),
            # OP-IMM-32: funct3 2/3/4/6/7, slliw with shamt[5] set.
            lambda: self.rtype(0x1b, rng.choice([2, 3, 4, 6, 7]), 0),
            lambda: self.rtype(0x1b, 1, rng.choice([0x01, 0x21])),
            lambda: self.rtype(0x1b, 5, rng.choice([0x01, 0x21, 0x02])),
            # LOAD funct3 7, STORE funct3 4-7, BRANCH funct3 2/3, JALR
            # funct3 != 0.
            lambda: self.rtype(0x03, 7, rng.getrandbits(7)),
            lambda: self.rtype(0x23, r3(4), rng.getrandbits(7)),
            lambda: self.rtype(0x63, rng.choice([2, 3]), rng.getrandbits(7)),
            lambda: self.rtype(0x67, r3(1), rng.getrandbits(7)),
            # AMO: funct3 other than 2/3, unknown funct5, LR with rs2 != 0.
            lambda: self.rtype(0x2f, rng.choice([0, 1, 4, 5, 6, 7]),
                               rng.getrandbits(7)),
            lambda: self.rtype(0x2f, rng.choice([2, 3]),
                               (rng.choice([0x05, 0x06, 0x0a, 0x0d, 0x1f])
                                << 2) | rng.getrandbits(2)),
            lambda: self.rtype(0x2f, rng.choice([2, 3]),
                               (0x02 << 2) | rng.getrandbits(2)) |
            (rng.randint(1, 31) << 20),
            # SYSTEM: funct3 4 (H is off), uret, dret, unknown funct12.
            lambda: self.rtype(0x73, 4, rng.getrandbits(7)),
            lambda: rng.choice([0x00200073, 0x7b200073, 0x00300073,
                                0x00400073]),
            # F/D/V and the custom opcodes (nothing of it is on).
            lambda: self.rtype(rng.choice([0x07, 0x27, 0x43, 0x47, 0x4b,
                                           0x4f, 0x53, 0x57, 0x0b, 0x2b,
                                           0x5b, 0x7b]),
                               r3(0), rng.getrandbits(7)),
        ]
        c16 = [
            0x0004 | (rng.randint(0, 7) << 2) & 0x1c,   # c.addi4spn imm 0
            0x6101,                                     # c.addi16sp imm 0
            0x6001 | (rng.choice([1, 3, 5, 31]) << 7),  # c.lui imm 0
            0x4002 | (rng.getrandbits(5) << 2),         # c.lwsp rd 0
            0x6002 | (rng.getrandbits(5) << 2),         # c.ldsp rd 0
            0x8002,                                     # c.jr x0
            0x2001 | (rng.getrandbits(5) << 2),         # c.addiw rd 0
            0x9c41 | (rng.randint(0, 7) << 7) | (rng.randint(0, 7) << 2)
            | (rng.randint(0, 1) << 5),                 # CA reserved
            0x2000 | rng.getrandbits(11) << 2,          # c.fld
            0xa000 | rng.getrandbits(11) << 2,          # c.fsd
            0x2002 | rng.getrandbits(11) << 2,          # c.fldsp
            0xa002 | rng.getrandbits(11) << 2,          # c.fsdsp
        ]
        if rng.random() < 0.35:
            self.item([".2byte 0x%04x" % (rng.choice(c16) & 0xffff)],
                      "illegal")
        else:
            self.item([".4byte 0x%08x" % (rng.choice(cands)() & 0xffffffff)],
                      "illegal")

    def gen_hint(self):
        """HINT encodings (legal, no effect besides the register rules)."""
        rng = self.rng
        rd = rng.choice(WRITABLE)
        c16 = [
            0x0002 | (rd << 7),                          # c.slli shamt 0
            0x8001 | (rng.randint(0, 7) << 7),           # c.srli shamt 0
            0x8401 | (rng.randint(0, 7) << 7),           # c.srai shamt 0
            0x0001 | (rng.randint(1, 31) << 2),          # c.nop imm != 0
            0x0001 | (rd << 7),                          # c.addi imm 0
            0x4001 | (rng.getrandbits(5) << 2),          # c.li x0
            0x6001 | (rng.randint(1, 31) << 2),          # c.lui x0
            0x8002 | (rng.randint(1, 31) << 2),          # c.mv x0
            0x9002 | (rng.randint(1, 31) << 2),          # c.add x0
        ]
        w32 = [
            0x00000013 | (rng.getrandbits(12) << 20) |
            (rng.getrandbits(5) << 15),                  # addi x0
            0x00000033 | (rng.getrandbits(10) << 15),    # add x0
            0x00000037 | (rng.getrandbits(20) << 12),    # lui x0
            0x0000000f | (rng.getrandbits(4) << 20) |
            (rng.getrandbits(4) << 24),                  # fence pred/succ
            0x8330000f,                                  # fence.tso
        ]
        if rng.random() < 0.6:
            self.item([".2byte 0x%04x" % rng.choice(c16)], "hint")
        else:
            self.item([".4byte 0x%08x" % rng.choice(w32)], "hint")

    # -- assembly ---------------------------------------------------------
    def generate(self):
        classes = [
            (self.gen_alu_rr, 14), (self.gen_alu_ri, 14),
            (self.gen_upper, 4), (self.gen_muldiv, 10),
            (self.gen_load, 9), (self.gen_store, 9),
            (self.gen_branch, 6), (self.gen_jump, 3),
            (self.gen_amo, 7), (self.gen_compressed, 14),
            (self.gen_csr, 6), (self.gen_misc, 1),
            (self.gen_misaligned, 2), (self.gen_smc, 1),
        ]
        if self.traps:
            classes += [(self.gen_trap, 8), (self.gen_illegal, 5),
                        (self.gen_hint, 2)]
        if self.priv < 3:
            classes.append((self.gen_priv, 3))
        funcs = [c for c, _ in classes]
        weights = [w for _, w in classes]
        while len(self.items) < self.length:
            self.rng.choices(funcs, weights)[0]()
        return self.emit()

    def resolve(self, line):
        """Turns @T<item> into a label, clamped to the end of the body."""
        n = len(self.items)
        return re.sub(r"@T(\d+)",
                      lambda m: ".Ldt_%d" % min(n, int(m.group(1))), line)

    def emit(self):
        self.rng = self.vrng
        out = []
        w = out.append
        w("/* Generated by tests/difftest/gen-difftest.py --seed %d "
          "--mode %s --length %d: do not edit. */" %
          (self.seed, self.mode, self.length))
        w("    .option norelax")
        w("    .data")
        w("    .balign 64")
        w("    .globl dt_scratch")
        w("dt_scratch:")
        for _ in range(SCRATCH_DWORDS):
            w("    .dword 0x%016x" % self.value())
        w("    .globl dt_scratch_dwords")
        w("dt_scratch_dwords:")
        w("    .dword %d" % SCRATCH_DWORDS)
        w("    .globl dt_regs")
        w("dt_regs:")
        w("    .zero %d" % (32 * 8))
        csrs = self.csrs + CSRS_READ_ONLY
        w("    .globl dt_csr_count")
        w("dt_csr_count:")
        w("    .dword %d" % len(csrs))
        w("    .globl dt_csr_vals")
        w("dt_csr_vals:")
        w("    .zero %d" % (len(csrs) * 8))
        w("dt_saved:")
        w("    .zero 48")
        nck = max(1, (len(self.items) - 1) // CK_EVERY)
        w("    .globl dt_ck_count")
        w("dt_ck_count:")
        w("    .dword %d" % nck)
        w("    .globl dt_ck")
        w("    .balign 64")
        w("dt_ck:")
        w("    .zero %d" % (nck * 256))
        w("    .globl dt_trap_count")
        w("dt_trap_count:")
        w("    .dword 0")
        w("    .globl dt_trap_max")
        w("dt_trap_max:")
        w("    .dword %d" % MAX_TRAPS)
        w("dt_trap_tmp:")
        w("    .zero 16")
        w("    .globl dt_trap_log")
        w("dt_trap_log:")
        w("    .zero %d" % (MAX_TRAPS * 24))
        w("    .section .rodata")
        w("    .globl dt_csr_names")
        w("dt_csr_names:")
        for c in csrs:
            w('    .asciz "%s"' % c)
        w("    .globl dt_mode")
        w("dt_mode:")
        w('    .asciz "%s"' % self.mode)
        w("    .globl dt_seed")
        w("    .balign 8")
        w("dt_seed:")
        w("    .dword %d" % self.seed)
        w("")
        w("    .text")
        # main: save what the runtime needs back, take over mtvec.
        w("    .globl main")
        w("main:")
        w("    la t0, dt_saved")
        w("    sd ra, 0(t0)")
        w("    sd sp, 8(t0)")
        w("    sd gp, 16(t0)")
        w("    sd tp, 24(t0)")
        w("    csrr t1, mtvec")
        w("    sd t1, 32(t0)")
        w("    csrr t1, mscratch")
        w("    sd t1, 40(t0)")
        w("    la t1, dt_trap_entry")
        w("    csrw mtvec, t1")
        w("    /* Seed the CSRs, then every register. */")
        for c in self.csrs:
            v = self.value()
            if c in ("mtvec", "stvec"):
                v &= ~2
            if c in ("mepc", "sepc"):
                v &= ~1
            if c in CSRS_WARL:
                v &= CSRS_WARL[c]
            if self.priv < 3 and c in ("medeleg", "mideleg", "mie"):
                # Every trap goes to the M-mode handler, and no interrupt
                # is taken below M (QEMU 7.2 orders simultaneous ones by
                # bit number, not as the spec does: known differences).
                v = 0
            w("    li t0, 0x%x" % v)
            w("    csrw %s, t0" % c)
        if self.priv < 3:
            w("    /* mret into the body at privilege %d. */" % self.priv)
            w("    li t0, 0x1800")
            w("    csrc mstatus, t0")
            if self.priv:
                w("    li t0, 0x%x" % (self.priv << 11))
                w("    csrs mstatus, t0")
            w("    la t0, .Ldt_body")
            w("    csrw mepc, t0")
        for r in range(1, 32):
            v = self.value()
            if r == CK_BASE:
                w("    la x%d, dt_ck" % r)
            else:
                w("    li x%d, 0x%x" % (r, v))
        if self.priv < 3:
            w("    mret")
        w(".Ldt_body:")
        w("    /* The random body: %d items. */" % len(self.items))
        for i, (kind, lines) in enumerate(self.items):
            w(".Ldt_%d:  /* @%d %s */" % (i, i, kind))
            if i and i % CK_EVERY == 0:
                # Checkpoint: the registers into the next 256-byte slot.
                w("    /* checkpoint %d */" % (i // CK_EVERY - 1))
                for r in WRITABLE:
                    w("    sd x%d, %d(x%d)" % (r, r * 8, CK_BASE))
                w("    addi x%d, x%d, 256" % (CK_BASE, CK_BASE))
            for line in lines:
                w("    " + self.resolve(line))
        w(".Ldt_%d:  /* @end */" % len(self.items))
        if self.priv < 3:
            w("    /* Back to M-mode: the handler knows this ecall. */")
            w(".Ldt_end_ecall:")
            w("    ecall")
            w(".Ldt_epilogue:")
        # Epilogue: x31 goes through mtval (not in the dumped set).
        w("    csrw mtval, x31")
        w("    la x31, dt_regs")
        for r in range(1, 31):
            w("    sd x%d, %d(x31)" % (r, r * 8))
        w("    csrr x1, mtval")
        w("    sd x1, %d(x31)" % (31 * 8))
        w("    la t0, dt_csr_vals")
        for k, c in enumerate(csrs):
            w("    csrr t1, %s" % c)
            w("    sd t1, %d(t0)" % (k * 8))
        w("    la t0, dt_saved")
        w("    ld ra, 0(t0)")
        w("    ld sp, 8(t0)")
        w("    ld gp, 16(t0)")
        w("    ld tp, 24(t0)")
        w("    ld t1, 32(t0)")
        w("    csrw mtvec, t1")
        w("    ld t1, 40(t0)")
        w("    csrw mscratch, t1")
        w("    tail dt_report")
        w("")
        # Trap handler: record mcause/mtval/mepc, skip the instruction.
        w("    .balign 4")
        w("dt_trap_entry:")
        w("    csrw mscratch, t0")
        w("    la t0, dt_trap_tmp")
        w("    sd t1, 0(t0)")
        w("    sd t2, 8(t0)")
        if self.priv < 3:
            w("    csrr t1, mepc")
            w("    la t2, .Ldt_end_ecall")
            w("    bne t1, t2, 3f")
            w("    li t1, 0x1800")
            w("    csrs mstatus, t1")
            w("    la t1, .Ldt_epilogue")
            w("    csrw mepc, t1")
            w("    j 4f")
            w("3:")
        w("    la t0, dt_trap_count")
        w("    ld t1, 0(t0)")
        w("    addi t2, t1, 1")
        w("    sd t2, 0(t0)")
        w("    li t2, %d" % MAX_TRAPS)
        w("    bgeu t1, t2, 1f")
        w("    li t2, 24")
        w("    mul t1, t1, t2")
        w("    la t2, dt_trap_log")
        w("    add t1, t1, t2")
        w("    csrr t2, mcause")
        w("    sd t2, 0(t1)")
        w("    csrr t2, mtval")
        w("    sd t2, 8(t1)")
        w("    csrr t2, mepc")
        w("    sd t2, 16(t1)")
        w("    /* Breakpoints: mtval is 0 (QEMU) or the pc (qomu), both")
        w("       legal: record 0 for either. */")
        w("    ld t0, 0(t1)")
        w("    addi t0, t0, -3")
        w("    bnez t0, 1f")
        w("    ld t0, 8(t1)")
        w("    bne t0, t2, 1f")
        w("    sd zero, 8(t1)")
        w("1:")
        w("    csrr t1, mepc")
        w("    lhu t2, 0(t1)")
        w("    andi t2, t2, 3")
        w("    addi t1, t1, 2")
        w("    li t0, 3")
        w("    bne t2, t0, 2f")
        w("    addi t1, t1, 2")
        w("2:")
        w("    csrw mepc, t1")
        w("4:")
        w("    la t0, dt_trap_tmp")
        w("    ld t1, 0(t0)")
        w("    ld t2, 8(t0)")
        w("    csrr t0, mscratch")
        w("    mret")
        return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--mode", choices=list(MODES), default="normal")
    ap.add_argument("--length", type=int, default=300,
                    help="number of random items (default 300)")
    ap.add_argument("-o", "--output", default="-")
    args = ap.parse_args()
    text = Gen(args.seed, args.mode, args.length).generate()
    if args.output == "-":
        sys.stdout.write(text)
    else:
        with open(args.output, "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()

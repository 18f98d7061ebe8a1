/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * riscv.c: the built-in RISC-V disassembler: RV64I, M, A, F, D, C, Zicsr,
 * Zifencei, the privileged instructions, Zba, Zbb and Zbs, printed the way
 * GNU objdump 2.40 prints them (see include/disas/riscv.h and
 * docs/devel/disas.md).
 *
 * Decoding is one table per instruction length.  Each entry is a
 * (match, mask) pair, a check on the fields the mask cannot express and an
 * operand format.  The first entry that matches wins, so an alias
 * (pseudo-instruction) is listed before the instruction it is an alias of.
 */
#include "qomu/osdep.h"
#include "disas/riscv.h"
#include "riscv-internal.h"

/* Extra conditions an entry puts on the instruction word. */
typedef enum {
    CHK_NONE,
    CHK_RD_NZ,          /* rd != x0 */
    CHK_RS1_EQ_RS2,     /* fmv/fneg/fabs: both sources the same */
    CHK_C_ADDI4SPN,     /* nzuimm != 0 */
    CHK_C_LUI_IMM,      /* nzimm != 0 */
    CHK_C_RS2_NZ,       /* rs2 (bits 6:2) != x0 */
} DisasCheck;

/* Entry flags. */
enum {
    F_AQRL = 1,         /* append .aq/.rl/.aqrl from bits 26:25 */
};

typedef struct {
    const char *name;
    uint32_t match;
    uint32_t mask;
    uint8_t check;
    uint8_t flags;
    /*
     * Operands: '%' followed by a code (see print_operand()), any other
     * character printed as is.
     */
    const char *fmt;
} RiscvOpcode;

/* Field masks of the 32-bit formats. */
#define M_OPC    0x0000007fu
#define M_F3     0x0000707fu            /* opcode + funct3 */
#define M_R      0xfe00707fu            /* opcode + funct3 + funct7 */
#define M_RD     0x00000f80u
#define M_RS1    0x000f8000u
#define M_RS2    0x01f00000u
#define M_IMM    0xfff00000u
#define M_RM     0x00007000u
#define M_SH6    0xfc00707fu            /* RV64 shift-immediate: funct6 */
#define M_AMO    0xf800707fu            /* funct5 + funct3 + opcode */
#define M_FP4    0x0600007fu            /* fmadd & co: fmt + opcode */

#define ENC_I(opc, f3)          ((uint32_t)(opc) | ((uint32_t)(f3) << 12))
#define ENC_R(opc, f3, f7)      (ENC_I(opc, f3) | ((uint32_t)(f7) << 25))
#define ENC_RD(r)               ((uint32_t)(r) << 7)
#define ENC_RS1(r)              ((uint32_t)(r) << 15)
#define ENC_RS2(r)              ((uint32_t)(r) << 20)
#define ENC_IMM(i)              ((uint32_t)(i) << 20)
#define ENC_AMO(f5, f3)         (ENC_I(0x2f, f3) | ((uint32_t)(f5) << 27))

/* Field masks of the 16-bit formats. */
#define C_F3     0xe003u                /* funct3 + quadrant */
#define C_RD     0x0f80u
#define C_RS2    0x007cu
#define ENC_C(q, f3)            ((uint32_t)(q) | ((uint32_t)(f3) << 13))

/* OP-FP entries for fmt S (0) and D (1); rm = dyn printed as nothing. */
#define FP_RRR(n, f5, fmt)                                                   \
    { n, ENC_R(0x53, 7, ((f5) << 2) | (fmt)), M_R, 0, 0, "%D,%S,%T" },       \
    { n, ENC_R(0x53, 0, ((f5) << 2) | (fmt)), 0xfe00007fu, 0, 0,             \
      "%D,%S,%T,%m" }
#define FP_R4(n, opc, fmt)                                                   \
    { n, ENC_I(opc, 7) | ((fmt) << 25), M_FP4 | M_RM, 0, 0,                  \
      "%D,%S,%T,%R" },                                                       \
    { n, (opc) | ((fmt) << 25), M_FP4, 0, 0, "%D,%S,%T,%R,%m" }
/* A conversion, rs2 selecting the integer width; rm = dyn not shown. */
#define FP_CVT(n, f7, rs2, f)                                                \
    { n, ENC_R(0x53, 7, f7) | ENC_RS2(rs2), M_R | M_RS2, 0, 0, f },          \
    { n, ENC_R(0x53, 0, f7) | ENC_RS2(rs2), 0xfe00007fu | M_RS2, 0, 0,       \
      f ",%m" }
/*
 * A conversion that is always exact: objdump knows it only with rm = 0
 * (rne) and prints no rounding mode; any other rm is ".4byte".
 */
#define FP_CVT_EXACT(n, f7, rs2, f)                                          \
    { n, ENC_R(0x53, 0, f7) | ENC_RS2(rs2), M_R | M_RS2, 0, 0, f }

#define AMO(n, f5)                                                           \
    { n ".w", ENC_AMO(f5, 2), M_AMO, 0, F_AQRL, "%d,%t,(%s)" },              \
    { n ".d", ENC_AMO(f5, 3), M_AMO, 0, F_AQRL, "%d,%t,(%s)" }

#define CSR(c)          ENC_IMM(c)

static const RiscvOpcode riscv_opcodes32[] = {
    /* RV64I: U and J types */
    { "lui", 0x37, M_OPC, 0, 0, "%d,%u" },
    { "auipc", 0x17, M_OPC, 0, 0, "%d,%u" },
    { "j", 0x6f, M_OPC | M_RD, 0, 0, "%j" },
    { "jal", 0x6f | ENC_RD(1), M_OPC | M_RD, 0, 0, "%j" },
    { "jal", 0x6f, M_OPC, 0, 0, "%d,%j" },
    /* jalr */
    { "ret", ENC_I(0x67, 0) | ENC_RS1(1), M_F3 | M_RD | M_RS1 | M_IMM, 0, 0,
      "" },
    { "jr", ENC_I(0x67, 0), M_F3 | M_RD | M_IMM, 0, 0, "%s" },
    { "jr", ENC_I(0x67, 0), M_F3 | M_RD, 0, 0, "%i(%s)" },
    { "jalr", ENC_I(0x67, 0) | ENC_RD(1), M_F3 | M_RD | M_IMM, 0, 0, "%s" },
    { "jalr", ENC_I(0x67, 0) | ENC_RD(1), M_F3 | M_RD, 0, 0, "%i(%s)" },
    { "jalr", ENC_I(0x67, 0), M_F3 | M_IMM, 0, 0, "%d,%s" },
    { "jalr", ENC_I(0x67, 0), M_F3, 0, 0, "%d,%i(%s)" },
    /* branches */
    { "beqz", ENC_I(0x63, 0), M_F3 | M_RS2, 0, 0, "%s,%b" },
    { "beq", ENC_I(0x63, 0), M_F3, 0, 0, "%s,%t,%b" },
    { "bnez", ENC_I(0x63, 1), M_F3 | M_RS2, 0, 0, "%s,%b" },
    { "bne", ENC_I(0x63, 1), M_F3, 0, 0, "%s,%t,%b" },
    { "bltz", ENC_I(0x63, 4), M_F3 | M_RS2, 0, 0, "%s,%b" },
    { "bgtz", ENC_I(0x63, 4), M_F3 | M_RS1, 0, 0, "%t,%b" },
    { "blt", ENC_I(0x63, 4), M_F3, 0, 0, "%s,%t,%b" },
    { "blez", ENC_I(0x63, 5), M_F3 | M_RS1, 0, 0, "%t,%b" },
    { "bgez", ENC_I(0x63, 5), M_F3 | M_RS2, 0, 0, "%s,%b" },
    { "bge", ENC_I(0x63, 5), M_F3, 0, 0, "%s,%t,%b" },
    { "bltu", ENC_I(0x63, 6), M_F3, 0, 0, "%s,%t,%b" },
    { "bgeu", ENC_I(0x63, 7), M_F3, 0, 0, "%s,%t,%b" },
    /* loads and stores */
    { "lb", ENC_I(0x03, 0), M_F3, 0, 0, "%d,%i(%s)" },
    { "lh", ENC_I(0x03, 1), M_F3, 0, 0, "%d,%i(%s)" },
    { "lw", ENC_I(0x03, 2), M_F3, 0, 0, "%d,%i(%s)" },
    { "ld", ENC_I(0x03, 3), M_F3, 0, 0, "%d,%i(%s)" },
    { "lbu", ENC_I(0x03, 4), M_F3, 0, 0, "%d,%i(%s)" },
    { "lhu", ENC_I(0x03, 5), M_F3, 0, 0, "%d,%i(%s)" },
    { "lwu", ENC_I(0x03, 6), M_F3, 0, 0, "%d,%i(%s)" },
    { "sb", ENC_I(0x23, 0), M_F3, 0, 0, "%t,%o(%s)" },
    { "sh", ENC_I(0x23, 1), M_F3, 0, 0, "%t,%o(%s)" },
    { "sw", ENC_I(0x23, 2), M_F3, 0, 0, "%t,%o(%s)" },
    { "sd", ENC_I(0x23, 3), M_F3, 0, 0, "%t,%o(%s)" },
    /*
     * OP-IMM.  objdump 2.40 matches its register-register aliases first, so
     * "addi a0,a1,5" prints as "add a0,a1,5", "srli" as "srl", "csrrwi" as
     * "csrrw" and so on; we print what it prints.
     */
    { "nop", 0x13, 0xffffffffu, 0, 0, "" },
    { "li", ENC_I(0x13, 0), M_F3 | M_RS1, 0, 0, "%d,%i" },
    { "mv", ENC_I(0x13, 0), M_F3 | M_IMM, 0, 0, "%d,%s" },
    { "add", ENC_I(0x13, 0), M_F3, 0, 0, "%d,%s,%i" },
    { "slti", ENC_I(0x13, 2), M_F3, 0, 0, "%d,%s,%i" },
    { "seqz", ENC_I(0x13, 3) | ENC_IMM(1), M_F3 | M_IMM, 0, 0, "%d,%s" },
    { "sltiu", ENC_I(0x13, 3), M_F3, 0, 0, "%d,%s,%i" },
    { "not", ENC_I(0x13, 4) | ENC_IMM(0xfff), M_F3 | M_IMM, 0, 0, "%d,%s" },
    { "xor", ENC_I(0x13, 4), M_F3, 0, 0, "%d,%s,%i" },
    { "or", ENC_I(0x13, 6), M_F3, 0, 0, "%d,%s,%i" },
    { "zext.b", ENC_I(0x13, 7) | ENC_IMM(0xff), M_F3 | M_IMM, 0, 0,
      "%d,%s" },
    { "and", ENC_I(0x13, 7), M_F3, 0, 0, "%d,%s,%i" },
    { "sll", ENC_I(0x13, 1), M_SH6, 0, 0, "%d,%s,%h" },
    { "srl", ENC_I(0x13, 5), M_SH6, 0, 0, "%d,%s,%h" },
    { "sra", ENC_I(0x13, 5) | (0x10u << 26), M_SH6, 0, 0, "%d,%s,%h" },
    /* OP-IMM-32 */
    { "sext.w", ENC_I(0x1b, 0), M_F3 | M_IMM, 0, 0, "%d,%s" },
    { "addw", ENC_I(0x1b, 0), M_F3, 0, 0, "%d,%s,%i" },
    { "sllw", ENC_R(0x1b, 1, 0), M_R, 0, 0, "%d,%s,%H" },
    { "srlw", ENC_R(0x1b, 5, 0), M_R, 0, 0, "%d,%s,%H" },
    { "sraw", ENC_R(0x1b, 5, 0x20), M_R, 0, 0, "%d,%s,%H" },
    /* OP */
    { "add", ENC_R(0x33, 0, 0), M_R, 0, 0, "%d,%s,%t" },
    { "neg", ENC_R(0x33, 0, 0x20), M_R | M_RS1, 0, 0, "%d,%t" },
    { "sub", ENC_R(0x33, 0, 0x20), M_R, 0, 0, "%d,%s,%t" },
    { "sll", ENC_R(0x33, 1, 0), M_R, 0, 0, "%d,%s,%t" },
    { "sltz", ENC_R(0x33, 2, 0), M_R | M_RS2, 0, 0, "%d,%s" },
    { "sgtz", ENC_R(0x33, 2, 0), M_R | M_RS1, 0, 0, "%d,%t" },
    { "slt", ENC_R(0x33, 2, 0), M_R, 0, 0, "%d,%s,%t" },
    { "snez", ENC_R(0x33, 3, 0), M_R | M_RS1, 0, 0, "%d,%t" },
    { "sltu", ENC_R(0x33, 3, 0), M_R, 0, 0, "%d,%s,%t" },
    { "xor", ENC_R(0x33, 4, 0), M_R, 0, 0, "%d,%s,%t" },
    { "srl", ENC_R(0x33, 5, 0), M_R, 0, 0, "%d,%s,%t" },
    { "sra", ENC_R(0x33, 5, 0x20), M_R, 0, 0, "%d,%s,%t" },
    { "or", ENC_R(0x33, 6, 0), M_R, 0, 0, "%d,%s,%t" },
    { "and", ENC_R(0x33, 7, 0), M_R, 0, 0, "%d,%s,%t" },
    /* OP-32 */
    { "addw", ENC_R(0x3b, 0, 0), M_R, 0, 0, "%d,%s,%t" },
    { "negw", ENC_R(0x3b, 0, 0x20), M_R | M_RS1, 0, 0, "%d,%t" },
    { "subw", ENC_R(0x3b, 0, 0x20), M_R, 0, 0, "%d,%s,%t" },
    { "sllw", ENC_R(0x3b, 1, 0), M_R, 0, 0, "%d,%s,%t" },
    { "srlw", ENC_R(0x3b, 5, 0), M_R, 0, 0, "%d,%s,%t" },
    { "sraw", ENC_R(0x3b, 5, 0x20), M_R, 0, 0, "%d,%s,%t" },
    /* M */
    { "mul", ENC_R(0x33, 0, 1), M_R, 0, 0, "%d,%s,%t" },
    { "mulh", ENC_R(0x33, 1, 1), M_R, 0, 0, "%d,%s,%t" },
    { "mulhsu", ENC_R(0x33, 2, 1), M_R, 0, 0, "%d,%s,%t" },
    { "mulhu", ENC_R(0x33, 3, 1), M_R, 0, 0, "%d,%s,%t" },
    { "div", ENC_R(0x33, 4, 1), M_R, 0, 0, "%d,%s,%t" },
    { "divu", ENC_R(0x33, 5, 1), M_R, 0, 0, "%d,%s,%t" },
    { "rem", ENC_R(0x33, 6, 1), M_R, 0, 0, "%d,%s,%t" },
    { "remu", ENC_R(0x33, 7, 1), M_R, 0, 0, "%d,%s,%t" },
    { "mulw", ENC_R(0x3b, 0, 1), M_R, 0, 0, "%d,%s,%t" },
    { "divw", ENC_R(0x3b, 4, 1), M_R, 0, 0, "%d,%s,%t" },
    { "divuw", ENC_R(0x3b, 5, 1), M_R, 0, 0, "%d,%s,%t" },
    { "remw", ENC_R(0x3b, 6, 1), M_R, 0, 0, "%d,%s,%t" },
    { "remuw", ENC_R(0x3b, 7, 1), M_R, 0, 0, "%d,%s,%t" },
    /* MISC-MEM */
    { "fence", ENC_I(0x0f, 0) | ENC_IMM(0x0ff), 0xffffffffu, 0, 0, "" },
    { "fence.tso", 0x8330000fu, 0xffffffffu, 0, 0, "" },
    { "fence", ENC_I(0x0f, 0), M_F3 | M_RD | M_RS1 | 0xf0000000u, 0, 0,
      "%p,%q" },
    { "fence.i", ENC_I(0x0f, 1), 0xffffffffu, 0, 0, "" },
    /* SYSTEM */
    { "ecall", 0x00000073u, 0xffffffffu, 0, 0, "" },
    { "ebreak", 0x00100073u, 0xffffffffu, 0, 0, "" },
    { "sret", 0x10200073u, 0xffffffffu, 0, 0, "" },
    { "mret", 0x30200073u, 0xffffffffu, 0, 0, "" },
    { "wfi", 0x10500073u, 0xffffffffu, 0, 0, "" },
    { "sfence.vma", ENC_R(0x73, 0, 0x09), M_R | M_RD | M_RS1 | M_RS2, 0, 0,
      "" },
    { "sfence.vma", ENC_R(0x73, 0, 0x09), M_R | M_RD | M_RS2, 0, 0, "%s" },
    { "sfence.vma", ENC_R(0x73, 0, 0x09), M_R | M_RD, 0, 0, "%s,%t" },
    /* Zicsr, with the aliases objdump prefers */
    { "unimp", ENC_I(0x73, 1) | CSR(0xc00), 0xffffffffu, 0, 0, "" },
    { "frflags", ENC_I(0x73, 2) | CSR(0x001), M_F3 | M_IMM | M_RS1, 0, 0,
      "%d" },
    { "fsflags", ENC_I(0x73, 1) | CSR(0x001), M_F3 | M_IMM | M_RD, 0, 0,
      "%s" },
    { "fsflags", ENC_I(0x73, 1) | CSR(0x001), M_F3 | M_IMM, 0, 0, "%d,%s" },
    { "fsflagsi", ENC_I(0x73, 5) | CSR(0x001), M_F3 | M_IMM, 0, 0,
      "%d,%z" },
    { "frrm", ENC_I(0x73, 2) | CSR(0x002), M_F3 | M_IMM | M_RS1, 0, 0, "%d" },
    { "fsrm", ENC_I(0x73, 1) | CSR(0x002), M_F3 | M_IMM | M_RD, 0, 0, "%s" },
    { "fsrm", ENC_I(0x73, 1) | CSR(0x002), M_F3 | M_IMM, 0, 0, "%d,%s" },
    { "fsrmi", ENC_I(0x73, 5) | CSR(0x002), M_F3 | M_IMM, 0, 0, "%d,%z" },
    { "frcsr", ENC_I(0x73, 2) | CSR(0x003), M_F3 | M_IMM | M_RS1, 0, 0, "%d" },
    { "fscsr", ENC_I(0x73, 1) | CSR(0x003), M_F3 | M_IMM | M_RD, 0, 0, "%s" },
    { "fscsr", ENC_I(0x73, 1) | CSR(0x003), M_F3 | M_IMM, 0, 0, "%d,%s" },
    { "rdcycle", ENC_I(0x73, 2) | CSR(0xc00), M_F3 | M_IMM | M_RS1, 0, 0,
      "%d" },
    { "rdtime", ENC_I(0x73, 2) | CSR(0xc01), M_F3 | M_IMM | M_RS1, 0, 0,
      "%d" },
    { "rdinstret", ENC_I(0x73, 2) | CSR(0xc02), M_F3 | M_IMM | M_RS1, 0, 0,
      "%d" },
    { "csrr", ENC_I(0x73, 2), M_F3 | M_RS1, 0, 0, "%d,%c" },
    { "csrw", ENC_I(0x73, 1), M_F3 | M_RD, 0, 0, "%c,%s" },
    { "csrs", ENC_I(0x73, 2), M_F3 | M_RD, 0, 0, "%c,%s" },
    { "csrc", ENC_I(0x73, 3), M_F3 | M_RD, 0, 0, "%c,%s" },
    { "csrw", ENC_I(0x73, 5), M_F3 | M_RD, 0, 0, "%c,%z" },
    { "csrs", ENC_I(0x73, 6), M_F3 | M_RD, 0, 0, "%c,%z" },
    { "csrc", ENC_I(0x73, 7), M_F3 | M_RD, 0, 0, "%c,%z" },
    { "csrrw", ENC_I(0x73, 1), M_F3, 0, 0, "%d,%c,%s" },
    { "csrrs", ENC_I(0x73, 2), M_F3, 0, 0, "%d,%c,%s" },
    { "csrrc", ENC_I(0x73, 3), M_F3, 0, 0, "%d,%c,%s" },
    { "csrrw", ENC_I(0x73, 5), M_F3, 0, 0, "%d,%c,%z" },
    { "csrrs", ENC_I(0x73, 6), M_F3, 0, 0, "%d,%c,%z" },
    { "csrrc", ENC_I(0x73, 7), M_F3, 0, 0, "%d,%c,%z" },
    /* A */
    { "lr.w", ENC_AMO(0x02, 2), M_AMO | M_RS2, 0, F_AQRL, "%d,(%s)" },
    { "lr.d", ENC_AMO(0x02, 3), M_AMO | M_RS2, 0, F_AQRL, "%d,(%s)" },
    AMO("sc", 0x03),
    AMO("amoswap", 0x01),
    AMO("amoadd", 0x00),
    AMO("amoxor", 0x04),
    AMO("amoand", 0x0c),
    AMO("amoor", 0x08),
    AMO("amomin", 0x10),
    AMO("amomax", 0x14),
    AMO("amominu", 0x18),
    AMO("amomaxu", 0x1c),
    /* F and D */
    { "flw", ENC_I(0x07, 2), M_F3, 0, 0, "%D,%i(%s)" },
    { "fld", ENC_I(0x07, 3), M_F3, 0, 0, "%D,%i(%s)" },
    { "fsw", ENC_I(0x27, 2), M_F3, 0, 0, "%T,%o(%s)" },
    { "fsd", ENC_I(0x27, 3), M_F3, 0, 0, "%T,%o(%s)" },
    FP_R4("fmadd.s", 0x43, 0), FP_R4("fmadd.d", 0x43, 1),
    FP_R4("fmsub.s", 0x47, 0), FP_R4("fmsub.d", 0x47, 1),
    FP_R4("fnmsub.s", 0x4b, 0), FP_R4("fnmsub.d", 0x4b, 1),
    FP_R4("fnmadd.s", 0x4f, 0), FP_R4("fnmadd.d", 0x4f, 1),
    FP_RRR("fadd.s", 0x00, 0), FP_RRR("fadd.d", 0x00, 1),
    FP_RRR("fsub.s", 0x01, 0), FP_RRR("fsub.d", 0x01, 1),
    FP_RRR("fmul.s", 0x02, 0), FP_RRR("fmul.d", 0x02, 1),
    FP_RRR("fdiv.s", 0x03, 0), FP_RRR("fdiv.d", 0x03, 1),
    FP_CVT("fsqrt.s", 0x2c, 0, "%D,%S"), FP_CVT("fsqrt.d", 0x2d, 0, "%D,%S"),
    { "fmv.s", ENC_R(0x53, 0, 0x10), M_R, CHK_RS1_EQ_RS2, 0, "%D,%S" },
    { "fsgnj.s", ENC_R(0x53, 0, 0x10), M_R, 0, 0, "%D,%S,%T" },
    { "fneg.s", ENC_R(0x53, 1, 0x10), M_R, CHK_RS1_EQ_RS2, 0, "%D,%S" },
    { "fsgnjn.s", ENC_R(0x53, 1, 0x10), M_R, 0, 0, "%D,%S,%T" },
    { "fabs.s", ENC_R(0x53, 2, 0x10), M_R, CHK_RS1_EQ_RS2, 0, "%D,%S" },
    { "fsgnjx.s", ENC_R(0x53, 2, 0x10), M_R, 0, 0, "%D,%S,%T" },
    { "fmv.d", ENC_R(0x53, 0, 0x11), M_R, CHK_RS1_EQ_RS2, 0, "%D,%S" },
    { "fsgnj.d", ENC_R(0x53, 0, 0x11), M_R, 0, 0, "%D,%S,%T" },
    { "fneg.d", ENC_R(0x53, 1, 0x11), M_R, CHK_RS1_EQ_RS2, 0, "%D,%S" },
    { "fsgnjn.d", ENC_R(0x53, 1, 0x11), M_R, 0, 0, "%D,%S,%T" },
    { "fabs.d", ENC_R(0x53, 2, 0x11), M_R, CHK_RS1_EQ_RS2, 0, "%D,%S" },
    { "fsgnjx.d", ENC_R(0x53, 2, 0x11), M_R, 0, 0, "%D,%S,%T" },
    { "fmin.s", ENC_R(0x53, 0, 0x14), M_R, 0, 0, "%D,%S,%T" },
    { "fmax.s", ENC_R(0x53, 1, 0x14), M_R, 0, 0, "%D,%S,%T" },
    { "fmin.d", ENC_R(0x53, 0, 0x15), M_R, 0, 0, "%D,%S,%T" },
    { "fmax.d", ENC_R(0x53, 1, 0x15), M_R, 0, 0, "%D,%S,%T" },
    FP_CVT("fcvt.s.d", 0x20, 1, "%D,%S"),
    FP_CVT_EXACT("fcvt.d.s", 0x21, 0, "%D,%S"),
    { "feq.s", ENC_R(0x53, 2, 0x50), M_R, 0, 0, "%d,%S,%T" },
    { "flt.s", ENC_R(0x53, 1, 0x50), M_R, 0, 0, "%d,%S,%T" },
    { "fle.s", ENC_R(0x53, 0, 0x50), M_R, 0, 0, "%d,%S,%T" },
    { "feq.d", ENC_R(0x53, 2, 0x51), M_R, 0, 0, "%d,%S,%T" },
    { "flt.d", ENC_R(0x53, 1, 0x51), M_R, 0, 0, "%d,%S,%T" },
    { "fle.d", ENC_R(0x53, 0, 0x51), M_R, 0, 0, "%d,%S,%T" },
    { "fclass.s", ENC_R(0x53, 1, 0x70), M_R | M_RS2, 0, 0, "%d,%S" },
    { "fclass.d", ENC_R(0x53, 1, 0x71), M_R | M_RS2, 0, 0, "%d,%S" },
    { "fmv.x.w", ENC_R(0x53, 0, 0x70), M_R | M_RS2, 0, 0, "%d,%S" },
    { "fmv.x.d", ENC_R(0x53, 0, 0x71), M_R | M_RS2, 0, 0, "%d,%S" },
    { "fmv.w.x", ENC_R(0x53, 0, 0x78), M_R | M_RS2, 0, 0, "%D,%s" },
    { "fmv.d.x", ENC_R(0x53, 0, 0x79), M_R | M_RS2, 0, 0, "%D,%s" },
    FP_CVT("fcvt.w.s", 0x60, 0, "%d,%S"), FP_CVT("fcvt.wu.s", 0x60, 1, "%d,%S"),
    FP_CVT("fcvt.l.s", 0x60, 2, "%d,%S"), FP_CVT("fcvt.lu.s", 0x60, 3, "%d,%S"),
    FP_CVT("fcvt.w.d", 0x61, 0, "%d,%S"), FP_CVT("fcvt.wu.d", 0x61, 1, "%d,%S"),
    FP_CVT("fcvt.l.d", 0x61, 2, "%d,%S"), FP_CVT("fcvt.lu.d", 0x61, 3, "%d,%S"),
    FP_CVT("fcvt.s.w", 0x68, 0, "%D,%s"), FP_CVT("fcvt.s.wu", 0x68, 1, "%D,%s"),
    FP_CVT("fcvt.s.l", 0x68, 2, "%D,%s"), FP_CVT("fcvt.s.lu", 0x68, 3, "%D,%s"),
    FP_CVT_EXACT("fcvt.d.w", 0x69, 0, "%D,%s"),
    FP_CVT_EXACT("fcvt.d.wu", 0x69, 1, "%D,%s"),
    FP_CVT("fcvt.d.l", 0x69, 2, "%D,%s"), FP_CVT("fcvt.d.lu", 0x69, 3, "%D,%s"),
    /* Zba */
    { "sh1add", ENC_R(0x33, 2, 0x10), M_R, 0, 0, "%d,%s,%t" },
    { "sh2add", ENC_R(0x33, 4, 0x10), M_R, 0, 0, "%d,%s,%t" },
    { "sh3add", ENC_R(0x33, 6, 0x10), M_R, 0, 0, "%d,%s,%t" },
    { "zext.w", ENC_R(0x3b, 0, 0x04), M_R | M_RS2, 0, 0, "%d,%s" },
    { "add.uw", ENC_R(0x3b, 0, 0x04), M_R, 0, 0, "%d,%s,%t" },
    { "sh1add.uw", ENC_R(0x3b, 2, 0x10), M_R, 0, 0, "%d,%s,%t" },
    { "sh2add.uw", ENC_R(0x3b, 4, 0x10), M_R, 0, 0, "%d,%s,%t" },
    { "sh3add.uw", ENC_R(0x3b, 6, 0x10), M_R, 0, 0, "%d,%s,%t" },
    { "slli.uw", ENC_I(0x1b, 1) | (0x02u << 26), M_SH6, 0, 0, "%d,%s,%h" },
    /* Zbb */
    { "andn", ENC_R(0x33, 7, 0x20), M_R, 0, 0, "%d,%s,%t" },
    { "orn", ENC_R(0x33, 6, 0x20), M_R, 0, 0, "%d,%s,%t" },
    { "xnor", ENC_R(0x33, 4, 0x20), M_R, 0, 0, "%d,%s,%t" },
    { "clz", ENC_I(0x13, 1) | ENC_IMM(0x600), M_F3 | M_IMM, 0, 0, "%d,%s" },
    { "ctz", ENC_I(0x13, 1) | ENC_IMM(0x601), M_F3 | M_IMM, 0, 0, "%d,%s" },
    { "cpop", ENC_I(0x13, 1) | ENC_IMM(0x602), M_F3 | M_IMM, 0, 0, "%d,%s" },
    { "sext.b", ENC_I(0x13, 1) | ENC_IMM(0x604), M_F3 | M_IMM, 0, 0,
      "%d,%s" },
    { "sext.h", ENC_I(0x13, 1) | ENC_IMM(0x605), M_F3 | M_IMM, 0, 0,
      "%d,%s" },
    { "clzw", ENC_I(0x1b, 1) | ENC_IMM(0x600), M_F3 | M_IMM, 0, 0, "%d,%s" },
    { "ctzw", ENC_I(0x1b, 1) | ENC_IMM(0x601), M_F3 | M_IMM, 0, 0, "%d,%s" },
    { "cpopw", ENC_I(0x1b, 1) | ENC_IMM(0x602), M_F3 | M_IMM, 0, 0,
      "%d,%s" },
    { "max", ENC_R(0x33, 6, 0x05), M_R, 0, 0, "%d,%s,%t" },
    { "maxu", ENC_R(0x33, 7, 0x05), M_R, 0, 0, "%d,%s,%t" },
    { "min", ENC_R(0x33, 4, 0x05), M_R, 0, 0, "%d,%s,%t" },
    { "minu", ENC_R(0x33, 5, 0x05), M_R, 0, 0, "%d,%s,%t" },
    { "zext.h", ENC_R(0x3b, 4, 0x04), M_R | M_RS2, 0, 0, "%d,%s" },
    { "rol", ENC_R(0x33, 1, 0x30), M_R, 0, 0, "%d,%s,%t" },
    { "ror", ENC_R(0x33, 5, 0x30), M_R, 0, 0, "%d,%s,%t" },
    { "rolw", ENC_R(0x3b, 1, 0x30), M_R, 0, 0, "%d,%s,%t" },
    { "rorw", ENC_R(0x3b, 5, 0x30), M_R, 0, 0, "%d,%s,%t" },
    { "ror", ENC_I(0x13, 5) | (0x18u << 26), M_SH6, 0, 0, "%d,%s,%h" },
    { "rorw", ENC_R(0x1b, 5, 0x30), M_R, 0, 0, "%d,%s,%H" },
    { "orc.b", ENC_I(0x13, 5) | ENC_IMM(0x287), M_F3 | M_IMM, 0, 0,
      "%d,%s" },
    { "rev8", ENC_I(0x13, 5) | ENC_IMM(0x6b8), M_F3 | M_IMM, 0, 0,
      "%d,%s" },
    /* Zbs */
    { "bclr", ENC_R(0x33, 1, 0x24), M_R, 0, 0, "%d,%s,%t" },
    { "bclr", ENC_I(0x13, 1) | (0x12u << 26), M_SH6, 0, 0, "%d,%s,%h" },
    { "bext", ENC_R(0x33, 5, 0x24), M_R, 0, 0, "%d,%s,%t" },
    { "bext", ENC_I(0x13, 5) | (0x12u << 26), M_SH6, 0, 0, "%d,%s,%h" },
    { "binv", ENC_R(0x33, 1, 0x34), M_R, 0, 0, "%d,%s,%t" },
    { "binv", ENC_I(0x13, 1) | (0x1au << 26), M_SH6, 0, 0, "%d,%s,%h" },
    { "bset", ENC_R(0x33, 1, 0x14), M_R, 0, 0, "%d,%s,%t" },
    { "bset", ENC_I(0x13, 1) | (0x0au << 26), M_SH6, 0, 0, "%d,%s,%h" },
};

/*
 * objdump 2.40 prints most compressed instructions under the name of the
 * base instruction they expand to, but with the register-register name for
 * several immediate forms (c.addi is "add a0,a0,1"), and the HINT
 * encodings (rd = x0, shift by 0, ...) under their "c." names.
 */
static const RiscvOpcode riscv_opcodes16[] = {
    /* quadrant 0 */
    { "unimp", 0x0000, 0xffff, 0, 0, "" },
    { "add", ENC_C(0, 0), C_F3, CHK_C_ADDI4SPN, 0, "%2,sp,%n" },
    { "fld", ENC_C(0, 1), C_F3, 0, 0, "%3,%l(%1)" },
    { "lw", ENC_C(0, 2), C_F3, 0, 0, "%2,%w(%1)" },
    { "ld", ENC_C(0, 3), C_F3, 0, 0, "%2,%l(%1)" },
    { "fsd", ENC_C(0, 5), C_F3, 0, 0, "%3,%l(%1)" },
    { "sw", ENC_C(0, 6), C_F3, 0, 0, "%2,%w(%1)" },
    { "sd", ENC_C(0, 7), C_F3, 0, 0, "%2,%l(%1)" },
    /* quadrant 1 */
    { "nop", 0x0001, 0xffff, 0, 0, "" },
    { "c.nop", ENC_C(1, 0), C_F3 | C_RD, 0, 0, "%I" },
    { "add", ENC_C(1, 0), C_F3, 0, 0, "%d,%d,%I" },
    { "sext.w", ENC_C(1, 1), C_F3 | 0x107c, CHK_RD_NZ, 0, "%d,%d" },
    { "addw", ENC_C(1, 1), C_F3, CHK_RD_NZ, 0, "%d,%d,%I" },
    { "c.li", ENC_C(1, 2), C_F3 | C_RD, 0, 0, "zero,%I" },
    { "li", ENC_C(1, 2), C_F3, 0, 0, "%d,%I" },
    { "add", ENC_C(1, 3) | ENC_RD(2), C_F3 | C_RD, 0, 0, "sp,sp,%N" },
    { "c.lui", ENC_C(1, 3), C_F3 | C_RD, CHK_C_LUI_IMM, 0, "zero,%L" },
    { "lui", ENC_C(1, 3), C_F3, CHK_C_LUI_IMM, 0, "%d,%L" },
    { "c.srli64", ENC_C(1, 4), C_F3 | 0x1c7c, 0, 0, "%1" },
    { "srl", ENC_C(1, 4), C_F3 | 0x0c00, 0, 0, "%1,%1,%x" },
    { "c.srai64", ENC_C(1, 4) | 0x0400, C_F3 | 0x1c7c, 0, 0, "%1" },
    { "sra", ENC_C(1, 4) | 0x0400, C_F3 | 0x0c00, 0, 0, "%1,%1,%x" },
    { "and", ENC_C(1, 4) | 0x0800, C_F3 | 0x0c00, 0, 0, "%1,%1,%I" },
    { "sub", ENC_C(1, 4) | 0x0c00, 0xfc63, 0, 0, "%1,%1,%2" },
    { "xor", ENC_C(1, 4) | 0x0c20, 0xfc63, 0, 0, "%1,%1,%2" },
    { "or", ENC_C(1, 4) | 0x0c40, 0xfc63, 0, 0, "%1,%1,%2" },
    { "and", ENC_C(1, 4) | 0x0c60, 0xfc63, 0, 0, "%1,%1,%2" },
    { "subw", ENC_C(1, 4) | 0x1c00, 0xfc63, 0, 0, "%1,%1,%2" },
    { "addw", ENC_C(1, 4) | 0x1c20, 0xfc63, 0, 0, "%1,%1,%2" },
    { "j", ENC_C(1, 5), C_F3, 0, 0, "%J" },
    { "beqz", ENC_C(1, 6), C_F3, 0, 0, "%1,%B" },
    { "bnez", ENC_C(1, 7), C_F3, 0, 0, "%1,%B" },
    /* quadrant 2 */
    { "c.slli64", ENC_C(2, 0), C_F3 | 0x107c, 0, 0, "%d" },
    { "c.slli", ENC_C(2, 0), C_F3 | C_RD, 0, 0, "zero,%x" },
    { "sll", ENC_C(2, 0), C_F3, 0, 0, "%d,%d,%x" },
    { "fld", ENC_C(2, 1), C_F3, 0, 0, "%D,%E(sp)" },
    { "lw", ENC_C(2, 2), C_F3, CHK_RD_NZ, 0, "%d,%W(sp)" },
    { "ld", ENC_C(2, 3), C_F3, CHK_RD_NZ, 0, "%d,%E(sp)" },
    { "ret", ENC_C(2, 4) | ENC_RD(1), 0xffff, 0, 0, "" },
    { "jr", ENC_C(2, 4), C_F3 | 0x1000 | C_RS2, CHK_RD_NZ, 0, "%d" },
    { "c.mv", ENC_C(2, 4), C_F3 | 0x1000 | C_RD, CHK_C_RS2_NZ, 0, "zero,%V" },
    { "mv", ENC_C(2, 4), C_F3 | 0x1000, CHK_C_RS2_NZ, 0, "%d,%V" },
    { "ebreak", ENC_C(2, 4) | 0x1000, 0xffff, 0, 0, "" },
    { "jalr", ENC_C(2, 4) | 0x1000, C_F3 | 0x1000 | C_RS2, 0, 0, "%d" },
    { "c.add", ENC_C(2, 4) | 0x1000, C_F3 | 0x1000 | C_RD, 0, 0, "zero,%V" },
    { "add", ENC_C(2, 4) | 0x1000, C_F3 | 0x1000, 0, 0, "%d,%d,%V" },
    { "fsd", ENC_C(2, 5), C_F3, 0, 0, "%F,%Z(sp)" },
    { "sw", ENC_C(2, 6), C_F3, 0, 0, "%V,%Y(sp)" },
    { "sd", ENC_C(2, 7), C_F3, 0, 0, "%V,%Z(sp)" },
};

static const char *const riscv_xreg[32] = {
    "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2",
    "s0", "s1", "a0", "a1", "a2", "a3", "a4", "a5",
    "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7",
    "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6",
};

static const char *const riscv_freg[32] = {
    "ft0", "ft1", "ft2", "ft3", "ft4", "ft5", "ft6", "ft7",
    "fs0", "fs1", "fa0", "fa1", "fa2", "fa3", "fa4", "fa5",
    "fa6", "fa7", "fs2", "fs3", "fs4", "fs5", "fs6", "fs7",
    "fs8", "fs9", "fs10", "fs11", "ft8", "ft9", "ft10", "ft11",
};

/* Rounding modes, as objdump names them (5 and 6 are reserved). */
static const char *const riscv_rm[8] = {
    "rne", "rtz", "rdn", "rup", "rmm", "unknown", "unknown", "dyn",
};

/* Bits [hi:lo] of @x. */
static inline uint32_t bits(uint32_t x, int hi, int lo)
{
    return (x >> lo) & ((1u << (hi - lo + 1)) - 1);
}

/* @x sign-extended from bit @n - 1. */
static inline int32_t sext(uint32_t x, int n)
{
    return (int32_t)(x << (32 - n)) >> (32 - n);
}

/* Immediates of the 32-bit formats (unprivileged spec, section 2.3). */
static int32_t decode_imm_i(uint32_t insn)
{
    return (int32_t)insn >> 20;
}

static int32_t decode_imm_s(uint32_t insn)
{
    return sext((bits(insn, 31, 25) << 5) | bits(insn, 11, 7), 12);
}

static int32_t decode_imm_b(uint32_t insn)
{
    return sext((bits(insn, 31, 31) << 12) | (bits(insn, 7, 7) << 11) |
                (bits(insn, 30, 25) << 5) | (bits(insn, 11, 8) << 1), 13);
}

static int32_t decode_imm_j(uint32_t insn)
{
    return sext((bits(insn, 31, 31) << 20) | (bits(insn, 19, 12) << 12) |
                (bits(insn, 20, 20) << 11) | (bits(insn, 30, 21) << 1), 21);
}

/* Immediates of the compressed formats (unprivileged spec, chapter 16). */
static int32_t decode_cimm_ci(uint32_t insn)
{
    return sext((bits(insn, 12, 12) << 5) | bits(insn, 6, 2), 6);
}

static uint32_t decode_cimm_shamt(uint32_t insn)
{
    return (bits(insn, 12, 12) << 5) | bits(insn, 6, 2);
}

static int32_t decode_cimm_lui(uint32_t insn)
{
    return decode_cimm_ci(insn);
}

static uint32_t decode_cimm_lw(uint32_t insn)
{
    return (bits(insn, 12, 10) << 3) | (bits(insn, 6, 6) << 2) |
           (bits(insn, 5, 5) << 6);
}

static uint32_t decode_cimm_ld(uint32_t insn)
{
    return (bits(insn, 12, 10) << 3) | (bits(insn, 6, 5) << 6);
}

static uint32_t decode_cimm_lwsp(uint32_t insn)
{
    return (bits(insn, 12, 12) << 5) | (bits(insn, 6, 4) << 2) |
           (bits(insn, 3, 2) << 6);
}

static uint32_t decode_cimm_ldsp(uint32_t insn)
{
    return (bits(insn, 12, 12) << 5) | (bits(insn, 6, 5) << 3) |
           (bits(insn, 4, 2) << 6);
}

static uint32_t decode_cimm_swsp(uint32_t insn)
{
    return (bits(insn, 12, 9) << 2) | (bits(insn, 8, 7) << 6);
}

static uint32_t decode_cimm_sdsp(uint32_t insn)
{
    return (bits(insn, 12, 10) << 3) | (bits(insn, 9, 7) << 6);
}

static uint32_t decode_cimm_addi4spn(uint32_t insn)
{
    return (bits(insn, 12, 11) << 4) | (bits(insn, 10, 7) << 6) |
           (bits(insn, 6, 6) << 2) | (bits(insn, 5, 5) << 3);
}

static int32_t decode_cimm_addi16sp(uint32_t insn)
{
    return sext((bits(insn, 12, 12) << 9) | (bits(insn, 6, 6) << 4) |
                (bits(insn, 5, 5) << 6) | (bits(insn, 4, 3) << 7) |
                (bits(insn, 2, 2) << 5), 10);
}

static int32_t decode_cimm_j(uint32_t insn)
{
    return sext((bits(insn, 12, 12) << 11) | (bits(insn, 11, 11) << 4) |
                (bits(insn, 10, 9) << 8) | (bits(insn, 8, 8) << 10) |
                (bits(insn, 7, 7) << 6) | (bits(insn, 6, 6) << 7) |
                (bits(insn, 5, 3) << 1) | (bits(insn, 2, 2) << 5), 12);
}

static int32_t decode_cimm_b(uint32_t insn)
{
    return sext((bits(insn, 12, 12) << 8) | (bits(insn, 11, 10) << 3) |
                (bits(insn, 6, 5) << 6) | (bits(insn, 4, 3) << 1) |
                (bits(insn, 2, 2) << 5), 9);
}

static bool riscv_check(const RiscvOpcode *op, uint32_t insn)
{
    switch (op->check) {
    case CHK_RD_NZ:
        return bits(insn, 11, 7) != 0;
    case CHK_RS1_EQ_RS2:
        return bits(insn, 19, 15) == bits(insn, 24, 20);
    case CHK_C_ADDI4SPN:
        return decode_cimm_addi4spn(insn) != 0;
    case CHK_C_RS2_NZ:
        return bits(insn, 6, 2) != 0;
    case CHK_C_LUI_IMM:
        return decode_cimm_lui(insn) != 0;
    default:
        return true;
    }
}

/* A bounded output buffer: text past the end is dropped. */
typedef struct {
    char *buf;
    size_t size;
    size_t len;
} DisasOut;

static void QOMU_PRINTF(2, 3) out_printf(DisasOut *o, const char *fmt, ...)
{
    va_list ap;
    int n;

    if (o->len + 1 >= o->size) {
        return;
    }
    va_start(ap, fmt);
    n = vsnprintf(o->buf + o->len, o->size - o->len, fmt, ap);
    va_end(ap);
    if (n > 0) {
        o->len = MIN(o->len + n, o->size - 1);
    }
}

static void print_fence_set(DisasOut *o, uint32_t set)
{
    if (set == 0) {
        out_printf(o, "unknown");
        return;
    }
    out_printf(o, "%s%s%s%s", set & 8 ? "i" : "", set & 4 ? "o" : "",
               set & 2 ? "r" : "", set & 1 ? "w" : "");
}

/*
 * The operand codes of RiscvOpcode.fmt.
 *   Integer registers: d rd, s rs1, t rs2 (32-bit formats; d is also the
 *     full rd/rs1 field of CI/CR), V rs2 of CR/CSS (bits 6:2), 1 rs1'/rd'
 *     (bits 9:7) and 2 rs2'/rd' (bits 4:2) of the compressed formats.
 *   Float registers: D rd, S rs1, T rs2, R rs3, F bits 6:2, 3 bits 4:2.
 *   32-bit immediates: i I-type, o S-type (decimal), b branch and j jal
 *     targets (absolute hex), u U-type, h 6-bit and H 5-bit shift amounts
 *     (hex), c CSR, z 5-bit CSR immediate, m rounding mode, p / q fence
 *     predecessor / successor sets.
 *   Compressed immediates: I CI-type, x shift amount, L c.lui, w c.lw,
 *     l c.ld, W c.lwsp, E c.ldsp, Y c.swsp, Z c.sdsp, n c.addi4spn,
 *     N c.addi16sp, J c.j target, B c.beqz target.
 */
static void print_operand(DisasOut *o, char code, uint32_t insn,
                          uint64_t pc)
{
    const char *name;

    switch (code) {
    case 'd':
        out_printf(o, "%s", riscv_xreg[bits(insn, 11, 7)]);
        break;
    case 's':
        out_printf(o, "%s", riscv_xreg[bits(insn, 19, 15)]);
        break;
    case 't':
        out_printf(o, "%s", riscv_xreg[bits(insn, 24, 20)]);
        break;
    case 'V':
        out_printf(o, "%s", riscv_xreg[bits(insn, 6, 2)]);
        break;
    case '1':
        out_printf(o, "%s", riscv_xreg[8 + bits(insn, 9, 7)]);
        break;
    case '2':
        out_printf(o, "%s", riscv_xreg[8 + bits(insn, 4, 2)]);
        break;
    case 'D':
        out_printf(o, "%s", riscv_freg[bits(insn, 11, 7)]);
        break;
    case 'S':
        out_printf(o, "%s", riscv_freg[bits(insn, 19, 15)]);
        break;
    case 'T':
        out_printf(o, "%s", riscv_freg[bits(insn, 24, 20)]);
        break;
    case 'R':
        out_printf(o, "%s", riscv_freg[bits(insn, 31, 27)]);
        break;
    case 'F':
        out_printf(o, "%s", riscv_freg[bits(insn, 6, 2)]);
        break;
    case '3':
        out_printf(o, "%s", riscv_freg[8 + bits(insn, 4, 2)]);
        break;
    case 'i':
        out_printf(o, "%d", decode_imm_i(insn));
        break;
    case 'o':
        out_printf(o, "%d", decode_imm_s(insn));
        break;
    case 'b':
        out_printf(o, "%" PRIx64, pc + (int64_t)decode_imm_b(insn));
        break;
    case 'j':
        out_printf(o, "%" PRIx64, pc + (int64_t)decode_imm_j(insn));
        break;
    case 'u':
        out_printf(o, "0x%x", insn >> 12);
        break;
    case 'h':
        out_printf(o, "0x%x", bits(insn, 25, 20));
        break;
    case 'H':
        out_printf(o, "0x%x", bits(insn, 24, 20));
        break;
    case 'c':
        name = riscv_csr_name(insn >> 20);
        if (name) {
            out_printf(o, "%s", name);
        } else {
            out_printf(o, "0x%x", insn >> 20);
        }
        break;
    case 'z':
        out_printf(o, "%u", bits(insn, 19, 15));
        break;
    case 'm':
        out_printf(o, "%s", riscv_rm[bits(insn, 14, 12)]);
        break;
    case 'p':
        print_fence_set(o, bits(insn, 27, 24));
        break;
    case 'q':
        print_fence_set(o, bits(insn, 23, 20));
        break;
    case 'I':
        out_printf(o, "%d", decode_cimm_ci(insn));
        break;
    case 'x':
        out_printf(o, "0x%x", decode_cimm_shamt(insn));
        break;
    case 'L':
        out_printf(o, "0x%x", (uint32_t)decode_cimm_lui(insn) & 0xfffff);
        break;
    case 'w':
        out_printf(o, "%u", decode_cimm_lw(insn));
        break;
    case 'l':
        out_printf(o, "%u", decode_cimm_ld(insn));
        break;
    case 'W':
        out_printf(o, "%u", decode_cimm_lwsp(insn));
        break;
    case 'E':
        out_printf(o, "%u", decode_cimm_ldsp(insn));
        break;
    case 'Y':
        out_printf(o, "%u", decode_cimm_swsp(insn));
        break;
    case 'Z':
        out_printf(o, "%u", decode_cimm_sdsp(insn));
        break;
    case 'n':
        out_printf(o, "%u", decode_cimm_addi4spn(insn));
        break;
    case 'N':
        out_printf(o, "%d", decode_cimm_addi16sp(insn));
        break;
    case 'J':
        out_printf(o, "%" PRIx64, pc + (int64_t)decode_cimm_j(insn));
        break;
    case 'B':
        out_printf(o, "%" PRIx64, pc + (int64_t)decode_cimm_b(insn));
        break;
    default:
        g_assert_not_reached();
    }
}

static void print_insn(DisasOut *o, const RiscvOpcode *op, uint32_t insn,
                       uint64_t pc)
{
    static const char *const aqrl[4] = { "", ".rl", ".aq", ".aqrl" };
    const char *f;

    out_printf(o, "%s", op->name);
    if (op->flags & F_AQRL) {
        out_printf(o, "%s", aqrl[bits(insn, 26, 25)]);
    }
    if (op->fmt[0]) {
        out_printf(o, " ");
    }
    for (f = op->fmt; *f; f++) {
        if (*f == '%' && f[1]) {
            f++;
            print_operand(o, *f, insn, pc);
        } else {
            out_printf(o, "%c", *f);
        }
    }
}

/*
 * The tables are searched in order, but only among the entries of the
 * instruction's major opcode (bits 6:2 of a 32-bit instruction; quadrant
 * and funct3 of a 16-bit one), so a lookup looks at a dozen entries, not
 * hundreds.  Every entry's mask covers the bits of its bucket.
 */
#define RISCV_BUCKETS 32

typedef struct {
    const RiscvOpcode *table;
    size_t n;
    uint16_t start[RISCV_BUCKETS + 1];  /* bucket b: idx[start[b]..] */
    uint16_t idx[512];
} RiscvIndex;

static unsigned bucket32(uint32_t insn)
{
    return bits(insn, 6, 2);
}

static unsigned bucket16(uint32_t insn)
{
    return bits(insn, 1, 0) | (bits(insn, 15, 13) << 2);
}

static void riscv_index_build(RiscvIndex *ix, const RiscvOpcode *table,
                              size_t n, unsigned (*bucket)(uint32_t))
{
    unsigned b, k = 0;
    size_t i;

    g_assert(n <= ARRAY_SIZE(ix->idx));
    ix->table = table;
    ix->n = n;
    for (b = 0; b < RISCV_BUCKETS; b++) {
        ix->start[b] = k;
        for (i = 0; i < n; i++) {
            if (bucket(table[i].match) == b) {
                ix->idx[k++] = i;
            }
        }
    }
    ix->start[RISCV_BUCKETS] = k;
    g_assert(k == n);
}

static const RiscvOpcode *riscv_lookup(const RiscvIndex *ix, unsigned b,
                                       uint32_t insn)
{
    unsigned k;

    for (k = ix->start[b]; k < ix->start[b + 1]; k++) {
        const RiscvOpcode *op = &ix->table[ix->idx[k]];

        if ((insn & op->mask) == op->match && riscv_check(op, insn)) {
            return op;
        }
    }
    return NULL;
}

static RiscvIndex riscv_index32, riscv_index16;

static void riscv_index_init(void)
{
    static gsize done;

    if (g_once_init_enter(&done)) {
        riscv_index_build(&riscv_index32, riscv_opcodes32,
                          ARRAY_SIZE(riscv_opcodes32), bucket32);
        riscv_index_build(&riscv_index16, riscv_opcodes16,
                          ARRAY_SIZE(riscv_opcodes16), bucket16);
        g_once_init_leave(&done, 1);
    }
}

int riscv_builtin_disas_insn(char *buf, size_t bufsize, uint64_t pc,
                             const uint8_t *code, size_t avail)
{
    DisasOut o = { .buf = buf, .size = bufsize };
    const RiscvOpcode *op;
    uint32_t insn;
    int len;

    riscv_index_init();
    if (bufsize) {
        buf[0] = '\0';
    }
    if (avail < 2) {
        return 0;
    }
    insn = code[0] | (code[1] << 8);
    /*
     * Encodings longer than 32 bits (low bits 11111, unprivileged spec
     * section 1.5) are not instructions of any extension we know: show
     * their first parcel, as objdump does for the reserved lengths.
     */
    len = (insn & 3) == 3 && (insn & 0x1f) != 0x1f ? 4 : 2;
    if ((insn & 0x1f) == 0x1f) {
        op = NULL;
    } else if (len == 4) {
        if (avail < 4) {
            return 0;
        }
        insn |= (uint32_t)code[2] << 16 | (uint32_t)code[3] << 24;
        op = riscv_lookup(&riscv_index32, bucket32(insn), insn);
    } else {
        op = riscv_lookup(&riscv_index16, bucket16(insn), insn);
    }
    if (op) {
        print_insn(&o, op, insn, pc);
    } else {
        out_printf(&o, ".%dbyte 0x%x", len, insn);
    }
    return len;
}

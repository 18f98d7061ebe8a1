/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * riscv-asm.h: a tiny RISC-V encoder for the CPU unit tests, so that test
 * programs read as assembly: ADDI(A0, ZERO, 5), BEQ(A0, A1, 8) ...
 * Branch and jump offsets are in bytes from the instruction.
 */
#ifndef TESTS_UNIT_RISCV_ASM_H
#define TESTS_UNIT_RISCV_ASM_H

#include <stdint.h>

enum {
    ZERO, RA, SP, GP, TP, T0, T1, T2, S0, S1, A0, A1, A2, A3, A4, A5,
    A6, A7, S2, S3, S4, S5, S6, S7, S8, S9, S10, S11, T3, T4, T5, T6,
};

#define ENC_R(op, f3, f7, rd, rs1, rs2) \
    ((uint32_t)(((uint32_t)(f7) << 25) | ((rs2) << 20) | ((rs1) << 15) | \
                ((f3) << 12) | ((rd) << 7) | (op)))
#define ENC_I(op, f3, rd, rs1, imm) \
    ((uint32_t)((((uint32_t)(imm) & 0xfff) << 20) | ((rs1) << 15) | \
                ((f3) << 12) | ((rd) << 7) | (op)))
#define ENC_S(op, f3, rs1, rs2, imm) \
    ((uint32_t)(((((uint32_t)(imm) >> 5) & 0x7f) << 25) | ((rs2) << 20) | \
                ((rs1) << 15) | ((f3) << 12) | (((imm) & 0x1f) << 7) | (op)))
#define ENC_B(f3, rs1, rs2, imm) \
    ((uint32_t)(((((uint32_t)(imm) >> 12) & 1) << 31) | \
                ((((uint32_t)(imm) >> 5) & 0x3f) << 25) | ((rs2) << 20) | \
                ((rs1) << 15) | ((f3) << 12) | \
                ((((uint32_t)(imm) >> 1) & 0xf) << 8) | \
                ((((uint32_t)(imm) >> 11) & 1) << 7) | 0x63))
#define ENC_J(rd, imm) \
    ((uint32_t)(((((uint32_t)(imm) >> 20) & 1) << 31) | \
                ((((uint32_t)(imm) >> 1) & 0x3ff) << 21) | \
                ((((uint32_t)(imm) >> 11) & 1) << 20) | \
                ((((uint32_t)(imm) >> 12) & 0xff) << 12) | ((rd) << 7) | 0x6f))

#define LUI(rd, imm20) \
    ((uint32_t)(((uint32_t)(imm20) << 12) | ((rd) << 7) | 0x37))
#define AUIPC(rd, imm20) \
    ((uint32_t)(((uint32_t)(imm20) << 12) | ((rd) << 7) | 0x17))
#define JAL(rd, off)       ENC_J(rd, off)
#define JALR(rd, rs1, off) ENC_I(0x67, 0, rd, rs1, off)
#define BEQ(a, b, off)     ENC_B(0, a, b, off)
#define BNE(a, b, off)     ENC_B(1, a, b, off)
#define BLT(a, b, off)     ENC_B(4, a, b, off)
#define BGE(a, b, off)     ENC_B(5, a, b, off)
#define BLTU(a, b, off)    ENC_B(6, a, b, off)
#define BGEU(a, b, off)    ENC_B(7, a, b, off)

#define LB(rd, rs1, off)   ENC_I(0x03, 0, rd, rs1, off)
#define LH(rd, rs1, off)   ENC_I(0x03, 1, rd, rs1, off)
#define LW(rd, rs1, off)   ENC_I(0x03, 2, rd, rs1, off)
#define LD(rd, rs1, off)   ENC_I(0x03, 3, rd, rs1, off)
#define LBU(rd, rs1, off)  ENC_I(0x03, 4, rd, rs1, off)
#define LHU(rd, rs1, off)  ENC_I(0x03, 5, rd, rs1, off)
#define LWU(rd, rs1, off)  ENC_I(0x03, 6, rd, rs1, off)
#define SB(rs2, rs1, off)  ENC_S(0x23, 0, rs1, rs2, off)
#define SH(rs2, rs1, off)  ENC_S(0x23, 1, rs1, rs2, off)
#define SW(rs2, rs1, off)  ENC_S(0x23, 2, rs1, rs2, off)
#define SD(rs2, rs1, off)  ENC_S(0x23, 3, rs1, rs2, off)

#define ADDI(rd, rs1, imm)  ENC_I(0x13, 0, rd, rs1, imm)
#define SLTI(rd, rs1, imm)  ENC_I(0x13, 2, rd, rs1, imm)
#define SLTIU(rd, rs1, imm) ENC_I(0x13, 3, rd, rs1, imm)
#define XORI(rd, rs1, imm)  ENC_I(0x13, 4, rd, rs1, imm)
#define ORI(rd, rs1, imm)   ENC_I(0x13, 6, rd, rs1, imm)
#define ANDI(rd, rs1, imm)  ENC_I(0x13, 7, rd, rs1, imm)
#define SLLI(rd, rs1, sh)   ENC_I(0x13, 1, rd, rs1, sh)
#define SRLI(rd, rs1, sh)   ENC_I(0x13, 5, rd, rs1, sh)
#define SRAI(rd, rs1, sh)   ENC_I(0x13, 5, rd, rs1, (sh) | 0x400)
#define ADDIW(rd, rs1, imm) ENC_I(0x1b, 0, rd, rs1, imm)
#define SLLIW(rd, rs1, sh)  ENC_I(0x1b, 1, rd, rs1, sh)
#define SRLIW(rd, rs1, sh)  ENC_I(0x1b, 5, rd, rs1, sh)
#define SRAIW(rd, rs1, sh)  ENC_I(0x1b, 5, rd, rs1, (sh) | 0x400)

#define ADD(rd, a, b)   ENC_R(0x33, 0, 0, rd, a, b)
#define SUB(rd, a, b)   ENC_R(0x33, 0, 0x20, rd, a, b)
#define SLL(rd, a, b)   ENC_R(0x33, 1, 0, rd, a, b)
#define SLT(rd, a, b)   ENC_R(0x33, 2, 0, rd, a, b)
#define SLTU(rd, a, b)  ENC_R(0x33, 3, 0, rd, a, b)
#define XOR(rd, a, b)   ENC_R(0x33, 4, 0, rd, a, b)
#define SRL(rd, a, b)   ENC_R(0x33, 5, 0, rd, a, b)
#define SRA(rd, a, b)   ENC_R(0x33, 5, 0x20, rd, a, b)
#define OR(rd, a, b)    ENC_R(0x33, 6, 0, rd, a, b)
#define AND(rd, a, b)   ENC_R(0x33, 7, 0, rd, a, b)
#define ADDW(rd, a, b)  ENC_R(0x3b, 0, 0, rd, a, b)
#define SUBW(rd, a, b)  ENC_R(0x3b, 0, 0x20, rd, a, b)
#define SLLW(rd, a, b)  ENC_R(0x3b, 1, 0, rd, a, b)
#define SRLW(rd, a, b)  ENC_R(0x3b, 5, 0, rd, a, b)
#define SRAW(rd, a, b)  ENC_R(0x3b, 5, 0x20, rd, a, b)

#define MUL(rd, a, b)    ENC_R(0x33, 0, 1, rd, a, b)
#define MULH(rd, a, b)   ENC_R(0x33, 1, 1, rd, a, b)
#define MULHSU(rd, a, b) ENC_R(0x33, 2, 1, rd, a, b)
#define MULHU(rd, a, b)  ENC_R(0x33, 3, 1, rd, a, b)
#define DIV(rd, a, b)    ENC_R(0x33, 4, 1, rd, a, b)
#define DIVU(rd, a, b)   ENC_R(0x33, 5, 1, rd, a, b)
#define REM(rd, a, b)    ENC_R(0x33, 6, 1, rd, a, b)
#define REMU(rd, a, b)   ENC_R(0x33, 7, 1, rd, a, b)
#define MULW(rd, a, b)   ENC_R(0x3b, 0, 1, rd, a, b)
#define DIVW(rd, a, b)   ENC_R(0x3b, 4, 1, rd, a, b)
#define DIVUW(rd, a, b)  ENC_R(0x3b, 5, 1, rd, a, b)
#define REMW(rd, a, b)   ENC_R(0x3b, 6, 1, rd, a, b)
#define REMUW(rd, a, b)  ENC_R(0x3b, 7, 1, rd, a, b)

#define AMO(f5, w, rd, rs1, rs2) \
    ENC_R(0x2f, (w) ? 2 : 3, (f5) << 2, rd, rs1, rs2)
#define LR_W(rd, rs1)        AMO(0x02, 1, rd, rs1, 0)
#define LR_D(rd, rs1)        AMO(0x02, 0, rd, rs1, 0)
#define SC_W(rd, rs1, rs2)   AMO(0x03, 1, rd, rs1, rs2)
#define SC_D(rd, rs1, rs2)   AMO(0x03, 0, rd, rs1, rs2)
#define AMOSWAP_W(rd, a, b)  AMO(0x01, 1, rd, a, b)
#define AMOADD_W(rd, a, b)   AMO(0x00, 1, rd, a, b)
#define AMOADD_D(rd, a, b)   AMO(0x00, 0, rd, a, b)
#define AMOXOR_D(rd, a, b)   AMO(0x04, 0, rd, a, b)
#define AMOAND_D(rd, a, b)   AMO(0x0c, 0, rd, a, b)
#define AMOOR_D(rd, a, b)    AMO(0x08, 0, rd, a, b)
#define AMOMIN_W(rd, a, b)   AMO(0x10, 1, rd, a, b)
#define AMOMAX_D(rd, a, b)   AMO(0x14, 0, rd, a, b)
#define AMOMINU_D(rd, a, b)  AMO(0x18, 0, rd, a, b)
#define AMOMAXU_W(rd, a, b)  AMO(0x1c, 1, rd, a, b)

#define CSRRW(rd, csr, rs1)  ENC_I(0x73, 1, rd, rs1, csr)
#define CSRRS(rd, csr, rs1)  ENC_I(0x73, 2, rd, rs1, csr)
#define CSRRC(rd, csr, rs1)  ENC_I(0x73, 3, rd, rs1, csr)
#define CSRRWI(rd, csr, ui)  ENC_I(0x73, 5, rd, ui, csr)
#define CSRRSI(rd, csr, ui)  ENC_I(0x73, 6, rd, ui, csr)
#define CSRR(rd, csr)        CSRRS(rd, csr, ZERO)
#define CSRW(csr, rs1)       CSRRW(ZERO, csr, rs1)

#define ECALL       0x00000073u
#define EBREAK      0x00100073u
#define MRET        0x30200073u
#define SRET        0x10200073u
#define WFI         0x10500073u
#define FENCE       0x0ff0000fu
#define FENCE_I     0x0000100fu
#define SFENCE_VMA  0x12000073u
#define NOP         ADDI(ZERO, ZERO, 0)

#endif /* TESTS_UNIT_RISCV_ASM_H */

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cpu_bits.h: RISC-V architectural constants (CSR numbers, status bits,
 * causes, page-table bits), as named by the privileged specification 1.12.
 */
#ifndef TARGET_RISCV_CPU_BITS_H
#define TARGET_RISCV_CPU_BITS_H

/* Privilege levels. */
#define PRV_U 0
#define PRV_S 1
#define PRV_M 3

/* Unprivileged counters. */
#define CSR_CYCLE         0xc00
#define CSR_TIME          0xc01
#define CSR_INSTRET       0xc02
#define CSR_HPMCOUNTER3   0xc03
#define CSR_HPMCOUNTER31  0xc1f

/* Supervisor CSRs. */
#define CSR_SSTATUS       0x100
#define CSR_SIE           0x104
#define CSR_STVEC         0x105
#define CSR_SCOUNTEREN    0x106
#define CSR_SENVCFG       0x10a
#define CSR_SSCRATCH      0x140
#define CSR_SEPC          0x141
#define CSR_SCAUSE        0x142
#define CSR_STVAL         0x143
#define CSR_SIP           0x144
#define CSR_SATP          0x180

/* Machine CSRs. */
#define CSR_MVENDORID     0xf11
#define CSR_MARCHID       0xf12
#define CSR_MIMPID        0xf13
#define CSR_MHARTID       0xf14
#define CSR_MCONFIGPTR    0xf15
#define CSR_MSTATUS       0x300
#define CSR_MISA          0x301
#define CSR_MEDELEG       0x302
#define CSR_MIDELEG       0x303
#define CSR_MIE           0x304
#define CSR_MTVEC         0x305
#define CSR_MCOUNTEREN    0x306
#define CSR_MENVCFG       0x30a
#define CSR_MCOUNTINHIBIT 0x320
#define CSR_MHPMEVENT3    0x323
#define CSR_MHPMEVENT31   0x33f
#define CSR_MSCRATCH      0x340
#define CSR_MEPC          0x341
#define CSR_MCAUSE        0x342
#define CSR_MTVAL         0x343
#define CSR_MIP           0x344
#define CSR_PMPCFG0       0x3a0
#define CSR_PMPCFG15      0x3af
#define CSR_PMPADDR0      0x3b0
#define CSR_PMPADDR63     0x3ef
#define CSR_MCYCLE        0xb00
#define CSR_MINSTRET      0xb02
#define CSR_MHPMCOUNTER3  0xb03
#define CSR_MHPMCOUNTER31 0xb1f

/* mstatus / sstatus. */
#define MSTATUS_SIE   (1ULL << 1)
#define MSTATUS_MIE   (1ULL << 3)
#define MSTATUS_SPIE  (1ULL << 5)
#define MSTATUS_UBE   (1ULL << 6)
#define MSTATUS_MPIE  (1ULL << 7)
#define MSTATUS_SPP   (1ULL << 8)
#define MSTATUS_VS    (3ULL << 9)
#define MSTATUS_MPP   (3ULL << 11)
#define MSTATUS_MPP_SHIFT 11
#define MSTATUS_FS    (3ULL << 13)
#define MSTATUS_XS    (3ULL << 15)
#define MSTATUS_MPRV  (1ULL << 17)
#define MSTATUS_SUM   (1ULL << 18)
#define MSTATUS_MXR   (1ULL << 19)
#define MSTATUS_TVM   (1ULL << 20)
#define MSTATUS_TW    (1ULL << 21)
#define MSTATUS_TSR   (1ULL << 22)
#define MSTATUS_UXL   (3ULL << 32)
#define MSTATUS_UXL_64 (2ULL << 32)
#define MSTATUS_SXL_64 (2ULL << 34)
#define MSTATUS_SXL   (3ULL << 34)
#define MSTATUS_SD    (1ULL << 63)

/* misa. */
#define MISA_MXL_64   (2ULL << 62)
#define RVA (1u << ('A' - 'A'))
#define RVC (1u << ('C' - 'A'))
#define RVD (1u << ('D' - 'A'))
#define RVF (1u << ('F' - 'A'))
#define RVI (1u << ('I' - 'A'))
#define RVM (1u << ('M' - 'A'))
#define RVS (1u << ('S' - 'A'))
#define RVU (1u << ('U' - 'A'))

/* Interrupt numbers (mip / mie bit positions). */
#define IRQ_S_SOFT   1
#define IRQ_M_SOFT   3
#define IRQ_S_TIMER  5
#define IRQ_M_TIMER  7
#define IRQ_S_EXT    9
#define IRQ_M_EXT    11
#define MIP_SSIP (1ULL << IRQ_S_SOFT)
#define MIP_MSIP (1ULL << IRQ_M_SOFT)
#define MIP_STIP (1ULL << IRQ_S_TIMER)
#define MIP_MTIP (1ULL << IRQ_M_TIMER)
#define MIP_SEIP (1ULL << IRQ_S_EXT)
#define MIP_MEIP (1ULL << IRQ_M_EXT)
#define MIP_S_MASK (MIP_SSIP | MIP_STIP | MIP_SEIP)
#define MIP_ALL    (MIP_S_MASK | MIP_MSIP | MIP_MTIP | MIP_MEIP)

/* Synchronous exception causes. */
#define RISCV_EXCP_NONE                   -1
#define RISCV_EXCP_INST_ADDR_MIS          0
#define RISCV_EXCP_INST_ACCESS_FAULT      1
#define RISCV_EXCP_ILLEGAL_INST           2
#define RISCV_EXCP_BREAKPOINT             3
#define RISCV_EXCP_LOAD_ADDR_MIS          4
#define RISCV_EXCP_LOAD_ACCESS_FAULT      5
#define RISCV_EXCP_STORE_AMO_ADDR_MIS     6
#define RISCV_EXCP_STORE_AMO_ACCESS_FAULT 7
#define RISCV_EXCP_U_ECALL                8
#define RISCV_EXCP_S_ECALL                9
#define RISCV_EXCP_M_ECALL                11
#define RISCV_EXCP_INST_PAGE_FAULT        12
#define RISCV_EXCP_LOAD_PAGE_FAULT        13
#define RISCV_EXCP_STORE_PAGE_FAULT       15
#define RISCV_EXCP_INT_FLAG               (1ULL << 63)

/* Exceptions that medeleg may delegate (ecall from M is not one). */
#define MEDELEG_MASK 0xb3ffULL

/* satp (RV64). */
#define SATP_MODE_SHIFT 60
#define SATP_MODE_BARE  0
#define SATP_MODE_SV39  8
#define SATP_MODE_SV48  9
#define SATP_ASID_MASK  (0xffffULL << 44)
#define SATP_PPN_MASK   ((1ULL << 44) - 1)

/* Page-table entries. */
#define PTE_V (1u << 0)
#define PTE_R (1u << 1)
#define PTE_W (1u << 2)
#define PTE_X (1u << 3)
#define PTE_U (1u << 4)
#define PTE_G (1u << 5)
#define PTE_A (1u << 6)
#define PTE_D (1u << 7)
#define PTE_PPN_SHIFT 10
#define PTE_PPN_MASK  0x003ffffffffffc00ULL
#define PTE_RESERVED  0xffc0000000000000ULL

/* pmpcfg fields. */
#define PMP_R      0x01
#define PMP_W      0x02
#define PMP_X      0x04
#define PMP_A      0x18
#define PMP_A_OFF   0x00
#define PMP_A_TOR   0x08
#define PMP_A_NA4   0x10
#define PMP_A_NAPOT 0x18
#define PMP_L      0x80

/* menvcfg / senvcfg. */
#define ENVCFG_FIOM 1ULL

/* mcountinhibit. */
#define COUNTINHIBIT_CY (1u << 0)
#define COUNTINHIBIT_IR (1u << 2)

#endif /* TARGET_RISCV_CPU_BITS_H */

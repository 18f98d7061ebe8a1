/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * all-insns.S: every instruction form the RISC-V disassembler knows, with
 * varied registers and edge immediates.  Assembled with
 * riscv64-unknown-elf-as -march=rv64gc_zba_zbb_zbs; test-disas compares
 * our disassembly with objdump -d line by line.
 */
    .text
    .globl _start
_start:
    .option norvc
/* RV64I: upper immediates and jumps */
    lui a0, 0
    lui t6, 0xfffff
    lui s11, 0x80000
    lui ra, 1
    auipc t0, 0
    auipc a5, 0xfffff
    auipc gp, 0x12345
back:
    jal zero, back
    jal ra, fwd
    jal t0, back
    jal a0, fwd
    j back
    jal back
    jalr zero, 0(ra)
    jalr zero, 0(a0)
    jalr zero, 8(a0)
    jalr zero, -2048(t1)
    jalr ra, 0(a0)
    jalr ra, 2047(s0)
    jalr t0, 0(a1)
    jalr t0, 16(a1)
    jalr a0, -1(a0)
    jalr zero, 0(zero)
    ret
    jr t1
    jalr t2
fwd:
/* branches, with and without zero operands, backwards and forwards */
    beq a0, a1, back
    beq a0, a1, fwd
    beq a0, a1, 2f
    beq zero, a2, back
    beq zero, a2, fwd
    beq zero, a2, 2f
    beq s3, zero, back
    beq s3, zero, fwd
    beq s3, zero, 2f
    beq zero, zero, back
    beq zero, zero, fwd
    beq zero, zero, 2f
    beq t6, s11, back
    beq t6, s11, fwd
    beq t6, s11, 2f
    bne a0, a1, back
    bne a0, a1, fwd
    bne a0, a1, 2f
    bne zero, a2, back
    bne zero, a2, fwd
    bne zero, a2, 2f
    bne s3, zero, back
    bne s3, zero, fwd
    bne s3, zero, 2f
    bne zero, zero, back
    bne zero, zero, fwd
    bne zero, zero, 2f
    bne t6, s11, back
    bne t6, s11, fwd
    bne t6, s11, 2f
    blt a0, a1, back
    blt a0, a1, fwd
    blt a0, a1, 2f
    blt zero, a2, back
    blt zero, a2, fwd
    blt zero, a2, 2f
    blt s3, zero, back
    blt s3, zero, fwd
    blt s3, zero, 2f
    blt zero, zero, back
    blt zero, zero, fwd
    blt zero, zero, 2f
    blt t6, s11, back
    blt t6, s11, fwd
    blt t6, s11, 2f
    bge a0, a1, back
    bge a0, a1, fwd
    bge a0, a1, 2f
    bge zero, a2, back
    bge zero, a2, fwd
    bge zero, a2, 2f
    bge s3, zero, back
    bge s3, zero, fwd
    bge s3, zero, 2f
    bge zero, zero, back
    bge zero, zero, fwd
    bge zero, zero, 2f
    bge t6, s11, back
    bge t6, s11, fwd
    bge t6, s11, 2f
    bltu a0, a1, back
    bltu a0, a1, fwd
    bltu a0, a1, 2f
    bltu zero, a2, back
    bltu zero, a2, fwd
    bltu zero, a2, 2f
    bltu s3, zero, back
    bltu s3, zero, fwd
    bltu s3, zero, 2f
    bltu zero, zero, back
    bltu zero, zero, fwd
    bltu zero, zero, 2f
    bltu t6, s11, back
    bltu t6, s11, fwd
    bltu t6, s11, 2f
    bgeu a0, a1, back
    bgeu a0, a1, fwd
    bgeu a0, a1, 2f
    bgeu zero, a2, back
    bgeu zero, a2, fwd
    bgeu zero, a2, 2f
    bgeu s3, zero, back
    bgeu s3, zero, fwd
    bgeu s3, zero, 2f
    bgeu zero, zero, back
    bgeu zero, zero, fwd
    bgeu zero, zero, 2f
    bgeu t6, s11, back
    bgeu t6, s11, fwd
    bgeu t6, s11, 2f
2:
    beqz a3, back
    beqz t4, 3f
    bnez a3, back
    bnez t4, 3f
    blez a3, back
    blez t4, 3f
    bgez a3, back
    bgez t4, 3f
    bltz a3, back
    bltz t4, 3f
    bgtz a3, back
    bgtz t4, 3f
3:
/* loads and stores */
    lb a0, 0(a1)
    lb zero, -2048(sp)
    lb t6, 2047(zero)
    lb s1, -1(s0)
    lb ra, 8(ra)
    lh a0, 0(a1)
    lh zero, -2048(sp)
    lh t6, 2047(zero)
    lh s1, -1(s0)
    lh ra, 8(ra)
    lw a0, 0(a1)
    lw zero, -2048(sp)
    lw t6, 2047(zero)
    lw s1, -1(s0)
    lw ra, 8(ra)
    ld a0, 0(a1)
    ld zero, -2048(sp)
    ld t6, 2047(zero)
    ld s1, -1(s0)
    ld ra, 8(ra)
    lbu a0, 0(a1)
    lbu zero, -2048(sp)
    lbu t6, 2047(zero)
    lbu s1, -1(s0)
    lbu ra, 8(ra)
    lhu a0, 0(a1)
    lhu zero, -2048(sp)
    lhu t6, 2047(zero)
    lhu s1, -1(s0)
    lhu ra, 8(ra)
    lwu a0, 0(a1)
    lwu zero, -2048(sp)
    lwu t6, 2047(zero)
    lwu s1, -1(s0)
    lwu ra, 8(ra)
    sb a0, 0(a1)
    sb zero, -2048(sp)
    sb t6, 2047(zero)
    sb s1, -1(s0)
    sb ra, 8(ra)
    sh a0, 0(a1)
    sh zero, -2048(sp)
    sh t6, 2047(zero)
    sh s1, -1(s0)
    sh ra, 8(ra)
    sw a0, 0(a1)
    sw zero, -2048(sp)
    sw t6, 2047(zero)
    sw s1, -1(s0)
    sw ra, 8(ra)
    sd a0, 0(a1)
    sd zero, -2048(sp)
    sd t6, 2047(zero)
    sd s1, -1(s0)
    sd ra, 8(ra)
/* OP-IMM and its aliases */
    addi a0, a1, 0
    addi a0, a1, 1
    addi t0, zero, -1
    addi s11, t6, 2047
    addi zero, zero, -2048
    addi sp, sp, -16
    addi a2, a3, 255
    addi zero, zero, 0
    slti a0, a1, 0
    slti a0, a1, 1
    slti t0, zero, -1
    slti s11, t6, 2047
    slti zero, zero, -2048
    slti sp, sp, -16
    slti a2, a3, 255
    slti zero, zero, 0
    sltiu a0, a1, 0
    sltiu a0, a1, 1
    sltiu t0, zero, -1
    sltiu s11, t6, 2047
    sltiu zero, zero, -2048
    sltiu sp, sp, -16
    sltiu a2, a3, 255
    sltiu zero, zero, 0
    xori a0, a1, 0
    xori a0, a1, 1
    xori t0, zero, -1
    xori s11, t6, 2047
    xori zero, zero, -2048
    xori sp, sp, -16
    xori a2, a3, 255
    xori zero, zero, 0
    ori a0, a1, 0
    ori a0, a1, 1
    ori t0, zero, -1
    ori s11, t6, 2047
    ori zero, zero, -2048
    ori sp, sp, -16
    ori a2, a3, 255
    ori zero, zero, 0
    andi a0, a1, 0
    andi a0, a1, 1
    andi t0, zero, -1
    andi s11, t6, 2047
    andi zero, zero, -2048
    andi sp, sp, -16
    andi a2, a3, 255
    andi zero, zero, 0
    nop
    li a0, 0
    li t6, -2048
    li s0, 2047
    mv a0, a1
    mv sp, s0
    not a0, a1
    seqz t0, t1
    zext.b a4, a5
    sext.w a0, a1
    slli a0, a1, 0
    slli t0, t1, 1
    slli s11, zero, 31
    slli a5, a5, 32
    slli ra, sp, 63
    srli a0, a1, 0
    srli t0, t1, 1
    srli s11, zero, 31
    srli a5, a5, 32
    srli ra, sp, 63
    srai a0, a1, 0
    srai t0, t1, 1
    srai s11, zero, 31
    srai a5, a5, 32
    srai ra, sp, 63
/* OP-IMM-32 */
    addiw a0, a1, 0
    addiw a0, a1, 1
    addiw t0, zero, -1
    addiw s11, t6, 2047
    addiw zero, zero, -2048
    slliw a0, a1, 0
    slliw t0, t1, 1
    slliw s11, zero, 31
    srliw a0, a1, 0
    srliw t0, t1, 1
    srliw s11, zero, 31
    sraiw a0, a1, 0
    sraiw t0, t1, 1
    sraiw s11, zero, 31
/* OP, OP-32, M */
    add a0, a1, a2
    add zero, zero, zero
    add t6, zero, s11
    add s0, s1, zero
    add ra, sp, gp
    sub a0, a1, a2
    sub zero, zero, zero
    sub t6, zero, s11
    sub s0, s1, zero
    sub ra, sp, gp
    sll a0, a1, a2
    sll zero, zero, zero
    sll t6, zero, s11
    sll s0, s1, zero
    sll ra, sp, gp
    slt a0, a1, a2
    slt zero, zero, zero
    slt t6, zero, s11
    slt s0, s1, zero
    slt ra, sp, gp
    sltu a0, a1, a2
    sltu zero, zero, zero
    sltu t6, zero, s11
    sltu s0, s1, zero
    sltu ra, sp, gp
    xor a0, a1, a2
    xor zero, zero, zero
    xor t6, zero, s11
    xor s0, s1, zero
    xor ra, sp, gp
    srl a0, a1, a2
    srl zero, zero, zero
    srl t6, zero, s11
    srl s0, s1, zero
    srl ra, sp, gp
    sra a0, a1, a2
    sra zero, zero, zero
    sra t6, zero, s11
    sra s0, s1, zero
    sra ra, sp, gp
    or a0, a1, a2
    or zero, zero, zero
    or t6, zero, s11
    or s0, s1, zero
    or ra, sp, gp
    and a0, a1, a2
    and zero, zero, zero
    and t6, zero, s11
    and s0, s1, zero
    and ra, sp, gp
    mul a0, a1, a2
    mul zero, zero, zero
    mul t6, zero, s11
    mul s0, s1, zero
    mul ra, sp, gp
    mulh a0, a1, a2
    mulh zero, zero, zero
    mulh t6, zero, s11
    mulh s0, s1, zero
    mulh ra, sp, gp
    mulhsu a0, a1, a2
    mulhsu zero, zero, zero
    mulhsu t6, zero, s11
    mulhsu s0, s1, zero
    mulhsu ra, sp, gp
    mulhu a0, a1, a2
    mulhu zero, zero, zero
    mulhu t6, zero, s11
    mulhu s0, s1, zero
    mulhu ra, sp, gp
    div a0, a1, a2
    div zero, zero, zero
    div t6, zero, s11
    div s0, s1, zero
    div ra, sp, gp
    divu a0, a1, a2
    divu zero, zero, zero
    divu t6, zero, s11
    divu s0, s1, zero
    divu ra, sp, gp
    rem a0, a1, a2
    rem zero, zero, zero
    rem t6, zero, s11
    rem s0, s1, zero
    rem ra, sp, gp
    remu a0, a1, a2
    remu zero, zero, zero
    remu t6, zero, s11
    remu s0, s1, zero
    remu ra, sp, gp
    addw a0, a1, a2
    addw zero, zero, zero
    addw t6, zero, s11
    addw s0, s1, zero
    addw ra, sp, gp
    subw a0, a1, a2
    subw zero, zero, zero
    subw t6, zero, s11
    subw s0, s1, zero
    subw ra, sp, gp
    sllw a0, a1, a2
    sllw zero, zero, zero
    sllw t6, zero, s11
    sllw s0, s1, zero
    sllw ra, sp, gp
    srlw a0, a1, a2
    srlw zero, zero, zero
    srlw t6, zero, s11
    srlw s0, s1, zero
    srlw ra, sp, gp
    sraw a0, a1, a2
    sraw zero, zero, zero
    sraw t6, zero, s11
    sraw s0, s1, zero
    sraw ra, sp, gp
    mulw a0, a1, a2
    mulw zero, zero, zero
    mulw t6, zero, s11
    mulw s0, s1, zero
    mulw ra, sp, gp
    divw a0, a1, a2
    divw zero, zero, zero
    divw t6, zero, s11
    divw s0, s1, zero
    divw ra, sp, gp
    divuw a0, a1, a2
    divuw zero, zero, zero
    divuw t6, zero, s11
    divuw s0, s1, zero
    divuw ra, sp, gp
    remw a0, a1, a2
    remw zero, zero, zero
    remw t6, zero, s11
    remw s0, s1, zero
    remw ra, sp, gp
    remuw a0, a1, a2
    remuw zero, zero, zero
    remuw t6, zero, s11
    remuw s0, s1, zero
    remuw ra, sp, gp
    neg a0, a1
    negw t0, t1
    snez a0, a1
    sltz a2, a3
    sgtz a4, a5
/* fences and system */
    fence
    fence iorw, iorw
    fence rw, rw
    fence r, w
    fence w, r
    fence i, o
    fence io, rw
    fence.tso
    fence.i
    .insn 0x0000000f
    .insn 0x0100000f
    ecall
    ebreak
    sret
    mret
    wfi
    sfence.vma
    sfence.vma a0
    sfence.vma a0, a1
    sfence.vma zero, t0
    unimp
/* Zicsr: named CSRs, unnamed ones, aliases */
    csrr a0, fflags
    csrw fflags, t1
    csrrw s2, fflags, a3
    csrr a0, frm
    csrw frm, t1
    csrrw s2, frm, a3
    csrr a0, fcsr
    csrw fcsr, t1
    csrrw s2, fcsr, a3
    csrr a0, cycle
    csrw cycle, t1
    csrrw s2, cycle, a3
    csrr a0, time
    csrw time, t1
    csrrw s2, time, a3
    csrr a0, instret
    csrw instret, t1
    csrrw s2, instret, a3
    csrr a0, hpmcounter3
    csrw hpmcounter3, t1
    csrrw s2, hpmcounter3, a3
    csrr a0, hpmcounter31
    csrw hpmcounter31, t1
    csrrw s2, hpmcounter31, a3
    csrr a0, cycleh
    csrw cycleh, t1
    csrrw s2, cycleh, a3
    csrr a0, sstatus
    csrw sstatus, t1
    csrrw s2, sstatus, a3
    csrr a0, sie
    csrw sie, t1
    csrrw s2, sie, a3
    csrr a0, stvec
    csrw stvec, t1
    csrrw s2, stvec, a3
    csrr a0, scounteren
    csrw scounteren, t1
    csrrw s2, scounteren, a3
    csrr a0, senvcfg
    csrw senvcfg, t1
    csrrw s2, senvcfg, a3
    csrr a0, sscratch
    csrw sscratch, t1
    csrrw s2, sscratch, a3
    csrr a0, sepc
    csrw sepc, t1
    csrrw s2, sepc, a3
    csrr a0, scause
    csrw scause, t1
    csrrw s2, scause, a3
    csrr a0, stval
    csrw stval, t1
    csrrw s2, stval, a3
    csrr a0, sip
    csrw sip, t1
    csrrw s2, sip, a3
    csrr a0, satp
    csrw satp, t1
    csrrw s2, satp, a3
    csrr a0, mstatus
    csrw mstatus, t1
    csrrw s2, mstatus, a3
    csrr a0, misa
    csrw misa, t1
    csrrw s2, misa, a3
    csrr a0, medeleg
    csrw medeleg, t1
    csrrw s2, medeleg, a3
    csrr a0, mideleg
    csrw mideleg, t1
    csrrw s2, mideleg, a3
    csrr a0, mie
    csrw mie, t1
    csrrw s2, mie, a3
    csrr a0, mtvec
    csrw mtvec, t1
    csrrw s2, mtvec, a3
    csrr a0, mcounteren
    csrw mcounteren, t1
    csrrw s2, mcounteren, a3
    csrr a0, menvcfg
    csrw menvcfg, t1
    csrrw s2, menvcfg, a3
    csrr a0, mstatush
    csrw mstatush, t1
    csrrw s2, mstatush, a3
    csrr a0, mcountinhibit
    csrw mcountinhibit, t1
    csrrw s2, mcountinhibit, a3
    csrr a0, mhpmevent3
    csrw mhpmevent3, t1
    csrrw s2, mhpmevent3, a3
    csrr a0, mhpmevent31
    csrw mhpmevent31, t1
    csrrw s2, mhpmevent31, a3
    csrr a0, mscratch
    csrw mscratch, t1
    csrrw s2, mscratch, a3
    csrr a0, mepc
    csrw mepc, t1
    csrrw s2, mepc, a3
    csrr a0, mcause
    csrw mcause, t1
    csrrw s2, mcause, a3
    csrr a0, mtval
    csrw mtval, t1
    csrrw s2, mtval, a3
    csrr a0, mip
    csrw mip, t1
    csrrw s2, mip, a3
    csrr a0, mtinst
    csrw mtinst, t1
    csrrw s2, mtinst, a3
    csrr a0, mtval2
    csrw mtval2, t1
    csrrw s2, mtval2, a3
    csrr a0, pmpcfg0
    csrw pmpcfg0, t1
    csrrw s2, pmpcfg0, a3
    csrr a0, pmpcfg2
    csrw pmpcfg2, t1
    csrrw s2, pmpcfg2, a3
    csrr a0, pmpcfg15
    csrw pmpcfg15, t1
    csrrw s2, pmpcfg15, a3
    csrr a0, pmpaddr0
    csrw pmpaddr0, t1
    csrrw s2, pmpaddr0, a3
    csrr a0, pmpaddr63
    csrw pmpaddr63, t1
    csrrw s2, pmpaddr63, a3
    csrr a0, mseccfg
    csrw mseccfg, t1
    csrrw s2, mseccfg, a3
    csrr a0, tselect
    csrw tselect, t1
    csrrw s2, tselect, a3
    csrr a0, tdata1
    csrw tdata1, t1
    csrrw s2, tdata1, a3
    csrr a0, dcsr
    csrw dcsr, t1
    csrrw s2, dcsr, a3
    csrr a0, dpc
    csrw dpc, t1
    csrrw s2, dpc, a3
    csrr a0, dscratch0
    csrw dscratch0, t1
    csrrw s2, dscratch0, a3
    csrr a0, mcycle
    csrw mcycle, t1
    csrrw s2, mcycle, a3
    csrr a0, minstret
    csrw minstret, t1
    csrrw s2, minstret, a3
    csrr a0, mhpmcounter3
    csrw mhpmcounter3, t1
    csrrw s2, mhpmcounter3, a3
    csrr a0, mhpmcounter31
    csrw mhpmcounter31, t1
    csrrw s2, mhpmcounter31, a3
    csrr a0, mvendorid
    csrw mvendorid, t1
    csrrw s2, mvendorid, a3
    csrr a0, marchid
    csrw marchid, t1
    csrrw s2, marchid, a3
    csrr a0, mimpid
    csrw mimpid, t1
    csrrw s2, mimpid, a3
    csrr a0, mhartid
    csrw mhartid, t1
    csrrw s2, mhartid, a3
    csrr a0, mconfigptr
    csrw mconfigptr, t1
    csrrw s2, mconfigptr, a3
    csrr a0, hstatus
    csrw hstatus, t1
    csrrw s2, hstatus, a3
    csrr a0, hgatp
    csrw hgatp, t1
    csrrw s2, hgatp, a3
    csrr a0, vsstatus
    csrw vsstatus, t1
    csrrw s2, vsstatus, a3
    csrr a0, vsatp
    csrw vsatp, t1
    csrrw s2, vsatp, a3
    csrr a0, vstart
    csrw vstart, t1
    csrrw s2, vstart, a3
    csrr a0, vl
    csrw vl, t1
    csrrw s2, vl, a3
    csrr a0, vtype
    csrw vtype, t1
    csrrw s2, vtype, a3
    csrr a0, vlenb
    csrw vlenb, t1
    csrrw s2, vlenb, a3
    csrr a0, stimecmp
    csrw stimecmp, t1
    csrrw s2, stimecmp, a3
    csrr a0, seed
    csrw seed, t1
    csrrw s2, seed, a3
    csrr a0, 0x7c0
    csrw 0x7c0, t1
    csrrw s2, 0x7c0, a3
    csrr a0, 0x800
    csrw 0x800, t1
    csrrw s2, 0x800, a3
    csrr a0, 0xfff
    csrw 0xfff, t1
    csrrw s2, 0xfff, a3
    csrr a0, 0x000
    csrw 0x000, t1
    csrrw s2, 0x000, a3
    csrr a0, 0x5c0
    csrw 0x5c0, t1
    csrrw s2, 0x5c0, a3
    csrr a0, 0xbc0
    csrw 0xbc0, t1
    csrrw s2, 0xbc0, a3
    csrrw a0, mstatus, a1
    csrrw zero, mtvec, t0
    csrrw t0, mscratch, zero
    csrrw zero, satp, zero
    csrrw ra, 0x7c0, sp
    csrrs a0, mstatus, a1
    csrrs zero, mtvec, t0
    csrrs t0, mscratch, zero
    csrrs zero, satp, zero
    csrrs ra, 0x7c0, sp
    csrrc a0, mstatus, a1
    csrrc zero, mtvec, t0
    csrrc t0, mscratch, zero
    csrrc zero, satp, zero
    csrrc ra, 0x7c0, sp
    csrrwi a0, mstatus, 0
    csrrwi zero, mie, 31
    csrrwi t0, sie, 8
    csrrwi zero, 0x123, 1
    csrrsi a0, mstatus, 0
    csrrsi zero, mie, 31
    csrrsi t0, sie, 8
    csrrsi zero, 0x123, 1
    csrrci a0, mstatus, 0
    csrrci zero, mie, 31
    csrrci t0, sie, 8
    csrrci zero, 0x123, 1
    csrs mie, a0
    csrc mip, t1
    csrwi mscratch, 3
    csrsi mstatus, 8
    csrci sstatus, 2
    rdcycle a0
    rdtime t1
    rdinstret s2
    csrr a0, cycleh
    frflags a0
    fsflags a1
    fsflags t0, a1
    fsflagsi 5
    fsflagsi a0, 31
    frrm a2
    fsrm a3
    fsrm a4, a5
    fsrmi 1
    fsrmi t0, 4
    frcsr s0
    fscsr s1
    fscsr s2, s3
    csrr zero, mstatus
/* A: every AMO with every ordering suffix */
    lr.w a0, (a1)
    lr.w zero, (sp)
    sc.w a0, a1, (a2)
    amoswap.w a0, a1, (a2)
    amoadd.w a0, a1, (a2)
    amoxor.w a0, a1, (a2)
    amoand.w a0, a1, (a2)
    amoor.w a0, a1, (a2)
    amomin.w a0, a1, (a2)
    amomax.w a0, a1, (a2)
    amominu.w a0, a1, (a2)
    amomaxu.w a0, a1, (a2)
    amoadd.w zero, t6, (s11)
    lr.w.aq a0, (a1)
    lr.w.aq zero, (sp)
    sc.w.aq a0, a1, (a2)
    amoswap.w.aq a0, a1, (a2)
    amoadd.w.aq a0, a1, (a2)
    amoxor.w.aq a0, a1, (a2)
    amoand.w.aq a0, a1, (a2)
    amoor.w.aq a0, a1, (a2)
    amomin.w.aq a0, a1, (a2)
    amomax.w.aq a0, a1, (a2)
    amominu.w.aq a0, a1, (a2)
    amomaxu.w.aq a0, a1, (a2)
    amoadd.w.aq zero, t6, (s11)
    lr.w.rl a0, (a1)
    lr.w.rl zero, (sp)
    sc.w.rl a0, a1, (a2)
    amoswap.w.rl a0, a1, (a2)
    amoadd.w.rl a0, a1, (a2)
    amoxor.w.rl a0, a1, (a2)
    amoand.w.rl a0, a1, (a2)
    amoor.w.rl a0, a1, (a2)
    amomin.w.rl a0, a1, (a2)
    amomax.w.rl a0, a1, (a2)
    amominu.w.rl a0, a1, (a2)
    amomaxu.w.rl a0, a1, (a2)
    amoadd.w.rl zero, t6, (s11)
    lr.w.aqrl a0, (a1)
    lr.w.aqrl zero, (sp)
    sc.w.aqrl a0, a1, (a2)
    amoswap.w.aqrl a0, a1, (a2)
    amoadd.w.aqrl a0, a1, (a2)
    amoxor.w.aqrl a0, a1, (a2)
    amoand.w.aqrl a0, a1, (a2)
    amoor.w.aqrl a0, a1, (a2)
    amomin.w.aqrl a0, a1, (a2)
    amomax.w.aqrl a0, a1, (a2)
    amominu.w.aqrl a0, a1, (a2)
    amomaxu.w.aqrl a0, a1, (a2)
    amoadd.w.aqrl zero, t6, (s11)
    lr.d a0, (a1)
    lr.d zero, (sp)
    sc.d a0, a1, (a2)
    amoswap.d a0, a1, (a2)
    amoadd.d a0, a1, (a2)
    amoxor.d a0, a1, (a2)
    amoand.d a0, a1, (a2)
    amoor.d a0, a1, (a2)
    amomin.d a0, a1, (a2)
    amomax.d a0, a1, (a2)
    amominu.d a0, a1, (a2)
    amomaxu.d a0, a1, (a2)
    amoadd.d zero, t6, (s11)
    lr.d.aq a0, (a1)
    lr.d.aq zero, (sp)
    sc.d.aq a0, a1, (a2)
    amoswap.d.aq a0, a1, (a2)
    amoadd.d.aq a0, a1, (a2)
    amoxor.d.aq a0, a1, (a2)
    amoand.d.aq a0, a1, (a2)
    amoor.d.aq a0, a1, (a2)
    amomin.d.aq a0, a1, (a2)
    amomax.d.aq a0, a1, (a2)
    amominu.d.aq a0, a1, (a2)
    amomaxu.d.aq a0, a1, (a2)
    amoadd.d.aq zero, t6, (s11)
    lr.d.rl a0, (a1)
    lr.d.rl zero, (sp)
    sc.d.rl a0, a1, (a2)
    amoswap.d.rl a0, a1, (a2)
    amoadd.d.rl a0, a1, (a2)
    amoxor.d.rl a0, a1, (a2)
    amoand.d.rl a0, a1, (a2)
    amoor.d.rl a0, a1, (a2)
    amomin.d.rl a0, a1, (a2)
    amomax.d.rl a0, a1, (a2)
    amominu.d.rl a0, a1, (a2)
    amomaxu.d.rl a0, a1, (a2)
    amoadd.d.rl zero, t6, (s11)
    lr.d.aqrl a0, (a1)
    lr.d.aqrl zero, (sp)
    sc.d.aqrl a0, a1, (a2)
    amoswap.d.aqrl a0, a1, (a2)
    amoadd.d.aqrl a0, a1, (a2)
    amoxor.d.aqrl a0, a1, (a2)
    amoand.d.aqrl a0, a1, (a2)
    amoor.d.aqrl a0, a1, (a2)
    amomin.d.aqrl a0, a1, (a2)
    amomax.d.aqrl a0, a1, (a2)
    amominu.d.aqrl a0, a1, (a2)
    amomaxu.d.aqrl a0, a1, (a2)
    amoadd.d.aqrl zero, t6, (s11)
/* F and D */
    flw fa0, 0(a0)
    fsw fa0, 0(a0)
    flw ft11, -2048(sp)
    fsw ft11, -2048(sp)
    flw fs0, 2047(zero)
    fsw fs0, 2047(zero)
    flw ft0, 8(s1)
    fsw ft0, 8(s1)
    fmadd.s fa0, fa1, fa2, fa3
    fmadd.s fa0, fa1, fa2, fa3, rne
    fmadd.s fa0, fa1, fa2, fa3, rtz
    fmadd.s fa0, fa1, fa2, fa3, rdn
    fmadd.s fa0, fa1, fa2, fa3, rup
    fmadd.s fa0, fa1, fa2, fa3, rmm
    fmadd.s fa0, fa1, fa2, fa3, dyn
    fmsub.s fa0, fa1, fa2, fa3
    fmsub.s fa0, fa1, fa2, fa3, rne
    fmsub.s fa0, fa1, fa2, fa3, rtz
    fmsub.s fa0, fa1, fa2, fa3, rdn
    fmsub.s fa0, fa1, fa2, fa3, rup
    fmsub.s fa0, fa1, fa2, fa3, rmm
    fmsub.s fa0, fa1, fa2, fa3, dyn
    fnmsub.s fa0, fa1, fa2, fa3
    fnmsub.s fa0, fa1, fa2, fa3, rne
    fnmsub.s fa0, fa1, fa2, fa3, rtz
    fnmsub.s fa0, fa1, fa2, fa3, rdn
    fnmsub.s fa0, fa1, fa2, fa3, rup
    fnmsub.s fa0, fa1, fa2, fa3, rmm
    fnmsub.s fa0, fa1, fa2, fa3, dyn
    fnmadd.s fa0, fa1, fa2, fa3
    fnmadd.s fa0, fa1, fa2, fa3, rne
    fnmadd.s fa0, fa1, fa2, fa3, rtz
    fnmadd.s fa0, fa1, fa2, fa3, rdn
    fnmadd.s fa0, fa1, fa2, fa3, rup
    fnmadd.s fa0, fa1, fa2, fa3, rmm
    fnmadd.s fa0, fa1, fa2, fa3, dyn
    fadd.s ft0, ft1, ft2
    fadd.s ft0, ft1, ft2, rne
    fadd.s ft0, ft1, ft2, rtz
    fadd.s ft0, ft1, ft2, rdn
    fadd.s ft0, ft1, ft2, rup
    fadd.s ft0, ft1, ft2, rmm
    fadd.s ft0, ft1, ft2, dyn
    fadd.s fs11, fs11, fs11
    fsub.s ft0, ft1, ft2
    fsub.s ft0, ft1, ft2, rne
    fsub.s ft0, ft1, ft2, rtz
    fsub.s ft0, ft1, ft2, rdn
    fsub.s ft0, ft1, ft2, rup
    fsub.s ft0, ft1, ft2, rmm
    fsub.s ft0, ft1, ft2, dyn
    fsub.s fs11, fs11, fs11
    fmul.s ft0, ft1, ft2
    fmul.s ft0, ft1, ft2, rne
    fmul.s ft0, ft1, ft2, rtz
    fmul.s ft0, ft1, ft2, rdn
    fmul.s ft0, ft1, ft2, rup
    fmul.s ft0, ft1, ft2, rmm
    fmul.s ft0, ft1, ft2, dyn
    fmul.s fs11, fs11, fs11
    fdiv.s ft0, ft1, ft2
    fdiv.s ft0, ft1, ft2, rne
    fdiv.s ft0, ft1, ft2, rtz
    fdiv.s ft0, ft1, ft2, rdn
    fdiv.s ft0, ft1, ft2, rup
    fdiv.s ft0, ft1, ft2, rmm
    fdiv.s ft0, ft1, ft2, dyn
    fdiv.s fs11, fs11, fs11
    fsqrt.s fa0, fa1
    fsqrt.s fa0, fa1, rne
    fsqrt.s fa0, fa1, rtz
    fsqrt.s fa0, fa1, dyn
    fsgnj.s fa0, fa1, fa2
    fsgnj.s ft3, ft4, ft4
    fsgnjn.s fa0, fa1, fa2
    fsgnjn.s ft3, ft4, ft4
    fsgnjx.s fa0, fa1, fa2
    fsgnjx.s ft3, ft4, ft4
    fmv.s fa0, fa1
    fneg.s fa2, fa3
    fabs.s fa4, fa5
    fmin.s fa0, fa1, fa2
    fmax.s fa0, fa1, fa2
    feq.s a0, fa1, fa2
    feq.s zero, ft0, ft11
    flt.s a0, fa1, fa2
    flt.s zero, ft0, ft11
    fle.s a0, fa1, fa2
    fle.s zero, ft0, ft11
    fclass.s a0, fa1
    fcvt.w.s a0, fa1
    fcvt.s.w fa0, a1
    fcvt.w.s a0, fa1, rne
    fcvt.s.w fa0, a1, rne
    fcvt.w.s a0, fa1, rtz
    fcvt.s.w fa0, a1, rtz
    fcvt.w.s a0, fa1, rdn
    fcvt.s.w fa0, a1, rdn
    fcvt.w.s a0, fa1, rup
    fcvt.s.w fa0, a1, rup
    fcvt.w.s a0, fa1, rmm
    fcvt.s.w fa0, a1, rmm
    fcvt.w.s a0, fa1, dyn
    fcvt.s.w fa0, a1, dyn
    fcvt.wu.s a0, fa1
    fcvt.s.wu fa0, a1
    fcvt.wu.s a0, fa1, rne
    fcvt.s.wu fa0, a1, rne
    fcvt.wu.s a0, fa1, rtz
    fcvt.s.wu fa0, a1, rtz
    fcvt.wu.s a0, fa1, rdn
    fcvt.s.wu fa0, a1, rdn
    fcvt.wu.s a0, fa1, rup
    fcvt.s.wu fa0, a1, rup
    fcvt.wu.s a0, fa1, rmm
    fcvt.s.wu fa0, a1, rmm
    fcvt.wu.s a0, fa1, dyn
    fcvt.s.wu fa0, a1, dyn
    fcvt.l.s a0, fa1
    fcvt.s.l fa0, a1
    fcvt.l.s a0, fa1, rne
    fcvt.s.l fa0, a1, rne
    fcvt.l.s a0, fa1, rtz
    fcvt.s.l fa0, a1, rtz
    fcvt.l.s a0, fa1, rdn
    fcvt.s.l fa0, a1, rdn
    fcvt.l.s a0, fa1, rup
    fcvt.s.l fa0, a1, rup
    fcvt.l.s a0, fa1, rmm
    fcvt.s.l fa0, a1, rmm
    fcvt.l.s a0, fa1, dyn
    fcvt.s.l fa0, a1, dyn
    fcvt.lu.s a0, fa1
    fcvt.s.lu fa0, a1
    fcvt.lu.s a0, fa1, rne
    fcvt.s.lu fa0, a1, rne
    fcvt.lu.s a0, fa1, rtz
    fcvt.s.lu fa0, a1, rtz
    fcvt.lu.s a0, fa1, rdn
    fcvt.s.lu fa0, a1, rdn
    fcvt.lu.s a0, fa1, rup
    fcvt.s.lu fa0, a1, rup
    fcvt.lu.s a0, fa1, rmm
    fcvt.s.lu fa0, a1, rmm
    fcvt.lu.s a0, fa1, dyn
    fcvt.s.lu fa0, a1, dyn
    fld fa0, 0(a0)
    fsd fa0, 0(a0)
    fld ft11, -2048(sp)
    fsd ft11, -2048(sp)
    fld fs0, 2047(zero)
    fsd fs0, 2047(zero)
    fld ft0, 8(s1)
    fsd ft0, 8(s1)
    fmadd.d fa0, fa1, fa2, fa3
    fmadd.d fa0, fa1, fa2, fa3, rne
    fmadd.d fa0, fa1, fa2, fa3, rtz
    fmadd.d fa0, fa1, fa2, fa3, rdn
    fmadd.d fa0, fa1, fa2, fa3, rup
    fmadd.d fa0, fa1, fa2, fa3, rmm
    fmadd.d fa0, fa1, fa2, fa3, dyn
    fmsub.d fa0, fa1, fa2, fa3
    fmsub.d fa0, fa1, fa2, fa3, rne
    fmsub.d fa0, fa1, fa2, fa3, rtz
    fmsub.d fa0, fa1, fa2, fa3, rdn
    fmsub.d fa0, fa1, fa2, fa3, rup
    fmsub.d fa0, fa1, fa2, fa3, rmm
    fmsub.d fa0, fa1, fa2, fa3, dyn
    fnmsub.d fa0, fa1, fa2, fa3
    fnmsub.d fa0, fa1, fa2, fa3, rne
    fnmsub.d fa0, fa1, fa2, fa3, rtz
    fnmsub.d fa0, fa1, fa2, fa3, rdn
    fnmsub.d fa0, fa1, fa2, fa3, rup
    fnmsub.d fa0, fa1, fa2, fa3, rmm
    fnmsub.d fa0, fa1, fa2, fa3, dyn
    fnmadd.d fa0, fa1, fa2, fa3
    fnmadd.d fa0, fa1, fa2, fa3, rne
    fnmadd.d fa0, fa1, fa2, fa3, rtz
    fnmadd.d fa0, fa1, fa2, fa3, rdn
    fnmadd.d fa0, fa1, fa2, fa3, rup
    fnmadd.d fa0, fa1, fa2, fa3, rmm
    fnmadd.d fa0, fa1, fa2, fa3, dyn
    fadd.d ft0, ft1, ft2
    fadd.d ft0, ft1, ft2, rne
    fadd.d ft0, ft1, ft2, rtz
    fadd.d ft0, ft1, ft2, rdn
    fadd.d ft0, ft1, ft2, rup
    fadd.d ft0, ft1, ft2, rmm
    fadd.d ft0, ft1, ft2, dyn
    fadd.d fs11, fs11, fs11
    fsub.d ft0, ft1, ft2
    fsub.d ft0, ft1, ft2, rne
    fsub.d ft0, ft1, ft2, rtz
    fsub.d ft0, ft1, ft2, rdn
    fsub.d ft0, ft1, ft2, rup
    fsub.d ft0, ft1, ft2, rmm
    fsub.d ft0, ft1, ft2, dyn
    fsub.d fs11, fs11, fs11
    fmul.d ft0, ft1, ft2
    fmul.d ft0, ft1, ft2, rne
    fmul.d ft0, ft1, ft2, rtz
    fmul.d ft0, ft1, ft2, rdn
    fmul.d ft0, ft1, ft2, rup
    fmul.d ft0, ft1, ft2, rmm
    fmul.d ft0, ft1, ft2, dyn
    fmul.d fs11, fs11, fs11
    fdiv.d ft0, ft1, ft2
    fdiv.d ft0, ft1, ft2, rne
    fdiv.d ft0, ft1, ft2, rtz
    fdiv.d ft0, ft1, ft2, rdn
    fdiv.d ft0, ft1, ft2, rup
    fdiv.d ft0, ft1, ft2, rmm
    fdiv.d ft0, ft1, ft2, dyn
    fdiv.d fs11, fs11, fs11
    fsqrt.d fa0, fa1
    fsqrt.d fa0, fa1, rne
    fsqrt.d fa0, fa1, rtz
    fsqrt.d fa0, fa1, dyn
    fsgnj.d fa0, fa1, fa2
    fsgnj.d ft3, ft4, ft4
    fsgnjn.d fa0, fa1, fa2
    fsgnjn.d ft3, ft4, ft4
    fsgnjx.d fa0, fa1, fa2
    fsgnjx.d ft3, ft4, ft4
    fmv.d fa0, fa1
    fneg.d fa2, fa3
    fabs.d fa4, fa5
    fmin.d fa0, fa1, fa2
    fmax.d fa0, fa1, fa2
    feq.d a0, fa1, fa2
    feq.d zero, ft0, ft11
    flt.d a0, fa1, fa2
    flt.d zero, ft0, ft11
    fle.d a0, fa1, fa2
    fle.d zero, ft0, ft11
    fclass.d a0, fa1
    fcvt.w.d a0, fa1
    fcvt.w.d a0, fa1, rne
    fcvt.w.d a0, fa1, rtz
    fcvt.w.d a0, fa1, rdn
    fcvt.w.d a0, fa1, rup
    fcvt.w.d a0, fa1, rmm
    fcvt.w.d a0, fa1, dyn
    fcvt.d.w fa0, a1
    fcvt.wu.d a0, fa1
    fcvt.wu.d a0, fa1, rne
    fcvt.wu.d a0, fa1, rtz
    fcvt.wu.d a0, fa1, rdn
    fcvt.wu.d a0, fa1, rup
    fcvt.wu.d a0, fa1, rmm
    fcvt.wu.d a0, fa1, dyn
    fcvt.d.wu fa0, a1
    fcvt.l.d a0, fa1
    fcvt.d.l fa0, a1
    fcvt.l.d a0, fa1, rne
    fcvt.d.l fa0, a1, rne
    fcvt.l.d a0, fa1, rtz
    fcvt.d.l fa0, a1, rtz
    fcvt.l.d a0, fa1, rdn
    fcvt.d.l fa0, a1, rdn
    fcvt.l.d a0, fa1, rup
    fcvt.d.l fa0, a1, rup
    fcvt.l.d a0, fa1, rmm
    fcvt.d.l fa0, a1, rmm
    fcvt.l.d a0, fa1, dyn
    fcvt.d.l fa0, a1, dyn
    fcvt.lu.d a0, fa1
    fcvt.d.lu fa0, a1
    fcvt.lu.d a0, fa1, rne
    fcvt.d.lu fa0, a1, rne
    fcvt.lu.d a0, fa1, rtz
    fcvt.d.lu fa0, a1, rtz
    fcvt.lu.d a0, fa1, rdn
    fcvt.d.lu fa0, a1, rdn
    fcvt.lu.d a0, fa1, rup
    fcvt.d.lu fa0, a1, rup
    fcvt.lu.d a0, fa1, rmm
    fcvt.d.lu fa0, a1, rmm
    fcvt.lu.d a0, fa1, dyn
    fcvt.d.lu fa0, a1, dyn
    fcvt.s.d fa0, fa1
    fcvt.s.d fa0, fa1, rtz
    fcvt.s.d fa0, fa1, dyn
    fcvt.d.s fa0, fa1
    fmv.x.w a0, fa1
    fmv.w.x fa0, a1
    fmv.x.d t0, ft1
    fmv.d.x ft2, t3
    fmv.x.w zero, ft11
    fmv.d.x fs11, zero
/* Zba, Zbb, Zbs */
    sh1add a0, a1, a2
    sh1add t0, zero, s11
    sh2add a0, a1, a2
    sh2add t0, zero, s11
    sh3add a0, a1, a2
    sh3add t0, zero, s11
    add.uw a0, a1, a2
    add.uw t0, zero, s11
    sh1add.uw a0, a1, a2
    sh1add.uw t0, zero, s11
    sh2add.uw a0, a1, a2
    sh2add.uw t0, zero, s11
    sh3add.uw a0, a1, a2
    sh3add.uw t0, zero, s11
    andn a0, a1, a2
    andn t0, zero, s11
    orn a0, a1, a2
    orn t0, zero, s11
    xnor a0, a1, a2
    xnor t0, zero, s11
    max a0, a1, a2
    max t0, zero, s11
    maxu a0, a1, a2
    maxu t0, zero, s11
    min a0, a1, a2
    min t0, zero, s11
    minu a0, a1, a2
    minu t0, zero, s11
    rol a0, a1, a2
    rol t0, zero, s11
    ror a0, a1, a2
    ror t0, zero, s11
    rolw a0, a1, a2
    rolw t0, zero, s11
    rorw a0, a1, a2
    rorw t0, zero, s11
    bclr a0, a1, a2
    bclr t0, zero, s11
    bext a0, a1, a2
    bext t0, zero, s11
    binv a0, a1, a2
    binv t0, zero, s11
    bset a0, a1, a2
    bset t0, zero, s11
    zext.w a0, a1
    clz a0, a1
    clz t6, zero
    ctz a0, a1
    ctz t6, zero
    cpop a0, a1
    cpop t6, zero
    clzw a0, a1
    clzw t6, zero
    ctzw a0, a1
    ctzw t6, zero
    cpopw a0, a1
    cpopw t6, zero
    sext.b a0, a1
    sext.b t6, zero
    sext.h a0, a1
    sext.h t6, zero
    zext.h a0, a1
    zext.h t6, zero
    orc.b a0, a1
    orc.b t6, zero
    rev8 a0, a1
    rev8 t6, zero
    slli.uw a0, a1, 0
    slli.uw t0, t1, 1
    slli.uw s11, zero, 63
    rori a0, a1, 0
    rori t0, t1, 1
    rori s11, zero, 63
    roriw a0, a1, 0
    roriw t0, t1, 1
    roriw s11, zero, 31
    bclri a0, a1, 0
    bclri t0, t1, 1
    bclri s11, zero, 63
    bexti a0, a1, 0
    bexti t0, t1, 1
    bexti s11, zero, 63
    binvi a0, a1, 0
    binvi t0, t1, 1
    binvi s11, zero, 63
    bseti a0, a1, 0
    bseti t0, t1, 1
    bseti s11, zero, 63
/* C: compressed forms, as objdump shows them */
    .option rvc
cback:
    c.addi4spn a0, sp, 4
    c.addi4spn s0, sp, 1020
    c.addi4spn a5, sp, 16
    c.fld fa0, 0(a1)
    c.fld fs1, 248(a5)
    c.lw a0, 0(a1)
    c.lw s1, 124(a5)
    c.lw a2, 4(s0)
    c.ld a0, 0(a1)
    c.ld s1, 248(a5)
    c.fsd fa0, 8(a1)
    c.fsd fs0, 248(a5)
    c.sw a0, 0(a1)
    c.sw s1, 124(a5)
    c.sd a0, 0(a1)
    c.sd s1, 248(a5)
    c.nop
    c.addi a0, 1
    c.addi t6, -32
    c.addi sp, 31
    c.addiw a0, 0
    c.addiw s11, -1
    c.addiw ra, 31
    c.li a0, 0
    c.li t6, -32
    c.li ra, 31
    c.addi16sp sp, -512
    c.addi16sp sp, 496
    c.addi16sp sp, 16
    c.lui a0, 1
    c.lui t6, 0x1f
    c.lui ra, 0xfffff
    c.lui s0, 0xfffe0
    c.srli a0, 1
    c.srli s0, 63
    c.srai a5, 32
    c.srai s1, 1
    c.andi a0, 0
    c.andi s1, -32
    c.andi a5, 31
    c.sub a0, a1
    c.xor s0, s1
    c.or a4, a5
    c.and a2, a3
    c.subw a0, a5
    c.addw s0, a1
    c.j cback
    c.j cfwd
    c.beqz a0, cback
    c.beqz s1, cfwd
    c.bnez a5, cback
    c.bnez s0, cfwd
    c.slli a0, 1
    c.slli t6, 63
    c.slli ra, 32
    c.fldsp fa0, 0(sp)
    c.fldsp ft11, 504(sp)
    c.lwsp a0, 0(sp)
    c.lwsp t6, 252(sp)
    c.ldsp ra, 8(sp)
    c.ldsp s11, 504(sp)
    c.jr a0
    c.jr ra
    c.mv a0, a1
    c.mv t6, sp
    c.ebreak
    c.jalr a0
    c.jalr ra
    c.add a0, a1
    c.add sp, t6
    c.fsdsp fa0, 0(sp)
    c.fsdsp ft11, 504(sp)
    c.swsp a0, 0(sp)
    c.swsp t6, 252(sp)
    c.sdsp ra, 8(sp)
    c.sdsp s11, 504(sp)
cfwd:
/* reserved and HINT encodings, and words that are not instructions */
    .insn 0x0000
    .insn 0x0001
    .insn 0x0005
    .insn 0x4001
    .insn 0x6001
    .insn 0x6101
    .insn 0x0002
    .insn 0x0082
    .insn 0x8001
    .insn 0x8401
    .insn 0x8002
    .insn 0x8006
    .insn 0x9006
    .insn 0x1000
    .insn 0x9c41
    .insn 0x0000007b
    .insn 0xfe000033
    .insn 0x0010100f
    .insn 0xd2051553
    .insn 0x0000702f
    .insn 0x10500173
    .insn 0x12000f73
    .option norvc
    nop

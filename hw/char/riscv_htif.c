/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * RISC-V HTIF (Spike's host-target interface: riscv-isa-sim fesvr's
 * tohost/fromhost protocol, riscv-pk's syscall proxy), as QEMU's
 * hw/char/riscv_htif.c.  See include/hw/char/riscv_htif.h.
 */
#include "qomu/osdep.h"
#include "qapi/error.h"
#include "qomu/log.h"
#include "qomu/module.h"
#include "hw/char/riscv_htif.h"
#include "hw/qdev-properties.h"
#include "hw/qdev-properties-system.h"
#include "exec/address-spaces.h"
#include "system/runstate.h"

/* tohost / fromhost: device 63:56, command 55:48, payload 47:0. */
#define HTIF_DEV_SHIFT 56
#define HTIF_CMD_SHIFT 48
#define HTIF_PAYLOAD_MASK 0xffffffffffffULL

#define HTIF_DEV_SYSTEM 0
#define HTIF_DEV_CONSOLE 1

#define HTIF_SYSTEM_CMD_SYSCALL 0
#define HTIF_CONSOLE_CMD_GETC 0
#define HTIF_CONSOLE_CMD_PUTC 1

/* riscv-pk's proxied system calls (Linux numbers) and magic_mem layout. */
#define PK_SYS_WRITE 64
#define PK_MAGIC_WORDS 8
#define PK_ENOSYS 38
#define PK_WRITE_MAX 4096

/* The one place console output leaves the device. */
static void htif_console_write(HTIFState *s, const uint8_t *buf, int len)
{
    qemu_chr_fe_write_all(&s->chr, buf, len);
}

static uint64_t htif_response(uint64_t cmd, uint64_t payload)
{
    return (cmd >> HTIF_CMD_SHIFT << HTIF_CMD_SHIFT) |
           (payload & HTIF_PAYLOAD_MASK);
}

/*
 * SYS_write(fd, buf, len) from riscv-pk: magic_mem[0] = 64, [1] = fd,
 * [2] = buf, [3] = len.  Returns the syscall's result for magic_mem[0].
 */
static int64_t htif_syscall(HTIFState *s, const uint64_t *magic)
{
    uint64_t fd = GUINT64_FROM_LE(magic[1]);
    uint64_t addr = GUINT64_FROM_LE(magic[2]);
    uint64_t len = GUINT64_FROM_LE(magic[3]);
    g_autofree uint8_t *buf = NULL;

    if (GUINT64_FROM_LE(magic[0]) != PK_SYS_WRITE) {
        qemu_log_mask(LOG_UNIMP,
                      "htif: proxied syscall %" PRIu64 " not supported\n",
                      GUINT64_FROM_LE(magic[0]));
        return -PK_ENOSYS;
    }
    if (fd != 1 && fd != 2) {
        qemu_log_mask(LOG_UNIMP,
                      "htif: SYS_write to fd %" PRIu64 " not supported\n", fd);
        return -PK_ENOSYS;
    }
    len = MIN(len, PK_WRITE_MAX);
    buf = g_malloc(len ? len : 1);
    if (address_space_read(&address_space_memory, addr, MEMTXATTRS_UNSPECIFIED,
                           buf, len) != MEMTX_OK) {
        qemu_log_mask(LOG_GUEST_ERROR,
                      "htif: SYS_write buffer 0x%" PRIx64 " (+%" PRIu64
                      ") is not memory\n",
                      addr, len);
        return -14; /* -EFAULT */
    }
    htif_console_write(s, buf, len);
    return len;
}

static void htif_handle_tohost_write(HTIFState *s, uint64_t val)
{
    uint8_t device = val >> HTIF_DEV_SHIFT;
    uint8_t cmd = val >> HTIF_CMD_SHIFT;
    uint64_t payload = val & HTIF_PAYLOAD_MASK;

    s->tohost = 0; /* taken, as Spike does */
    if (device == HTIF_DEV_SYSTEM && cmd == HTIF_SYSTEM_CMD_SYSCALL) {
        if (payload & 1) {
            int code = payload >> 1;

            qemu_system_shutdown_request_with_code(
                code ? SHUTDOWN_CAUSE_GUEST_PANIC
                     : SHUTDOWN_CAUSE_GUEST_SHUTDOWN,
                code);
        } else {
            uint64_t magic[PK_MAGIC_WORDS];
            int64_t ret;

            if (address_space_read(&address_space_memory, payload,
                                   MEMTXATTRS_UNSPECIFIED, magic,
                                   sizeof(magic)) != MEMTX_OK) {
                qemu_log_mask(LOG_GUEST_ERROR,
                              "htif: syscall block at 0x%" PRIx64
                              " is not memory\n",
                              payload);
                return;
            }
            ret = htif_syscall(s, magic);
            magic[0] = GUINT64_TO_LE((uint64_t)ret);
            address_space_write(&address_space_memory, payload,
                                MEMTXATTRS_UNSPECIFIED, magic,
                                sizeof(magic[0]));
            s->fromhost = htif_response(val, 1);
        }
    } else if (device == HTIF_DEV_CONSOLE && cmd == HTIF_CONSOLE_CMD_PUTC) {
        uint8_t ch = payload;

        htif_console_write(s, &ch, 1);
        s->fromhost = htif_response(val, 0x100 | ch);
    } else if (device == HTIF_DEV_CONSOLE && cmd == HTIF_CONSOLE_CMD_GETC) {
        /* Answered when a byte comes (htif_receive). */
        s->pending_read = val;
        qemu_chr_fe_accept_input(&s->chr);
    } else {
        qemu_log_mask(LOG_GUEST_ERROR,
                      "htif: unknown device %u command %u (tohost 0x%016" PRIx64
                      ")\n",
                      device, cmd, val);
    }
}

/* Input is taken only to answer a getchar request. */
static int htif_can_receive(void *opaque)
{
    HTIFState *s = opaque;

    return s->pending_read ? 1 : 0;
}

static void htif_receive(void *opaque, const uint8_t *buf, int size)
{
    HTIFState *s = opaque;

    if (size < 1 || !s->pending_read) {
        return;
    }
    s->fromhost = htif_response(s->pending_read, 0x100 | buf[0]);
    s->pending_read = 0;
}

static uint64_t htif_word_read(uint64_t word, hwaddr addr, unsigned size)
{
    if (size == 8) {
        return word;
    }
    return (addr & 4) ? word >> 32 : word & 0xffffffff;
}

static uint64_t htif_word_write(uint64_t word, hwaddr addr, uint64_t value,
                                unsigned size)
{
    if (size == 8) {
        return value;
    }
    if (addr & 4) {
        return (word & 0xffffffffULL) | (value << 32);
    }
    return (word & ~0xffffffffULL) | (value & 0xffffffffULL);
}

static uint64_t htif_tohost_read(void *opaque, hwaddr addr, unsigned size)
{
    HTIFState *s = opaque;

    return htif_word_read(s->tohost, addr, size);
}

/* A 64-bit store, or the store to the high half, hands the command over. */
static void htif_tohost_write(void *opaque, hwaddr addr, uint64_t value,
                              unsigned size)
{
    HTIFState *s = opaque;

    s->tohost = htif_word_write(s->tohost, addr, value, size);
    if ((size == 8 || (addr & 4)) && s->tohost) {
        htif_handle_tohost_write(s, s->tohost);
    }
}

static uint64_t htif_fromhost_read(void *opaque, hwaddr addr, unsigned size)
{
    HTIFState *s = opaque;

    return htif_word_read(s->fromhost, addr, size);
}

static void htif_fromhost_write(void *opaque, hwaddr addr, uint64_t value,
                                unsigned size)
{
    HTIFState *s = opaque;

    s->fromhost = htif_word_write(s->fromhost, addr, value, size);
}

/* Naturally aligned 32- or 64-bit accesses, as the guest's lw/sw/ld/sd. */
static const MemoryRegionOps htif_tohost_ops = {
    .read = htif_tohost_read,
    .write = htif_tohost_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = {.min_access_size = 4, .max_access_size = 8},
    .impl = {.min_access_size = 4, .max_access_size = 8},
};

static const MemoryRegionOps htif_fromhost_ops = {
    .read = htif_fromhost_read,
    .write = htif_fromhost_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = {.min_access_size = 4, .max_access_size = 8},
    .impl = {.min_access_size = 4, .max_access_size = 8},
};

static const Property htif_properties[] = {
    DEFINE_PROP_UINT64("tohost", HTIFState, tohost_addr, 0),
    DEFINE_PROP_UINT64("fromhost", HTIFState, fromhost_addr, 0),
    DEFINE_PROP_CHR("chardev", HTIFState, chr),
};

static const char *const htif_prop_desc[][2] = {
    {"tohost", "guest-physical address of the tohost word (ELF symbol)"},
    {"fromhost", "guest-physical address of the fromhost word, 0: none"},
    {"chardev", "console backend"},
};

static void htif_init(Object *obj)
{
    HTIFState *s = RISCV_HTIF(obj);

    memory_region_init_io(&s->tohost_mr, obj, &htif_tohost_ops, s,
                          "riscv.htif.tohost", 8);
    sysbus_init_mmio(SYS_BUS_DEVICE(obj), &s->tohost_mr);
    memory_region_init_io(&s->fromhost_mr, obj, &htif_fromhost_ops, s,
                          "riscv.htif.fromhost", 8);
    sysbus_init_mmio(SYS_BUS_DEVICE(obj), &s->fromhost_mr);
}

static void htif_realize(DeviceState *dev, Error **errp)
{
    HTIFState *s = RISCV_HTIF(dev);

    if (!s->tohost_addr || (s->tohost_addr & 7)) {
        error_setg(errp,
                   "riscv.htif: property 'tohost' is 0x%" PRIx64
                   ", expected a non-zero 8-byte aligned address",
                   s->tohost_addr);
        return;
    }
    if (s->fromhost_addr & 7) {
        error_setg(errp,
                   "riscv.htif: property 'fromhost' is 0x%" PRIx64
                   ", expected an 8-byte aligned address (or 0)",
                   s->fromhost_addr);
        return;
    }
    if (s->fromhost_addr == s->tohost_addr) {
        error_setg(errp,
                   "riscv.htif: 'tohost' and 'fromhost' are both "
                   "0x%" PRIx64,
                   s->tohost_addr);
        return;
    }
    qemu_chr_fe_set_handlers(&s->chr, htif_can_receive, htif_receive, NULL,
                             NULL, s, NULL, true);
}

static void htif_unrealize(DeviceState *dev)
{
    HTIFState *s = RISCV_HTIF(dev);

    if (s->address_space) {
        memory_region_del_subregion(s->address_space, &s->tohost_mr);
        if (s->fromhost_addr) {
            memory_region_del_subregion(s->address_space, &s->fromhost_mr);
        }
        s->address_space = NULL;
    }
    qemu_chr_fe_set_handlers(&s->chr, NULL, NULL, NULL, NULL, NULL, NULL,
                             false);
}

static void htif_reset_enter(Object *obj, ResetType type)
{
    HTIFState *s = RISCV_HTIF(obj);

    s->tohost = 0;
    s->fromhost = 0;
    s->pending_read = 0;
}

void riscv_htif_map(HTIFState *s, MemoryRegion *address_space)
{
    g_assert(DEVICE(s)->realized && !s->address_space);
    s->address_space = address_space;
    memory_region_add_subregion_overlap(address_space, s->tohost_addr,
                                        &s->tohost_mr, 1);
    if (s->fromhost_addr) {
        memory_region_add_subregion_overlap(address_space, s->fromhost_addr,
                                            &s->fromhost_mr, 1);
    }
}

static void htif_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    ResettableClass *rc = RESETTABLE_CLASS(klass);

    dc->desc = "RISC-V host-target interface (Spike tohost/fromhost)";
    dc->realize = htif_realize;
    dc->unrealize = htif_unrealize;
    dc->user_creatable = false;
    device_class_set_props(dc, htif_properties);
    for (size_t i = 0; i < ARRAY_SIZE(htif_prop_desc); i++) {
        object_class_property_set_description(klass, htif_prop_desc[i][0],
                                              htif_prop_desc[i][1]);
    }
    rc->phases.enter = htif_reset_enter;
}

static const TypeInfo htif_info = {
    .name = TYPE_RISCV_HTIF,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(HTIFState),
    .instance_init = htif_init,
    .class_init = htif_class_init,
};

static void htif_register_types(void)
{
    type_register_static(&htif_info);
}

type_init(htif_register_types)

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * SiFive test finisher (QEMU's "sifive,test0"): a write ends the run with
 * an exit status, or resets the system.
 */
#include "qomu/osdep.h"
#include "qapi/error.h"
#include "qomu/log.h"
#include "qomu/module.h"
#include "hw/misc/sifive_test.h"
#include "system/runstate.h"

/* Register 0: bits 15:0 the command (FINISHER_*), bits 31:16 the code. */
#define SIFIVE_TEST_CMD_MASK 0xffff
#define SIFIVE_TEST_CODE_SHIFT 16

static uint64_t sifive_test_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void sifive_test_write(void *opaque, hwaddr addr, uint64_t val64,
                              unsigned size)
{
    if (addr == 0) {
        int status = val64 & SIFIVE_TEST_CMD_MASK;
        int code = (val64 >> SIFIVE_TEST_CODE_SHIFT) & 0xffff;

        switch (status) {
        case FINISHER_FAIL:
            qemu_system_shutdown_request_with_code(SHUTDOWN_CAUSE_GUEST_PANIC,
                                                   code);
            return;
        case FINISHER_PASS:
            qemu_system_shutdown_request_with_code(
                SHUTDOWN_CAUSE_GUEST_SHUTDOWN, code);
            return;
        case FINISHER_RESET:
            qemu_system_reset_request(SHUTDOWN_CAUSE_GUEST_RESET);
            return;
        default:
            break;
        }
    }
    qemu_log_mask(LOG_GUEST_ERROR,
                  "sifive_test: write: addr=0x%" PRIx64 " val=0x%016" PRIx64
                  "\n",
                  (uint64_t)addr, val64);
}

/* 2-byte writes are accepted as QEMU does (some firmware uses sh). */
static const MemoryRegionOps sifive_test_ops = {
    .read = sifive_test_read,
    .write = sifive_test_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid =
        {
            .min_access_size = 2,
            .max_access_size = 4,
        },
};

static void sifive_test_init(Object *obj)
{
    SiFiveTestState *s = SIFIVE_TEST(obj);

    memory_region_init_io(&s->mmio, obj, &sifive_test_ops, s, TYPE_SIFIVE_TEST,
                          SIFIVE_TEST_SIZE);
    sysbus_init_mmio(SYS_BUS_DEVICE(obj), &s->mmio);
}

DeviceState *sifive_test_create(hwaddr addr)
{
    DeviceState *dev = qdev_new(TYPE_SIFIVE_TEST);

    sysbus_realize_and_unref(SYS_BUS_DEVICE(dev), &error_fatal);
    sysbus_mmio_map(SYS_BUS_DEVICE(dev), 0, addr);
    return dev;
}

static void sifive_test_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->desc = "SiFive test finisher (exit status and reset)";
    dc->user_creatable = false;
}

static const TypeInfo sifive_test_info = {
    .name = TYPE_SIFIVE_TEST,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(SiFiveTestState),
    .instance_init = sifive_test_init,
    .class_init = sifive_test_class_init,
};

static void sifive_test_register_types(void)
{
    type_register_static(&sifive_test_info);
}

type_init(sifive_test_register_types)

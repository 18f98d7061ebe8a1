/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-memory.c: the memory API - regions, priorities, aliases, flat views,
 * `info mtree`, I/O dispatch and access-size adaptation, the CPU fast path,
 * the RAM write hook, the re-entrancy guard and lazy RAM.
 */
#include "qomu/osdep.h"
#include "qomu/log.h"
#include "qomu/module.h"
#include "qapi/error.h"
#include "qom/object.h"
#include "exec/memory.h"
#include "exec/address-spaces.h"

/* A test device: an owner object with regions and a register log. */
typedef struct TestDev {
    Object *owner;
    MemoryRegion ram;
    MemoryRegion rom;
    MemoryRegion io;
    MemoryRegion io2;
    MemoryRegion container;
    MemoryRegion alias;
    MemoryRegion bank_ram;
    MemoryRegion bank_io;
    /* what the I/O callbacks saw */
    unsigned nr_accesses;
    hwaddr last_addr;
    unsigned last_size;
    uint64_t last_val;
    bool last_write;
    GString *trace;
    uint64_t regs[64];
    /* for the re-entrancy test */
    AddressSpace *dma_as;
    hwaddr dma_addr;
    MemTxResult dma_result;
} TestDev;

static TestDev *testdev_new(void)
{
    TestDev *d = g_new0(TestDev, 1);

    memory_map_init();
    d->owner = object_new(TYPE_CONTAINER);
    d->trace = g_string_new("");
    return d;
}

static void testdev_free(TestDev *d)
{
    object_unref(d->owner);
    g_string_free(d->trace, true);
    g_free(d);
    memory_map_cleanup();
}

/* Registers are 8 bytes wide in regs[]; an access returns its bytes. */
static uint64_t dev_read(void *opaque, hwaddr addr, unsigned size)
{
    TestDev *d = opaque;
    uint64_t val = 0;
    unsigned i;

    d->nr_accesses++;
    d->last_addr = addr;
    d->last_size = size;
    d->last_write = false;
    g_string_append_printf(d->trace, "r%u@%" PRIx64 " ", size, addr);
    for (i = 0; i < size; i++) {
        hwaddr a = addr + i;
        uint8_t byte = d->regs[(a / 8) % 64] >> (8 * (a % 8));
        val |= (uint64_t)byte << (8 * i);
    }
    return val;
}

static void dev_write(void *opaque, hwaddr addr, uint64_t val, unsigned size)
{
    TestDev *d = opaque;
    unsigned i;

    d->nr_accesses++;
    d->last_addr = addr;
    d->last_size = size;
    d->last_val = val;
    d->last_write = true;
    g_string_append_printf(d->trace, "w%u@%" PRIx64 "=%" PRIx64 " ", size, addr,
                           val);
    for (i = 0; i < size; i++) {
        hwaddr a = addr + i;
        uint64_t *r = &d->regs[(a / 8) % 64];
        unsigned sh = 8 * (a % 8);
        *r = (*r & ~(0xffULL << sh)) | (((val >> (8 * i)) & 0xff) << sh);
    }
}

static const MemoryRegionOps dev_ops_any = {
    .read = dev_read,
    .write = dev_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = {.min_access_size = 1, .max_access_size = 8},
    .impl = {.min_access_size = 1, .max_access_size = 8},
};

/* A 4-byte-only device register file: only 4-byte accesses accepted. */
static const MemoryRegionOps dev_ops_4only = {
    .read = dev_read,
    .write = dev_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = {.min_access_size = 4, .max_access_size = 4},
    .impl = {.min_access_size = 4, .max_access_size = 4},
};

/* Accepts 1..8 but implements only 4-byte accesses: widen and split. */
static const MemoryRegionOps dev_ops_impl4 = {
    .read = dev_read,
    .write = dev_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = {.min_access_size = 1, .max_access_size = 8},
    .impl = {.min_access_size = 4, .max_access_size = 4},
};

static const MemoryRegionOps dev_ops_big = {
    .read = dev_read,
    .write = dev_write,
    .endianness = DEVICE_BIG_ENDIAN,
    .valid = {.min_access_size = 1, .max_access_size = 8},
    .impl = {.min_access_size = 4, .max_access_size = 4},
};

/* Capturing the -d log */

static char *log_path;

static void log_start(int mask)
{
    g_assert_true(qemu_set_log_filename(log_path));
    qemu_set_log(mask);
}

static char *log_take(void)
{
    char *text = NULL;

    qemu_set_log(0);
    qemu_log_close();
    g_assert_true(g_file_get_contents(log_path, &text, NULL, NULL));
    return text;
}

#define AS (&address_space_memory)
#define ATTRS MEMTXATTRS_UNSPECIFIED

static void test_ram_basic(void)
{
    TestDev *d = testdev_new();
    uint8_t buf[16];
    MemTxResult r;
    g_autofree char *path = NULL;

    g_assert_true(memory_region_init_ram(&d->ram, d->owner, "ram", 0x10000,
                                         &error_abort));
    memory_region_add_subregion(get_system_memory(), 0x80000000, &d->ram);

    /* the region is a child of its owner, named as given */
    g_assert_true(object_resolve_path_component(d->owner, "ram") ==
                  OBJECT(&d->ram));
    g_assert_cmpstr(memory_region_name(&d->ram), ==, "ram");
    g_assert_cmpuint(memory_region_size(&d->ram), ==, 0x10000);
    g_assert_true(memory_region_is_ram(&d->ram));
    g_assert_false(memory_region_is_rom(&d->ram));
    g_assert_true(memory_region_is_mapped(&d->ram));

    r = address_space_write(AS, 0x80000010, ATTRS, "hello", 5);
    g_assert_cmpuint(r, ==, MEMTX_OK);
    memset(buf, 0xff, sizeof(buf));
    r = address_space_read(AS, 0x80000010, ATTRS, buf, 5);
    g_assert_cmpuint(r, ==, MEMTX_OK);
    g_assert_cmpmem(buf, 5, "hello", 5);
    g_assert_cmpmem(memory_region_get_ram_ptr(&d->ram) + 0x10, 5, "hello", 5);

    address_space_stq_le(AS, 0x80000100, 0x0102030405060708ULL, ATTRS, &r);
    g_assert_cmpuint(r, ==, MEMTX_OK);
    g_assert_cmphex(address_space_ldq_le(AS, 0x80000100, ATTRS, &r), ==,
                    0x0102030405060708ULL);
    g_assert_cmphex(address_space_ldl_le(AS, 0x80000100, ATTRS, NULL), ==,
                    0x05060708);
    g_assert_cmphex(address_space_lduw_le(AS, 0x80000101, ATTRS, NULL), ==,
                    0x0607);
    g_assert_cmphex(address_space_ldub(AS, 0x80000107, ATTRS, NULL), ==, 1);
    g_assert_cmphex(address_space_ldl_be(AS, 0x80000100, ATTRS, NULL), ==,
                    0x08070605);
    address_space_stw_be(AS, 0x80000200, 0xabcd, ATTRS, NULL);
    g_assert_cmphex(address_space_lduw_le(AS, 0x80000200, ATTRS, NULL), ==,
                    0xcdab);

    /* untouched RAM reads as zero */
    g_assert_cmphex(address_space_ldq_le(AS, 0x8000f000, ATTRS, &r), ==, 0);
    g_assert_cmpuint(r, ==, MEMTX_OK);

    /* last bytes of RAM, then a hole: a partial decode error */
    memset(buf, 0xff, sizeof(buf));
    r = address_space_read(AS, 0x8000fffc, ATTRS, buf, 8);
    g_assert_cmpuint(r, ==, MEMTX_DECODE_ERROR);
    g_assert_cmpmem(buf + 4, 4, "\0\0\0\0", 4);

    testdev_free(d);
}

static void test_typed_crossing(void)
{
    TestDev *d = testdev_new();
    MemTxResult r;

    /* two RAM regions back to back: a typed access may span both */
    g_assert_true(memory_region_init_ram(&d->ram, d->owner, "ram-a", 0x1000,
                                         &error_abort));
    g_assert_true(memory_region_init_ram(&d->bank_ram, d->owner, "ram-b",
                                         0x1000, &error_abort));
    memory_region_add_subregion(get_system_memory(), 0x1000, &d->ram);
    memory_region_add_subregion(get_system_memory(), 0x2000, &d->bank_ram);
    address_space_stq_le(AS, 0x1ffc, 0x1122334455667788ULL, ATTRS, &r);
    g_assert_cmpuint(r, ==, MEMTX_OK);
    g_assert_cmphex(address_space_ldq_le(AS, 0x1ffc, ATTRS, &r), ==,
                    0x1122334455667788ULL);
    g_assert_cmpuint(r, ==, MEMTX_OK);
    g_assert_cmphex(*(uint32_t *)memory_region_get_ram_ptr(&d->bank_ram), ==,
                    0x11223344);
    /* running off the end into a hole: the RAM part is read, the rest 0 */
    address_space_stl_le(AS, 0x2ffc, 0xaabbccdd, ATTRS, &r);
    g_assert_cmphex(address_space_ldq_le(AS, 0x2ffc, ATTRS, &r), ==,
                    0xaabbccdd);
    g_assert_cmpuint(r, ==, MEMTX_DECODE_ERROR);

    testdev_free(d);
}

static void test_holes(void)
{
    TestDev *d = testdev_new();
    g_autofree char *log = NULL;
    MemTxResult r;

    log_start(LOG_GUEST_ERROR);
    g_assert_cmphex(address_space_ldl_le(AS, 0x1234, ATTRS, &r), ==, 0);
    g_assert_cmpuint(r, ==, MEMTX_DECODE_ERROR);
    address_space_stl_le(AS, 0x5678, 1, ATTRS, &r);
    g_assert_cmpuint(r, ==, MEMTX_DECODE_ERROR);
    log = log_take();
    g_assert_nonnull(strstr(log, "decode error: read at 0x1234, size 0x4, "
                                 "in 'memory': no region there (hole)"));
    g_assert_nonnull(strstr(log, "write at 0x5678, size 0x4"));

    /* nothing logged without -d guest_errors */
    g_free(log);
    log_start(0);
    address_space_ldl_le(AS, 0x1234, ATTRS, &r);
    log = log_take();
    g_assert_cmpstr(log, ==, "");

    testdev_free(d);
}

static void test_io_basic(void)
{
    TestDev *d = testdev_new();
    MemTxResult r;

    memory_region_init_io(&d->io, d->owner, &dev_ops_any, d, "dev-mmio", 0x100);
    memory_region_add_subregion(get_system_memory(), 0x10000000, &d->io);
    g_assert_true(object_resolve_path_component(d->owner, "dev-mmio") ==
                  OBJECT(&d->io));
    g_assert_false(memory_region_is_ram(&d->io));

    address_space_stl_le(AS, 0x10000008, 0xdeadbeef, ATTRS, &r);
    g_assert_cmpuint(r, ==, MEMTX_OK);
    g_assert_true(d->last_write);
    g_assert_cmphex(d->last_addr, ==, 8);
    g_assert_cmpuint(d->last_size, ==, 4);
    g_assert_cmphex(d->last_val, ==, 0xdeadbeef);
    g_assert_cmphex(address_space_ldl_le(AS, 0x10000008, ATTRS, &r), ==,
                    0xdeadbeef);
    g_assert_cmpuint(d->last_size, ==, 4);
    g_assert_cmphex(address_space_ldub(AS, 0x10000009, ATTRS, &r), ==, 0xbe);
    g_assert_cmphex(d->last_addr, ==, 9);
    g_assert_cmpuint(d->last_size, ==, 1);

    /* a buffer access is cut into the largest pieces allowed: 8 + 2 */
    g_string_truncate(d->trace, 0);
    {
        uint8_t buf[10] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        r = address_space_write(AS, 0x10000010, ATTRS, buf, 10);
    }
    g_assert_cmpuint(r, ==, MEMTX_OK);
    g_assert_cmpstr(d->trace->str, ==, "w8@10=807060504030201 w2@18=a09 ");

    /* dispatch directly on the region */
    {
        uint64_t v;
        r = memory_region_dispatch_read(&d->io, 0x10, &v, 2, ATTRS);
        g_assert_cmpuint(r, ==, MEMTX_OK);
        g_assert_cmphex(v, ==, 0x0201);
    }

    testdev_free(d);
}

static void test_access_sizes(void)
{
    TestDev *d = testdev_new();
    g_autofree char *log = NULL;
    MemTxResult r;

    memory_region_init_io(&d->io, d->owner, &dev_ops_4only, d, "regs4", 0x100);
    memory_region_add_subregion(get_system_memory(), 0x10000000, &d->io);
    memory_region_init_io(&d->io2, d->owner, &dev_ops_impl4, d, "impl4", 0x100);
    memory_region_add_subregion(get_system_memory(), 0x10001000, &d->io2);

    /* a 4-byte-only device refuses 1-, 2- and 8-byte and unaligned ones */
    log_start(LOG_GUEST_ERROR);
    d->nr_accesses = 0;
    address_space_ldub(AS, 0x10000004, ATTRS, &r);
    g_assert_cmpuint(r, ==, MEMTX_ERROR);
    address_space_stw_le(AS, 0x10000004, 1, ATTRS, &r);
    g_assert_cmpuint(r, ==, MEMTX_ERROR);
    address_space_ldq_le(AS, 0x10000008, ATTRS, &r);
    g_assert_cmpuint(r, ==, MEMTX_ERROR);
    address_space_ldl_le(AS, 0x10000002, ATTRS, &r);
    g_assert_cmpuint(r, ==, MEMTX_ERROR);
    g_assert_cmpuint(d->nr_accesses, ==, 0);
    address_space_stl_le(AS, 0x10000004, 0x11223344, ATTRS, &r);
    g_assert_cmpuint(r, ==, MEMTX_OK);
    g_assert_cmpuint(d->nr_accesses, ==, 1);
    log = log_take();
    g_assert_nonnull(strstr(log, "memory: invalid read at 0x10000004 in "
                                 "'memory', size 1, region 'regs4' offset "
                                 "0x4: invalid size (valid: 4 to 4 bytes)"));
    g_assert_nonnull(strstr(log, "memory: invalid read at 0x10000002 in "
                                 "'memory', size 4, region 'regs4' offset "
                                 "0x2: unaligned"));

    /* impl 4: a byte read is widened to the aligned word, byte lanes */
    d->regs[0] = 0x8877665544332211ULL;
    g_string_truncate(d->trace, 0);
    g_assert_cmphex(address_space_ldub(AS, 0x10001002, ATTRS, &r), ==, 0x33);
    g_assert_cmpuint(r, ==, MEMTX_OK);
    g_assert_cmpstr(d->trace->str, ==, "r4@0 ");
    /* an 8-byte read is split in two */
    g_string_truncate(d->trace, 0);
    g_assert_cmphex(address_space_ldq_le(AS, 0x10001000, ATTRS, &r), ==,
                    0x8877665544332211ULL);
    g_assert_cmpstr(d->trace->str, ==, "r4@0 r4@4 ");
    /* a byte write goes in its lane, zero in the others */
    g_string_truncate(d->trace, 0);
    address_space_stb(AS, 0x10001005, 0xab, ATTRS, &r);
    g_assert_cmpuint(r, ==, MEMTX_OK);
    g_assert_cmpstr(d->trace->str, ==, "w4@4=ab00 ");
    /* an 8-byte write is split */
    g_string_truncate(d->trace, 0);
    address_space_stq_le(AS, 0x10001008, 0x0102030405060708ULL, ATTRS, &r);
    g_assert_cmpstr(d->trace->str, ==, "w4@8=5060708 w4@c=1020304 ");

    testdev_free(d);
}

static void test_endianness(void)
{
    TestDev *d = testdev_new();
    MemTxResult r;

    memory_region_init_io(&d->io, d->owner, &dev_ops_big, d, "be-regs", 0x100);
    memory_region_add_subregion(get_system_memory(), 0x10000000, &d->io);

    /*
     * As in QEMU, a big-endian device on the little-endian bus sees the
     * bytes of guest memory order as a big-endian value: a 4-byte store of
     * 0x11223344 (bytes 44 33 22 11) arrives as 0x44332211, and a load
     * swaps back.
     */
    address_space_stl_le(AS, 0x10000000, 0x11223344, ATTRS, &r);
    g_assert_cmpuint(r, ==, MEMTX_OK);
    g_assert_cmphex(d->last_val, ==, 0x44332211);
    g_assert_cmphex(address_space_ldl_le(AS, 0x10000000, ATTRS, NULL), ==,
                    0x11223344);
    g_assert_cmphex(address_space_ldl_be(AS, 0x10000000, ATTRS, NULL), ==,
                    0x44332211);
    /* byte 0 in guest memory order is the device's most significant */
    g_assert_cmphex(address_space_ldub(AS, 0x10000000, ATTRS, NULL), ==, 0x44);
    g_assert_cmphex(address_space_ldub(AS, 0x10000003, ATTRS, NULL), ==, 0x11);
    /* a big-endian store reaches the device unchanged */
    address_space_stl_be(AS, 0x10000004, 0xcafef00d, ATTRS, &r);
    g_assert_cmphex(d->last_val, ==, 0xcafef00d);
    /* split 8-byte access: each word in the device's order */
    g_string_truncate(d->trace, 0);
    address_space_stq_le(AS, 0x10000008, 0xaabbccdd11223344ULL, ATTRS, &r);
    g_assert_cmpstr(d->trace->str, ==, "w4@8=44332211 w4@c=ddccbbaa ");
    g_assert_cmphex(address_space_ldq_le(AS, 0x10000008, ATTRS, NULL), ==,
                    0xaabbccdd11223344ULL);
    /* byte store on a BE device: the byte lands in its BE lane */
    g_string_truncate(d->trace, 0);
    address_space_stb(AS, 0x10000010, 0x5a, ATTRS, &r);
    g_assert_cmpstr(d->trace->str, ==, "w4@10=5a000000 ");

    testdev_free(d);
}

static void test_priority_overlap(void)
{
    TestDev *d = testdev_new();
    MemoryRegion *sys = get_system_memory();
    MemTxResult r;

    g_assert_true(memory_region_init_ram(&d->ram, d->owner, "low-ram", 0x10000,
                                         &error_abort));
    memory_region_init_io(&d->io, d->owner, &dev_ops_any, d, "high-io", 0x1000);
    memory_region_add_subregion_overlap(sys, 0x80000000, &d->ram, 0);
    memory_region_add_subregion_overlap(sys, 0x80004000, &d->io, 1);

    /* the I/O region shows over the RAM, the RAM around it */
    address_space_stl_le(AS, 0x80004000, 0x1234, ATTRS, &r);
    g_assert_true(d->last_write);
    g_assert_cmpuint(d->nr_accesses, ==, 1);
    address_space_stl_le(AS, 0x80005000, 0x5678, ATTRS, &r);
    g_assert_cmpuint(d->nr_accesses, ==, 1);
    g_assert_cmphex(*(uint32_t *)(memory_region_get_ram_ptr(&d->ram) + 0x5000),
                    ==, 0x5678);

    /* lower the I/O priority below the RAM: the RAM hides it */
    memory_region_del_subregion(sys, &d->io);
    g_assert_false(memory_region_is_mapped(&d->io));
    memory_region_add_subregion_overlap(sys, 0x80004000, &d->io, -1);
    address_space_stl_le(AS, 0x80004000, 0x9abc, ATTRS, &r);
    g_assert_cmpuint(d->nr_accesses, ==, 1);
    g_assert_cmphex(*(uint32_t *)(memory_region_get_ram_ptr(&d->ram) + 0x4000),
                    ==, 0x9abc);

    /* equal priority: the one added last wins */
    memory_region_del_subregion(sys, &d->io);
    memory_region_add_subregion_overlap(sys, 0x80004000, &d->io, 0);
    address_space_ldl_le(AS, 0x80004000, ATTRS, &r);
    g_assert_cmpuint(d->nr_accesses, ==, 2);

    testdev_free(d);
}

static void test_alias(void)
{
    TestDev *d = testdev_new();
    MemoryRegion *sys = get_system_memory();
    uint8_t *ram;

    g_assert_true(memory_region_init_ram(&d->ram, d->owner, "ram", 0x10000,
                                         &error_abort));
    memory_region_add_subregion(sys, 0x80000000, &d->ram);
    memory_region_init_alias(&d->alias, d->owner, "ram-window", &d->ram, 0x1000,
                             0x2000);
    memory_region_add_subregion(sys, 0x20000000, &d->alias);
    ram = memory_region_get_ram_ptr(&d->ram);

    address_space_stl_le(AS, 0x20000010, 0xcafe, ATTRS, NULL);
    g_assert_cmphex(*(uint32_t *)(ram + 0x1010), ==, 0xcafe);
    g_assert_cmphex(address_space_ldl_le(AS, 0x80001010, ATTRS, NULL), ==,
                    0xcafe);
    g_assert_true(memory_region_get_ram_ptr(&d->alias) == ram + 0x1000);
    /* the alias is 0x2000 bytes: beyond is a hole */
    {
        MemTxResult r;
        address_space_ldl_le(AS, 0x20002000, ATTRS, &r);
        g_assert_cmpuint(r, ==, MEMTX_DECODE_ERROR);
    }
    /* move the window */
    memory_region_set_alias_offset(&d->alias, 0x8000);
    address_space_stl_le(AS, 0x20000010, 0xbeef, ATTRS, NULL);
    g_assert_cmphex(*(uint32_t *)(ram + 0x8010), ==, 0xbeef);
    /* an alias of a disabled region shows nothing */
    memory_region_set_enabled(&d->ram, false);
    {
        MemTxResult r;
        address_space_ldl_le(AS, 0x20000010, ATTRS, &r);
        g_assert_cmpuint(r, ==, MEMTX_DECODE_ERROR);
    }

    testdev_free(d);
}

static void test_enable_move(void)
{
    TestDev *d = testdev_new();
    MemoryRegion *sys = get_system_memory();
    MemTxResult r;

    g_assert_true(
        memory_region_init_ram(&d->ram, d->owner, "ram", 0x1000, &error_abort));
    memory_region_add_subregion(sys, 0x1000, &d->ram);
    address_space_stl_le(AS, 0x1000, 7, ATTRS, &r);
    g_assert_cmpuint(r, ==, MEMTX_OK);

    memory_region_set_enabled(&d->ram, false);
    g_assert_false(memory_region_is_enabled(&d->ram));
    address_space_ldl_le(AS, 0x1000, ATTRS, &r);
    g_assert_cmpuint(r, ==, MEMTX_DECODE_ERROR);
    memory_region_set_enabled(&d->ram, true);
    g_assert_cmpuint(address_space_ldl_le(AS, 0x1000, ATTRS, &r), ==, 7);

    memory_region_set_address(&d->ram, 0x3000);
    g_assert_cmphex(memory_region_get_address(&d->ram), ==, 0x3000);
    address_space_ldl_le(AS, 0x1000, ATTRS, &r);
    g_assert_cmpuint(r, ==, MEMTX_DECODE_ERROR);
    g_assert_cmpuint(address_space_ldl_le(AS, 0x3000, ATTRS, &r), ==, 7);
    g_assert_cmpuint(r, ==, MEMTX_OK);

    testdev_free(d);
}

/* The map used by the `info mtree` tests. */
static void build_board(TestDev *d)
{
    MemoryRegion *sys = get_system_memory();

    g_assert_true(memory_region_init_ram(&d->ram, d->owner, "ram", 0x40000000,
                                         &error_abort));
    g_assert_true(memory_region_init_rom(&d->rom, d->owner, "mrom", 0xf000,
                                         &error_abort));
    memory_region_init_io(&d->io, d->owner, &dev_ops_any, d, "uart0-mmio",
                          0x100);
    memory_region_init(&d->container, d->owner, "bank", 0x10000);
    g_assert_true(memory_region_init_ram(&d->bank_ram, d->owner, "bank-ram",
                                         0x10000, &error_abort));
    memory_region_init_io(&d->bank_io, d->owner, &dev_ops_any, d, "bank-io",
                          0x1000);
    memory_region_init_alias(&d->alias, d->owner, "ram-alias", &d->ram, 0x1000,
                             0x2000);

    memory_region_add_subregion(sys, 0x80000000, &d->ram);
    memory_region_add_subregion(sys, 0x1000, &d->rom);
    memory_region_add_subregion(sys, 0x10000000, &d->io);
    memory_region_add_subregion(sys, 0x20000000, &d->container);
    memory_region_add_subregion(&d->container, 0, &d->bank_ram);
    memory_region_add_subregion_overlap(&d->container, 0x8000, &d->bank_io, 1);
    memory_region_add_subregion(sys, 0x30000000, &d->alias);
}

static void test_mtree_text(void)
{
    TestDev *d = testdev_new();
    g_autofree char *tree = NULL;
    g_autofree char *flat = NULL;
    g_autofree char *tree2 = NULL;
    g_autofree char *tree3 = NULL;

    build_board(d);
    tree = mtree_info_text(false);
    g_assert_cmpstr(
        tree, ==,
        "address-space: memory\n"
        "  0000000000000000-ffffffffffffffff (prio 0, i/o): system\n"
        "    0000000000001000-000000000000ffff (prio 0, rom): mrom\n"
        "    0000000010000000-00000000100000ff (prio 0, i/o): uart0-mmio\n"
        "    0000000020000000-000000002000ffff (prio 0, i/o): bank\n"
        "      0000000020000000-000000002000ffff (prio 0, ram): bank-ram\n"
        "      0000000020008000-0000000020008fff (prio 1, i/o): bank-io\n"
        "    0000000030000000-0000000030001fff (prio 0, ram): alias "
        "ram-alias @ram 0000000000001000-0000000000002fff\n"
        "    0000000080000000-00000000bfffffff (prio 0, ram): ram\n"
        "\n"
        "memory-region: ram\n"
        "  0000000080000000-00000000bfffffff (prio 0, ram): ram\n"
        "\n");

    flat = mtree_info_text(true);
    g_assert_cmpstr(
        flat, ==,
        "FlatView #0\n"
        " AS \"memory\", root: system\n"
        " Root memory region: system\n"
        "  0000000000001000-000000000000ffff (prio 0, rom): mrom\n"
        "  0000000010000000-00000000100000ff (prio 0, i/o): uart0-mmio\n"
        "  0000000020000000-0000000020007fff (prio 0, ram): bank-ram\n"
        "  0000000020008000-0000000020008fff (prio 1, i/o): bank-io\n"
        "  0000000020009000-000000002000ffff (prio 0, ram): bank-ram "
        "@0000000000009000\n"
        "  0000000030000000-0000000030001fff (prio 0, ram): ram "
        "@0000000000001000\n"
        "  0000000080000000-00000000bfffffff (prio 0, ram): ram\n"
        "\n");

    /* disabled regions are hidden, or marked with -D */
    memory_region_set_enabled(&d->io, false);
    tree2 = mtree_info_text(false);
    g_assert_null(strstr(tree2, "uart0-mmio"));
    tree3 = mtree_info_text_full(false, true);
    g_assert_nonnull(strstr(
        tree3,
        "    0000000010000000-00000000100000ff (prio 0, i/o): uart0-mmio "
        "[disabled]\n"));

    testdev_free(d);
}

static void test_mtree_two_address_spaces(void)
{
    TestDev *d = testdev_new();
    AddressSpace as2;
    g_autofree char *tree = NULL;
    g_autofree char *flat = NULL;

    memory_region_init(&d->container, d->owner, "pci-root", 0x100000);
    memory_region_init_io(&d->io, d->owner, &dev_ops_any, d, "bar0", 0x1000);
    memory_region_add_subregion(&d->container, 0x2000, &d->io);
    address_space_init(&as2, &d->container, "pci-dma");

    tree = mtree_info_text(false);
    g_assert_cmpstr(
        tree, ==,
        "address-space: memory\n"
        "  0000000000000000-ffffffffffffffff (prio 0, i/o): system\n"
        "\n"
        "address-space: pci-dma\n"
        "  0000000000000000-00000000000fffff (prio 0, i/o): pci-root\n"
        "    0000000000002000-0000000000002fff (prio 0, i/o): bar0\n"
        "\n");
    flat = mtree_info_text(true);
    g_assert_cmpstr(flat, ==,
                    "FlatView #0\n"
                    " AS \"memory\", root: system\n"
                    " Root memory region: system\n"
                    "  No rendered FlatView\n"
                    "\n"
                    "FlatView #1\n"
                    " AS \"pci-dma\", root: pci-root\n"
                    " Root memory region: pci-root\n"
                    "  0000000000002000-0000000000002fff (prio 0, i/o): bar0\n"
                    "\n");
    address_space_stl_le(&as2, 0x2004, 9, ATTRS, NULL);
    g_assert_cmphex(d->last_addr, ==, 4);

    address_space_destroy(&as2);
    testdev_free(d);
}

static void test_rom(void)
{
    TestDev *d = testdev_new();
    g_autofree char *log = NULL;
    uint32_t word = 0x00000297; /* auipc t0, 0 */
    hwaddr plen;
    MemTxResult r;

    g_assert_true(memory_region_init_rom(&d->rom, d->owner, "mrom", 0x1000,
                                         &error_abort));
    memory_region_add_subregion(get_system_memory(), 0x1000, &d->rom);
    g_assert_true(memory_region_is_rom(&d->rom));
    g_assert_true(memory_region_is_ram(&d->rom));

    r = address_space_write_rom(AS, 0x1000, ATTRS, &word, 4);
    g_assert_cmpuint(r, ==, MEMTX_OK);
    g_assert_cmphex(address_space_ldl_le(AS, 0x1000, ATTRS, NULL), ==, word);

    /* the guest cannot write it; the write is ignored and logged */
    log_start(LOG_GUEST_ERROR);
    address_space_stl_le(AS, 0x1000, 0xffffffff, ATTRS, &r);
    g_assert_cmpuint(r, ==, MEMTX_OK);
    g_assert_cmphex(address_space_ldl_le(AS, 0x1000, ATTRS, NULL), ==, word);
    log = log_take();
    g_assert_nonnull(strstr(log, "memory: write at 0x1000, size 0x4, to "
                                 "read-only region 'mrom' ignored"));

    /* fast path: readable, not writable */
    g_assert_nonnull(address_space_get_ram_ptr(AS, 0x1000, false, &plen));
    g_assert_cmphex(plen, ==, 0x1000);
    g_assert_null(address_space_get_ram_ptr(AS, 0x1000, true, &plen));

    /* loader writes into I/O or holes report a decode error */
    r = address_space_write_rom(AS, 0x1ffe, ATTRS, &word, 4);
    g_assert_cmpuint(r, ==, MEMTX_DECODE_ERROR);

    testdev_free(d);
}

static void test_unimplemented(void)
{
    TestDev *d = testdev_new();
    g_autofree char *log = NULL;
    MemTxResult r;

    memory_region_init_unimplemented(&d->io, d->owner, "riscv.aplic", 0x4000);
    memory_region_add_subregion_overlap(get_system_memory(), 0xc000000, &d->io,
                                        -1000);
    log_start(LOG_UNIMP);
    g_assert_cmphex(address_space_ldl_le(AS, 0xc000010, ATTRS, &r), ==, 0);
    g_assert_cmpuint(r, ==, MEMTX_OK);
    address_space_stw_le(AS, 0xc000022, 0xbeef, ATTRS, &r);
    g_assert_cmpuint(r, ==, MEMTX_OK);
    log = log_take();
    g_assert_cmpstr(log, ==,
                    "riscv.aplic: unimplemented device read (size 4, offset "
                    "0x10)\n"
                    "riscv.aplic: unimplemented device write (size 2, offset "
                    "0x22, value 0xbeef)\n");

    testdev_free(d);
}

static void test_fast_path(void)
{
    TestDev *d = testdev_new();
    MemoryRegion *sys = get_system_memory();
    uint64_t gen0, gen1, gen2;
    uint8_t *p, *ram;
    hwaddr plen = 0;

    g_assert_true(memory_region_init_ram(&d->ram, d->owner, "ram", 0x100000,
                                         &error_abort));
    memory_region_add_subregion(sys, 0x80000000, &d->ram);
    ram = memory_region_get_ram_ptr(&d->ram);

    p = address_space_get_ram_ptr(AS, 0x80000123, true, &plen);
    g_assert_true(p == ram + 0x123);
    g_assert_cmphex(plen, ==, 0x100000 - 0x123);
    g_assert_null(address_space_get_ram_ptr(AS, 0x7ffff000, false, &plen));

    /* an I/O region over part of the RAM cuts the contiguous length */
    gen0 = address_space_map_generation(AS);
    memory_region_init_io(&d->io, d->owner, &dev_ops_any, d, "io", 0x1000);
    memory_region_add_subregion_overlap(sys, 0x80010000, &d->io, 1);
    gen1 = address_space_map_generation(AS);
    g_assert_cmpuint(gen1, !=, gen0);
    p = address_space_get_ram_ptr(AS, 0x80000123, false, &plen);
    g_assert_true(p == ram + 0x123);
    g_assert_cmphex(plen, ==, 0x10000 - 0x123);
    g_assert_null(address_space_get_ram_ptr(AS, 0x80010000, false, &plen));
    p = address_space_get_ram_ptr(AS, 0x80011000, false, &plen);
    g_assert_true(p == ram + 0x11000);

    /* no change: same generation */
    g_assert_cmpuint(address_space_map_generation(AS), ==, gen1);
    /* a change outside this address space's tree: same generation */
    memory_region_init(&d->container, d->owner, "elsewhere", 0x1000);
    memory_region_init_io(&d->io2, d->owner, &dev_ops_any, d, "io2", 0x10);
    memory_region_add_subregion(&d->container, 0, &d->io2);
    g_assert_cmpuint(address_space_map_generation(AS), ==, gen1);
    /* disabling, moving, unmapping: bumps */
    memory_region_set_enabled(&d->io, false);
    gen2 = address_space_map_generation(AS);
    g_assert_cmpuint(gen2, !=, gen1);
    g_assert_nonnull(address_space_get_ram_ptr(AS, 0x80010000, true, &plen));
    memory_region_set_address(&d->ram, 0x90000000);
    g_assert_cmpuint(address_space_map_generation(AS), !=, gen2);
    g_assert_null(address_space_get_ram_ptr(AS, 0x80000000, false, &plen));
    g_assert_true(address_space_get_ram_ptr(AS, 0x90000000, false, &plen) ==
                  ram);

    /* a disabled RAM region hands out no pointer */
    memory_region_set_enabled(&d->ram, false);
    g_assert_null(address_space_get_ram_ptr(AS, 0x90000000, false, &plen));

    testdev_free(d);
}

typedef struct HookLog {
    unsigned calls;
    hwaddr addr;
    hwaddr len;
} HookLog;

static void ram_hook(void *opaque, hwaddr addr, hwaddr len)
{
    HookLog *h = opaque;

    h->calls++;
    h->addr = addr;
    h->len = len;
}

static void test_write_hook(void)
{
    TestDev *d = testdev_new();
    HookLog h = {0};
    uint8_t buf[32] = {0};

    g_assert_true(memory_region_init_ram(&d->ram, d->owner, "ram", 0x10000,
                                         &error_abort));
    memory_region_add_subregion(get_system_memory(), 0x80000000, &d->ram);
    memory_region_init_io(&d->io, d->owner, &dev_ops_any, d, "io", 0x100);
    memory_region_add_subregion(get_system_memory(), 0x10000000, &d->io);
    memory_set_ram_write_hook(ram_hook, &h);

    address_space_stl_le(AS, 0x80000040, 1, ATTRS, NULL);
    g_assert_cmpuint(h.calls, ==, 1);
    g_assert_cmphex(h.addr, ==, 0x80000040);
    g_assert_cmphex(h.len, ==, 4);
    address_space_write(AS, 0x80001000, ATTRS, buf, sizeof(buf));
    g_assert_cmpuint(h.calls, ==, 2);
    g_assert_cmphex(h.addr, ==, 0x80001000);
    g_assert_cmphex(h.len, ==, 32);
    address_space_write_rom(AS, 0x80002000, ATTRS, buf, 8);
    g_assert_cmpuint(h.calls, ==, 3);
    /* reads and I/O writes do not call it */
    address_space_read(AS, 0x80000000, ATTRS, buf, 8);
    address_space_stl_le(AS, 0x10000000, 1, ATTRS, NULL);
    g_assert_cmpuint(h.calls, ==, 3);

    memory_set_ram_write_hook(NULL, NULL);
    address_space_stl_le(AS, 0x80000040, 1, ATTRS, NULL);
    g_assert_cmpuint(h.calls, ==, 3);

    testdev_free(d);
}

/* A DMA-capable device: a write to register 0 starts a DMA write. */
static void dma_dev_write(void *opaque, hwaddr addr, uint64_t val,
                          unsigned size)
{
    TestDev *d = opaque;

    d->nr_accesses++;
    if (addr == 0) {
        uint32_t data = val;
        d->dma_result = address_space_write(d->dma_as, d->dma_addr,
                                            MEMTXATTRS_UNSPECIFIED, &data, 4);
    }
}

static const MemoryRegionOps dma_dev_ops = {
    .read = dev_read,
    .write = dma_dev_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = {.min_access_size = 4, .max_access_size = 4},
};

static void test_reentrancy(void)
{
    TestDev *d = testdev_new();
    g_autofree char *log = NULL;
    MemTxResult r;

    memory_region_init_io(&d->io, d->owner, &dma_dev_ops, d, "dma-regs", 0x100);
    memory_region_init_io(&d->io2, d->owner, &dev_ops_any, d, "dma-regs2",
                          0x100);
    g_assert_true(
        memory_region_init_ram(&d->ram, d->owner, "ram", 0x1000, &error_abort));
    memory_region_add_subregion(get_system_memory(), 0x10000000, &d->io);
    memory_region_add_subregion(get_system_memory(), 0x10001000, &d->io2);
    memory_region_add_subregion(get_system_memory(), 0x80000000, &d->ram);
    d->dma_as = AS;

    /* DMA into RAM works */
    d->dma_addr = 0x80000000;
    address_space_stl_le(AS, 0x10000000, 0x55, ATTRS, &r);
    g_assert_cmpuint(r, ==, MEMTX_OK);
    g_assert_cmpuint(d->dma_result, ==, MEMTX_OK);
    g_assert_cmphex(address_space_ldl_le(AS, 0x80000000, ATTRS, NULL), ==,
                    0x55);

    /* DMA into its own registers is refused, not recursed into */
    log_start(LOG_GUEST_ERROR);
    d->nr_accesses = 0;
    d->dma_addr = 0x10000000;
    address_space_stl_le(AS, 0x10000000, 0x66, ATTRS, &r);
    g_assert_cmpuint(r, ==, MEMTX_OK);
    g_assert_cmpuint(d->dma_result, ==, MEMTX_ACCESS_ERROR);
    g_assert_cmpuint(d->nr_accesses, ==, 1);
    /* ...and into another region of the same device too */
    d->dma_addr = 0x10001000;
    address_space_stl_le(AS, 0x10000000, 0x66, ATTRS, &r);
    g_assert_cmpuint(d->dma_result, ==, MEMTX_ACCESS_ERROR);
    log = log_take();
    g_assert_nonnull(strstr(log, "memory: blocked re-entrant write at "
                                 "0x10000000, size 4, region 'dma-regs' "
                                 "offset 0x0: its device is already in an "
                                 "I/O callback"));
    g_assert_nonnull(strstr(log, "region 'dma-regs2'"));

    /* after the callback returned, the device is accessible again */
    address_space_stl_le(AS, 0x10001000, 0x77, ATTRS, &r);
    g_assert_cmpuint(r, ==, MEMTX_OK);

    testdev_free(d);
}

/* A device that unmaps itself when written, then DMAs (re-rendering). */
static void unmapping_write(void *opaque, hwaddr addr, uint64_t val,
                            unsigned size)
{
    TestDev *d = opaque;
    uint32_t word;

    d->nr_accesses++;
    if (memory_region_is_mapped(&d->io)) {
        memory_region_del_subregion(get_system_memory(), &d->io);
        d->dma_result = address_space_read(AS, 0x80000000, ATTRS, &word, 4);
    }
}

static const MemoryRegionOps unmapping_ops = {
    .read = dev_read,
    .write = unmapping_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = {.min_access_size = 1, .max_access_size = 8},
    .impl = {.min_access_size = 4, .max_access_size = 4},
};

static void test_map_change_in_callback(void)
{
    TestDev *d = testdev_new();
    uint64_t gen;
    MemTxResult r;

    g_assert_true(
        memory_region_init_ram(&d->ram, d->owner, "ram", 0x1000, &error_abort));
    memory_region_add_subregion(get_system_memory(), 0x80000000, &d->ram);
    memory_region_init_io(&d->io, d->owner, &unmapping_ops, d, "self-unmap",
                          0x100);
    memory_region_add_subregion(get_system_memory(), 0x10000000, &d->io);
    gen = address_space_map_generation(AS);

    /* an 8-byte store split in two: the first half unmaps the device */
    address_space_stq_le(AS, 0x10000000, 1, ATTRS, &r);
    g_assert_cmpuint(r, ==, MEMTX_OK);
    g_assert_cmpuint(d->nr_accesses, ==, 2);
    g_assert_cmpuint(d->dma_result, ==, MEMTX_OK);
    g_assert_cmpuint(address_space_map_generation(AS), !=, gen);
    address_space_stl_le(AS, 0x10000000, 1, ATTRS, &r);
    g_assert_cmpuint(r, ==, MEMTX_DECODE_ERROR);
    g_assert_cmpuint(d->nr_accesses, ==, 2);

    testdev_free(d);
}

/* A device whose register write unplugs the region next to it. */
static void unplugging_write(void *opaque, hwaddr addr, uint64_t val,
                             unsigned size)
{
    TestDev *d = opaque;

    d->nr_accesses++;
    object_unparent(OBJECT(&d->io2));
}

static const MemoryRegionOps unplugging_ops = {
    .read = dev_read,
    .write = unplugging_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = {.min_access_size = 4, .max_access_size = 4},
};

static void test_unplug_in_callback(void)
{
    TestDev *d = testdev_new();
    uint8_t buf[8] = {0};
    MemTxResult r;

    memory_region_init_io(&d->io, d->owner, &unplugging_ops, d, "unplugger", 4);
    memory_region_init_io(&d->io2, d->owner, &dev_ops_any, d, "victim", 4);
    memory_region_add_subregion(get_system_memory(), 0x10000000, &d->io);
    memory_region_add_subregion(get_system_memory(), 0x10000004, &d->io2);

    /* the second half of the write must not reach the finalised region */
    r = address_space_write(AS, 0x10000000, ATTRS, buf, 8);
    g_assert_cmpuint(r, ==, MEMTX_DECODE_ERROR);
    g_assert_cmpuint(d->nr_accesses, ==, 1);
    g_assert_null(object_resolve_path_component(d->owner, "victim"));

    testdev_free(d);
}

static long rss_kib(void)
{
    g_autofree char *status = NULL;
    const char *p;

    g_assert_true(
        g_file_get_contents("/proc/self/status", &status, NULL, NULL));
    p = strstr(status, "VmRSS:");
    g_assert_nonnull(p);
    return strtol(p + 6, NULL, 10);
}

static void test_lazy_ram(void)
{
    TestDev *d = testdev_new();
    long before, after;
    MemTxResult r;

    before = rss_kib();
    g_assert_true(memory_region_init_ram(&d->ram, d->owner, "ram", 1ULL << 30,
                                         &error_abort));
    memory_region_add_subregion(get_system_memory(), 0x80000000, &d->ram);
    address_space_stq_le(AS, 0x80000000 + (1ULL << 29), 42, ATTRS, &r);
    g_assert_cmpuint(r, ==, MEMTX_OK);
    g_assert_cmpuint(
        address_space_ldq_le(AS, 0x80000000 + (1ULL << 29), ATTRS, NULL), ==,
        42);
    g_assert_cmpuint(address_space_ldq_le(AS, 0xbffffff8, ATTRS, NULL), ==, 0);
    after = rss_kib();
    /* 1 GiB of RAM, two pages touched: far less than 16 MiB resident */
    g_assert_cmpint(after - before, <, 16 * 1024);

    testdev_free(d);
}

static void test_teardown(void)
{
    TestDev *d = testdev_new();
    long live0 = object_live_count();
    MemTxResult r;

    g_assert_true(
        memory_region_init_ram(&d->ram, d->owner, "ram", 0x1000, &error_abort));
    memory_region_init_io(&d->io, d->owner, &dev_ops_any, d, "io", 0x100);
    memory_region_add_subregion(get_system_memory(), 0x80000000, &d->ram);
    memory_region_add_subregion(&d->ram, 0x0, &d->io);
    g_assert_cmpint(object_live_count(), ==, live0 + 2);

    /* unparenting a mapped region unmaps it */
    object_unparent(OBJECT(&d->ram));
    g_assert_cmpint(object_live_count(), ==, live0 + 1);
    address_space_ldl_le(AS, 0x80000000, ATTRS, &r);
    g_assert_cmpuint(r, ==, MEMTX_DECODE_ERROR);
    g_assert_false(memory_region_is_mapped(&d->io));

    testdev_free(d);
}

static void test_find(void)
{
    TestDev *d = testdev_new();
    MemoryRegionSection s;

    build_board(d);
    s = memory_region_find(get_system_memory(), 0x20008010, 0x10000);
    g_assert_true(s.mr == &d->bank_io);
    g_assert_cmphex(s.offset_within_region, ==, 0x10);
    g_assert_cmphex(s.offset_within_address_space, ==, 0x20008010);
    g_assert_cmphex(s.size, ==, 0xff0);
    memory_region_unref(s.mr);
    /* relative to a sub-container */
    s = memory_region_find(&d->container, 0x9000, 4);
    g_assert_true(s.mr == &d->bank_ram);
    g_assert_cmphex(s.offset_within_region, ==, 0x9000);
    g_assert_cmphex(s.size, ==, 4);
    memory_region_unref(s.mr);
    s = memory_region_find(get_system_memory(), 0x50000000, 4);
    g_assert_null(s.mr);
    /* an alias resolves to its target */
    s = memory_region_find(get_system_memory(), 0x30000000, 4);
    g_assert_true(s.mr == &d->ram);
    g_assert_cmphex(s.offset_within_region, ==, 0x1000);
    memory_region_unref(s.mr);

    testdev_free(d);
}

static void test_qom_properties(void)
{
    TestDev *d = testdev_new();
    g_autofree char *path = NULL;
    Object *dev;

    /* put the owner in the composition tree, as a device would be */
    object_property_add_child(object_get_root(), "testdev", d->owner);
    memory_region_init(&d->container, d->owner, "bank", 0x10000);
    memory_region_init_io(&d->io, d->owner, &dev_ops_any, d, "bank/io", 0x100);
    memory_region_add_subregion_overlap(&d->container, 0x800, &d->io, 3);

    /* '/' in a name is not a path separator in the tree */
    dev = object_resolve_path("/testdev/bank-io", NULL);
    g_assert_true(dev == OBJECT(&d->io));
    g_assert_cmpstr(memory_region_name(&d->io), ==, "bank/io");
    /* a second region of the same name gets a numbered child name */
    memory_region_init_io(&d->io2, d->owner, &dev_ops_any, d, "bank/io", 0x10);
    g_assert_true(object_resolve_path("/testdev/bank-io[0]", NULL) ==
                  OBJECT(&d->io2));

    g_assert_cmpuint(object_property_get_uint(dev, "addr", &error_abort), ==,
                     0x800);
    g_assert_cmpuint(object_property_get_uint(dev, "size", &error_abort), ==,
                     0x100);
    g_assert_cmpint(object_property_get_int(dev, "priority", &error_abort), ==,
                    3);
    path = object_property_get_str(dev, "container", &error_abort);
    g_assert_cmpstr(path, ==, "/testdev/bank");
    g_assert_true(object_resolve_path("/testdev/bank-io/container", NULL) ==
                  OBJECT(&d->container));

    /* the tree held a reference of its own; testdev_free drops ours */
    object_unparent(d->owner);
    testdev_free(d);
}

/*
 * Random accesses over RAM edges, holes and devices of every ops kind:
 * never a crash, RAM always equal to a shadow copy, holes read as zero.
 */
static void test_random_accesses(void)
{
    TestDev *d = testdev_new();
    MemoryRegion *sys = get_system_memory();
    const hwaddr ram_base = 0x80000000, ram_size = 0x1000;
    g_autofree uint8_t *shadow = g_malloc0(ram_size);
    const MemTxResult any = MEMTX_ERROR | MEMTX_DECODE_ERROR;
    int i;

    g_assert_true(memory_region_init_ram(&d->ram, d->owner, "ram", ram_size,
                                         &error_abort));
    memory_region_add_subregion(sys, ram_base, &d->ram);
    memory_region_init_io(&d->io, d->owner, &dev_ops_4only, d, "regs4", 0x40);
    memory_region_add_subregion(sys, ram_base + ram_size + 0x40, &d->io);
    memory_region_init_io(&d->io2, d->owner, &dev_ops_big, d, "be", 0x40);
    memory_region_add_subregion(sys, ram_base - 0x40, &d->io2);
    memory_region_init_io(&d->bank_io, d->owner, &dev_ops_impl4, d, "impl4",
                          0x30);
    memory_region_add_subregion(sys, ram_base + ram_size + 0x100, &d->bank_io);

    for (i = 0; i < 20000; i++) {
        hwaddr addr = ram_base - 0x80 + g_test_rand_int_range(0, 0x1200);
        unsigned len = g_test_rand_int_range(1, 33);
        uint8_t buf[32], expect[32];
        bool is_write = g_test_rand_bit();
        MemTxResult r;
        unsigned k;

        for (k = 0; k < len; k++) {
            buf[k] = g_test_rand_int();
        }
        if (g_test_rand_bit()) {
            static const unsigned sizes[] = {1, 2, 4, 8};
            unsigned size = sizes[g_test_rand_int_range(0, 4)];
            uint64_t v = ((uint64_t)g_test_rand_int() << 32) |
                         (uint32_t)g_test_rand_int();

            len = size;
            for (k = 0; k < size; k++) {
                buf[k] = v >> (8 * k);
            }
            if (is_write) {
                switch (size) {
                case 1:
                    address_space_stb(AS, addr, v, ATTRS, &r);
                    break;
                case 2:
                    address_space_stw_le(AS, addr, v, ATTRS, &r);
                    break;
                case 4:
                    address_space_stl_le(AS, addr, v, ATTRS, &r);
                    break;
                default:
                    address_space_stq_le(AS, addr, v, ATTRS, &r);
                    break;
                }
            } else {
                switch (size) {
                case 1:
                    v = address_space_ldub(AS, addr, ATTRS, &r);
                    break;
                case 2:
                    v = address_space_lduw_le(AS, addr, ATTRS, &r);
                    break;
                case 4:
                    v = address_space_ldl_le(AS, addr, ATTRS, &r);
                    break;
                default:
                    v = address_space_ldq_le(AS, addr, ATTRS, &r);
                    break;
                }
                for (k = 0; k < size; k++) {
                    buf[k] = v >> (8 * k);
                }
            }
        } else {
            r = address_space_rw(AS, addr, ATTRS, buf, len, is_write);
        }
        g_assert_cmpuint(r & ~any, ==, 0);

        /* RAM follows the shadow; holes read as zero */
        for (k = 0; k < len; k++) {
            hwaddr a = addr + k;
            if (a >= ram_base && a < ram_base + ram_size) {
                if (is_write) {
                    shadow[a - ram_base] = buf[k];
                }
                expect[k] = shadow[a - ram_base];
                g_assert_cmpuint(buf[k], ==, expect[k]);
            } else if (!is_write && (a < ram_base - 0x40 ||
                                     (a >= ram_base + ram_size &&
                                      a < ram_base + ram_size + 0x40) ||
                                     (a >= ram_base + ram_size + 0x80 &&
                                      a < ram_base + ram_size + 0x100) ||
                                     a >= ram_base + ram_size + 0x130)) {
                g_assert_cmpuint(buf[k], ==, 0);
            }
        }
    }

    testdev_free(d);
}

static void test_ram_too_big(void)
{
    TestDev *d = testdev_new();
    Error *err = NULL;

    g_assert_false(memory_region_init_ram(&d->ram, d->owner, "huge",
                                          UINT64_MAX - 0xfff, &err));
    g_assert_nonnull(err);
    g_assert_nonnull(
        strstr(error_get_pretty(err), "cannot allocate RAM 'huge': "));
    error_free(err);
    g_assert_null(object_resolve_path_component(d->owner, "huge"));

    testdev_free(d);
}

int main(int argc, char **argv)
{
    g_autofree char *dir = NULL;
    int ret;

    g_test_init(&argc, &argv, NULL);
    module_call_init(MODULE_INIT_QOM);
    dir = g_dir_make_tmp("test-memory-XXXXXX", NULL);
    g_assert_nonnull(dir);
    log_path = g_build_filename(dir, "log", NULL);

    g_test_add_func("/memory/ram/basic", test_ram_basic);
    g_test_add_func("/memory/ram/lazy", test_lazy_ram);
    g_test_add_func("/memory/ram/too-big", test_ram_too_big);
    g_test_add_func("/memory/ram/typed-crossing", test_typed_crossing);
    g_test_add_func("/memory/holes", test_holes);
    g_test_add_func("/memory/random-accesses", test_random_accesses);
    g_test_add_func("/memory/io/basic", test_io_basic);
    g_test_add_func("/memory/io/access-sizes", test_access_sizes);
    g_test_add_func("/memory/io/endianness", test_endianness);
    g_test_add_func("/memory/io/unimplemented", test_unimplemented);
    g_test_add_func("/memory/io/reentrancy", test_reentrancy);
    g_test_add_func("/memory/io/map-change-in-callback",
                    test_map_change_in_callback);
    g_test_add_func("/memory/io/unplug-in-callback", test_unplug_in_callback);
    g_test_add_func("/memory/tree/priority", test_priority_overlap);
    g_test_add_func("/memory/tree/alias", test_alias);
    g_test_add_func("/memory/tree/enable-move", test_enable_move);
    g_test_add_func("/memory/tree/teardown", test_teardown);
    g_test_add_func("/memory/tree/find", test_find);
    g_test_add_func("/memory/tree/qom-properties", test_qom_properties);
    g_test_add_func("/memory/rom", test_rom);
    g_test_add_func("/memory/mtree/text", test_mtree_text);
    g_test_add_func("/memory/mtree/two-address-spaces",
                    test_mtree_two_address_spaces);
    g_test_add_func("/memory/fast-path", test_fast_path);
    g_test_add_func("/memory/write-hook", test_write_hook);

    ret = g_test_run();
    unlink(log_path);
    rmdir(dir);
    g_free(log_path);
    return ret;
}

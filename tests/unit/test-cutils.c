/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Unit tests for util/cutils.c: integers, sizes, booleans, suggestions. */
#include "qomu/osdep.h"
#include "qomu/cutils.h"

static void test_strtoi64(void)
{
    const char *end;
    int64_t v;

    g_assert_cmpint(qemu_strtoi64("42", NULL, 0, &v), ==, 0);
    g_assert_cmpint(v, ==, 42);
    g_assert_cmpint(qemu_strtoi64("-0x10", NULL, 0, &v), ==, 0);
    g_assert_cmpint(v, ==, -16);
    g_assert_cmpint(qemu_strtoi64("010", NULL, 0, &v), ==, 0);
    g_assert_cmpint(v, ==, 8);
    g_assert_cmpint(qemu_strtoi64("010", NULL, 10, &v), ==, 0);
    g_assert_cmpint(v, ==, 10);
    g_assert_cmpint(qemu_strtoi64("  7", NULL, 0, &v), ==, 0);
    g_assert_cmpint(v, ==, 7);
    g_assert_cmpint(qemu_strtoi64("-9223372036854775808", NULL, 0, &v), ==, 0);
    g_assert_cmpint(v, ==, INT64_MIN);

    /* Trailing junk: an error without endptr, reported with it. */
    g_assert_cmpint(qemu_strtoi64("12abc", NULL, 0, &v), ==, -EINVAL);
    g_assert_cmpint(v, ==, 0);
    g_assert_cmpint(qemu_strtoi64("12abc", &end, 0, &v), ==, 0);
    g_assert_cmpint(v, ==, 12);
    g_assert_cmpstr(end, ==, "abc");

    /* No number at all. */
    g_assert_cmpint(qemu_strtoi64("", NULL, 0, &v), ==, -EINVAL);
    g_assert_cmpint(qemu_strtoi64("x", &end, 0, &v), ==, -EINVAL);
    g_assert_cmpstr(end, ==, "x");
    g_assert_cmpint(qemu_strtoi64(NULL, &end, 0, &v), ==, -EINVAL);
    g_assert_null(end);

    /* Overflow saturates. */
    g_assert_cmpint(qemu_strtoi64("9223372036854775808", NULL, 0, &v), ==,
                    -ERANGE);
    g_assert_cmpint(v, ==, INT64_MAX);
    g_assert_cmpint(qemu_strtoi64("-9223372036854775809", NULL, 0, &v), ==,
                    -ERANGE);
    g_assert_cmpint(v, ==, INT64_MIN);
}

static void test_strtou64(void)
{
    uint64_t v;

    g_assert_cmpint(qemu_strtou64("18446744073709551615", NULL, 0, &v), ==, 0);
    g_assert_cmpuint(v, ==, UINT64_MAX);
    g_assert_cmpint(qemu_strtou64("0xffffffffffffffff", NULL, 0, &v), ==, 0);
    g_assert_cmpuint(v, ==, UINT64_MAX);
    g_assert_cmpint(qemu_strtou64("18446744073709551616", NULL, 0, &v), ==,
                    -ERANGE);
    g_assert_cmpuint(v, ==, UINT64_MAX);
    /* As QEMU: "-1" wraps, a too large magnitude does not. */
    g_assert_cmpint(qemu_strtou64("-1", NULL, 0, &v), ==, 0);
    g_assert_cmpuint(v, ==, UINT64_MAX);
    g_assert_cmpint(qemu_strtou64("-18446744073709551616", NULL, 0, &v), ==,
                    -ERANGE);
    g_assert_cmpint(qemu_strtou64("1 ", NULL, 0, &v), ==, -EINVAL);
}

static void test_strtoi_ui(void)
{
    int i;
    unsigned int u;
    long l;
    unsigned long ul;

    g_assert_cmpint(qemu_strtoi("2147483647", NULL, 0, &i), ==, 0);
    g_assert_cmpint(i, ==, INT_MAX);
    g_assert_cmpint(qemu_strtoi("2147483648", NULL, 0, &i), ==, -ERANGE);
    g_assert_cmpint(i, ==, INT_MAX);
    g_assert_cmpint(qemu_strtoi("-2147483649", NULL, 0, &i), ==, -ERANGE);
    g_assert_cmpint(i, ==, INT_MIN);
    g_assert_cmpint(qemu_strtoi("1x", NULL, 0, &i), ==, -EINVAL);

    g_assert_cmpint(qemu_strtoui("4294967295", NULL, 0, &u), ==, 0);
    g_assert_cmpuint(u, ==, UINT_MAX);
    g_assert_cmpint(qemu_strtoui("4294967296", NULL, 0, &u), ==, -ERANGE);
    g_assert_cmpuint(u, ==, UINT_MAX);
    g_assert_cmpint(qemu_strtoui("-1", NULL, 0, &u), ==, 0);
    g_assert_cmpuint(u, ==, UINT_MAX);
    g_assert_cmpint(qemu_strtoui("-4294967296", NULL, 0, &u), ==, -ERANGE);

    g_assert_cmpint(qemu_strtol("-5", NULL, 0, &l), ==, 0);
    g_assert_cmpint(l, ==, -5);
    g_assert_cmpint(qemu_strtoul("0x20", NULL, 0, &ul), ==, 0);
    g_assert_cmpuint(ul, ==, 32);
}

static void test_strtod(void)
{
    double d;

    g_assert_cmpint(qemu_strtod("1.5", NULL, &d), ==, 0);
    g_assert_cmpfloat(d, ==, 1.5);
    g_assert_cmpint(qemu_strtod("inf", NULL, &d), ==, 0);
    g_assert_cmpint(qemu_strtod_finite("inf", NULL, &d), ==, -EINVAL);
    g_assert_cmpint(qemu_strtod_finite("nan", NULL, &d), ==, -EINVAL);
    g_assert_cmpint(qemu_strtod_finite("1e999", NULL, &d), ==, -ERANGE);
    g_assert_cmpint(qemu_strtod_finite("2.5x", NULL, &d), ==, -EINVAL);
    g_assert_cmpint(qemu_strtod_finite("-2.5", NULL, &d), ==, 0);
    g_assert_cmpfloat(d, ==, -2.5);
}

static void check_sz(const char *str, int ret, uint64_t expect)
{
    uint64_t v = 12345;

    g_assert_cmpint(qemu_strtosz(str, NULL, &v), ==, ret);
    g_assert_cmpuint(v, ==, ret ? 0 : expect);
}

static void test_strtosz(void)
{
    const char *end;
    uint64_t v;

    check_sz("0", 0, 0);
    check_sz("4096", 0, 4096);
    check_sz("64K", 0, 64 * 1024);
    check_sz("64k", 0, 64 * 1024);
    check_sz("12B", 0, 12);
    check_sz("1M", 0, 1 << 20);
    check_sz("1.5G", 0, 3ULL << 29);
    check_sz("2T", 0, 2ULL << 40);
    check_sz("1P", 0, 1ULL << 50);
    check_sz("1E", 0, 1ULL << 60);
    check_sz("15E", 0, 15ULL << 60);
    check_sz("0x1000", 0, 0x1000);
    check_sz("0X10", 0, 16);
    check_sz(".5K", 0, 512);
    check_sz("1.K", 0, 1024);
    check_sz("18446744073709551615", 0, UINT64_MAX);

    check_sz("", -EINVAL, 0);
    check_sz("K", -EINVAL, 0);
    check_sz("-1", -EINVAL, 0);
    check_sz("-1K", -EINVAL, 0);
    check_sz("1.5", -EINVAL, 0);   /* fraction of a byte */
    check_sz("0x10K", -EINVAL, 0); /* suffix on hex */
    check_sz("1Q", -EINVAL, 0);
    check_sz("1KB", -EINVAL, 0);
    check_sz("16E", -ERANGE, 0);
    check_sz("18446744073709551616", -ERANGE, 0);
    check_sz("17179869184G", -ERANGE, 0);

    g_assert_cmpint(qemu_strtosz("8Mfoo", &end, &v), ==, 0);
    g_assert_cmpuint(v, ==, 8 << 20);
    g_assert_cmpstr(end, ==, "foo");
    g_assert_cmpint(qemu_strtosz("x", &end, &v), ==, -EINVAL);
    g_assert_cmpstr(end, ==, "x");

    g_assert_cmpint(qemu_strtosz_MiB("2", NULL, &v), ==, 0);
    g_assert_cmpuint(v, ==, 2 << 20);
    g_assert_cmpint(qemu_strtosz_metric("3k", NULL, &v), ==, 0);
    g_assert_cmpuint(v, ==, 3000);
}

static void check_size_to_str(uint64_t val, const char *expect)
{
    g_autofree char *s = size_to_str(val);

    g_assert_cmpstr(s, ==, expect);
}

static void test_size_to_str(void)
{
    check_size_to_str(0, "0 B");
    check_size_to_str(512, "512 B");
    check_size_to_str(999, "999 B");
    check_size_to_str(1000, "0.977 KiB");
    check_size_to_str(65536, "64 KiB");
    check_size_to_str(3ULL << 29, "1.5 GiB");
    check_size_to_str(UINT64_MAX, "16 EiB");
}

static void test_strtobool(void)
{
    static const char *const yes[] = {"on", "yes", "true", "y"};
    static const char *const no[] = {"off", "no", "false", "n"};
    bool b;
    size_t i;

    for (i = 0; i < ARRAY_SIZE(yes); i++) {
        b = false;
        g_assert_cmpint(qemu_strtobool(yes[i], &b), ==, 0);
        g_assert_true(b);
        b = true;
        g_assert_cmpint(qemu_strtobool(no[i], &b), ==, 0);
        g_assert_false(b);
    }
    b = true;
    g_assert_cmpint(qemu_strtobool("ON", &b), ==, -EINVAL);
    g_assert_cmpint(qemu_strtobool("1", &b), ==, -EINVAL);
    g_assert_cmpint(qemu_strtobool("", &b), ==, -EINVAL);
    g_assert_cmpint(qemu_strtobool(NULL, &b), ==, -EINVAL);
    g_assert_true(b);
}

static void test_strstart(void)
{
    const char *rest = NULL;

    g_assert_true(strstart("virt,dumpdtb=x", "virt,", &rest));
    g_assert_cmpstr(rest, ==, "dumpdtb=x");
    g_assert_false(strstart("vir", "virt", &rest));
    g_assert_true(strstart("abc", "", NULL));
}

static void test_edit_distance(void)
{
    g_assert_cmpuint(qemu_edit_distance("", ""), ==, 0);
    g_assert_cmpuint(qemu_edit_distance("abc", ""), ==, 3);
    g_assert_cmpuint(qemu_edit_distance("kitten", "sitting"), ==, 3);
    g_assert_cmpuint(qemu_edit_distance("ns16550a", "ns16550a"), ==, 0);
    g_assert_cmpuint(qemu_edit_distance("ns1655a", "ns16550a"), ==, 1);
    /* a swap of neighbours counts once */
    g_assert_cmpuint(qemu_edit_distance("ns16505a", "ns16550a"), ==, 1);
    g_assert_cmpuint(qemu_edit_distance("VIRT", "virt"), ==, 0);
}

static void test_suggest(void)
{
    static const char *const types[] = {
        "ns16550a", "sifive_test", "virtio-net-device", "pci-testdev", NULL};
    static const char *const props[] = {"baudbase", "chardev", "id"};

    g_assert_cmpstr(qemu_suggest("ns1655a", types), ==, "ns16550a");
    g_assert_cmpstr(qemu_suggest("sifive-test", types), ==, "sifive_test");
    g_assert_cmpstr(qemu_suggest("pci-testdv", types), ==, "pci-testdev");
    g_assert_null(qemu_suggest("e1000", types));
    g_assert_null(qemu_suggest("ns16550a", types));
    g_assert_cmpstr(qemu_suggest_n("baudrate", props, 3), ==, "baudbase");
    g_assert_null(qemu_suggest_n("speed", props, 3));
    g_assert_cmpstr(qemu_suggest_n("baudbse", props, 3), ==, "baudbase");
    g_assert_cmpstr(qemu_suggest_n("chrdev", props, 3), ==, "chardev");
    g_assert_cmpstr(qemu_suggest_n("ix", props, 3), ==, "id");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/cutils/strtoi64", test_strtoi64);
    g_test_add_func("/cutils/strtou64", test_strtou64);
    g_test_add_func("/cutils/strtoi-ui", test_strtoi_ui);
    g_test_add_func("/cutils/strtod", test_strtod);
    g_test_add_func("/cutils/strtosz", test_strtosz);
    g_test_add_func("/cutils/size-to-str", test_size_to_str);
    g_test_add_func("/cutils/strtobool", test_strtobool);
    g_test_add_func("/cutils/strstart", test_strstart);
    g_test_add_func("/cutils/edit-distance", test_edit_distance);
    g_test_add_func("/cutils/suggest", test_suggest);
    return g_test_run();
}

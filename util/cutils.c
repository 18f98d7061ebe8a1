/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cutils.c: number parsing with range checks, sizes, booleans and "did you
 * mean" suggestions.  The contracts are in include/qomu/cutils.h.
 */
#include "qomu/osdep.h"
#include "qomu/cutils.h"

#include <math.h>

/*
 * The common tail of the integer parsers: turn "nothing parsed" and
 * "trailing junk" into -EINVAL, and report where parsing stopped.
 */
static int check_strtox(const char *nptr, const char *ep, const char **endptr,
                        int libc_errno)
{
    if (endptr) {
        *endptr = ep;
    }
    if (ep == nptr) {
        return -EINVAL;
    }
    if (!endptr && *ep) {
        return -EINVAL;
    }
    return -libc_errno;
}

static int invalid_null(const char **endptr)
{
    if (endptr) {
        *endptr = NULL;
    }
    return -EINVAL;
}

int qemu_strtoi64(const char *nptr, const char **endptr, int base,
                  int64_t *result)
{
    char *ep;
    long long v;
    int ret;

    *result = 0;
    if (!nptr) {
        return invalid_null(endptr);
    }
    errno = 0;
    v = strtoll(nptr, &ep, base);
    ret = check_strtox(nptr, ep, endptr, errno);
    if (ret != -EINVAL) {
        *result = v;
    }
    return ret;
}

/* Whether @nptr, after white space, starts with a minus sign. */
static bool is_negative(const char *nptr)
{
    while (g_ascii_isspace(*nptr)) {
        nptr++;
    }
    return *nptr == '-';
}

int qemu_strtou64(const char *nptr, const char **endptr, int base,
                  uint64_t *result)
{
    char *ep;
    unsigned long long v;
    int ret;

    *result = 0;
    if (!nptr) {
        return invalid_null(endptr);
    }
    errno = 0;
    /* glibc's strtoull() already negates "-N" and reports -ERANGE. */
    v = strtoull(nptr, &ep, base);
    ret = check_strtox(nptr, ep, endptr, errno);
    if (ret != -EINVAL) {
        *result = v;
    }
    return ret;
}

/*
 * qemu_strtoi64() narrowed to [@min, @max]: out of range saturates and
 * returns -ERANGE.
 */
static int strtoi_narrow(const char *nptr, const char **endptr, int base,
                         int64_t min, int64_t max, int64_t *result)
{
    int64_t v;
    int ret = qemu_strtoi64(nptr, endptr, base, &v);

    *result = 0;
    if (ret == -EINVAL) {
        return ret;
    }
    if (v > max) {
        *result = max;
        return -ERANGE;
    }
    if (v < min) {
        *result = min;
        return -ERANGE;
    }
    *result = v;
    return ret;
}

/*
 * qemu_strtou64() narrowed to [0, @max], @max all ones (UINT_MAX,
 * ULONG_MAX): a negative number wraps modulo @max + 1 (as strtoul does)
 * when its magnitude fits; out of range saturates at @max and returns
 * -ERANGE.
 */
static int strtou_narrow(const char *nptr, const char **endptr, int base,
                         uint64_t max, uint64_t *result)
{
    uint64_t v, magnitude;
    int ret = qemu_strtou64(nptr, endptr, base, &v);

    *result = 0;
    if (ret == -EINVAL) {
        return ret;
    }
    if (ret == -ERANGE) {
        *result = max;
        return ret;
    }
    magnitude = is_negative(nptr) ? -v : v;
    if (magnitude > max) {
        *result = max;
        return -ERANGE;
    }
    *result = v & max;
    return 0;
}

int qemu_strtoi(const char *nptr, const char **endptr, int base, int *result)
{
    int64_t v;
    int ret = strtoi_narrow(nptr, endptr, base, INT_MIN, INT_MAX, &v);

    *result = v;
    return ret;
}

int qemu_strtoui(const char *nptr, const char **endptr, int base,
                 unsigned int *result)
{
    uint64_t v;
    int ret = strtou_narrow(nptr, endptr, base, UINT_MAX, &v);

    *result = v;
    return ret;
}

int qemu_strtol(const char *nptr, const char **endptr, int base, long *result)
{
    int64_t v;
    int ret;

    G_STATIC_ASSERT(sizeof(long) <= sizeof(int64_t));
    ret = strtoi_narrow(nptr, endptr, base, LONG_MIN, LONG_MAX, &v);
    *result = v;
    return ret;
}

int qemu_strtoul(const char *nptr, const char **endptr, int base,
                 unsigned long *result)
{
    uint64_t v;
    int ret = strtou_narrow(nptr, endptr, base, ULONG_MAX, &v);

    *result = v;
    return ret;
}

int qemu_strtod(const char *nptr, const char **endptr, double *result)
{
    char *ep;
    double v;
    int ret;

    *result = 0;
    if (!nptr) {
        return invalid_null(endptr);
    }
    errno = 0;
    v = strtod(nptr, &ep);
    ret = check_strtox(nptr, ep, endptr, errno);
    if (ret != -EINVAL) {
        *result = v;
    }
    return ret;
}

int qemu_strtod_finite(const char *nptr, const char **endptr, double *result)
{
    const char *ep;
    int ret = qemu_strtod(nptr, &ep, result);

    if (ret == 0 && !isfinite(*result)) {
        /* "inf", "nan" and friends */
        *result = 0;
        ep = nptr;
        ret = -EINVAL;
    }
    if (endptr) {
        *endptr = ep;
    } else if (ret != -EINVAL && ep && *ep) {
        *result = 0;
        ret = -EINVAL;
    }
    return ret;
}

/* The multiplier of size suffix @c, or 0 if @c is not a suffix. */
static uint64_t suffix_mul(char c, uint64_t unit)
{
    switch (g_ascii_toupper(c)) {
    case 'B':
        return 1;
    case 'K':
        return unit;
    case 'M':
        return unit * unit;
    case 'G':
        return unit * unit * unit;
    case 'T':
        return unit * unit * unit * unit;
    case 'P':
        return unit * unit * unit * unit * unit;
    case 'E':
        return unit * unit * unit * unit * unit * unit;
    }
    return 0;
}

/*
 * Sizes are computed exactly: the integral part as a uint64_t, the fraction
 * as 64-bit binary fixed point (as QEMU does), and their product with the
 * unit in 128 bits, so that "16E" overflows cleanly and "1.5G" is exact.
 */
static int do_strtosz(const char *nptr, const char **end, char default_suffix,
                      uint64_t unit, uint64_t *result)
{
    const char *p = nptr, *endptr = nptr;
    uint64_t val = 0, valf = 0, mul;
    bool hex = false, fraction = false;
    unsigned __int128 total;
    int ret = -EINVAL;

    if (!nptr) {
        goto out;
    }
    while (g_ascii_isspace(*p)) {
        p++;
    }
    if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X') && g_ascii_isxdigit(p[2])) {
        hex = true;
        p += 2;
        for (; g_ascii_isxdigit(*p); p++) {
            if (val >> 60) {
                ret = -ERANGE;
            }
            val = (val << 4) | g_ascii_xdigit_value(*p);
        }
    } else {
        if (!g_ascii_isdigit(*p) && !(*p == '.' && g_ascii_isdigit(p[1]))) {
            goto out;
        }
        for (; g_ascii_isdigit(*p); p++) {
            unsigned int d = *p - '0';

            if (val > (UINT64_MAX - d) / 10) {
                ret = -ERANGE;
            }
            val = val * 10 + d;
        }
        if (*p == '.') {
            double f = 0, scale = 0.1;

            fraction = true;
            for (p++; g_ascii_isdigit(*p); p++) {
                f += (*p - '0') * scale;
                scale /= 10;
            }
            f = ldexp(f, 64);
            valf = f >= ldexp(1, 64) ? UINT64_MAX : (uint64_t)f;
        }
    }
    endptr = p;
    if (ret == -ERANGE) {
        goto out;
    }

    mul = suffix_mul(*p, unit);
    if (mul) {
        if (hex) {
            /* "0x10K" is ambiguous (QEMU deprecated it); refuse it. */
            ret = -EINVAL;
            goto out;
        }
        endptr = ++p;
    } else {
        mul = suffix_mul(default_suffix, unit);
    }
    if (fraction && mul == 1 && valf != 0) {
        /* A fraction of a byte makes no sense. */
        ret = -EINVAL;
        goto out;
    }
    total = (unsigned __int128)val * mul +
            (((unsigned __int128)valf * mul + (1ULL << 63)) >> 64);
    if (total > UINT64_MAX) {
        ret = -ERANGE;
        goto out;
    }
    val = (uint64_t)total;
    ret = 0;

out:
    if (end) {
        *end = endptr;
    } else if (ret == 0 && *endptr) {
        ret = -EINVAL;
    }
    if (ret == 0) {
        *result = val;
    } else {
        *result = 0;
        if (end && ret == -EINVAL) {
            *end = nptr;
        }
    }
    return ret;
}

int qemu_strtosz(const char *nptr, const char **end, uint64_t *result)
{
    return do_strtosz(nptr, end, 'B', 1024, result);
}

int qemu_strtosz_MiB(const char *nptr, const char **end, uint64_t *result)
{
    return do_strtosz(nptr, end, 'M', 1024, result);
}

int qemu_strtosz_metric(const char *nptr, const char **end, uint64_t *result)
{
    return do_strtosz(nptr, end, 'B', 1000, result);
}

char *size_to_str(uint64_t val)
{
    static const char *const suffixes[] = {"",   "Ki", "Mi", "Gi",
                                           "Ti", "Pi", "Ei"};
    int i = 0;

    /*
     * QEMU's rule: switch to the next unit from 1000 of the current one
     * on, so that the number never needs four digits ("0.977 KiB").
     */
    while (i < 6 && val >= 1000 * (1ULL << (10 * i))) {
        i++;
    }
    return g_strdup_printf("%0.3g %sB", (double)val / (1ULL << (10 * i)),
                           suffixes[i]);
}

int qemu_strtobool(const char *str, bool *result)
{
    if (!str) {
        return -EINVAL;
    }
    if (!strcmp(str, "on") || !strcmp(str, "yes") || !strcmp(str, "true") ||
        !strcmp(str, "y")) {
        *result = true;
        return 0;
    }
    if (!strcmp(str, "off") || !strcmp(str, "no") || !strcmp(str, "false") ||
        !strcmp(str, "n")) {
        *result = false;
        return 0;
    }
    return -EINVAL;
}

bool strstart(const char *str, const char *val, const char **ptr)
{
    size_t len = strlen(val);

    if (strncmp(str, val, len) != 0) {
        return false;
    }
    if (ptr) {
        *ptr = str + len;
    }
    return true;
}

unsigned int qemu_edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b), i, j;
    size_t w = lb + 1;
    g_autofree unsigned int *d = g_new(unsigned int, (la + 1) * w);
    unsigned int result;

    for (i = 0; i <= la; i++) {
        d[i * w] = i;
    }
    for (j = 0; j <= lb; j++) {
        d[j] = j;
    }
    for (i = 1; i <= la; i++) {
        for (j = 1; j <= lb; j++) {
            char ca = g_ascii_tolower(a[i - 1]);
            char cb = g_ascii_tolower(b[j - 1]);
            unsigned int cost = ca != cb;
            unsigned int v = d[(i - 1) * w + j] + 1;

            v = MIN(v, d[i * w + j - 1] + 1);
            v = MIN(v, d[(i - 1) * w + j - 1] + cost);
            if (i > 1 && j > 1 && ca == g_ascii_tolower(b[j - 2]) &&
                g_ascii_tolower(a[i - 2]) == cb) {
                v = MIN(v, d[(i - 2) * w + j - 2] + 1);
            }
            d[i * w + j] = v;
        }
    }
    result = d[la * w + lb];
    return result;
}

const char *qemu_suggest_n(const char *word, const char *const *candidates,
                           size_t n)
{
    unsigned int limit = MIN(MAX(strlen(word) / 3, 1), 3);
    unsigned int best_dist = limit + 1;
    const char *best = NULL;
    size_t i;

    for (i = 0; i < n; i++) {
        unsigned int dist;

        if (!candidates[i] || !strcmp(candidates[i], word)) {
            continue;
        }
        dist = qemu_edit_distance(word, candidates[i]);
        if (dist < best_dist) {
            best_dist = dist;
            best = candidates[i];
        }
    }
    return best;
}

const char *qemu_suggest(const char *word, const char *const *candidates)
{
    size_t n = 0;

    while (candidates[n]) {
        n++;
    }
    return qemu_suggest_n(word, candidates, n);
}

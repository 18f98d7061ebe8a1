/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cutils.h: string helpers - number parsing with range checks, sizes with
 * suffixes, booleans, and "did you mean" suggestions.
 *
 * The number parsers follow QEMU's util/cutils.c contracts:
 * - they return 0 on success, -EINVAL when @nptr is NULL, holds no number,
 *   or (with @endptr NULL) has text after the number, and -ERANGE when the
 *   value does not fit;
 * - on -ERANGE *@result holds the saturated value (e.g. INT64_MAX), on
 *   -EINVAL it holds 0;
 * - if @endptr is non-NULL it receives the first unparsed character (@nptr
 *   itself when nothing was parsed); if NULL the whole string must parse;
 * - leading white space is skipped as strtol() does; @base is as strtol()'s
 *   (0 accepts decimal, 0x hex and leading-0 octal).
 */
#ifndef QOMU_CUTILS_H
#define QOMU_CUTILS_H

#include "qomu/osdep.h"

/**
 * qemu_strtoi: parse an int.
 * @nptr: the text; @endptr: see above; @base: as strtol();
 * @result: where the value goes.
 * Returns: 0, -EINVAL or -ERANGE (saturating to INT_MIN / INT_MAX).
 */
int qemu_strtoi(const char *nptr, const char **endptr, int base, int *result);

/**
 * qemu_strtoui: parse an unsigned int.
 *
 * As in QEMU (and strtoul()), a leading '-' negates in unsigned arithmetic
 * ("-1" is UINT_MAX); a magnitude above UINT_MAX is -ERANGE (result
 * UINT_MAX).
 * Returns: 0, -EINVAL or -ERANGE.
 */
int qemu_strtoui(const char *nptr, const char **endptr, int base,
                 unsigned int *result);

/**
 * qemu_strtol: parse a long.  Returns: 0, -EINVAL or -ERANGE.
 */
int qemu_strtol(const char *nptr, const char **endptr, int base, long *result);

/**
 * qemu_strtoul: parse an unsigned long, with qemu_strtoui()'s rule for a
 * leading '-'.  Returns: 0, -EINVAL or -ERANGE.
 */
int qemu_strtoul(const char *nptr, const char **endptr, int base,
                 unsigned long *result);

/**
 * qemu_strtoi64: parse an int64_t.
 * Returns: 0, -EINVAL or -ERANGE (saturating to INT64_MIN / INT64_MAX).
 */
int qemu_strtoi64(const char *nptr, const char **endptr, int base,
                  int64_t *result);

/**
 * qemu_strtou64: parse a uint64_t, with qemu_strtoui()'s rule for a leading
 * '-' ("-1" is UINT64_MAX; "-18446744073709551616" is -ERANGE).
 * Returns: 0, -EINVAL or -ERANGE (result UINT64_MAX).
 */
int qemu_strtou64(const char *nptr, const char **endptr, int base,
                  uint64_t *result);

/**
 * qemu_strtod: parse a double (strtod() syntax, so also "inf" and "nan").
 * Returns: 0, -EINVAL or -ERANGE (overflow gives +-HUGE_VAL, underflow a
 * value of at most DBL_MIN in magnitude).
 */
int qemu_strtod(const char *nptr, const char **endptr, double *result);

/**
 * qemu_strtod_finite: qemu_strtod() that rejects "inf" and "nan" (-EINVAL)
 * and overflow (-ERANGE).
 */
int qemu_strtod_finite(const char *nptr, const char **endptr, double *result);

/**
 * qemu_strtosz: parse a size in bytes with an optional binary suffix.
 * @nptr: the text: a decimal number with an optional fraction ("1.5"), or a
 * hex number ("0x1000", no fraction, no suffix), then optionally one
 * suffix B, K, M, G, T, P or E (either case; K = 1024, M = 1024^2 ...).
 * A fraction requires a suffix other than B ("1.5G" is fine, "1.5" is not);
 * the result is rounded to the nearest byte.
 * @end: as @endptr above.
 * @result: where the size goes.
 *
 * Negative numbers are -EINVAL; values above UINT64_MAX are -ERANGE.
 * Unlike QEMU, a suffix after a hex number is an error rather than a
 * deprecation warning.  On any failure *@result is 0.
 * Returns: 0, -EINVAL or -ERANGE.
 */
int qemu_strtosz(const char *nptr, const char **end, uint64_t *result);

/** qemu_strtosz_MiB: qemu_strtosz() with a default suffix of M. */
int qemu_strtosz_MiB(const char *nptr, const char **end, uint64_t *result);

/** qemu_strtosz_metric: qemu_strtosz() with decimal units (K = 1000). */
int qemu_strtosz_metric(const char *nptr, const char **end, uint64_t *result);

/**
 * size_to_str: @val bytes as text with a binary unit, as QEMU prints
 * sizes: "0 B", "512 B", "64 KiB", "1.5 GiB" (three significant digits).
 * Returns: a new string for g_free().
 */
char *size_to_str(uint64_t val);

/**
 * qemu_strtobool: parse a boolean spelled as QEMU's command line spells it:
 * "on", "yes", "true", "y" for true and "off", "no", "false", "n" for
 * false (exact, lower case).
 * Returns: 0, or -EINVAL (then *@result is unchanged).
 */
int qemu_strtobool(const char *str, bool *result);

/**
 * strstart: if @str begins with @val, set *@ptr (if non-NULL) to the rest
 * of @str and return true; else return false.
 */
bool strstart(const char *str, const char *val, const char **ptr);

/**
 * qemu_edit_distance: the optimal-string-alignment distance between @a and
 * @b: the fewest single-character insertions, deletions, substitutions and
 * swaps of two adjacent characters that turn one into the other.
 * Comparison is case-insensitive (ASCII).
 */
unsigned int qemu_edit_distance(const char *a, const char *b);

/**
 * qemu_suggest: the candidate closest to a misspelt @word, for an error hint
 * such as "did you mean 'ns16550a'?".
 * @word: what the user typed.
 * @candidates: a NULL-terminated array of valid names.
 *
 * A candidate qualifies if its edit distance to @word is at most
 * max(1, strlen(@word) / 3) (and at most 3), and it differs from @word;
 * ties go to the earlier candidate.
 * Returns: a pointer to the best candidate (borrowed), or NULL if none is
 * close enough.
 */
const char *qemu_suggest(const char *word, const char *const *candidates);

/**
 * qemu_suggest_n: qemu_suggest() over an array of @n names (which need
 * not be NULL-terminated).
 */
const char *qemu_suggest_n(const char *word, const char *const *candidates,
                           size_t n);

#endif /* QOMU_CUTILS_H */

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Helpers shared by the chardev backends: reading options from the
 * creation QDict (keyval gives QStrings; programmatic callers may pass
 * QBool / QNum).
 */
#ifndef CHARDEV_INTERNAL_H
#define CHARDEV_INTERNAL_H

#include "chardev/char.h"

/** chr_opt_str: the string option @key, or NULL if absent. */
const char *chr_opt_str(QDict *opts, const char *key);

/**
 * chr_opt_bool: the boolean option @key (on/off, yes/no, true/false) into
 * *@value, @def if absent.  Returns: false with @errp set if malformed.
 */
bool chr_opt_bool(QDict *opts, const char *key, bool def, bool *value,
                  Error **errp);

/**
 * chr_opt_uint: the unsigned option @key into *@value, @def if absent.
 * Returns: false with @errp set if malformed.
 */
bool chr_opt_uint(QDict *opts, const char *key, uint64_t def,
                  uint64_t *value, Error **errp);

#endif /* CHARDEV_INTERNAL_H */

/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qnull.c: the QNull singleton.
 */
#include "qomu/osdep.h"
#include "qobject/qnull.h"

/*
 * Statically allocated with a count of one that belongs to nobody, so that
 * balanced qnull() / qobject_unref() pairs never free it.
 */
QNull qnull_ = {
    .base =
        {
            .type = QTYPE_QNULL,
            .refcnt = 1,
        },
};

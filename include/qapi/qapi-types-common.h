/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qapi-types-common.h: enums shared across subsystems, as QEMU's generated
 * qapi/qapi-types-common.h (hand-written here: qomu has no QAPI schema).
 */
#ifndef QAPI_QAPI_TYPES_COMMON_H
#define QAPI_QAPI_TYPES_COMMON_H

#include "qapi/util.h"

/**
 * OnOffAuto: an on/off switch that may be left to the program's choice.
 * Names: "auto", "on", "off" (in that order, as QEMU).
 */
typedef enum OnOffAuto {
    ON_OFF_AUTO_AUTO,
    ON_OFF_AUTO_ON,
    ON_OFF_AUTO_OFF,
    ON_OFF_AUTO__MAX,
} OnOffAuto;

extern const QEnumLookup OnOffAuto_lookup;
#define OnOffAuto_str(val) qapi_enum_lookup(&OnOffAuto_lookup, (val))

/**
 * OnOffSplit: on, off, or split (as QEMU's kernel-irqchip setting).
 */
typedef enum OnOffSplit {
    ON_OFF_SPLIT_ON,
    ON_OFF_SPLIT_OFF,
    ON_OFF_SPLIT_SPLIT,
    ON_OFF_SPLIT__MAX,
} OnOffSplit;

extern const QEnumLookup OnOffSplit_lookup;
#define OnOffSplit_str(val) qapi_enum_lookup(&OnOffSplit_lookup, (val))

#endif /* QAPI_QAPI_TYPES_COMMON_H */

/* SPDX-License-Identifier: GPL-2.0-or-later */
/* qom-internal.h: helpers shared by the files of qom/ only. */
#ifndef QOM_INTERNAL_H
#define QOM_INTERNAL_H

#include "qom/object.h"

/* The getter of the "type" property every object has. */
char *qom_get_type(Object *obj, Error **errp);

#endif /* QOM_INTERNAL_H */

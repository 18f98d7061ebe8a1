/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qom-qobject.c: property access through the QObject and string visitors:
 * typed get/set, parse from text, print as text, set many at once.
 */
#include "qomu/osdep.h"
#include "qapi/error.h"
#include "qapi/visitor.h"
#include "qapi/qobject-input-visitor.h"
#include "qapi/qobject-output-visitor.h"
#include "qapi/string-input-visitor.h"
#include "qapi/string-output-visitor.h"
#include "qobject/qbool.h"
#include "qobject/qdict.h"
#include "qobject/qnum.h"
#include "qobject/qstring.h"
#include "qom/object.h"

bool object_property_set_qobject(Object *obj, const char *name,
                                 QObject *value, Error **errp)
{
    Visitor *v = qobject_input_visitor_new(value);
    bool ok = object_property_set(obj, name, v, errp);

    visit_free(v);
    return ok;
}

QObject *object_property_get_qobject(Object *obj, const char *name,
                                     Error **errp)
{
    QObject *ret = NULL;
    Visitor *v = qobject_output_visitor_new(&ret);

    if (object_property_get(obj, name, v, errp)) {
        visit_complete(v, &ret);
    }
    visit_free(v);
    return ret;
}

static void wrong_type(Object *obj, const char *name, const char *expected,
                       Error **errp)
{
    error_setg(errp, "Property '%s.%s' is not of type %s",
               object_get_typename(obj), name, expected);
}

bool object_property_set_str(Object *obj, const char *name,
                             const char *value, Error **errp)
{
    QString *qstr = qstring_from_str(value);
    bool ok = object_property_set_qobject(obj, name, QOBJECT(qstr), errp);

    qobject_unref(qstr);
    return ok;
}

char *object_property_get_str(Object *obj, const char *name, Error **errp)
{
    QObject *ret = object_property_get_qobject(obj, name, errp);
    QString *qstring;
    char *retval = NULL;

    if (!ret) {
        return NULL;
    }
    qstring = qobject_to(QString, ret);
    if (qstring) {
        retval = g_strdup(qstring_get_str(qstring));
    } else {
        wrong_type(obj, name, "string", errp);
    }
    qobject_unref(ret);
    return retval;
}

bool object_property_set_link(Object *obj, const char *name, Object *value,
                              Error **errp)
{
    g_autofree char *path = NULL;

    if (value) {
        path = object_get_canonical_path(value);
        if (!path) {
            error_setg(errp, "Property '%s.%s': the target object is not in "
                       "the composition tree", object_get_typename(obj),
                       name);
            return false;
        }
    }
    return object_property_set_str(obj, name, path ? path : "", errp);
}

Object *object_property_get_link(Object *obj, const char *name,
                                 Error **errp)
{
    g_autofree char *str = object_property_get_str(obj, name, errp);
    Object *target = NULL;

    if (str && *str) {
        target = object_resolve_path(str, NULL);
        if (!target) {
            error_setg(errp, "Property '%s.%s': no object at path '%s'",
                       object_get_typename(obj), name, str);
        }
    }
    return target;
}

bool object_property_set_bool(Object *obj, const char *name, bool value,
                              Error **errp)
{
    QBool *qbool = qbool_from_bool(value);
    bool ok = object_property_set_qobject(obj, name, QOBJECT(qbool), errp);

    qobject_unref(qbool);
    return ok;
}

bool object_property_get_bool(Object *obj, const char *name, Error **errp)
{
    QObject *ret = object_property_get_qobject(obj, name, errp);
    QBool *qbool;
    bool retval = false;

    if (!ret) {
        return false;
    }
    qbool = qobject_to(QBool, ret);
    if (qbool) {
        retval = qbool_get_bool(qbool);
    } else {
        wrong_type(obj, name, "bool", errp);
    }
    qobject_unref(ret);
    return retval;
}

bool object_property_set_int(Object *obj, const char *name, int64_t value,
                             Error **errp)
{
    QNum *qnum = qnum_from_int(value);
    bool ok = object_property_set_qobject(obj, name, QOBJECT(qnum), errp);

    qobject_unref(qnum);
    return ok;
}

int64_t object_property_get_int(Object *obj, const char *name,
                                Error **errp)
{
    QObject *ret = object_property_get_qobject(obj, name, errp);
    QNum *qnum;
    int64_t retval = -1;

    if (!ret) {
        return -1;
    }
    qnum = qobject_to(QNum, ret);
    if (!qnum || !qnum_get_try_int(qnum, &retval)) {
        wrong_type(obj, name, "int", errp);
        retval = -1;
    }
    qobject_unref(ret);
    return retval;
}

bool object_property_set_uint(Object *obj, const char *name, uint64_t value,
                              Error **errp)
{
    QNum *qnum = qnum_from_uint(value);
    bool ok = object_property_set_qobject(obj, name, QOBJECT(qnum), errp);

    qobject_unref(qnum);
    return ok;
}

uint64_t object_property_get_uint(Object *obj, const char *name,
                                  Error **errp)
{
    QObject *ret = object_property_get_qobject(obj, name, errp);
    QNum *qnum;
    uint64_t retval = 0;

    if (!ret) {
        return 0;
    }
    qnum = qobject_to(QNum, ret);
    if (!qnum || !qnum_get_try_uint(qnum, &retval)) {
        wrong_type(obj, name, "uint", errp);
        retval = 0;
    }
    qobject_unref(ret);
    return retval;
}

bool object_property_parse(Object *obj, const char *name,
                           const char *string, Error **errp)
{
    Visitor *v = string_input_visitor_new(string);
    bool ok = object_property_set(obj, name, v, errp);

    visit_free(v);
    return ok;
}

char *object_property_print(Object *obj, const char *name, bool human,
                            Error **errp)
{
    char *string = NULL;
    Visitor *v = string_output_visitor_new(human, &string);

    if (object_property_get(obj, name, v, errp)) {
        visit_complete(v, &string);
    }
    visit_free(v);
    return string;
}

bool object_set_properties_from_qdict(Object *obj, const QDict *qdict,
                                      bool from_keyval, Error **errp)
{
    Visitor *v;
    const QDictEntry *e;
    bool ok = false;

    v = from_keyval ? qobject_input_visitor_new_keyval(QOBJECT(qdict))
                    : qobject_input_visitor_new(QOBJECT(qdict));
    if (!visit_start_struct(v, NULL, NULL, 0, errp)) {
        goto out;
    }
    for (e = qdict_first(qdict); e; e = qdict_next(qdict, e)) {
        if (!object_property_set(obj, e->key, v, errp)) {
            goto out_end;
        }
    }
    ok = visit_check_struct(v, errp);
out_end:
    visit_end_struct(v, NULL);
out:
    visit_free(v);
    return ok;
}

static bool object_set_propv(Object *obj, Error **errp, va_list vargs)
{
    const char *propname = va_arg(vargs, char *);

    while (propname != NULL) {
        const char *value = va_arg(vargs, char *);

        g_assert(value != NULL);
        if (!object_property_parse(obj, propname, value, errp)) {
            return false;
        }
        propname = va_arg(vargs, char *);
    }
    return true;
}

bool object_set_props(Object *obj, Error **errp, ...)
{
    va_list vargs;
    bool ret;

    va_start(vargs, errp);
    ret = object_set_propv(obj, errp, vargs);
    va_end(vargs);
    return ret;
}

Object *object_new_with_props(const char *typename, Object *parent,
                              const char *id, Error **errp, ...)
{
    ObjectClass *klass = object_class_by_name(typename);
    Object *obj;
    va_list vargs;
    bool ok;

    if (!klass) {
        error_setg(errp, "unknown object type '%s'", typename);
        return NULL;
    }
    if (object_class_is_abstract(klass)) {
        error_setg(errp, "object type '%s' is abstract", typename);
        return NULL;
    }
    obj = object_new_with_class(klass);

    va_start(vargs, errp);
    ok = object_set_propv(obj, errp, vargs);
    va_end(vargs);
    if (!ok) {
        goto error;
    }
    if (id && parent) {
        if (!object_property_try_add_child(parent, id, obj, errp)) {
            goto error;
        }
        /* The parent now holds the object. */
        object_unref(obj);
    }
    return obj;

error:
    object_unref(obj);
    return NULL;
}

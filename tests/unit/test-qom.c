/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit tests for the QOM core: registration, lazy class initialisation,
 * inheritance, interfaces, casts, instance life cycle, reference counts.
 * Properties and the tree are in test-qom-props.c.
 */
#include "qomu/osdep.h"
#include "qapi/error.h"
#include "qom/object.h"

/* Every callback appends "<what>:<type>" here so the order can be checked. */
static GString *trace;

static void note(const char *what, const char *type)
{
    if (trace->len) {
        g_string_append_c(trace, ' ');
    }
    g_string_append_printf(trace, "%s:%s", what, type);
}

static void take_trace(const char *expected)
{
    g_assert_cmpstr(trace->str, ==, expected);
    g_string_truncate(trace, 0);
}

/* A small hierarchy: animal (abstract) <- dog <- puppy; cat; and an
 * interface "pet" implemented by dog (and so by puppy). */

#define TYPE_ANIMAL "animal"
#define TYPE_DOG "dog"
#define TYPE_PUPPY "puppy"
#define TYPE_CAT "cat"
#define TYPE_PET "pet"
#define TYPE_FRIENDLY "friendly"

typedef struct AnimalClass {
    ObjectClass parent_class;
    const char *(*speak)(Object *obj);
    int legs;
    int base_init_calls;
} AnimalClass;

typedef struct Animal {
    Object parent_obj;
    int age;
    char *tag;
} Animal;

typedef struct Dog {
    Animal parent_obj;
    int tricks;
} Dog;

typedef struct PetClass {
    InterfaceClass parent_class;
    const char *(*owner)(Object *obj);
} PetClass;

#define ANIMAL(obj) OBJECT_CHECK(Animal, (obj), TYPE_ANIMAL)
#define ANIMAL_CLASS(k) OBJECT_CLASS_CHECK(AnimalClass, (k), TYPE_ANIMAL)
#define ANIMAL_GET_CLASS(obj) OBJECT_GET_CLASS(AnimalClass, (obj), TYPE_ANIMAL)
#define DOG(obj) OBJECT_CHECK(Dog, (obj), TYPE_DOG)
#define PET_GET_CLASS(obj) OBJECT_GET_CLASS(PetClass, (obj), TYPE_PET)

static const char *animal_speak(Object *obj)
{
    return "...";
}

static const char *dog_speak(Object *obj)
{
    return "woof";
}

static const char *puppy_speak(Object *obj)
{
    return "yip";
}

static const char *dog_owner(Object *obj)
{
    return "alice";
}

static void animal_class_base_init(ObjectClass *oc, const void *data)
{
    AnimalClass *ac = (AnimalClass *)oc;

    note("base_init", object_class_get_name(oc));
    ac->base_init_calls++;
}

static void animal_class_init(ObjectClass *oc, const void *data)
{
    AnimalClass *ac = ANIMAL_CLASS(oc);

    note("class_init", object_class_get_name(oc));
    ac->speak = animal_speak;
    ac->legs = 4;
}

static void dog_class_init(ObjectClass *oc, const void *data)
{
    AnimalClass *ac = ANIMAL_CLASS(oc);
    PetClass *pc = OBJECT_CLASS_CHECK(PetClass, oc, TYPE_PET);

    note("class_init", object_class_get_name(oc));
    g_assert(ac->speak == animal_speak); /* copied from the parent */
    ac->speak = dog_speak;
    pc->owner = dog_owner;
}

static void puppy_class_init(ObjectClass *oc, const void *data)
{
    AnimalClass *ac = ANIMAL_CLASS(oc);

    note("class_init", object_class_get_name(oc));
    g_assert(ac->speak == dog_speak);
    g_assert_cmpint(ac->legs, ==, 4);
    ac->speak = puppy_speak;
    g_assert_cmpstr((const char *)data, ==, "puppy-data");
}

static void cat_class_init(ObjectClass *oc, const void *data)
{
    note("class_init", object_class_get_name(oc));
}

static void animal_init(Object *obj)
{
    note("init", "animal");
    ANIMAL(obj)->age = 1;
}

static void animal_post_init(Object *obj)
{
    note("post_init", "animal");
}

static void animal_finalize(Object *obj)
{
    note("finalize", "animal");
    g_free(ANIMAL(obj)->tag);
}

static void dog_init(Object *obj)
{
    note("init", "dog");
    g_assert_cmpint(ANIMAL(obj)->age, ==, 1); /* parent ran first */
    DOG(obj)->tricks = 2;
}

static void dog_post_init(Object *obj)
{
    note("post_init", "dog");
}

static void dog_finalize(Object *obj)
{
    note("finalize", "dog");
}

static void puppy_init(Object *obj)
{
    note("init", "puppy");
}

static void puppy_finalize(Object *obj)
{
    note("finalize", "puppy");
}

static const TypeInfo test_types[] = {
    {
        .name = TYPE_PET,
        .parent = TYPE_INTERFACE,
        .class_size = sizeof(PetClass),
    }, {
        .name = TYPE_FRIENDLY,
        .parent = TYPE_INTERFACE,
    }, {
        .name = TYPE_ANIMAL,
        .parent = TYPE_OBJECT,
        .abstract = true,
        .instance_size = sizeof(Animal),
        .class_size = sizeof(AnimalClass),
        .class_init = animal_class_init,
        .class_base_init = animal_class_base_init,
        .instance_init = animal_init,
        .instance_post_init = animal_post_init,
        .instance_finalize = animal_finalize,
    }, {
        .name = TYPE_DOG,
        .parent = TYPE_ANIMAL,
        .instance_size = sizeof(Dog),
        .class_init = dog_class_init,
        .instance_init = dog_init,
        .instance_post_init = dog_post_init,
        .instance_finalize = dog_finalize,
        .interfaces = (const InterfaceInfo[]) { { TYPE_PET }, { } },
    }, {
        .name = TYPE_PUPPY,
        .parent = TYPE_DOG,
        /* instance_size and class_size inherited */
        .class_init = puppy_class_init,
        .class_data = "puppy-data",
        .instance_init = puppy_init,
        .instance_finalize = puppy_finalize,
        .interfaces = (const InterfaceInfo[]) { { TYPE_FRIENDLY }, { } },
    }, {
        .name = TYPE_CAT,
        .parent = TYPE_ANIMAL,
        .class_init = cat_class_init,
    },
};

DEFINE_TYPES(test_types)

static void test_register_duplicate(void)
{
    static const TypeInfo dup = { .name = TYPE_DOG, .parent = TYPE_OBJECT };
    static const TypeInfo noname = { .parent = TYPE_OBJECT };
    Error *err = NULL;

    g_assert_null(type_try_register(&dup, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "type 'dog' is already registered");
    error_free_or_abort(&err);
    g_assert_null(type_try_register(&noname, &err));
    error_free_or_abort(&err);
    g_assert_true(object_type_exists(TYPE_DOG));
    g_assert_false(object_type_exists("no-such-type"));
    g_assert_null(object_class_by_name("no-such-type"));
}

static void test_register_duplicate_aborts(void)
{
    static const TypeInfo dup = { .name = TYPE_CAT, .parent = TYPE_OBJECT };

    if (g_test_subprocess()) {
        type_register_static(&dup);
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("*type 'cat' is already registered*");
}

/* The first use of puppy initialises animal, dog, then puppy, in order. */
static void test_lazy_class_init_order(void)
{
    ObjectClass *oc;
    AnimalClass *ac;

    g_string_truncate(trace, 0);
    oc = object_class_by_name(TYPE_PUPPY);
    g_assert_nonnull(oc);
    take_trace("class_init:animal base_init:dog class_init:dog "
               "base_init:puppy class_init:puppy");
    /* Already initialised: nothing runs again. */
    g_assert(object_class_by_name(TYPE_PUPPY) == oc);
    g_assert(object_class_by_name(TYPE_DOG) != oc);
    take_trace("");

    ac = ANIMAL_CLASS(oc);
    /* dog's count was copied into puppy's class, then puppy's base_init. */
    g_assert_cmpint(ac->base_init_calls, ==, 2);
    g_assert_cmpint(ANIMAL_CLASS(object_class_by_name(TYPE_DOG))
                    ->base_init_calls, ==, 1);
    g_assert_cmpstr(object_class_get_name(object_class_get_parent(oc)), ==,
                    TYPE_DOG);
    g_assert_true(object_class_is_abstract(object_class_by_name(TYPE_ANIMAL)));
    g_assert_false(object_class_is_abstract(oc));
}

static void test_virtual_override(void)
{
    Object *dog = object_new(TYPE_DOG);
    Object *puppy = object_new(TYPE_PUPPY);
    Object *cat = object_new(TYPE_CAT);

    g_assert_cmpstr(ANIMAL_GET_CLASS(dog)->speak(dog), ==, "woof");
    g_assert_cmpstr(ANIMAL_GET_CLASS(puppy)->speak(puppy), ==, "yip");
    g_assert_cmpstr(ANIMAL_GET_CLASS(cat)->speak(cat), ==, "...");
    g_assert_cmpint(ANIMAL_GET_CLASS(cat)->legs, ==, 4);
    object_unref(dog);
    object_unref(puppy);
    object_unref(cat);
}

static void test_instance_life_cycle(void)
{
    Object *obj;
    long live = object_live_count();

    object_class_by_name(TYPE_PUPPY);
    g_string_truncate(trace, 0);
    obj = object_new(TYPE_PUPPY);
    /* init root to leaf; post_init as QEMU: leaf first (puppy has none). */
    take_trace("init:animal init:dog init:puppy post_init:dog "
               "post_init:animal");
    g_assert_cmpint(object_live_count(), ==, live + 1);
    g_assert_cmpint(DOG(obj)->tricks, ==, 2);
    g_assert_cmpstr(object_get_typename(obj), ==, TYPE_PUPPY);

    g_assert(object_ref(obj) == obj);
    g_assert_cmpuint(object_get_ref_count(obj), ==, 2);
    object_unref(obj);
    take_trace("");
    object_unref(obj);
    take_trace("finalize:puppy finalize:dog finalize:animal");
    g_assert_cmpint(object_live_count(), ==, live);
    object_unref(NULL);
}

static void test_initialize_embedded(void)
{
    Dog dog;
    long live = object_live_count();

    g_string_truncate(trace, 0);
    object_initialize(&dog, sizeof(dog), TYPE_DOG);
    take_trace("init:animal init:dog post_init:dog post_init:animal");
    g_assert_cmpint(dog.tricks, ==, 2);
    object_unref(&dog); /* not freed: QOM did not allocate it */
    take_trace("finalize:dog finalize:animal");
    g_assert_cmpint(object_live_count(), ==, live);
}

static void test_abstract_cannot_be_created(void)
{
    if (g_test_subprocess()) {
        object_new(TYPE_ANIMAL);
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("*abstract type 'animal'*");
}

static void test_casts(void)
{
    Object *puppy = object_new(TYPE_PUPPY);
    Object *cat = object_new(TYPE_CAT);

    g_assert(object_dynamic_cast(puppy, TYPE_DOG) == puppy);
    g_assert(object_dynamic_cast(puppy, TYPE_ANIMAL) == puppy);
    g_assert(object_dynamic_cast(puppy, TYPE_OBJECT) == puppy);
    g_assert_null(object_dynamic_cast(cat, TYPE_DOG));
    g_assert_null(object_dynamic_cast(cat, "no-such-type"));
    g_assert_null(object_dynamic_cast(NULL, TYPE_DOG));
    /* Repeated checked casts hit the cache and still answer right. */
    for (int i = 0; i < 3; i++) {
        g_assert(DOG(puppy) == (Dog *)puppy);
        g_assert(ANIMAL(cat) == (Animal *)cat);
    }
    g_assert(object_class_dynamic_cast(object_get_class(puppy), TYPE_DOG));
    g_assert_null(object_class_dynamic_cast(object_get_class(cat),
                                            TYPE_DOG));
    object_unref(puppy);
    object_unref(cat);
}

static void test_bad_cast_aborts(void)
{
    if (g_test_subprocess()) {
        Object *cat = object_new(TYPE_CAT);
        DOG(cat);
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("*of type 'cat' is not an instance of 'dog'*");
}

static void test_bad_class_cast_aborts(void)
{
    if (g_test_subprocess()) {
        OBJECT_CLASS_CHECK(AnimalClass, object_class_by_name(TYPE_PET),
                           TYPE_ANIMAL);
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("*class 'pet' is not of type 'animal'*");
}

static void test_interfaces(void)
{
    Object *dog = object_new(TYPE_DOG);
    Object *puppy = object_new(TYPE_PUPPY);
    Object *cat = object_new(TYPE_CAT);
    ObjectClass *ic;

    /* Direct implementation. */
    g_assert(object_dynamic_cast(dog, TYPE_PET) == dog);
    g_assert_cmpstr(PET_GET_CLASS(dog)->owner(dog), ==, "alice");
    /* Inherited by the subclass, which also adds one of its own. */
    g_assert(object_dynamic_cast(puppy, TYPE_PET) == puppy);
    g_assert_cmpstr(PET_GET_CLASS(puppy)->owner(puppy), ==, "alice");
    g_assert(object_dynamic_cast(puppy, TYPE_FRIENDLY) == puppy);
    g_assert(INTERFACE_CHECK(Object, puppy, TYPE_FRIENDLY) == puppy);
    g_assert_null(object_dynamic_cast(dog, TYPE_FRIENDLY));
    g_assert_null(object_dynamic_cast(cat, TYPE_PET));

    ic = object_class_dynamic_cast(object_get_class(puppy), TYPE_PET);
    g_assert_nonnull(ic);
    g_assert(((InterfaceClass *)ic)->concrete_class ==
             object_get_class(puppy));
    g_assert(object_class_dynamic_cast(ic, TYPE_INTERFACE) == ic);
    object_unref(dog);
    object_unref(puppy);
    object_unref(cat);
}

static void test_class_lists(void)
{
    g_autoptr(GSList) all = object_class_get_list(TYPE_ANIMAL, false);
    g_autoptr(GSList) abs = object_class_get_list(TYPE_ANIMAL, true);
    g_autoptr(GSList) pets = object_class_get_list(TYPE_PET, false);
    GString *names = g_string_new(NULL);

    for (GSList *l = all; l; l = l->next) {
        g_string_append_printf(names, "%s ",
                               object_class_get_name(l->data));
    }
    g_assert_cmpstr(names->str, ==, "cat dog puppy ");
    g_assert_cmpint(g_slist_length(abs), ==, 4);
    g_assert_cmpint(g_slist_length(pets), ==, 2);
    g_assert_true(object_class_implements(TYPE_PUPPY, TYPE_PET));
    g_assert_false(object_class_implements(TYPE_CAT, TYPE_PET));
    g_string_free(names, TRUE);
}

int main(int argc, char **argv)
{
    int ret;

    g_test_init(&argc, &argv, NULL);
    trace = g_string_new(NULL);
    module_call_init(MODULE_INIT_QOM);

    /* Must run first: it checks the lazy initialisation of puppy. */
    g_test_add_func("/qom/class/lazy-init-order", test_lazy_class_init_order);
    g_test_add_func("/qom/type/register-duplicate", test_register_duplicate);
    g_test_add_func("/qom/type/register-duplicate-aborts",
                    test_register_duplicate_aborts);
    g_test_add_func("/qom/class/virtual-override", test_virtual_override);
    g_test_add_func("/qom/class/lists", test_class_lists);
    g_test_add_func("/qom/instance/life-cycle", test_instance_life_cycle);
    g_test_add_func("/qom/instance/embedded", test_initialize_embedded);
    g_test_add_func("/qom/instance/abstract", test_abstract_cannot_be_created);
    g_test_add_func("/qom/cast/object", test_casts);
    g_test_add_func("/qom/cast/bad-object", test_bad_cast_aborts);
    g_test_add_func("/qom/cast/bad-class", test_bad_class_cast_aborts);
    g_test_add_func("/qom/cast/interface", test_interfaces);
    ret = g_test_run();
    g_string_free(trace, TRUE);
    return ret;
}

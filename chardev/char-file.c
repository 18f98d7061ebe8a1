/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The file chardev: output goes to path= (truncated, or appended with
 * append=on); no input.
 */
#include "qomu/osdep.h"
#include "chardev/char.h"
#include "chardev-internal.h"

#include <fcntl.h>
#include <unistd.h>

typedef struct FileChardev {
    Chardev parent_obj;
    int fd;
} FileChardev;

OBJECT_DECLARE_SIMPLE_TYPE(FileChardev, CHARDEV_FILE)

static const char *const file_opts[] = { "path", "append", NULL };

static bool file_chr_open(Chardev *chr, QDict *opts, bool *be_opened,
                          Error **errp)
{
    FileChardev *s = CHARDEV_FILE(chr);
    const char *path = chr_opt_str(opts, "path");
    bool append;
    int flags = O_WRONLY | O_CREAT | O_CLOEXEC;

    if (!path || !*path) {
        error_setg(errp, "file backend needs path=FILE");
        return false;
    }
    if (!chr_opt_bool(opts, "append", false, &append, errp)) {
        return false;
    }
    flags |= append ? O_APPEND : O_TRUNC;
    s->fd = open(path, flags, 0666);
    if (s->fd < 0) {
        error_setg_errno(errp, errno, "cannot open '%s'", path);
        return false;
    }
    chr->filename = g_strdup_printf("file:%s", path);
    return true;
}

static int file_chr_write(Chardev *chr, const uint8_t *buf, int len)
{
    return chardev_fd_write(CHARDEV_FILE(chr)->fd, buf, len);
}

static void file_chr_init(Object *obj)
{
    CHARDEV_FILE(obj)->fd = -1;
}

static void file_chr_finalize(Object *obj)
{
    FileChardev *s = CHARDEV_FILE(obj);

    if (s->fd >= 0) {
        close(s->fd);
    }
}

static void file_chr_class_init(ObjectClass *oc, const void *data)
{
    ChardevClass *cc = CHARDEV_CLASS(oc);

    cc->opts = file_opts;
    cc->open = file_chr_open;
    cc->chr_write = file_chr_write;
}

static const TypeInfo file_chr_type_info = {
    .name = TYPE_CHARDEV_FILE,
    .parent = TYPE_CHARDEV,
    .instance_size = sizeof(FileChardev),
    .instance_init = file_chr_init,
    .instance_finalize = file_chr_finalize,
    .class_init = file_chr_class_init,
};

static void register_types(void)
{
    type_register_static(&file_chr_type_info);
}

type_init(register_types)

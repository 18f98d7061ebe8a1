/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The pipe chardev (QEMU's): path=P uses the FIFOs P.in (input) and P.out
 * (output) if both exist, otherwise P itself for both directions.
 */
#include "qomu/osdep.h"
#include "chardev/char.h"
#include "chardev-internal.h"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

typedef struct PipeChardev {
    Chardev parent_obj;
    int fd_in;
    int fd_out;
} PipeChardev;

OBJECT_DECLARE_SIMPLE_TYPE(PipeChardev, CHARDEV_PIPE)

static const char *const pipe_opts[] = { "path", NULL };

static void pipe_chr_read(Chardev *chr)
{
    PipeChardev *s = CHARDEV_PIPE(chr);
    uint8_t buf[1024];
    int n = qemu_chr_be_can_write(chr);
    ssize_t got;

    if (n <= 0) {
        return;
    }
    got = read(s->fd_in, buf, MIN(n, (int)sizeof(buf)));
    if (got > 0) {
        qemu_chr_be_write(chr, buf, got);
    } else if (got == 0 || (errno != EINTR && errno != EAGAIN)) {
        /* The writer went away (or an error): stop polling. */
        chardev_io_watch_remove(chr);
    }
}

static bool pipe_chr_open(Chardev *chr, QDict *opts, bool *be_opened,
                          Error **errp)
{
    PipeChardev *s = CHARDEV_PIPE(chr);
    const char *path = chr_opt_str(opts, "path");
    g_autofree char *in = NULL;
    g_autofree char *out = NULL;

    if (!path || !*path) {
        error_setg(errp, "pipe backend needs path=PATH");
        return false;
    }
    in = g_strdup_printf("%s.in", path);
    out = g_strdup_printf("%s.out", path);
    s->fd_in = open(in, O_RDWR | O_NONBLOCK | O_CLOEXEC);
    s->fd_out = open(out, O_RDWR | O_CLOEXEC);
    if (s->fd_in < 0 || s->fd_out < 0) {
        if (s->fd_in >= 0) {
            close(s->fd_in);
        }
        if (s->fd_out >= 0) {
            close(s->fd_out);
        }
        s->fd_in = s->fd_out = open(path, O_RDWR | O_NONBLOCK | O_CLOEXEC);
        if (s->fd_in < 0) {
            error_setg_errno(errp, errno, "cannot open '%s' (nor '%s' and "
                             "'%s')", path, in, out);
            return false;
        }
    }
    chardev_io_watch_add(chr, s->fd_in, pipe_chr_read);
    chr->filename = g_strdup_printf("pipe:%s", path);
    return true;
}

static int pipe_chr_write(Chardev *chr, const uint8_t *buf, int len)
{
    return chardev_fd_write(CHARDEV_PIPE(chr)->fd_out, buf, len);
}

static void pipe_chr_init(Object *obj)
{
    PipeChardev *s = CHARDEV_PIPE(obj);

    s->fd_in = s->fd_out = -1;
}

static void pipe_chr_finalize(Object *obj)
{
    PipeChardev *s = CHARDEV_PIPE(obj);

    chardev_io_watch_remove(CHARDEV(obj));
    if (s->fd_out >= 0 && s->fd_out != s->fd_in) {
        close(s->fd_out);
    }
    if (s->fd_in >= 0) {
        close(s->fd_in);
    }
}

static void pipe_chr_class_init(ObjectClass *oc, const void *data)
{
    ChardevClass *cc = CHARDEV_CLASS(oc);

    cc->opts = pipe_opts;
    cc->open = pipe_chr_open;
    cc->chr_write = pipe_chr_write;
}

static const TypeInfo pipe_chr_type_info = {
    .name = TYPE_CHARDEV_PIPE,
    .parent = TYPE_CHARDEV,
    .instance_size = sizeof(PipeChardev),
    .instance_init = pipe_chr_init,
    .instance_finalize = pipe_chr_finalize,
    .class_init = pipe_chr_class_init,
};

static void register_types(void)
{
    type_register_static(&pipe_chr_type_info);
}

type_init(register_types)

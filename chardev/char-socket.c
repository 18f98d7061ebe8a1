/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The socket chardev: a Unix socket (path=) or TCP (host=, port=), as a
 * server (server=on: listen, one client at a time, wait=on blocks until
 * the first client) or a client (server=off: connect at creation).  A TCP
 * server binds to 127.0.0.1 unless host= says otherwise; port=0 picks a
 * free port (read it from the "addr" property).  Output while no client
 * is connected is discarded, as QEMU does.
 */
#include "qomu/osdep.h"
#include "qapi/error.h"
#include "chardev/char.h"
#include "chardev-internal.h"
#include "system/main-loop.h"

#include <glib-unix.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <unistd.h>

typedef struct SocketChardev {
    Chardev parent_obj;

    bool is_unix;
    bool is_listen;
    int listen_fd;
    int fd;                 /* the connection, or -1 */
    guint listen_tag;       /* accept watch, 0 if none */
    QEMUBH *hangup_bh;      /* disconnect found while writing */
    char *path;             /* Unix path (unlinked at close if server) */
    char *addr;             /* "127.0.0.1:4444" or the path */
} SocketChardev;

OBJECT_DECLARE_SIMPLE_TYPE(SocketChardev, CHARDEV_SOCKET)

static const char *const socket_opts[] = {
    "path", "host", "port", "server", "wait", "nodelay", NULL
};

static void tcp_chr_listen_watch(SocketChardev *s);

static void tcp_chr_disconnect(SocketChardev *s)
{
    Chardev *chr = CHARDEV(s);

    if (s->fd < 0) {
        return;
    }
    chardev_io_watch_remove(chr);
    close(s->fd);
    s->fd = -1;
    if (s->is_listen) {
        tcp_chr_listen_watch(s);
    }
    qemu_chr_be_event(chr, CHR_EVENT_CLOSED);
}

static void tcp_chr_hangup_bh(void *opaque)
{
    tcp_chr_disconnect(opaque);
}

static void tcp_chr_read(Chardev *chr)
{
    SocketChardev *s = CHARDEV_SOCKET(chr);
    uint8_t buf[4096];

    for (int rounds = 0; rounds < 64 && s->fd >= 0; rounds++) {
        int n = qemu_chr_be_can_write(chr);
        ssize_t got;

        if (n <= 0) {
            return;
        }
        got = recv(s->fd, buf, MIN(n, (int)sizeof(buf)), MSG_DONTWAIT);
        if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK ||
                        errno == EINTR)) {
            return;
        }
        if (got <= 0) {
            tcp_chr_disconnect(s);
            return;
        }
        qemu_chr_be_write(chr, buf, got);
    }
}

static void tcp_chr_connected(SocketChardev *s, int fd, bool send_event)
{
    Chardev *chr = CHARDEV(s);

    s->fd = fd;
    if (!s->is_unix) {
        int one = 1;

        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    }
    if (s->listen_tag) {
        /* One client at a time: others wait in the backlog. */
        g_source_remove(s->listen_tag);
        s->listen_tag = 0;
    }
    chardev_io_watch_add(chr, fd, tcp_chr_read);
    if (send_event) {
        qemu_chr_be_event(chr, CHR_EVENT_OPENED);
    }
}

static gboolean tcp_chr_accept(gint fd, GIOCondition cond, gpointer opaque)
{
    SocketChardev *s = opaque;
    int cfd = accept4(fd, NULL, NULL, SOCK_CLOEXEC);

    if (cfd < 0) {
        return G_SOURCE_CONTINUE;
    }
    /* tcp_chr_connected removes this watch: keep GLib from doing it too. */
    s->listen_tag = 0;
    tcp_chr_connected(s, cfd, true);
    return G_SOURCE_REMOVE;
}

static void tcp_chr_listen_watch(SocketChardev *s)
{
    if (!s->listen_tag && s->listen_fd >= 0) {
        s->listen_tag = g_unix_fd_add(s->listen_fd, G_IO_IN,
                                      tcp_chr_accept, s);
    }
}

static int unix_socket(const char *path, bool listen_, Error **errp)
{
    struct sockaddr_un un = { .sun_family = AF_UNIX };
    int fd;

    if (strlen(path) >= sizeof(un.sun_path)) {
        error_setg(errp, "socket path '%s' is too long (at most %zu bytes)",
                   path, sizeof(un.sun_path) - 1);
        return -1;
    }
    strcpy(un.sun_path, path);
    fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        error_setg_errno(errp, errno, "cannot create socket");
        return -1;
    }
    if (listen_) {
        unlink(path);
        if (bind(fd, (struct sockaddr *)&un, sizeof(un)) < 0 ||
            listen(fd, 1) < 0) {
            error_setg_errno(errp, errno, "cannot listen on '%s'", path);
            close(fd);
            return -1;
        }
    } else if (connect(fd, (struct sockaddr *)&un, sizeof(un)) < 0) {
        error_setg_errno(errp, errno, "cannot connect to '%s'", path);
        close(fd);
        return -1;
    }
    return fd;
}

static int inet_socket(const char *host, const char *port, bool listen_,
                       Error **errp)
{
    struct addrinfo hints = {
        .ai_family = AF_UNSPEC,
        .ai_socktype = SOCK_STREAM,
        .ai_flags = listen_ ? AI_PASSIVE : 0,
    };
    struct addrinfo *res, *ai;
    int err = 0, fd = -1;
    int ret;

    ret = getaddrinfo(host, port, &hints, &res);
    if (ret != 0) {
        error_setg(errp, "cannot resolve %s:%s: %s", host, port,
                   gai_strerror(ret));
        return -1;
    }
    for (ai = res; ai; ai = ai->ai_next) {
        int one = 1;

        fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC,
                    ai->ai_protocol);
        if (fd < 0) {
            err = errno;
            continue;
        }
        if (listen_) {
            setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
            if (bind(fd, ai->ai_addr, ai->ai_addrlen) == 0 &&
                listen(fd, 1) == 0) {
                break;
            }
        } else if (connect(fd, ai->ai_addr, ai->ai_addrlen) == 0) {
            break;
        }
        err = errno;
        close(fd);
        fd = -1;
    }
    freeaddrinfo(res);
    if (fd < 0) {
        error_setg(errp, "cannot %s %s:%s: %s",
                   listen_ ? "listen on" : "connect to", host, port,
                   g_strerror(err));
    }
    return fd;
}

static char *inet_local_addr(int fd)
{
    struct sockaddr_storage ss;
    socklen_t len = sizeof(ss);
    char host[NI_MAXHOST], serv[NI_MAXSERV];

    if (getsockname(fd, (struct sockaddr *)&ss, &len) < 0 ||
        getnameinfo((struct sockaddr *)&ss, len, host, sizeof(host), serv,
                    sizeof(serv), NI_NUMERICHOST | NI_NUMERICSERV) != 0) {
        return g_strdup("?");
    }
    if (ss.ss_family == AF_INET6) {
        return g_strdup_printf("[%s]:%s", host, serv);
    }
    return g_strdup_printf("%s:%s", host, serv);
}

static bool socket_chr_open(Chardev *chr, QDict *opts, bool *be_opened,
                            Error **errp)
{
    SocketChardev *s = CHARDEV_SOCKET(chr);
    const char *path = chr_opt_str(opts, "path");
    const char *host = chr_opt_str(opts, "host");
    const char *port = chr_opt_str(opts, "port");
    bool server, wait, nodelay;
    int fd;

    if (!chr_opt_bool(opts, "server", false, &server, errp) ||
        !chr_opt_bool(opts, "wait", true, &wait, errp) ||
        !chr_opt_bool(opts, "nodelay", true, &nodelay, errp)) {
        return false;
    }
    if (path && (host || port)) {
        error_setg(errp, "socket backend takes path= (Unix) or host=/port= "
                   "(TCP), not both");
        return false;
    }
    if (!path && !port) {
        error_setg(errp, "socket backend needs path= (Unix) or port= (TCP)");
        return false;
    }
    if (!server && qdict_haskey(opts, "wait")) {
        error_setg(errp, "wait= only makes sense with server=on");
        return false;
    }
    s->is_unix = path != NULL;
    s->is_listen = server;
    if (s->is_unix) {
        fd = unix_socket(path, server, errp);
        s->path = g_strdup(path);
    } else {
        fd = inet_socket(host && *host ? host :
                         (server ? "127.0.0.1" : "localhost"),
                         port, server, errp);
    }
    if (fd < 0) {
        return false;
    }
    s->addr = s->is_unix ? g_strdup(path) : inet_local_addr(fd);
    chr->filename = g_strdup_printf("%s:%s%s", s->is_unix ? "unix" : "tcp",
                                    s->addr, server ? ",server=on" : "");
    if (!server) {
        tcp_chr_connected(s, fd, false);
        return true;
    }
    s->listen_fd = fd;
    if (wait) {
        int cfd;

        info_report("waiting for connection on: %s", chr->filename);
        do {
            cfd = accept4(fd, NULL, NULL, SOCK_CLOEXEC);
        } while (cfd < 0 && errno == EINTR);
        if (cfd < 0) {
            error_setg_errno(errp, errno, "accept on %s failed", s->addr);
            return false;
        }
        tcp_chr_connected(s, cfd, false);
        return true;
    }
    *be_opened = false;
    tcp_chr_listen_watch(s);
    return true;
}

static int socket_chr_write(Chardev *chr, const uint8_t *buf, int len)
{
    SocketChardev *s = CHARDEV_SOCKET(chr);
    int offset = 0;

    if (s->fd < 0) {
        return len;
    }
    while (offset < len) {
        ssize_t ret = send(s->fd, buf + offset, len - offset, MSG_NOSIGNAL);

        if (ret < 0) {
            if (errno == EINTR) {
                continue;
            }
            if (errno == EAGAIN || errno == EWOULDBLOCK) {
                return offset;
            }
            /* The peer went away: drop the output, disconnect later. */
            qemu_bh_schedule(s->hangup_bh);
            return len;
        }
        offset += ret;
    }
    return offset;
}

static char *socket_chr_get_addr(Object *obj, Error **errp)
{
    SocketChardev *s = CHARDEV_SOCKET(obj);

    return g_strdup(s->addr ? s->addr : "");
}

static void socket_chr_init(Object *obj)
{
    SocketChardev *s = CHARDEV_SOCKET(obj);

    s->fd = -1;
    s->listen_fd = -1;
    s->hangup_bh = qemu_bh_new(tcp_chr_hangup_bh, s);
}

static void socket_chr_finalize(Object *obj)
{
    SocketChardev *s = CHARDEV_SOCKET(obj);

    chardev_io_watch_remove(CHARDEV(obj));
    if (s->listen_tag) {
        g_source_remove(s->listen_tag);
    }
    if (s->fd >= 0) {
        close(s->fd);
    }
    if (s->listen_fd >= 0) {
        close(s->listen_fd);
        if (s->is_unix) {
            unlink(s->path);
        }
    }
    qemu_bh_delete(s->hangup_bh);
    g_free(s->path);
    g_free(s->addr);
}

static void socket_chr_class_init(ObjectClass *oc, const void *data)
{
    ChardevClass *cc = CHARDEV_CLASS(oc);

    cc->opts = socket_opts;
    cc->open = socket_chr_open;
    cc->chr_write = socket_chr_write;
    object_class_property_add_str(oc, "addr", socket_chr_get_addr, NULL);
}

static const TypeInfo socket_chr_type_info = {
    .name = TYPE_CHARDEV_SOCKET,
    .parent = TYPE_CHARDEV,
    .instance_size = sizeof(SocketChardev),
    .instance_init = socket_chr_init,
    .instance_finalize = socket_chr_finalize,
    .class_init = socket_chr_class_init,
};

static void register_types(void)
{
    type_register_static(&socket_chr_type_info);
}

type_init(register_types)

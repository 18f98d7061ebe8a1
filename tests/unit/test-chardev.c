/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit tests for character devices (chardev/): creation and errors,
 * ringbuf, file, socket (Unix and TCP) round trips, backpressure, the mux
 * and its C-a commands, -serial spellings, stdio's terminal restore
 * through a pty, cleanup.
 */
#include "qomu/osdep.h"
#include "qomu/module.h"
#include "qomu/timer.h"
#include "qapi/error.h"
#include "qom/object.h"
#include "chardev/char-fe.h"
#include "chardev/char-mux.h"
#include "chardev/char-stdio.h"
#include "system/main-loop.h"
#include "system/runstate.h"

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <sys/stat.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <termios.h>
#include <unistd.h>

/* A frontend that records what it gets; budget < 0 means unlimited. */
typedef struct TestFE {
    CharBackend be;
    GString *rx;
    GString *events;
    int budget;
} TestFE;

static int fe_can_receive(void *opaque)
{
    TestFE *fe = opaque;

    return fe->budget < 0 ? 4096 : fe->budget;
}

static void fe_receive(void *opaque, const uint8_t *buf, int size)
{
    TestFE *fe = opaque;

    g_assert_true(fe->budget < 0 || size <= fe->budget);
    if (fe->budget >= 0) {
        fe->budget -= size;
    }
    g_string_append_len(fe->rx, (const char *)buf, size);
}

static void fe_event(void *opaque, QEMUChrEvent event)
{
    static const char *const names[] = {
        [CHR_EVENT_BREAK] = "break", [CHR_EVENT_OPENED] = "opened",
        [CHR_EVENT_MUX_IN] = "mux-in", [CHR_EVENT_MUX_OUT] = "mux-out",
        [CHR_EVENT_CLOSED] = "closed",
    };
    TestFE *fe = opaque;

    g_string_append_printf(fe->events, "%s ", names[event]);
}

static void fe_attach(TestFE *fe, Chardev *chr)
{
    fe->rx = g_string_new("");
    fe->events = g_string_new("");
    fe->budget = -1;
    g_assert_true(qemu_chr_fe_init(&fe->be, chr, &error_abort));
    qemu_chr_fe_set_handlers(&fe->be, fe_can_receive, fe_receive, fe_event,
                             NULL, fe, NULL, true);
}

static void fe_detach(TestFE *fe)
{
    qemu_chr_fe_deinit(&fe->be, false);
    g_string_free(fe->rx, true);
    g_string_free(fe->events, true);
}

/* Run the main loop until @cond or 5 s. */
#define LOOP_UNTIL(cond)                                                  \
    do {                                                                  \
        int64_t deadline_ = get_clock() + 5 * NANOSECONDS_PER_SECOND;    \
        while (!(cond) && get_clock() < deadline_) {                      \
            main_loop_wait_timeout(10 * SCALE_MS);                        \
        }                                                                 \
        g_assert_true(cond);                                              \
    } while (0)

static void spin_loop(int n)
{
    for (int i = 0; i < n; i++) {
        main_loop_wait_timeout(2 * SCALE_MS);
    }
}

static Chardev *chr_new(const char *opts)
{
    return qemu_chr_new_from_opts(opts, &error_abort);
}

static void check_error(const char *opts, const char *expected)
{
    Error *err = NULL;

    g_assert_null(qemu_chr_new_from_opts(opts, &err));
    g_assert_nonnull(err);
    if (!strstr(error_get_pretty(err), expected)) {
        g_error("'%s': got error '%s', expected '%s'", opts,
                error_get_pretty(err), expected);
    }
    g_assert_null(strchr(error_get_pretty(err), '\n'));
    error_free(err);
}

static void test_create_errors(void)
{
    Chardev *chr;

    check_error("bogus,id=c0",
                "unknown chardev backend 'bogus' (available: file, memory, "
                "null, pipe, ringbuf, socket, stdio)");
    check_error("mux,id=c0", "unknown chardev backend 'mux'");
    check_error("null", "parameter 'id' is missing");
    check_error("null,id=0abc", "invalid id '0abc'");
    check_error("file,id=f0", "chardev 'f0': file backend needs path=FILE");
    check_error("null,id=n0,path=/x",
                "invalid parameter 'path' for backend 'null'");
    check_error("socket,id=s0", "needs path= (Unix) or port= (TCP)");
    check_error("socket,id=s0,path=/tmp/x,port=4",
                "path= (Unix) or host=/port= (TCP), not both");
    check_error("socket,id=s0,path=/nonexistent/dir/sock,server=on,wait=off",
                "chardev 's0': cannot listen on '/nonexistent/dir/sock'");
    check_error("socket,id=s0,path=/nonexistent/sock",
                "cannot connect to '/nonexistent/sock'");
    check_error("ringbuf,id=r0,size=1000", "not a power of two");
    check_error("ringbuf,id=r0,mux=maybe", "'mux' expects 'on' or 'off'");
    check_error("file,id=f0,path=/nonexistent/dir/f",
                "cannot open '/nonexistent/dir/f'");

    chr = chr_new("null,id=dup");
    g_assert_nonnull(chr);
    check_error("ringbuf,id=dup", "chardev 'dup' already exists");
    check_error("ringbuf,id=dup,mux=on", "chardev 'dup' already exists");
    g_assert_true(qemu_chr_find("dup") == chr);
    g_assert_null(qemu_chr_find("r0"));
    g_assert_null(qemu_chr_find("f0"));
    qemu_chr_delete(chr);
    g_assert_null(qemu_chr_find("dup"));
}

static void test_ringbuf(void)
{
    Chardev *chr = chr_new("ringbuf,id=r0,size=8");
    g_autofree char *path = object_get_canonical_path(OBJECT(chr));
    TestFE fe = { 0 };
    Error *err = NULL;
    TestFE fe2 = { 0 };
    uint8_t buf[16];
    size_t n;

    g_assert_cmpstr(path, ==, "/chardevs/r0");
    g_assert_true(object_dynamic_cast(OBJECT(chr), TYPE_CHARDEV_RINGBUF));
    fe_attach(&fe, chr);
    g_assert_cmpstr(fe.events->str, ==, "opened ");
    g_assert_true(qemu_chr_fe_backend_open(&fe.be));

    /* One frontend per (non-mux) chardev. */
    g_assert_false(qemu_chr_fe_init(&fe2.be, chr, &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "already in use"));
    error_free(err);

    g_assert_cmpint(qemu_chr_fe_write_all(&fe.be, (const uint8_t *)"abc",
                                          3), ==, 3);
    g_assert_cmpint(qemu_chr_ringbuf_count(chr), ==, 3);
    n = qemu_chr_ringbuf_read(chr, buf, sizeof(buf));
    g_assert_cmpint(n, ==, 3);
    g_assert_cmpmem(buf, n, "abc", 3);
    g_assert_cmpint(qemu_chr_ringbuf_count(chr), ==, 0);

    /* Overflow keeps the newest bytes. */
    qemu_chr_fe_write(&fe.be, (const uint8_t *)"0123456789", 10);
    n = qemu_chr_ringbuf_read(chr, buf, sizeof(buf));
    g_assert_cmpmem(buf, n, "23456789", 8);

    fe_detach(&fe);
    g_assert_false(qemu_chr_fe_backend_connected(&fe.be));
    g_assert_cmpint(qemu_chr_fe_write(&fe.be, (const uint8_t *)"x", 1), ==,
                    0);

    /* "memory" is the same backend. */
    chr = chr_new("memory,id=m0");
    g_assert_true(object_dynamic_cast(OBJECT(chr), TYPE_CHARDEV_RINGBUF));
    qemu_chr_write_all(chr, (const uint8_t *)"hi", 2);
    g_assert_cmpint(qemu_chr_ringbuf_count(chr), ==, 2);
    chardev_cleanup_all();
    g_assert_null(qemu_chr_find("r0"));
    g_assert_null(qemu_chr_find("m0"));
}

static void test_file_null(void)
{
    g_autofree char *dir = g_dir_make_tmp("qomu-chr-XXXXXX", NULL);
    g_autofree char *path = g_build_filename(dir, "out.txt", NULL);
    g_autofree char *opts = g_strdup_printf("file,id=f0,path=%s", path);
    g_autofree char *opts2 = g_strdup_printf("file,id=f1,path=%s,append=on",
                                             path);
    g_autofree char *contents = NULL;
    Chardev *chr;
    TestFE fe = { 0 };

    chr = chr_new(opts);
    fe_attach(&fe, chr);
    qemu_chr_fe_write_all(&fe.be, (const uint8_t *)"hello\n", 6);
    fe_detach(&fe);
    qemu_chr_delete(chr);
    g_assert_true(g_file_get_contents(path, &contents, NULL, NULL));
    g_assert_cmpstr(contents, ==, "hello\n");
    g_free(g_steal_pointer(&contents));

    chr = chr_new(opts2);
    qemu_chr_write_all(chr, (const uint8_t *)"more\n", 5);
    qemu_chr_delete(chr);
    g_assert_true(g_file_get_contents(path, &contents, NULL, NULL));
    g_assert_cmpstr(contents, ==, "hello\nmore\n");
    g_free(g_steal_pointer(&contents));

    /* A new file chardev truncates. */
    chr = chr_new(opts);
    qemu_chr_write_all(chr, (const uint8_t *)"new", 3);
    chardev_cleanup_all();
    g_assert_true(g_file_get_contents(path, &contents, NULL, NULL));
    g_assert_cmpstr(contents, ==, "new");

    chr = chr_new("null,id=n0");
    g_assert_cmpint(qemu_chr_write_all(chr, (const uint8_t *)"zz", 2), ==, 2);
    g_assert_cmpint(qemu_chr_be_can_write(chr), ==, 0);
    chardev_cleanup_all();

    g_assert_cmpint(unlink(path), ==, 0);
    g_assert_cmpint(rmdir(dir), ==, 0);
}

static int unix_client(const char *path)
{
    struct sockaddr_un un = { .sun_family = AF_UNIX };
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);

    g_assert_cmpint(fd, >=, 0);
    g_strlcpy(un.sun_path, path, sizeof(un.sun_path));
    g_assert_cmpint(connect(fd, (struct sockaddr *)&un, sizeof(un)), ==, 0);
    return fd;
}

static int tcp_client(int port)
{
    struct sockaddr_in in = {
        .sin_family = AF_INET,
        .sin_port = htons(port),
        .sin_addr.s_addr = htonl(INADDR_LOOPBACK),
    };
    int fd = socket(AF_INET, SOCK_STREAM, 0);

    g_assert_cmpint(fd, >=, 0);
    g_assert_cmpint(connect(fd, (struct sockaddr *)&in, sizeof(in)), ==, 0);
    return fd;
}

static void read_exact(int fd, char *buf, size_t len)
{
    size_t got = 0;

    while (got < len) {
        ssize_t n = read(fd, buf + got, len - got);

        g_assert_cmpint(n, >, 0);
        got += n;
    }
}

static void test_pipe(void)
{
    g_autofree char *dir = g_dir_make_tmp("qomu-chr-XXXXXX", NULL);
    g_autofree char *base = g_build_filename(dir, "p", NULL);
    g_autofree char *in = g_strdup_printf("%s.in", base);
    g_autofree char *out = g_strdup_printf("%s.out", base);
    g_autofree char *spec = g_strdup_printf("pipe:%s", base);
    char buf[8] = { 0 };
    TestFE fe = { 0 };
    Chardev *chr;
    int win, rout;

    check_error("pipe,id=p0", "pipe backend needs path=PATH");
    g_assert_cmpint(mkfifo(in, 0600), ==, 0);
    g_assert_cmpint(mkfifo(out, 0600), ==, 0);
    chr = qemu_chr_new_serial("p0", spec, &error_abort);
    g_assert_true(object_dynamic_cast(OBJECT(chr), TYPE_CHARDEV_PIPE));
    fe_attach(&fe, chr);
    win = open(in, O_WRONLY);
    rout = open(out, O_RDONLY);
    g_assert_cmpint(win, >=, 0);
    g_assert_cmpint(rout, >=, 0);

    fe.budget = 0;
    g_assert_cmpint(write(win, "ping", 4), ==, 4);
    spin_loop(10);
    g_assert_cmpint(fe.rx->len, ==, 0);
    fe.budget = -1;
    qemu_chr_fe_accept_input(&fe.be);
    LOOP_UNTIL(fe.rx->len == 4);
    g_assert_cmpstr(fe.rx->str, ==, "ping");

    qemu_chr_fe_write_all(&fe.be, (const uint8_t *)"pong", 4);
    read_exact(rout, buf, 4);
    g_assert_cmpstr(buf, ==, "pong");

    close(win);
    close(rout);
    fe_detach(&fe);
    chardev_cleanup_all();
    g_assert_cmpint(unlink(in), ==, 0);
    g_assert_cmpint(unlink(out), ==, 0);
    g_assert_cmpint(rmdir(dir), ==, 0);
}

/* Client @cfd connected to @chr (attached to @fe): a round trip. */
static void round_trip(TestFE *fe, int cfd)
{
    char buf[8] = { 0 };

    LOOP_UNTIL(strstr(fe->events->str, "opened"));
    g_assert_true(qemu_chr_fe_backend_open(&fe->be));
    g_assert_cmpint(write(cfd, "hello", 5), ==, 5);
    LOOP_UNTIL(fe->rx->len == 5);
    g_assert_cmpstr(fe->rx->str, ==, "hello");
    g_assert_cmpint(qemu_chr_fe_write_all(&fe->be, (const uint8_t *)"world",
                                          5), ==, 5);
    read_exact(cfd, buf, 5);
    g_assert_cmpstr(buf, ==, "world");
}

static void test_socket_unix(void)
{
    g_autofree char *dir = g_dir_make_tmp("qomu-chr-XXXXXX", NULL);
    g_autofree char *path = g_build_filename(dir, "sock", NULL);
    g_autofree char *opts = g_strdup_printf(
        "socket,id=s0,path=%s,server=on,wait=off", path);
    g_autofree char *addr = NULL;
    TestFE fe = { 0 };
    Chardev *chr = chr_new(opts);
    int cfd;

    fe_attach(&fe, chr);
    /* Nobody connected yet: not open, output dropped. */
    g_assert_cmpstr(fe.events->str, ==, "");
    g_assert_false(qemu_chr_fe_backend_open(&fe.be));
    g_assert_cmpint(qemu_chr_fe_write(&fe.be, (const uint8_t *)"lost", 4),
                    ==, 4);
    addr = object_property_get_str(OBJECT(chr), "addr", &error_abort);
    g_assert_cmpstr(addr, ==, path);

    cfd = unix_client(path);
    round_trip(&fe, cfd);

    /* The client leaves; the server takes the next one. */
    close(cfd);
    LOOP_UNTIL(strstr(fe.events->str, "closed"));
    g_assert_false(qemu_chr_fe_backend_open(&fe.be));
    g_string_truncate(fe.events, 0);
    g_string_truncate(fe.rx, 0);
    cfd = unix_client(path);
    round_trip(&fe, cfd);
    close(cfd);

    fe_detach(&fe);
    chardev_cleanup_all();
    /* The server's socket file is removed with it. */
    g_assert_false(g_file_test(path, G_FILE_TEST_EXISTS));
    g_assert_cmpint(rmdir(dir), ==, 0);
}

static gpointer late_client_thread(gpointer data)
{
    const char *path = data;
    struct sockaddr_un un = { .sun_family = AF_UNIX };
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);

    g_strlcpy(un.sun_path, path, sizeof(un.sun_path));
    for (int i = 0; i < 500; i++) {
        g_usleep(10000);
        if (connect(fd, (struct sockaddr *)&un, sizeof(un)) == 0) {
            return GINT_TO_POINTER(fd);
        }
    }
    close(fd);
    return GINT_TO_POINTER(-1);
}

static void test_socket_wait(void)
{
    g_autofree char *dir = g_dir_make_tmp("qomu-chr-XXXXXX", NULL);
    g_autofree char *path = g_build_filename(dir, "sock", NULL);
    g_autofree char *opts = g_strdup_printf(
        "socket,id=w0,path=%s,server=on", path);
    TestFE fe = { 0 };
    GThread *th;
    Chardev *chr;
    int cfd;

    /* wait=on (the default for a server): creation returns connected. */
    th = g_thread_new("client", late_client_thread, path);
    chr = chr_new(opts);
    cfd = GPOINTER_TO_INT(g_thread_join(th));
    g_assert_cmpint(cfd, >=, 0);
    fe_attach(&fe, chr);
    g_assert_cmpstr(fe.events->str, ==, "opened ");
    round_trip(&fe, cfd);
    close(cfd);
    fe_detach(&fe);
    chardev_cleanup_all();
    g_assert_cmpint(rmdir(dir), ==, 0);
}

static void test_socket_tcp(void)
{
    g_autofree char *addr = NULL;
    g_autofree char *opts = NULL;
    g_autofree char *opts2 = NULL;
    TestFE fe = { 0 }, fe2 = { 0 };
    Chardev *chr = chr_new("socket,id=t0,port=0,server=on,wait=off");
    Chardev *client;
    Error *err = NULL;
    int port, cfd, lfd;
    struct sockaddr_in in = { .sin_family = AF_INET };
    socklen_t len = sizeof(in);

    addr = object_property_get_str(OBJECT(chr), "addr", &error_abort);
    g_assert_true(g_str_has_prefix(addr, "127.0.0.1:"));
    port = atoi(addr + strlen("127.0.0.1:"));
    g_assert_cmpint(port, >, 0);
    fe_attach(&fe, chr);
    cfd = tcp_client(port);
    round_trip(&fe, cfd);
    close(cfd);

    /* The port is taken. */
    opts = g_strdup_printf("socket,id=t1,port=%d,server=on,wait=off", port);
    g_assert_null(qemu_chr_new_from_opts(opts, &err));
    g_assert_nonnull(strstr(error_get_pretty(err), "cannot listen on "
                            "127.0.0.1:"));
    g_assert_nonnull(strstr(error_get_pretty(err), "in use"));
    error_free(err);
    g_assert_null(qemu_chr_find("t1"));

    /* Client mode: connects to the test's listening socket. */
    lfd = socket(AF_INET, SOCK_STREAM, 0);
    in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    g_assert_cmpint(bind(lfd, (struct sockaddr *)&in, sizeof(in)), ==, 0);
    g_assert_cmpint(listen(lfd, 1), ==, 0);
    g_assert_cmpint(getsockname(lfd, (struct sockaddr *)&in, &len), ==, 0);
    opts2 = g_strdup_printf("socket,id=t2,host=127.0.0.1,port=%d",
                            ntohs(in.sin_port));
    client = chr_new(opts2);
    cfd = accept(lfd, NULL, NULL);
    g_assert_cmpint(cfd, >=, 0);
    fe_attach(&fe2, client);
    g_assert_cmpstr(fe2.events->str, ==, "opened ");
    round_trip(&fe2, cfd);
    close(cfd);
    LOOP_UNTIL(strstr(fe2.events->str, "closed"));
    close(lfd);

    fe_detach(&fe);
    fe_detach(&fe2);
    chardev_cleanup_all();
}

static void test_backpressure(void)
{
    g_autofree char *dir = g_dir_make_tmp("qomu-chr-XXXXXX", NULL);
    g_autofree char *path = g_build_filename(dir, "sock", NULL);
    g_autofree char *opts = g_strdup_printf(
        "socket,id=s0,path=%s,server=on,wait=off", path);
    TestFE fe = { 0 };
    Chardev *chr = chr_new(opts);
    int cfd;

    fe_attach(&fe, chr);
    cfd = unix_client(path);
    LOOP_UNTIL(strstr(fe.events->str, "opened"));

    /* The guest's FIFO is full: nothing is read, nothing is lost. */
    fe.budget = 0;
    g_assert_cmpint(write(cfd, "abcdefgh", 8), ==, 8);
    spin_loop(20);
    g_assert_cmpint(fe.rx->len, ==, 0);

    /* Room for 3: exactly 3 come in after accept_input. */
    fe.budget = 3;
    qemu_chr_fe_accept_input(&fe.be);
    LOOP_UNTIL(fe.rx->len == 3);
    spin_loop(10);
    g_assert_cmpstr(fe.rx->str, ==, "abc");

    /* Then the rest, in order. */
    fe.budget = 100;
    qemu_chr_fe_accept_input(&fe.be);
    LOOP_UNTIL(fe.rx->len == 8);
    g_assert_cmpstr(fe.rx->str, ==, "abcdefgh");

    close(cfd);
    fe_detach(&fe);
    chardev_cleanup_all();
    g_assert_cmpint(rmdir(dir), ==, 0);
}

static void mux_input(Chardev *base, const char *s)
{
    /* As the shared backend would deliver it, within what it can take. */
    size_t len = strlen(s);

    for (size_t i = 0; i < len; i++) {
        g_assert_cmpint(qemu_chr_be_can_write(base), >, 0);
        qemu_chr_be_write(base, (const uint8_t *)s + i, 1);
    }
}

static char *ringbuf_take(Chardev *chr)
{
    size_t n = qemu_chr_ringbuf_count(chr);
    char *s = g_malloc0(n + 1);

    qemu_chr_ringbuf_read(chr, (uint8_t *)s, n);
    return s;
}

static void test_mux(void)
{
    Chardev *mux = chr_new("ringbuf,id=m0,mux=on");
    Chardev *base = qemu_chr_find("m0-base");
    TestFE mon = { 0 }, serial = { 0 };
    g_autofree char *help = NULL;
    g_autofree char *out = NULL;
    g_autofree char *quit = NULL;

    runstate_cleanup();
    g_assert_nonnull(base);
    g_assert_true(object_dynamic_cast(OBJECT(mux), TYPE_CHARDEV_MUX));

    /* The last frontend to set handlers has the focus. */
    fe_attach(&mon, mux);
    fe_attach(&serial, mux);
    g_assert_cmpstr(mon.events->str, ==, "mux-in opened mux-out ");
    g_assert_cmpstr(serial.events->str, ==, "mux-in opened ");
    g_string_truncate(mon.events, 0);
    g_string_truncate(serial.events, 0);

    mux_input(base, "ls\r");
    g_assert_cmpstr(serial.rx->str, ==, "ls\r");
    g_assert_cmpstr(mon.rx->str, ==, "");

    /* C-a c: the monitor gets the input. */
    mux_input(base, "\001cinfo\r");
    g_assert_cmpstr(mon.rx->str, ==, "info\r");
    g_assert_cmpstr(serial.rx->str, ==, "ls\r");
    g_assert_cmpstr(serial.events->str, ==, "mux-out ");
    g_assert_cmpstr(mon.events->str, ==, "mux-in ");

    /* Again: back to the serial port. */
    mux_input(base, "\001cz");
    g_assert_cmpstr(serial.rx->str, ==, "ls\rz");

    /* C-a C-a sends one C-a; C-a b a break. */
    mux_input(base, "\001\001\001b");
    g_assert_cmpstr(serial.rx->str, ==, "ls\rz\001");
    g_assert_nonnull(strstr(serial.events->str, "break"));

    /* Both frontends' output goes out. */
    qemu_chr_fe_write_all(&serial.be, (const uint8_t *)"S", 1);
    qemu_chr_fe_write_all(&mon.be, (const uint8_t *)"M", 1);
    out = ringbuf_take(base);
    g_assert_cmpstr(out, ==, "SM");

    /* C-a h: help on the shared output. */
    mux_input(base, "\001h");
    help = ringbuf_take(base);
    g_assert_nonnull(strstr(help, "C-a h    print this help"));
    g_assert_nonnull(strstr(help, "C-a x    exit emulator"));
    g_assert_nonnull(strstr(help, "C-a c    switch between console and "
                            "monitor"));
    g_assert_nonnull(strstr(help, "C-a C-a  sends C-a"));
    g_assert_cmpstr(serial.rx->str, ==, "ls\rz\001");

    /* Backpressure through the mux: a slow guest loses nothing. */
    serial.budget = 0;
    mux_input(base, "12345");
    g_assert_cmpstr(serial.rx->str, ==, "ls\rz\001");
    serial.budget = 2;
    qemu_chr_fe_accept_input(&serial.be);
    g_assert_cmpstr(serial.rx->str, ==, "ls\rz\00112");
    serial.budget = -1;
    qemu_chr_fe_accept_input(&serial.be);
    g_assert_cmpstr(serial.rx->str, ==, "ls\rz\00112345");

    /* C-a x: quit. */
    g_assert_cmpint(qemu_shutdown_requested_get(), ==, SHUTDOWN_CAUSE_NONE);
    mux_input(base, "\001x");
    g_assert_cmpint(qemu_shutdown_requested_get(), ==, SHUTDOWN_CAUSE_HOST_UI);
    quit = ringbuf_take(base);
    g_assert_cmpstr(quit, ==, "qomu: Terminated\n\r");

    /* Detaching the focused frontend moves the focus. */
    fe_detach(&serial);
    mux_input(base, "q");
    g_assert_cmpstr(mon.rx->str, ==, "info\rq");

    fe_detach(&mon);
    chardev_cleanup_all();
    runstate_cleanup();
}

static void test_mux_too_many(void)
{
    Chardev *mux = chr_new("null,id=m1,mux=on");
    TestFE fe[MAX_MUX] = { 0 };
    CharBackend extra = { 0 };
    Error *err = NULL;

    for (int i = 0; i < MAX_MUX; i++) {
        fe_attach(&fe[i], mux);
    }
    g_assert_false(qemu_chr_fe_init(&extra, mux, &err));
    g_assert_nonnull(strstr(error_get_pretty(err),
                            "too many uses of multiplexed chardev 'm1'"));
    error_free(err);
    for (int i = 0; i < MAX_MUX; i++) {
        fe_detach(&fe[i]);
    }
    chardev_cleanup_all();
}

static Chardev *hooked;

static bool monitor_hook(Chardev *chr, Error **errp)
{
    hooked = chr;
    return true;
}

static void check_serial_error(const char *spec, const char *expected)
{
    Error *err = NULL;

    g_assert_null(qemu_chr_new_serial("serialX", spec, &err));
    g_assert_nonnull(err);
    if (!strstr(error_get_pretty(err), expected)) {
        g_error("'%s': got error '%s', expected '%s'", spec,
                error_get_pretty(err), expected);
    }
    error_free(err);
    g_assert_null(qemu_chr_find("serialX"));
}

static void test_serial_spec(void)
{
    g_autofree char *dir = g_dir_make_tmp("qomu-chr-XXXXXX", NULL);
    g_autofree char *file = g_build_filename(dir, "log", NULL);
    g_autofree char *sock = g_build_filename(dir, "sock", NULL);
    g_autofree char *fspec = g_strdup_printf("file:%s", file);
    g_autofree char *uspec = g_strdup_printf("unix:%s,server,nowait", sock);
    g_autofree char *addr = NULL;
    Error *err = NULL;
    Chardev *chr;
    int cfd;
    TestFE fe = { 0 };

    chr = qemu_chr_new_serial("serial0", "null", &error_abort);
    g_assert_true(object_dynamic_cast(OBJECT(chr), TYPE_CHARDEV_NULL));
    g_assert_true(qemu_chr_find("serial0") == chr);

    g_assert_null(qemu_chr_new_serial("serial1", "none", &err));
    g_assert_null(err);

    chr = qemu_chr_new_serial("serial1", fspec, &error_abort);
    g_assert_true(object_dynamic_cast(OBJECT(chr), TYPE_CHARDEV_FILE));
    qemu_chr_write_all(chr, (const uint8_t *)"x", 1);
    g_assert_true(g_file_test(file, G_FILE_TEST_EXISTS));

    chr = qemu_chr_new_serial("serial2", uspec, &error_abort);
    g_assert_true(object_dynamic_cast(OBJECT(chr), TYPE_CHARDEV_SOCKET));
    fe_attach(&fe, chr);
    cfd = unix_client(sock);
    round_trip(&fe, cfd);
    close(cfd);
    fe_detach(&fe);

    chr = qemu_chr_new_serial("serial3", "tcp::0,server,nowait",
                              &error_abort);
    addr = object_property_get_str(OBJECT(chr), "addr", &error_abort);
    g_assert_true(g_str_has_prefix(addr, "127.0.0.1:"));

    /* telnet: is taken as raw TCP (with a warning). */
    chr = qemu_chr_new_serial("serial5", "telnet:127.0.0.1:0,server,nowait",
                              &error_abort);
    g_assert_true(object_dynamic_cast(OBJECT(chr), TYPE_CHARDEV_SOCKET));

    g_assert_true(qemu_chr_new_serial("x", "chardev:serial0", &error_abort) ==
                  qemu_chr_find("serial0"));

    /* mon: a mux with the monitor attached through the hook. */
    qemu_chr_set_monitor_hook(monitor_hook);
    chr = qemu_chr_new_serial("serial4", "mon:ringbuf", &error_abort);
    g_assert_true(object_dynamic_cast(OBJECT(chr), TYPE_CHARDEV_MUX));
    g_assert_true(hooked == chr);
    g_assert_nonnull(qemu_chr_find("serial4-base"));
    qemu_chr_set_monitor_hook(NULL);

    check_serial_error("bogus", "'bogus' is not a valid character device "
                       "(expected stdio, null, none, file:PATH");
    check_serial_error("file:", "missing file name");
    check_serial_error("unix:", "missing socket path");
    check_serial_error("pipe:", "missing path after 'pipe:'");
    check_serial_error("tcp:nohostport", "expected tcp:[HOST]:PORT");
    check_serial_error("unix:/tmp/x,frob", "unknown socket option 'frob'");
    check_serial_error("chardev:nope", "no chardev with id 'nope'");
    check_serial_error("mux", "is not a valid character device");

    chardev_cleanup_all();
    g_assert_cmpint(unlink(file), ==, 0);
    g_assert_cmpint(rmdir(dir), ==, 0);
}

/*
 * stdio's terminal restore, through a pty: a child with the pty as its
 * stdin/stdout opens a stdio chardev (raw mode), reports what it saw,
 * and leaves by @how; the parent checks the pty's settings afterwards.
 */
enum { EXIT_NORMAL, EXIT_ERROR, EXIT_ABORT, EXIT_SIGTERM, EXIT_ORDERLY };

static void stdio_child(int slave, int report, int how)
{
    struct termios t;
    char r;
    Chardev *chr;

    dup2(slave, 0);
    dup2(slave, 1);
    if (how == EXIT_ORDERLY) {
        os_setup_signal_handling();
    }
    chr = qemu_chr_new_from_opts("stdio,id=con", NULL);
    tcgetattr(0, &t);
    r = chr && !(t.c_lflag & (ICANON | ECHO)) && (t.c_lflag & ISIG) ? 'R'
                                                                     : 'N';
    if (write(report, &r, 1) != 1) {
        _exit(99);
    }
    switch (how) {
    case EXIT_NORMAL:
        exit(0);
    case EXIT_ERROR:
        error_report("simulated fatal error");
        exit(1);
    case EXIT_ABORT:
        abort();
    case EXIT_SIGTERM:
        raise(SIGTERM);
        _exit(98);
    case EXIT_ORDERLY: {
        /* The parent sends SIGTERM; the main loop shuts down. */
        int status = qemu_main_loop();

        chardev_cleanup_all();
        exit(status == 0 ? 42 : 97);
    }
    }
    _exit(96);
}

static void check_stdio_exit(int how, int want_status, int want_signal)
{
    int master, slave, pipefd[2];
    struct termios before, after;
    pid_t pid;
    int status;
    char r = 0;

    g_assert_cmpint(openpty(&master, &slave, NULL, NULL, NULL), ==, 0);
    g_assert_cmpint(pipe(pipefd), ==, 0);
    g_assert_cmpint(tcgetattr(slave, &before), ==, 0);
    g_assert_true(before.c_lflag & ICANON);
    pid = fork();
    g_assert_cmpint(pid, >=, 0);
    if (pid == 0) {
        close(master);
        close(pipefd[0]);
        stdio_child(slave, pipefd[1], how);
    }
    close(pipefd[1]);
    g_assert_cmpint(read(pipefd[0], &r, 1), ==, 1);
    g_assert_cmpint(r, ==, 'R');
    if (how == EXIT_ORDERLY) {
        g_usleep(20000);
        kill(pid, SIGTERM);
    }
    g_assert_cmpint(waitpid(pid, &status, 0), ==, pid);
    if (want_signal) {
        g_assert_true(WIFSIGNALED(status));
        g_assert_cmpint(WTERMSIG(status), ==, want_signal);
    } else {
        g_assert_true(WIFEXITED(status));
        g_assert_cmpint(WEXITSTATUS(status), ==, want_status);
    }
    g_assert_cmpint(tcgetattr(slave, &after), ==, 0);
    g_assert_cmphex(after.c_lflag, ==, before.c_lflag);
    g_assert_cmphex(after.c_iflag, ==, before.c_iflag);
    g_assert_cmphex(after.c_oflag, ==, before.c_oflag);
    g_assert_cmphex(after.c_cflag, ==, before.c_cflag);
    close(pipefd[0]);
    close(master);
    close(slave);
}

static void test_stdio_restore_exit(void)
{
    check_stdio_exit(EXIT_NORMAL, 0, 0);
    check_stdio_exit(EXIT_ERROR, 1, 0);
}

static void test_stdio_restore_signals(void)
{
    check_stdio_exit(EXIT_ABORT, 0, SIGABRT);
    check_stdio_exit(EXIT_SIGTERM, 0, SIGTERM);
    check_stdio_exit(EXIT_ORDERLY, 42, 0);
}

static bool tty_is_raw(int fd)
{
    struct termios t;

    g_assert_cmpint(tcgetattr(fd, &t), ==, 0);
    return !(t.c_lflag & (ICANON | ECHO));
}

/* Wait (5 s at most) until the pty is in raw mode again. */
static bool wait_tty_raw(int fd)
{
    int64_t deadline = get_clock() + 5 * NANOSECONDS_PER_SECOND;

    while (!tty_is_raw(fd)) {
        if (get_clock() > deadline) {
            return false;
        }
        g_usleep(1000);
    }
    return true;
}

/*
 * Job control through a pty: SIGTSTP (Ctrl-Z) gives the terminal back in
 * its own mode and stops; SIGCONT takes raw mode back.  After a SIGSTOP
 * with the terminal reset behind our back (as a shell does), SIGCONT
 * takes raw mode back too.  The child is in its own process group, so
 * the group is not orphaned and the stop is not discarded.
 */
static void test_stdio_stop_cont(void)
{
    int master, slave, report[2], go[2];
    struct termios before, now;
    pid_t pid;
    int status;
    char r = 0;

    g_assert_cmpint(openpty(&master, &slave, NULL, NULL, NULL), ==, 0);
    g_assert_cmpint(pipe(report), ==, 0);
    g_assert_cmpint(pipe(go), ==, 0);
    g_assert_cmpint(tcgetattr(slave, &before), ==, 0);
    pid = fork();
    g_assert_cmpint(pid, >=, 0);
    if (pid == 0) {
        Chardev *chr;

        setpgid(0, 0);
        close(master);
        close(report[0]);
        close(go[1]);
        dup2(slave, 0);
        dup2(slave, 1);
        chr = qemu_chr_new_from_opts("stdio,id=con", NULL);
        r = chr && tty_is_raw(0) ? 'R' : 'N';
        if (write(report[1], &r, 1) != 1 || read(go[0], &r, 1) != 1) {
            _exit(99);
        }
        r = tty_is_raw(0) ? 'R' : 'N';
        if (write(report[1], &r, 1) != 1) {
            _exit(98);
        }
        chardev_cleanup_all();
        exit(0);
    }
    close(report[1]);
    close(go[0]);
    g_assert_cmpint(read(report[0], &r, 1), ==, 1);
    g_assert_cmpint(r, ==, 'R');
    g_assert_true(tty_is_raw(slave));

    /* Ctrl-Z: stopped, with the terminal as it was before raw mode. */
    g_assert_cmpint(kill(pid, SIGTSTP), ==, 0);
    g_assert_cmpint(waitpid(pid, &status, WUNTRACED), ==, pid);
    g_assert_true(WIFSTOPPED(status));
    g_assert_cmpint(WSTOPSIG(status), ==, SIGTSTP);
    g_assert_cmpint(tcgetattr(slave, &now), ==, 0);
    g_assert_cmphex(now.c_lflag, ==, before.c_lflag);
    g_assert_cmphex(now.c_iflag, ==, before.c_iflag);
    g_assert_cmphex(now.c_oflag, ==, before.c_oflag);

    /* fg: raw again. */
    g_assert_cmpint(kill(pid, SIGCONT), ==, 0);
    g_assert_true(wait_tty_raw(slave));

    /* SIGSTOP (not seen), the "shell" resets the terminal, SIGCONT. */
    g_assert_cmpint(kill(pid, SIGSTOP), ==, 0);
    g_assert_cmpint(waitpid(pid, &status, WUNTRACED), ==, pid);
    g_assert_true(WIFSTOPPED(status));
    g_assert_cmpint(tcsetattr(slave, TCSANOW, &before), ==, 0);
    g_assert_false(tty_is_raw(slave));
    g_assert_cmpint(kill(pid, SIGCONT), ==, 0);
    g_assert_true(wait_tty_raw(slave));

    /* A second Ctrl-Z works as the first (the handler is back). */
    g_assert_cmpint(kill(pid, SIGTSTP), ==, 0);
    g_assert_cmpint(waitpid(pid, &status, WUNTRACED), ==, pid);
    g_assert_true(WIFSTOPPED(status));
    g_assert_false(tty_is_raw(slave));
    g_assert_cmpint(kill(pid, SIGCONT), ==, 0);
    g_assert_true(wait_tty_raw(slave));

    /* The child saw raw mode too, and its exit restores the terminal. */
    g_assert_cmpint(write(go[1], "g", 1), ==, 1);
    g_assert_cmpint(read(report[0], &r, 1), ==, 1);
    g_assert_cmpint(r, ==, 'R');
    g_assert_cmpint(waitpid(pid, &status, 0), ==, pid);
    g_assert_true(WIFEXITED(status));
    g_assert_cmpint(WEXITSTATUS(status), ==, 0);
    g_assert_cmpint(tcgetattr(slave, &now), ==, 0);
    g_assert_cmphex(now.c_lflag, ==, before.c_lflag);
    g_assert_cmphex(now.c_iflag, ==, before.c_iflag);
    close(report[0]);
    close(go[1]);
    close(master);
    close(slave);
}

static void echo_upper(void *opaque, const uint8_t *buf, int size)
{
    CharBackend *be = opaque;

    for (int i = 0; i < size; i++) {
        uint8_t c = g_ascii_toupper(buf[i]);

        qemu_chr_fe_write_all(be, &c, 1);
    }
}

static int echo_can_receive(void *opaque)
{
    return 16;
}

/* Read from @fd into @seen until @needle shows up (10 s at most). */
static void pty_read_until(int fd, GString *seen, const char *needle)
{
    int64_t deadline = get_clock() + 10 * NANOSECONDS_PER_SECOND;

    while (!strstr(seen->str, needle)) {
        struct pollfd pfd = { .fd = fd, .events = POLLIN };
        char buf[64];
        ssize_t n;

        g_assert_cmpint(get_clock(), <, deadline);
        if (poll(&pfd, 1, 100) <= 0) {
            continue;
        }
        n = read(fd, buf, sizeof(buf));
        g_assert_cmpint(n, >, 0);
        g_string_append_len(seen, buf, n);
    }
}

/*
 * -nographic end to end: stdio (a pty) behind a mux, a frontend that
 * echoes in upper case, the main loop; C-a x typed on the terminal quits
 * and the terminal comes back.
 */
static void test_stdio_mux_pty(void)
{
    int master, slave;
    struct termios before, after;
    GString *seen = g_string_new("");
    pid_t pid;
    int status;

    g_assert_cmpint(openpty(&master, &slave, NULL, NULL, NULL), ==, 0);
    tcgetattr(slave, &before);
    pid = fork();
    g_assert_cmpint(pid, >=, 0);
    if (pid == 0) {
        CharBackend be = { 0 };
        Chardev *chr;
        int ret;

        close(master);
        dup2(slave, 0);
        dup2(slave, 1);
        os_setup_signal_handling();
        chr = qemu_chr_new_serial("serial0", "mon:stdio", NULL);
        if (!chr || !qemu_chr_fe_init(&be, chr, NULL)) {
            _exit(90);
        }
        qemu_chr_fe_set_handlers(&be, echo_can_receive, echo_upper, NULL,
                                 NULL, &be, NULL, true);
        qemu_chr_fe_write_all(&be, (const uint8_t *)"ready\n", 6);
        ret = qemu_main_loop();
        qemu_chr_fe_deinit(&be, false);
        chardev_cleanup_all();
        exit(ret == 0 ? 43 : 91);
    }

    /* Wait until the child is in raw mode and running. */
    pty_read_until(master, seen, "ready");
    g_assert_cmpint(write(master, "ab", 2), ==, 2);
    /* Raw mode: no echo of "ab" by the tty, only the frontend's "AB". */
    pty_read_until(master, seen, "AB");
    g_assert_null(strstr(seen->str, "ab"));
    g_assert_cmpint(write(master, "\001x", 2), ==, 2);
    pty_read_until(master, seen, "Terminated");
    g_assert_cmpint(waitpid(pid, &status, 0), ==, pid);
    g_assert_true(WIFEXITED(status));
    g_assert_cmpint(WEXITSTATUS(status), ==, 43);
    tcgetattr(slave, &after);
    g_assert_cmphex(after.c_lflag, ==, before.c_lflag);
    g_assert_cmphex(after.c_iflag, ==, before.c_iflag);
    g_string_free(seen, true);
    close(master);
    close(slave);
}

static void test_stdio_raw_functions(void)
{
    int master, slave;
    struct termios before, raw, after;

    g_assert_cmpint(openpty(&master, &slave, NULL, NULL, NULL), ==, 0);
    tcgetattr(slave, &before);
    g_assert_true(qemu_chr_stdio_term_raw(slave, false));
    tcgetattr(slave, &raw);
    g_assert_false(raw.c_lflag & (ICANON | ECHO | ISIG));
    g_assert_false(raw.c_iflag & ICRNL);
    g_assert_cmpint(raw.c_cflag & CSIZE, ==, CS8);
    qemu_chr_stdio_term_restore();
    qemu_chr_stdio_term_restore();
    tcgetattr(slave, &after);
    g_assert_cmphex(after.c_lflag, ==, before.c_lflag);
    g_assert_cmphex(after.c_iflag, ==, before.c_iflag);
    /* Not a terminal. */
    g_assert_false(qemu_chr_stdio_term_raw(-1, true));
    close(master);
    close(slave);
}

static void test_cleanup_leaves_nothing(void)
{
    long before = object_live_count();
    TestFE fe = { 0 };
    Chardev *mux;

    chr_new("ringbuf,id=a");
    chr_new("null,id=b");
    mux = chr_new("null,id=c,mux=on");
    fe_attach(&fe, mux);
    g_assert_cmpint(object_live_count(), >, before);
    chardev_cleanup_all();
    /* The frontend was detached by the mux going away. */
    g_assert_false(qemu_chr_fe_backend_connected(&fe.be));
    g_string_free(fe.rx, true);
    g_string_free(fe.events, true);
    g_assert_null(qemu_chr_find("a"));
    g_assert_null(qemu_chr_find("c-base"));
    g_assert_cmpint(object_live_count(), <=, before);
}

int main(int argc, char **argv)
{
    int ret;

    g_test_init(&argc, &argv, NULL);
    module_call_init(MODULE_INIT_QOM);
    qemu_init_main_loop(&error_abort);
    g_test_add_func("/chardev/create/errors", test_create_errors);
    g_test_add_func("/chardev/ringbuf", test_ringbuf);
    g_test_add_func("/chardev/file-null", test_file_null);
    g_test_add_func("/chardev/pipe", test_pipe);
    g_test_add_func("/chardev/socket/unix", test_socket_unix);
    g_test_add_func("/chardev/socket/tcp", test_socket_tcp);
    g_test_add_func("/chardev/socket/wait", test_socket_wait);
    g_test_add_func("/chardev/backpressure", test_backpressure);
    g_test_add_func("/chardev/mux/commands", test_mux);
    g_test_add_func("/chardev/mux/too-many", test_mux_too_many);
    g_test_add_func("/chardev/serial-spec", test_serial_spec);
    g_test_add_func("/chardev/stdio/raw-functions", test_stdio_raw_functions);
    g_test_add_func("/chardev/stdio/restore-exit", test_stdio_restore_exit);
    g_test_add_func("/chardev/stdio/restore-signals",
                    test_stdio_restore_signals);
    g_test_add_func("/chardev/stdio/mux-pty", test_stdio_mux_pty);
    g_test_add_func("/chardev/stdio/stop-cont", test_stdio_stop_cont);
    g_test_add_func("/chardev/cleanup", test_cleanup_leaves_nothing);
    ret = g_test_run();
    chardev_cleanup_all();
    runstate_cleanup();
    qemu_main_loop_cleanup();
    object_root_cleanup();
    return ret;
}

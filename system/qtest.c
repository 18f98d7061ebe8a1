/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qtest.c: the qtest-style test protocol on a chardev (QEMU's
 * system/qtest.c line protocol, so QEMU-style device tests port over).
 * Commands and answers are in docs/devel/qtest.md.
 */
#include "qomu/osdep.h"
#include "qapi/error.h"
#include "qomu/cutils.h"
#include "qomu/timer.h"
#include "chardev/char.h"
#include "chardev/char-fe.h"
#include "exec/address-spaces.h"
#include "exec/memory.h"
#include "hw/irq.h"
#include "hw/qdev-core.h"
#include "qom/object.h"
#include "system/qtest.h"

/* read / write / memset / b64read move at most this much at once. */
#define QTEST_MAX_BUF (16 * 1024 * 1024)

/* One intercepted line: the original target, and the level last seen. */
typedef struct QTestIRQ {
    int n;
    int level;
    bool is_out;
    qemu_irq old_out; /* out: where the line went */
    IRQState *in;     /* in: the line whose handler we took */
    qemu_irq_handler old_handler;
    void *old_opaque;
} QTestIRQ;

static bool qtest_on;
static CharBackend qtest_chr;
static bool qtest_has_chr;
static GString *qtest_inbuf;
static GString *qtest_capture; /* qtest_process_line() output */
static DeviceState *irq_intercept_dev;
static GPtrArray *qtest_irqs;

bool qtest_enabled(void)
{
    return qtest_on;
}

static void qtest_send(const char *str)
{
    if (qtest_capture) {
        g_string_append(qtest_capture, str);
    } else if (qtest_has_chr) {
        qemu_chr_fe_write_all(&qtest_chr, (const uint8_t *)str, strlen(str));
    }
}

static void qtest_sendf(const char *fmt, ...) G_GNUC_PRINTF(1, 2);

static void qtest_sendf(const char *fmt, ...)
{
    g_autofree char *s = NULL;
    va_list ap;

    va_start(ap, fmt);
    s = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    qtest_send(s);
}

static void qtest_irq_changed(QTestIRQ *q, int level)
{
    level = !!level;
    if (q->level != level) {
        q->level = level;
        qtest_sendf("IRQ %s %d\n", level ? "raise" : "lower", q->n);
    }
}

static void qtest_irq_out_handler(void *opaque, int n, int level)
{
    QTestIRQ *q = opaque;

    qemu_set_irq(q->old_out, level);
    qtest_irq_changed(q, level);
}

static void qtest_irq_in_handler(void *opaque, int n, int level)
{
    QTestIRQ *q = opaque;

    if (q->old_handler) {
        q->old_handler(q->old_opaque, n, level);
    }
    qtest_irq_changed(q, level);
}

static void qtest_irq_free(gpointer p)
{
    QTestIRQ *q = p;

    if (q->old_out) {
        object_unref(OBJECT(q->old_out));
    }
    g_free(q);
}

/* Parse a number the way QEMU's qtest does (0x.., decimal, octal). */
static bool parse_u64(const char *s, uint64_t *v, Error **errp)
{
    if (!s || qemu_strtou64(s, NULL, 0, v) < 0) {
        error_setg(errp, "invalid number '%.64s'", s ? s : "");
        return false;
    }
    return true;
}

static bool parse_i64(const char *s, int64_t *v, Error **errp)
{
    if (!s || qemu_strtoi64(s, NULL, 0, v) < 0) {
        error_setg(errp, "invalid number '%.64s'", s ? s : "");
        return false;
    }
    return true;
}

static int word_count(char **words)
{
    return g_strv_length(words);
}

static bool need_args(char **words, int n, const char *usage, Error **errp)
{
    if (word_count(words) != n + 1) {
        error_setg(errp, "usage: %s", usage);
        return false;
    }
    return true;
}

static bool mem_rw(uint64_t addr, void *buf, uint64_t len, bool write,
                   Error **errp)
{
    MemTxResult r = address_space_rw(&address_space_memory, addr,
                                     MEMTXATTRS_UNSPECIFIED, buf, len, write);

    if (r != MEMTX_OK) {
        error_setg(errp, "bus error at 0x%" PRIx64, addr);
        return false;
    }
    return true;
}

static bool check_len(uint64_t len, Error **errp)
{
    if (len > QTEST_MAX_BUF) {
        error_setg(errp, "size %" PRIu64 " too large (at most %d)", len,
                   QTEST_MAX_BUF);
        return false;
    }
    return true;
}

static int access_size(const char *cmd)
{
    switch (cmd[strlen(cmd) - 1]) {
    case 'b':
        return 1;
    case 'w':
        return 2;
    case 'l':
        return 4;
    case 'q':
        return 8;
    }
    return 0;
}

static DeviceState *find_device(const char *path, Error **errp)
{
    Object *obj = object_resolve_path(path, NULL);
    DeviceState *dev;

    if (!obj) {
        error_setg(errp, "Unknown QOM path '%.200s'", path);
        return NULL;
    }
    dev = (DeviceState *)object_dynamic_cast(obj, TYPE_DEVICE);
    if (!dev) {
        error_setg(errp, "'%.200s' is not a device", path);
        return NULL;
    }
    return dev;
}

/* The GPIO list named @name (NULL: unnamed), without creating one. */
static NamedGPIOList *find_gpios(DeviceState *dev, const char *name)
{
    for (NamedGPIOList *l = dev->gpios; l; l = l->next) {
        if (!g_strcmp0(l->name, name)) {
            return l;
        }
    }
    return NULL;
}

static void cmd_irq_intercept(char **words, Error **errp)
{
    bool out = !strcmp(words[0], "irq_intercept_out");
    int nw = word_count(words);
    const char *name = nw > 2 ? words[2] : NULL;
    DeviceState *dev;
    NamedGPIOList *l;

    if (nw < 2 || nw > 3) {
        error_setg(errp, "usage: %s QOM-PATH [NAME]", words[0]);
        return;
    }
    dev = find_device(words[1], errp);
    if (!dev) {
        return;
    }
    if (irq_intercept_dev) {
        if (irq_intercept_dev == dev) {
            qtest_send("OK\n");
        } else {
            error_setg(errp, "Interception already enabled");
        }
        return;
    }
    l = find_gpios(dev, name);
    if (!l || (out ? l->num_out : l->num_in) == 0) {
        error_setg(errp, "'%.200s' has no %s GPIO lines%s%.64s", words[1],
                   out ? "output" : "input", name ? " named " : "",
                   name ? name : "");
        return;
    }
    if (!qtest_irqs) {
        qtest_irqs = g_ptr_array_new_with_free_func(qtest_irq_free);
    }
    if (out) {
        for (int i = 0; i < l->num_out; i++) {
            QTestIRQ *q = g_new0(QTestIRQ, 1);
            qemu_irq icpt;

            q->n = i;
            q->is_out = true;
            q->old_out = *l->out[i];
            if (q->old_out) {
                object_ref(OBJECT(q->old_out));
            }
            icpt = qemu_allocate_irq(qtest_irq_out_handler, q, i);
            qdev_connect_gpio_out_named(dev, l->name, i, icpt);
            object_unref(OBJECT(icpt)); /* the device holds it now */
            g_ptr_array_add(qtest_irqs, q);
        }
    } else {
        for (int i = 0; i < l->num_in; i++) {
            QTestIRQ *q = g_new0(QTestIRQ, 1);

            q->n = i;
            q->in = l->in[i];
            q->old_handler = q->in->handler;
            q->old_opaque = q->in->opaque;
            q->in->handler = qtest_irq_in_handler;
            q->in->opaque = q;
            g_ptr_array_add(qtest_irqs, q);
        }
    }
    irq_intercept_dev = dev;
    qtest_send("OK\n");
}

static void cmd_set_irq_in(char **words, Error **errp)
{
    const char *name;
    DeviceState *dev;
    NamedGPIOList *l;
    int64_t n, level;

    if (!need_args(words, 4, "set_irq_in QOM-PATH NAME N LEVEL", errp)) {
        return;
    }
    dev = find_device(words[1], errp);
    if (!dev || !parse_i64(words[3], &n, errp) ||
        !parse_i64(words[4], &level, errp)) {
        return;
    }
    name = strcmp(words[2], "unnamed") ? words[2] : NULL;
    l = find_gpios(dev, name);
    if (!l || n < 0 || n >= l->num_in) {
        error_setg(errp, "'%.200s' has no input line %.64s[%" PRId64 "]",
                   words[1], words[2], n);
        return;
    }
    qemu_set_irq(l->in[n], level);
    qtest_send("OK\n");
}

static void cmd_clock(char **words, Error **errp)
{
    int64_t now = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
    int64_t dest;

    if (!strcmp(words[0], "clock_set")) {
        if (!need_args(words, 1, "clock_set NS", errp) ||
            !parse_i64(words[1], &dest, errp)) {
            return;
        }
    } else if (word_count(words) == 1) {
        int64_t deadline = qemu_clock_deadline_ns_all(QEMU_CLOCK_VIRTUAL);

        dest = deadline < 0 ? now : now + deadline;
    } else {
        int64_t step;

        if (!need_args(words, 1, "clock_step [NS]", errp) ||
            !parse_i64(words[1], &step, errp)) {
            return;
        }
        if (step < 0 || step > INT64_MAX - now) {
            error_setg(errp, "clock_step %.64s: expected 0 to %" PRId64,
                       words[1], INT64_MAX - now);
            return;
        }
        dest = now + step;
    }
    qtest_sendf("OK %" PRIi64 "\n", qemu_clock_advance_virtual_time(dest));
}

static void cmd_readwrite(char **words, Error **errp)
{
    int size = access_size(words[0]);
    bool write = words[0][0] == 'w';
    uint8_t buf[8] = {0};
    uint64_t addr, value = 0;

    if (write ? !need_args(words, 2, "writeX ADDR VALUE", errp)
              : !need_args(words, 1, "readX ADDR", errp)) {
        return;
    }
    if (!parse_u64(words[1], &addr, errp) ||
        (write && !parse_u64(words[2], &value, errp))) {
        return;
    }
    if (write) {
        for (int i = 0; i < size; i++) {
            buf[i] = value >> (8 * i);
        }
        if (mem_rw(addr, buf, size, true, errp)) {
            qtest_send("OK\n");
        }
        return;
    }
    if (!mem_rw(addr, buf, size, false, errp)) {
        return;
    }
    for (int i = size - 1; i >= 0; i--) {
        value = (value << 8) | buf[i];
    }
    qtest_sendf("OK 0x%016" PRIx64 "\n", value);
}

static void cmd_read_buf(char **words, Error **errp)
{
    bool b64 = !strcmp(words[0], "b64read");
    g_autofree uint8_t *buf = NULL;
    uint64_t addr, len;

    if (!need_args(words, 2, "read ADDR SIZE", errp) ||
        !parse_u64(words[1], &addr, errp) || !parse_u64(words[2], &len, errp) ||
        !check_len(len, errp)) {
        return;
    }
    buf = g_malloc0(len ? len : 1);
    if (!mem_rw(addr, buf, len, false, errp)) {
        return;
    }
    if (b64) {
        g_autofree char *enc = g_base64_encode(buf, len);

        qtest_sendf("OK %s\n", enc);
    } else {
        g_autoptr(GString) hex = g_string_sized_new(2 * len + 8);

        g_string_append(hex, "OK 0x");
        for (uint64_t i = 0; i < len; i++) {
            g_string_append_printf(hex, "%02x", buf[i]);
        }
        g_string_append_c(hex, '\n');
        qtest_send(hex->str);
    }
}

static void cmd_write_buf(char **words, Error **errp)
{
    bool b64 = !strcmp(words[0], "b64write");
    bool set = !strcmp(words[0], "memset");
    g_autofree uint8_t *buf = NULL;
    uint64_t addr, len, value;

    if (!need_args(words, 3,
                   set ? "memset ADDR SIZE VALUE" : "write ADDR SIZE 0xDATA",
                   errp) ||
        !parse_u64(words[1], &addr, errp) || !parse_u64(words[2], &len, errp) ||
        !check_len(len, errp)) {
        return;
    }
    buf = g_malloc0(len ? len : 1);
    if (set) {
        if (!parse_u64(words[3], &value, errp)) {
            return;
        }
        memset(buf, value & 0xff, len);
    } else if (b64) {
        gsize dlen = 0;
        g_autofree guchar *data = g_base64_decode(words[3], &dlen);

        memcpy(buf, data, MIN(dlen, len));
    } else {
        const char *hex = words[3];

        if (hex[0] != '0' || (hex[1] != 'x' && hex[1] != 'X')) {
            error_setg(errp, "data must start with 0x");
            return;
        }
        hex += 2;
        for (uint64_t i = 0; i < len && hex[2 * i] && hex[2 * i + 1]; i++) {
            int hi = g_ascii_xdigit_value(hex[2 * i]);
            int lo = g_ascii_xdigit_value(hex[2 * i + 1]);

            if (hi < 0 || lo < 0) {
                error_setg(errp, "invalid hex data at byte %" PRIu64, i);
                return;
            }
            buf[i] = hi << 4 | lo;
        }
    }
    if (mem_rw(addr, buf, len, true, errp)) {
        qtest_send("OK\n");
    }
}

static void qtest_process_command(const char *line)
{
    g_auto(GStrv) words = NULL;
    Error *err = NULL;
    const char *cmd;

    words = g_strsplit_set(line, " \t", -1);
    /* Drop the empty words of repeated spaces. */
    {
        int j = 0;

        for (int i = 0; words[i]; i++) {
            if (words[i][0]) {
                words[j++] = words[i];
            } else {
                g_free(words[i]);
            }
        }
        words[j] = NULL;
    }
    if (!words[0]) {
        return;
    }
    cmd = words[0];
    if (!strcmp(cmd, "readb") || !strcmp(cmd, "readw") ||
        !strcmp(cmd, "readl") || !strcmp(cmd, "readq") ||
        !strcmp(cmd, "writeb") || !strcmp(cmd, "writew") ||
        !strcmp(cmd, "writel") || !strcmp(cmd, "writeq")) {
        cmd_readwrite(words, &err);
    } else if (!strcmp(cmd, "read") || !strcmp(cmd, "b64read")) {
        cmd_read_buf(words, &err);
    } else if (!strcmp(cmd, "write") || !strcmp(cmd, "b64write") ||
               !strcmp(cmd, "memset")) {
        cmd_write_buf(words, &err);
    } else if (!strcmp(cmd, "clock_step") || !strcmp(cmd, "clock_set")) {
        cmd_clock(words, &err);
    } else if (!strcmp(cmd, "irq_intercept_in") ||
               !strcmp(cmd, "irq_intercept_out")) {
        cmd_irq_intercept(words, &err);
    } else if (!strcmp(cmd, "set_irq_in")) {
        cmd_set_irq_in(words, &err);
    } else if (!strcmp(cmd, "endianness")) {
        qtest_send("OK little\n");
    } else {
        qtest_sendf("FAIL Unknown command '%.64s'\n", cmd);
        return;
    }
    if (err) {
        qtest_sendf("FAIL %s\n", error_get_pretty(err));
        error_free(err);
    }
}

char *qtest_process_line(const char *line)
{
    GString *old = qtest_capture;
    GString *out = g_string_new(NULL);

    qtest_capture = out;
    qtest_process_command(line);
    qtest_capture = old;
    return g_string_free(out, FALSE);
}

static int qtest_can_read(void *opaque)
{
    return 4096;
}

static void qtest_read(void *opaque, const uint8_t *buf, int size)
{
    char *nl;

    g_string_append_len(qtest_inbuf, (const char *)buf, size);
    while ((nl = memchr(qtest_inbuf->str, '\n', qtest_inbuf->len))) {
        g_autofree char *line =
            g_strndup(qtest_inbuf->str, nl - qtest_inbuf->str);
        size_t l = strlen(line);

        if (l && line[l - 1] == '\r') {
            line[l - 1] = '\0';
        }
        g_string_erase(qtest_inbuf, 0, nl - qtest_inbuf->str + 1);
        qtest_process_command(line);
    }
    if (qtest_inbuf->len > QTEST_MAX_BUF * 3) {
        qtest_send("FAIL line too long\n");
        g_string_truncate(qtest_inbuf, 0);
    }
}

static void qtest_event(void *opaque, QEMUChrEvent event)
{
    if (event == CHR_EVENT_CLOSED || event == CHR_EVENT_OPENED) {
        g_string_truncate(qtest_inbuf, 0);
    }
}

bool qtest_server_init(const char *spec, Error **errp)
{
    Chardev *chr = qemu_chr_new_serial("qtest", spec, errp);

    if (!chr) {
        if (errp && !*errp) {
            error_setg(errp, "-qtest needs a backend, not 'none'");
        }
        return false;
    }
    if (!qemu_chr_fe_init(&qtest_chr, chr, errp)) {
        return false;
    }
    if (!icount_enabled() && !icount_configure(0, errp)) {
        qemu_chr_fe_deinit(&qtest_chr, false);
        return false;
    }
    qtest_has_chr = true;
    qtest_on = true;
    qtest_inbuf = g_string_new(NULL);
    qemu_chr_fe_set_handlers(&qtest_chr, qtest_can_read, qtest_read,
                             qtest_event, NULL, NULL, NULL, true);
    return true;
}

void qtest_server_cleanup(void)
{
    if (qtest_has_chr) {
        qemu_chr_fe_deinit(&qtest_chr, false);
        qtest_has_chr = false;
    }
    if (qtest_irqs) {
        g_ptr_array_free(qtest_irqs, TRUE);
        qtest_irqs = NULL;
    }
    if (qtest_inbuf) {
        g_string_free(qtest_inbuf, TRUE);
        qtest_inbuf = NULL;
    }
    irq_intercept_dev = NULL;
    qtest_on = false;
}

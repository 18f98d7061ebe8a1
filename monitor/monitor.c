/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * monitor.c: human monitors on chardevs: input through the line editor,
 * output with "\n" -> "\r\n", the banner and prompt on open / mux focus,
 * error_report() redirected into the monitor while a command runs, and
 * the hook that puts a monitor on a "mon:" mux.
 */
#include "qomu/osdep.h"
#include "qapi/error.h"
#include "chardev/char.h"
#include "chardev/char-fe.h"
#include "monitor/hmp.h"
#include "monitor/monitor.h"
#include "monitor-internal.h"

#define MONITOR_PROMPT "(qemu) "

static GPtrArray *monitors;
static Monitor *cur_mon;

Monitor *monitor_cur(void)
{
    return cur_mon;
}

void monitor_puts(Monitor *mon, const char *str)
{
    g_autoptr(GString) out = NULL;

    if (!mon) {
        fputs(str, stdout);
        return;
    }
    if (!mon->has_chr) {
        g_string_append(mon->capture, str);
        return;
    }
    out = g_string_sized_new(strlen(str) + 16);
    for (const char *p = str; *p; p++) {
        if (*p == '\n') {
            g_string_append_c(out, '\r');
        }
        g_string_append_c(out, *p);
    }
    qemu_chr_fe_write_all(&mon->chr, (const uint8_t *)out->str, out->len);
}

int monitor_printf(Monitor *mon, const char *fmt, ...)
{
    g_autofree char *s = NULL;
    va_list ap;

    va_start(ap, fmt);
    s = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    monitor_puts(mon, s);
    return strlen(s);
}

/* The line editor's output is already terminal text: no translation. */
static void monitor_readline_print(void *opaque, const char *str)
{
    Monitor *mon = opaque;

    if (mon->has_chr) {
        qemu_chr_fe_write_all(&mon->chr, (const uint8_t *)str, strlen(str));
    }
}

static void monitor_error_print(void *opaque, const char *msg)
{
    monitor_puts(opaque, msg);
}

/* Run @line with errors and monitor_cur() pointing at @mon. */
static void monitor_run_line(Monitor *mon, const char *line)
{
    Monitor *old_mon = cur_mon;
    void *old_opaque;
    ErrorPrintFunc old_fn;

    cur_mon = mon;
    old_fn = error_set_print_func(monitor_error_print, mon, &old_opaque);
    hmp_handle_line(mon, line);
    error_set_print_func(old_fn, old_opaque, NULL);
    cur_mon = old_mon;
}

static void monitor_readline_line(void *opaque, const char *line)
{
    Monitor *mon = opaque;

    monitor_run_line(mon, line);
    if (!mon->quitting) {
        readline_show_prompt(mon->rs);
    }
}

/*
 * Commands run synchronously inside monitor_read(), so a whole buffer of
 * typed or pasted input can be taken at once (QEMU takes one byte per
 * main-loop pass; here the main loop only runs between CPU slices).
 */
static int monitor_can_read(void *opaque)
{
    Monitor *mon = opaque;

    return mon->quitting ? 0 : 4096;
}

static void monitor_read(void *opaque, const uint8_t *buf, int size)
{
    Monitor *mon = opaque;

    for (int i = 0; i < size && !mon->quitting; i++) {
        readline_handle_byte(mon->rs, buf[i]);
    }
}

static void monitor_show_banner(Monitor *mon)
{
    if (!mon->banner_shown) {
        monitor_printf(mon,
                       "QOMU %s monitor - type 'help' for more "
                       "information\n",
                       QOMU_VERSION);
        mon->banner_shown = true;
    }
}

static void monitor_event(void *opaque, QEMUChrEvent event)
{
    Monitor *mon = opaque;

    /*
     * On a mux the monitor speaks up when the user switches to it
     * (Ctrl-A c), not while the serial console owns the terminal.
     */
    if (mon->attaching) {
        return;
    }
    switch (event) {
    case CHR_EVENT_OPENED:
        readline_restart(mon->rs);
        if (mon->on_mux) {
            break;
        }
        mon->banner_shown = false;
        monitor_show_banner(mon);
        readline_show_prompt(mon->rs);
        break;
    case CHR_EVENT_MUX_IN:
        monitor_show_banner(mon);
        readline_show_prompt(mon->rs);
        break;
    case CHR_EVENT_CLOSED:
        readline_restart(mon->rs);
        break;
    default:
        break;
    }
}

Monitor *monitor_init_hmp(Chardev *chr, Error **errp)
{
    Monitor *mon = g_new0(Monitor, 1);

    if (!qemu_chr_fe_init(&mon->chr, chr, errp)) {
        g_free(mon);
        return NULL;
    }
    mon->has_chr = true;
    mon->on_mux = object_dynamic_cast(OBJECT(chr), TYPE_CHARDEV_MUX) != NULL;
    mon->last_format = 'x';
    mon->last_size = 4;
    mon->rs = readline_new(monitor_readline_print, monitor_readline_line,
                           hmp_complete, mon);
    readline_set_prompt(mon->rs, MONITOR_PROMPT);
    if (!monitors) {
        monitors = g_ptr_array_new();
    }
    g_ptr_array_add(monitors, mon);

    mon->attaching = true;
    qemu_chr_fe_set_handlers(&mon->chr, monitor_can_read, monitor_read,
                             monitor_event, NULL, mon, NULL, true);
    mon->attaching = false;
    if (!mon->on_mux && chr->be_open) {
        monitor_show_banner(mon);
        readline_show_prompt(mon->rs);
    }
    return mon;
}

static void monitor_free(Monitor *mon)
{
    if (mon->has_chr) {
        qemu_chr_fe_deinit(&mon->chr, false);
    }
    readline_free(mon->rs);
    if (mon->capture) {
        g_string_free(mon->capture, TRUE);
    }
    g_free(mon);
}

void monitor_cleanup(void)
{
    if (!monitors) {
        return;
    }
    for (guint i = 0; i < monitors->len; i++) {
        monitor_free(g_ptr_array_index(monitors, i));
    }
    g_ptr_array_free(monitors, TRUE);
    monitors = NULL;
}

static bool monitor_mux_hook(Chardev *chr, Error **errp)
{
    return monitor_init_hmp(chr, errp) != NULL;
}

void monitor_init_globals(void)
{
    qemu_chr_set_monitor_hook(monitor_mux_hook);
}

bool monitor_init_from_spec(const char *spec, Error **errp)
{
    Chardev *chr;
    Error *err = NULL;

    if (!strcmp(spec, "none")) {
        return true;
    }
    chr = qemu_chr_new_serial("monitor0", spec, &err);
    if (!chr) {
        if (err) {
            error_propagate(errp, err);
            return false;
        }
        return true;
    }
    if (g_str_has_prefix(spec, "mon:")) {
        return true; /* the hook attached the monitor to the mux */
    }
    return monitor_init_hmp(chr, errp) != NULL;
}

char *hmp_human_monitor_command(const char *cmdline)
{
    Monitor mon = {
        .capture = g_string_new(NULL),
        .last_format = 'x',
        .last_size = 4,
    };

    monitor_run_line(&mon, cmdline);
    return g_string_free(mon.capture, FALSE);
}

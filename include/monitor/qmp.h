/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * qmp.h: the QEMU Machine Protocol (QMP), the JSON monitor, as QEMU
 * speaks it (docs/interop/qmp-spec.rst): greeting, capability
 * negotiation, {"execute": ...} commands answered with {"return": ...} or
 * {"error": {"class", "desc"}}, and asynchronous events.
 *
 * The commands live in monitor/qmp-cmds.c (table QMP_COMMANDS); see
 * docs/devel/qmp.md for how to add one.
 *
 * Differences from QEMU: no QAPI schema or generated marshallers (each
 * command checks its arguments against a short spec string), commands
 * always run synchronously (exec-oob is accepted once "oob" is enabled
 * but runs in order), one QMP endpoint (-qmp), no query-qmp-schema.
 * Events whose cause qomu's run state does not report (see qmp.c) use
 * the cause QMP itself requested, or what the main loop was seen asking
 * for.
 */
#ifndef MONITOR_QMP_H
#define MONITOR_QMP_H

#include "qomu/osdep.h"
#include "qapi/error.h"
#include "qobject/qdict.h"

/**
 * QmpCommandFunc: a command's implementation.
 * @args: the checked arguments (never NULL; keys as QEMU names them).
 * Returns: the value for "return" (a new reference; an empty QDict for
 * commands that return nothing), or NULL with @errp set.
 */
typedef QObject *QmpCommandFunc(QDict *args, Error **errp);

/**
 * QmpCommand: one command.
 * @name: QEMU's command name ("qom-get").
 * @args: the arguments, space-separated "name:T" with T one of s (string),
 * b (bool), i (64-bit signed integer), a (any JSON value); a leading '?' marks
 * an optional argument; a lone "*" allows any further arguments (device_add).
 * @fn: the implementation.
 */
typedef struct QmpCommand {
    const char *name;
    const char *args;
    QmpCommandFunc *fn;
} QmpCommand;

/** qmp_commands: the command table, ended by a NULL name (qmp-cmds.c). */
extern const QmpCommand qmp_commands[];

/**
 * qmp_init_from_spec: -qmp DEV: a QMP monitor on "unix:PATH,server,nowait",
 * "tcp:[HOST]:PORT,server,nowait", "stdio", "chardev:ID" or any other
 * -serial spelling ("none": no monitor).  Clients may come and go on a
 * server socket; each new one gets the greeting.
 * Returns: true on success.
 */
bool qmp_init_from_spec(const char *spec, Error **errp);

/**
 * qmp_cleanup: send SHUTDOWN if it is still owed, then detach and free
 * every QMP monitor (at exit, before the chardevs are deleted).
 */
void qmp_cleanup(void);

/**
 * qmp_event_send: send event @name with @data (taken over; NULL for no
 * "data") and a timestamp to every client that has negotiated
 * capabilities.
 */
void qmp_event_send(const char *name, QDict *data);

/**
 * qmp_event_send_after_answer: the same, but sent after the answer to the
 * command now running (for events QEMU sends asynchronously, such as
 * DEVICE_DELETED, so that clients see QEMU's order).  Outside a command
 * the event goes out with the next answer or at qmp_cleanup().
 */
void qmp_event_send_after_answer(const char *name, QDict *data);

/**
 * qmp_note_shutdown_cause / qmp_note_reset_cause: record the cause of a
 * shutdown / reset request that is about to be made, for the SHUTDOWN /
 * RESET event (qomu's run state does not hand the cause to listeners).
 * @cause: a ShutdownCause.
 */
void qmp_note_shutdown_cause(int cause);
void qmp_note_reset_cause(int cause);

/**
 * qmp_execute_json: run one request @json as a negotiated client would
 * (for tests) and return the answer as JSON text.  Events are not
 * captured.  Returns: a new string for g_free().
 */
char *qmp_execute_json(const char *json);

#endif /* MONITOR_QMP_H */

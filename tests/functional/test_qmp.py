#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""test_qmp.py: QMP, the JSON monitor, end to end.

Usage: test_qmp.py QOMU_BINARY [QEMU_BINARY]

Prints TAP.  Starts qomu on the virt board with -qmp on a Unix socket (and
on stdio and TCP) and checks: the greeting and capability negotiation;
request shape errors and malformed JSON followed by a good command; every
command with good and bad arguments (wrong types, missing and unknown
arguments, unknown paths, huge numbers, %n and unicode strings); events
on stop / cont / system_reset / system_powerdown / quit; device_add and
device_del of edu on pcie.0 with DEVICE_DELETED; a qom-list / qom-get
walk of every property of every object under /machine; reconnecting
clients.  Then the same session against qemu-system-riscv64 (QEMU_BINARY,
default from PATH): the key sets of the answers must match.  Without
QEMU that part is reported as a TAP SKIP line, never silently.
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from qmp import QMPClient, QMPError, QMPMachine  # noqa: E402

# A guest that runs: a busy loop (addi t0, t0, 1; j .-4) as the firmware.
LOOP_FW = os.path.join(tempfile.mkdtemp(prefix='qomu-fw-'), 'loop.bin')
with open(LOOP_FW, 'wb') as _f:
    _f.write(bytes.fromhex('93821200' '6ff0dfff'))

results = []


def check(name, ok, diag=''):
    results.append((name, bool(ok), diag, None))
    return ok


def skip(name, why):
    results.append((name, True, '', why))


def machine(binary, args=(), stopped=False):
    return QMPMachine(binary, ['-M', 'virt'] + (['-S'] if stopped else []) +
                      list(args), bios=LOOP_FW)


def alive(q):
    """The session still answers, with the right id."""
    try:
        return 'return' in q.request('query-status')
    except Exception:
        return False


def finish(vm, name):
    """quit: the emulator exits with status 0 and nothing on stderr (under
    a sanitizer build this catches leaks and memory errors of the run)."""
    vm.qmp.cmd('quit')
    status, _, err = vm.wait()
    check('%s: clean exit after quit' % name, status == 0 and not err,
          'status %s: %s' % (status, err[-2000:]))


# Guest-made shutdown and reset: sifive_test (the finisher) at 0x100000.
#   lui t0, 0x100; lui t1, HI; addi t1, t1, LO; sw t1, 0(t0); j .
def finisher_fw(value):
    hi, lo = value >> 12, value & 0xfff
    words = [0x001002b7, (hi << 12) | 0x337, (lo << 20) | 0x30313,
             0x0062a023, 0x0000006f]
    path = os.path.join(os.path.dirname(LOOP_FW), 'fin-%x.bin' % value)
    with open(path, 'wb') as f:
        for w in words:
            f.write(w.to_bytes(4, 'little'))
    return path


def guest_events(binary):
    with QMPMachine(binary, ['-M', 'virt', '-S', '-no-shutdown'],
                    bios=finisher_fw(0x5555)) as vm:
        q = vm.qmp
        q.negotiate()
        q.cmd('cont')
        ev = q.wait_event('SHUTDOWN')
        check('guest shutdown (finisher 0x5555): SHUTDOWN guest-shutdown',
              ev.get('data') == {'guest': True, 'reason': 'guest-shutdown'},
              repr(ev))
        check('-no-shutdown keeps the emulator',
              q.cmd('query-status')['status'] == 'shutdown')
        finish(vm, 'guest shutdown')
    with QMPMachine(binary, ['-M', 'virt', '-S'],
                    bios=finisher_fw(0x7777)) as vm:
        q = vm.qmp
        q.negotiate()
        q.cmd('cont')
        ev = q.wait_event('RESET')
        check('guest reset (finisher 0x7777): RESET guest-reset',
              ev.get('data') == {'guest': True, 'reason': 'guest-reset'},
              repr(ev))
        q.cmd('stop')
        finish(vm, 'guest reset')


# Greeting and negotiation

def greeting_and_negotiation(binary):
    with machine(binary) as vm:
        q = vm.qmp
        g = q.greeting
        check('greeting shape', g == {'QMP': {
            'version': {'qemu': {'micro': 0, 'minor': 1, 'major': 0},
                        'package': 'qomu'},
            'capabilities': ['oob']}}, repr(g))
        e = q.error('query-status')
        check('command before negotiation is CommandNotFound',
              e['class'] == 'CommandNotFound' and
              'qmp_capabilities' in e['desc'], repr(e))
        e = q.error('qmp_capabilities', {'enable': ['bogus']})
        check('unknown capability refused', e['class'] == 'GenericError' and
              'bogus' in e['desc'], repr(e))
        e = q.error('qmp_capabilities', {'enable': 'oob'})
        check('capability list of wrong type refused',
              e['class'] == 'GenericError', repr(e))
        e = q.error('qmp_capabilities', {'foo': 1})
        check('qmp_capabilities with unknown argument refused',
              "'foo'" in e['desc'], repr(e))
        q.send_raw('{"exec-oob": "query-status", "id": "o"}\n')
        r = q.recv_answer()
        check('exec-oob refused before oob is enabled', 'error' in r and
              r.get('id') == 'o', repr(r))
        check('negotiation with oob', q.cmd('qmp_capabilities',
                                            {'enable': ['oob']}) == {})
        e = q.error('qmp_capabilities')
        check('second negotiation is CommandNotFound',
              e['class'] == 'CommandNotFound' and
              'already complete' in e['desc'], repr(e))
        q.send_raw('{"exec-oob": "query-status", "id": "o2"}\n')
        r = q.recv_answer()
        check('exec-oob runs once oob is enabled', r.get('id') == 'o2' and
              r.get('return', {}).get('status') == 'running', repr(r))


# Request shape and malformed JSON

def request_errors(binary):
    with machine(binary) as vm:
        q = vm.qmp
        q.negotiate()
        cases = [
            ('non-object array', '[1, 2]', 'must be a JSON object'),
            ('non-object number', '42', 'must be a JSON object'),
            ('non-object string', '"query-status"', 'must be a JSON object'),
            ('non-object null', 'null', 'must be a JSON object'),
            ('no execute', '{"arguments": {}}', "lacks member 'execute'"),
            ('execute not a string', '{"execute": 1}', 'must be a string'),
            ('arguments not an object',
             '{"execute": "query-status", "arguments": [1]}',
             "'arguments' must be an object"),
            ('unexpected member', '{"execute": "query-status", "foo": 1}',
             "'foo' is unexpected"),
            ('both execute and exec-oob',
             '{"execute": "stop", "exec-oob": "stop"}', 'unexpected'),
            ('bad JSON value', '{"execute": }', 'JSON parse error'),
            ('bare word', 'hello', 'JSON parse error'),
            ('unbalanced with a bad token', '{bad', 'JSON parse error'),
            ('stray closer', '}', 'JSON parse error'),
            ('single-quoted garbage', "{'execute': 'nope' 1}",
             'JSON parse error'),
            ('control byte', '\x01', 'JSON parse error'),
            ('bad escape', '{"execute": "\\q"}', 'JSON parse error'),
            ('NUL in a string (as QEMU, refused)',
             '{"execute": "qom-list", "arguments": {"path": "a\\u0000b"}}',
             'JSON parse error'),
        ]
        for name, text, want in cases:
            q.send_raw(text + '\n')
            r = q.recv_answer()
            err = r.get('error', {})
            check('malformed input: %s -> error' % name,
                  err.get('class') == 'GenericError' and
                  want in err.get('desc', ''), repr(r))
            check('malformed input: %s -> session goes on' % name, alive(q))
        # A command split over several writes and lines is one request.
        q.send_raw('{"execute":\n')
        q.send_raw(' "query-version", "id": [1, {"a": "b"}]}\n')
        r = q.recv_answer()
        check('request split over writes, structured id echoed',
              r.get('id') == [1, {'a': 'b'}] and 'return' in r, repr(r))
        # Two requests in one write, answered in order.
        q.send_raw('{"execute": "query-status", "id": 1}'
                   '{"execute": "query-version", "id": 2}\n')
        a, b = q.recv_answer(), q.recv_answer()
        check('two requests in one write answered in order',
              a.get('id') == 1 and b.get('id') == 2, repr((a, b)))
        # 0xff resynchronises (QMP clients send it after a timeout).
        q.send_raw(b'{"execute": "query-st\xff{"execute": "query-status",'
                   b' "id": "sync"}\n')
        r = q.recv_answer()
        check('0xff drops a partial request', r.get('id') == 'sync' and
              'return' in r, repr(r))
        check('unknown command is CommandNotFound',
              q.error('no-such-command')['class'] == 'CommandNotFound')
        long_name = 'x' * 100000
        e = q.error(long_name)
        check('100 KB command name: CommandNotFound, message bounded',
              e['class'] == 'CommandNotFound' and len(e['desc']) < 400,
              str(len(e['desc'])))
        r = q.request('query-status', with_id=False)
        check('answer without id has no id', 'id' not in r, repr(r))


# Every command with good and bad arguments

BAD_STRINGS = ['%n%n%n%s%s%x', '\u00e9\u4e2d\U0001f600', '', '/x' * 5000,
               '/machine/../machine', 'tab\tnewline\n"quote"']
HUGE_NUMBERS = [2 ** 63, 2 ** 64 - 1, 2 ** 64, -2 ** 63 - 1, 10 ** 30, 1e308,
                -0.5, 1.0, -1, 2 ** 31]


def command_arguments(binary):
    with machine(binary) as vm:
        q = vm.qmp
        q.negotiate()
        names = {c['name'] for c in q.cmd('query-commands')}
        wanted = {'qmp_capabilities', 'query-version', 'query-status',
                  'query-commands', 'stop', 'cont', 'system_reset',
                  'system_powerdown', 'quit', 'qom-list', 'qom-get',
                  'qom-set', 'qom-list-types', 'device_add', 'device_del',
                  'device-list-properties', 'query-cpus-fast',
                  'human-monitor-command'}
        check('query-commands lists every command', wanted <= names,
              repr(wanted - names))

        # Commands without arguments refuse any.
        for name in ['query-version', 'query-status', 'query-commands',
                     'query-cpus-fast', 'stop', 'cont', 'system_reset',
                     'system_powerdown', 'quit']:
            e = q.error(name, {'bogus': 1})
            check('%s refuses an unknown argument' % name,
                  e['class'] == 'GenericError' and
                  "'bogus' is unexpected" in e['desc'], repr(e))

        # Mandatory arguments and their types.
        specs = {
            'qom-list': {'path': '/machine'},
            'qom-get': {'path': '/machine', 'property': 'type'},
            'qom-set': {'path': '/machine', 'property': 'dumpdtb',
                        'value': ''},
            'device_add': {'driver': 'edu'},
            'device_del': {'id': 'x'},
            'device-list-properties': {'typename': 'edu'},
            'human-monitor-command': {'command-line': 'info version'},
        }
        for name, good in specs.items():
            for arg in good:
                args = dict(good)
                del args[arg]
                e = q.error(name, args)
                check('%s without %s' % (name, arg),
                      e['class'] == 'GenericError' and
                      "Parameter '%s' is missing" % arg in e['desc'],
                      repr(e))
                if arg == 'value':
                    continue        # qom-set's value is any JSON value
                for wrong in [1, True, None, [1], {'a': 1}]:
                    args = dict(good, **{arg: wrong})
                    e = q.error(name, args)
                    check('%s with %s = %s' % (name, arg, json.dumps(wrong)),
                          e['class'] == 'GenericError' and
                          'Invalid parameter type' in e['desc'] and
                          'string' in e['desc'], repr(e))
            if name not in ('device_add',):
                e = q.error(name, dict(good, extra=1))
                check('%s refuses an unknown argument' % name,
                      "'extra' is unexpected" in e['desc'], repr(e))

        # Unknown paths, strange strings, huge numbers.
        for s in BAD_STRINGS:
            e = q.error('qom-list', {'path': s})
            check('qom-list path %r' % s[:20],
                  e['class'] in ('DeviceNotFound', 'GenericError') and
                  len(e['desc']) < 600, repr(e)[:200])
            e = q.error('qom-get', {'path': '/machine', 'property': s})
            check('qom-get property %r' % s[:20],
                  e['class'] == 'GenericError', repr(e)[:200])
            e = q.error('device_del', {'id': s})
            check('device_del id %r' % s[:20],
                  e['class'] == 'DeviceNotFound', repr(e)[:200])
            e = q.error('device-list-properties', {'typename': s})
            check('device-list-properties %r' % s[:20],
                  e['class'] == 'DeviceNotFound', repr(e)[:200])
            e = q.error('device_add', {'driver': s})
            check('device_add driver %r' % s[:20],
                  e['class'] == 'GenericError', repr(e)[:200])
            out = q.cmd('human-monitor-command', {'command-line': s})
            check('human-monitor-command %r gives text' % s[:20],
                  isinstance(out, str))
        check('the unicode path is echoed intact',
              BAD_STRINGS[1] in q.error('qom-list', {'path': BAD_STRINGS[1]})
              ['desc'])
        for n in HUGE_NUMBERS:
            e = q.error('human-monitor-command',
                        {'command-line': 'info status', 'cpu-index': n})
            check('cpu-index %r refused' % n, e['class'] == 'GenericError',
                  repr(e))
            e = q.error('qom-set', {'path': '/machine', 'property': 'dumpdtb',
                                    'value': n})
            check('qom-set of a string property to %r refused' % n,
                  e['class'] == 'GenericError', repr(e))
        # dma_mask is a uint64: these do not fit, or are no integers.
        for n in [2 ** 64, -2 ** 63 - 1, 10 ** 30, 1e308, -0.5, '1']:
            e = q.error('device_add', {'driver': 'edu', 'id': 'huge',
                                       'dma_mask': n})
            check('device_add edu dma_mask=%r refused' % n,
                  e['class'] == 'GenericError', repr(e))
        q.cmd('device_add', driver='edu', id='big', dma_mask=2 ** 64 - 1)
        check('device_add edu dma_mask=2^64-1 kept exactly',
              q.cmd('qom-get', path='big', property='dma_mask') ==
              2 ** 64 - 1)
        q.cmd('device_del', id='big')
        q.wait_event('DEVICE_DELETED')
        rsp = q.request('qom-list', {'path': '/machine/peripheral'})
        check('no device left by the refused device_adds',
              'huge' not in [p['name'] for p in rsp.get('return', [])],
              repr(rsp))
        check('session alive after argument errors', alive(q))

        # Good arguments.
        v = q.cmd('query-version')
        check('query-version', v == {'qemu': {'micro': 0, 'minor': 1,
                                              'major': 0},
                                     'package': 'qomu'}, repr(v))
        st = q.cmd('query-status')
        check('query-status running', st == {'running': True,
                                             'status': 'running'}, repr(st))
        props = q.cmd('qom-list', path='/machine')
        check('qom-list /machine has name and type',
              all(set(p) >= {'name', 'type'} for p in props) and
              {'type', 'soc'} <= {p['name'] for p in props}, repr(props)[:300])
        check('qom-get /machine type',
              q.cmd('qom-get', path='/machine', property='type') ==
              'virt-machine')
        check('qom-get by partial path',
              q.cmd('qom-get', path='uart0', property='type') == 'ns16550a')
        e = q.error('qom-get', {'path': '/nowhere', 'property': 'type'})
        check('qom-get unknown path is DeviceNotFound',
              e['class'] == 'DeviceNotFound' and '/nowhere' in e['desc'],
              repr(e))
        e = q.error('qom-get', {'path': '/machine', 'property': 'nope'})
        check('qom-get unknown property names it',
              e['class'] == 'GenericError' and 'nope' in e['desc'], repr(e))
        with tempfile.TemporaryDirectory() as d:
            dtb = os.path.join(d, 'x.dtb')
            check('qom-set string property',
                  q.cmd('qom-set', path='/machine', property='dumpdtb',
                        value=dtb) == {})
            check('qom-get reads back the value set',
                  q.cmd('qom-get', path='/machine', property='dumpdtb') == dtb)
        e = q.error('qom-set', {'path': '/machine', 'property': 'type',
                                'value': 'x'})
        check('qom-set read-only property refused',
              e['class'] == 'GenericError', repr(e))
        e = q.error('qom-set', {'path': '/machine/soc/uart0',
                                'property': 'baudbase', 'value': 9600})
        check('qom-set of a realized device property refused',
              e['class'] == 'GenericError', repr(e))

        types = q.cmd('qom-list-types')
        check('qom-list-types without arguments lists concrete types',
              'edu' in {t['name'] for t in types} and
              not any(t.get('abstract') for t in types), repr(types)[:200])
        pci = q.cmd('qom-list-types', implements='pci-device', abstract=True)
        pci_names = {t['name']: t for t in pci}
        check('qom-list-types implements pci-device',
              'edu' in pci_names and pci_names['edu'].get('parent') ==
              'pci-device' and pci_names.get('pci-device', {})
              .get('abstract') is True, repr(pci)[:300])
        check('qom-list-types implements unknown type is empty',
              q.cmd('qom-list-types', implements='no-such-type') == [])
        e = q.error('qom-list-types', {'abstract': 'yes'})
        check('qom-list-types abstract must be a boolean',
              'expected: boolean' in e['desc'], repr(e))

        dlp = q.cmd('device-list-properties', typename='edu')
        dlp_names = {p['name'] for p in dlp}
        check('device-list-properties edu', {'addr', 'dma_mask'} <= dlp_names
              and 'realized' not in dlp_names and
              all('type' in p for p in dlp), repr(dlp)[:300])
        e = q.error('device-list-properties', {'typename': 'device'})
        check('device-list-properties of an abstract type',
              e['class'] == 'GenericError' and 'non-abstract' in e['desc'],
              repr(e))
        e = q.error('device-list-properties', {'typename': 'container'})
        check('device-list-properties of a non-device type',
              e['class'] == 'GenericError', repr(e))

        cpus = q.cmd('query-cpus-fast')
        check('query-cpus-fast', len(cpus) == 1 and cpus[0]['cpu-index'] == 0
              and cpus[0]['target'] == 'riscv64' and
              isinstance(cpus[0]['thread-id'], int) and
              q.cmd('qom-get', path=cpus[0]['qom-path'], property='type')
              .startswith('rv64'), repr(cpus))

        out = q.cmd('human-monitor-command',
                    {'command-line': 'info status'})
        check('human-monitor-command info status',
              out == 'VM status: running\n', repr(out))
        out = q.cmd('human-monitor-command',
                    {'command-line': 'info qom-tree', 'cpu-index': 0})
        check('human-monitor-command info qom-tree',
              out.startswith('/machine (virt-machine)'), out[:100])
        out = q.cmd('human-monitor-command', {'command-line': 'bogus'})
        check('human-monitor-command bad command gives its error text',
              'unknown command' in out, repr(out))
        e = q.error('human-monitor-command',
                    {'command-line': 'info status', 'cpu-index': 5})
        check('human-monitor-command cpu-index of no CPU',
              e['class'] == 'GenericError', repr(e))
        check('session alive at the end', alive(q))
        finish(vm, 'command arguments')
    with machine(binary, ['-smp', '2']) as vm:
        vm.qmp.negotiate()
        cpus = vm.qmp.cmd('query-cpus-fast')
        check('query-cpus-fast with -smp 2',
              [c['cpu-index'] for c in cpus] == [0, 1] and
              len({c['qom-path'] for c in cpus}) == 2, repr(cpus))


# Events

def events(binary):
    with machine(binary) as vm:
        q = vm.qmp
        q.negotiate()
        before = time.time()
        q.cmd('stop')
        ev = q.wait_event('STOP')
        ts = ev.get('timestamp', {})
        check('STOP event on stop', set(ev) == {'event', 'timestamp'} and
              set(ts) == {'seconds', 'microseconds'} and
              abs(ts['seconds'] - before) < 60 and
              0 <= ts['microseconds'] < 1000000, repr(ev))
        check('query-status paused', q.cmd('query-status') ==
              {'running': False, 'status': 'paused'})
        q.cmd('stop')
        q.cmd('cont')
        ev = q.wait_event('RESUME')
        check('RESUME event on cont', 'data' not in ev, repr(ev))
        check('no STOP for a stop of a stopped VM',
              not [e for e in q.events() if e['event'] == 'STOP'])
        q.cmd('system_reset')
        ev = q.wait_event('RESET')
        check('RESET event on system_reset', ev.get('data') ==
              {'guest': False, 'reason': 'host-qmp-system-reset'}, repr(ev))
        check('running after a reset', q.cmd('query-status')['running'])
        q.cmd('quit')
        ev = q.wait_event('SHUTDOWN')
        check('SHUTDOWN event on quit', ev.get('data') ==
              {'guest': False, 'reason': 'host-qmp-quit'}, repr(ev))
        status, _, err = vm.wait()
        check('quit exits with status 0', status == 0, err)
        check('exactly one SHUTDOWN', not [e for e in q.events()
                                           if e['event'] == 'SHUTDOWN'])
    with machine(binary) as vm:
        vm.qmp.negotiate()
        vm.proc.terminate()
        ev = vm.qmp.wait_event('SHUTDOWN')
        # The reason should be host-signal: qomu's run state does not say
        # (docs/devel/qmp.md), so only the event and "guest" are checked.
        check('SIGTERM: SHUTDOWN sent, not a guest shutdown',
              ev.get('data', {}).get('guest') is False, repr(ev))
        status, _, err = vm.wait()
        check('SIGTERM: exits, saying why', 'terminating on signal 15' in err,
              repr((status, err)))
    with machine(binary, ['-no-shutdown']) as vm:
        q = vm.qmp
        q.negotiate()
        q.cmd('system_powerdown')
        check('POWERDOWN event', q.wait_event('POWERDOWN')['event'] ==
              'POWERDOWN')
        ev = q.wait_event('SHUTDOWN')
        check('powerdown without a power button: guest SHUTDOWN',
              ev.get('data') == {'guest': True, 'reason': 'guest-shutdown'},
              repr(ev))
        st = q.cmd('query-status')
        check('-no-shutdown: status shutdown',
              st == {'running': False, 'status': 'shutdown'}, repr(st))
        e = q.error('cont')
        check('cont after shutdown needs a reset',
              'Resetting' in e['desc'], repr(e))
        q.cmd('system_reset')
        q.wait_event('RESET')
        q.cmd('cont')
        q.wait_event('RESUME')
        check('cont after reset runs', q.cmd('query-status')['running'])
    with machine(binary, stopped=True) as vm:
        q = vm.qmp
        q.negotiate()
        st = q.cmd('query-status')
        check('-S: prelaunch', st == {'running': False,
                                      'status': 'prelaunch'}, repr(st))
        q.cmd('cont')
        q.wait_event('RESUME')
        check('-S then cont runs', q.cmd('query-status')['running'])


# Hot-plug

def hotplug(binary):
    with machine(binary) as vm:
        q = vm.qmp
        q.negotiate()

        def peripherals():
            # The container appears with the first device that has an id.
            rsp = q.request('qom-list', {'path': '/machine/peripheral'})
            return sorted(p['name'] for p in rsp.get('return', [])
                          if p['type'].startswith('child<'))

        def pci_text():
            return q.cmd('human-monitor-command',
                         {'command-line': 'info pci'})

        start, pci_start = peripherals(), pci_text()
        check('device_add edu on pcie.0',
              q.cmd('device_add', driver='edu', id='e1', bus='pcie.0',
                    dma_mask=4095, multifunction=False) == {})
        check('the device is in the QOM tree', 'e1' in peripherals())
        check('typed property value from JSON',
              q.cmd('qom-get', path='/machine/peripheral/e1',
                    property='dma_mask') == 4095)
        check('realized', q.cmd('qom-get', path='/machine/peripheral/e1',
                                property='realized') is True)
        check('info pci shows it', pci_text() != pci_start)
        e = q.error('device_add', {'driver': 'edu', 'id': 'e1',
                                   'bus': 'pcie.0'})
        check('duplicate id refused', e['class'] == 'GenericError' and
              'e1' in e['desc'], repr(e))
        e = q.error('device_add', {'driver': 'edu', 'id': 'e2',
                                   'dma_mask': 'lots'})
        check('wrong property type refused', e['class'] == 'GenericError',
              repr(e))
        e = q.error('device_add', {'driver': 'edu', 'id': 'e3',
                                   'no_such_prop': 1})
        check('unknown property refused', 'no_such_prop' in e['desc'],
              repr(e))
        e = q.error('device_add', {'driver': 'edu', 'id': 'e4',
                                   'bus': 'nobus'})
        check('unknown bus refused', 'nobus' in e['desc'], repr(e))
        e = q.error('device_add', {'driver': 'device'})
        check('abstract driver refused', e['class'] == 'GenericError',
              repr(e))
        e = q.error('device_add', {'driver': 'ns16550a', 'id': 'u9'})
        check('device with no free bus refused',
              e['class'] == 'GenericError', repr(e))
        check('failed device_adds leave nothing',
              peripherals() == sorted(start + ['e1']), repr(peripherals()))
        q.send_raw('{"execute": "device_del", "arguments": {"id": "e1"}}\n')
        first = q.recv()
        check('device_del: the answer comes before DEVICE_DELETED (as QEMU)',
              first == {'return': {}}, repr(first))
        ev = q.wait_event('DEVICE_DELETED')
        check('DEVICE_DELETED event', ev.get('data') ==
              {'device': 'e1', 'path': '/machine/peripheral/e1'}, repr(ev))
        check('the device is gone', peripherals() == start and
              pci_text() == pci_start)
        e = q.error('device_del', {'id': 'e1'})
        check('device_del twice is DeviceNotFound',
              e['class'] == 'DeviceNotFound', repr(e))
        e = q.error('device_del', {'id': '/machine/soc/uart0'})
        check('device_del of a board device refused',
              e['class'] == 'GenericError', repr(e))
        check('uart0 still there', q.cmd('qom-get', path='/machine/soc/uart0',
                                         property='realized') is True)
        # Anonymous device, removed by QOM path.
        q.cmd('device_add', driver='pci-testdev')
        anon = q.cmd('qom-list', path='/machine/peripheral-anon')
        kids = [p['name'] for p in anon if p['type'].startswith('child<')]
        check('anonymous device under peripheral-anon', len(kids) == 1,
              repr(anon))
        if kids:
            path = '/machine/peripheral-anon/' + kids[0]
            q.cmd('device_del', id=path)
            ev = q.wait_event('DEVICE_DELETED')
            check('DEVICE_DELETED for an anonymous device has only path',
                  ev.get('data') == {'path': path}, repr(ev))
        for i in range(30):
            q.cmd('device_add', driver='edu', id='churn', bus='pcie.0')
            q.cmd('device_del', id='churn')
            q.wait_event('DEVICE_DELETED')
        check('hot-plug churn x30 leaves the trees as they were',
              peripherals() == start and pci_text() == pci_start)
        q.cmd('device_add', driver='edu', id='left', bus='pcie.0')
        finish(vm, 'hot-plug (one device left plugged)')


# QOM walk

def qom_walk(binary, stopped):
    state = 'stopped' if stopped else 'running'
    with machine(binary, stopped=stopped) as vm:
        q = vm.qmp
        q.negotiate()
        objects = props = values = errors = 0
        bad = []
        todo = ['/machine']
        seen = set()
        while todo:
            path = todo.pop()
            if path in seen:
                continue
            seen.add(path)
            objects += 1
            try:
                plist = q.cmd('qom-list', path=path)
            except QMPError as e:
                bad.append('%s: qom-list: %s' % (path, e))
                continue
            for p in plist:
                props += 1
                if p['type'].startswith('child<'):
                    todo.append(path.rstrip('/') + '/' + p['name'])
                rsp = q.request('qom-get', {'path': path,
                                            'property': p['name']})
                if 'return' in rsp:
                    values += 1
                elif rsp.get('error', {}).get('desc'):
                    errors += 1
                else:
                    bad.append('%s.%s: %r' % (path, p['name'], rsp))
        check('qom walk (%s): every property a value or a clear error' %
              state,
              not bad and objects > 15 and values > 100,
              '%d objects, %d properties, %d values, %d errors; %r' %
              (objects, props, values, errors, bad[:5]))
        check('qom walk (%s): session alive' % state, alive(q))
        finish(vm, 'qom walk (%s)' % state)


def qom_set_fuzz(binary):
    """qom-set every property of every object to values of every JSON
    type: each answer is {} or an error with a message, and the emulator
    stays up and exits cleanly."""
    values = [None, [], {}, [1, 'a'], {'a': 1}, 2 ** 64, -2 ** 63 - 1,
              1e308, -0.5, '', '%n%s%x', '\u00e9\U0001f600', True, 0, -1,
              'x' * 10000]
    with machine(binary, stopped=True) as vm:
        q = vm.qmp
        q.negotiate()
        q.cmd('device_add', driver='edu', id='e1', bus='pcie.0')
        todo, seen, total, bad = ['/machine'], set(), 0, []
        while todo:
            path = todo.pop()
            if path in seen:
                continue
            seen.add(path)
            for p in q.cmd('qom-list', path=path):
                if p['type'].startswith('child<'):
                    todo.append(path + '/' + p['name'])
                if p['name'] == 'dumpdtb':
                    continue        # would write files at exit
                for v in values:
                    rsp = q.request('qom-set', {'path': path,
                                                'property': p['name'],
                                                'value': v})
                    total += 1
                    if rsp.get('return') != {} and \
                            not rsp.get('error', {}).get('desc'):
                        bad.append((path, p['name'], v, rsp))
        check('qom-set fuzz: %d requests, each {} or a clear error' % total,
              total > 1000 and not bad, repr(bad[:5]))
        finish(vm, 'qom-set fuzz')


def qom_walk_stopped(binary):
    qom_walk(binary, True)


def qom_walk_running(binary):
    qom_walk(binary, False)


# Transports and reconnection

def reconnect(binary):
    with machine(binary) as vm:
        q = vm.qmp
        q.negotiate()
        q.send_raw('{"execute": "query-st')     # half a request
        q.close()
        q2 = vm.connect()
        check('new client gets the greeting', 'QMP' in q2.greeting)
        e = q2.error('query-status')
        check('new client must negotiate again',
              e['class'] == 'CommandNotFound', repr(e))
        q2.negotiate()
        check('new client is served (no leftover of the old one)',
              alive(q2))
        q2.close()
        for _ in range(5):
            c = vm.connect()
            c.close()
        vm.qmp = vm.connect()
        vm.qmp.negotiate()
        check('many connect/disconnect cycles are harmless',
              alive(vm.qmp) and vm.proc.poll() is None)
        finish(vm, 'reconnect')


def stdio_and_tcp(binary):
    proc = subprocess.Popen([binary, '-M', 'virt', '-display', 'none',
                             '-bios', LOOP_FW, '-qmp', 'stdio'],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    try:
        out, err = proc.communicate(
            b'{"execute": "qmp_capabilities"}\n'
            b'{"execute": "query-status", "id": 7}\n'
            b'{"execute": "quit"}\n', timeout=10)
        lines = [json.loads(x) for x in out.decode().splitlines()]
        check('-qmp stdio: greeting, answers, SHUTDOWN, exit 0',
              proc.returncode == 0 and 'QMP' in lines[0] and
              lines[2] == {'return': {'running': True, 'status': 'running'},
                           'id': 7} and
              any(x.get('event') == 'SHUTDOWN' for x in lines),
              repr((proc.returncode, lines, err)))
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()

    s = socket.socket()
    s.bind(('127.0.0.1', 0))
    port = s.getsockname()[1]
    s.close()
    proc = subprocess.Popen([binary, '-M', 'virt', '-display', 'none',
                             '-bios', LOOP_FW, '-qmp',
                             'tcp:127.0.0.1:%d,server,nowait' % port],
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    try:
        deadline = time.time() + 10
        while True:
            try:
                c = socket.create_connection(('127.0.0.1', port), timeout=10)
                break
            except OSError:
                if time.time() > deadline:
                    raise
                time.sleep(0.02)
        f = c.makefile('rwb')
        greeting = json.loads(f.readline())
        f.write(b'{"execute": "qmp_capabilities"}\n'
                b'{"execute": "query-version"}\n')
        f.flush()
        json.loads(f.readline())
        v = json.loads(f.readline())
        check('-qmp tcp: greeting and a command', 'QMP' in greeting and
              v['return']['package'] == 'qomu', repr(v))
        c.close()
    finally:
        proc.kill()
        proc.communicate()

    proc = subprocess.run([binary, '-M', 'virt', '-display', 'none',
                           '-qmp', 'bogus:xyz'], capture_output=True,
                          timeout=10)
    check('-qmp with a bad backend: one-line error, status 1',
          proc.returncode == 1 and proc.stderr.count(b'\n') == 1 and
          b'-qmp bogus:xyz' in proc.stderr, repr(proc.stderr))


# The same session against QEMU: key sets must match.

QEMU_ONLY_KEYS = {
    # QEMU 7.2 still reports the deprecated "singlestep" (gone in 8.1).
    'query-status': {'singlestep'},
}


def keys_of(value):
    if isinstance(value, list):
        return set().union(*[set(v) for v in value]) if value else set()
    return set(value) if isinstance(value, dict) else {type(value).__name__}


def shape_session(binary, extra):
    """Answers of a fixed session, for comparing shapes."""
    out = {}
    with QMPMachine(binary, ['-M', 'virt', '-S'] + extra) as vm:
        q = vm.qmp
        out['greeting'] = set(q.greeting['QMP'])
        out['greeting.version'] = set(q.greeting['QMP']['version'])
        out['greeting.capabilities'] = q.greeting['QMP']['capabilities']
        out['pre-negotiation'] = q.error('query-status')['class']
        q.negotiate()
        for name, args in [('query-status', None), ('query-version', None),
                           ('query-cpus-fast', None),
                           ('qom-list', {'path': '/machine'}),
                           ('qom-list-types', {'implements': 'pci-device'}),
                           ('device-list-properties', {'typename': 'edu'}),
                           ('query-commands', None)]:
            rsp = q.request(name, args)
            out[name] = (set(rsp) - {'id'}, keys_of(rsp.get('return')))
        out['query-version.qemu'] = set(q.cmd('query-version')['qemu'])
        out['qom-get type'] = type(q.cmd('qom-get', path='/machine',
                                         property='type')).__name__
        out['hmp'] = type(q.cmd('human-monitor-command',
                                {'command-line': 'info status'})).__name__
        for name, args in [('no-such-command', None),
                           ('qom-get', {'path': '/nowhere',
                                        'property': 'type'}),
                           ('qom-get', {'path': '/machine'}),
                           ('qom-list', {'path': 1}),
                           ('qom-list', {'path': '/machine', 'x': 1}),
                           ('device_del', {'id': 'nope'}),
                           ('device-list-properties', {'typename': 'nope'}),
                           ('device-list-properties', {'typename': 'device'}),
                           ('device_add', {'driver': 'no-such-driver'})]:
            e = q.error(name, args)
            out['error %s %s' % (name, json.dumps(args))] = \
                (set(e), e['class'], e['desc'].split(' ')[0])
        q.send_raw('[1]\n')
        out['non-object'] = q.recv_answer()['error']
        q.send_raw('{"execute": "query-status", "foo": 1}\n')
        out['unexpected member'] = q.recv_answer()['error']
        q.cmd('cont')
        ev = q.wait_event('RESUME')
        out['RESUME'] = set(ev)
        q.cmd('stop')
        out['STOP'] = set(q.wait_event('STOP'))
        q.cmd('system_reset')
        ev = q.wait_event('RESET')
        out['RESET'] = (set(ev), ev['data'])
        q.cmd('quit')
        ev = q.wait_event('SHUTDOWN')
        out['SHUTDOWN'] = (set(ev), ev['data'])
        vm.wait()
    return out


def compare_with_qemu(binary, qemu):
    if not qemu:
        skip('same session on qemu-system-riscv64: shapes match',
             'qemu-system-riscv64 not found')
        return
    mine = shape_session(binary, ['-bios', LOOP_FW])
    theirs = shape_session(qemu, [])
    for key in theirs:
        a, b = mine.get(key), theirs[key]
        if key in QEMU_ONLY_KEYS and isinstance(b, tuple):
            b = (b[0], b[1] - QEMU_ONLY_KEYS[key])
        if key.startswith('error ') and a and b:
            # Compare keys and class; the first word of the message only
            # where QEMU's wording is fixed ("Parameter", "Device", ...).
            a, b = a[:2], b[:2]
        check('same shape as QEMU: %s' % key, a == b,
              'qomu %r, QEMU %r' % (a, b))


def main():
    if len(sys.argv) < 2:
        print('usage: test_qmp.py QOMU_BINARY [QEMU_BINARY]', file=sys.stderr)
        return 2
    binary = os.path.abspath(sys.argv[1])
    qemu = sys.argv[2] if len(sys.argv) > 2 else \
        shutil.which('qemu-system-riscv64')
    for part in [greeting_and_negotiation, request_errors, command_arguments,
                 events, guest_events, hotplug,
                 qom_walk_stopped, qom_walk_running, qom_set_fuzz,
                 reconnect, stdio_and_tcp]:
        try:
            part(binary)
        except Exception:            # a crash or hang fails, with the cause
            check('%s completes' % part.__name__, False,
                  traceback.format_exc())
    try:
        compare_with_qemu(binary, qemu)
    except Exception:
        check('compare_with_qemu completes', False, traceback.format_exc())
    print('1..%d' % len(results))
    for i, (name, ok, diag, why) in enumerate(results, 1):
        line = '%s %d - %s' % ('ok' if ok else 'not ok', i, name)
        if why:
            line += ' # SKIP ' + why
        print(line)
        if not ok and diag:
            for d in str(diag).splitlines()[:20]:
                print('# ' + d)
    return 0 if all(ok for _, ok, _, _ in results) else 1


if __name__ == '__main__':
    sys.exit(main())

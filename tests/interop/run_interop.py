#!/usr/bin/python3
"""Runs one third-party WAMP client scenario against a fresh Wampscope router.

    /usr/bin/python3 run_interop.py --router PATH/wampscope-router \
        --client autobahn-js|wampy|autobahn-py|shutdown-check --serializer json|msgpack|cbor

Starts the router on a free port, runs the client scenario against it, then
stops the router with SIGTERM. Passes (exit code 0) only if the client passed,
the router exited with code 0 within 10 s, and the router's output (stderr
and stdout) has no sanitizer report.

`shutdown-check` instead joins an Autobahn|Python session, sends SIGTERM to the
router, and expects the session to be closed with GOODBYE
`wamp.close.system_shutdown` before the router exits with code 0.

The Node clients need tests/interop/node_modules: run `npm ci` in tests/interop first.
"""

import argparse
import os
import re
import signal
import subprocess
import sys
import threading
from pathlib import Path

HERE = Path(__file__).resolve().parent
PYTHON = '/usr/bin/python3'
REALM = 'realm1'
CLIENTS = {
    'autobahn-js': ['node', 'autobahn_js.mjs'],
    'wampy': ['node', 'wampy_js.mjs'],
    'autobahn-py': [PYTHON, 'autobahn_py.py'],
}
LISTENING = re.compile(r'listening on ws://([0-9.]+):(\d+)')
SANITIZER_MARKERS = ('AddressSanitizer', 'LeakSanitizer', 'ThreadSanitizer', 'ASan', 'runtime error')
STARTUP_TIMEOUT = 15
CLIENT_TIMEOUT = 60
SHUTDOWN_TIMEOUT = 10


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--router', required=True, type=Path, help='path to the wampscope-router binary')
    parser.add_argument('--client', required=True, choices=[*CLIENTS, 'shutdown-check'])
    parser.add_argument('--serializer', choices=('json', 'msgpack', 'cbor'), default='json')
    return parser.parse_args()


class InteropFailure(Exception):
    pass


class LineCollector:
    """Drains a child's output stream on a thread, keeping (and optionally
    echoing) its lines so that the child never blocks on a full pipe."""

    def __init__(self, stream, echo=False):
        self.lines = []
        self._echo = echo
        self._ended = False
        self._changed = threading.Condition()
        self._thread = threading.Thread(target=self._drain, args=(stream,), daemon=True)
        self._thread.start()

    def _drain(self, stream):
        for line in stream:
            if self._echo:
                print(line, end='', flush=True)
            with self._changed:
                self.lines.append(line)
                self._changed.notify_all()
        with self._changed:
            self._ended = True
            self._changed.notify_all()

    def wait_for(self, pattern, timeout):
        """Returns the first match of `pattern` in a line, or None on timeout or EOF."""
        def find():
            return next(filter(None, map(pattern.search, self.lines)), None)

        with self._changed:
            self._changed.wait_for(lambda: find() or self._ended, timeout)
            return find()

    def text(self):
        self._thread.join(timeout=1)
        return ''.join(self.lines)


class Router:
    """The router under test, started on a free port."""

    def __init__(self, binary):
        if not os.access(binary, os.X_OK):
            raise InteropFailure(f'router binary {binary} is missing or not executable')
        self._process = subprocess.Popen(
            [str(binary), '--host', '127.0.0.1', '--ws-port', '0', '--realm', REALM],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self._output = LineCollector(self._process.stdout)
        listening = self._output.wait_for(LISTENING, STARTUP_TIMEOUT)
        if not listening:
            outcome = self._stop_after_failed_start()
            raise InteropFailure(f'router {outcome} without printing "listening on ws://HOST:PORT";'
                                 f' its output:\n{self.log()}')
        host, port = listening.groups()
        self.url = f'ws://{host}:{port}/ws'

    def terminate(self):
        """Sends SIGTERM and returns the exit code, or None if it did not exit in time."""
        self._process.send_signal(signal.SIGTERM)
        try:
            return self._process.wait(timeout=SHUTDOWN_TIMEOUT)
        except subprocess.TimeoutExpired:
            self.kill()
            return None

    def _stop_after_failed_start(self):
        try:
            return f'exited with code {self._process.wait(timeout=1)}'
        except subprocess.TimeoutExpired:
            self.kill()
            return f'ran for {STARTUP_TIMEOUT} s'

    def kill(self):
        if self._process.poll() is None:
            self._process.kill()
            self._process.wait()

    def log(self):
        return self._output.text()


def client_command(client, url, serializer, *extra):
    program, script = CLIENTS[client]
    return [program, script, '--url', url, '--realm', REALM, '--serializer', serializer, *extra]


def check_node_modules(client):
    if CLIENTS[client][0] == 'node' and not (HERE / 'node_modules').is_dir():
        raise InteropFailure(f'{HERE / "node_modules"} is missing: run `npm ci` in {HERE} first')


def start_client(command, **popen_options):
    # In its own process group, so that killing it also ends the callee it spawns.
    return subprocess.Popen(command, cwd=HERE, stdin=subprocess.DEVNULL, start_new_session=True, **popen_options)


def kill_client(process):
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def client_problems(process, what):
    """Waits for the client; returns what went wrong with it, if anything."""
    try:
        exit_code = process.wait(timeout=CLIENT_TIMEOUT)
    except subprocess.TimeoutExpired:
        kill_client(process)
        return [f'{what} did not finish within {CLIENT_TIMEOUT} s']
    return [f'{what} failed with exit code {exit_code}'] if exit_code != 0 else []


def stop_router(router):
    """Sends SIGTERM; returns what went wrong with the shutdown, if anything."""
    exit_code = router.terminate()
    if exit_code is None:
        return [f'router did not exit within {SHUTDOWN_TIMEOUT} s of SIGTERM']
    return [f'router exited with code {exit_code} after SIGTERM'] if exit_code != 0 else []


def run_scenario(router, client, serializer):
    """Runs a client scenario, its output going straight to ours, then stops the router."""
    process = start_client(client_command(client, router.url, serializer))
    return client_problems(process, f'{client} client') + stop_router(router)


def run_shutdown_check(router, serializer):
    """Stops the router while an Autobahn|Python session is joined."""
    command = client_command('autobahn-py', router.url, serializer, '--mode', 'await-shutdown')
    process = start_client(command, stdout=subprocess.PIPE, text=True)
    output = LineCollector(process.stdout, echo=True)
    if not output.wait_for(re.compile(r'^ready$'), STARTUP_TIMEOUT):
        kill_client(process)
        return ['the client session did not join']
    router_problems = stop_router(router)
    return client_problems(process, 'client awaiting GOODBYE wamp.close.system_shutdown') + router_problems


def sanitizer_reports(router_log):
    reports = [line for line in router_log.splitlines() if any(m in line for m in SANITIZER_MARKERS)]
    return ['sanitizer report in router output: ' + line for line in reports]


def main():
    args = parse_args()
    router = None
    problems = []
    try:
        if args.client != 'shutdown-check':
            check_node_modules(args.client)
        router = Router(args.router)
        print(f'interop: router listening on {router.url}', flush=True)
        if args.client == 'shutdown-check':
            problems = run_shutdown_check(router, args.serializer)
        else:
            problems = run_scenario(router, args.client, args.serializer)
        problems += sanitizer_reports(router.log())
    except InteropFailure as failure:
        problems.append(str(failure))
    finally:
        if router:
            router.kill()
    if problems:
        if router:
            print('interop: router output follows\n' + router.log(), end='')
        for problem in problems:
            print(f'interop: FAIL {problem}')
        return 1
    print(f'interop: PASS {args.client} ({args.serializer})')
    return 0


if __name__ == '__main__':
    sys.exit(main())

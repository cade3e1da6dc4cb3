#!/usr/bin/python3
"""Runs one third-party WAMP client scenario against a fresh Wampscope router.

    /usr/bin/python3 run_interop.py --router PATH/wampscope-router \
        --client autobahn-js|wampy|autobahn-py|shutdown-check --serializer json|msgpack|cbor \
        [--transport websocket|websocket-tls|rawsocket-tcp|rawsocket-unix|rawsocket-tls]

Starts the router on free ports (WebSocket and RawSocket over TCP, RawSocket on
a Unix socket in a temporary directory; for the -tls transports both TCP
transports use TLS with a self-signed certificate made by the openssl CLI),
runs the client scenario against the chosen transport, then stops the router
with SIGTERM. Passes (exit code 0) only if the client passed, the router exited
with code 0 within 10 s, and the router's output (stderr and stdout) has no
sanitizer report.

Clients get the URL the router printed (ws://, wss://, rs://, rss:// or
unix://); for TLS, Autobahn|Python gets the certificate with --ca and the Node
clients through NODE_EXTRA_CA_CERTS.

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
import tempfile
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
# What the router prints per transport; the group is the URL given to the client.
TRANSPORTS = {
    'websocket': re.compile(r'listening on (ws://[0-9.]+:\d+/\S*)'),
    'websocket-tls': re.compile(r'listening on (wss://[0-9.]+:\d+/\S*)'),
    'rawsocket-tcp': re.compile(r'listening on (rs://[0-9.]+:\d+)'),
    'rawsocket-unix': re.compile(r'listening on (unix://\S+)'),
    'rawsocket-tls': re.compile(r'listening on (rss://[0-9.]+:\d+)'),
}
ALL_SERIALIZERS = ('json', 'msgpack', 'cbor')
# Which transports and serializers each client speaks. Autobahn|JS's Node RawSocket transport
# (lib/transport/rawsocket.js) is JSON only and plain TCP or Unix only (no TLS); Wampy is WebSocket only.
SUPPORTED = {
    'autobahn-js': {'websocket': ALL_SERIALIZERS, 'websocket-tls': ALL_SERIALIZERS,
                    'rawsocket-tcp': ('json',), 'rawsocket-unix': ('json',)},
    'wampy': {'websocket': ALL_SERIALIZERS, 'websocket-tls': ALL_SERIALIZERS},
    'autobahn-py': {transport: ALL_SERIALIZERS for transport in TRANSPORTS},
    'shutdown-check': {transport: ALL_SERIALIZERS for transport in TRANSPORTS},
}
SANITIZER_MARKERS = ('AddressSanitizer', 'LeakSanitizer', 'ThreadSanitizer', 'ASan', 'runtime error')
STARTUP_TIMEOUT = 15
CLIENT_TIMEOUT = 60
SHUTDOWN_TIMEOUT = 10


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--router', required=True, type=Path, help='path to the wampscope-router binary')
    parser.add_argument('--client', required=True, choices=[*CLIENTS, 'shutdown-check'])
    parser.add_argument('--serializer', choices=ALL_SERIALIZERS, default='json')
    parser.add_argument('--transport', choices=TRANSPORTS, default='websocket')
    args = parser.parse_args()
    if args.serializer not in SUPPORTED[args.client].get(args.transport, ()):
        parser.error(f'{args.client} does not speak {args.serializer} over {args.transport}')
    return args


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


def make_certificate(directory):
    """A self-signed certificate for 127.0.0.1 and localhost; returns (cert, key) paths."""
    cert, key = directory / 'cert.pem', directory / 'key.pem'
    command = ['openssl', 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', str(key),
               '-out', str(cert), '-days', '1', '-subj', '/CN=localhost',
               '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost']
    try:
        subprocess.run(command, check=True, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError) as failure:
        detail = getattr(failure, 'stderr', '') or failure
        raise InteropFailure(f'cannot make a TLS certificate with the openssl CLI: {detail}') from failure
    return cert, key


class Router:
    """The router under test: WebSocket and RawSocket on free TCP ports (with TLS if a
    certificate is given) and RawSocket on a Unix socket in `directory`."""

    def __init__(self, binary, transport, directory, certificate=None):
        if not os.access(binary, os.X_OK):
            raise InteropFailure(f'router binary {binary} is missing or not executable')
        command = [str(binary), '--host', '127.0.0.1', '--ws-port', '0', '--rs-port', '0',
                   '--unix-path', str(directory / 'router.sock'), '--realm', REALM]
        if certificate:
            command += ['--cert', str(certificate[0]), '--key', str(certificate[1])]
        self._process = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self._output = LineCollector(self._process.stdout)
        listening = self._output.wait_for(TRANSPORTS[transport], STARTUP_TIMEOUT)
        if not listening:
            outcome = self._stop_after_failed_start()
            raise InteropFailure(f'router {outcome} without printing a line matching'
                                 f' "{TRANSPORTS[transport].pattern}"; its output:\n{self.log()}')
        self.url = listening.group(1)

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


class Target:
    """Where and how a client connects: the router's URL and, for TLS, the certificate to trust."""

    def __init__(self, url, ca=None):
        self.url = url
        self.ca = ca


def client_command(client, target, serializer, *extra):
    program, script = CLIENTS[client]
    command = [program, script, '--url', target.url, '--realm', REALM, '--serializer', serializer, *extra]
    if target.ca and program == PYTHON:
        command += ['--ca', str(target.ca)]
    return command


def client_environment(target):
    environment = dict(os.environ)
    if target.ca:
        environment['NODE_EXTRA_CA_CERTS'] = str(target.ca)  # Node reads it at start-up
    return environment


def check_node_modules(client):
    if CLIENTS[client][0] == 'node' and not (HERE / 'node_modules').is_dir():
        raise InteropFailure(f'{HERE / "node_modules"} is missing: run `npm ci` in {HERE} first')


def start_client(command, target, **popen_options):
    # In its own process group, so that killing it also ends the callee it spawns.
    return subprocess.Popen(command, cwd=HERE, stdin=subprocess.DEVNULL, start_new_session=True,
                            env=client_environment(target), **popen_options)


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


def run_scenario(router, target, client, serializer):
    """Runs a client scenario, its output going straight to ours, then stops the router."""
    process = start_client(client_command(client, target, serializer), target)
    return client_problems(process, f'{client} client') + stop_router(router)


def run_shutdown_check(router, target, serializer):
    """Stops the router while an Autobahn|Python session is joined."""
    command = client_command('autobahn-py', target, serializer, '--mode', 'await-shutdown')
    process = start_client(command, target, stdout=subprocess.PIPE, text=True)
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
    with tempfile.TemporaryDirectory(prefix='wampscope-interop-') as temporary:
        directory = Path(temporary)
        try:
            if args.client != 'shutdown-check':
                check_node_modules(args.client)
            certificate = make_certificate(directory) if args.transport.endswith('-tls') else None
            router = Router(args.router, args.transport, directory, certificate)
            target = Target(router.url, certificate[0] if certificate else None)
            print(f'interop: router listening on {router.url}', flush=True)
            if args.client == 'shutdown-check':
                problems = run_shutdown_check(router, target, args.serializer)
            else:
                problems = run_scenario(router, target, args.client, args.serializer)
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
    print(f'interop: PASS {args.client} ({args.transport}, {args.serializer})')
    return 0


if __name__ == '__main__':
    sys.exit(main())

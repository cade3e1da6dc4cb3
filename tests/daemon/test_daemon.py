#!/usr/bin/python3
"""The wampscope-router executable as a user runs it: flags, configuration errors, ports, signals.

    /usr/bin/python3 test_daemon.py /path/to/wampscope-router
"""

import json
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import unittest
from pathlib import Path

ROUTER = None
LISTENING = re.compile(r'listening on ws://([0-9.]+):(\d+)')


def run(*args, timeout=10):
    return subprocess.run([ROUTER, *args], capture_output=True, text=True, timeout=timeout)


class RunningRouter:
    """Starts the router and waits for its listening line; stops it with SIGTERM on exit."""

    def __init__(self, *args):
        self.args = args

    def __enter__(self):
        self.process = subprocess.Popen([ROUTER, *self.args], stderr=subprocess.PIPE, text=True)
        self.log = []
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            line = self.process.stderr.readline()
            if not line:
                break
            self.log.append(line)
            match = LISTENING.search(line)
            if match:
                self.port = int(match.group(2))
                return self
        self.process.kill()
        raise AssertionError('router did not start: ' + ''.join(self.log))

    def wait_for(self, text, timeout=10):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            line = self.process.stderr.readline()
            if not line:
                break
            self.log.append(line)
            if text in line:
                return line
        raise AssertionError(f'{text!r} not logged: ' + ''.join(self.log))

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        rest = self.process.communicate(timeout=10)[1]
        self.log.append(rest)
        return self.process.returncode

    def __exit__(self, *exc):
        if self.process.poll() is None:
            self.stop()
        self.process.stderr.close()


def http_get(port, request=b'GET / HTTP/1.1\r\nHost: localhost\r\n\r\n'):
    with socket.create_connection(('127.0.0.1', port), timeout=5) as s:
        s.sendall(request)
        chunks = []
        while True:
            chunk = s.recv(65536)
            if not chunk:
                return b''.join(chunks)
            chunks.append(chunk)


def websocket_hello(port, realm='realm1'):
    """Joins with a minimal hand-made WebSocket client (stdlib only) and returns the router's first frame."""
    with socket.create_connection(('127.0.0.1', port), timeout=5) as s:
        s.sendall(b'GET /ws HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n'
                  b'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n'
                  b'Sec-WebSocket-Protocol: wamp.2.json\r\n\r\n')
        response = b''
        while b'\r\n\r\n' not in response:
            response += s.recv(4096)
        head, _, rest = response.partition(b'\r\n\r\n')
        assert head.startswith(b'HTTP/1.1 101'), head
        payload = json.dumps([1, realm, {'roles': {'caller': {}}}], separators=(',', ':')).encode()
        mask = b'\x01\x02\x03\x04'
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        s.sendall(bytes([0x81, 0x80 | len(payload)]) + mask + masked)
        while len(rest) < 4:
            rest += s.recv(4096)
        length, start = rest[1] & 0x7f, 2
        if length == 126:
            length, start = int.from_bytes(rest[2:4], 'big'), 4
        while len(rest) < start + length:
            rest += s.recv(4096)
        return json.loads(rest[start:start + length])


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def write_config(directory, config):
    path = Path(directory) / 'config.json'
    path.write_text(json.dumps(config) if not isinstance(config, str) else config)
    return str(path)


def websocket_config(port=8080, **transport):
    return {
        'version': 2,
        'workers': [{
            'type': 'router',
            'realms': [{'name': 'realm1', 'roles': []}],
            'transports': [{
                'type': 'websocket',
                'endpoint': {'type': 'tcp', 'interface': '127.0.0.1', 'port': port},
                **transport,
            }],
        }],
    }


class DaemonTest(unittest.TestCase):
    def test_help_and_version(self):
        result = run('--help')
        self.assertEqual(result.returncode, 0)
        for flag in ('--config', '--host', '--ws-port', '--realm', '--version'):
            self.assertIn(flag, result.stdout)
        result = run('--version')
        self.assertEqual(result.returncode, 0)
        self.assertRegex(result.stdout, r'wampscope-router \d+\.\d+\.\d+')

    def test_default_configuration_serves_realm1_on_the_given_port(self):
        with RunningRouter('--ws-port', '0') as router:
            self.assertIn('transport websocket listening on ws://127.0.0.1:', ''.join(router.log))
            page = http_get(router.port)
            self.assertTrue(page.startswith(b'HTTP/1.1 200 OK'), page[:100])
            self.assertIn(b'wamp.2.json', page)
            self.assertEqual(router.stop(), 0)
            self.assertIn('all sessions closed; exiting', ''.join(router.log))

    def test_port_in_use_exits_non_zero_with_a_clear_message(self):
        with socket.socket() as blocker:
            blocker.bind(('127.0.0.1', 0))
            blocker.listen()
            port = blocker.getsockname()[1]
            result = run('--ws-port', str(port))
        self.assertEqual(result.returncode, 1)
        self.assertIn(f'cannot listen on 127.0.0.1 port {port}', result.stderr)
        self.assertIn('exiting: transport websocket could not start', result.stderr)

    def test_invalid_flags(self):
        for args, message in (
            (['--ws-port', '70000'], "--ws-port: '70000' is not a port number 0..65535"),
            (['--ws-port', 'abc'], "--ws-port: 'abc' is not a port number 0..65535"),
            (['--host', 'not-an-ip'], "--host: 'not-an-ip' is not an IP address"),
            (['--realm', 'bad realm'], "--realm: 'bad realm' is not a valid realm URI"),
        ):
            with self.subTest(args=args):
                result = run(*args)
                self.assertEqual(result.returncode, 2)
                self.assertIn(message, result.stderr)

    def test_config_errors_name_their_json_path(self):
        config = websocket_config(port=70000, serializers=['json', 'ubjson'], options={'bogus': 1})
        config['workers'][0]['realms'][0]['name'] = 'bad realm'
        with tempfile.TemporaryDirectory() as tmp:
            result = run('--config', write_config(tmp, config))
        self.assertEqual(result.returncode, 2)
        for message in (
            'workers[0].transports[0].endpoint.port: 70000 is out of range 1..65535',
            "workers[0].transports[0].serializers[1]: 'ubjson' is not one of json, msgpack, cbor",
            'workers[0].transports[0].options.bogus: unknown key',
            "workers[0].realms[0].name: 'bad realm' is not a valid realm URI",
        ):
            self.assertIn(message, result.stderr)

    def test_config_syntax_error_gives_line_and_column(self):
        with tempfile.TemporaryDirectory() as tmp:
            result = run('--config', write_config(tmp, '{\n  "version": 2,\n  "workers": [,]\n}\n'))
        self.assertEqual(result.returncode, 2)
        self.assertRegex(result.stderr, r'config error: line 3, column \d+: ')

    def test_missing_config_file(self):
        result = run('--config', '/nonexistent/wampscope.json')
        self.assertEqual(result.returncode, 2)
        self.assertIn('/nonexistent/wampscope.json: cannot read', result.stderr)

    def test_crossbar_config_with_cli_overrides(self):
        config = websocket_config(port=1, serializers=['msgpack'], options={'enable_webstatus': False,
                                                                           'compression': {}})
        with tempfile.TemporaryDirectory() as tmp:
            with RunningRouter('--config', write_config(tmp, config), '--ws-port', '0', '--realm', 'other') as router:
                log = ''.join(router.log)
                self.assertIn('config warning: workers[0].transports[0].options.compression: not supported', log)
                self.assertEqual(http_get(router.port), b'')  # enable_webstatus: false
                self.assertEqual(router.stop(), 0)

    def test_debug_transport_logs_every_message(self):
        config = websocket_config(debug=True)
        with tempfile.TemporaryDirectory() as tmp:
            with RunningRouter('--config', write_config(tmp, config), '--ws-port', '0') as router:
                welcome = websocket_hello(router.port)
                self.assertEqual(welcome[0], 2)
                self.assertEqual(router.stop(), 0)
        log = ''.join(router.log)
        self.assertIn(f'transport1 session 0 in  [1,"realm1"', log)
        self.assertIn(f'transport1 session {welcome[1]} out [2,{welcome[1]},', log)

    def test_check_config(self):
        with tempfile.TemporaryDirectory() as tmp:
            good = run('--check-config', write_config(tmp, websocket_config(options={'compression': {}})))
            self.assertEqual(good.returncode, 0, good.stdout)
            self.assertIn('warning: workers[0].transports[0].options.compression: not supported', good.stdout)
            self.assertIn('valid (1 realm(s), 1 transport(s), 2 warning(s))', good.stdout)
            bad = run('--check-config', write_config(tmp, websocket_config(port=0)))
            self.assertEqual(bad.returncode, 1)
            self.assertIn('error: workers[0].transports[0].endpoint.port: 0 is out of range 1..65535', bad.stdout)
            self.assertIn('invalid (1 error(s))', bad.stdout)
            # Nothing was started: the port in the file stays free for the next test.
            self.assertNotIn('listening', good.stderr + bad.stderr)

    def test_sighup_reapplies_the_configuration(self):
        config = websocket_config(port=free_port())
        with tempfile.TemporaryDirectory() as tmp:
            path = write_config(tmp, config)
            with RunningRouter('--config', path) as router:
                first = websocket_hello(router.port)
                self.assertEqual(first[0], 2)
                # Add a RawSocket transport and break nothing else.
                config['workers'][0]['transports'].append(
                    {'id': 'rs', 'type': 'rawsocket', 'endpoint': {'type': 'tcp', 'interface': '127.0.0.1',
                                                                   'port': free_port()}})
                write_config(tmp, config)
                router.process.send_signal(signal.SIGHUP)
                router.wait_for('transport rs listening on rs://127.0.0.1:')
                # An invalid file is reported and the running configuration stays.
                write_config(tmp, '{"version": 2, "workers": 7}')
                router.process.send_signal(signal.SIGHUP)
                router.wait_for('keeping the running one')
                self.assertEqual(websocket_hello(router.port)[0], 2)
                self.assertEqual(router.stop(), 0)
            log = ''.join(router.log)
            self.assertIn('config error: workers: must be a list with one router worker', log)
            self.assertNotIn('transport transport1 stopped', log)

    def test_sigint_also_shuts_down(self):
        with RunningRouter('--ws-port', '0') as router:
            router.process.send_signal(signal.SIGINT)
            self.assertEqual(router.process.wait(timeout=10), 0)


if __name__ == '__main__':
    ROUTER = sys.argv.pop(1)
    unittest.main(verbosity=2)

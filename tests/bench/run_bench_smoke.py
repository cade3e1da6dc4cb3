#!/usr/bin/python3
"""wampscope-bench in smoke mode against a fresh wampscope-router, so the tool never rots.

    /usr/bin/python3 run_bench_smoke.py --router PATH/wampscope-router --bench PATH/wampscope-bench

Starts the router on free ports (WebSocket and RawSocket over TCP) and on a Unix socket in a temporary
directory, reads the URLs from its `transport X listening on URL` lines, and runs
`wampscope-bench --smoke --router-pid PID all` three times: WebSocket with JSON, RawSocket over TCP with
msgpack and RawSocket over the Unix socket with CBOR. Then stops the router with SIGTERM.

Passes when every bench run exits 0 and prints a row for every scenario, and the router exits with code 0.
The figures are printed for the log, never compared with anything: a loaded CI machine says nothing about
the router's speed.
"""

import argparse
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from processes import terminate

LISTENING = {
    'ws': re.compile(r'listening on (ws://[0-9.]+:\d+/\S*)'),
    'rs': re.compile(r'listening on (rs://[0-9.]+:\d+)'),
    'unix': re.compile(r'listening on (unix://\S+)'),
}
RUNS = (('ws', 'json'), ('rs', 'msgpack'), ('unix', 'cbor'))
# A row per phase of `all` in the table: each must be there.
ROWS = ('idle ', 'connect seq', 'connect par=', 'rpc ', 'rpc-pipelined ', 'pubsub subs=1 ', 'pubsub subs=10 ',
        'pubsub subs=100 ')


def wait_for_urls(router, log_path, timeout=15):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = log_path.read_text(errors='replace')
        urls = {name: pattern.search(text) for name, pattern in LISTENING.items()}
        if all(urls.values()):
            return {name: match.group(1) for name, match in urls.items()}
        if router.poll() is not None:
            break
        time.sleep(0.05)
    raise AssertionError('the router did not report all three transports listening:\n' + log_path.read_text())


def run_bench(bench, url, serializer, pid):
    command = [bench, '--url', url, '--serializer', serializer, '--smoke', '--router-pid', str(pid), 'all']
    print('$', ' '.join(command), flush=True)
    started = time.monotonic()
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    print(result.stderr, end='')
    print(result.stdout, end='')
    print(f'(exit code {result.returncode}, {time.monotonic() - started:.1f} s)\n', flush=True)
    problems = []
    if result.returncode != 0:
        problems.append(f'{url} {serializer}: exit code {result.returncode}')
    table = result.stdout.splitlines()
    for row in ROWS:
        if not any(line.startswith(row) for line in table):
            problems.append(f'{url} {serializer}: no "{row.strip()}" row in the report')
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--router', required=True)
    parser.add_argument('--bench', required=True)
    args = parser.parse_args()

    problems = []
    with tempfile.TemporaryDirectory(prefix='wampscope-bench-') as tmp:
        log_path = Path(tmp) / 'router.log'
        # The router logs every session to stderr: a file, not a pipe nobody drains while the bench runs.
        with open(log_path, 'w') as log:
            router = subprocess.Popen([args.router, '--ws-port', '0', '--rs-port', '0',
                                       '--unix-path', str(Path(tmp) / 'wamp.sock')],
                                      stdout=log, stderr=subprocess.STDOUT)
        try:
            urls = wait_for_urls(router, log_path)
            for transport, serializer in RUNS:
                problems += run_bench(args.bench, urls[transport], serializer, router.pid)
        finally:
            if not terminate(router, timeout=15):
                problems.append('the router did not exit within 15 s of SIGTERM')
        if router.returncode != 0:
            problems.append(f'the router exited with code {router.returncode}')
        if problems:
            print('router log (last 40 lines):')
            print('\n'.join(log_path.read_text(errors='replace').splitlines()[-40:]))

    for problem in problems:
        print('FAIL:', problem)
    if not problems:
        print('PASS: every bench run exited 0 and printed its figures; the router exited 0')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())

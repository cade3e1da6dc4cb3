#!/usr/bin/python3
"""What tracing costs: the same scenarios against wampscope-router (no trace) and the GUI (every message
traced into the inspector's trace), in alternating rounds, with medians.

    /usr/bin/python3 tests/bench/trace_cost.py --build build-bench [--rounds 10] [--duration 4]

Needs a Release build with the GUI (`cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release
-DWAMPSCOPE_TESTS=OFF`). Each round starts a fresh daemon, runs `wampscope-bench ... rpc-pipelined pubsub`
(WebSocket, msgpack, 10 subscribers) against it and stops it; then the same against the GUI, run offscreen
with an empty HOME. Rounds alternate because this kind of machine drifts by more than the margin being
measured; compare the medians, and the per-round costs for the spread. Not a test: prints figures only.
"""

import argparse
import json
import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from processes import terminate

SCENARIOS = ('rpc-pipelined', 'pubsub')


def bench(build, port, pid, duration):
    out = subprocess.run(
        [str(build / 'app/wampscope-bench'), '--url', f'ws://127.0.0.1:{port}/ws', '--serializer', 'msgpack',
         '--duration', str(duration), '--subscribers', '10', '--router-pid', str(pid), '--json', *SCENARIOS],
        check=True, capture_output=True, text=True).stdout
    found = {}

    def walk(node):
        if isinstance(node, dict):
            if 'scenario' in node and 'ops_per_second' in node:
                found[node['scenario']] = (node['ops_per_second'], node.get('router_us_per_op'))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(out))
    return found


def run_one(command, env, port, build, duration, settle):
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(settle)
        return bench(build, port, process.pid, duration)
    finally:
        terminate(process, timeout=10)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--build', type=Path, required=True)
    parser.add_argument('--rounds', type=int, default=10)
    parser.add_argument('--duration', type=int, default=4)
    parser.add_argument('--port', type=int, default=28190)
    args = parser.parse_args()

    results = {'daemon': [], 'gui': []}
    for round_number in range(1, args.rounds + 1):
        results['daemon'].append(run_one(
            [str(args.build / 'app/wampscope-router'), '--ws-port', str(args.port), '--rs-port', '0'],
            dict(os.environ), args.port, args.build, args.duration, settle=1))
        with tempfile.TemporaryDirectory() as home:
            env = dict(os.environ, HOME=home, QT_QPA_PLATFORM='offscreen')
            results['gui'].append(run_one(
                [str(args.build / 'app/wampscope'), '--ws-port', str(args.port + 1), '--rs-port',
                 str(args.port + 2)], env, args.port + 1, args.build, args.duration, settle=3))
        row = []
        for scenario in SCENARIOS:
            daemon = results['daemon'][-1][scenario][0]
            gui = results['gui'][-1][scenario][0]
            row.append(f'{scenario} {daemon:,.0f} vs {gui:,.0f} (cost {100 * (1 - gui / daemon):.1f}%)')
        print(f'round {round_number}: ' + '; '.join(row), flush=True)

    print()
    print(f'{"scenario":<15} {"daemon median":>14} {"GUI median":>12} {"cost":>7} {"per-round median":>17}'
          f' {"router us/op daemon / GUI":>27}')
    for scenario in SCENARIOS:
        daemon = [r[scenario][0] for r in results['daemon']]
        gui = [r[scenario][0] for r in results['gui']]
        costs = [1 - g / d for d, g in zip(daemon, gui)]
        daemon_us = statistics.median(r[scenario][1] for r in results['daemon'])
        gui_us = statistics.median(r[scenario][1] for r in results['gui'])
        cost = 1 - statistics.median(gui) / statistics.median(daemon)
        print(f'{scenario:<15} {statistics.median(daemon):>14,.0f} {statistics.median(gui):>12,.0f}'
              f' {100 * cost:>6.1f}% {100 * statistics.median(costs):>16.1f}% {daemon_us:>14.2f} / {gui_us:.2f}')


if __name__ == '__main__':
    main()

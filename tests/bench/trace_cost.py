#!/usr/bin/python3
"""What tracing costs: the same scenarios against wampscope-router, the GUI with tracing off (--no-trace) and
the GUI tracing every message into the inspector's trace, in alternating rounds, with medians. "tracing" is
GUI on against GUI off (what switching tracing on costs); "GUI on vs daemon" adds what the rest of the GUI
costs (sessions, statistics, painting).

    /usr/bin/python3 tests/bench/trace_cost.py --build build-bench [--rounds 10] [--duration 4]

Needs a Release build with the GUI (`cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release
-DWAMPSCOPE_TESTS=OFF`). Each round starts each router in turn (the GUIs offscreen, each with an empty
HOME), runs `wampscope-bench ... rpc-pipelined pubsub` (WebSocket, msgpack, 10 subscribers) against it and
stops it, starting each round with the next setup. Rounds alternate because this kind of machine drifts
by more than the margin being measured; compare the medians, and the per-round costs for the spread. Not a
test: prints figures only.
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

    app = args.build / 'app'
    setups = {
        'daemon': ([str(app / 'wampscope-router'), '--ws-port', str(args.port), '--rs-port', '0'], 1),
        'GUI off': ([str(app / 'wampscope'), '--no-trace', '--ws-port', str(args.port + 1), '--rs-port', '0'], 3),
        'GUI on': ([str(app / 'wampscope'), '--ws-port', str(args.port + 2), '--rs-port', '0'], 3),
    }
    results = {name: [] for name in setups}
    names = list(setups)
    for round_number in range(1, args.rounds + 1):
        # Each setup takes each place in the round in turn: a machine that drifts within a round favours
        # none of them.
        shift = (round_number - 1) % len(names)
        for name in names[shift:] + names[:shift]:
            command, settle = setups[name]
            with tempfile.TemporaryDirectory() as home:
                env = dict(os.environ, HOME=home, QT_QPA_PLATFORM='offscreen')
                results[name].append(run_one(command, env, int(command[command.index('--ws-port') + 1]),
                                             args.build, args.duration, settle))
        row = []
        for scenario in SCENARIOS:
            figures = [results[name][-1][scenario][0] for name in setups]
            row.append(f'{scenario} ' + ' / '.join(f'{figure:,.0f}' for figure in figures) +
                       f' (tracing {100 * (1 - figures[2] / figures[1]):.1f}%)')
        print(f'round {round_number} (daemon / GUI off / GUI on): ' + '; '.join(row), flush=True)

    print()
    print(f'{"scenario":<15} {"daemon":>9} {"GUI off":>9} {"GUI on":>9} {"tracing":>8} {"per-round":>10}'
          f' {"GUI on vs daemon":>17} {"router us/op daemon / off / on":>31}')
    for scenario in SCENARIOS:
        throughput = {name: [r[scenario][0] for r in results[name]] for name in setups}
        median = {name: statistics.median(values) for name, values in throughput.items()}
        per_round = statistics.median(1 - on / off for off, on in zip(throughput['GUI off'], throughput['GUI on']))
        router_us = ' / '.join(f'{statistics.median(r[scenario][1] for r in results[name]):.2f}' for name in setups)
        print(f'{scenario:<15} {median["daemon"]:>9,.0f} {median["GUI off"]:>9,.0f} {median["GUI on"]:>9,.0f}'
              f' {100 * (1 - median["GUI on"] / median["GUI off"]):>7.1f}% {100 * per_round:>9.1f}%'
              f' {100 * (1 - median["GUI on"] / median["daemon"]):>16.1f}% {router_us:>31}')


if __name__ == '__main__':
    main()

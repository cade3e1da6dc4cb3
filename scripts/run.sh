#!/usr/bin/env bash
# Builds Wampscope and runs it: the inspector GUI when a display is there, the headless router otherwise.
# Arguments go to the program, e.g. scripts/run.sh --ws-port 9000   (see --help).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DWAMPSCOPE_TESTS=OFF >/dev/null
cmake --build build
if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]]; then
    exec build/app/wampscope "$@"
else
    echo "No display: starting the headless router (build/app/wampscope-router)." >&2
    exec build/app/wampscope-router "$@"
fi

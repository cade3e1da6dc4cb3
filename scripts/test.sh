#!/usr/bin/env bash
# Installs what is missing, builds everything with warnings as errors and runs every test (unit tests,
# real-socket transport tests, and interoperability tests with Autobahn|JS, wampy and Autobahn|Python).
#   scripts/test.sh           the normal build, in build-test/
#   scripts/test.sh --asan    the same under AddressSanitizer + UndefinedBehaviorSanitizer, in build-asan/
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test

dir=build-test
flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo)
if [[ "${1:-}" == "--asan" ]]; then
    dir=build-asan
    flags=(-DCMAKE_BUILD_TYPE=Debug -DWAMPSCOPE_SANITIZE=ON)
    export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
fi
cmake -S . -B "$dir" -G Ninja -DWAMPSCOPE_WERROR=ON "${flags[@]}" >/dev/null
cmake --build "$dir"
QT_QPA_PLATFORM=offscreen ctest --test-dir "$dir" --output-on-failure -j2

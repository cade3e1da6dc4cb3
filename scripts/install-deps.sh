#!/usr/bin/env bash
# Installs what Wampscope needs on Debian 12, only what is missing.
#   scripts/install-deps.sh          build and run (Qt 6, msgpack-c, CMake)
#   scripts/install-deps.sh --test   also the test tools (Autobahn|Python, Node packages, Xvfb, openssl)
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(g++ cmake ninja-build ccache pkg-config
          qt6-base-dev qt6-websockets-dev qt6-tools-dev qt6-l10n-tools qt6-qpa-plugins libqt6svg6
          libmsgpack-cxx-dev fonts-dejavu-core)
if [[ "${1:-}" == "--test" ]]; then
    packages+=(python3 python3-autobahn python3-twisted python3-cbor2 python3-msgpack python3-ujson
               openssl xvfb xauth x11-apps imagemagick)
    command -v node >/dev/null 2>&1 || packages+=(nodejs npm)
fi

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
    echo "Installing Debian packages: ${missing[*]}"
    sudo=""
    [[ $(id -u) -eq 0 ]] || sudo="sudo"
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends \
        "${missing[@]}"
fi

if [[ "${1:-}" == "--test" ]]; then
    # Autobahn|JS and wampy for the interoperability tests, exactly as locked in package-lock.json.
    if [[ ! -d tests/interop/node_modules || tests/interop/package-lock.json -nt tests/interop/node_modules ]]; then
        (cd tests/interop && npm ci --no-audit --no-fund --loglevel=error)
        touch tests/interop/node_modules
    fi
fi

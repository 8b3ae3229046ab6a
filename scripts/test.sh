#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds everything and runs every test (this is what CI runs).
# Tests get a throwaway HOME with their own D-Bus session and an unlocked keyring (QtKeychain needs
# a secret service), and the offscreen Qt platform. Extra arguments go to ctest (e.g. -R kb).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-debian.sh
bash scripts/build.sh

test_home=$(mktemp -d)
trap 'rm -rf "$test_home"' EXIT
export HOTLINE_CTEST_ARGS="$*"
export QT_QPA_PLATFORM=offscreen QTWEBENGINE_DISABLE_SANDBOX=1
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}"
env HOME="$test_home" XDG_DATA_HOME="$test_home/data" XDG_CONFIG_HOME="$test_home/config" \
    XDG_CACHE_HOME="$test_home/cache" XDG_RUNTIME_DIR="$test_home/run" \
    dbus-run-session -- sh -c '
        mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
        eval "$(printf pw | gnome-keyring-daemon --unlock --components=secrets --daemonize)" >/dev/null
        ctest --test-dir build --output-on-failure --timeout 600 $HOTLINE_CTEST_ARGS'

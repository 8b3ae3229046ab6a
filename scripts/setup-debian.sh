#!/usr/bin/env bash
# Installs every Debian 12 package Hotline Desk needs to build, run and test.
# Idempotent: packages already present are skipped, so a second run costs seconds.
set -euo pipefail

packages=(
    # toolchain
    build-essential cmake ninja-build ccache pkg-config git
    # Qt 6.4
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libqt6sql6-psql
    qt6-webengine-dev qt6-webengine-dev-tools qt6-charts-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    libgl-dev
    # libraries
    catch2 libstemmer-dev openthesaurus-de-text mythes-de wngerman libsqlite3-dev sqlite3 libcurl4-openssl-dev qtkeychain-qt6-dev
    liblinphone-dev linphone-common libargon2-dev libmd4c-dev libmd4c-html0-dev
    # SIP stacks compared with liblinphone under hostile input (bench/sipstacks, docs/telephony.md)
    libre-dev libsofia-sip-ua-dev
    # real peers and harness for the tests
    baresip-core linphone-cli kamailio kamailio-tls-modules python3 python3-aiosmtpd python3-icalendar postgresql openssl
    xvfb xauth dbus dbus-x11 gnome-keyring libsecret-tools fonts-dejavu-core
    # a real desktop notification server for the desk's notification tests (tests/app/test_notify.cpp)
    dunst
)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "setup: all ${#packages[@]} packages present"
    exit 0
fi

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "setup: installing ${#missing[@]} packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "setup: done"

#!/usr/bin/env bash
# Renders docs/screenshot.png: starts hotline-desk under Xvfb on a fresh profile (first start: the built-in
# catalogue is installed), types a query, opens the first result and grabs the window from inside the app.
# Usage: scripts/screenshot.sh [query] [output.png]   (defaults: "perso verlust", docs/screenshot.png)
set -euo pipefail
cd "$(dirname "$0")/.."
query="${1:-perso verlust}"
out="${2:-docs/screenshot.png}"
[ -x build/app/hotline-desk ] || bash scripts/build.sh
command -v xvfb-run >/dev/null || bash scripts/setup-debian.sh

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
mkdir -p "$profile/run" && chmod 700 "$profile/run"
mkdir -p "$(dirname "$out")"
# A fixed, light Fusion look and German UI, so the picture does not depend on the machine's desktop settings.
env HOME="$profile" XDG_CONFIG_HOME="$profile/config" XDG_DATA_HOME="$profile/data" XDG_CACHE_HOME="$profile/cache" \
    XDG_RUNTIME_DIR="$profile/run" QTWEBENGINE_DISABLE_SANDBOX=1 QT_QPA_PLATFORM=xcb QT_SCALE_FACTOR=1 \
    QT_STYLE_OVERRIDE=Fusion \
    xvfb-run -a -s "-screen 0 1600x1000x24" \
    build/app/hotline-desk -style Fusion --screenshot "$(realpath -m "$out")" --query "$query"
echo "wrote $out"

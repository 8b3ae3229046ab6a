#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds and starts Hotline Desk on the embedded catalogue.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-debian.sh
bash scripts/build.sh
if [ -x build/app/hotline-desk ]; then
    exec build/app/hotline-desk "$@"
fi
# Until the desk exists: search the embedded catalogue interactively, one query a line.
echo "Type a query (e.g. perso, ummelden, zweitwohnung), Ctrl-D to quit."
exec build/kb/hotline-kb search --limit 5 - "$@"

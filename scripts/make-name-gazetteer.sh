#!/usr/bin/env bash
# Maintainer step: rebuilds the built-in name gazetteer of the entity layer (rewrite-core
# io/dxrewrite/entity/{first-names,surnames}.txt.gz) and the city list of the entity benchmark
# (bench io/dxrewrite/bench/entity/cities.txt.gz) from the npm package @faker-js/faker (MIT).
# Needs npm and node; never called at run time. Output is deterministic (sorted, gzip -n).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
version=${FAKER_VERSION:-10.6.0}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "@faker-js/faker@$version" >/dev/null 2>&1 && tar xzf faker-js-faker-"$version".tgz)
node "$root/scripts/faker-names.mjs" "$work/package" "$work"
res="$root/rewrite-core/src/main/resources/io/dxrewrite/entity"
bench="$root/bench/src/main/resources/io/dxrewrite/bench/entity"
mkdir -p "$res" "$bench"
gzip -9nc "$work/first-names.txt" > "$res/first-names.txt.gz"
gzip -9nc "$work/surnames.txt" > "$res/surnames.txt.gz"
gzip -9nc "$work/cities.txt" > "$bench/cities.txt.gz"
echo "updated the name gazetteer from @faker-js/faker $version" >&2

#!/usr/bin/env bash
# Measurements of the entity layer (recognizer recall on a generated held-out set, survival at
# epsilon 10 and 15 with the layer off and on, false positives on Amazon sentences and WordNet
# glosses, throughput off / placeholder / surrogate side by side): io.dxrewrite.bench.entity.EntityBench.
#   scripts/entity-bench.sh [LINES (default 1600)] [ROUNDS (default 5)] > /tmp/entities.md
# Builds bench/target/benchmarks.jar when missing or older than the sources; sets OPENBLAS_CORETYPE
# as the ./dx-rewrite launcher does. Results are recorded in docs/entities.md.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
jar="$root/bench/target/benchmarks.jar"

if [ ! -f "$jar" ] || [ -n "$(find "$root" -path "$root/.git" -prune -o \( -path '*/src/main/*' -o -name pom.xml \) \
    -type f -newer "$jar" -print -quit 2>/dev/null)" ]; then
  echo "entity-bench: building bench/target/benchmarks.jar ..." >&2
  (cd "$root" && mvn -B -q -Dstyle.color=never -DskipTests package -pl bench -am) >&2
fi

if [ -z "${OPENBLAS_CORETYPE:-}" ] && [ -r /proc/cpuinfo ]; then
  flags=$(grep -m1 '^flags' /proc/cpuinfo || true)
  case " $flags " in
    *" avx512f "*) export OPENBLAS_CORETYPE=SkylakeX ;;
    *" avx2 "*) export OPENBLAS_CORETYPE=Haswell ;;
  esac
fi

cd "$root"
exec java --add-modules jdk.incubator.vector -Xmx4g -cp "$jar" io.dxrewrite.bench.entity.EntityBench "$@"

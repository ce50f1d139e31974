#!/usr/bin/env bash
# JMH microbenchmarks of the exact nearest-neighbour kernels (bench/src/main/java/io/dxrewrite/bench/jmh).
#   scripts/jmh-kernels.sh                                          # all, synthetic 341,479 x 100 store
#   scripts/jmh-kernels.sh -p store=/tmp/stores/glove-6b-100d.dxemb # all, on a real store
#   scripts/jmh-kernels.sh FullVocabularyKernels -p kernel=simd     # any JMH options and filters
# Builds bench/target/benchmarks.jar when missing or older than the sources, and sets
# OPENBLAS_CORETYPE from the CPU flags (unless set) exactly as the ./dx-rewrite launcher does; the
# forked benchmark JVMs inherit it and get --add-modules jdk.incubator.vector from @Fork.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
jar="$root/bench/target/benchmarks.jar"

if [ ! -f "$jar" ] || [ -n "$(find "$root" -path "$root/.git" -prune -o \( -path '*/src/main/*' -o -name pom.xml \) \
    -type f -newer "$jar" -print -quit 2>/dev/null)" ]; then
  echo "jmh-kernels: building bench/target/benchmarks.jar ..." >&2
  (cd "$root" && mvn -B -q -Dstyle.color=never -DskipTests package -pl bench -am) >&2
fi

if [ -z "${OPENBLAS_CORETYPE:-}" ] && [ -r /proc/cpuinfo ]; then
  flags=$(grep -m1 '^flags' /proc/cpuinfo || true)
  case " $flags " in
    *" avx512f "*) export OPENBLAS_CORETYPE=SkylakeX ;;
    *" avx2 "*) export OPENBLAS_CORETYPE=Haswell ;;
  esac
fi

exec java --add-modules jdk.incubator.vector -jar "$jar" "$@"

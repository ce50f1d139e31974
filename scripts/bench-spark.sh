#!/usr/bin/env bash
# Words/s of the Spark module on local[2] against the plain library, in one JVM, plus executor
# memory (spark/src/test/java/io/dxrewrite/spark/bench/SparkThroughputBenchmark.java). Then runs
# the README's spark-submit command on examples/ through Spark's own SparkSubmit class and the
# shaded job jar, as a smoke test of the packaging (Spark itself need not be installed).
# Usage: scripts/bench-spark.sh [copies] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${OPENBLAS_CORETYPE:-}" ] && [ -r /proc/cpuinfo ]; then
  case " $(grep -m1 '^flags' /proc/cpuinfo) " in
    *" avx512f "*) export OPENBLAS_CORETYPE=SkylakeX ;;
    *" avx2 "*) export OPENBLAS_CORETYPE=Haswell ;;
  esac
fi
export SPARK_LOCAL_IP=127.0.0.1

fail() { echo "bench-spark: error: $*" >&2; exit 1; }
trap 'echo "bench-spark: error: line $LINENO exited with status $? ($BASH_COMMAND)" >&2' ERR
command -v mvn >/dev/null || fail "mvn not found"
command -v java >/dev/null || fail "java not found"

cp_file=$(mktemp)
out=$(mktemp -d)
trap 'rm -rf "$cp_file" "$out"' EXIT
# One Maven run from this checkout's reactor: package builds the shaded job jar and the test
# classes, then dependency:build-classpath lists the spark module's classpath with the sibling
# modules as their target/classes (a fresh clone needs no `mvn install`). Each module writes the
# file in turn; spark comes last.
echo "--- building spark (mvn package -pl spark -am) and resolving its classpath"
if ! mvn -B -q package dependency:build-classpath -pl spark -am -DskipTests \
    -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >"$out/build.log" 2>&1; then
  cat "$out/build.log" >&2
  fail "the build or the classpath step failed (Maven's output above)"
fi
[ -s "$cp_file" ] || fail "Maven wrote no classpath to $cp_file"
[ -f spark/target/dx-rewrite-spark.jar ] || fail "spark/target/dx-rewrite-spark.jar was not built"
deps=$(cat "$cp_file")
# the same flags as surefire's argLine (those spark-submit adds on Java 17)
opens=$(sed -n '/<argLine>/,/<\/argLine>/p' spark/pom.xml | grep -oE -- '-(-add|XX|D)[^ <]*' | tr '\n' ' ')

# shellcheck disable=SC2086
java -Xmx2g $opens -cp "spark/target/test-classes:spark/target/classes:$deps" \
  io.dxrewrite.spark.bench.SparkThroughputBenchmark "${1:-20}" "${2:-3}"

echo "--- spark-submit --master local[2] (SparkSubmit + target/dx-rewrite-spark.jar)"
# Spark's jars only: our code, ND4J and JavaCPP come from the shaded jar
spark_cp=$(tr ':' '\n' <"$cp_file" | grep -vE '/io/dxrewrite/|/org/nd4j/|/org/bytedeco/|/target/' | paste -sd:)
timer=()
if [ -x /usr/bin/time ]; then timer=(/usr/bin/time -f 'spark-submit local[2]: peak RSS %M kB, %e s'); fi
# shellcheck disable=SC2086
"${timer[@]}" java -Xmx2g $opens -cp "$spark_cp" org.apache.spark.deploy.SparkSubmit \
  --master 'local[2]' --class io.dxrewrite.spark.RewriteJob spark/target/dx-rewrite-spark.jar \
  --input examples/amazon-sentences.jsonl --output "$out/rewritten" --format jsonl --field text --epsilon 10
head -c 400 "$out"/rewritten/part-*.json | sed -n 1,2p

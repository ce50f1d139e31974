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

mvn -B -q package -pl spark -am -DskipTests
cp_file=$(mktemp)
out=$(mktemp -d)
trap 'rm -rf "$cp_file" "$out"' EXIT
mvn -B -q dependency:build-classpath -pl spark -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >/dev/null
deps=$(cat "$cp_file")
classes=embedding-store/target/classes:index-simd/target/classes:index-nd4j/target/classes:density-calibration/target/classes:rewrite-core/target/classes
# the same flags as surefire's argLine (those spark-submit adds on Java 17)
opens=$(sed -n '/<argLine>/,/<\/argLine>/p' spark/pom.xml | grep -oE -- '-(-add|XX|D)[^ <]*' | tr '\n' ' ')

# shellcheck disable=SC2086
java -Xmx2g $opens -cp "spark/target/test-classes:spark/target/classes:$classes:$deps" \
  io.dxrewrite.spark.bench.SparkThroughputBenchmark "${1:-20}" "${2:-3}"

echo "--- spark-submit --master local[2] (SparkSubmit + target/dx-rewrite-spark.jar)"
spark_cp=$(tr ':' '\n' <"$cp_file" | grep -vE '/io/dxrewrite/|/org/nd4j/|/org/bytedeco/' | paste -sd:)
timer=()
if [ -x /usr/bin/time ]; then timer=(/usr/bin/time -f 'spark-submit local[2]: peak RSS %M kB, %e s'); fi
# shellcheck disable=SC2086
"${timer[@]}" java -Xmx2g $opens -cp "$spark_cp" org.apache.spark.deploy.SparkSubmit \
  --master 'local[2]' --class io.dxrewrite.spark.RewriteJob spark/target/dx-rewrite-spark.jar \
  --input examples/amazon-sentences.jsonl --output "$out/rewritten" --format jsonl --field text --epsilon 10
head -c 400 "$out"/rewritten/part-*.json | sed -n 1,2p

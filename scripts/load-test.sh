#!/usr/bin/env bash
# Bounded load test of the HTTP server on 127.0.0.1 against the in-process library, in one run.
# Builds the server module's test classes, then runs io.dxrewrite.server.load.LoadGenerator, which
# starts the server in a child JVM (ephemeral port, auth off, throw-away ledger) and prints req/s,
# p50/p99 latency and words/s for single 20-word sentences and batches of 100, with the library's
# words/s on the same sentences and epsilon. Arguments are passed on, e.g.:
#   scripts/load-test.sh --seconds 10 --rounds 2 --clients-single 8 --clients-batch 2
# Every phase is bounded by --seconds (default 10) and --max-requests (default 100000).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
mvn -B -q -Dstyle.color=never -DskipTests test-compile -pl server -am

if [ -z "${OPENBLAS_CORETYPE:-}" ] && [ -r /proc/cpuinfo ]; then
  flags=$(grep -m1 '^flags' /proc/cpuinfo || true)
  case " $flags " in
    *" avx512f "*) export OPENBLAS_CORETYPE=SkylakeX ;;
    *" avx2 "*) export OPENBLAS_CORETYPE=Haswell ;;
  esac
fi

cd server
exec java -Xmx2g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -Ddxrewrite.testClasspath=target/test-classpath.txt \
  -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  io.dxrewrite.server.load.LoadGenerator "$@"

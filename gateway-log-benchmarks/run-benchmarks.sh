#!/usr/bin/env bash
# Runs every benchmark of issues #8 and #17 in one go and writes gateway-log-benchmarks/RESULTS.md:
#   JMH caller throughput with 1 and 2 threads (+ allocation per call with -prof gc), caller latency
#   percentiles when saturated (sample mode, 1 and 2 threads), bytes per call of Fields.of and Map.of
#   (-prof gc), the sanitizer, end-to-end sustained throughput with every line read back (the
#   hand-written ceiling included), the 20-million-record burst under a 256 MB heap, and the paced
#   latency runs (3 contenders + the hand-written reference x 25/50/75% load x 1/2/4 threads, response
#   time from each call's due time).
# Takes about 34 minutes on 2 cores: JMH caller side ~10 (24 forks of ~23 s), sanitizer ~3, end to end +
# burst ~5, CPU breakdown ~1, paced ~11 (36 JVMs of 5 s warm-up + 10 s measured + shutdown and read-back).
# Usage: gateway-log-benchmarks/run-benchmarks.sh [records-for-end-to-end (default 4000000)]
#   SMOKE=1 gateway-log-benchmarks/run-benchmarks.sh   one iteration of everything with tiny sizes (a few
#   minutes), to check the script and the report; writes target/results/RESULTS-smoke.md, not RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
SMOKE=${SMOKE:-0}
if [ "$SMOKE" = 1 ]; then
  N=${1:-200000}
  JMH_OPTS="-f 1 -wi 1 -i 1 -w 1s -r 1s"
  SANITIZER_TEXT_OPTS="-p length=1024"
  PACED_WARMUP=1 PACED_WINDOW=2
else
  N=${1:-4000000}
  JMH_OPTS=""
  SANITIZER_TEXT_OPTS=""
  PACED_WARMUP=5 PACED_WINDOW=10
fi
# One reactor build: the class path names the reactor's own jars (nothing is installed), and the Kafka
# test-broker module, which is never installed, resolves inside the reactor.
mvn -q -B -DskipTests -pl gateway-log-benchmarks -am package \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
CP="gateway-log-benchmarks/target/classes:$(cat gateway-log-benchmarks/target/classpath.txt)"
OUT=gateway-log-benchmarks/target/results
rm -rf "$OUT" && mkdir -p "$OUT"
# word splitting of $JMH_OPTS is wanted: it holds several options
# shellcheck disable=SC2086
jmh() { java -cp "$CP" org.openjdk.jmh.Main "$@" $JMH_OPTS; }
LOGGING=LoggingBenchmark.logOneRecord

jmh $LOGGING -t 1 -bm thrpt -prof gc -rf json -rff "$OUT/thrpt-t1.json" | tee "$OUT/thrpt-t1.txt"
jmh $LOGGING -t 2 -bm thrpt -prof gc -rf json -rff "$OUT/thrpt-t2.json" | tee "$OUT/thrpt-t2.txt"
# Saturated: every thread logs back to back, so the buffer fills and the tail shows how callers wait.
jmh $LOGGING -t 1 -bm sample -rf json -rff "$OUT/sample-t1.json" | tee "$OUT/sample-t1.txt"
jmh $LOGGING -t 2 -bm sample -rf json -rff "$OUT/sample-t2.json" | tee "$OUT/sample-t2.txt"
# Issue 17: bytes per call of the two idioms, sanitization on and off (a discarding sink)
jmh 'CallerSideBenchmark\.(fieldsOf|mapOf)$' -prof gc -rf json -rff "$OUT/caller-gc.json" | tee "$OUT/caller-gc.txt"
jmh SanitizerBenchmark -prof gc -rf json -rff "$OUT/sanitizer.json" | tee "$OUT/sanitizer.txt"
# Issue 12: one string of 1 KB, 64 KB and 1 MB, clean gateway text against adversarial near misses
# shellcheck disable=SC2086
jmh SanitizerTextBenchmark $SANITIZER_TEXT_OPTS -rf json -rff "$OUT/sanitizer-text.json" | tee "$OUT/sanitizer-text.txt"

for c in gatewaylog gatewaylog-nosanitize gatewaylog-nogzip log4j2-async-loggers log4j2-async-appender logback-async handwritten; do
  for t in 1 2; do
    java -Xms1g -Xmx1g -cp "$CP" io.gatewaylog.benchmarks.EndToEnd "$c" "$t" "$N" | grep '^RESULT' | tee -a "$OUT/e2e.txt"
  done
done
# Issue 17: where the CPU goes, per record and kind of thread (a count of work: it holds on a noisy machine)
for c in gatewaylog gatewaylog-nosanitize gatewaylog-nogzip log4j2-async-loggers logback-async handwritten; do
  java -Xms1g -Xmx1g -cp "$CP" io.gatewaylog.benchmarks.CpuBreakdown "$c" 1 "$N" | grep '^CPU' | tee -a "$OUT/cpu.txt"
done
# The burst: 20 million records as fast as possible, default settings, a 256 MB heap (an overflow
# would be an OutOfMemoryError), every record read back.
BURST=$([ "$SMOKE" = 1 ] && echo 1000000 || echo 20000000)
java -Xmx256m -cp "$CP" io.gatewaylog.benchmarks.EndToEnd gatewaylog-defaults 2 "$BURST" | grep '^RESULT' | tee "$OUT/burst.txt"

# Paced: one absolute rate per load for every contender. The capacity is the lowest 2-thread end-to-end
# rate (distinct records on disk per second) of the three paced contenders, measured above in this run.
PACED="gatewaylog log4j2-async-loggers logback-async"
CAPACITY=$(awk -v names=" $PACED " '$1 == "RESULT" && $3 == 2 && index(names, " " $2 " ") {
    r = $7 / $5; if (min == "" || r < min) min = r } END { printf "%.0f", min }' "$OUT/e2e.txt")
echo "CAPACITY $CAPACITY" | tee "$OUT/paced.txt"
for load in 25 50 75; do
  rate=$((CAPACITY * load / 100))
  # handwritten as a reference, not a peer: a plain synchronous writer on the same schedule shows the
  # floor that the machine and the harness themselves put under these percentiles
  for c in $PACED handwritten; do
    for t in 1 2 4; do
      java -Xms1g -Xmx1g -cp "$CP" io.gatewaylog.benchmarks.PacedLatency "$c" "$t" "$rate" "$load" \
          "$PACED_WARMUP" "$PACED_WINDOW" | grep '^RESULT' | tee -a "$OUT/paced.txt"
    done
  done
done

REPORT=gateway-log-benchmarks/RESULTS.md
[ "$SMOKE" = 1 ] && REPORT="$OUT/RESULTS-smoke.md"
java -cp "$CP" io.gatewaylog.benchmarks.Report "$OUT" > "$REPORT"
cat "$REPORT"

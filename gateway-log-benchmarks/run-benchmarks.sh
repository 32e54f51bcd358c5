#!/usr/bin/env bash
# Runs every benchmark of issue #8 in one go and writes gateway-log-benchmarks/RESULTS.md:
#   JMH caller throughput with 1 and 2 threads (+ allocation per call with -prof gc), caller latency
#   percentiles (sample mode), end-to-end sustained throughput with every line read back, and the
#   20-million-record burst under a 256 MB heap. Takes about 25 minutes on 2 cores.
# Usage: gateway-log-benchmarks/run-benchmarks.sh [records-for-end-to-end (default 4000000)]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-4000000}
# One reactor build: the class path names the reactor's own jars (nothing is installed), and the Kafka
# test-broker module, which is never installed, resolves inside the reactor.
mvn -q -B -DskipTests -pl gateway-log-benchmarks -am package \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
CP="gateway-log-benchmarks/target/classes:$(cat gateway-log-benchmarks/target/classpath.txt)"
OUT=gateway-log-benchmarks/target/results
rm -rf "$OUT" && mkdir -p "$OUT"
JMH="java -cp $CP org.openjdk.jmh.Main LoggingBenchmark.logOneRecord"

$JMH -t 1 -bm thrpt -prof gc -rf json -rff "$OUT/thrpt-t1.json" | tee "$OUT/thrpt-t1.txt"
$JMH -t 2 -bm thrpt -prof gc -rf json -rff "$OUT/thrpt-t2.json" | tee "$OUT/thrpt-t2.txt"
$JMH -t 1 -bm sample -rf json -rff "$OUT/sample-t1.json" | tee "$OUT/sample-t1.txt"
java -cp "$CP" org.openjdk.jmh.Main SanitizerBenchmark -prof gc -rf json -rff "$OUT/sanitizer.json" | tee "$OUT/sanitizer.txt"
# Issue 12: one string of 1 KB, 64 KB and 1 MB, clean gateway text against adversarial near misses
java -cp "$CP" org.openjdk.jmh.Main SanitizerTextBenchmark -rf json -rff "$OUT/sanitizer-text.json" | tee "$OUT/sanitizer-text.txt"

for c in gatewaylog gatewaylog-nosanitize log4j2-async-loggers log4j2-async-appender logback-async; do
  for t in 1 2; do
    java -Xms1g -Xmx1g -cp "$CP" io.gatewaylog.benchmarks.EndToEnd "$c" "$t" "$N" | grep '^RESULT' | tee -a "$OUT/e2e.txt"
  done
done
# The burst: 20 million records as fast as possible, default settings, a 256 MB heap (an overflow
# would be an OutOfMemoryError), every record read back.
java -Xmx256m -cp "$CP" io.gatewaylog.benchmarks.EndToEnd gatewaylog-defaults 2 20000000 | grep '^RESULT' | tee "$OUT/burst.txt"

java -cp "$CP" io.gatewaylog.benchmarks.Report "$OUT" > gateway-log-benchmarks/RESULTS.md
cat gateway-log-benchmarks/RESULTS.md

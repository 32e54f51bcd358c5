#!/usr/bin/env bash
# The Kafka benchmark of issue #14: gateway-log's Kafka sink vs Log4j 2.26's KafkaAppender on the same
# workload and producer settings, a fresh KRaft broker on loopback per run (a child JVM, -Xmx256m, from
# Maven Central jars), records/s acknowledged by the broker with 1 and 2 logging threads, and records
# lost across a broker SIGKILL + restart in the middle of the run. Writes gateway-log-benchmarks/KAFKA-RESULTS.md.
# Usage: gateway-log-benchmarks/run-kafka-benchmark.sh [records (default 200000)] [records for log4j2-sync (default 5000)]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-200000}
NSYNC=${2:-5000}
mvn -q -B -DskipTests -pl gateway-log-benchmarks -am package \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
CP="gateway-log-benchmarks/target/classes:$(cat gateway-log-benchmarks/target/classpath.txt)"
BROKER=gateway-log-sink-kafka/test-broker/target/kafka.classpath
OUT=gateway-log-benchmarks/target/kafka-results
rm -rf "$OUT" && mkdir -p "$OUT"
run() {
  java -Xms512m -Xmx512m -Dlogback.configurationFile=logback-quiet.xml -cp "$CP" \
      io.gatewaylog.benchmarks.kafka.KafkaShipping "$@" "$BROKER" 2>>"$OUT/stderr.txt" | grep '^RESULT' | tee -a "$OUT/results.txt"
}
for mode in steady restart; do
  for t in 1 2; do
    run gatewaylog "$t" "$N" "$mode"
    run log4j2 "$t" "$N" "$mode"
    run log4j2-sync "$t" "$NSYNC" "$mode"
  done
done
java -cp "$CP" io.gatewaylog.benchmarks.kafka.KafkaReport "$OUT/results.txt" "$(uptime)" > gateway-log-benchmarks/KAFKA-RESULTS.md
cat gateway-log-benchmarks/KAFKA-RESULTS.md

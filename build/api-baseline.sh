#!/usr/bin/env bash
# Freezes the public API of every module that publishes one: copies its built jar, without internal packages,
# to build/api-baseline/<artifactId>.jar, which the japicmp gate (parent pom) compares each build against.
# Run after `mvn -B -DskipTests package`, when a release is cut, and commit the result; until our releases are on
# Maven Central this directory is "the last release" (docs/ARCHITECTURE.md, "Build gates").
set -euo pipefail
cd "$(dirname "$0")/.."
modules=(gateway-log-api gateway-log-core gateway-log-testkit gateway-log-sink-file gateway-log-sink-syslog
         gateway-log-sink-metrics gateway-log-sink-kafka gateway-log-slf4j)
mkdir -p build/api-baseline
for m in "${modules[@]}"; do
  jar=$(ls "$m"/target/"$m"-*.jar | grep -v -e '-tests.jar' -e '-sources.jar' -e '-javadoc.jar' | head -1)
  python3 - "$jar" "build/api-baseline/$m.jar" <<'PY'
import sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
    for e in sorted(zin.infolist(), key=lambda e: e.filename):
        name = e.filename
        if not name.endswith(".class") or "/internal/" in name:
            continue
        info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
        zout.writestr(info, zin.read(name), zipfile.ZIP_DEFLATED)
PY
  echo "$m -> build/api-baseline/$m.jar ($(stat -c %s "build/api-baseline/$m.jar") bytes)"
done

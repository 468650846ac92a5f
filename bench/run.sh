#!/usr/bin/env bash
# Runs the JMH benchmarks (see docs/benchmarks.md). Arguments go to JMH, e.g. bench/run.sh ParseBenchmark -f 1.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -B -q -Dstyle.color=never -pl bench -am package -DskipTests
shared="${STAGESMITH_SHARED:-$root/../shared}"
exec java -Dstagesmith.shared="$shared" -jar bench/target/benchmarks.jar "${@:-ParseBenchmark}"

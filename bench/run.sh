#!/usr/bin/env bash
# Runs the parse benchmarks: Stagesmith under JMH, then the Node peer (dockerfile-ast, the parser of
# dockerfile-language-server-nodejs) on the same inputs, in one run. See docs/benchmarks.md.
# Extra arguments go to JMH, e.g. bench/run.sh -wi 3 -i 5.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
shared="${STAGESMITH_SHARED:-$root/../shared}"
largest="$shared/corpus/real/neondatabase__neon__compute__compute-node.Dockerfile"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mvn -B -q -Dstyle.color=never -pl bench -am package -DskipTests >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
java -cp bench/target/benchmarks.jar dev.stagesmith.bench.WriteGenerated 10000 200 "$work/generated-10k.Dockerfile"

echo "== Stagesmith (JMH, ms/op)"
java -Dstagesmith.shared="$shared" -jar bench/target/benchmarks.jar 'ParseBenchmark|CheckBenchmark' "$@" 2>&1 \
  | sed -n '/^Benchmark/,$p'

if command -v npm >/dev/null 2>&1; then
  echo "== dockerfile-ast 0.7.1 (Node $(node --version)): input, mean ms, min ms, runs"
  (cd bench/peer && npm install --silent --no-audit --no-fund >/dev/null)
  node bench/peer/parse-dockerfile-ast.js "corpus-largest=$largest" "generated-10k=$work/generated-10k.Dockerfile"
else
  echo "== Node peer skipped: install Node 20 and npm to compare with dockerfile-ast"
fi

#!/usr/bin/env bash
# Language-server benchmark: `stagesmith lsp` (through bin/stagesmith, with its JVM flags and class
# archive) and dockerfile-language-server-nodejs, over stdio, one after the other in this run, on the
# same generated files with the same edits and requests. See docs/benchmarks.md ("Language server").
#
#   bench/lsp/run.sh                  # both servers; table on stdout, JSON in bench/lsp/target/
#   bench/lsp/run.sh --jvm-variants   # Stagesmith under several JVM flag sets, beside the Node server
#   bench/lsp/run.sh --startups 10    # other arguments go to the driver (node bench/lsp/lsp-bench.js --help)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

variants=false
if [ "${1:-}" = --jvm-variants ]; then
  variants=true
  shift
fi

for tool in node npm java mvn; do
  command -v "$tool" >/dev/null 2>&1 || { echo "bench/lsp/run.sh: $tool is needed (Node 20 with npm, JDK 17+, Maven)" >&2; exit 2; }
done

out="$root/bench/lsp/target"
mkdir -p "$out"
server_jar=server/target/stagesmith.jar
bench_jar=bench/target/benchmarks.jar

# Build when a jar is missing or older than any source (the same rule as bin/stagesmith).
stale() {
  [ ! -f "$server_jar" ] || [ ! -f "$bench_jar" ] && return 0
  [ -n "$(find pom.xml grammar engine server bench/pom.xml bench/src \( -name target -prune \) -o \
      \( -type f -newer "$server_jar" -print -quit \) 2>/dev/null)" ]
}
if stale; then
  echo "== building $server_jar and $bench_jar" >&2
  mvn -B -q -Dstyle.color=never -pl server,bench -am package -DskipTests >"$out/build.log" 2>&1 \
    || { cat "$out/build.log" >&2; exit 1; }
fi

if [ ! -d bench/lsp/node_modules/dockerfile-language-server-nodejs ] \
    || [ bench/lsp/package-lock.json -nt bench/lsp/node_modules/.package-lock.json ]; then
  echo "== installing the Node peer (npm ci)" >&2
  (cd bench/lsp && npm ci --silent --no-audit --no-fund)
fi

# Inputs: the generator's 50-stage file at about 3,000 and 4,000 lines (3,003 and 4,003).
java -cp "$bench_jar" dev.stagesmith.bench.WriteGenerated 3050 50 "$out/generated-3k.Dockerfile"
java -cp "$bench_jar" dev.stagesmith.bench.WriteGenerated 4050 50 "$out/generated-4k.Dockerfile"

node_server="node bench/lsp/node_modules/dockerfile-language-server-nodejs/bin/docker-langserver --stdio"
node_version="$(node -p "require('./bench/lsp/node_modules/dockerfile-language-server-nodejs/package.json').version")"
java_version="$(java -version 2>&1 | head -n 1)"
meta=(--meta "java=$java_version" --meta "node=$(node --version)"
  --meta "dockerfile-language-server-nodejs=$node_version" --meta "commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)")

# bin/stagesmith records its class archive in the background on the first start after a build; wait
# for it here so that every timed start uses it, as every start after the first does for a user.
prime_archive() {
  bin/stagesmith lsp </dev/null >/dev/null 2>&1 || true
  for _ in $(seq 120); do
    for a in server/target/stagesmith-lsp-*.jsa; do
      [ "$a" -nt "$server_jar" ] && return 0
    done
    sleep 0.5
  done
  echo "bench/lsp/run.sh: no class archive was recorded; Stagesmith runs without one" >&2
}

if ! $variants; then
  prime_archive
  node bench/lsp/lsp-bench.js --file "$out/generated-3k.Dockerfile" --tokens-file "$out/generated-4k.Dockerfile" \
    --server "stagesmith=bin/stagesmith lsp" --server "node=$node_server" \
    --json "$out/lsp-bench.json" --logs "$out/logs" "${meta[@]}" "$@"
  exit
fi

# --jvm-variants: the same session for Stagesmith started by plain java with different flags. Every
# variant sends the JVM's own output to stderr (stdout carries LSP).
quiet="-XX:+DisplayVMOutputToStderr -Xlog:disable -Xlog:all=warning:stderr"
small="-XX:+UseSerialGC -Xms32m -Xmx256m"
jsa="$out/variants.jsa"
rm -f "$jsa"
echo "== recording a class archive for the AppCDS variants (a short session)" >&2
node bench/lsp/lsp-bench.js --file "$out/generated-3k.Dockerfile" --tokens-file "$out/generated-4k.Dockerfile" \
  --startups 0 --edits 20 --completions 8 --tokens-runs 1 --logs "$out/logs" \
  --server "archive=java $quiet $small -XX:ArchiveClassesAtExit=$jsa -Xlog:cds*=off:stderr -jar $server_jar lsp" >/dev/null
cds="-XX:SharedArchiveFile=$jsa"
node bench/lsp/lsp-bench.js --file "$out/generated-3k.Dockerfile" --tokens-file "$out/generated-4k.Dockerfile" \
  --server "default=java $quiet -jar $server_jar lsp" \
  --server "serial=java $quiet -XX:+UseSerialGC -jar $server_jar lsp" \
  --server "small-heap=java $quiet $small -jar $server_jar lsp" \
  --server "small-heap+c1=java $quiet $small -XX:TieredStopAtLevel=1 -jar $server_jar lsp" \
  --server "small-heap+cds=java $quiet $small $cds -jar $server_jar lsp" \
  --server "small-heap+c1+cds=java $quiet $small -XX:TieredStopAtLevel=1 $cds -jar $server_jar lsp" \
  --server "default+cds=java $quiet $cds -jar $server_jar lsp" \
  --server "node=$node_server" \
  --json "$out/lsp-bench-jvm-variants.json" --logs "$out/logs" "${meta[@]}" "$@"

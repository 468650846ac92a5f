#!/usr/bin/env bash
# Build benchmark: a COPY-heavy three-stage project (5,000 files, ~100 MB in two source trees) built
# cold, warm (unchanged rebuild) and "touched" (every file's mtime changed, content the same) with
# Stagesmith (bin/stagesmith build; and in-process through JMH, as the editor builds) and with `buildah bud` (vfs storage, chroot isolation, --layers)
# in the same run. Prints the median of RUNS runs of each as a markdown table.
#
#   bench/build/run.sh                 # RUNS=3
#   RUNS=5 FILES=5000 MB=100 bench/build/run.sh
#   SKIP_BUILDAH=1 bench/build/run.sh  # Stagesmith only
#   PROFILE=1 bench/build/run.sh       # also one Stagesmith cold/warm run with --progress json + GC log
#   KEEP=1 bench/build/run.sh          # keep the temp dir (context, cache, logs) for a closer look
#
# Needs (Debian 12, as root): JDK 17, Maven, python3, buildah runc golang-github-containers-common
# (see /work/shared/recipes/README.md). buildah uses a private storage.conf/containers.conf under the
# temp dir, so the machine's container storage is not touched. Everything is removed on exit.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUNS="${RUNS:-3}"
FILES="${FILES:-5000}"
MB="${MB:-100}"
SEED="${SEED:-20240601}"
ss="$root/bin/stagesmith"

T="$(mktemp -d "${TMPDIR:-/tmp}/ss-build-bench.XXXXXX")"
RES="$T/results.tsv"   # tool <TAB> phase <TAB> seconds
: >"$RES"
# shellcheck source=bench/build/lib.sh
. "$root/bench/build/lib.sh"
trap cleanup_tmp EXIT
CTX="$T/ctx"

# ---------------------------------------------------------------- context (deterministic)
echo "== generating context: $FILES files, ~$MB MB, seed $SEED" >&2
python3 - "$CTX" "$FILES" "$MB" "$SEED" <<'PY'
import os, random, sys
ctx, nfiles, mb, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
rnd = random.Random(seed)
total_target = mb * 1_000_000
# 1% of the files are large (~1 MB each, 40% of the bytes); the rest are small, mixed sizes.
n_large = max(1, nfiles // 125)
n_small = nfiles - n_large
large_bytes = int(total_target * 0.4)
small_mean = (total_target - large_bytes) / n_small
sizes = [rnd.randint(int(large_bytes / n_large * 0.75), int(large_bytes / n_large * 1.25)) for _ in range(n_large)]
# small: mostly tiny files (sources), some medium (assets); scaled to hit the mean.
raw = [rnd.choice((rnd.randint(64, 4096), rnd.randint(64, 4096), rnd.randint(4096, 65536))) for _ in range(n_small)]
scale = small_mean * n_small / sum(raw)
sizes += [max(1, int(r * scale)) for r in raw]
rnd.shuffle(sizes)
# Content: half the files text-like (compressible), half random bytes, from fixed pools.
pool_rand = rnd.randbytes(4 << 20)
words = [b"stage", b"layer", b"copy", b"cache", b"digest", b"manifest", b"build", b"from", b"scratch", b"\n"]
pool_text = b" ".join(rnd.choice(words) for _ in range(1 << 20))[: 4 << 20]
def content(i, size):
    pool = pool_rand if i % 2 else pool_text
    out = bytearray()
    off = rnd.randrange(len(pool))
    while len(out) < size:
        chunk = pool[off: off + size - len(out)]
        out += chunk
        off = 0
    return bytes(out)
total = 0
for i, size in enumerate(sizes):
    tree = "src-a" if i % 2 == 0 else "src-b"
    j = i // 2
    d = os.path.join(ctx, tree, f"mod{j % 25:02d}", f"pkg{(j // 25) % 10}", f"sub{(j // 250) % 10}")
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, f"f{i:05d}.{'bin' if i % 2 else 'txt'}"), "wb") as f:
        f.write(content(i, size))
    total += size
with open(os.path.join(ctx, "Dockerfile"), "w") as f:
    f.write("""FROM scratch AS a
COPY src-a/ /a/

FROM scratch AS b
COPY src-b/ /b/

FROM scratch AS final
COPY --from=a /a /app/a
COPY --from=b /b /app/b
LABEL org.opencontainers.image.title="stagesmith-copy-bench"
ENTRYPOINT ["/app/a/run"]
""")
print(f"  {len(sizes)} files, {total} bytes ({total / 1e6:.1f} MB), {n_large} large", file=sys.stderr)
PY
CTX_FILES="$(find "$CTX" -type f ! -name Dockerfile | wc -l)"
CTX_BYTES="$(find "$CTX" -type f ! -name Dockerfile -printf '%s\n' | awk '{s+=$1} END {print s}')"

touch_all() { find "$CTX" -type f -print0 | xargs -0 touch; sleep 0.01; }

# ---------------------------------------------------------------- Stagesmith
echo "== Stagesmith: building the jar if needed (not timed)" >&2
"$ss" --version >"$T/ss-version.txt" 2>&1 || { cat "$T/ss-version.txt" >&2; exit 1; }
ss_build() { "$ss" build --progress plain --cache-dir "$T/cache" --target final -o "oci:$T/out" "$CTX"; }
echo "== Stagesmith: $RUNS x (cold, warm, touched)" >&2
for i in $(seq 1 "$RUNS"); do
  rm -rf "$T/cache" "$T/out"
  sync; sleep 0.5
  timed stagesmith cold "$T/ss-cold-$i.log" ss_build
  timed stagesmith warm "$T/ss-warm-$i.log" ss_build
  touch_all
  timed stagesmith touched "$T/ss-touched-$i.log" ss_build
done
ss_check="$(python3 - "$T/out" <<'PY'
import json, sys, os
d = sys.argv[1]
idx = json.load(open(os.path.join(d, "index.json")))
m = idx["manifests"][0]["digest"].split(":")[1]
man = json.load(open(os.path.join(d, "blobs", "sha256", m)))
print(f"{len(man['layers'])} layers, {sum(l['size'] for l in man['layers'])} bytes")
PY
)"
echo "  stagesmith output: $ss_check" >&2

# ---------------------------------------------------------------- buildah
# An unchanged rebuild inside a running JVM, as "Build to stage" in the editor does it (JMH, single shot).
echo "== Stagesmith in-process unchanged rebuild (JMH; building the bench jar first, not timed)" >&2
(cd "$root" && mvn -B -q -Dstyle.color=never -pl bench -am package -DskipTests) >"$T/bench-build.log" 2>&1 \
  || { tail -n 30 "$T/bench-build.log" >&2; exit 1; }
java -jar "$root/bench/target/benchmarks.jar" WarmRebuild -p "context=$CTX" -f 1 -wi 5 -i 20 -rf json \
  -rff "$T/jmh.json" >"$T/jmh.log" 2>&1 || { tail -n 30 "$T/jmh.log" >&2; exit 1; }
python3 - "$T/jmh.json" >>"$RES" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))[0]["primaryMetric"]
for v in r["rawData"][0]:
    print(f"stagesmith\tin-process-warm\t{v / 1000:.4f}")
PY
echo "  in-process warm: median $(median stagesmith in-process-warm) s" >&2

BH_VERSION="(skipped)"
if [ -z "${SKIP_BUILDAH:-}" ]; then
  BH_VERSION="$(buildah --version)"
  buildah_config
  bh_bud() { timeout 600 buildah bud --isolation chroot --layers -t bench:1 -f "$CTX/Dockerfile" "$CTX"; }
  bh_push() { rm -rf "$T/bh-out"; timeout 600 buildah push -q bench:1 "oci:$T/bh-out:1"; }
  echo "== buildah: $RUNS x (cold, warm, touched) + push to an OCI layout after cold" >&2
  for i in $(seq 1 "$RUNS"); do
    buildah_fresh_storage
    sync; sleep 0.5
    timed buildah cold "$T/bh-cold-$i.log" bh_bud
    timed buildah push-oci "$T/bh-push-$i.log" bh_push
    timed buildah warm "$T/bh-warm-$i.log" bh_bud
    touch_all
    timed buildah touched "$T/bh-touched-$i.log" bh_bud
  done
  buildah_fresh_storage
fi

# ---------------------------------------------------------------- optional profile
if [ -n "${PROFILE:-}" ]; then
  echo "== profile: Stagesmith cold + warm with --progress json and -Xlog:gc" >&2
  rm -rf "$T/cache" "$T/out"
  for phase in cold warm; do
    s="$(now)"
    STAGESMITH_JAVA_OPTS="${STAGESMITH_JAVA_OPTS:-} -Xlog:gc:file=$T/gc-$phase.log" \
      "$ss" build --progress json --cache-dir "$T/cache" --target final -o "oci:$T/out" "$CTX" \
      >"$T/prof-$phase.jsonl" 2>&1
    e="$(now)"
    echo "--- $phase: $(python3 -c "print(f'{$e - $s:.3f}')") s wall; GC pauses: $(grep -c 'Pause' "$T/gc-$phase.log" || true)," \
      "total pause ms: $(grep -o '[0-9.]*ms$' "$T/gc-$phase.log" | awk '{s+=$1} END {printf "%.0f", s}')"
    grep -v '^$' "$T/prof-$phase.jsonl" | head -n 60
  done
  if [ -n "${PROFILE_KEEP:-}" ]; then mkdir -p "$PROFILE_KEEP"; cp "$T"/prof-*.jsonl "$T"/gc-*.log "$PROFILE_KEEP"/; fi
fi

# ---------------------------------------------------------------- report
echo
echo "### Build benchmark: COPY-heavy 3-stage project ($CTX_FILES files, $(python3 -c "print(f'{$CTX_BYTES/1e6:.1f}')") MB)"
echo
echo "- date: $(date -u +%Y-%m-%dT%H:%MZ); runs per cell: $RUNS (median shown; min–max in brackets)"
echo "- machine: $(nproc) CPUs, $(awk '/MemTotal/ {printf "%.0f GB", $2/1e6}' /proc/meminfo) RAM, $(uname -sr)"
echo "- java: $(java -version 2>&1 | head -n 1)"
echo "- stagesmith: $(head -n 1 "$T/ss-version.txt") (bin/stagesmith, default JVM flags${STAGESMITH_JAVA_OPTS:+, STAGESMITH_JAVA_OPTS=$STAGESMITH_JAVA_OPTS})"
echo "- buildah: $BH_VERSION (vfs, --isolation chroot, --layers)"
echo "- stagesmith output checked: $ss_check"
echo
python3 - "$RES" <<'PY'
import sys, statistics
rows = {}
for line in open(sys.argv[1]):
    tool, phase, secs = line.rstrip("\n").split("\t")
    rows.setdefault(tool, {}).setdefault(phase, []).append(float(secs))
def med(tool, phase):
    v = rows.get(tool, {}).get(phase)
    return statistics.median(v) if v else None
def cell(tool, phase):
    v = rows.get(tool, {}).get(phase)
    if not v: return "–"
    m = statistics.median(v)
    return f"{m:.2f} s" + (f" [{min(v):.2f}–{max(v):.2f}]" if len(v) > 1 else "")
print("| tool | cold | warm (unchanged) | touched (mtime only) |")
print("|---|---|---|---|")
print(f"| Stagesmith (`build -o oci:DIR`) | {cell('stagesmith','cold')} | {cell('stagesmith','warm')} | {cell('stagesmith','touched')} |")
if med('stagesmith','in-process-warm') is not None:
    print(f"| Stagesmith in a running process (editor) | – | {cell('stagesmith','in-process-warm')} | – |")
if "buildah" in rows:
    print(f"| buildah bud --layers | {cell('buildah','cold')} | {cell('buildah','warm')} | {cell('buildah','touched')} |")
    c = med('buildah','cold'); p = med('buildah','push-oci')
    if c is not None and p is not None:
        print(f"| buildah bud + push oci:DIR (cold only) | {c + p:.2f} s (push {cell('buildah','push-oci')}) | – | – |")
    print()
    print("| speedup (buildah ÷ Stagesmith) | cold | warm | touched |")
    print("|---|---|---|---|")
    r = lambda ph: f"{med('buildah', ph) / med('stagesmith', ph):.1f}x" if med('buildah', ph) and med('stagesmith', ph) else "–"
    print(f"| vs bud alone | {r('cold')} | {r('warm')} | {r('touched')} |")
    if c is not None and p is not None:
        print(f"| vs bud + push (cold) | {(c + p) / med('stagesmith','cold'):.1f}x | – | – |")
print()
sc, sw, si = med('stagesmith','cold'), med('stagesmith','warm'), med('stagesmith','in-process-warm')
tc = (med('buildah','cold') or 5.5) / 2
print(f"Targets: cold < {tc:.2f} s (2x faster than buildah cold): {'met' if sc < tc else 'MISSED'} ({sc:.2f} s); "
      f"unchanged rebuild < 0.30 s: {'met' if sw < 0.3 else 'MISSED'} ({sw:.2f} s from the command line"
      + (f"; {si:.2f} s in a running process: {'met' if si < 0.3 else 'MISSED'}" if si is not None else "") + ").")
PY

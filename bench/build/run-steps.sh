#!/usr/bin/env bash
# Build benchmark for RUN: a RUN-heavy three-stage project, and two independent CPU-bound stages that
# show the parallel speed-up. Stagesmith (embedded engine; as root its RUN sandbox is unshare + chroot) and `buildah bud` (vfs, chroot
# isolation, --layers) build the same Dockerfiles, cold and warm, in the same run, on a busybox base image
# served by a docker-registry on 127.0.0.1. Prints markdown tables (median of RUNS runs).
#
#   bench/build/run-steps.sh                  # RUNS=3
#   SKIP_BUILDAH=1 RUNS=1 bench/build/run-steps.sh
#   KEEP=1 bench/build/run-steps.sh           # keep the temp dir for a closer look
#
# Needs (Debian 12, as root): JDK 17, Maven, python3, busybox-static docker-registry, and for
# the comparison buildah runc golang-github-containers-common (see /work/shared/recipes/README.md).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUNS="${RUNS:-3}"
WORK_MB="${WORK_MB:-600}"   # bytes each parallel stage hashes, in MB
ss="$root/bin/stagesmith"

T="$(mktemp -d "${TMPDIR:-/tmp}/ss-steps-bench.XXXXXX")"
RES="$T/results.tsv"
: >"$RES"
# shellcheck source=bench/build/lib.sh
. "$root/bench/build/lib.sh"
REG_PID=
stop() { [ -n "$REG_PID" ] && kill "$REG_PID" 2>/dev/null; cleanup_tmp; }
trap stop EXIT

# ---------------------------------------------------------------- registry with a busybox base image
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
mkdir -p "$T/reg"
cat >"$T/reg/config.yml" <<C
version: 0.1
log: {level: warn}
storage: {filesystem: {rootdirectory: $T/reg/data}}
http: {addr: "127.0.0.1:$PORT"}
C
docker-registry serve "$T/reg/config.yml" >"$T/reg/log" 2>&1 &
REG_PID=$!
until curl -fs -m 1 -o /dev/null "http://127.0.0.1:$PORT/v2/"; do
  kill -0 "$REG_PID" 2>/dev/null || { cat "$T/reg/log" >&2; exit 1; }
  sleep 0.05
done
BASE="127.0.0.1:$PORT/bench/busybox:1"

echo "== building the jar if needed and the busybox base image (not timed)" >&2
"$ss" --version >"$T/ss-version.txt" 2>&1 || { cat "$T/ss-version.txt" >&2; exit 1; }
mkdir -p "$T/base/rootfs/bin" "$T/base/rootfs/etc" "$T/base/rootfs/tmp" "$T/base/rootfs/root"
cp /bin/busybox "$T/base/rootfs/bin/"
for a in $("$T/base/rootfs/bin/busybox" --list); do [ "$a" = busybox ] || ln -sf busybox "$T/base/rootfs/bin/$a"; done
chmod 1777 "$T/base/rootfs/tmp"
echo 'root:x:0:0:root:/root:/bin/sh' >"$T/base/rootfs/etc/passwd"
echo 'root:x:0:' >"$T/base/rootfs/etc/group"
tar -C "$T/base/rootfs" -cf "$T/base/rootfs.tar" .
printf 'FROM scratch\nADD rootfs.tar /\nENV PATH=/bin\nCMD ["/bin/sh"]\n' >"$T/base/Dockerfile"
"$ss" build --progress plain --cache-dir "$T/base-cache" --push "$BASE" "$T/base" >"$T/base.log" 2>&1 \
  || { cat "$T/base.log" >&2; exit 1; }

# ---------------------------------------------------------------- the two projects
mkdir -p "$T/steps/src" "$T/par"
python3 - "$T/steps/src" <<'PY'
import os, random, sys
rnd = random.Random(7)
for i in range(400):
    d = os.path.join(sys.argv[1], f"pkg{i % 20:02d}")
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, f"m{i:03d}.c"), "w") as f:
        f.write("".join(f"int f{i}_{j}(int x) {{ return x * {rnd.randint(1, 99)}; }}\n" for j in range(rnd.randint(20, 200))))
PY
cat >"$T/steps/Dockerfile" <<D
FROM $BASE AS tools
RUN mkdir -p /opt/tools && for i in \$(seq 1 300); do printf '#!/bin/sh\necho tool %s\n' \$i >/opt/tools/t\$i; done
RUN chmod 755 /opt/tools/* && mkdir -p /usr/local/bin && ln -s /opt/tools/t1 /usr/local/bin/tool
RUN for i in \$(seq 1 100); do rm /opt/tools/t\$i; done
RUN echo 'builder:x:1000:1000::/home/builder:/bin/sh' >>/etc/passwd && echo 'builder:x:1000:' >>/etc/group \\
    && mkdir -p /home/builder/cache && chmod -R 777 /home/builder
RUN mkdir -p /etc/profile.d && echo 'export LANG=C.UTF-8' >/etc/profile.d/lang.sh && sed -i 's/^root:/root:/' /etc/group

FROM tools AS build
COPY src/ /src/
RUN cd /src && find . -type f | sort | xargs sha256sum >/sums.txt
RUN mkdir -p /obj && for f in \$(find /src -name '*.c'); do wc -l "\$f" >"/obj/\$(basename "\$f" .c).o"; done
RUN cd /obj && cat *.o | sort -n | tail -n 5 >/top.txt && ls /obj | wc -l >/count.txt
RUN tar -C /obj -cf /objects.tar . && rm -rf /obj
RUN gzip -k /objects.tar && rm /objects.tar
USER builder
RUN echo built by \$(id -un) >/home/builder/who && ls /home/builder/cache >/dev/null
USER root
RUN rm -rf /src

FROM $BASE AS final
COPY --from=build /sums.txt /top.txt /count.txt /objects.tar.gz /app/
COPY --from=tools /opt/tools /opt/tools
RUN ls -la /app >/app/listing && sha256sum /app/* >/app/manifest
CMD ["cat", "/app/top.txt"]
D
cat >"$T/par/Dockerfile" <<D
FROM $BASE AS left
RUN dd if=/dev/zero bs=1M count=$WORK_MB 2>/dev/null | sha256sum >/left.txt

FROM $BASE AS right
RUN dd if=/dev/zero bs=1M count=$WORK_MB 2>/dev/null | md5sum >/right.txt

FROM $BASE AS final
COPY --from=left /left.txt /
COPY --from=right /right.txt /
D
STEP_RUNS="$(grep -c '^RUN' "$T/steps/Dockerfile")"

# ---------------------------------------------------------------- Stagesmith
ss_build() { # PROJECT [extra args]
  local p="$1"; shift
  "$ss" build --progress json --cache-dir "$T/cache-$p" --target final -o "oci:$T/out-$p" "$@" "$T/$p"
}
echo "== Stagesmith: $RUNS x (cold, warm) for each project" >&2
for i in $(seq 1 "$RUNS"); do
  for p in steps par; do
    rm -rf "$T/cache-$p" "$T/out-$p"
    sync; sleep 0.5
    timed stagesmith "$p-cold" "$T/ss-$p-cold-$i.jsonl" ss_build "$p"
    timed stagesmith "$p-warm" "$T/ss-$p-warm-$i.jsonl" ss_build "$p"
  done
done
# The parallel speed-up from the cold run's own events: the two stages' times against the span they took.
PAR_SPEEDUP="$(python3 - "$T/ss-par-cold-1.jsonl" <<'PY'
import json, sys
secs = {}
for line in open(sys.argv[1]):
    line = line.strip()
    if not line.startswith("{"): continue
    e = json.loads(line)
    if e.get("event") == "StageFinished" and e.get("stage") in ("left", "right"):
        secs[e["stage"]] = e["seconds"]
if len(secs) == 2:
    total = secs["left"] + secs["right"]
    print(f"left {secs['left']:.2f} s + right {secs['right']:.2f} s = {total:.2f} s of stage time, "
          f"in {max(secs.values()):.2f} s of wall time: {total / max(secs.values()):.2f}x")
else:
    print("(no stage times in the event log)")
PY
)"

# ---------------------------------------------------------------- buildah
BH_VERSION="(skipped)"
if [ -z "${SKIP_BUILDAH:-}" ]; then
  BH_VERSION="$(buildah --version)"
  buildah_config
  bh_bud() { timeout 900 buildah bud --isolation chroot --layers --tls-verify=false -t "bench-$1:1" \
    -f "$T/$1/Dockerfile" "$T/$1"; }
  echo "== buildah: $RUNS x (cold, warm) for each project" >&2
  for i in $(seq 1 "$RUNS"); do
    for p in steps par; do
      buildah_fresh_storage
      sync; sleep 0.5
      timed buildah "$p-cold" "$T/bh-$p-cold-$i.log" bh_bud "$p"
      timed buildah "$p-warm" "$T/bh-$p-warm-$i.log" bh_bud "$p"
    done
  done
  buildah_fresh_storage
fi

# ---------------------------------------------------------------- report
echo
echo "### Build benchmark: RUN steps"
echo
echo "- date: $(date -u +%Y-%m-%dT%H:%MZ); runs per cell: $RUNS (median)"
echo "- machine: $(nproc) CPUs, $(awk '/MemTotal/ {printf "%.0f GB", $2/1e6}' /proc/meminfo) RAM, $(uname -sr)"
echo "- stagesmith: $(head -n 1 "$T/ss-version.txt") (embedded engine, RUN sandbox: $("$ss" doctor | awk '/^RUN sandbox/ {print $3}'))"
echo "- buildah: $BH_VERSION (vfs, --isolation chroot, --layers)"
echo "- RUN-heavy: 3 stages, $STEP_RUNS RUN steps, 400 source files; parallel: two stages each hashing $WORK_MB MB"
echo
echo "| project | Stagesmith cold | Stagesmith warm | buildah cold | buildah warm |"
echo "|---|---|---|---|---|"
for p in steps par; do
  name=$([ "$p" = steps ] && echo "RUN-heavy" || echo "two independent stages")
  cell() { local m; m="$(median "$1" "$2")"; [ -n "$m" ] && printf '%.2f s' "$m" || printf '–'; }
  echo "| $name | $(cell stagesmith "$p-cold") | $(cell stagesmith "$p-warm") | $(cell buildah "$p-cold") | $(cell buildah "$p-warm") |"
done
echo
echo "Parallel stages (Stagesmith, first cold run): $PAR_SPEEDUP"

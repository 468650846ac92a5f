# Shared by the build benchmarks (sourced): timing, buildah's private configuration, the result table.
# Expects $T (the run's temp dir) and $RES (results file: tool <TAB> phase <TAB> seconds) to be set.

now() { date +%s.%N; }

# timed TOOL PHASE LOG cmd...: runs cmd with output to LOG, records wall-clock seconds in $RES.
timed() {
  local tool="$1" phase="$2" log="$3"; shift 3
  local s e secs
  s="$(now)"
  if ! "$@" >"$log" 2>&1; then
    echo "FAILED ($tool $phase): $*" >&2
    tail -n 30 "$log" >&2
    exit 1
  fi
  e="$(now)"
  secs="$(python3 -c "print(f'{$e - $s:.3f}')")"
  printf '%s\t%s\t%s\n' "$tool" "$phase" "$secs" >>"$RES"
  printf '  %-10s %-16s %8ss\n' "$tool" "$phase" "$secs" >&2
}

# buildah_config: a private vfs/runc/cgroupfs configuration under $T (the machine's storage is never
# touched); call buildah_fresh_storage before each cold run.
buildah_config() {
  mkdir -p "$T/conf"
  cat >"$T/conf/containers.conf" <<'C'
[containers]
default_ulimits = ["nofile=1024:1024", "nproc=1024:1024"]
netns = "none"
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
C
  cat >"$T/conf/storage.conf" <<C
[storage]
driver = "vfs"
graphroot = "$T/bh-storage"
runroot = "$T/bh-runroot"
C
  export CONTAINERS_CONF="$T/conf/containers.conf" CONTAINERS_STORAGE_CONF="$T/conf/storage.conf"
}

buildah_fresh_storage() { rm -rf "$T/bh-storage" "$T/bh-runroot"; }

# unmounts anything left under $T (vfs + chroot isolation leave none; be defensive) and removes it.
cleanup_tmp() {
  set +e
  local m
  for m in $(awk -v p="$T/" 'index($2, p) == 1 {print $2}' /proc/mounts | sort -r); do umount -l "$m" 2>/dev/null; done
  if [ -n "${KEEP:-}" ]; then echo "kept $T" >&2; else rm -rf "$T"; fi
}

# median TOOL PHASE: the median seconds recorded, or empty.
median() {
  python3 - "$RES" "$1" "$2" <<'PY'
import sys, statistics
v = [float(l.split("\t")[2]) for l in open(sys.argv[1]) if l.split("\t")[:2] == sys.argv[2:4]]
print(f"{statistics.median(v):.3f}" if v else "")
PY
}

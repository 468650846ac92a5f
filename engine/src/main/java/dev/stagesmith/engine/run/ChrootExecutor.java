package dev.stagesmith.engine.run;

import dev.stagesmith.engine.build.Cancellation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * RUN as root without bubblewrap: util-linux {@code unshare} makes private mount, uts, ipc and pid namespaces
 * (and a network namespace for {@code --network=none}), a host shell script mounts /proc, a minimal /dev, the
 * generated /etc files and the RUN's mounts into the root, and a second {@code unshare} enters the root, the
 * working directory and the RUN's user. Files are owned for real here, so the root directory carries the
 * tree's owners and the diff reads them back from disk. Before entering the root, util-linux {@code setpriv}
 * cuts the capability bounding set to Docker's default set ({@link #CAPABILITIES}): the command is root in
 * the image, but cannot mount, load modules, reach raw devices or change the host's clock.
 */
public final class ChrootExecutor implements RunExecutor {

    /** What a RUN keeps of root's powers: the capabilities Docker and BuildKit give a container by default. */
    static final String CAPABILITIES = "-all,+chown,+dac_override,+fsetid,+fowner,+mknod,+net_raw,+setgid,+setuid,"
            + "+setfcap,+setpcap,+net_bind_service,+sys_chroot,+kill,+audit_write";

    /**
     * Positional: root, hosts, resolv.conf (or ""), cwd, uid, gid, host name, network, unshare, setpriv,
     * capabilities, ip, count, mounts.
     */
    static final String SCRIPT = """
            set -e
            R=$1 HOSTS=$2 RESOLV=$3 WD=$4 U=$5 G=$6 NAME=$7 NET=$8 UNSHARE=$9; shift 9
            SETPRIV=$1 CAPS=$2 IP=$3 n=$4; shift 4
            P=$PATH; PATH=/usr/sbin:/usr/bin:/sbin:/bin
            echo "$NAME" > /proc/sys/kernel/hostname
            if [ "$NET" = none ] && [ -x "$IP" ]; then "$IP" link set lo up; fi
            mkdir -p "$R/proc" && mount -t proc proc "$R/proc"
            mkdir -p "$R/dev" && mount -t tmpfs -o mode=755,nosuid tmpfs "$R/dev"
            for d in null zero full random urandom tty; do touch "$R/dev/$d"; mount --bind "/dev/$d" "$R/dev/$d"; done
            mkdir "$R/dev/shm" "$R/dev/pts"; ln -s /proc/self/fd "$R/dev/fd"
            ln -s /proc/self/fd/0 "$R/dev/stdin"; ln -s /proc/self/fd/1 "$R/dev/stdout"; ln -s /proc/self/fd/2 "$R/dev/stderr"
            bindfile() { mkdir -p "$(dirname "$2")"; [ -e "$2" ] || touch "$2"; mount --bind "$1" "$2"; mount -o remount,bind,ro "$2"; }
            bindfile "$HOSTS" "$R/etc/hosts"
            if [ -n "$RESOLV" ]; then bindfile "$RESOLV" "$R/etc/resolv.conf"; fi
            while [ "$n" -gt 0 ]; do
              kind=$1 src=$2 dst=$3 ro=$4 size=$5; shift 5; n=$((n-1)); t="$R$dst"
              if [ "$kind" = TMPFS ]; then
                mkdir -p "$t"; if [ "$size" != 0 ]; then mount -t tmpfs -o "size=$size" tmpfs "$t"; else mount -t tmpfs tmpfs "$t"; fi
              else
                if [ -d "$src" ]; then mkdir -p "$t"; else mkdir -p "$(dirname "$t")"; [ -e "$t" ] || touch "$t"; fi
                mount --bind "$src" "$t"; if [ "$ro" = ro ]; then mount -o remount,bind,ro "$t"; fi
              fi
            done
            PATH=$P
            exec "$SETPRIV" --bounding-set="$CAPS" --inh-caps=-all -- "$UNSHARE" --root="$R" --wd="$WD" --setuid "$U" --setgid "$G" -- "$@"
            """;

    private final Path unshare;
    private final Path setpriv;
    private final Path shell;
    private final Path ip;

    public ChrootExecutor(Path unshare, Path setpriv, Path shell, Path ip) {
        this.unshare = unshare;
        this.setpriv = setpriv;
        this.shell = shell;
        this.ip = ip;
    }

    @Override
    public String name() {
        return "chroot";
    }

    @Override
    public boolean realOwners() {
        return true;
    }

    @Override
    public int run(Path rootfs, RunSpec spec, Consumer<String> output, Cancellation cancellation)
            throws IOException, InterruptedException {
        for (SandboxMount m : spec.mounts()) {
            checkNoSymlinks(rootfs, m.target());
        }
        checkNoSymlinks(rootfs, "/etc/resolv.conf");
        Path etc = Files.createTempDirectory(rootfs.getParent(), ".run-etc-");
        try {
            EtcFiles files = EtcFiles.write(etc, spec);
            List<String> c = new ArrayList<>(List.of(unshare.toString(), "--mount", "--uts", "--ipc", "--pid",
                    "--fork", "--kill-child", "--propagation", "private"));
            if (spec.network() == Network.NONE) {
                c.add("--net");
            }
            c.addAll(List.of(shell.toString(), "-c", SCRIPT, "run", rootfs.toString(), files.hosts().toString(),
                    files.resolvConf().map(Path::toString).orElse(""), spec.cwd(), Integer.toString(spec.uid()),
                    Integer.toString(spec.gid()), spec.hostname(), spec.network().name().toLowerCase(java.util.Locale.ROOT),
                    unshare.toString(), setpriv.toString(), CAPABILITIES, ip == null ? "" : ip.toString(),
                    Integer.toString(spec.mounts().size())));
            for (SandboxMount m : spec.mounts()) {
                c.addAll(List.of(m.kind().name(), m.source().map(Path::toString).orElse(""), m.target(),
                        m.readOnly() ? "ro" : "rw", Long.toString(m.sizeBytes())));
            }
            c.addAll(spec.argv());
            return SandboxProcess.run(c, BwrapExecutor.env(spec), spec, etc, output, cancellation);
        } finally {
            EtcFiles.delete(etc);
        }
    }

    /** The script mounts at the literal path, so a symlink on the way could lead it out of the root. */
    private static void checkNoSymlinks(Path rootfs, String target) throws IOException {
        Path p = rootfs;
        for (String part : target.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                throw new IOException("the mount target " + target + " contains '..'");
            }
            p = p.resolve(part);
            if (Files.isSymbolicLink(p)) {
                throw new IOException("the mount target " + target + " goes through a symlink, which the chroot "
                        + "sandbox cannot follow safely: install bubblewrap");
            }
        }
    }
}

package dev.stagesmith.engine.run;

import dev.stagesmith.engine.build.Cancellation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * RUN in bubblewrap. Always in a new user namespace that maps the builder's own uid to the RUN user, so it
 * behaves the same as root and as a normal user (the layer's owners come from the engine's side table, see
 * docs/run.md); own pid, ipc and uts namespaces, a fresh /proc and a minimal /dev, and the sandbox dies with us.
 */
public final class BwrapExecutor implements RunExecutor {

    private final Path bwrap;

    public BwrapExecutor(Path bwrap) {
        this.bwrap = bwrap;
    }

    @Override
    public String name() {
        return "bwrap";
    }

    @Override
    public int run(Path rootfs, RunSpec spec, Consumer<String> output, Cancellation cancellation)
            throws IOException, InterruptedException {
        Path etc = Files.createTempDirectory(rootfs.getParent(), ".run-etc-");
        try {
            List<String> cmd = command(rootfs, spec, EtcFiles.write(etc, spec));
            return SandboxProcess.run(cmd, env(spec), spec, etc, output, cancellation);
        } finally {
            EtcFiles.delete(etc);
        }
    }

    List<String> command(Path rootfs, RunSpec spec, EtcFiles files) {
        List<String> c = new ArrayList<>(List.of(bwrap.toString(), "--die-with-parent", "--new-session",
                "--unshare-user", "--uid", Integer.toString(spec.uid()), "--gid", Integer.toString(spec.gid()),
                "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try",
                "--hostname", spec.hostname()));
        if (spec.network() == Network.NONE) {
            c.add("--unshare-net");
        }
        c.addAll(List.of("--bind", rootfs.toString(), "/", "--proc", "/proc", "--dev", "/dev",
                "--ro-bind", files.hosts().toString(), "/etc/hosts"));
        files.resolvConf().ifPresent(r -> c.addAll(List.of("--ro-bind", r.toString(), "/etc/resolv.conf")));
        for (SandboxMount m : spec.mounts()) {
            switch (m.kind()) {
                case BIND -> c.addAll(List.of(m.readOnly() ? "--ro-bind" : "--bind",
                        m.source().orElseThrow().toString(), m.target()));
                case TMPFS -> {
                    if (m.sizeBytes() > 0) {
                        c.addAll(List.of("--size", Long.toString(m.sizeBytes())));
                    }
                    c.addAll(List.of("--tmpfs", m.target()));
                }
            }
        }
        c.addAll(List.of("--chdir", spec.cwd(), "--"));
        c.addAll(spec.argv());
        return c;
    }

    static Map<String, String> env(RunSpec spec) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String kv : spec.env()) {
            int eq = kv.indexOf('=');
            env.put(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? "" : kv.substring(eq + 1));
        }
        return env;
    }
}

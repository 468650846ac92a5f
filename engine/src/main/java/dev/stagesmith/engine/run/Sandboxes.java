package dev.stagesmith.engine.run;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Finds a sandbox this machine can run RUN steps in: bubblewrap, when it can make a user namespace here. */
public final class Sandboxes {

    private static volatile Optional<RunExecutor> detected;

    private Sandboxes() {}

    /** The best sandbox here, or empty with {@link #missingAdvice()} saying what to install. Probed once. */
    public static Optional<RunExecutor> detect() {
        Optional<RunExecutor> d = detected;
        if (d == null) {
            d = find("bwrap").filter(Sandboxes::works).map(BwrapExecutor::new);
            detected = d;
        }
        return d.map(e -> e);
    }

    /** What to do when {@link #detect()} finds nothing. */
    public static String missingAdvice() {
        return "no sandbox for RUN: install bubblewrap (apt-get install bubblewrap), or build with "
                + "--engine podman, buildah or docker";
    }

    private static Optional<Path> find(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, command);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** bwrap is installed but user namespaces may be off (sysctl, a container); try one. */
    private static boolean works(Path bwrap) {
        try {
            Process p = new ProcessBuilder(bwrap.toString(), "--unshare-user", "--unshare-pid", "--ro-bind", "/", "/",
                    "--proc", "/proc", "--dev", "/dev", "true").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

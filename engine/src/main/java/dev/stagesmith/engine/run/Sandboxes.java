package dev.stagesmith.engine.run;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds a sandbox this machine can run RUN steps in. A root builder gets unshare + chroot: real uids and
 * gids, so a RUN can {@code chown} to any user and switch users ({@code su}, apt's drop to {@code _apt}),
 * which a bubblewrap user namespace with its single mapped id cannot do. Anyone else gets bubblewrap when it
 * can make a user namespace here. The system property {@code stagesmith.sandbox} ({@code bwrap} or
 * {@code chroot}) insists on one.
 */
public final class Sandboxes {

    private static volatile Optional<RunExecutor> bwrap;

    private Sandboxes() {}

    /** The best sandbox here, or empty with {@link #missingAdvice()} saying what to install. Probed once. */
    public static Optional<RunExecutor> detect() {
        String wanted = System.getProperty("stagesmith.sandbox", "").toLowerCase(Locale.ROOT);
        if (wanted.equals("chroot")) {
            return chroot();
        }
        if (!wanted.equals("bwrap")) {
            Optional<RunExecutor> c = chroot();
            if (c.isPresent()) {
                return c;
            }
        }
        Optional<RunExecutor> b = bwrap;
        if (b == null) {
            b = find("bwrap", false).filter(Sandboxes::works).map(BwrapExecutor::new);
            bwrap = b;
        }
        return b;
    }

    /** What to do when {@link #detect()} finds nothing. */
    public static String missingAdvice() {
        return "no sandbox for RUN: install bubblewrap (apt-get install bubblewrap), or build with "
                + "--engine podman, buildah or docker";
    }

    private static Optional<RunExecutor> chroot() {
        if (!isRoot()) {
            return Optional.empty();
        }
        Optional<Path> unshare = find("unshare", true);
        Optional<Path> setpriv = find("setpriv", true);
        Optional<Path> sh = find("sh", true);
        if (unshare.isEmpty() || setpriv.isEmpty() || sh.isEmpty() || find("mount", true).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ChrootExecutor(unshare.get(), setpriv.get(), sh.get(), find("ip", true).orElse(null)));
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** On PATH; system tools (util-linux, iproute2) also in the system directories a user's PATH may lack. */
    private static Optional<Path> find(String command, boolean systemDirs) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin")
                + (systemDirs ? ":/usr/sbin:/sbin:/usr/bin:/bin" : "");
        for (String dir : path.split(File.pathSeparator)) {
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

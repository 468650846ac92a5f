package dev.stagesmith.engine.run;

import dev.stagesmith.engine.build.Cancellation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Runs a RUN step's process in a sandbox whose root is a directory on disk. Implementations: bubblewrap
 * (the default; works as a normal user through user namespaces) and unshare + chroot (root only, when
 * bwrap is absent).
 */
public interface RunExecutor {

    /** A short name for messages and {@code stagesmith doctor}: {@code bwrap}, {@code chroot}. */
    String name();

    /**
     * Whether files in the root are owned for real (the sandbox runs as root and switches to the RUN's user):
     * then the root directory is written with the tree's owners and the diff takes owners from disk. When
     * false, every file belongs to the builder and owners come from the tree (see docs/run.md).
     */
    default boolean realOwners() {
        return false;
    }

    /**
     * Runs {@code spec} with {@code rootfs} as its root and returns the exit code. Each line the process
     * prints (stdout and stderr merged) goes to {@code output} as it comes. On cancel the whole process tree
     * is killed and this returns promptly.
     *
     * @param rootfs the stage's root filesystem, writable; the process's changes land here
     */
    int run(Path rootfs, RunSpec spec, Consumer<String> output, Cancellation cancellation)
            throws IOException, InterruptedException;
}

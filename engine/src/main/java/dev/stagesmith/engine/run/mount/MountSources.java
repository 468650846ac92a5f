package dev.stagesmith.engine.run.mount;

import java.nio.file.Path;
import java.util.Map;

/**
 * What {@code RUN --mount} may draw on, given by the RUN step.
 *
 * @param cacheRoot where {@code type=cache} directories persist between builds (inside the build cache)
 * @param secrets {@code --secret} files by id
 * @param ssh {@code --ssh} agent sockets by id
 * @param scratch a directory for this step alone, deleted after it (copies for {@code rw} binds)
 * @param roots the build context and the root filesystems of stages and images
 */
public record MountSources(Path cacheRoot, Map<String, Path> secrets, Map<String, String> ssh, Path scratch,
                           Roots roots) {

    /** Directories a bind mount's {@code from=} names, on disk, with the cache key of their content. */
    public interface Roots {

        /** The build context (filtered by {@code .dockerignore}); {@code subpath} is the mount's {@code source}. */
        Root context(String subpath) throws MountException;

        /** The final root filesystem of the stage or image {@code from=} names. Nobody writes to it. */
        Root from(String name) throws MountException;
    }

    /**
     * A directory to bind and a key of its content for the RUN's cache key. The directory is made only when
     * asked for, so a RUN found in the cache never lays out the stage it mounts.
     */
    public record Root(String key, Directory directory) {

        public static Root of(Path dir, String key) {
            return new Root(key, () -> dir);
        }

        public Path dir() throws MountException {
            return directory.get();
        }
    }

    /** Makes (once) or finds the directory of a {@link Root}. */
    @FunctionalInterface
    public interface Directory {
        Path get() throws MountException;
    }
}

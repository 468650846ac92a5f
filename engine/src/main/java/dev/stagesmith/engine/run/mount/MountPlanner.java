package dev.stagesmith.engine.run.mount;

import dev.stagesmith.engine.run.SandboxMount;
import java.util.List;
import java.util.Map;

/**
 * Turns a RUN's {@code --mount} flags into sandbox mounts: {@code type=bind}, {@code cache}, {@code tmpfs},
 * {@code secret} and {@code ssh} with BuildKit's options and defaults.
 */
public final class MountPlanner {

    private MountPlanner() {}

    /**
     * What one RUN mounts.
     *
     * @param mounts to add to the sandbox, in order
     * @param cacheKey what the mounts add to the step's cache key (never a secret's content)
     * @param env variables the mounts add to the process (SSH_AUTH_SOCK, a secret's {@code env=}); never logged
     * @param release frees what the mounts hold (a {@code sharing=locked} cache lock); called after the RUN
     */
    public record Planned(List<SandboxMount> mounts, String cacheKey, Map<String, String> env, AutoCloseable release) {

        public static Planned none() {
            return new Planned(List.of(), "", Map.of(), () -> { });
        }
    }

    /**
     * @param values each {@code --mount} flag's value, variables already expanded
     * @param workdir the RUN's working directory, for relative targets
     */
    public static Planned plan(List<String> values, String workdir, MountSources sources) throws MountException {
        if (values.isEmpty()) {
            return Planned.none();
        }
        throw new MountException("RUN --mount is not supported yet by the embedded engine");
    }
}

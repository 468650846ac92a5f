package dev.stagesmith.engine.build;

import dev.stagesmith.engine.registry.RegistryOptions;
import dev.stagesmith.grammar.stages.Platform;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What to build and where to put it.
 *
 * @param dockerfile the Dockerfile's path, for messages ({@code Dockerfile:12: ...}) and {@code .dockerignore}
 * @param dockerfileText its text (the editor's buffer may differ from the disk)
 * @param outputs where to write the image; empty means an OCI layout in {@code .stagesmith/out/<target>}
 *     under the context
 * @param tag the image name for outputs and the local image store (e.g. {@code app:dev})
 * @param push a registry reference to push the image to
 * @param buildContexts {@code --build-context} values by name
 * @param sourceDateEpoch clamps file times and sets every {@code created} (SOURCE_DATE_EPOCH)
 * @param compress gzip layers in local outputs (pushes are always compressed)
 * @param pull look base images up in the registry even when the local image store has them
 * @param secrets {@code --secret id=ID,src=FILE}: files RUN --mount=type=secret may read, by id; never
 *     part of a layer, a cache key, the history or the log
 * @param ssh {@code --ssh ID=SOCKET}: agent sockets RUN --mount=type=ssh forwards, by id ({@code default}
 *     is {@code SSH_AUTH_SOCK})
 */
public record BuildRequest(Path dockerfile, String dockerfileText, Path context, Optional<String> target,
                           Map<String, String> buildArgs, Platform platform, List<Output> outputs,
                           Optional<String> tag, Optional<String> push, Path cacheDir, boolean noCache,
                           boolean pull, Map<String, String> buildContexts, OptionalLong sourceDateEpoch,
                           boolean compress, RegistryOptions registry, Map<String, Path> secrets,
                           Map<String, String> ssh) {

    public BuildRequest {
        buildArgs = Map.copyOf(buildArgs);
        outputs = List.copyOf(outputs);
        buildContexts = Map.copyOf(buildContexts);
        secrets = Map.copyOf(secrets);
        ssh = Map.copyOf(ssh);
    }

    /** A request without secrets or SSH agents. */
    public BuildRequest(Path dockerfile, String dockerfileText, Path context, Optional<String> target,
                        Map<String, String> buildArgs, Platform platform, List<Output> outputs,
                        Optional<String> tag, Optional<String> push, Path cacheDir, boolean noCache,
                        boolean pull, Map<String, String> buildContexts, OptionalLong sourceDateEpoch,
                        boolean compress, RegistryOptions registry) {
        this(dockerfile, dockerfileText, context, target, buildArgs, platform, outputs, tag, push, cacheDir, noCache,
                pull, buildContexts, sourceDateEpoch, compress, registry, Map.of(), Map.of());
    }
}

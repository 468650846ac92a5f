package dev.stagesmith.engine.build;

import dev.stagesmith.engine.registry.RegistryOptions;
import dev.stagesmith.grammar.stages.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The engine in a child JVM, so a test can build as another user: {@code RunChild CONTEXT CACHE OUT DOCKERCONFIG [EPOCH]}
 * builds CONTEXT/Dockerfile into the OCI layout OUT and prints the manifest digest.
 */
public final class RunChild {

    private RunChild() {}

    public static void main(String[] args) throws Exception {
        Path ctx = Path.of(args[0]);
        Path dockerfile = ctx.resolve("Dockerfile");
        BuildRequest request = new BuildRequest(dockerfile, Files.readString(dockerfile), ctx, Optional.empty(),
                Map.of(), Platform.host(), List.of(new Output.OciLayout(Path.of(args[2]))), Optional.empty(),
                Optional.empty(), Path.of(args[1]), false, false, Map.of(), args.length > 4 ? OptionalLong.of(Long.parseLong(args[4])) : OptionalLong.empty(), false,
                RegistryOptions.defaults().withDockerConfigDir(Path.of(args[3])));
        BuildResult r = Builder.build(request, e -> { });
        System.out.println("digest " + r.manifestDigest());
    }
}

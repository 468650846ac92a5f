package dev.stagesmith.server.features.build;

import dev.stagesmith.engine.build.BuildRequest;
import dev.stagesmith.engine.build.Output;
import dev.stagesmith.engine.registry.RegistryOptions;
import dev.stagesmith.engine.store.BuildCache;
import dev.stagesmith.grammar.stages.Platform;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

/**
 * The one place a {@link BuildRequest} is put together, for {@code stagesmith build} and for builds the
 * editor starts: the default cache, output parsing, SOURCE_DATE_EPOCH and registry options.
 */
public final class BuildRequests {

    private BuildRequests() {}

    /** What varies between a command-line build and an editor build. */
    public record Spec(Path dockerfile, String text, Path context, Optional<String> target,
            Map<String, String> buildArgs, Platform platform, List<Output> outputs, Optional<String> tag,
            Optional<String> push, Optional<Path> cacheDir, boolean noCache, boolean pull,
            Map<String, String> buildContexts, boolean compress, Set<String> insecureRegistries,
            Map<String, Path> secrets, Map<String, String> ssh) {

        /** An editor build: no tag, push, named contexts, insecure registries or agents; the cache is used. */
        public static Spec of(Path dockerfile, String text, Path context, Optional<String> target,
                Map<String, String> buildArgs, Platform platform, List<Output> outputs, Optional<Path> cacheDir,
                Map<String, Path> secrets) {
            return new Spec(dockerfile, text, context, target, buildArgs, platform, outputs, Optional.empty(),
                    Optional.empty(), cacheDir, false, false, Map.of(), false, Set.of(), secrets, Map.of());
        }
    }

    /**
     * The request for {@code spec}; {@code env} reads SOURCE_DATE_EPOCH when no build arg sets it.
     *
     * @throws IllegalArgumentException with a one-line message when SOURCE_DATE_EPOCH is not a number
     */
    public static BuildRequest of(Spec spec, Function<String, String> env) {
        return new BuildRequest(spec.dockerfile(), spec.text(), spec.context(), spec.target(), spec.buildArgs(),
                spec.platform(), spec.outputs(), spec.tag(), spec.push(),
                spec.cacheDir().orElseGet(BuildCache::defaultRoot), spec.noCache(), spec.pull(),
                spec.buildContexts(), sourceDateEpoch(spec.buildArgs(), env), spec.compress(),
                RegistryOptions.defaults().withInsecureRegistries(new LinkedHashSet<>(spec.insecureRegistries())),
                spec.secrets(), spec.ssh());
    }

    /**
     * Parses output specs ({@code oci:DIR}, ...), resolving relative destinations against {@code base}.
     *
     * @throws IllegalArgumentException naming the spec that is wrong
     */
    public static List<Output> outputs(List<String> specs, Path base) {
        return specs.stream().map(s -> resolve(Output.parse(s), base)).toList();
    }

    private static Output resolve(Output o, Path base) {
        if (o instanceof Output.OciLayout l) {
            return new Output.OciLayout(base.resolve(l.dir()));
        }
        Output.Archive a = (Output.Archive) o;
        return new Output.Archive(base.resolve(a.file()), a.kind());
    }

    /** SOURCE_DATE_EPOCH from the build args or the environment, as BuildKit reads it. */
    static OptionalLong sourceDateEpoch(Map<String, String> args, Function<String, String> env) {
        String v = args.getOrDefault("SOURCE_DATE_EPOCH", env.apply("SOURCE_DATE_EPOCH"));
        if (v == null || v.isBlank()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(v.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("SOURCE_DATE_EPOCH=" + v + " is not a number of seconds");
        }
    }
}

package dev.stagesmith.bench;

import dev.stagesmith.engine.build.BuildException;
import dev.stagesmith.engine.build.BuildListener;
import dev.stagesmith.engine.build.BuildRequest;
import dev.stagesmith.engine.build.BuildResult;
import dev.stagesmith.engine.build.Builder;
import dev.stagesmith.engine.build.Output;
import dev.stagesmith.engine.registry.RegistryOptions;
import dev.stagesmith.grammar.stages.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * An unchanged rebuild inside a running process, as "Build to stage" in the editor does it: the language
 * server's JVM is already up, so this is the engine's own share of a warm rebuild (walk the context, find
 * every step in the cache, write the output). {@code bench/build/run.sh} passes the generated 5,000-file
 * project as {@code context}; the cache is filled once in the setup.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class WarmRebuildBenchmark {

    /** A build context directory with a Dockerfile whose last stage is {@code final}. */
    @Param("")
    public String context;

    private BuildRequest request;

    @Setup(Level.Trial)
    public void fillCache() throws IOException, BuildException {
        if (context.isEmpty()) {
            throw new IllegalArgumentException("pass the project with -p context=DIR (bench/build/run.sh does)");
        }
        Path ctx = Path.of(context);
        Path work = Files.createTempDirectory("ss-warm-rebuild");
        request = new BuildRequest(ctx.resolve("Dockerfile"), Files.readString(ctx.resolve("Dockerfile")), ctx,
                Optional.of("final"), Map.of(), Platform.parse("linux/amd64").orElseThrow(),
                List.of(new Output.OciLayout(work.resolve("out"))), Optional.empty(), Optional.empty(),
                work.resolve("cache"), false, false, Map.of(), OptionalLong.empty(), false, RegistryOptions.defaults());
        Builder.build(request, BuildListener.NONE);
    }

    @Benchmark
    public BuildResult unchangedRebuild() throws BuildException {
        return Builder.build(request, BuildListener.NONE);
    }
}

package dev.stagesmith.bench;

import dev.stagesmith.grammar.Dockerfiles;
import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.stages.StageGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Parse, and parse plus stage model, for the largest real-world corpus file (2,042 lines, ~100 stages)
 * and a generated 10,000-line, 200-stage file. Targets: under 5 ms and under 40 ms warm.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
public class ParseBenchmark {

    /** The largest file of ../shared/corpus/real. */
    public static final String LARGEST_CORPUS_FILE = "neondatabase__neon__compute__compute-node.Dockerfile";

    @Param({"corpus-largest", "generated-10k"})
    public String input;

    private String text;

    @Setup(Level.Trial)
    public void load() throws IOException {
        text = input.equals("generated-10k") ? GeneratedDockerfile.generate(10_000, 200)
                : Files.readString(sharedDir().resolve("corpus/real").resolve(LARGEST_CORPUS_FILE));
    }

    static Path sharedDir() {
        String dir = System.getProperty("stagesmith.shared", System.getenv().getOrDefault("STAGESMITH_SHARED", "../shared"));
        return Path.of(dir);
    }

    @Benchmark
    public ParsedDockerfile parse() {
        return Dockerfiles.parse(text);
    }

    @Benchmark
    public StageGraph parseAndStageModel() {
        return StageGraph.of(Dockerfiles.parse(text));
    }
}

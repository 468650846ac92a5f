package dev.stagesmith.bench;

import dev.stagesmith.grammar.Dockerfiles;
import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Checker;
import dev.stagesmith.server.checks.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
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
 * Every check over the largest corpus file (2,042 lines, 98 stages), as the editor runs them after an
 * edit: parse, stage model and all rules. Target: under 20 ms warm.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
public class CheckBenchmark {

    @Param({"corpus-largest", "generated-10k"})
    public String input;

    private String text;
    private ParsedDockerfile parsed;
    private final Checker checker = Checker.withAllRules();

    @Setup(Level.Trial)
    public void load() throws IOException {
        text = input.equals("generated-10k") ? GeneratedDockerfile.generate(10_000, 200)
                : Files.readString(ParseBenchmark.sharedDir().resolve("corpus/real")
                        .resolve(ParseBenchmark.LARGEST_CORPUS_FILE));
        parsed = Dockerfiles.parse(text);
    }

    /** What an edit costs: parse, stage model, every rule. */
    @Benchmark
    public List<Finding> parseAndCheck() {
        return checker.check(CheckInput.of(Dockerfiles.parse(text)));
    }

    /** The rules alone, on an already parsed file. */
    @Benchmark
    public List<Finding> rulesOnly() {
        return checker.check(CheckInput.of(parsed));
    }
}

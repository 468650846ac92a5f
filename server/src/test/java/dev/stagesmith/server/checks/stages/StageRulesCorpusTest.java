package dev.stagesmith.server.checks.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagesmith.grammar.Dockerfiles;
import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Checker;
import dev.stagesmith.server.checks.Finding;
import dev.stagesmith.server.checks.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The real, working Dockerfiles of the shared corpus build with BuildKit, so a stage rule that reports an
 * error on one of them is a false positive.
 */
class StageRulesCorpusTest {

    @Test
    void noErrorsOnWorkingDockerfiles() throws IOException {
        Checker checker = new Checker(StageRules.all());
        List<String> errors = new ArrayList<>();
        List<Path> files = corpusFiles();
        assertTrue(files.size() > 100, "corpus files found: " + files.size());
        for (Path p : files) {
            ParsedDockerfile parsed = Dockerfiles.parse(Files.readString(p));
            for (Finding f : checker.check(CheckInput.of(parsed))) {
                if (f.severity() == Severity.ERROR) {
                    errors.add(p.getFileName() + ":" + parsed.lineNumber(f.range().start()) + " " + f.code() + " "
                            + f.message());
                }
            }
        }
        assertEquals(List.of(), errors);
    }

    private static List<Path> corpusFiles() throws IOException {
        String configured = System.getProperty("stagesmith.shared");
        Path shared = configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("../../shared");
        if (!Files.isDirectory(shared)) {
            shared = Path.of("../shared");
        }
        Path corpus = shared.resolve("corpus/real");
        assertTrue(Files.isDirectory(corpus), "corpus not found at " + corpus.toAbsolutePath()
                + "; set -Dstagesmith.shared=DIR");
        try (Stream<Path> s = Files.list(corpus)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".tsv")).sorted()
                    .toList();
        }
    }
}

package dev.stagesmith.server.checks.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagesmith.grammar.Dockerfiles;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Checker;
import dev.stagesmith.server.checks.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every real-world corpus file builds with BuildKit, so no syntax and argument rule may report on it. */
class SyntaxRulesCorpusTest {

    private static Path corpus() {
        String configured = System.getProperty("stagesmith.shared");
        Path root = configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("../../shared");
        if (!Files.isDirectory(root)) {
            root = Path.of("../shared");
        }
        Path corpus = root.resolve("corpus/real");
        assertTrue(Files.isDirectory(corpus), "corpus not found at " + corpus.toAbsolutePath()
                + "; set -Dstagesmith.shared=DIR");
        return corpus;
    }

    @Test
    void quietOnTheRealWorldCorpus() throws IOException {
        Checker checker = new Checker(SyntaxRules.all());
        List<String> reported = new ArrayList<>();
        int files = 0;
        try (Stream<Path> paths = Files.list(corpus())) {
            for (Path p : paths.filter(p -> !p.getFileName().toString().endsWith(".tsv")).sorted().toList()) {
                String text = Files.readString(p, StandardCharsets.UTF_8);
                files++;
                for (Finding f : checker.check(CheckInput.of(Dockerfiles.parse(text)))) {
                    reported.add(p.getFileName() + ": " + f.code() + " " + f.message());
                }
            }
        }
        assertTrue(files > 100, "corpus files read: " + files);
        assertEquals(List.of(), reported);
    }
}

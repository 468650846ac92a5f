package dev.stagesmith.server.checks.variables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagesmith.grammar.Dockerfiles;
import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Checker;
import dev.stagesmith.server.checks.Finding;
import dev.stagesmith.server.checks.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The real, working Dockerfiles of {@code ../shared/corpus/real} build, so no variable rule may call
 * anything in them an error.
 */
class VariableRulesCorpusTest {

    @Test
    void noErrorsOnWorkingDockerfiles() throws IOException {
        List<Path> files = corpusFiles();
        assertTrue(files.size() >= 100, "corpus has " + files.size() + " files");
        Checker checker = new Checker(VariableRules.all());
        Map<String, Integer> counts = new TreeMap<>();
        List<String> errors = new ArrayList<>();
        for (Path f : files) {
            ParsedDockerfile parsed = Dockerfiles.parse(Files.readString(f, StandardCharsets.UTF_8));
            for (Finding finding : checker.check(CheckInput.of(parsed))) {
                counts.merge(finding.code(), 1, Integer::sum);
                String where = f.getFileName() + ":" + parsed.lineNumber(finding.range().start());
                if (Boolean.getBoolean("stagesmith.corpus.print")) {
                    System.out.println(finding.code() + " " + where + " " + finding.range().of(parsed.text())
                            .replace("\n", "\\n") + " :: " + finding.message());
                }
                if (finding.severity() == Severity.ERROR) {
                    errors.add(where + " " + finding.code() + ": " + finding.message());
                }
            }
        }
        System.out.println("variable rules on the corpus: " + counts);
        assertEquals(List.of(), errors);
    }

    private static List<Path> corpusFiles() throws IOException {
        String configured = System.getProperty("stagesmith.shared");
        Path root = configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("../../shared");
        if (!Files.isDirectory(root)) {
            root = Path.of("../shared");
        }
        Path corpus = root.resolve("corpus/real");
        assertTrue(Files.isDirectory(corpus), "corpus not found at " + corpus.toAbsolutePath()
                + "; set -Dstagesmith.shared=DIR");
        try (Stream<Path> s = Files.list(corpus)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".tsv"))
                    .sorted().toList();
        }
    }
}

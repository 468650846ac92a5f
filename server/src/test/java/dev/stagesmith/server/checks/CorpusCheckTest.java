package dev.stagesmith.server.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagesmith.grammar.Dockerfiles;
import dev.stagesmith.server.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The 114 real Dockerfiles of {@code ../shared/corpus/real} are working builds, so every rule together
 * must find no error in them, and no rule may throw. Run with {@code -Dstagesmith.corpus.print=true}
 * to see the warnings per rule.
 */
class CorpusCheckTest {

    @Test
    void realDockerfilesHaveNoErrorsAndNoRuleFails() throws IOException {
        List<String> failures = new ArrayList<>();
        Checker checker = new Checker(Rules.all(), (rule, e) -> failures.add(rule.code() + ": " + e));
        List<String> errors = new ArrayList<>();
        Map<String, Integer> counts = new TreeMap<>();
        List<Path> files = SharedData.corpusFiles();
        assertTrue(files.size() >= 100, "corpus has " + files.size() + " files");
        for (Path file : files) {
            String text = Files.readString(file);
            for (Finding f : checker.check(CheckInput.of(Dockerfiles.parse(text)))) {
                counts.merge(f.code() + " (" + f.severity().label() + ")", 1, Integer::sum);
                if (f.severity() == Severity.ERROR) {
                    errors.add(file.getFileName() + ":" + f.range() + " " + f.code() + " " + f.message());
                }
            }
        }
        if (Boolean.getBoolean("stagesmith.corpus.print")) {
            System.out.println("findings on the corpus: " + counts);
        }
        assertEquals(List.of(), failures);
        assertEquals(List.of(), errors);
    }
}

package dev.stagesmith.grammar.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagesmith.grammar.Dockerfiles;
import dev.stagesmith.grammar.dump.TreePrinter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The typed tree of every {@code golden/<feature>.dockerfile} must print exactly as its {@code .tree}; run
 * with {@code -Dgolden.update=true} to rewrite the {@code .tree} files, then review the diff: they are the spec.
 */
public class GoldenTreeTest {

    /** The source folder, not the copy on the class path: updating must rewrite the files under version control. */
    public static final Path DIR = Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources/golden");
    private static final String INPUT = ".dockerfile";
    private static final String EXPECTED = ".tree";

    private static boolean updating() {
        return Boolean.getBoolean("golden.update");
    }

    @TestFactory
    Stream<DynamicTest> everyGoldenFilePrintsAsExpected() {
        List<Path> inputs = files(INPUT);
        assertTrue(inputs.size() >= 30, "golden inputs found in " + DIR.toAbsolutePath() + ": " + inputs.size());
        return inputs.stream().map(input -> DynamicTest.dynamicTest(name(input), () -> check(input)));
    }

    @Test
    void everyTreeFileHasItsInput() {
        for (Path tree : files(EXPECTED)) {
            assertTrue(Files.exists(DIR.resolve(name(tree) + INPUT)), "stale golden file without input: " + tree);
        }
    }

    private static void check(Path input) throws IOException {
        String actual = TreePrinter.print(Dockerfiles.parse(read(input)));
        Path expected = DIR.resolve(name(input) + EXPECTED);
        if (updating()) {
            Files.writeString(expected, actual, StandardCharsets.UTF_8);
            return;
        }
        assertTrue(Files.exists(expected), "missing " + expected + ": run with -Dgolden.update=true and review it");
        assertEquals(read(expected), actual, "tree of " + input.getFileName());
    }

    /** The exact text: no line-ending conversion, a byte order mark kept as U+FEFF. */
    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    private static String name(Path file) {
        String n = file.getFileName().toString();
        return n.substring(0, n.lastIndexOf('.'));
    }

    private static List<Path> files(String suffix) {
        assertTrue(Files.isDirectory(DIR), "golden directory not found: " + DIR.toAbsolutePath());
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

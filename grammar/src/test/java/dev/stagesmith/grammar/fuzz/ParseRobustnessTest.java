package dev.stagesmith.grammar.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.stagesmith.grammar.Dockerfiles;
import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.SharedData;
import dev.stagesmith.grammar.golden.GoldenTreeTest;
import dev.stagesmith.grammar.syntax.Cmd;
import dev.stagesmith.grammar.syntax.Command;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Parsing never throws and keeps its ranges consistent on mutated real Dockerfiles, random text and
 * generated extremes, and its time grows linearly with the number and the length of lines. Seeded, so a
 * failure names an input that reproduces it.
 */
class ParseRobustnessTest {

    private static final long SEED = 0x5EED_D0CL;
    private static final int MUTANTS_PER_FILE = 16;

    // ---- mutated and random inputs -----------------------------------------------------------------------

    @Test
    void mutatedDockerfilesParse() {
        Random random = new Random(SEED);
        Mutator mutator = new Mutator(random);
        int checked = 0;
        for (Path file : seedFiles()) {
            String text = SharedData.read(file);
            for (int i = 0; i < MUTANTS_PER_FILE; i++) {
                String mutant = mutator.mutate(text, 1 + random.nextInt(4));
                TreeInvariants.check(mutant, "mutant " + i + " of " + file);
                checked++;
            }
        }
        assertTrue(checked >= 3000, "only " + checked + " mutants");
    }

    @Test
    void randomTextParses() {
        Random random = new Random(SEED + 1);
        Mutator mutator = new Mutator(random);
        String[] words = {"FROM", "RUN", "COPY", "ONBUILD", "ENV", "ARG", "LABEL", "CMD", "HEALTHCHECK", "x", "a=b"};
        for (int i = 0; i < 1500; i++) {
            StringBuilder text = new StringBuilder();
            int pieces = random.nextInt(40);
            for (int p = 0; p < pieces; p++) {
                text.append(random.nextInt(3) == 0 ? words[random.nextInt(words.length)] + " " : "");
                text.append(mutator.mutate("", 1 + random.nextInt(3)));
            }
            TreeInvariants.check(text.toString(), "random text " + i);
        }
    }

    private static List<Path> seedFiles() {
        List<Path> files = new ArrayList<>(SharedData.corpusFiles());
        Path conformance = SharedData.conformance();
        for (String dir : List.of("testfiles", "testfiles-negative")) {
            SharedData.dirs(conformance.resolve(dir)).forEach(d -> files.add(d.resolve("Dockerfile")));
        }
        files.add(conformance.resolve("testfile-line/Dockerfile"));
        try (Stream<Path> golden = Files.list(GoldenTreeTest.DIR)) {
            golden.filter(p -> p.toString().endsWith(".dockerfile")).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertTrue(files.size() >= 150, "seed files: " + files.size());
        return files;
    }

    // ---- generated extremes -------------------------------------------------------------------------------

    @Test
    void oneMegabyteLine() {
        ParsedDockerfile p = TreeInvariants.check("FROM a\nRUN echo " + "x".repeat(1 << 20) + "\n", "1 MB line");
        assertEquals(2, p.instructions().size());
        assertTrue(p.errors().get(0).message().startsWith("dockerfile line greater than max allowed size"));
        String words = "x ".repeat(1 << 19);
        ParsedDockerfile heredoc = TreeInvariants.check("RUN <<EOF " + words + "\nbody\nEOF\n", "1 MB heredoc line");
        assertEquals(1, heredoc.instructions().size(), "the heredoc is found on a long line too");
    }

    @Test
    void hundredThousandShortLines() {
        ParsedDockerfile p = TreeInvariants.check("FROM a\n" + "RUN a\n".repeat(100_000), "100,000 lines");
        assertEquals(100_001, p.instructions().size());
        assertEquals(List.of(), p.errors());
    }

    @Test
    void tenThousandContinuationLines() {
        String text = "FROM a\nRUN a \\\n" + "  b \\\n  # comment\n\n".repeat(10_000) + "  c\nRUN next\n";
        ParsedDockerfile p = TreeInvariants.check(text, "10,000 continuation lines");
        assertEquals(3, p.instructions().size());
        assertEquals(30_003, p.endLine(p.instructions().get(1).range()));
    }

    @Test
    void lineOfFiftyThousandBrackets() {
        TreeInvariants.check("[".repeat(50_000), "50,000 [ as a keyword");
        ParsedDockerfile p = TreeInvariants.check("CMD " + "[".repeat(50_000), "CMD and 50,000 [");
        assertTrue(((Cmd) p.instructions().get(0)).command().orElseThrow() instanceof Command.ShellForm);
        TreeInvariants.check("CMD [\"a\", " + "[".repeat(20_000) + "]".repeat(20_000) + "]", "20,000 nested arrays");
    }

    /** TreePrinter asks whether the image is valid: that must not recurse once per dot. */
    @Test
    void longImageReferences() {
        TreeInvariants.check("FROM " + "a.".repeat(30_000) + "a\n", "dotted image name");
        TreeInvariants.check("FROM " + "a-".repeat(30_000) + "a:" + "t".repeat(30_000) + "\n", "dashed image name");
        TreeInvariants.check("COPY --from=" + "a/".repeat(30_000) + "a / /\n", "long --from");
    }

    /** Go's JSON decoder accepts 10,000 levels of nesting and rejects 10,001 as a syntax error. */
    @Test
    void jsonNestingStopsAtGosDepthLimit() {
        IntFunction<String> nested = depth -> "CMD [" + "[".repeat(depth - 1) + "]".repeat(depth - 1) + "]\n";
        ParsedDockerfile atLimit = TreeInvariants.check(nested.apply(10_000), "depth 10,000");
        assertEquals(1, atLimit.errors().size(), "arrays of arrays are valid JSON but not strings");
        ParsedDockerfile beyond = TreeInvariants.check(nested.apply(10_001), "depth 10,001");
        assertEquals(List.of(), beyond.errors(), "too deep for Go: the shell form");
    }

    @Test
    void unterminatedHeredocAtTheTopOfABigFile() {
        String text = "FROM a\nRUN <<EOF\n" + "RUN echo hi\nCOPY <<A <<B /x\n".repeat(10_000);
        ParsedDockerfile p = TreeInvariants.check(text, "unterminated heredoc at the top");
        assertEquals(20_002, p.instructions().size(), "an unterminated heredoc takes no lines");
        assertEquals(20_001, p.errors().size());
    }

    @Test
    void deepVariableNesting() {
        String deep = "${a:-".repeat(5_000) + "x" + "}".repeat(5_000);
        TreeInvariants.check("FROM a\nRUN <<EOF " + deep + "\nbody\nEOF\n", "nested ${ in a heredoc line");
        TreeInvariants.check("FROM a\nCOPY <<" + deep + " /x\n", "nested ${ in a heredoc marker");
        TreeInvariants.check("FROM " + "${".repeat(20_000) + "\nENV a=" + deep + "\nARG " + deep + "\n", "${ words");
    }

    /** BuildKit reads lines with a 64 KiB buffer: 65,535 bytes before the line feed fit, one more does not. */
    @Test
    void lineLengthLimitCountsUtf8Bytes() {
        String fits = "RUN " + "\u20AC".repeat(21_843) + "xx";
        assertEquals(65_535, fits.getBytes(StandardCharsets.UTF_8).length);
        assertEquals(List.of(), TreeInvariants.check(fits + "\n", "65,535 bytes").errors());
        assertEquals(1, TreeInvariants.check(fits + "x\n", "65,536 bytes").errors().size());
        assertEquals(1, TreeInvariants.check(fits + "\r\n", "65,535 bytes and a CR").errors().size());
    }

    // ---- scaling ------------------------------------------------------------------------------------------

    /** Lines of every kind, heredocs (also unterminated ones), continuations, comments and JSON among them. */
    private static final String[] LINE_KINDS = {
        "RUN apt-get update && apt-get install -y curl", "COPY --from=build --chown=1:1 /a /b",
        "ENV A=1 B=\"x y\" C=z", "# a comment", "CMD [\"a\", \"b\", \"c\"]", "RUN <<EOF\necho body\nEOF",
        "RUN a \\\n  b \\\n  # inside\n  c", "LABEL k=v", "ARG V=1", "RUN <<NEVER", "FROM x:1 AS y",
        "HEALTHCHECK --interval=5s CMD [\"true\"]", "ONBUILD COPY <<A /a\nA",
    };

    /** Files of n lines: a realistic mix, and each shape whose cost could depend on what came before. */
    private static Map<String, IntFunction<String>> filesOfNLines() {
        Map<String, IntFunction<String>> shapes = new LinkedHashMap<>();
        shapes.put("mixed lines", n -> lines(n, i -> LINE_KINDS[i % LINE_KINDS.length]));
        shapes.put("unterminated heredocs", n -> lines(n, i -> "RUN <<NEVER" + i % 7));
        shapes.put("one continued instruction", n -> "RUN a \\\n" + lines(n, i -> i % 3 == 0 ? "# c" : "  b \\"));
        shapes.put("one heredoc body", n -> "RUN <<EOF\n" + lines(n, i -> "echo " + i) + "EOF\n");
        shapes.put("comments", n -> lines(n, i -> "# comment " + i));
        return shapes;
    }

    /** Files whose lines are n characters long: one shape each, then all of them in one file. */
    private static Map<String, IntFunction<String>> linesOfNCharacters() {
        Map<String, IntFunction<String>> shapes = new LinkedHashMap<>();
        shapes.put("directive", n -> "# syntax=x" + " ".repeat(n) + "y\nFROM a\n");
        shapes.put("shell form", n -> "RUN echo " + "word ".repeat(n / 5) + "\n");
        shapes.put("heredoc marker after blanks", n -> "RUN <<" + " ".repeat(n) + "<\n");
        shapes.put("heredoc sources", n -> "COPY <<A " + "src ".repeat(n / 4) + "/d\nA\n");
        shapes.put("ENV pairs", n -> "ENV " + "k=v ".repeat(n / 4) + "\n");
        shapes.put("JSON array", n -> "CMD [" + "\"a\", ".repeat(n / 5) + "\"z\"]\n");
        shapes.put("flags", n -> "RUN " + "--mount=type=cache,target=/x ".repeat(n / 30) + "true\n");
        shapes.put("comment", n -> "# " + "c \\ ".repeat(n / 4) + "\n");
        List<IntFunction<String>> each = List.copyOf(shapes.values());
        shapes.put("file of all those", n -> each.stream().map(f -> f.apply(n)).reduce("", String::concat));
        return shapes;
    }

    private static String lines(int n, IntFunction<String> line) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(line.apply(i)).append('\n');
        }
        return s.toString();
    }

    @Test
    void parseTimeIsLinearInTheNumberOfLines() {
        filesOfNLines().forEach((shape, file) -> assertLinear(file, 3_000, "lines of " + shape));
    }

    @Test
    void parseTimeIsLinearInTheLengthOfLines() {
        linesOfNCharacters().forEach((shape, file) -> assertLinear(file, 10_000, "characters in a " + shape + " line"));
    }

    /**
     * Parse time for 4n against n: linear gives about 4, quadratic about 16. The two sizes are timed in turn,
     * after warm-up, so that a busy machine slows both alike; each sample parses often enough to take
     * {@link #SAMPLE_NANOS} at the small size, so that time slices lost to other processes average out, and
     * medians are compared. A super-linear parser fails every attempt, while a burst of
     * load on a shared machine spoils one, so up to three attempts are made.
     */
    private static final long SAMPLE_NANOS = 10_000_000;

    private static void assertLinear(IntFunction<String> generate, int n, String unit) {
        String small = generate.apply(n);
        String large = generate.apply(4 * n);
        TreeInvariants.check(large, "scaling input");
        nanosToParse(small, 1);
        nanosToParse(large, 1);
        int repeat = (int) Math.min(200, 1 + SAMPLE_NANOS / Math.max(1, nanosToParse(small, 1)));
        List<String> ratios = new ArrayList<>();
        for (int attempt = 0; attempt < 3; attempt++) {
            double ratio = timeRatio(small, large, repeat);
            if (ratio < 10) {
                return;
            }
            ratios.add(String.format("%.1f", ratio));
        }
        fail("4x the " + unit + " took " + ratios + " times as long: super-linear");
    }

    private static double timeRatio(String small, String large, int repeat) {
        int runs = 5;
        long[] smallTimes = new long[runs];
        long[] largeTimes = new long[runs];
        for (int i = 0; i < runs; i++) {
            smallTimes[i] = nanosToParse(small, repeat);
            largeTimes[i] = nanosToParse(large, repeat);
        }
        return (double) median(largeTimes) / median(smallTimes);
    }

    /**
     * CPU time of this thread where the JVM measures it, so time slices taken by other processes on a busy
     * machine do not count; wall time otherwise.
     */
    private static long nanosToParse(String text, int times) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        boolean cpu = threads.isCurrentThreadCpuTimeSupported();
        long start = cpu ? threads.getCurrentThreadCpuTime() : System.nanoTime();
        for (int i = 0; i < times; i++) {
            Dockerfiles.parse(text);
        }
        return (cpu ? threads.getCurrentThreadCpuTime() : System.nanoTime()) - start;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}

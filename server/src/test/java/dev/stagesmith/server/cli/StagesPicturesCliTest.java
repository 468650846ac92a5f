package dev.stagesmith.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stagesmith stages --format dot|mermaid|svg [-o FILE]}, driven in-process. */
class StagesPicturesCliTest {

    record Result(int exit, String out, String err) {}

    private static final String PROJECT = """
            FROM golang:1.22 AS build
            FROM build AS test
            FROM scratch AS app
            COPY --from=build /out /app
            """;

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new ByteArrayInputStream(PROJECT.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void svgGoesToStandardOutput() {
        Result r = run("stages", "--format", "svg", "-");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), r.out());
        assertTrue(r.out().endsWith("</svg>\n"), r.out());
        assertEquals(3, r.out().split("<g class=\"stage\" ", -1).length - 1);
    }

    @Test
    void dotAndMermaidHighlightWhatTheTargetNeeds() {
        Result dot = run("stages", "--format", "dot", "--target", "app", "-");
        assertEquals(0, dot.exit(), dot.err());
        assertTrue(dot.out().contains("s2 [label=\"app  #2\\nscratch\", tooltip=\"line 3\", fillcolor=\"#ddf4ff\""),
                dot.out());
        assertTrue(dot.out().contains(
                "s1 [label=\"test  #1\\nstage build\", tooltip=\"line 2\", fillcolor=\"#f6f8fa\""), dot.out());
        Result mermaid = run("stages", "--format", "mermaid", "--target", "app", "-");
        assertEquals(0, mermaid.exit(), mermaid.err());
        assertTrue(mermaid.out().startsWith("flowchart LR\n") && mermaid.out().contains("  class s2 target\n"),
                mermaid.out());
    }

    @Test
    void outputFileIsWrittenWholeAndNothingElseIsLeftBehind(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("stages.svg");
        Files.writeString(file, "an older picture");
        Result r = run("stages", "--format", "svg", "-o", file.toString(), "-");
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.out());
        assertEquals(run("stages", "--format", "svg", "-").out(), Files.readString(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file left");
        }
    }

    @Test
    void anOutputFileInAMissingDirectoryIsAOneLineError(@TempDir Path dir) {
        Path file = dir.resolve("no/such/dir/stages.dot");
        Result r = run("stages", "--format", "dot", "--output", file.toString(), "-");
        assertEquals(2, r.exit());
        assertEquals("stagesmith: cannot write " + file + ": the directory " + file.getParent()
                + " does not exist; create it first\n", r.err());
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        Result r = run("stages", "--format", "png", "-");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("expected one of [text, json, dot, mermaid, svg]"), r.err());
    }
}

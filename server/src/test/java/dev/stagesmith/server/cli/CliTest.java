package dev.stagesmith.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line, driven in-process: output, exit codes and one-line errors. */
class CliTest {

    record Result(int exit, String out, String err) {}

    private static Result withStdin(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(exit, out.toString(), err.toString());
    }

    private static Result run(String... args) {
        return withStdin("", args);
    }

    private static Path shared() {
        String p = System.getProperty("stagesmith.shared", "../../shared");
        return Path.of(p).toAbsolutePath().normalize();
    }

    private static final String PROJECT = """
            ARG BASE=alpine
            FROM golang:1.22 AS deps
            FROM deps AS build
            RUN go build
            FROM ${BASE} AS tools
            FROM scratch AS app
            COPY --from=build /out /app
            """;

    @Test
    void parseDumpPrintsBuildKitsFormat() throws IOException {
        Path dir = shared().resolve("conformance/buildkit-parser/testfiles/flags");
        Result r = run("parse", "--dump", dir.resolve("Dockerfile").toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(Files.readString(dir.resolve("result")), r.out());
    }

    @Test
    void parseErrorsExitOneWithFileAndLine() {
        Path file = shared().resolve("conformance/buildkit-parser/testfiles-negative/env_no_value/Dockerfile");
        Result r = run("parse", "--dump", file.toString());
        assertEquals(1, r.exit());
        assertEquals(file + ":3: ENV must have two arguments\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void parseWithoutDumpPrintsTheTypedTreeWithRanges() {
        Result r = withStdin("FROM alpine AS base\nCOPY --from=base /a /b\n", "parse", "-");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("1:16-1:20 \"base\""), r.out());
        assertTrue(r.out().contains("value 2:13-2:17 \"base\""), r.out());
        Result broken = withStdin("FROM alpine\nENV KEY\n", "parse", "-");
        assertEquals(1, broken.exit());
        assertTrue(broken.out().contains("ENV must have two arguments"), broken.out());
        assertEquals("<stdin>:2: ENV must have two arguments\n", broken.err());
    }

    @Test
    void unreadableFilesGetOneLine() {
        Result r = run("parse", "--dump", "/no/such/Dockerfile");
        assertEquals(2, r.exit());
        assertEquals("stagesmith: cannot read /no/such/Dockerfile: no such file\n", r.err());
    }

    @Test
    void stagesListsEveryStageWithBaseLineAndNeeds() {
        Result r = withStdin(PROJECT, "stages", "-");
        assertEquals(0, r.exit(), r.err());
        assertEquals("""
                #  NAME   BASE         LINE  NEEDS
                0  deps   golang:1.22  2     -
                1  build  stage deps   3     deps
                2  tools  alpine       5     -
                3  app    scratch      6     build
                """, r.out());
    }

    @Test
    void targetPrintsTheBuildOrderOfExactlyWhatItNeeds() {
        Result r = withStdin(PROJECT, "stages", "--target", "APP", "-");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().endsWith("""
                Build order for target app (3 of 4 stages):
                  1. deps
                  2. build
                  3. app
                """), r.out());
    }

    @Test
    void unknownTargetExitsTwoAndSuggestsTheClosestStage() {
        Result r = withStdin(PROJECT, "stages", "--target", "biuld", "-");
        assertEquals(2, r.exit());
        assertEquals("stagesmith: target stage \"biuld\" is not defined in <stdin>; did you mean \"build\"?"
                + " (stages: deps, build, tools, app)\n", r.err());
    }

    @Test
    void buildArgsReachFromLines() {
        Result r = withStdin(PROJECT, "stages", "--build-arg", "BASE=debian:12", "-");
        assertTrue(r.out().contains("2  tools  debian:12"), r.out());
    }

    @Test
    void jsonHasStagesReferencesAndBuildOrder() {
        Result r = withStdin(PROJECT, "stages", "--format", "json", "--target", "app", "-");
        assertEquals(0, r.exit(), r.err());
        JsonObject root = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals("app", root.get("target").getAsString());
        assertEquals("[0,1,3]", root.get("buildOrder").toString());
        JsonObject app = root.getAsJsonArray("stages").get(3).getAsJsonObject();
        assertEquals("scratch", app.getAsJsonObject("base").get("kind").getAsString());
        JsonObject ref = app.getAsJsonArray("references").get(0).getAsJsonObject();
        assertEquals("copy", ref.get("kind").getAsString());
        assertEquals(1, ref.get("stage").getAsInt());
        JsonObject range = ref.getAsJsonObject("range");
        assertEquals(7, range.get("line").getAsInt());
        assertEquals(13, range.get("column").getAsInt());
        assertEquals(18, range.get("endColumn").getAsInt());
    }

    @Test
    void syntaxErrorsAreReportedButStagesStillListed() {
        Result r = withStdin("FROM alpine AS a\nENV ONLYKEY\nFROM a AS b\n", "stages", "-");
        assertEquals(1, r.exit());
        assertEquals("<stdin>:2: ENV must have two arguments\n", r.err());
        assertTrue(r.out().contains("1  b     stage a"), r.out());
    }

    @Test
    void aDirectoryMeansItsDockerfile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("Dockerfile"), "FROM alpine AS only\n");
        Result r = run("stages", dir.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("0  only  alpine"), r.out());
        Result empty = run("stages", dir.resolve("sub").toString());
        assertEquals(2, empty.exit());
    }

    @Test
    void badArgumentsGetOneLineAndAHint() {
        Result r = run("stages", "--frobnicate", "x");
        assertEquals(2, r.exit());
        assertEquals("stagesmith: Unknown option: '--frobnicate'\nRun 'stagesmith stages --help' for usage.\n",
                r.err());
        Result p = withStdin(PROJECT, "stages", "--platform", "linux//", "-");
        assertEquals(2, p.exit());
        assertTrue(p.err().startsWith("stagesmith: --platform linux// is not a platform"), p.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "parse", "stages"})
    void everyCommandHasHelp(String command) {
        Result r = command.isEmpty() ? run("--help") : run(command, "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("Usage: stagesmith" + (command.isEmpty() ? "" : " " + command)), r.out());
    }
}

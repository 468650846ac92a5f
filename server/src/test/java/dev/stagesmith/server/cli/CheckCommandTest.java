package dev.stagesmith.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
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

/** {@code stagesmith check}: formats, exit codes, directory search, --severity and --target. */
class CheckCommandTest {

    record Result(int exit, String out, String err) {}

    private static Result check(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 1];
        all[0] = "check";
        System.arraycopy(args, 0, all, 1, args.length);
        int exit = Main.run(all, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(exit, out.toString(), err.toString());
    }

    private static final String BROKEN = "FROM alpine AS a\nENV ONLYKEY\n";

    @Test
    void textShowsLocationCodeMessageSourceAndCaret() {
        Result r = check(BROKEN, "-");
        assertEquals(1, r.exit(), r.err());
        assertEquals("""
                <stdin>:2:5: error syntax-error: ENV must have two arguments
                    2 | ENV ONLYKEY
                      |     ^^^^^^^
                1 file checked: 1 error
                """, r.out());
    }

    @Test
    void cleanFilesExitZero() {
        Result r = check("FROM alpine\n", "-");
        assertEquals(0, r.exit(), r.out());
        assertEquals("1 file checked, no problems\n", r.out());
    }

    @Test
    void jsonIsOneArrayWithOneBasedPositions() {
        Result r = check(BROKEN, "--format", "json", "-");
        JsonArray a = JsonParser.parseString(r.out()).getAsJsonArray();
        assertEquals(1, a.size());
        JsonObject f = a.get(0).getAsJsonObject();
        assertEquals("<stdin>", f.get("file").getAsString());
        assertEquals(2, f.get("line").getAsInt());
        assertEquals(5, f.get("column").getAsInt());
        assertEquals(2, f.get("endLine").getAsInt());
        assertEquals(12, f.get("endColumn").getAsInt());
        assertEquals("error", f.get("severity").getAsString());
        assertEquals("syntax-error", f.get("code").getAsString());
    }

    @Test
    void sarifHasRulesResultsAndRegions() {
        Result r = check(BROKEN, "--format", "sarif", "-");
        JsonObject root = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals("2.1.0", root.get("version").getAsString());
        JsonObject run = root.getAsJsonArray("runs").get(0).getAsJsonObject();
        assertTrue(run.getAsJsonObject("tool").getAsJsonObject("driver").getAsJsonArray("rules").size() > 0);
        JsonObject result = run.getAsJsonArray("results").get(0).getAsJsonObject();
        assertEquals("syntax-error", result.get("ruleId").getAsString());
        assertEquals("error", result.get("level").getAsString());
        JsonObject region = result.getAsJsonArray("locations").get(0).getAsJsonObject()
                .getAsJsonObject("physicalLocation").getAsJsonObject("region");
        assertEquals(2, region.get("startLine").getAsInt());
        assertEquals(5, region.get("startColumn").getAsInt());
    }

    @Test
    void directoriesAreSearchedForDockerfiles(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("svc/node_modules/x"));
        Files.writeString(dir.resolve("Dockerfile"), "FROM alpine\n");
        Files.writeString(dir.resolve("svc/api.Dockerfile"), BROKEN);
        Files.writeString(dir.resolve("svc/Containerfile"), "FROM alpine\n");
        Files.writeString(dir.resolve("svc/node_modules/x/Dockerfile"), BROKEN);
        Files.writeString(dir.resolve("README.md"), "not a Dockerfile\n");
        Result r = check("", "--format", "json", dir.toString());
        JsonArray a = JsonParser.parseString(r.out()).getAsJsonArray();
        assertEquals(1, a.size(), r.out());
        assertEquals(dir.resolve("svc/api.Dockerfile").toString(), a.get(0).getAsJsonObject().get("file").getAsString());
        assertEquals(1, r.exit());
        Result text = check("", dir.toString());
        assertTrue(text.out().endsWith("3 files checked: 1 error\n"), text.out());
    }

    @Test
    void severityFiltersAndBadValuesAreUsageErrors() {
        Result filtered = check(BROKEN, "--severity", "error", "-");
        assertEquals(1, filtered.exit());
        Result bad = check(BROKEN, "--severity", "loud", "-");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().startsWith("stagesmith: --severity loud is not one of"), bad.err());
    }

    @Test
    void syntaxErrorsCountWhateverTheTargetAndUnknownTargetsAreUsageErrors() {
        String text = "FROM alpine AS a\nENV ONLYKEY\nFROM alpine AS b\nRUN true\n";
        assertEquals(1, check(text, "--target", "b", "-").exit());
        assertEquals(1, check(text, "--target", "a", "-").exit());
        Result unknown = check(text, "--target", "c", "-");
        assertEquals(2, unknown.exit());
    }

    @Test
    void theBuildContextsDockerignoreIsRead(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\nCOPY secrets/key.pem /key.pem\n");
        Files.writeString(dir.resolve(".dockerignore"), "secrets/\n");
        Result r = check("", "--format", "json", dir.resolve("Dockerfile").toString());
        JsonArray a = JsonParser.parseString(r.out()).getAsJsonArray();
        assertEquals(1, a.size(), r.out());
        assertEquals("CopyIgnoredFile", a.get(0).getAsJsonObject().get("code").getAsString());
        Path other = Files.createDirectories(dir.resolve("elsewhere"));
        Result withContext = check("", "--format", "json", "--context", other.toString(),
                dir.resolve("Dockerfile").toString());
        assertEquals(0, JsonParser.parseString(withContext.out()).getAsJsonArray().size(), withContext.out());
    }

    @Test
    void ruleSeveritiesCanBeSetOnTheCommandLine() {
        String text = "FROM alpine AS a\nFROM alpine AS b\n";
        assertTrue(check(text, "--severity", "hint", "-").out().contains("hint unused-stage"));
        Result off = check(text, "--severity", "hint", "--rule", "unused-stage=off", "-");
        assertEquals("1 file checked, no problems\n", off.out());
        Result error = check(text, "--rule", "Unused-Stage=error", "-");
        assertEquals(1, error.exit());
        Result unknown = check(text, "--rule", "unused-stag=off", "-");
        assertEquals(2, unknown.exit());
        assertEquals("stagesmith: --rule unused-stag=off: no rule unused-stag; did you mean unused-stage?\n",
                unknown.err());
        assertEquals(2, check(text, "--rule", "unused-stage=loud", "-").exit());
    }

    @Test
    void missingPathsAreUsageErrors() {
        Result r = check("", "/no/such/file");
        assertEquals(2, r.exit());
        assertEquals("stagesmith: cannot read /no/such/file: no such file\n", r.err());
    }
}

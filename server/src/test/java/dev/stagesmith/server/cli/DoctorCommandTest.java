package dev.stagesmith.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.stagesmith.engine.store.BuildCache;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stagesmith doctor}, and how {@code stagesmith build} takes {@code --engine} and {@code --builder}. */
class DoctorCommandTest {

    @TempDir
    Path dir;

    private record Result(int exit, String out, String err) {}

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new ByteArrayInputStream(new byte[0]), new PrintWriter(out, true),
                new PrintWriter(err, true));
        return new Result(exit, out.toString(), err.toString());
    }

    /** Whether a command is on this machine's PATH, to know what doctor must have found. */
    private static boolean onPath(String command) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, command))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void textNamesSandboxEnginesCacheAndJava() throws Exception {
        Path cache = dir.resolve("cache");
        new BuildCache(cache).blobs().put("some bytes".getBytes());
        Result r = run("doctor", "--cache-dir", cache.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("RUN sandbox  "), r.out());
        assertTrue(lines.contains("  embedded  yes built in"), r.out());
        for (String engine : List.of("podman", "buildah", "docker")) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("  " + engine + " ")), engine + ":\n" + r.out());
        }
        if (onPath("buildah")) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("  buildah   yes buildah version ")), r.out());
        }
        assertTrue(r.out().contains("Cache        " + cache + ": 10 B in 1 blobs, 0 cached steps, 0 local images"),
                r.out());
        assertTrue(r.out().contains("Java         " + System.getProperty("java.version")), r.out());
    }

    @Test
    void jsonHasTheSameFactsAndAMissingCacheIsNotCreated() {
        Path cache = dir.resolve("never-built");
        Result r = run("doctor", "--format", "json", "--cache-dir", cache.toString());
        assertEquals(0, r.exit(), r.err());
        JsonObject root = JsonParser.parseString(r.out()).getAsJsonObject();
        JsonObject run = root.getAsJsonObject("run");
        assertTrue(run.has("sandbox") || run.get("advice").getAsString().contains("bubblewrap"), run.toString());
        List<String> names = new ArrayList<>();
        for (JsonElement e : root.getAsJsonArray("engines")) {
            names.add(e.getAsJsonObject().get("name").getAsString());
        }
        assertEquals(List.of("embedded", "podman", "buildah", "docker"), names);
        JsonArray engines = root.getAsJsonArray("engines");
        assertEquals(onPath("podman"), engines.get(1).getAsJsonObject().get("available").getAsBoolean(),
                engines.toString());
        assertFalse(root.getAsJsonObject("cache").get("exists").getAsBoolean());
        assertFalse(Files.exists(cache), "doctor only looks");
        assertEquals(System.getProperty("java.version"), root.get("java").getAsString().split(" ")[0]);
    }

    @Test
    void buildRefusesAnUnknownEngineAndABuilderWithoutDocker() throws Exception {
        Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
        Result unknown = run("build", "--engine", "kaniko", dir.toString());
        assertEquals(ExitCodes.USAGE, unknown.exit());
        assertEquals("stagesmith: --engine kaniko is not one of embedded, podman, buildah, docker\n", unknown.err());
        Result builder = run("build", "--engine", "buildah", "--builder", "remote", dir.toString());
        assertEquals(ExitCodes.USAGE, builder.exit());
        assertTrue(builder.err().contains("--builder remote names a BuildKit builder, which only --engine docker uses"),
                builder.err());
    }
}

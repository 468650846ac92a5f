package dev.stagesmith.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.stagesmith.engine.testing.RequiredTool;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real LSP client: headless Neovim 0.7 starts {@code stagesmith lsp} from the built jar, opens a
 * multi-stage Dockerfile, and gets a diagnostic for a mistyped {@code --from}, the stages after
 * {@code COPY --from=}, and a hover on a stage name.
 */
class NeovimIT {

    private static final String DOCKERFILE = """
            FROM golang:1.22 AS build
            RUN go build -o /out/app .
            FROM alpine AS tools
            RUN apk add curl
            FROM alpine
            COPY --from=buidler /out/app /app
            COPY --from=build /out/app /app2
            COPY --from=
            """;

    @Test
    void completionDiagnosticsAndHoverInNeovim(@TempDir Path dir) throws Exception {
        Path dockerfile = Files.writeString(dir.resolve("Dockerfile"), DOCKERFILE);
        JsonObject result = runProbe(dir, "nvim-probe.lua", dockerfile, Map.of("COMPLETE_LINE", "7",
                "COMPLETE_COL", "12", "HOVER_LINE", "6", "HOVER_COL", "14"), 90);

        List<String> codes = new ArrayList<>();
        for (JsonElement d : result.getAsJsonArray("diagnostics")) {
            JsonObject o = d.getAsJsonObject();
            codes.add(o.get("code").getAsString() + "@" + o.getAsJsonObject("range").getAsJsonObject("start")
                    .get("line").getAsInt());
        }
        assertTrue(codes.contains("unknown-stage-reference@5"), codes.toString());

        List<String> labels = new ArrayList<>();
        JsonArray l = result.getAsJsonArray("labels");
        l.forEach(e -> labels.add(e.getAsString()));
        assertTrue(labels.contains("build") && labels.contains("tools"), labels.toString());

        String hover = result.get("hover").toString();
        assertTrue(hover.contains("build") && hover.contains("golang:1.22"), hover);
    }

    private static final String STAGES = """
            FROM scratch AS base
            COPY a.txt /a.txt
            FROM scratch AS unused
            COPY u.txt /u.txt
            FROM base AS middle
            COPY b.txt /b.txt
            FROM middle
            COPY c.txt /c.txt
            """;

    /**
     * The code lens above {@code FROM base AS middle}, run with {@code vim.lsp.codelens.run()}, builds that stage
     * into the default OCI layout; skopeo reads the layout and finds the digest the command answered with.
     */
    @Test
    void codeLensBuildsAStageInNeovim(@TempDir Path dir) throws Exception {
        Path skopeo = RequiredTool.find("skopeo", "skopeo");
        for (String f : List.of("a.txt", "b.txt", "c.txt", "u.txt")) {
            Files.writeString(dir.resolve(f), f + "\n");
        }
        Path dockerfile = Files.writeString(dir.resolve("Dockerfile"), STAGES);
        JsonObject result = runProbe(dir, "nvim-buildlens.lua", dockerfile,
                Map.of("LENS_LINE", "5", "XDG_CACHE_HOME", dir.resolve("cache").toString()), 120);

        List<String> titles = new ArrayList<>();
        result.getAsJsonArray("lenses").forEach(e -> titles.add(e.getAsJsonObject().get("line").getAsInt() + ":"
                + e.getAsJsonObject().get("title").getAsString()));
        assertEquals(List.of("0:▶ Build stage base", "2:▶ Build stage unused", "4:▶ Build stage middle",
                "6:▶ Build stage #3", "6:▶ Build image").stream().sorted().toList(), titles.stream().sorted().toList());

        JsonObject build = result.getAsJsonObject("result");
        assertEquals("middle", build.get("target").getAsString(), result.toString());
        Path layout = dir.resolve(".stagesmith/out/middle");
        Process inspect = new ProcessBuilder(skopeo.toString(), "inspect", "oci:" + layout + ":middle")
                .redirectErrorStream(true).start();
        String text = new String(inspect.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(inspect.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, inspect.exitValue(), text);
        JsonObject image = JsonParser.parseString(text).getAsJsonObject();
        assertEquals(build.get("digest").getAsString(), image.get("Digest").getAsString());
        assertEquals(2, image.getAsJsonArray("Layers").size(), "base's and middle's COPY, nothing else: " + text);
    }

    /**
     * Runs headless Neovim with the probe script {@code /e2e/<script>} on {@code file}, the server started from
     * the built jar, and returns the JSON the probe wrote to {@code $OUT}.
     */
    private JsonObject runProbe(Path dir, String script, Path file, Map<String, String> env, int seconds)
            throws Exception {
        Path nvim = RequiredTool.find("nvim", "neovim");
        Path jar = Path.of("target", "stagesmith.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "build the jar first (mvn package): " + jar);
        Path probe = dir.resolve(script);
        try (InputStream in = getClass().getResourceAsStream("/e2e/" + script)) {
            Files.write(probe, in.readAllBytes());
        }
        Path out = dir.resolve("out.json");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(nvim.toString(), "--headless", "-n", "-i", "NONE", "-u", probe.toString(),
                file.toString());
        pb.directory(dir.toFile());
        pb.environment().put("OUT", out.toString());
        pb.environment().put("LSP_CMD", java + " -jar " + jar + " lsp");
        pb.environment().put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        pb.environment().put("XDG_DATA_HOME", dir.resolve("data").toString());
        pb.environment().put("XDG_STATE_HOME", dir.resolve("state").toString());
        pb.environment().putAll(env);
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("nvim.log").toFile());
        Process p = pb.start();
        boolean ended = p.waitFor(seconds, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        assertTrue(ended, "neovim did not finish: " + log(dir));
        assertTrue(Files.exists(out), "no result from the probe: " + log(dir));
        JsonObject result = JsonParser.parseString(Files.readString(out)).getAsJsonObject();
        assertEquals(0, p.exitValue(), result + " " + log(dir));
        return result;
    }

    private static String log(Path dir) throws IOException {
        Path log = dir.resolve("nvim.log");
        return Files.exists(log) ? Files.readString(log) : "(no log)";
    }
}

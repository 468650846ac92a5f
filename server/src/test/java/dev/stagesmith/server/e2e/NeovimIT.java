package dev.stagesmith.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        Path nvim = RequiredTool.find("nvim", "neovim");
        Path jar = Path.of("target", "stagesmith.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "build the jar first (mvn package): " + jar);
        Path dockerfile = Files.writeString(dir.resolve("Dockerfile"), DOCKERFILE);
        Path probe = dir.resolve("probe.lua");
        try (InputStream in = getClass().getResourceAsStream("/e2e/nvim-probe.lua")) {
            Files.write(probe, in.readAllBytes());
        }
        Path out = dir.resolve("out.json");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(nvim.toString(), "--headless", "-n", "-i", "NONE", "-u", probe.toString(),
                dockerfile.toString());
        pb.directory(dir.toFile());
        pb.environment().put("OUT", out.toString());
        pb.environment().put("LSP_CMD", java + " -jar " + jar + " lsp");
        pb.environment().put("COMPLETE_LINE", "7");
        pb.environment().put("COMPLETE_COL", "12");
        pb.environment().put("HOVER_LINE", "6");
        pb.environment().put("HOVER_COL", "14");
        pb.environment().put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        pb.environment().put("XDG_DATA_HOME", dir.resolve("data").toString());
        pb.environment().put("XDG_STATE_HOME", dir.resolve("state").toString());
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("nvim.log").toFile());
        Process p = pb.start();
        boolean ended = p.waitFor(90, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        assertTrue(ended, "neovim did not finish: " + log(dir));
        assertTrue(Files.exists(out), "no result from the probe: " + log(dir));
        JsonObject result = JsonParser.parseString(Files.readString(out)).getAsJsonObject();
        assertEquals(0, p.exitValue(), result + " " + log(dir));

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

    private static String log(Path dir) throws IOException {
        Path log = dir.resolve("nvim.log");
        return Files.exists(log) ? Files.readString(log) : "(no log)";
    }
}

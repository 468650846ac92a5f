package dev.stagesmith.server.features.build;

import static dev.stagesmith.server.features.build.BuildClientHarness.assertCode;
import static dev.stagesmith.server.features.build.BuildClientHarness.build;
import static dev.stagesmith.server.features.build.BuildClientHarness.command;
import static dev.stagesmith.server.features.build.BuildClientHarness.error;
import static dev.stagesmith.server.features.build.BuildClientHarness.files;
import static dev.stagesmith.server.features.build.BuildClientHarness.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagesmith.engine.testing.RequiredTool;
import dev.stagesmith.server.lsp.LspSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Build to stage with RUN, in the real bubblewrap sandbox: a running process is stopped by a cancel, and a
 * failing RUN becomes a diagnostic with its exit code and output. The base is {@code FROM scratch} plus the
 * host's static busybox, so nothing is pulled.
 */
class BuildRunIT {

    @TempDir
    Path dir;

    @BeforeEach
    void busyboxInTheContext() throws Exception {
        RequiredTool.find("bwrap", "bubblewrap");
        Path busybox = RequiredTool.find("busybox", "busybox-static");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.copy(busybox, bin.resolve("busybox"));
        for (String applet : List.of("sh", "sleep", "echo", "true", "cat", "sha256sum")) {
            Files.createSymbolicLink(bin.resolve(applet), Path.of("busybox"));
        }
    }

    private String open(LspSession s, String text) throws Exception {
        Path file = Files.writeString(dir.resolve("Dockerfile"), text);
        String uri = file.toUri().toString();
        s.open(uri, text);
        return uri;
    }

    @Test
    void cancelStopsARunningRunWithinASecondAndTheNextBuildUsesTheCache() throws Exception {
        try (LspSession s = session(dir, ", \"output\": \"oci:out/tools\"")) {
            String uri = open(s, "FROM scratch AS tools\nCOPY bin/ /bin/\nRUN echo started && sleep 30\n");
            CompletableFuture<Object> running = command(s, BuildCommands.BUILD_TO_STAGE, uri, "tools");
            awaitLog(s, "started");
            assertEquals(Boolean.TRUE, command(s, BuildCommands.CANCEL_BUILD, uri, "tools").get(10, TimeUnit.SECONDS));
            assertCode(ResponseErrorCode.RequestCancelled.getValue(), error(running, 1));

            int v = s.change(uri, 2, 0, 2, 28, "RUN echo done > /done.txt");
            s.awaitDiagnostics(uri, v);
            s.buildLogs.clear();
            build(s, uri, "tools");
            assertTrue(files(dir.resolve("out/tools")).contains("done.txt"));
            assertTrue(s.buildLogs.stream().anyMatch(l -> l.line().startsWith("#[tools 2/3]") && l.line().endsWith("CACHED")),
                    "the COPY before the cancelled RUN came from the cache: " + s.buildLogs);
        }
    }

    @Test
    void aFailingRunIsADiagnosticWithItsExitCodeAndOutput() throws Exception {
        try (LspSession s = session(dir, "")) {
            String uri = open(s, "FROM scratch AS tools\nCOPY bin/ /bin/\nRUN echo about to fail && exit 3\n");
            var err = error(command(s, BuildCommands.BUILD_TO_STAGE, uri, "tools"), 60);
            assertCode(ResponseErrorCode.RequestFailed.getValue(), err);
            assertTrue(err.getMessage().startsWith("Dockerfile:3: "), err.getMessage());

            Diagnostic d = awaitBuildDiagnostic(s, uri);
            assertEquals(2, d.getRange().getStart().getLine());
            assertEquals(DiagnosticSeverity.Error, d.getSeverity());
            assertTrue(d.getMessage().contains("exited with code 3"), d.getMessage());
            assertTrue(d.getMessage().contains("\nabout to fail"), "the output's last lines follow: " + d.getMessage());

            int v = s.change(uri, 2, 0, 2, 33, "RUN echo fine");
            PublishDiagnosticsParams edited = s.awaitDiagnostics(uri, v);
            assertEquals(List.of(), edited.getDiagnostics().stream()
                    .filter(x -> BuildDiagnostics.SOURCE.equals(x.getSource())).toList(), "the edit of its line cleared it");
            build(s, uri, "tools");
        }
    }

    @Test
    void aSecretFromTheSettingsIsReadableInRunAndInNoLayer() throws Exception {
        String value = "s3cr3t-" + System.nanoTime();
        Files.writeString(dir.resolve("token.txt"), value);
        try (LspSession s = session(dir, ", \"output\": \"oci:out/app\", \"secrets\": {\"token\": \"token.txt\"}")) {
            String uri = open(s, "FROM scratch AS app\nCOPY bin/ /bin/\n"
                    + "RUN --mount=type=secret,id=token,required cat /run/secrets/token | sha256sum > /token.sha\n");
            build(s, uri, "app");
            Path out = dir.resolve("out/app");
            assertTrue(files(out).contains("token.sha"), "the RUN wrote its file");
            try (var blobs = Files.walk(out.resolve("blobs"))) {
                for (Path b : blobs.filter(Files::isRegularFile).toList()) {
                    assertTrue(!new String(Files.readAllBytes(b), java.nio.charset.StandardCharsets.ISO_8859_1)
                            .contains(value), "the secret is in " + b);
                }
            }
        }
    }

    private static void awaitLog(LspSession s, String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            BuildLogParams p = s.buildLogs.poll(1, TimeUnit.SECONDS);
            if (p != null && p.line().endsWith(text)) {
                return;
            }
        }
        throw new AssertionError("the build never printed " + text);
    }

    private static Diagnostic awaitBuildDiagnostic(LspSession s, String uri) throws InterruptedException {
        while (true) {
            List<Diagnostic> ds = s.awaitDiagnostics(uri, null).getDiagnostics().stream()
                    .filter(d -> BuildDiagnostics.SOURCE.equals(d.getSource())).toList();
            if (!ds.isEmpty()) {
                return ds.get(0);
            }
        }
    }
}

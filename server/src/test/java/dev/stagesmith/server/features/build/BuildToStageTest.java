package dev.stagesmith.server.features.build;

import static dev.stagesmith.server.features.build.BuildClientHarness.assertCode;
import static dev.stagesmith.server.features.build.BuildClientHarness.build;
import static dev.stagesmith.server.features.build.BuildClientHarness.command;
import static dev.stagesmith.server.features.build.BuildClientHarness.error;
import static dev.stagesmith.server.features.build.BuildClientHarness.files;
import static dev.stagesmith.server.features.build.BuildClientHarness.manifestDigest;
import static dev.stagesmith.server.features.build.BuildClientHarness.progressUntilEnd;
import static dev.stagesmith.server.features.build.BuildClientHarness.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.stagesmith.server.lsp.LspSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressCancelParams;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkDoneProgressNotification;
import org.eclipse.lsp4j.WorkDoneProgressReport;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Build to stage" over a real JSON-RPC session with the embedded engine: lenses, a middle-stage build
 * into an OCI layout, failures on their line, progress, one build per target, and cancellation.
 */
class BuildToStageTest {

    private static final int REQUEST_FAILED = ResponseErrorCode.RequestFailed.getValue();
    private static final int REQUEST_CANCELLED = ResponseErrorCode.RequestCancelled.getValue();

    private static final String FOUR_STAGES = """
            FROM scratch AS base
            COPY a.txt /a.txt
            FROM scratch AS unused
            COPY u.txt /u.txt
            FROM base AS middle
            COPY b.txt /b.txt
            FROM middle
            COPY c.txt /c.txt
            """;

    @TempDir
    Path dir;

    private String dockerfile(String onDisk) throws Exception {
        for (String f : List.of("a.txt", "b.txt", "c.txt", "u.txt")) {
            Files.writeString(dir.resolve(f), f + "\n");
        }
        Path file = dir.resolve("Dockerfile");
        Files.writeString(file, onDisk);
        return file.toUri().toString();
    }

    private static List<CodeLens> resolvedLenses(LspSession s, String uri) throws Exception {
        List<? extends CodeLens> lenses = s.server().getTextDocumentService()
                .codeLens(new CodeLensParams(new TextDocumentIdentifier(uri))).get(10, TimeUnit.SECONDS);
        List<CodeLens> out = new java.util.ArrayList<>();
        for (CodeLens l : lenses) {
            assertEquals(null, l.getCommand(), "codeLens answers unresolved lenses");
            out.add(s.server().getTextDocumentService().resolveCodeLens(l).get(10, TimeUnit.SECONDS));
        }
        return out;
    }

    private static String title(LspSession s, String uri, String target) throws Exception {
        return resolvedLenses(s, uri).stream()
                .filter(l -> !l.getCommand().getTitle().equals("▶ Build image"))
                .filter(l -> ((JsonObject) new com.google.gson.Gson().toJsonTree(l.getCommand().getArguments().get(0)))
                        .get("target").getAsString().equals(target))
                .findFirst().orElseThrow().getCommand().getTitle();
    }

    @Test
    void everyFromHasABuildLensAndTheLastAlsoBuildImage() throws Exception {
        String uri = dockerfile(FOUR_STAGES);
        try (LspSession s = session(dir, "")) {
            assertTrue(s.initialized.getCapabilities().getCodeLensProvider().getResolveProvider());
            assertTrue(s.initialized.getCapabilities().getExecuteCommandProvider().getCommands().containsAll(BuildCommands.NAMES));
            s.open(uri, FOUR_STAGES);
            List<CodeLens> lenses = resolvedLenses(s, uri);
            assertEquals(List.of("▶ Build stage base", "▶ Build stage unused", "▶ Build stage middle",
                    "▶ Build stage #3", "▶ Build image"), lenses.stream().map(l -> l.getCommand().getTitle()).toList());
            assertEquals(List.of(0, 2, 4, 6, 6), lenses.stream().map(l -> l.getRange().getStart().getLine()).toList());
            for (CodeLens l : lenses) {
                assertEquals(BuildCommands.BUILD_TO_STAGE, l.getCommand().getCommand());
            }
            JsonObject arg = (JsonObject) new com.google.gson.Gson().toJsonTree(lenses.get(3).getCommand().getArguments().get(0));
            assertEquals(uri, arg.get("uri").getAsString());
            assertEquals("3", arg.get("target").getAsString());
        }
    }

    @Test
    void buildsAMiddleStageFromTheUnsavedBufferAndNothingItDoesNotNeed() throws Exception {
        String uri = dockerfile("FROM scratch\n"); // the buffer, not the disk, is built
        try (LspSession s = session(dir, ", \"output\": \"oci:out/middle\"")) {
            s.open(uri, FOUR_STAGES);
            JsonObject result = build(s, uri, "middle");

            Path layout = dir.resolve("out/middle");
            assertEquals(new TreeSet<>(List.of("a.txt", "b.txt")), files(layout));
            assertEquals(manifestDigest(layout), result.get("digest").getAsString());
            assertEquals("middle", result.get("target").getAsString());
            assertTrue(result.get("output").getAsString().contains(layout.toString()), result.toString());
            assertTrue(result.get("configDigest").getAsString().startsWith("sha256:"));
            assertTrue(result.get("size").getAsLong() > 0);
            assertEquals(List.of("base", "middle"), result.getAsJsonArray("stages").asList().stream()
                    .map(e -> e.getAsJsonObject().get("name").getAsString()).toList());

            List<ProgressParams> progress = progressUntilEnd(s);
            assertEquals(s.progressTokens.poll(), progress.get(0).getToken(), "progress uses the created token");
            List<WorkDoneProgressNotification> values = progress.stream().map(p -> p.getValue().getLeft()).toList();
            WorkDoneProgressBegin begin = (WorkDoneProgressBegin) values.get(0);
            assertEquals("Building middle", begin.getTitle());
            assertTrue(begin.getCancellable());
            assertTrue(values.get(values.size() - 1) instanceof WorkDoneProgressEnd);
            List<WorkDoneProgressReport> reports = values.subList(1, values.size() - 1).stream()
                    .map(v -> (WorkDoneProgressReport) v).toList();
            assertEquals(List.of("[stage 1/2] COPY a.txt /a.txt", "[stage 2/2] COPY b.txt /b.txt"),
                    reports.stream().map(WorkDoneProgressReport::getMessage).filter(m -> m.contains("COPY")).toList());
            int last = -1;
            for (WorkDoneProgressReport r : reports) {
                assertTrue(r.getPercentage() >= last && r.getPercentage() <= 100, "percentages " + reports);
                last = r.getPercentage();
            }
            assertTrue(last > 0, "steps were counted");

            List<String> log = s.buildLogs.stream().map(BuildLogParams::line).toList();
            assertTrue(log.stream().anyMatch(l -> l.contains("COPY b.txt")), log.toString());
            assertTrue(s.buildLogs.stream().allMatch(l -> l.uri().equals(uri) && l.target().equals("middle")));
            for (String notRun : List.of("unused", "stage-3", "u.txt", "c.txt")) {
                assertFalse(log.stream().anyMatch(l -> l.contains(notRun)), notRun + " ran: " + log);
                assertFalse(reports.stream().anyMatch(r -> r.getMessage().contains(notRun)), notRun + " ran");
            }
            assertTrue(s.logs.stream().anyMatch(m -> m.getType() == MessageType.Log && m.getMessage().contains("COPY b.txt")),
                    "without the experimental capability the log also goes to window/logMessage");
            MessageParams shown = s.shown.poll(10, TimeUnit.SECONDS);
            assertEquals(MessageType.Info, shown.getType());
            assertTrue(shown.getMessage().contains(result.get("digest").getAsString()), shown.getMessage());

            String digest = result.get("digest").getAsString();
            assertEquals("✓ built " + BuildService.seconds(result.get("seconds").getAsDouble()) + " · "
                    + digest.substring(0, "sha256:".length() + 12), title(s, uri, "middle"));
            assertEquals("▶ Build stage base", title(s, uri, "base"));
            assertTrue(s.lensRefreshes.get() >= 2, "lenses refreshed when the build started and ended");
        }
    }

    @Test
    void theRequestsOwnTokenCarriesProgressAndTheExperimentalCapabilityKeepsLogsOutOfLogMessage() throws Exception {
        String uri = dockerfile(FOUR_STAGES);
        try (LspSession s = new LspSession()) {
            s.configuration("{\"build\": {\"cacheDir\": \"cache\"}}");
            s.initialize(p -> {
                p.setInitializationOptions(com.google.gson.JsonParser.parseString("{\"build\": {\"cacheDir\": \"cache\"}}"));
                p.getCapabilities().setExperimental(com.google.gson.JsonParser.parseString("{\"stagesmithBuildLog\": true}"));
                p.setWorkspaceFolders(List.of(new org.eclipse.lsp4j.WorkspaceFolder(dir.toUri().toString(), "t")));
            });
            s.open(uri, FOUR_STAGES);
            JsonObject arg = new JsonObject();
            arg.addProperty("uri", uri);
            arg.addProperty("target", "base");
            var params = new org.eclipse.lsp4j.ExecuteCommandParams(BuildCommands.BUILD_TO_STAGE, List.of(arg));
            params.setWorkDoneToken("b-1");
            s.server().getWorkspaceService().executeCommand(params).get(60, TimeUnit.SECONDS);

            List<ProgressParams> progress = progressUntilEnd(s);
            assertTrue(progress.stream().allMatch(p -> "b-1".equals(p.getToken().getLeft())), progress.toString());
            assertEquals(List.of(), List.copyOf(s.progressTokens), "no token created when the request brings one");
            assertTrue(s.buildLogs.stream().anyMatch(l -> l.line().contains("COPY a.txt")), s.buildLogs.toString());
            assertFalse(s.logs.stream().anyMatch(m -> m.getType() == MessageType.Log), "only stagesmith/buildLog");
        }
    }

    @Test
    void aFailedStepIsADiagnosticOnItsLineUntilAFixedBuild() throws Exception {
        String text = """
                FROM scratch AS app
                COPY a.txt /a.txt
                COPY missing.txt /missing.txt
                """;
        String uri = dockerfile(text);
        try (LspSession s = session(dir, "")) {
            s.open(uri, text);
            var err = error(command(s, BuildCommands.BUILD_TO_STAGE, uri, "app"), 60);
            assertCode(REQUEST_FAILED, err);
            assertTrue(err.getMessage().startsWith("Dockerfile:3: "), err.getMessage());
            assertFalse(err.getMessage().contains("\n"), "one line: " + err.getMessage());

            Diagnostic d = awaitBuildDiagnostic(s, uri);
            assertEquals(2, d.getRange().getStart().getLine());
            assertEquals(DiagnosticSeverity.Error, d.getSeverity());
            assertTrue(d.getMessage().contains("missing.txt"), d.getMessage());
            assertEquals("✗ failed at line 3", title(s, uri, "app"));
            assertTrue(s.shown.stream().anyMatch(m -> m.getType() == MessageType.Error
                    && m.getMessage().equals(err.getMessage())));

            Files.writeString(dir.resolve("missing.txt"), "here now\n");
            build(s, uri, "app");
            awaitNoBuildDiagnostic(s, uri);
        }
    }

    @Test
    void anEditAboveMovesTheDiagnosticAndAnEditOfItsLineClearsIt() throws Exception {
        String text = "FROM scratch AS app\nCOPY missing.txt /m\n";
        String uri = dockerfile(text);
        try (LspSession s = session(dir, "")) {
            s.open(uri, text);
            assertCode(REQUEST_FAILED, error(command(s, BuildCommands.BUILD_TO_STAGE, uri, "app"), 60));
            assertEquals(1, awaitBuildDiagnostic(s, uri).getRange().getStart().getLine());

            int v = s.change(uri, 0, 0, 0, 0, "# a comment\n");
            PublishDiagnosticsParams moved = s.awaitDiagnostics(uri, v);
            assertEquals(List.of(2), buildDiagnostics(moved).stream().map(d -> d.getRange().getStart().getLine()).toList());

            v = s.change(uri, 2, 5, 2, 12, "present");
            assertEquals(List.of(), buildDiagnostics(s.awaitDiagnostics(uri, v)));
        }
    }

    @Test
    void aSecondBuildOfTheSameTargetIsRefusedWhileAnotherTargetBuilds() throws Exception {
        try (SlowServer slow = new SlowServer()) {
            String text = "FROM scratch AS slow\nADD " + slow.url() + " /slow.bin\nFROM scratch AS quick\nCOPY a.txt /a.txt\n";
            String uri = dockerfile(text);
            try (LspSession s = session(dir, "")) {
                s.open(uri, text);
                CompletableFuture<Object> first = command(s, BuildCommands.BUILD_TO_STAGE, uri, "slow");
                slow.awaitRequest();
                var refused = error(command(s, BuildCommands.BUILD_TO_STAGE, uri, "slow"), 10);
                assertCode(REQUEST_FAILED, refused);
                assertEquals("a build of slow is already running; cancel it first", refused.getMessage());
                assertEquals("Building… (cancel)", title(s, uri, "slow"));
                assertEquals(BuildCommands.CANCEL_BUILD, resolvedLenses(s, uri).get(0).getCommand().getCommand());

                JsonObject quick = build(s, uri, "quick");
                assertEquals("quick", quick.get("target").getAsString());
                assertFalse(first.isDone(), "the slow build is still running");

                s.close(uri); // the build outlives its document and can still be cancelled
                assertEquals(Boolean.TRUE, command(s, BuildCommands.CANCEL_BUILD, uri, "slow").get(10, TimeUnit.SECONDS));
                assertCode(REQUEST_CANCELLED, error(first, 5));
                assertEquals(Boolean.FALSE, command(s, BuildCommands.CANCEL_BUILD, uri, "slow").get(10, TimeUnit.SECONDS));
            }
        }
    }

    /** How a test presses cancel. */
    private enum Cancel { COMMAND, PROGRESS, REQUEST }

    @Test
    void cancelBuildStopsAStalledDownloadWithinASecondAndTheCacheStaysUsable() throws Exception {
        cancelThenRebuild(Cancel.COMMAND);
    }

    @Test
    void cancellingTheProgressStopsTheBuild() throws Exception {
        cancelThenRebuild(Cancel.PROGRESS);
    }

    @Test
    void cancellingTheRequestStopsTheBuild() throws Exception {
        cancelThenRebuild(Cancel.REQUEST);
    }

    private void cancelThenRebuild(Cancel how) throws Exception {
        try (SlowServer slow = new SlowServer()) {
            String text = "FROM scratch AS fetch\nCOPY a.txt /a.txt\nADD " + slow.url() + " /slow.bin\n";
            String uri = dockerfile(text);
            try (LspSession s = session(dir, ", \"output\": \"oci:out/fetch\"")) {
                s.open(uri, text);
                CompletableFuture<Object> build = command(s, BuildCommands.BUILD_TO_STAGE, uri, "fetch");
                slow.awaitRequest();
                switch (how) {
                    case COMMAND -> assertEquals(Boolean.TRUE,
                            command(s, BuildCommands.CANCEL_BUILD, uri, "fetch").get(10, TimeUnit.SECONDS));
                    case PROGRESS -> s.server().cancelProgress(new WorkDoneProgressCancelParams(
                            s.progressTokens.poll(10, TimeUnit.SECONDS)));
                    case REQUEST -> build.cancel(true);
                }
                if (how != Cancel.REQUEST) {
                    assertCode(REQUEST_CANCELLED, error(build, 1));
                }
                List<ProgressParams> progress = progressUntilEnd(s);
                assertEquals("cancelled",
                        ((WorkDoneProgressEnd) progress.get(progress.size() - 1).getValue().getLeft()).getMessage());
                assertFalse(Files.exists(dir.resolve("out/fetch")), "a cancelled build writes no image");
                assertEquals("▶ Build stage fetch", title(s, uri, "fetch"));

                slow.release();
                s.buildLogs.clear();
                build(s, uri, "fetch");
                assertEquals(new TreeSet<>(List.of("a.txt", "slow.bin")), files(dir.resolve("out/fetch")));
                assertTrue(s.buildLogs.stream().anyMatch(l -> l.line().endsWith("CACHED")),
                        "the step before the cancel came from the cache: " + s.buildLogs);
            }
        }
    }

    @Test
    void shutdownCancelsRunningBuilds() throws Exception {
        try (SlowServer slow = new SlowServer()) {
            String text = "FROM scratch AS fetch\nADD " + slow.url() + " /slow.bin\n";
            String uri = dockerfile(text);
            try (LspSession s = session(dir, "")) {
                s.open(uri, text);
                CompletableFuture<Object> build = command(s, BuildCommands.BUILD_TO_STAGE, uri, "fetch");
                slow.awaitRequest();
                s.server().shutdown().get(10, TimeUnit.SECONDS);
                assertCode(REQUEST_CANCELLED, error(build, 5));
            }
        }
    }

    private static List<Diagnostic> buildDiagnostics(PublishDiagnosticsParams p) {
        return p.getDiagnostics().stream().filter(d -> BuildDiagnostics.SOURCE.equals(d.getSource())).toList();
    }

    private static Diagnostic awaitBuildDiagnostic(LspSession s, String uri) throws InterruptedException {
        while (true) {
            List<Diagnostic> ds = buildDiagnostics(s.awaitDiagnostics(uri, null));
            if (!ds.isEmpty()) {
                assertEquals(1, ds.size());
                return ds.get(0);
            }
        }
    }

    private static void awaitNoBuildDiagnostic(LspSession s, String uri) throws InterruptedException {
        // The failure published one; the next publication after the fixed build must have none.
        PublishDiagnosticsParams p = s.awaitDiagnostics(uri, null);
        assertNotNull(p);
        assertEquals(List.of(), buildDiagnostics(p));
    }
}

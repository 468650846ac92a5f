package dev.stagesmith.server.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.junit.jupiter.api.Test;

/** Lifecycle, incremental sync, diagnostics and settings, over a real JSON-RPC connection. */
class LifecycleTest {

    private static final String URI = "file:///project/Dockerfile";

    @Test
    void initializeAdvertisesIncrementalSync() throws Exception {
        try (LspSession s = new LspSession().initialize()) {
            TextDocumentSyncOptions sync = s.initialized.getCapabilities().getTextDocumentSync().getRight();
            assertEquals(TextDocumentSyncKind.Incremental, sync.getChange());
            assertEquals("stagesmith", s.initialized.getServerInfo().getName());
        }
    }

    @Test
    void openPublishesDiagnosticsWithCodeSourceRangeAndFixes() throws Exception {
        try (LspSession s = new LspSession().initialize()) {
            s.open(URI, "FROM alpine AS builder\nFROM alpine\nCOPY --from=buidler /a /b\n");
            PublishDiagnosticsParams p = s.awaitDiagnostics(URI, 1);
            Diagnostic d = p.getDiagnostics().stream()
                    .filter(x -> x.getCode().getLeft().equals("unknown-stage-reference")).findFirst().orElseThrow();
            assertEquals("stagesmith", d.getSource());
            assertEquals(DiagnosticSeverity.Warning, d.getSeverity());
            assertEquals(2, d.getRange().getStart().getLine());
            assertEquals(12, d.getRange().getStart().getCharacter());
            assertEquals(19, d.getRange().getEnd().getCharacter());
            assertNotNull(d.getData(), "quick fixes travel with the diagnostic");
        }
    }

    @Test
    void incrementalChangesAreAppliedAndStaleResultsNeverPublished() throws Exception {
        try (LspSession s = new LspSession().initialize()) {
            s.open(URI, "FROM alpine AS builder\nFROM alpine\nCOPY --from=buidler /a /b\n");
            s.awaitDiagnostics(URI, 1);
            // Fix the typo one keystroke at a time: buidler -> builder.
            s.change(URI, 2, 15, 2, 17, "");
            s.change(URI, 2, 15, 2, 15, "l");
            int last = s.change(URI, 2, 16, 2, 16, "d");
            PublishDiagnosticsParams p = s.awaitDiagnostics(URI, last);
            assertTrue(p.getDiagnostics().stream().noneMatch(d -> d.getCode().getLeft().equals("unknown-stage-reference")),
                    p.toString());
            assertEquals("FROM alpine AS builder\nFROM alpine\nCOPY --from=builder /a /b\n",
                    s.implementation().documents().get(URI).orElseThrow().text());
        }
    }

    @Test
    void closingClearsDiagnostics() throws Exception {
        try (LspSession s = new LspSession().initialize()) {
            s.open(URI, "FROM alpine\nENV ONLYKEY\n");
            assertEquals(1, s.awaitDiagnostics(URI, 1).getDiagnostics().size());
            s.close(URI);
            assertEquals(List.of(), s.awaitDiagnostics(URI, null).getDiagnostics());
        }
    }

    @Test
    void settingsComeFromWorkspaceConfigurationAndBadValuesAreReported() throws Exception {
        try (LspSession s = new LspSession()) {
            s.configuration("{\"checks\": {\"severity\": {\"MaintainerDeprecated\": \"error\", \"NoSuchRule\": \"off\"}}}");
            s.initialize();
            var warning = s.logs.poll(20, TimeUnit.SECONDS);
            assertNotNull(warning);
            assertEquals(MessageType.Warning, warning.getType());
            assertTrue(warning.getMessage().contains("NoSuchRule"), warning.getMessage());
            s.open(URI, "FROM alpine\nMAINTAINER me\n");
            Diagnostic d = s.awaitDiagnostics(URI, 1).getDiagnostics().get(0);
            assertEquals(DiagnosticSeverity.Error, d.getSeverity());
        }
    }

    @Test
    void shutdownThenExitEndsCleanlyAndExitAloneDoesNot() throws Exception {
        try (LspSession s = new LspSession().initialize()) {
            s.server().shutdown().get(10, TimeUnit.SECONDS);
            s.server().exit();
            assertEquals(0, s.exits.poll(20, TimeUnit.SECONDS));
        }
        try (LspSession s = new LspSession().initialize()) {
            s.server().exit();
            assertEquals(1, s.exits.poll(20, TimeUnit.SECONDS));
        }
    }
}

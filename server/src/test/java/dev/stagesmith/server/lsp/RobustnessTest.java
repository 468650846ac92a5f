package dev.stagesmith.server.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.junit.jupiter.api.Test;

/** Inputs that must never crash or hang the server: huge files, binary junk, broken JSON-RPC, odd edits. */
class RobustnessTest {

    @Test
    void aFiveMegabyteFileIsCheckedAndTheServerStaysResponsive() throws Exception {
        StringBuilder big = new StringBuilder();
        int stage = 0;
        while (big.length() < 5_000_000) {
            big.append("FROM alpine AS s").append(stage).append('\n');
            for (int i = 0; i < 40; i++) {
                big.append("RUN echo step ").append(i).append(" && make -j4 target-").append(i).append(" \\\n")
                        .append("    && rm -rf /tmp/build-").append(i).append('\n');
            }
            stage++;
        }
        try (LspSession s = new LspSession().initialize()) {
            s.open("file:///big/Dockerfile", big.toString());
            PublishDiagnosticsParams p = s.awaitDiagnostics("file:///big/Dockerfile", 1);
            assertNotNull(p.getDiagnostics());
            s.server().shutdown().get(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void binaryJunkIsJustABadDockerfile() throws Exception {
        Random random = new Random(7);
        StringBuilder junk = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            junk.append((char) random.nextInt(0x10000));
        }
        try (LspSession s = new LspSession().initialize()) {
            s.open("file:///junk/Dockerfile", junk.toString());
            assertNotNull(s.awaitDiagnostics("file:///junk/Dockerfile", 1));
            s.server().shutdown().get(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void malformedJsonRpcDoesNotStopTheServer() throws Exception {
        try (LspSession s = new LspSession().initialize()) {
            String garbage = "{\"jsonrpc\":\"2.0\",\"id\":99,\"method\":";
            s.sendRaw("Content-Length: " + garbage.length() + "\r\n\r\n" + garbage);
            String notJson = "this is not json";
            s.sendRaw("Content-Length: " + notJson.length() + "\r\n\r\n" + notJson);
            s.open("file:///after/Dockerfile", "FROM alpine\nENV ONLYKEY\n");
            assertEquals(1, s.awaitDiagnostics("file:///after/Dockerfile", 1).getDiagnostics().size());
        }
    }

    @Test
    void editsOutsideTheTextAndChangesToUnopenedDocumentsAreClamped() throws Exception {
        String uri = "file:///odd/Dockerfile";
        try (LspSession s = new LspSession().initialize()) {
            s.open(uri, "FROM alpine\n");
            s.awaitDiagnostics(uri, 1);
            s.change(uri, 500, 3, 900, 0, "RUN echo appended\n");
            int v = s.change(uri, 0, 9999, 0, 9999, " AS base");
            s.awaitDiagnostics(uri, v);
            assertEquals("FROM alpine AS base\nRUN echo appended\n",
                    s.implementation().documents().get(uri).orElseThrow().text());
            int other = s.change("file:///never/opened", 0, 0, 0, 0, "FROM scratch\n");
            assertTrue(s.awaitDiagnostics("file:///never/opened", other).getDiagnostics().isEmpty());
        }
    }

    /**
     * dockerfile-language-server-nodejs spends about 20 s on a stage named {@code production-dependencies-build@}
     * (a backtracking regular expression). Such names, and a 20,000-character one, must be answered like any
     * other: every request on them completes (the bound only keeps a regression from hanging the build).
     */
    @Test
    void stageNamesThatMakeRegularExpressionsBacktrackAreAnsweredLikeAnyOther() throws Exception {
        String uri = "file:///names/Dockerfile";
        String longName = "a-".repeat(10_000) + "@";
        String text = "FROM node:20 AS production-dependencies-build@\nRUN npm ci\n"
                + "FROM alpine AS " + longName + "\n"
                + "FROM alpine\nCOPY --from=production-dependencies-build@ /app /app\nCOPY --from=\n";
        try (LspSession s = new LspSession().initialize()) {
            s.open(uri, text);
            List<Diagnostic> found = s.awaitDiagnostics(uri, null).getDiagnostics();
            assertTrue(found.stream().anyMatch(d -> d.getRange().getStart().getLine() == 0),
                    "the invalid name on line 1 is reported: " + found);
            TextDocumentIdentifier doc = new TextDocumentIdentifier(uri);
            TextDocumentService td = s.server().getTextDocumentService();
            CompletionList items = td.completion(new CompletionParams(doc, new Position(5, 12)))
                    .get(20, TimeUnit.SECONDS).getRight();
            assertTrue(items.getItems().stream().anyMatch(c -> c.getLabel().equals("production-dependencies-build@")),
                    "the stage is offered after COPY --from=");
            assertNotNull(td.hover(new HoverParams(doc, new Position(4, 20))).get(20, TimeUnit.SECONDS));
            // A flat list here (this client does not announce hierarchical symbols): three stages, three instructions.
            assertEquals(6, td.documentSymbol(new DocumentSymbolParams(doc)).get(20, TimeUnit.SECONDS).size());
            assertNotNull(td.semanticTokensFull(new SemanticTokensParams(doc)).get(20, TimeUnit.SECONDS));
            assertNotNull(td.references(new ReferenceParams(doc, new Position(0, 20), new ReferenceContext(true)))
                    .get(20, TimeUnit.SECONDS));
        }
    }
}

package dev.stagesmith.server.features.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.stagesmith.server.lsp.LspSession;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;

/** Completion over a real JSON-RPC session: the capability, then an answer for the document as edited. */
class CompletionLspTest {

    private static final String URI = "file:///project/Dockerfile";

    @Test
    void advertisedWithTriggerCharactersAndAnsweredForTheLatestVersion() throws Exception {
        try (LspSession s = new LspSession().initialize()) {
            CompletionOptions options = s.initialized.getCapabilities().getCompletionProvider();
            assertEquals(List.of("=", "$", "-", "{", " ", ","), options.getTriggerCharacters());
            assertFalse(options.getResolveProvider());

            s.open(URI, "FROM golang:1.22 AS build\nFROM alpine\n");
            int version = s.change(URI, 2, 0, 2, 0, "COPY --from=");
            CompletionList list = complete(s, new Position(2, 12));
            assertEquals(List.of("build", "0"), list.getItems().stream().map(CompletionItem::getLabel).toList());
            CompletionItem build = list.getItems().get(0);
            assertEquals("golang:1.22", build.getDetail());
            assertEquals(new Range(new Position(2, 12), new Position(2, 12)), build.getTextEdit().getLeft().getRange());
            assertEquals("build", build.getTextEdit().getLeft().getNewText());
            s.awaitDiagnostics(URI, version); // let the debounced publish finish before the session closes
        }
    }

    @Test
    void aDocumentThatIsNotOpenGetsAnEmptyList() throws Exception {
        try (LspSession s = new LspSession().initialize()) {
            assertEquals(List.of(), complete(s, new Position(0, 0)).getItems());
        }
    }

    private static CompletionList complete(LspSession s, Position p) throws Exception {
        CompletionParams params = new CompletionParams(new TextDocumentIdentifier(URI), p);
        return s.server().getTextDocumentService().completion(params).get(10, TimeUnit.SECONDS).getRight();
    }
}

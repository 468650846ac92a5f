package dev.stagesmith.server.lsp;

import dev.stagesmith.server.features.completion.CompletionService;
import dev.stagesmith.server.workspace.DocumentSnapshot;
import dev.stagesmith.server.workspace.Documents;
import dev.stagesmith.server.workspace.TextChanges;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * {@code textDocument/*}: keeps the open documents in sync (incremental changes) and hands every request
 * to its feature service in one line, through {@link Requests} (off the message thread, cancellable,
 * isolated).
 */
final class DocumentService implements TextDocumentService {

    private final Documents documents;
    private final DiagnosticsScheduler diagnostics;
    private final Requests requests;
    private final Supplier<ClientCapabilities> client;

    DocumentService(Documents documents, DiagnosticsScheduler diagnostics, Requests requests,
            Supplier<ClientCapabilities> client) {
        this.documents = documents;
        this.diagnostics = diagnostics;
        this.requests = requests;
        this.client = client;
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        var doc = params.getTextDocument();
        documents.open(doc.getUri(), doc.getVersion(), doc.getText() == null ? "" : doc.getText());
        diagnostics.now(doc.getUri());
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        String text = documents.get(uri).map(DocumentSnapshot::text).orElse("");
        for (TextDocumentContentChangeEvent change : params.getContentChanges()) {
            String newText = change.getText() == null ? "" : change.getText();
            if (change.getRange() == null) {
                text = newText;
            } else {
                var r = change.getRange();
                text = TextChanges.apply(text, r.getStart().getLine(), r.getStart().getCharacter(),
                        r.getEnd().getLine(), r.getEnd().getCharacter(), newText);
            }
        }
        Integer version = params.getTextDocument().getVersion();
        documents.replace(uri, version == null ? 0 : version, text);
        diagnostics.changed(uri);
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        documents.close(uri);
        diagnostics.closed(uri);
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        if (params.getText() != null && documents.get(uri).isPresent()) {
            documents.replace(uri, documents.get(uri).get().version(), params.getText());
        }
        diagnostics.now(uri);
    }

    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
        return requests.onDocument("textDocument/completion", params.getTextDocument().getUri(),
                () -> Either.forRight(new CompletionList()), s -> Either.forRight(CompletionService.complete(s,
                        params.getPosition(), client.get(), (item, edit) -> item.setTextEdit(Either.forLeft(edit)))));
    }
}

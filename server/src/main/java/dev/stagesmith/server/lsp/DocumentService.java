package dev.stagesmith.server.lsp;

import dev.stagesmith.server.features.build.BuildDiagnostics;
import dev.stagesmith.server.features.build.BuildService;
import dev.stagesmith.server.features.build.CodeLensService;
import dev.stagesmith.server.features.codeactions.CodeActionService;
import dev.stagesmith.server.features.completion.CompletionService;
import dev.stagesmith.server.features.definition.DefinitionService;
import dev.stagesmith.server.features.folding.FoldingService;
import dev.stagesmith.server.features.formatting.FormattingService;
import dev.stagesmith.server.features.highlight.HighlightService;
import dev.stagesmith.server.features.hover.HoverService;
import dev.stagesmith.server.features.inlayhints.InlayHintService;
import dev.stagesmith.server.features.links.DocumentLinkService;
import dev.stagesmith.server.features.outline.DocumentSymbolService;
import dev.stagesmith.server.features.references.ReferencesService;
import dev.stagesmith.server.features.rename.RenameService;
import dev.stagesmith.server.features.semantictokens.SemanticTokensService;
import dev.stagesmith.server.workspace.DocumentSnapshot;
import dev.stagesmith.server.workspace.Documents;
import dev.stagesmith.server.workspace.TextChanges;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.DocumentLinkParams;
import org.eclipse.lsp4j.DocumentRangeFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensDelta;
import org.eclipse.lsp4j.SemanticTokensDeltaParams;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SemanticTokensRangeParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
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
    private final SemanticTokensService semanticTokens = new SemanticTokensService();
    private final CodeLensService codeLenses;
    private final BuildDiagnostics buildDiagnostics;

    DocumentService(Documents documents, DiagnosticsScheduler diagnostics, Requests requests,
            Supplier<ClientCapabilities> client, BuildService builds, BuildDiagnostics buildDiagnostics) {
        this.documents = documents;
        this.diagnostics = diagnostics;
        this.requests = requests;
        this.client = client;
        this.codeLenses = new CodeLensService(builds);
        this.buildDiagnostics = buildDiagnostics;
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
                buildDiagnostics.replaced(uri);
            } else {
                var r = change.getRange();
                buildDiagnostics.edited(uri, r.getStart().getLine(), r.getEnd().getLine(), newText);
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
    public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams p) {
        return requests.onDocument("textDocument/documentSymbol", p.getTextDocument().getUri(), List::of,
                this::symbols);
    }

    /** The protocol's shape only: a tree for clients that show one, else the flat list. */
    private List<Either<SymbolInformation, DocumentSymbol>> symbols(DocumentSnapshot s) {
        List<Either<SymbolInformation, DocumentSymbol>> out = new ArrayList<>();
        if (DocumentSymbolService.hierarchical(client.get())) {
            DocumentSymbolService.tree(s).forEach(d -> out.add(Either.forRight(d)));
        } else {
            DocumentSymbolService.flat(s).forEach(i -> out.add(Either.forLeft(i)));
        }
        return out;
    }

    @Override
    public CompletableFuture<List<FoldingRange>> foldingRange(FoldingRangeRequestParams p) {
        return requests.onDocument("textDocument/foldingRange", p.getTextDocument().getUri(), List::of,
                s -> FoldingService.ranges(s, client.get()));
    }

    @Override
    public CompletableFuture<SemanticTokens> semanticTokensFull(SemanticTokensParams p) {
        return requests.onDocument("textDocument/semanticTokens/full", p.getTextDocument().getUri(),
                () -> new SemanticTokens(List.of()), semanticTokens::full);
    }

    @Override
    public CompletableFuture<Either<SemanticTokens, SemanticTokensDelta>> semanticTokensFullDelta(
            SemanticTokensDeltaParams p) {
        return requests.onDocument("textDocument/semanticTokens/full/delta", p.getTextDocument().getUri(),
                () -> Either.forLeft(new SemanticTokens(List.of())),
                s -> either(semanticTokens.delta(s, p.getPreviousResultId())));
    }

    private static Either<SemanticTokens, SemanticTokensDelta> either(SemanticTokensService.DeltaOrFull r) {
        return r.delta().isPresent() ? Either.forRight(r.delta().get()) : Either.forLeft(r.full().orElseThrow());
    }

    @Override
    public CompletableFuture<SemanticTokens> semanticTokensRange(SemanticTokensRangeParams p) {
        return requests.onDocument("textDocument/semanticTokens/range", p.getTextDocument().getUri(),
                () -> new SemanticTokens(List.of()), s -> SemanticTokensService.range(s, p.getRange()));
    }

    @Override
    public CompletableFuture<List<DocumentLink>> documentLink(DocumentLinkParams p) {
        return requests.onDocument("textDocument/documentLink", p.getTextDocument().getUri(), List::of,
                DocumentLinkService::links);
    }

    @Override
    public CompletableFuture<List<InlayHint>> inlayHint(InlayHintParams p) {
        return requests.onDocument("textDocument/inlayHint", p.getTextDocument().getUri(), List::of,
                s -> InlayHintService.hints(s, p.getRange()));
    }

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
        return requests.onDocument("textDocument/codeAction", params.getTextDocument().getUri(), List::of,
                s -> CodeActionResults.of(CodeActionService.actions(s, params), s, client.get()));
    }

    @Override
    public CompletableFuture<List<? extends CodeLens>> codeLens(CodeLensParams params) {
        return requests.onDocument("textDocument/codeLens", params.getTextDocument().getUri(), List::of,
                CodeLensService::lenses);
    }

    @Override
    public CompletableFuture<CodeLens> resolveCodeLens(CodeLens lens) {
        return requests.run("codeLens/resolve", cancel -> codeLenses.resolve(lens));
    }

    @Override
    public CompletableFuture<List<? extends TextEdit>> formatting(DocumentFormattingParams params) {
        return requests.onDocument("textDocument/formatting", params.getTextDocument().getUri(), List::of,
                s -> FormattingService.format(s, params));
    }

    @Override
    public CompletableFuture<List<? extends TextEdit>> rangeFormatting(DocumentRangeFormattingParams params) {
        return requests.onDocument("textDocument/rangeFormatting", params.getTextDocument().getUri(), List::of,
                s -> FormattingService.formatRange(s, params));
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        return requests.onDocument("textDocument/hover", params.getTextDocument().getUri(), () -> null,
                s -> HoverService.hover(s, params.getPosition(), client.get()));
    }

    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(
            DefinitionParams params) {
        return requests.onDocument("textDocument/definition", params.getTextDocument().getUri(),
                () -> Responses.locations(List.of()),
                s -> Responses.locations(DefinitionService.definition(s, params.getPosition())));
    }

    @Override
    public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
        return requests.onDocument("textDocument/references", params.getTextDocument().getUri(), List::of,
                s -> ReferencesService.references(s, params.getPosition(), params.getContext() == null
                        || params.getContext().isIncludeDeclaration()));
    }

    @Override
    public CompletableFuture<List<? extends DocumentHighlight>> documentHighlight(DocumentHighlightParams params) {
        return requests.onDocument("textDocument/documentHighlight", params.getTextDocument().getUri(), List::of,
                s -> HighlightService.highlights(s, params.getPosition()));
    }

    @Override
    public CompletableFuture<Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior>> prepareRename(
            PrepareRenameParams params) {
        return requests.onDocument("textDocument/prepareRename", params.getTextDocument().getUri(), () -> null,
                s -> Responses.prepareRename(RenameService.prepare(s, params.getPosition())));
    }

    @Override
    public CompletableFuture<WorkspaceEdit> rename(RenameParams params) {
        return requests.onDocument("textDocument/rename", params.getTextDocument().getUri(), () -> null,
                s -> Responses.workspaceEdit(RenameService.rename(s, params.getPosition(), params.getNewName()),
                        client.get()));
    }

    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
        return requests.onDocument("textDocument/completion", params.getTextDocument().getUri(),
                () -> Either.forRight(new CompletionList()), s -> Either.forRight(CompletionService.complete(s,
                        params.getPosition(), client.get(), (item, edit) -> item.setTextEdit(Either.forLeft(edit)))));
    }
}

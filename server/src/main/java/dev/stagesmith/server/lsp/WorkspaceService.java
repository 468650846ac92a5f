package dev.stagesmith.server.lsp;

import dev.stagesmith.server.features.outline.WorkspaceSymbolService;
import dev.stagesmith.server.workspace.Documents;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/** {@code workspace/*}: configuration changes re-read the settings through {@code workspace/configuration}. */
final class WorkspaceService implements org.eclipse.lsp4j.services.WorkspaceService {

    private final Runnable reloadSettings;
    private final Requests requests;
    private final Documents documents;

    WorkspaceService(Runnable reloadSettings, Requests requests, Documents documents) {
        this.reloadSettings = reloadSettings;
        this.requests = requests;
        this.documents = documents;
    }

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
        reloadSettings.run();
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        // No watched files are registered yet.
    }

    @Override
    public CompletableFuture<Either<List<? extends SymbolInformation>, List<? extends WorkspaceSymbol>>> symbol(
            WorkspaceSymbolParams p) {
        return requests.run("workspace/symbol",
                cancel -> Either.forLeft(WorkspaceSymbolService.symbols(documents.all(), p.getQuery())));
    }
}

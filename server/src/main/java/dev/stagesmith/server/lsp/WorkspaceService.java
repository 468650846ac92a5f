package dev.stagesmith.server.lsp;

import dev.stagesmith.server.features.outline.WorkspaceSymbolService;
import dev.stagesmith.server.features.stages.StagesRequest;
import dev.stagesmith.server.workspace.Documents;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/** {@code workspace/*}: configuration changes re-read the settings through {@code workspace/configuration}. */
final class WorkspaceService implements org.eclipse.lsp4j.services.WorkspaceService {

    private final Runnable reloadSettings;
    private final Requests requests;
    private final Documents documents;
    private final BuildCommandHandler buildCommands;
    private final StagesEndpoint stages;

    WorkspaceService(Runnable reloadSettings, Requests requests, Documents documents, BuildCommandHandler buildCommands) {
        this.reloadSettings = reloadSettings;
        this.requests = requests;
        this.documents = documents;
        this.buildCommands = buildCommands;
        this.stages = new StagesEndpoint(requests, documents);
    }

    @Override
    public CompletableFuture<Object> executeCommand(ExecuteCommandParams params) {
        if (StagesRequest.COMMAND.equals(params.getCommand())) {
            return stages.command(params.getArguments());
        }
        return buildCommands.execute(params).orElseGet(() -> CompletableFuture.failedFuture(
                new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams,
                        "unknown command " + params.getCommand(), null))));
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

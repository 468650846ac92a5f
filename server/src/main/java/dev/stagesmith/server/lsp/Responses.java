package dev.stagesmith.server.lsp;

import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;

/**
 * Puts feature results into the shapes the protocol's methods return: lsp4j's {@code Either} unions, which
 * only this layer may touch, and workspace edits as the client can take them.
 */
final class Responses {

    private Responses() {}

    static Either<List<? extends Location>, List<? extends LocationLink>> locations(List<Location> locations) {
        return Either.forLeft(locations);
    }

    static Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior> prepareRename(PrepareRenameResult r) {
        return r == null ? null : Either3.forSecond(r);
    }

    /** {@code documentChanges} with the document version when the client supports it, else {@code changes}. */
    static WorkspaceEdit workspaceEdit(TextDocumentEdit edit, ClientCapabilities client) {
        if (edit == null) {
            return null;
        }
        var workspace = client == null ? null : client.getWorkspace();
        if (workspace != null && workspace.getWorkspaceEdit() != null
                && Boolean.TRUE.equals(workspace.getWorkspaceEdit().getDocumentChanges())) {
            return new WorkspaceEdit(List.of(Either.forLeft(edit)));
        }
        return new WorkspaceEdit(Map.of(edit.getTextDocument().getUri(), edit.getEdits()));
    }
}

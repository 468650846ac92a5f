package dev.stagesmith.server.lsp;

import dev.stagesmith.server.features.codeactions.CodeActionService;
import dev.stagesmith.server.workspace.DocumentSnapshot;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.ResourceOperation;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Shapes code actions for the client. lsp4j wraps them, and versioned document edits, in jsonrpc's
 * {@code Either}, which only this layer touches: edits become {@code documentChanges} with the version they
 * were computed on when the client supports that, so a client that has moved on refuses them.
 */
final class CodeActionResults {

    private CodeActionResults() {}

    static List<Either<Command, CodeAction>> of(List<CodeAction> actions, DocumentSnapshot snapshot,
            ClientCapabilities client) {
        boolean versioned = supportsDocumentChanges(client);
        List<Either<Command, CodeAction>> out = new ArrayList<>(actions.size());
        for (CodeAction a : actions) {
            if (versioned && a.getEdit() != null && a.getEdit().getChanges() != null) {
                List<Either<TextDocumentEdit, ResourceOperation>> changes = new ArrayList<>();
                a.getEdit().getChanges().forEach((uri, edits) -> changes.add(Either.forLeft(new TextDocumentEdit(
                        new VersionedTextDocumentIdentifier(uri, uri.equals(snapshot.uri()) ? snapshot.version() : null),
                        edits))));
                a.setEdit(new WorkspaceEdit(changes));
            }
            out.add(Either.forRight(a));
        }
        return out;
    }

    private static boolean supportsDocumentChanges(ClientCapabilities client) {
        return client != null && client.getWorkspace() != null && client.getWorkspace().getWorkspaceEdit() != null
                && Boolean.TRUE.equals(client.getWorkspace().getWorkspaceEdit().getDocumentChanges());
    }

    /** The capability: the kinds, for clients that take code action literals (the protocol allows no more). */
    static Either<Boolean, CodeActionOptions> provider(ClientCapabilities client) {
        boolean literals = client != null && client.getTextDocument() != null
                && client.getTextDocument().getCodeAction() != null
                && client.getTextDocument().getCodeAction().getCodeActionLiteralSupport() != null;
        return literals ? Either.forRight(new CodeActionOptions(CodeActionService.KINDS)) : Either.forLeft(true);
    }
}

package dev.stagesmith.server.features.codeactions;

import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.server.checks.Fix;
import dev.stagesmith.server.features.Positions;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;

/**
 * Builds code actions that edit the one document. The edit is written as {@code changes}; the protocol
 * layer turns it into versioned {@code documentChanges} for clients that support them.
 */
final class Actions {

    private Actions() {}

    static CodeAction of(String title, String kind, String uri, List<TextEdit> edits) {
        CodeAction action = new CodeAction(title);
        action.setKind(kind);
        action.setEdit(new WorkspaceEdit(Map.of(uri, List.copyOf(edits))));
        return action;
    }

    static CodeAction quickFix(String title, String uri, List<TextEdit> edits, List<Diagnostic> fixes) {
        CodeAction action = of(title, CodeActionKind.QuickFix, uri, edits);
        action.setDiagnostics(List.copyOf(fixes));
        return action;
    }

    /** Offset edits as LSP text edits. */
    static List<TextEdit> edits(ParsedDockerfile file, List<Fix.Edit> edits) {
        return edits.stream().map(e -> new TextEdit(Positions.range(file, e.range()), e.text())).toList();
    }
}

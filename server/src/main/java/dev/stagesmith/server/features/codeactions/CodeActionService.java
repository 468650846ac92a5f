package dev.stagesmith.server.features.codeactions;

import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.server.features.Positions;
import dev.stagesmith.server.features.diagnostics.DiagnosticsService;
import dev.stagesmith.server.workspace.DocumentSnapshot;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Diagnostic;

/**
 * Code actions: the quick fixes of Stagesmith's diagnostics, ignoring or skipping a rule, and the
 * refactorings "Extract into a new stage" and "Convert to JSON form". Only kinds the client asks for are
 * computed; one that fails is logged and left out, the others are still answered.
 */
public final class CodeActionService {

    /** The kinds this service produces, for the capability. */
    public static final List<String> KINDS =
            List.of(CodeActionKind.QuickFix, CodeActionKind.RefactorExtract, CodeActionKind.RefactorRewrite);

    private static final System.Logger LOG = System.getLogger(CodeActionService.class.getName());

    private CodeActionService() {}

    public static List<CodeAction> actions(DocumentSnapshot snapshot, CodeActionParams params) {
        ActionKinds kinds = ActionKinds.of(params.getContext());
        ParsedDockerfile file = snapshot.parsed();
        TextRange selection = params.getRange() == null ? TextRange.empty(0) : Positions.textRange(file, params.getRange());
        List<Diagnostic> ours = ours(params);
        List<CodeAction> out = new ArrayList<>();
        if (kinds.accepts(CodeActionKind.QuickFix)) {
            out.addAll(isolated("quick fixes", () -> QuickFixes.actions(snapshot, ours)));
            out.addAll(isolated("suppressions", () -> SuppressionActions.actions(snapshot, ours)));
        }
        if (kinds.accepts(CodeActionKind.RefactorExtract)) {
            out.addAll(isolated("extract stage", () -> ExtractStage.actions(snapshot, selection)));
        }
        if (kinds.accepts(CodeActionKind.RefactorRewrite)) {
            List<CodeAction> offered = List.copyOf(out);
            out.addAll(isolated("JSON form", () -> ExecFormRewrite.actions(snapshot, selection, offered)));
        }
        return distinct(out);
    }

    private static List<Diagnostic> ours(CodeActionParams params) {
        if (params.getContext() == null || params.getContext().getDiagnostics() == null) {
            return List.of();
        }
        return params.getContext().getDiagnostics().stream()
                .filter(d -> d != null && DiagnosticsService.SOURCE.equals(d.getSource())).toList();
    }

    private static List<CodeAction> isolated(String what, Supplier<List<CodeAction>> actions) {
        try {
            return actions.get();
        } catch (RuntimeException | StackOverflowError e) {
            LOG.log(Level.WARNING, "code actions (" + what + ") failed and were left out", e);
            return List.of();
        }
    }

    /** The same fix for two copies of a diagnostic is offered once, linked to both. */
    private static List<CodeAction> distinct(List<CodeAction> actions) {
        Map<String, CodeAction> out = new LinkedHashMap<>();
        for (CodeAction a : actions) {
            String key = a.getKind() + "\u0000" + a.getTitle() + "\u0000" + a.getEdit();
            CodeAction first = out.putIfAbsent(key, a);
            if (first != null && a.getDiagnostics() != null) {
                List<Diagnostic> both = new ArrayList<>(first.getDiagnostics() == null ? List.of() : first.getDiagnostics());
                a.getDiagnostics().stream().filter(d -> !both.contains(d)).forEach(both::add);
                first.setDiagnostics(both);
            }
        }
        return List.copyOf(out.values());
    }
}

package dev.stagesmith.server.features.codeactions;

import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.server.checks.Finding;
import dev.stagesmith.server.checks.Fix;
import dev.stagesmith.server.features.Positions;
import dev.stagesmith.server.features.codeactions.FixData.QuickFix;
import dev.stagesmith.server.workspace.DocumentSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.Diagnostic;

/**
 * The quick fixes the rules attached to their findings, one code action per fix, linked to its diagnostic.
 * They come from the diagnostic's {@code data}; when that is missing or malformed, from the finding of the
 * same code at the same range in this version of the document.
 */
final class QuickFixes {

    private QuickFixes() {}

    static List<CodeAction> actions(DocumentSnapshot snapshot, List<Diagnostic> diagnostics) {
        ParsedDockerfile file = snapshot.parsed();
        List<CodeAction> out = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            List<QuickFix> fixes = FixData.read(d.getData(), file).orElseGet(() -> fromFindings(snapshot, d));
            for (QuickFix fix : fixes) {
                CodeAction action = Actions.quickFix(fix.title(), snapshot.uri(), fix.edits(), List.of(d));
                if (fixes.size() == 1) {
                    action.setIsPreferred(true);
                }
                out.add(action);
            }
        }
        return out;
    }

    private static List<QuickFix> fromFindings(DocumentSnapshot snapshot, Diagnostic d) {
        Optional<String> code = DiagnosticCodes.of(d);
        if (code.isEmpty() || d.getRange() == null) {
            return List.of();
        }
        ParsedDockerfile file = snapshot.parsed();
        for (Finding f : snapshot.findings()) {
            if (f.code().equals(code.get()) && Positions.range(file, f.range()).equals(d.getRange())) {
                List<QuickFix> out = new ArrayList<>();
                for (Fix fix : f.fixes()) {
                    out.add(new QuickFix(fix.title(), Actions.edits(file, fix.edits())));
                }
                return out;
            }
        }
        return List.of();
    }
}

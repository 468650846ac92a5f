package dev.stagesmith.server.features.diagnostics;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.server.checks.Finding;
import dev.stagesmith.server.checks.Fix;
import dev.stagesmith.server.features.Positions;
import dev.stagesmith.server.workspace.DocumentSnapshot;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DiagnosticTag;

/**
 * The findings of every rule as LSP diagnostics. Each diagnostic carries its quick fixes in
 * {@code data}, so a code action request needs no second analysis.
 */
public final class DiagnosticsService {

    /** The {@code source} of every diagnostic this service publishes. */
    public static final String SOURCE = "stagesmith";

    private DiagnosticsService() {}

    public static List<Diagnostic> diagnostics(DocumentSnapshot snapshot) {
        if (!snapshot.settings().diagnostics()) {
            return List.of();
        }
        ParsedDockerfile file = snapshot.parsed();
        List<Diagnostic> out = new ArrayList<>();
        var deferred = snapshot.settings().deferredRules();
        for (Finding f : snapshot.findings()) {
            if (!deferred.contains(f.code())) {
                out.add(diagnostic(file, f));
            }
        }
        return out;
    }

    static Diagnostic diagnostic(ParsedDockerfile file, Finding f) {
        Diagnostic d = new Diagnostic(Positions.range(file, f.range()), f.message(), severity(f), SOURCE, f.code());
        List<DiagnosticTag> tags = new ArrayList<>();
        if (f.tags().contains(Finding.Tag.UNNECESSARY)) {
            tags.add(DiagnosticTag.Unnecessary);
        }
        if (f.tags().contains(Finding.Tag.DEPRECATED)) {
            tags.add(DiagnosticTag.Deprecated);
        }
        if (!tags.isEmpty()) {
            d.setTags(tags);
        }
        if (!f.fixes().isEmpty()) {
            d.setData(fixes(file, f.fixes()));
        }
        return d;
    }

    /** Fixes as {@code [{title, edits: [{range, newText}]}]}, positions already converted for the client. */
    private static JsonArray fixes(ParsedDockerfile file, List<Fix> fixes) {
        JsonArray out = new JsonArray();
        for (Fix fix : fixes) {
            JsonObject o = new JsonObject();
            o.addProperty("title", fix.title());
            JsonArray edits = new JsonArray();
            for (Fix.Edit e : fix.edits()) {
                JsonObject edit = new JsonObject();
                var r = Positions.range(file, e.range());
                JsonObject range = new JsonObject();
                range.add("start", position(r.getStart()));
                range.add("end", position(r.getEnd()));
                edit.add("range", range);
                edit.addProperty("newText", e.text());
                edits.add(edit);
            }
            o.add("edits", edits);
            out.add(o);
        }
        return out;
    }

    private static JsonObject position(org.eclipse.lsp4j.Position p) {
        JsonObject o = new JsonObject();
        o.addProperty("line", p.getLine());
        o.addProperty("character", p.getCharacter());
        return o;
    }

    private static DiagnosticSeverity severity(Finding f) {
        return switch (f.severity()) {
            case ERROR -> DiagnosticSeverity.Error;
            case WARNING -> DiagnosticSeverity.Warning;
            case INFO -> DiagnosticSeverity.Information;
            default -> DiagnosticSeverity.Hint;
        };
    }
}

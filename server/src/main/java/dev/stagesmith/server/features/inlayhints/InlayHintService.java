package dev.stagesmith.server.features.inlayhints;

import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.stages.Expansions;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.stages.StageGraph;
import dev.stagesmith.server.features.Positions;
import dev.stagesmith.server.workspace.DocumentSnapshot;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.Range;

/**
 * {@code textDocument/inlayHint}: in FROM lines that use variables, the base and the {@code --platform} as
 * BuildKit resolves them (global ARGs, automatic platform ARGs, the settings' build args), after the word.
 */
public final class InlayHintService {

    private InlayHintService() {}

    public static List<InlayHint> hints(DocumentSnapshot snapshot, Range range) {
        ParsedDockerfile file = snapshot.parsed();
        StageGraph graph = snapshot.graph();
        TextRange window = range == null ? TextRange.of(0, file.text().length()) : Positions.textRange(file, range);
        List<InlayHint> out = new ArrayList<>();
        for (Stage s : graph.stages()) {
            if (s.from().range().end() < window.start() || s.from().range().start() > window.end()) {
                continue;
            }
            for (Expansions.Expanded e : Expansions.expand(graph, s, -1)) {
                int at = e.word().range().end();
                if (e.word().value().indexOf('$') >= 0 && !e.value().equals(e.word().value()) && e.error().isEmpty()
                        && window.touches(at)) {
                    out.add(hint(file, at, e));
                }
            }
        }
        return out;
    }

    private static InlayHint hint(ParsedDockerfile file, int at, Expansions.Expanded e) {
        InlayHint h = new InlayHint();
        h.setPosition(Positions.position(file, at));
        h.setLabel("= " + (e.value().isEmpty() ? "\"\"" : e.value()));
        h.setPaddingLeft(true);
        String tooltip = "As BuildKit resolves " + e.word().value() + " with the global ARGs and the build args";
        if (!e.unresolved().isEmpty()) {
            tooltip += "; not set: " + String.join(", ", e.unresolved());
        }
        h.setTooltip(tooltip);
        return h;
    }
}

package dev.stagesmith.server.features.highlight;

import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.server.features.Positions;
import dev.stagesmith.server.features.symbols.Occurrences;
import dev.stagesmith.server.features.symbols.SymbolAt;
import dev.stagesmith.server.workspace.DocumentSnapshot;
import java.util.List;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightKind;
import org.eclipse.lsp4j.Position;

/**
 * {@code textDocument/documentHighlight}: the mentions of the stage or variable at the cursor, declarations
 * (the name after AS, ARG names, ENV keys) as writes and references as reads.
 */
public final class HighlightService {

    private HighlightService() {}

    public static List<DocumentHighlight> highlights(DocumentSnapshot snapshot, Position position) {
        ParsedDockerfile file = snapshot.parsed();
        return SymbolAt.find(snapshot, Positions.offset(file, position))
                .map(s -> Occurrences.of(snapshot.graph(), s)).orElse(List.of()).stream()
                .map(o -> new DocumentHighlight(Positions.range(file, o.range()),
                        o.declaration() ? DocumentHighlightKind.Write : DocumentHighlightKind.Read))
                .toList();
    }
}

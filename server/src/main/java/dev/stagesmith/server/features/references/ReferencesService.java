package dev.stagesmith.server.features.references;

import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.server.features.Positions;
import dev.stagesmith.server.features.symbols.Occurrence;
import dev.stagesmith.server.features.symbols.Occurrences;
import dev.stagesmith.server.features.symbols.SymbolAt;
import dev.stagesmith.server.workspace.DocumentSnapshot;
import java.util.List;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;

/**
 * {@code textDocument/references}: every mention of the stage (its name after AS, and each FROM,
 * {@code --from} and {@code from=} BuildKit resolves to it) or of the variable (within its scope) at the
 * cursor.
 */
public final class ReferencesService {

    private ReferencesService() {}

    public static List<Location> references(DocumentSnapshot snapshot, Position position, boolean includeDeclaration) {
        ParsedDockerfile file = snapshot.parsed();
        return SymbolAt.find(snapshot, Positions.offset(file, position))
                .map(s -> Occurrences.of(snapshot.graph(), s)).orElse(List.of()).stream()
                .filter(o -> includeDeclaration || !o.declaration())
                .map(o -> location(snapshot, o)).toList();
    }

    private static Location location(DocumentSnapshot snapshot, Occurrence o) {
        return new Location(snapshot.uri(), Positions.range(snapshot.parsed(), o.range()));
    }
}

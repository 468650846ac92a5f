package dev.stagesmith.server.features.rename;

import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.server.features.Positions;
import dev.stagesmith.server.features.symbols.Occurrence;
import dev.stagesmith.server.workspace.DocumentSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;

/**
 * {@code textDocument/prepareRename} and {@code textDocument/rename} for stage names and ARG/ENV
 * variables. Anything else, or a new name BuildKit would reject or that is already taken, is refused with
 * a {@link RenameRefusedException} that says why.
 */
public final class RenameService {

    private RenameService() {}

    /** The exact range of the name under the cursor and the name itself. */
    public static PrepareRenameResult prepare(DocumentSnapshot snapshot, Position position) {
        ParsedDockerfile file = snapshot.parsed();
        RenameTarget target = RenameTarget.at(snapshot.graph(), Positions.offset(file, position));
        return new PrepareRenameResult(Positions.range(file, target.range()), target.range().of(file.text()));
    }

    /** The edit to the document (at its current version) that renames the name under the cursor. */
    public static TextDocumentEdit rename(DocumentSnapshot snapshot, Position position, String newName) {
        ParsedDockerfile file = snapshot.parsed();
        RenameTarget target = RenameTarget.at(snapshot.graph(), Positions.offset(file, position));
        String name = newName == null ? "" : newName;
        target.validate(name);
        List<TextEdit> edits = new ArrayList<>();
        for (Occurrence o : target.occurrences()) {
            String text = switch (o.form()) {
                case NAME -> name;
                // BuildKit matches FROM against the lower-cased stage names, so only that spelling still works.
                case FROM_NAME -> name.toLowerCase(Locale.ROOT);
                case INDEX -> null;
                case INDIRECT -> throw indirect(file, o.range());
            };
            if (text != null) {
                edits.add(new TextEdit(Positions.range(file, o.range()), text));
            }
        }
        return new TextDocumentEdit(new VersionedTextDocumentIdentifier(snapshot.uri(), snapshot.version()), edits);
    }

    private static RenameRefusedException indirect(ParsedDockerfile file, TextRange range) {
        return new RenameRefusedException("Cannot rename: line " + file.lineNumber(range.start()) + " refers to it"
                + " as '" + range.of(file.text()) + "' (through a variable, quotes or escapes), which a rename cannot"
                + " update; write the name there plainly first.");
    }
}

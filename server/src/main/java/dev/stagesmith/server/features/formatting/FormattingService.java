package dev.stagesmith.server.features.formatting;

import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.server.features.Positions;
import dev.stagesmith.server.workspace.DocumentSnapshot;
import java.util.List;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentRangeFormattingParams;
import org.eclipse.lsp4j.TextEdit;

/**
 * Document and range formatting: keyword casing, spacing and continuation indentation, as minimal edits that
 * never change what BuildKit reads (heredoc bodies and argument text are left alone). Idempotent.
 */
public final class FormattingService {

    private FormattingService() {}

    public static List<TextEdit> format(DocumentSnapshot snapshot, DocumentFormattingParams params) {
        ParsedDockerfile file = snapshot.parsed();
        return edits(file, DocumentFormatter.document(file, FormatOptions.of(params.getOptions())));
    }

    public static List<TextEdit> formatRange(DocumentSnapshot snapshot, DocumentRangeFormattingParams params) {
        ParsedDockerfile file = snapshot.parsed();
        if (params.getRange() == null) {
            return List.of();
        }
        return edits(file, DocumentFormatter.range(file, FormatOptions.of(params.getOptions()),
                Positions.textRange(file, params.getRange())));
    }

    private static List<TextEdit> edits(ParsedDockerfile file, List<Replacement> changes) {
        return changes.stream().map(c -> new TextEdit(Positions.range(file, c.range()), c.text())).toList();
    }
}

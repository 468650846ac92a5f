package dev.stagesmith.server.features;

import dev.stagesmith.grammar.LineIndex;
import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.TextRange;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * The one converter between Stagesmith's UTF-16 offsets and LSP positions (zero-based line and UTF-16
 * column). Positions outside the text are clamped, never an error.
 */
public final class Positions {

    private Positions() {}

    public static Position position(ParsedDockerfile file, int offset) {
        LineIndex.Position p = file.lines().position(offset);
        return new Position(p.line(), p.column());
    }

    public static Range range(ParsedDockerfile file, TextRange r) {
        return new Range(position(file, r.start()), position(file, r.end()));
    }

    /** The offset of an LSP position; a column past the line's end means its end. */
    public static int offset(ParsedDockerfile file, Position p) {
        if (p == null) {
            return 0;
        }
        LineIndex lines = file.lines();
        if (p.getLine() < 0) {
            return 0;
        }
        if (p.getLine() >= lines.lineCount()) {
            return file.text().length();
        }
        int start = lines.lineStart(p.getLine());
        int end = lines.lineEnd(p.getLine(), file.text());
        return Math.min(start + Math.max(p.getCharacter(), 0), end);
    }

    public static TextRange textRange(ParsedDockerfile file, Range r) {
        int a = offset(file, r.getStart());
        int b = offset(file, r.getEnd());
        return TextRange.of(Math.min(a, b), Math.max(a, b));
    }
}

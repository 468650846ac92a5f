package dev.stagesmith.server.workspace;

import dev.stagesmith.grammar.LineIndex;

/**
 * Applies an incremental text change given by zero-based line/UTF-16 column positions, as LSP sends
 * them. Positions past a line's end or the text's end are clamped, never an error.
 */
public final class TextChanges {

    private TextChanges() {}

    public static String apply(String text, int startLine, int startColumn, int endLine, int endColumn,
            String newText) {
        LineIndex lines = LineIndex.of(text);
        int start = clampToLine(text, lines, startLine, startColumn);
        int end = clampToLine(text, lines, endLine, endColumn);
        if (end < start) {
            int t = start;
            start = end;
            end = t;
        }
        return text.substring(0, start) + newText + text.substring(end);
    }

    /** Offset of a position, with the column clamped to the line's content (not into its line break). */
    private static int clampToLine(String text, LineIndex lines, int line, int column) {
        if (line < 0) {
            return 0;
        }
        if (line >= lines.lineCount()) {
            return text.length();
        }
        int start = lines.lineStart(line);
        int end = lines.lineEnd(line, text);
        return Math.min(start + Math.max(column, 0), end);
    }
}

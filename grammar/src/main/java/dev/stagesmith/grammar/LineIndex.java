package dev.stagesmith.grammar;

import java.util.Arrays;

/**
 * Converts UTF-16 offsets to zero-based line and column numbers and back. Lines end at {@code \n},
 * {@code \r\n} or a lone {@code \r}, as the Language Server Protocol counts them.
 */
public final class LineIndex {

    /** A zero-based line and UTF-16 column. */
    public record Position(int line, int column) {}

    private final int[] lineStarts;
    /** Line starts after {@code \n} only, as BuildKit counts lines; the same array when there is no lone CR. */
    private final int[] lineFeedStarts;
    private final int length;

    private LineIndex(int[] lineStarts, int[] lineFeedStarts, int length) {
        this.lineStarts = lineStarts;
        this.lineFeedStarts = lineFeedStarts;
        this.length = length;
    }

    public static LineIndex of(CharSequence text) {
        String s = text.toString();
        int[] starts = lineStarts(s, true);
        // Only a lone CR makes the two counts differ; a second pass is needed just then.
        boolean loneCarriageReturn = starts.length != lineFeedCount(s) + 1;
        return new LineIndex(starts, loneCarriageReturn ? lineStarts(s, false) : starts, s.length());
    }

    private static int lineFeedCount(String text) {
        int count = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            count++;
        }
        return count;
    }

    private static int[] lineStarts(String text, boolean loneCarriageReturns) {
        int[] starts = new int[Math.max(16, text.length() / 32)];
        int count = 1;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (loneCarriageReturns && c == '\r' && (i + 1 == length || text.charAt(i + 1) != '\n'))) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    public int lineCount() {
        return lineStarts.length;
    }

    /** Zero-based line of {@code offset}; offsets past the end map to the last line. */
    public int line(int offset) {
        int i = Arrays.binarySearch(lineStarts, Math.min(Math.max(offset, 0), length));
        return i >= 0 ? i : -i - 2;
    }

    public Position position(int offset) {
        int clamped = Math.min(Math.max(offset, 0), length);
        int line = line(clamped);
        return new Position(line, clamped - lineStarts[line]);
    }

    public int lineStart(int line) {
        return lineStarts[Math.min(Math.max(line, 0), lineStarts.length - 1)];
    }

    /** End of {@code line}'s content, before its line break. */
    public int lineEnd(int line, CharSequence text) {
        int end = line + 1 < lineStarts.length ? lineStarts[line + 1] : length;
        while (end > lineStart(line) && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return end;
    }

    /** Offset of a line and column; columns past the line's end are clamped to the next line's start. */
    public int offset(int line, int column) {
        if (line < 0) {
            return 0;
        }
        if (line >= lineStarts.length) {
            return length;
        }
        int limit = line + 1 < lineStarts.length ? lineStarts[line + 1] : length;
        return Math.min(lineStarts[line] + Math.max(column, 0), limit);
    }

    /** One-based line number of {@code offset}, as error messages show it. */
    public int lineNumber(int offset) {
        return line(offset) + 1;
    }

    /**
     * One-based line number of {@code offset} as BuildKit counts lines: at {@code \n} only, so a lone
     * {@code \r} (a line break for the editor) does not start a line.
     */
    public int lineFeedLineNumber(int offset) {
        int i = Arrays.binarySearch(lineFeedStarts, Math.min(Math.max(offset, 0), length));
        return (i >= 0 ? i : -i - 2) + 1;
    }
}

package dev.stagesmith.server.checks.style;

import dev.stagesmith.grammar.LineIndex;
import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.TextRange;

/** Whole physical lines of a Dockerfile, for findings about lines and fixes that delete them. */
final class SourceLines {

    private final String text;
    private final LineIndex lines;

    SourceLines(ParsedDockerfile file) {
        this.text = file.text();
        this.lines = file.lines();
    }

    /** Zero-based line of {@code offset}. */
    int line(int offset) {
        return lines.line(offset);
    }

    /** The last line {@code range} touches (a range ending just after a line break ends on that line). */
    int lastLine(TextRange range) {
        return lines.line(Math.max(range.start(), range.end() - 1));
    }

    /** Whether {@code line} exists as BuildKit reads lines (an empty last "line" after the final break does not). */
    boolean exists(int line) {
        return line < lines.lineCount() && lines.lineStart(line) < text.length();
    }

    /** The line's content, without its line break. */
    String content(int line) {
        return text.substring(lines.lineStart(line), lines.lineEnd(line, text));
    }

    /** The line with its line break: deleting this range removes the line. */
    TextRange withBreak(int line) {
        int start = lines.lineStart(line);
        int end = line + 1 < lines.lineCount() ? lines.lineStart(line + 1) : text.length();
        return TextRange.of(start, end);
    }

    /** Every line {@code range} touches, with the final line break: deleting this removes them. */
    TextRange wholeLines(TextRange range) {
        return withBreak(line(range.start())).union(withBreak(lastLine(range)));
    }

    /** End of the line's content, where text can be appended to the line. */
    int end(int line) {
        return lines.lineEnd(line, text);
    }

    /** Whether the line holds only what Go's {@code unicode.IsSpace} calls space. */
    boolean isBlank(int line) {
        String s = content(line);
        for (int i = 0; i < s.length(); i++) {
            if (!isGoSpace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Go's {@code strings.TrimSpace}. */
    static String trimGoSpace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isGoSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isGoSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** Go's {@code unicode.IsSpace}: what BuildKit treats as blank (NBSP yes, U+001C no). */
    static boolean isGoSpace(char c) {
        return switch (c) {
            case '\t', '\n', '\u000B', '\f', '\r', ' ', '\u0085', '\u00A0', '\u1680', '\u2028', '\u2029', '\u202F',
                    '\u205F', '\u3000' -> true;
            default -> c >= '\u2000' && c <= '\u200A';
        };
    }
}

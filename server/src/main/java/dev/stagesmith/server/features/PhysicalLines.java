package dev.stagesmith.server.features;

/**
 * Lines as BuildKit reads them, for edits that add, move or re-indent lines: they end at {@code \n}, and
 * carriage returns right before it belong to the line break. A lone {@code \r} is text to BuildKit, so it
 * never ends a line here (LSP positions still go through {@link Positions}).
 */
public final class PhysicalLines {

    private PhysicalLines() {}

    /** The start of the line holding {@code offset}. */
    public static int start(String text, int offset) {
        int nl = text.lastIndexOf('\n', Math.min(offset, text.length()) - 1);
        return nl + 1;
    }

    /** The offset after the line break of the line starting at {@code lineStart} (the text's end for the last line). */
    public static int next(String text, int lineStart) {
        int nl = text.indexOf('\n', lineStart);
        return nl < 0 ? text.length() : nl + 1;
    }

    /** End of the line's content, before {@code \n} and the carriage returns in front of it. */
    public static int contentEnd(String text, int lineStart) {
        int nl = text.indexOf('\n', lineStart);
        int end = nl < 0 ? text.length() : nl;
        while (end > lineStart && text.charAt(end - 1) == '\r') {
            end--;
        }
        return end;
    }

    /** The end of the spaces and tabs from {@code from}. */
    public static int skipBlanks(String text, int from, int to) {
        int i = from;
        while (i < to && isBlank(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The start of the spaces and tabs that end at {@code to}. */
    public static int trailingBlanks(String text, int from, int to) {
        int i = to;
        while (i > from && isBlank(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    public static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** The file's line break: {@code \r\n} when its first line ends so, else {@code \n}. */
    public static String lineBreak(String text) {
        int nl = text.indexOf('\n');
        return nl > 0 && text.charAt(nl - 1) == '\r' ? "\r\n" : "\n";
    }
}

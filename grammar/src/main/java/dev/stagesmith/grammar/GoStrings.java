package dev.stagesmith.grammar;

/** Go's string and character rules that BuildKit's behaviour depends on (spaces, trimming, lower-casing). */
public final class GoStrings {

    private GoStrings() {}

    /** Go's {@code unicode.IsSpace}: ASCII blanks, NEL, NBSP and the Unicode White_Space characters. */
    public static boolean isSpace(int c) {
        if (c < 0x80) {
            return c == ' ' || (c >= '\t' && c <= '\r');
        }
        if (c < 0x100) {
            return c == 0x85 || c == 0xA0;
        }
        return c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029
                || c == 0x202F || c == 0x205F || c == 0x3000;
    }

    /**
     * Go's {@code strings.ToLower}: each code point by its simple case mapping. Java's
     * {@code String.toLowerCase} applies full mappings, so 'İ' became "i" plus a combining dot and
     * {@code WORKDİR}, a WORKDIR to BuildKit, was an unknown instruction here.
     */
    public static String toLower(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> out.appendCodePoint(Character.toLowerCase(c)));
        return out.toString();
    }

    /** The separators BuildKit splits keywords and whitespace lists on: {@code [\t\v\f\r ]}. */
    public static boolean isFieldSeparator(int c) {
        return c == ' ' || c == '\t' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** Go's {@code strings.TrimSpace} bounds: returns the first index at or after {@code from} that is not a space. */
    public static int skipSpace(CharSequence s, int from, int to) {
        int i = from;
        while (i < to && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The index just after the last non-space character in {@code [from, to)}, or {@code from}. */
    public static int trimSpaceEnd(CharSequence s, int from, int to) {
        int i = to;
        while (i > from && isSpace(s.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    /** Go's {@code strings.TrimSpace}. */
    public static String trimSpace(String s) {
        int start = skipSpace(s, 0, s.length());
        return s.substring(start, trimSpaceEnd(s, start, s.length()));
    }
}

package dev.stagesmith.grammar.expand;

/**
 * Go's {@code strconv.Quote} (the {@code %q} verb), which BuildKit uses to show the word in its expansion
 * errors; our messages quote it the same way so they read exactly like {@code docker build}'s.
 */
final class GoQuote {

    private GoQuote() {}

    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        s.codePoints().forEach(c -> appendRune(c, out));
        return out.append('"').toString();
    }

    private static void appendRune(int c, StringBuilder out) {
        if (c == '"' || c == '\\') {
            out.append('\\').appendCodePoint(c);
        } else if (isPrint(c)) {
            out.appendCodePoint(c);
        } else {
            out.append(escape(c));
        }
    }

    private static String escape(int c) {
        return switch (c) {
            case 0x07 -> "\\a";
            case '\b' -> "\\b";
            case '\f' -> "\\f";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case 0x0B -> "\\v";
            default -> c < ' ' || c == 0x7F ? String.format("\\x%02x", c)
                    : c < 0x10000 ? String.format("\\u%04x", c) : String.format("\\U%08x", c);
        };
    }

    /** Go's {@code strconv.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    private static boolean isPrint(int c) {
        if (c == ' ') {
            return true;
        }
        switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER,
                    Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
                    Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER,
                    Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION,
                    Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL,
                    Character.OTHER_SYMBOL:
                return true;
            default:
                return false;
        }
    }
}

package dev.stagesmith.grammar.fuzz;

import java.util.Random;

/**
 * Random edits of Dockerfile text, biased towards what the parser treats specially: escapes, line breaks,
 * quotes, JSON brackets, heredoc markers, variables, and Unicode that is awkward in UTF-16.
 */
final class Mutator {

    /** Single characters the grammar gives a meaning to. */
    private static final String HOSTILE = "\\`\n\r\t#[]\"'<-=${} ";

    /** Short fragments that switch the parser into another mode. */
    private static final String[] FRAGMENTS = {
        "<<EOF", "<<-EOF", "\nEOF\n", "\n\tEOF\n", "\\\n", "`\n", "\\\r\n", "[\"a\", ", "\"]", "${", "${a:-",
        "--mount=type=cache,target=/x ", "-- ", "# escape=`\n", "# syntax=x\n", "\uFEFF", "\r\n", "ONBUILD ",
        "RUN ", "COPY <<A <<B /d\n", "ENV a=", "HEALTHCHECK CMD ", "\u00A0", "\u2028", "\uD83D\uDC33",
    };

    private final Random random;

    Mutator(Random random) {
        this.random = random;
    }

    /** {@code text} after {@code edits} random edits. */
    String mutate(String text, int edits) {
        String s = text;
        for (int i = 0; i < edits; i++) {
            s = edit(s);
        }
        return s;
    }

    private String edit(String s) {
        int at = s.isEmpty() ? 0 : random.nextInt(s.length() + 1);
        return switch (random.nextInt(8)) {
            case 0 -> s.substring(0, at);
            case 1 -> replace(s, at, String.valueOf(HOSTILE.charAt(random.nextInt(HOSTILE.length()))));
            case 2 -> insert(s, at, randomUnicode());
            case 3 -> insert(s, at, FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
            case 4 -> s.substring(0, at) + s.substring(Math.min(s.length(), at + 1 + random.nextInt(12)));
            case 5 -> duplicateLine(s, at);
            case 6 -> joinLines(s, at);
            default -> insert(s, at, String.valueOf(HOSTILE.charAt(random.nextInt(HOSTILE.length()))));
        };
    }

    private static String insert(String s, int at, String what) {
        return s.substring(0, at) + what + s.substring(at);
    }

    private static String replace(String s, int at, String what) {
        return at >= s.length() ? s + what : s.substring(0, at) + what + s.substring(at + 1);
    }

    /** Supplementary characters (surrogate pairs), BMP letters and spaces, and now and then a lone surrogate. */
    String randomUnicode() {
        return switch (random.nextInt(5)) {
            case 0 -> new String(Character.toChars(0x1F300 + random.nextInt(0x400)));
            case 1 -> new String(Character.toChars(0x10000 + random.nextInt(0x100000)));
            case 2 -> String.valueOf((char) (0x80 + random.nextInt(0xD800 - 0x80)));
            case 3 -> String.valueOf("\u0085\u00A0\u1680\u2000\u200B\u2028\u3000\uFEFF".charAt(random.nextInt(8)));
            default -> String.valueOf((char) (0xD800 + random.nextInt(0x800)));
        };
    }

    private static String duplicateLine(String s, int at) {
        int start = s.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
        int nl = s.indexOf('\n', at);
        int end = nl < 0 ? s.length() : nl + 1;
        String line = s.substring(start, end);
        return s.substring(0, end) + (line.endsWith("\n") ? line : "\n" + line) + s.substring(end);
    }

    private static String joinLines(String s, int at) {
        int nl = s.indexOf('\n', at);
        return nl < 0 ? s : s.substring(0, nl) + s.substring(nl + 1);
    }
}

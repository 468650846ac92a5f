package dev.stagesmith.grammar.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a JSON array the way BuildKit does: Go's {@code json.Unmarshal} of the whole argument text, with
 * strict JSON syntax and nothing but JSON whitespace after the array, and the array must hold only strings.
 * (BuildKit used a {@code json.Decoder} until moby/buildkit#5107, which silently ignored text after the array.)
 */
final class GoJson {

    /** The outcome of reading a JSON array. */
    enum Kind { STRINGS, NOT_STRINGS, INVALID }

    /** A decoded string element and the span of its literal (quotes included). */
    record Element(String value, int from, int to) {}

    record Result(Kind kind, List<Element> elements, int end, int problemFrom, int problemTo) {}

    /** Go's JSON scanner refuses values nested deeper than this with a syntax error ("exceeded max depth"). */
    private static final int MAX_DEPTH = 10000;

    private final CharSequence s;
    private final int limit;
    private int pos;
    private int firstNonString = -1;
    private int firstNonStringEnd = -1;

    private GoJson(CharSequence s, int from, int limit) {
        this.s = s;
        this.pos = from;
        this.limit = limit;
    }

    /** Reads the JSON array that is all of {@code [from, limit)}; {@code from} must hold {@code [}. */
    static Result readArray(CharSequence s, int from, int limit) {
        GoJson json = new GoJson(s, from, limit);
        List<Element> elements = new ArrayList<>();
        try {
            json.array(elements);
            json.skipWhitespace();
            if (json.pos != limit) {
                // Unmarshal checks the whole input before decoding: trailing text is a syntax error even
                // when the array itself holds a non-string, so BuildKit falls back to the shell form.
                throw new Invalid();
            }
        } catch (Invalid e) {
            return new Result(Kind.INVALID, List.of(), -1, -1, -1);
        }
        if (json.firstNonString >= 0) {
            return new Result(Kind.NOT_STRINGS, List.of(), json.pos, json.firstNonString, json.firstNonStringEnd);
        }
        return new Result(Kind.STRINGS, elements, json.pos, -1, -1);
    }

    private static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid() {
            super(null, null, false, false);
        }
    }

    private int peek() {
        return pos < limit ? s.charAt(pos) : -1;
    }

    private void skipWhitespace() {
        while (pos < limit) {
            char c = s.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private void expect(char c) throws Invalid {
        if (peek() != c) {
            throw new Invalid();
        }
        pos++;
    }

    private void array(List<Element> out) throws Invalid {
        expect('[');
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return;
        }
        while (true) {
            skipWhitespace();
            int start = pos;
            if (peek() == '"') {
                out.add(new Element(string(), start, pos));
            } else {
                nestedValue();
                if (firstNonString < 0) {
                    firstNonString = start;
                    firstNonStringEnd = pos;
                }
            }
            skipWhitespace();
            int c = peek();
            if (c == ',') {
                pos++;
            } else if (c == ']') {
                pos++;
                return;
            } else {
                throw new Invalid();
            }
        }
    }

    /**
     * Validates one non-string element of the array. Iterative, with an explicit stack of the open arrays and
     * objects (as Go's scanner keeps one), so that a line of 50,000 brackets cannot overflow the Java stack.
     */
    private void nestedValue() throws Invalid {
        StringBuilder open = new StringBuilder();
        while (true) {
            skipWhitespace();
            int c = peek();
            if (c == '[' || c == '{') {
                pos++;
                // The array being read is depth 1; Go rejects a value nested deeper than MAX_DEPTH.
                if (open.length() + 2 > MAX_DEPTH) {
                    throw new Invalid();
                }
                open.append((char) c);
                skipWhitespace();
                if (peek() != closer(c)) {
                    if (c == '{') {
                        memberKey();
                    }
                    continue;
                }
                pos++;
                open.setLength(open.length() - 1);
            } else {
                scalar();
            }
            if (!nextValueFollows(open)) {
                return;
            }
        }
    }

    /** After a value: closes the containers it ends; true when another value follows in the innermost one. */
    private boolean nextValueFollows(StringBuilder open) throws Invalid {
        while (open.length() > 0) {
            skipWhitespace();
            char innermost = open.charAt(open.length() - 1);
            int c = peek();
            if (c == ',') {
                pos++;
                if (innermost == '{') {
                    memberKey();
                }
                return true;
            }
            if (c != closer(innermost)) {
                throw new Invalid();
            }
            pos++;
            open.setLength(open.length() - 1);
        }
        return false;
    }

    private static int closer(int opener) {
        return opener == '[' ? ']' : '}';
    }

    private void memberKey() throws Invalid {
        skipWhitespace();
        if (peek() != '"') {
            throw new Invalid();
        }
        string();
        skipWhitespace();
        expect(':');
    }

    private void scalar() throws Invalid {
        switch (peek()) {
            case '"' -> string();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> number();
        }
    }

    private void literal(String word) throws Invalid {
        for (int i = 0; i < word.length(); i++) {
            expect(word.charAt(i));
        }
    }

    private void number() throws Invalid {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            while (isDigit(peek())) {
                pos++;
            }
        } else {
            throw new Invalid();
        }
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) {
                throw new Invalid();
            }
            while (isDigit(peek())) {
                pos++;
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw new Invalid();
            }
            while (isDigit(peek())) {
                pos++;
            }
        }
        // Go cannot hold an out-of-range number in a float64: that is a decode error, not a non-string element.
        if (Double.isInfinite(Double.parseDouble(s.subSequence(start, pos).toString()))) {
            throw new Invalid();
        }
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private String string() throws Invalid {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            int c = peek();
            if (c < 0 || c < 0x20) {
                throw new Invalid();
            }
            pos++;
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append((char) c);
                continue;
            }
            int e = peek();
            pos++;
            switch (e) {
                case '"', '\\', '/' -> out.append((char) e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> unicodeEscape(out);
                default -> throw new Invalid();
            }
        }
    }

    private void unicodeEscape(StringBuilder out) throws Invalid {
        char c = hex4();
        if (Character.isHighSurrogate(c) && pos + 1 < limit && s.charAt(pos) == '\\' && s.charAt(pos + 1) == 'u') {
            int save = pos;
            pos += 2;
            char low = hex4();
            if (Character.isLowSurrogate(low)) {
                out.append(c).append(low);
                return;
            }
            pos = save;
            out.append('\uFFFD');
            return;
        }
        out.append(Character.isSurrogate(c) ? '\uFFFD' : c);
    }

    private char hex4() throws Invalid {
        if (pos + 4 > limit) {
            throw new Invalid();
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(s.charAt(pos + i), 16);
            if (d < 0 || s.charAt(pos + i) > 'f') {
                throw new Invalid();
            }
            v = v * 16 + d;
        }
        pos += 4;
        return (char) v;
    }
}

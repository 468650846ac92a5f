package dev.stagesmith.engine.context;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns the Go (RE2) regular expressions patternmatcher builds from {@code .dockerignore} patterns into
 * {@link Pattern}s that match the same strings. The two dialects read the same text differently where it
 * matters here: a {@code [} inside a class is a nested class in Java but a plain character in Go,
 * {@code [:alpha:]} is a POSIX class only in Go, and Go's {@code \s} has no vertical tab. So classes are
 * parsed the way Go parses them and written out as explicit code-point ranges.
 *
 * <p>Not supported: Unicode classes ({@code \pL}, {@code \p{Greek}}); a pattern using one is reported
 * as invalid instead of matching.
 */
final class Re2Translator {

    private static final int MAX_CODE_POINT = Character.MAX_CODE_POINT;

    private static final Map<String, int[]> POSIX = Map.ofEntries(
            Map.entry("alnum", new int[] {'0', '9', 'A', 'Z', 'a', 'z'}),
            Map.entry("alpha", new int[] {'A', 'Z', 'a', 'z'}),
            Map.entry("ascii", new int[] {0, 0x7F}),
            Map.entry("blank", new int[] {'\t', '\t', ' ', ' '}),
            Map.entry("cntrl", new int[] {0, 0x1F, 0x7F, 0x7F}),
            Map.entry("digit", new int[] {'0', '9'}),
            Map.entry("graph", new int[] {'!', '~'}),
            Map.entry("lower", new int[] {'a', 'z'}),
            Map.entry("print", new int[] {' ', '~'}),
            Map.entry("punct", new int[] {'!', '/', ':', '@', '[', '`', '{', '~'}),
            Map.entry("space", new int[] {'\t', '\r', ' ', ' '}),
            Map.entry("upper", new int[] {'A', 'Z'}),
            Map.entry("word", new int[] {'0', '9', 'A', 'Z', '_', '_', 'a', 'z'}),
            Map.entry("xdigit", new int[] {'0', '9', 'A', 'F', 'a', 'f'}));

    private static final Map<Character, int[]> PERL = Map.of(
            'd', new int[] {'0', '9'},
            's', new int[] {'\t', '\n', '\f', '\r', ' ', ' '},
            'w', new int[] {'0', '9', 'A', 'Z', '_', '_', 'a', 'z'});

    private final int[] re;
    private int pos;
    private final StringBuilder out = new StringBuilder();

    private Re2Translator(String goRegex) {
        this.re = goRegex.codePoints().toArray();
    }

    /** Compiles {@code goRegex} with Go's semantics; throws {@link IllegalArgumentException} where Go would fail. */
    static Pattern compile(String goRegex) {
        Re2Translator t = new Re2Translator(goRegex);
        t.translate();
        try {
            // UNIX_LINES: like Go, '.' excludes only '\n'.
            return Pattern.compile(t.out.toString(), Pattern.UNIX_LINES);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(e.getDescription(), e);
        }
    }

    private void translate() {
        while (pos < re.length) {
            int c = re[pos++];
            switch (c) {
                case '\\' -> escape();
                case '[' -> characterClass();
                case '(', ')', '|', '.', '*', '+', '?', '^' -> out.appendCodePoint(c);
                // Go compiles without multi-line mode: '$' is the end of the text, not of a line.
                case '$' -> out.append("\\z");
                default -> literal(c);
            }
        }
    }

    private void escape() {
        if (pos >= re.length) {
            throw new IllegalArgumentException("trailing backslash at end of expression");
        }
        int c = re[pos];
        switch (c) {
            case 'A', 'z', 'b', 'B' -> {
                pos++;
                out.append('\\').appendCodePoint(c);
            }
            case 'Q' -> {
                pos++;
                while (pos < re.length && !(re[pos] == '\\' && pos + 1 < re.length && re[pos + 1] == 'E')) {
                    literal(re[pos++]);
                }
                pos = Math.min(pos + 2, re.length);
            }
            case 'd', 'D', 's', 'S', 'w', 'W' -> {
                pos++;
                emitClass(perlClass(c), false);
            }
            default -> literal(escapedChar());
        }
    }

    private void characterClass() {
        List<int[]> ranges = new ArrayList<>();
        boolean negated = false;
        if (pos < re.length && re[pos] == '^') {
            negated = true;
            pos++;
        }
        boolean first = true;
        while (pos >= re.length || re[pos] != ']' || first) {
            if (pos >= re.length) {
                throw new IllegalArgumentException("missing closing ]");
            }
            first = false;
            if (posixClass(ranges)) {
                continue;
            }
            if (re[pos] == '\\' && pos + 1 < re.length && "dDsSwW".indexOf(re[pos + 1]) >= 0) {
                ranges.addAll(perlClass(re[pos + 1]));
                pos += 2;
                continue;
            }
            int lo = classChar();
            int hi = lo;
            if (re.length - pos >= 2 && re[pos] == '-' && re[pos + 1] != ']') {
                pos++;
                hi = classChar();
                if (hi < lo) {
                    throw new IllegalArgumentException("invalid character class range");
                }
            }
            ranges.add(new int[] {lo, hi});
        }
        pos++;
        emitClass(ranges, negated);
    }

    private boolean posixClass(List<int[]> ranges) {
        if (re.length - pos <= 2 || re[pos] != '[' || re[pos + 1] != ':') {
            return false;
        }
        int end = -1;
        for (int i = pos + 2; i + 1 < re.length; i++) {
            if (re[i] == ':' && re[i + 1] == ']') {
                end = i;
                break;
            }
        }
        if (end < 0) {
            return false;
        }
        String name = new String(re, pos + 2, end - pos - 2);
        boolean negated = name.startsWith("^");
        int[] set = POSIX.get(negated ? name.substring(1) : name);
        if (set == null) {
            throw new IllegalArgumentException("invalid character class range: [:" + name + ":]");
        }
        List<int[]> named = pairs(set);
        ranges.addAll(negated ? complement(normalize(named)) : named);
        pos = end + 2;
        return true;
    }

    private int classChar() {
        if (pos >= re.length) {
            throw new IllegalArgumentException("missing closing ]");
        }
        if (re[pos] == '\\') {
            pos++;
            if (pos >= re.length) {
                throw new IllegalArgumentException("trailing backslash at end of expression");
            }
            return escapedChar();
        }
        return re[pos++];
    }

    /** Go's {@code parseEscape}, {@code pos} on the character after the backslash. */
    private int escapedChar() {
        int c = re[pos++];
        if (c < 0x80 && !Character.isLetterOrDigit(c)) {
            return c;
        }
        switch (c) {
            case '1', '2', '3', '4', '5', '6', '7', '0' -> {
                if (c != '0' && (pos >= re.length || re[pos] < '0' || re[pos] > '7')) {
                    // A lone non-zero digit would be a back reference, which RE2 does not have.
                    throw new IllegalArgumentException("invalid escape sequence: \\" + (char) c);
                }
                int value = c - '0';
                for (int i = 1; i < 3 && pos < re.length && re[pos] >= '0' && re[pos] <= '7'; i++) {
                    value = value * 8 + re[pos++] - '0';
                }
                return value;
            }
            case 'x' -> {
                return hexEscape();
            }
            case 'a' -> {
                return 7;
            }
            case 'f' -> {
                return '\f';
            }
            case 'n' -> {
                return '\n';
            }
            case 'r' -> {
                return '\r';
            }
            case 't' -> {
                return '\t';
            }
            case 'v' -> {
                return 0x0B;
            }
            default -> throw new IllegalArgumentException("invalid escape sequence: \\" + Character.toString(c));
        }
    }

    private int hexEscape() {
        if (pos < re.length && re[pos] == '{') {
            pos++;
            int value = 0;
            int digits = 0;
            while (pos < re.length && re[pos] != '}') {
                int d = Character.digit(re[pos++], 16);
                if (d < 0 || value * 16 + d > MAX_CODE_POINT) {
                    throw new IllegalArgumentException("invalid escape sequence: \\x{");
                }
                value = value * 16 + d;
                digits++;
            }
            if (pos >= re.length || digits == 0) {
                throw new IllegalArgumentException("invalid escape sequence: \\x{");
            }
            pos++;
            return value;
        }
        if (re.length - pos < 2 || Character.digit(re[pos], 16) < 0 || Character.digit(re[pos + 1], 16) < 0) {
            throw new IllegalArgumentException("invalid escape sequence: \\x");
        }
        int value = Character.digit(re[pos], 16) * 16 + Character.digit(re[pos + 1], 16);
        pos += 2;
        return value;
    }

    private static List<int[]> perlClass(int c) {
        List<int[]> set = pairs(PERL.get(Character.toLowerCase((char) c)));
        return Character.isUpperCase(c) ? complement(normalize(set)) : set;
    }

    private void literal(int c) {
        if (c < 0x80 && Character.isLetterOrDigit(c)) {
            out.appendCodePoint(c);
        } else {
            out.append("\\x{").append(Integer.toHexString(c)).append('}');
        }
    }

    private void emitClass(List<int[]> ranges, boolean negated) {
        List<int[]> set = normalize(ranges);
        if (negated) {
            set = complement(set);
        }
        if (set.isEmpty()) {
            out.append("(?!)");
            return;
        }
        out.append('[');
        for (int[] r : set) {
            out.append("\\x{").append(Integer.toHexString(r[0])).append('}');
            if (r[1] != r[0]) {
                out.append("-\\x{").append(Integer.toHexString(r[1])).append('}');
            }
        }
        out.append(']');
    }

    private static List<int[]> pairs(int[] bounds) {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < bounds.length; i += 2) {
            out.add(new int[] {bounds[i], bounds[i + 1]});
        }
        return out;
    }

    /** Sorted, merged, non-overlapping ranges. */
    private static List<int[]> normalize(List<int[]> ranges) {
        List<int[]> sorted = new ArrayList<>(ranges);
        sorted.sort((a, b) -> Integer.compare(a[0], b[0]));
        List<int[]> out = new ArrayList<>();
        for (int[] r : sorted) {
            int[] last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && r[0] <= last[1] + 1) {
                last[1] = Math.max(last[1], r[1]);
            } else {
                out.add(new int[] {r[0], r[1]});
            }
        }
        return out;
    }

    private static List<int[]> complement(List<int[]> normalized) {
        List<int[]> out = new ArrayList<>();
        int next = 0;
        for (int[] r : normalized) {
            if (r[0] > next) {
                out.add(new int[] {next, r[0] - 1});
            }
            next = r[1] + 1;
        }
        if (next <= MAX_CODE_POINT) {
            out.add(new int[] {next, MAX_CODE_POINT});
        }
        return out;
    }
}

package dev.stagesmith.grammar.parse;

import dev.stagesmith.grammar.GoStrings;
import dev.stagesmith.grammar.SyntaxError;
import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.syntax.Directive;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the parser directives ({@code # syntax=}, {@code # escape=}, {@code # check=}) at the top of a
 * Dockerfile, as BuildKit does: only consecutive lines from the first one, and scanning stops at the
 * first line that is not a known directive (a blank line or any other comment included).
 */
public final class DirectiveScanner {

    /** A line that has the form of a directive: where its key and value are. */
    private record Match(int keyStart, int keyEnd, int valueStart, int valueEnd) {}

    /** The directives found, the escape character they set, and their errors. */
    public record Result(List<Directive> directives, char escape, List<SyntaxError> errors, int end) {}

    private static final Set<String> KNOWN = Set.of("syntax", "escape", "check");

    private DirectiveScanner() {}

    public static Result scan(String text) {
        List<Directive> found = new ArrayList<>();
        List<SyntaxError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        char escape = '\\';
        int lineStart = text.startsWith("\uFEFF") ? 1 : 0;
        while (lineStart < text.length()) {
            int nl = text.indexOf('\n', lineStart);
            int next = nl < 0 ? text.length() : nl + 1;
            int contentEnd = nl < 0 ? text.length() : nl;
            while (contentEnd > lineStart && (text.charAt(contentEnd - 1) == '\r' || text.charAt(contentEnd - 1) == '\n')) {
                contentEnd--;
            }
            int start = GoStrings.skipSpace(text, lineStart, contentEnd);
            Match m = match(text, start, contentEnd);
            if (m == null) {
                return new Result(found, escape, errors, lineStart);
            }
            String key = text.substring(m.keyStart(), m.keyEnd()).toLowerCase(Locale.ROOT);
            if (!KNOWN.contains(key)) {
                return new Result(found, escape, errors, lineStart);
            }
            TextRange range = TextRange.of(start, contentEnd);
            TextRange name = TextRange.of(m.keyStart(), m.keyEnd());
            TextRange value = TextRange.of(m.valueStart(), m.valueEnd());
            String v = value.of(text);
            Directive d = new Directive(key, v, range, name, value);
            found.add(d);
            if (!seen.add(key)) {
                errors.add(new SyntaxError("only one " + key + " parser directive can be used", range));
            } else if (key.equals("escape")) {
                if (v.equals("\\") || v.equals("`")) {
                    escape = v.charAt(0);
                } else {
                    errors.add(new SyntaxError("invalid escape token '" + v + "' does not match ` or \\", value));
                }
            }
            lineStart = next;
        }
        return new Result(found, escape, errors, lineStart);
    }

    /**
     * BuildKit's {@code ^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$} on {@code [from, to)}, written out by
     * hand because Java's backtracking matcher took quadratic time on a long run of blanks in the value.
     */
    private static Match match(String text, int from, int to) {
        if (from >= to || text.charAt(from) != '#') {
            return null;
        }
        int keyStart = skipBlanks(text, from + 1, to);
        if (keyStart >= to || !isAsciiLetter(text.charAt(keyStart))) {
            return null;
        }
        int keyEnd = keyStart + 1;
        while (keyEnd < to && (isAsciiLetter(text.charAt(keyEnd)) || isAsciiDigit(text.charAt(keyEnd)))) {
            keyEnd++;
        }
        int eq = skipBlanks(text, keyEnd, to);
        if (eq >= to || text.charAt(eq) != '=' || eq + 1 >= to) {
            return null;
        }
        int valueStart = skipBlanks(text, eq + 1, to);
        if (valueStart == to) {
            // Only blanks after '=': the lazy (.+?) still takes one character, the last blank.
            return new Match(keyStart, keyEnd, to - 1, to);
        }
        int valueEnd = to;
        while (isBlank(text.charAt(valueEnd - 1))) {
            valueEnd--;
        }
        return new Match(keyStart, keyEnd, valueStart, valueEnd);
    }

    /** Go's regexp {@code \s}: only these five, unlike {@code unicode.IsSpace}. */
    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }

    private static int skipBlanks(String text, int from, int to) {
        int i = from;
        while (i < to && isBlank(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}

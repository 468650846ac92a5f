package dev.stagesmith.grammar.expand;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shell wildcard patterns of {@code ${v#p}}, {@code ${v%p}} and {@code ${v/p/r}}: {@code *} and
 * {@code ?}, with {@code \*}, {@code \?} and {@code \\} as literals, no bracket expressions (as BuildKit).
 * BuildKit matches them with Go's regexp, so this class follows Go where Java's regex engine differs.
 */
final class ShellPattern {

    /** What Go prints for a rune it cannot show: an escape at the very end of a pattern reports this. */
    private static final String GO_BAD_RUNE = "\uFFFD";

    private ShellPattern() {}

    /**
     * Translates a pattern into a regex. UNIX_LINES makes {@code .} stop only at '\n', as Go's does;
     * Java's default also stops at '\r' and other line breaks.
     */
    static Pattern compile(String pattern, boolean greedy, boolean anchored) throws ExpansionException {
        StringBuilder out = new StringBuilder(pattern.length() + 4);
        if (anchored) {
            out.append('^');
        }
        String star = greedy ? ".*" : ".*?";
        // BuildKit scans the pattern with its own text/scanner, so a mark at its start is dropped as well
        int i = Expander.skipByteOrderMark(pattern);
        while (i < pattern.length()) {
            int c = pattern.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '*' -> out.append(star);
                case '?' -> out.append('.');
                case '\\' -> i = appendEscaped(pattern, i, out);
                case '[', ']', '{', '}', '.', '+', '(', ')', '|', '^', '$' -> out.append('\\').appendCodePoint(c);
                default -> out.appendCodePoint(c);
            }
        }
        return Pattern.compile(out.toString(), Pattern.UNIX_LINES);
    }

    /**
     * The character after a backslash at {@code i}. A backslash before '}' or '/' only kept the lexer from
     * ending the pattern there, so it is dropped and the character is read as usual.
     */
    private static int appendEscaped(String pattern, int i, StringBuilder out) throws ExpansionException {
        int next = i < pattern.length() ? pattern.codePointAt(i) : -1;
        if (next == '}' || next == '/') {
            return i;
        }
        if (next != '*' && next != '?' && next != '\\') {
            throw new ExpansionException("invalid escape '\\" + (next < 0 ? GO_BAD_RUNE : Character.toString(next))
                    + "'", i);
        }
        out.append('\\').appendCodePoint(next);
        return i + Character.charCount(next);
    }

    /** Compiles as BuildKit does for a substitution, naming the pattern in the error as it does. */
    private static Pattern compileForSubstitution(String pattern, boolean greedy, boolean anchored)
            throws ExpansionException {
        try {
            return compile(pattern, greedy, anchored);
        } catch (ExpansionException e) {
            throw new ExpansionException("invalid pattern (" + pattern + ") in substitution: " + e.getMessage(),
                    e.index());
        }
    }

    static String trimPrefix(String pattern, String value, boolean greedy) throws ExpansionException {
        Matcher m = compileForSubstitution(pattern, greedy, true).matcher(value);
        return m.find() ? value.substring(m.end()) : value;
    }

    /**
     * Shortest or longest suffix removal, done as a prefix removal on the reversed pattern and value,
     * because a regex finds the leftmost match only. An error names the reversed pattern, as BuildKit's does.
     */
    static String trimSuffix(String pattern, String value, boolean greedy) throws ExpansionException {
        String trimmed = trimPrefix(reversePattern(pattern), reverse(value), greedy);
        return reverse(trimmed);
    }

    /**
     * Replaces the first match literally, or every match the way Go's {@code ReplaceAllString} does:
     * BuildKit uses those two calls, and they treat the replacement differently.
     */
    static String replace(String value, String pattern, String replacement, boolean all) throws ExpansionException {
        Matcher m = compileForSubstitution(pattern, true, false).matcher(value);
        if (all) {
            return replaceAll(m, value, replacement);
        }
        return m.find() ? value.substring(0, m.start()) + replacement + value.substring(m.end()) : value;
    }

    /**
     * Go's replace-all loop. Unlike Java's, it skips an empty match that comes right after another match,
     * so {@code *} replaces "abc" once, not twice.
     */
    private static String replaceAll(Matcher m, String value, String template) {
        StringBuilder out = new StringBuilder(value.length());
        int lastEnd = 0;
        int search = 0;
        while (search <= value.length() && m.find(search)) {
            out.append(value, lastEnd, m.start());
            if (m.end() > lastEnd || m.start() == 0) {
                expandTemplate(template, value.substring(m.start(), m.end()), out);
            }
            lastEnd = m.end();
            int width = search < value.length() ? Character.charCount(value.codePointAt(search)) : 0;
            if (search + width > m.end()) {
                search += width;
            } else if (search + 1 > m.end()) {
                search++;
            } else {
                search = m.end();
            }
        }
        return out.append(value, lastEnd, value.length()).toString();
    }

    /**
     * Go's template expansion for {@code ReplaceAllString}: {@code $$} is a dollar, {@code $name} and
     * {@code ${name}} name a group. Our regexes have no groups, so only {@code $0} (the match) gives text;
     * other names give nothing, and a dollar that starts no name stays as it is.
     */
    private static void expandTemplate(String template, String match, StringBuilder out) {
        int i = 0;
        while (i < template.length()) {
            int dollar = template.indexOf('$', i);
            if (dollar < 0) {
                break;
            }
            out.append(template, i, dollar);
            i = dollar + 1;
            if (i < template.length() && template.charAt(i) == '$') {
                out.append('$');
                i++;
                continue;
            }
            int[] ref = templateName(template, i);
            if (ref == null) {
                out.append('$');
                continue;
            }
            if (template.substring(ref[0], ref[1]).equals("0")) {
                out.append(match);
            }
            i = ref[2];
        }
        out.append(template, i, template.length());
    }

    /** The name after a '$' at {@code i} as {start, end, next index}, or null when there is none (Go's extract). */
    private static int[] templateName(String template, int i) {
        boolean brace = i < template.length() && template.charAt(i) == '{';
        int start = brace ? i + 1 : i;
        int end = start;
        while (end < template.length()) {
            int c = template.codePointAt(end);
            if (!Character.isLetter(c) && !Character.isDigit(c) && c != '_') {
                break;
            }
            end += Character.charCount(c);
        }
        if (end == start) {
            return null;
        }
        if (!brace) {
            return new int[] {start, end, end};
        }
        if (end >= template.length() || template.charAt(end) != '}') {
            return null;
        }
        return new int[] {start, end, end + 1};
    }

    /** Reverses a pattern while keeping each escape in front of the character it escapes. */
    private static String reversePattern(String pattern) {
        int[] cps = pattern.codePoints().toArray();
        int[] out = new int[cps.length];
        int last = cps.length - 1;
        for (int i = 0; i <= last; ) {
            int at = last - i;
            if (cps[i] == '\\' && i != last) {
                out[at - 1] = cps[i];
                out[at] = cps[i + 1];
                i += 2;
            } else {
                out[at] = cps[i];
                i++;
            }
        }
        return new String(out, 0, out.length);
    }

    private static String reverse(String s) {
        int[] cps = s.codePoints().toArray();
        for (int i = 0, j = cps.length - 1; i < j; i++, j--) {
            int t = cps[i];
            cps[i] = cps[j];
            cps[j] = t;
        }
        return new String(cps, 0, cps.length);
    }
}

package dev.stagesmith.grammar.expand;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The shell wildcard patterns of {@code ${v#p}}, {@code ${v%p}} and {@code ${v/p/r}}: {@code *} and
 * {@code ?}, with {@code \*}, {@code \?} and {@code \\} as literals, no bracket expressions (as BuildKit).
 */
final class ShellPattern {

    private ShellPattern() {}

    static Pattern compile(String pattern, boolean greedy, boolean anchored) throws ExpansionException {
        StringBuilder out = new StringBuilder(pattern.length() + 4);
        if (anchored) {
            out.append('^');
        }
        String star = greedy ? ".*" : ".*?";
        for (int i = 0; i < pattern.length(); ) {
            int c = pattern.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '*' -> out.append(star);
                case '?' -> out.append('.');
                case '\\' -> {
                    int next = i < pattern.length() ? pattern.codePointAt(i) : -1;
                    if (next == '}' || next == '/') {
                        continue;
                    }
                    if (next != '*' && next != '?' && next != '\\') {
                        throw new ExpansionException("invalid escape '\\"
                                + (next < 0 ? "" : Character.toString(next)) + "' in pattern " + pattern, i);
                    }
                    i += Character.charCount(next);
                    out.append('\\').appendCodePoint(next);
                }
                case '[', ']', '{', '}', '.', '+', '(', ')', '|', '^', '$' -> out.append('\\').appendCodePoint(c);
                default -> out.appendCodePoint(c);
            }
        }
        try {
            return Pattern.compile(out.toString());
        } catch (PatternSyntaxException e) {
            throw new ExpansionException("invalid pattern (" + pattern + ") in substitution", 0);
        }
    }

    static String trimPrefix(String pattern, String value, boolean greedy) throws ExpansionException {
        Matcher m = compile(pattern, greedy, true).matcher(value);
        return m.find() ? value.substring(m.end()) : value;
    }

    /** Shortest or longest suffix removal, done as a prefix removal on the reversed pattern and value. */
    static String trimSuffix(String pattern, String value, boolean greedy) throws ExpansionException {
        String trimmed = trimPrefix(reversePattern(pattern), reverse(value), greedy);
        return reverse(trimmed);
    }

    static String replace(String value, String pattern, String replacement, boolean all) throws ExpansionException {
        Matcher m = compile(pattern, true, false).matcher(value);
        String literal = Matcher.quoteReplacement(replacement);
        return all ? m.replaceAll(literal) : m.replaceFirst(literal);
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

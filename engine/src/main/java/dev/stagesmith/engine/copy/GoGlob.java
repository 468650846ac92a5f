package dev.stagesmith.engine.copy;

/**
 * Go's {@code filepath.Match} for '/'-separated names: {@code *} and {@code ?} never match '/', {@code [...]}
 * classes with {@code ^} negation and ranges, {@code \} escapes. A malformed pattern matches nothing, because
 * BuildKit ignores the error {@code filepath.Match} returns while resolving COPY wildcards.
 */
final class GoGlob {

    private GoGlob() {}

    /** Whether a source contains an unescaped wildcard character (BuildKit's {@code containsWildcards}). */
    static boolean hasWildcards(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '*' || c == '?' || c == '[') {
                return true;
            }
        }
        return false;
    }

    static boolean matches(String pattern, String name) {
        try {
            return match(pattern, 0, name, 0);
        } catch (IllegalArgumentException bad) {
            return false;
        }
    }

    private static boolean match(String p, int pi, String s, int si) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                while (pi < p.length() && p.charAt(pi) == '*') {
                    pi++;
                }
                for (int k = si; ; k++) {
                    if (match(p, pi, s, k)) {
                        return true;
                    }
                    if (k >= s.length() || s.charAt(k) == '/') {
                        checkRest(p, pi);
                        return false;
                    }
                }
            }
            if (si >= s.length()) {
                checkRest(p, pi);
                return false;
            }
            char n = s.charAt(si);
            if (c == '?') {
                if (n == '/') {
                    return false;
                }
                pi++;
            } else if (c == '[') {
                int end = classEnd(p, pi);
                if (!classMatches(p, pi + 1, end, n)) {
                    return false;
                }
                pi = end + 1;
            } else {
                if (c == '\\') {
                    pi++;
                    if (pi >= p.length()) {
                        throw new IllegalArgumentException("trailing backslash");
                    }
                    c = p.charAt(pi);
                }
                if (c != n) {
                    return false;
                }
                pi++;
            }
            si++;
        }
        return si == s.length();
    }

    /** Go reports a syntax error in the unread rest of a pattern, so a bad class is bad even after a mismatch. */
    private static void checkRest(String p, int pi) {
        for (int i = pi; i < p.length(); i++) {
            if (p.charAt(i) == '\\') {
                i++;
                if (i >= p.length()) {
                    throw new IllegalArgumentException("trailing backslash");
                }
            } else if (p.charAt(i) == '[') {
                i = classEnd(p, i);
            }
        }
    }

    /** The index of the ']' closing the class that opens at {@code open}. */
    private static int classEnd(String p, int open) {
        int i = open + 1;
        if (i < p.length() && p.charAt(i) == '^') {
            i++;
        }
        boolean first = true;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == ']' && !first) {
                return i;
            }
            if (c == '-' || c == ']') {
                throw new IllegalArgumentException("bad class bound");
            }
            i = boundEnd(p, i);
            if (i < p.length() && p.charAt(i) == '-') {
                i = boundEnd(p, i + 1);
            }
            first = false;
        }
        throw new IllegalArgumentException("unclosed class");
    }

    private static int boundEnd(String p, int i) {
        if (i >= p.length() || p.charAt(i) == '-' || p.charAt(i) == ']') {
            throw new IllegalArgumentException("bad class bound");
        }
        if (p.charAt(i) == '\\') {
            i++;
            if (i >= p.length()) {
                throw new IllegalArgumentException("trailing backslash");
            }
        }
        return i + 1;
    }

    private static boolean classMatches(String p, int i, int end, char n) {
        boolean negate = p.charAt(i) == '^';
        if (negate) {
            i++;
        }
        boolean found = false;
        while (i < end) {
            char lo = p.charAt(i) == '\\' ? p.charAt(++i) : p.charAt(i);
            i++;
            char hi = lo;
            if (i < end && p.charAt(i) == '-') {
                i++;
                hi = p.charAt(i) == '\\' ? p.charAt(++i) : p.charAt(i);
                i++;
            }
            if (lo <= n && n <= hi) {
                found = true;
            }
        }
        return found != negate;
    }
}

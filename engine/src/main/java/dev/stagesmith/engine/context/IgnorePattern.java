package dev.stagesmith.engine.context;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One {@code .dockerignore} pattern, compiled as moby's patternmatcher compiles it: plain text is compared
 * exactly, a trailing {@code **} becomes a prefix test, a leading {@code **} a suffix test, and anything
 * else with wildcards a regular expression ({@code *} and {@code ?} stop at {@code /}, {@code **} spans
 * directories, {@code \} escapes, {@code [...]} classes).
 */
public final class IgnorePattern {

    private enum Kind { EXACT, PREFIX, SUFFIX, REGEX }

    private final String text;
    private final boolean exclusion;
    private final Kind kind;
    private final Pattern regex;
    private final String regexError;

    IgnorePattern(String text, boolean exclusion) {
        this.text = text;
        this.exclusion = exclusion;
        StringBuilder goRegex = new StringBuilder("^");
        this.kind = compile(text, goRegex);
        Pattern compiled = null;
        String error = null;
        if (kind == Kind.REGEX) {
            try {
                compiled = Re2Translator.compile(goRegex.append('$').toString());
            } catch (IllegalArgumentException e) {
                error = e.getMessage();
            }
        }
        this.regex = compiled;
        this.regexError = error;
    }

    /** The cleaned pattern, without its {@code !}. */
    public String text() {
        return text;
    }

    /** A {@code !} pattern: re-includes what earlier patterns excluded. */
    public boolean isExclusion() {
        return exclusion;
    }

    /** Why the pattern cannot be evaluated (Go's regexp rejects it), if it cannot. */
    public Optional<String> error() {
        return Optional.ofNullable(regexError);
    }

    @Override
    public String toString() {
        return (exclusion ? "!" : "") + text;
    }

    /** Whether {@code path} itself (not its parents) matches; throws where Go reports a bad pattern. */
    boolean matches(String path) throws DockerIgnore.InvalidPatternException {
        return switch (kind) {
            case EXACT -> path.equals(text);
            case PREFIX -> path.startsWith(text.substring(0, text.length() - 2));
            case SUFFIX -> {
                String suffix = text.substring(2);
                yield path.endsWith(suffix) || suffix.startsWith("/") && path.equals(suffix.substring(1));
            }
            case REGEX -> {
                if (regex == null) {
                    throw new DockerIgnore.InvalidPatternException(toString(), "syntax error in pattern: " + regexError);
                }
                yield regex.matcher(path).find();
            }
        };
    }

    /**
     * Builds the Go regular expression for {@code pattern} into {@code re} and says how to match. Mirrors
     * patternmatcher's compile loop, including its quirks: {@code **} first makes a suffix test even when
     * more follows, and {@code [}, {@code ]} and escapes are handed to the regex engine unchanged.
     */
    private static Kind compile(String pattern, StringBuilder re) {
        Kind kind = Kind.EXACT;
        int[] cps = pattern.codePoints().toArray();
        // Go's text/scanner, which patternmatcher reads with, drops a byte order mark at the start.
        int pos = cps.length > 0 && cps[0] == 0xFEFF ? 1 : 0;
        for (int i = 0; pos < cps.length; i++) {
            int ch = cps[pos++];
            if (ch == '*') {
                if (pos < cps.length && cps[pos] == '*') {
                    pos++;
                    if (pos < cps.length && cps[pos] == '/') {
                        pos++;
                    }
                    if (pos == cps.length) {
                        if (kind == Kind.EXACT) {
                            kind = Kind.PREFIX;
                        } else {
                            re.append(".*");
                            kind = Kind.REGEX;
                        }
                    } else {
                        re.append("(.*/)?");
                        kind = Kind.REGEX;
                    }
                    if (i == 0) {
                        kind = Kind.SUFFIX;
                    }
                } else {
                    re.append("[^/]*");
                    kind = Kind.REGEX;
                }
            } else if (ch == '?') {
                re.append("[^/]");
                kind = Kind.REGEX;
            } else if (".+()|{}$".indexOf(ch) >= 0) {
                re.append('\\').appendCodePoint(ch);
            } else if (ch == '\\') {
                if (pos < cps.length) {
                    re.append('\\').appendCodePoint(cps[pos++]);
                    kind = Kind.REGEX;
                } else {
                    re.append('\\');
                }
            } else if (ch == '[' || ch == ']') {
                re.appendCodePoint(ch);
                kind = Kind.REGEX;
            } else {
                re.appendCodePoint(ch);
            }
        }
        return kind;
    }
}

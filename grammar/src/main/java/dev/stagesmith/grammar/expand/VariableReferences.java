package dev.stagesmith.grammar.expand;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the {@code $NAME} and {@code ${NAME...}} references in a word's text, with their positions, so
 * that findings can point at the variable rather than at the whole word. Escaped dollars and text in
 * single quotes are not references, as in BuildKit's expansion and in the shell. Shared by the checks and
 * the editor features (hover, references, rename).
 */
public final class VariableReferences {

    /** How the text is quoted and escaped. */
    public enum Syntax {
        /** A word BuildKit expands: quotes are processed, the Dockerfile's escape character escapes. */
        WORD,
        /** A COPY/ADD heredoc body: BuildKit leaves quotes alone, backslash escapes. */
        HEREDOC,
        /** Shell text (RUN, CMD, ENTRYPOINT): POSIX quoting, backslash escapes, comments, {@code $(...)}. */
        SHELL
    }

    /**
     * One reference.
     *
     * @param name the variable name
     * @param start index of the {@code $}
     * @param end index after the reference (after the closing brace when braced)
     * @param nameStart index of the name
     * @param nameEnd index after the name
     * @param modifier the operator after the name in {@code ${name op word}} ({@code -}, {@code :-}, {@code ?},
     *     ...), empty for {@code $name} and {@code ${name}}
     * @param closed false for a braced reference whose closing brace is missing
     */
    public record Reference(String name, int start, int end, int nameStart, int nameEnd, String modifier, boolean closed) {

        public boolean requires() {
            return modifier.equals("?") || modifier.equals(":?");
        }
    }

    private final String text;
    private final Syntax syntax;
    private final char escape;
    private final List<Reference> found = new ArrayList<>();

    private VariableReferences(String text, Syntax syntax, char escape) {
        this.text = text;
        this.syntax = syntax;
        this.escape = syntax == Syntax.WORD ? escape : '\\';
    }

    /** The references in {@code text}, nested ones included, in order of their {@code $}. */
    public static List<Reference> find(String text, Syntax syntax, char escape) {
        VariableReferences r = new VariableReferences(text, syntax, escape);
        r.scan(0, -1);
        r.found.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return List.copyOf(r.found);
    }

    /** The references to {@code name}. */
    public static List<Reference> named(List<Reference> references, String name) {
        return references.stream().filter(r -> r.name().equals(name)).toList();
    }

    /** Scans from {@code i} to the end, or to just after {@code stop} outside quotes; returns where it ended. */
    private int scan(int i, int stop) {
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == stop) {
                return i + 1;
            }
            if (c == escape) {
                i += 2;
            } else if (c == '\'' && syntax != Syntax.HEREDOC) {
                i = skipSingleQuoted(i);
            } else if (c == '"' && syntax != Syntax.HEREDOC) {
                i = doubleQuoted(i);
            } else if (c == '$') {
                i = dollar(i);
            } else if (c == '#' && syntax == Syntax.SHELL && startsShellWord(i)) {
                int nl = text.indexOf('\n', i);
                i = nl < 0 ? n : nl;
            } else {
                i++;
            }
        }
        return n;
    }

    private boolean startsShellWord(int i) {
        return i == 0 || Character.isWhitespace(text.charAt(i - 1)) || text.charAt(i - 1) == ';';
    }

    private int skipSingleQuoted(int i) {
        int close = text.indexOf('\'', i + 1);
        return close < 0 ? text.length() : close + 1;
    }

    /** Inside double quotes the escape character escapes only quotes, dollars and itself (and backquotes in sh). */
    private int doubleQuoted(int i) {
        i++;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == escape && i + 1 < n && isEscapableInDoubleQuotes(text.charAt(i + 1))) {
                i += 2;
            } else if (c == '$') {
                i = dollar(i);
            } else {
                i++;
            }
        }
        return n;
    }

    private boolean isEscapableInDoubleQuotes(char c) {
        return c == '"' || c == '$' || c == escape || (syntax == Syntax.SHELL && (c == '`' || c == '\n'));
    }

    private int dollar(int start) {
        int n = text.length();
        int i = start + 1;
        if (i >= n) {
            return n;
        }
        char c = text.charAt(i);
        if (c == '{') {
            return braced(start);
        }
        if (syntax == Syntax.SHELL && c == '\'') {
            return skipAnsiCQuoted(i);
        }
        int nameEnd = nameEnd(i);
        if (nameEnd == i) {
            return i;
        }
        found.add(new Reference(text.substring(i, nameEnd), start, nameEnd, i, nameEnd, "", true));
        return nameEnd;
    }

    /** {@code $'...'} in bash: backslash escapes, no expansion. */
    private int skipAnsiCQuoted(int quote) {
        int i = quote + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '\'') {
                return i + 1;
            } else {
                i++;
            }
        }
        return text.length();
    }

    private int braced(int start) {
        int n = text.length();
        int nameStart = start + 2;
        if (syntax == Syntax.SHELL && nameStart + 1 < n && "#!".indexOf(text.charAt(nameStart)) >= 0
                && isNameChar(text.charAt(nameStart + 1))) {
            nameStart++; // ${#NAME} is the length of NAME, ${!NAME} an indirection through it
        }
        if (nameStart >= n || text.charAt(nameStart) == '{' || text.charAt(nameStart) == '}'
                || text.charAt(nameStart) == ':') {
            return Math.min(nameStart, n); // bad substitution: no reference to report
        }
        int nameEnd = nameEnd(nameStart);
        String name = text.substring(nameStart, nameEnd);
        if (nameEnd >= n) {
            found.add(new Reference(name, start, n, nameStart, nameEnd, "", false));
            return n;
        }
        if (text.charAt(nameEnd) == '}') {
            found.add(new Reference(name, start, nameEnd + 1, nameStart, nameEnd, "", true));
            return nameEnd + 1;
        }
        int wordStart = nameEnd + 1;
        if (text.charAt(nameEnd) == ':' && wordStart < n) {
            wordStart++;
        }
        String modifier = text.substring(nameEnd, Math.min(wordStart, n));
        int end = scan(wordStart, '}');
        boolean closed = end > wordStart && end <= n && text.charAt(end - 1) == '}';
        found.add(new Reference(name, start, end, nameStart, nameEnd, modifier, closed));
        return end;
    }

    /** BuildKit's names: a run of digits, one special parameter, or letters, digits and underscores. */
    private int nameEnd(int i) {
        int n = text.length();
        if (i >= n) {
            return i;
        }
        char c = text.charAt(i);
        if (Character.isDigit(c)) {
            while (i < n && Character.isDigit(text.charAt(i))) {
                i++;
            }
            return i;
        }
        if ("@*#?-$!0".indexOf(c) >= 0) {
            return i + 1;
        }
        while (i < n && isNameChar(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}

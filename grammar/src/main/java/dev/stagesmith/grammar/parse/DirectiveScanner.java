package dev.stagesmith.grammar.parse;

import dev.stagesmith.grammar.SyntaxError;
import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.syntax.Directive;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the parser directives ({@code # syntax=}, {@code # escape=}, {@code # check=}) at the top of a
 * Dockerfile, as BuildKit does: only consecutive lines from the first one, and scanning stops at the
 * first line that is not a known directive (a blank line or any other comment included).
 */
public final class DirectiveScanner {

    /** The directives found, the escape character they set, and their errors. */
    public record Result(List<Directive> directives, char escape, List<SyntaxError> errors, int end) {}

    private static final Pattern DIRECTIVE = Pattern.compile(
            "#[\\t\\n\\f\\r ]*([a-zA-Z][a-zA-Z0-9]*)[\\t\\n\\f\\r ]*=[\\t\\n\\f\\r ]*([^\\n]+?)[\\t\\n\\f\\r ]*\\z");
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
            int start = Chars.skipSpace(text, lineStart, contentEnd);
            Matcher m = DIRECTIVE.matcher(text).region(start, contentEnd);
            if (!m.matches()) {
                return new Result(found, escape, errors, lineStart);
            }
            String key = m.group(1).toLowerCase(Locale.ROOT);
            if (!KNOWN.contains(key)) {
                return new Result(found, escape, errors, lineStart);
            }
            TextRange range = TextRange.of(start, contentEnd);
            TextRange name = TextRange.of(m.start(1), m.end(1));
            TextRange value = TextRange.of(m.start(2), m.end(2));
            Directive d = new Directive(key, m.group(2), range, name, value);
            found.add(d);
            if (!seen.add(key)) {
                errors.add(new SyntaxError("only one " + key + " parser directive can be used", range));
            } else if (key.equals("escape")) {
                String v = m.group(2);
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
}

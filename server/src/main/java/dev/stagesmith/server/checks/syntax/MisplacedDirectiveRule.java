package dev.stagesmith.server.checks.syntax;

import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.syntax.Comment;
import dev.stagesmith.grammar.syntax.Directive;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Findings;
import dev.stagesmith.server.checks.Fix;
import dev.stagesmith.server.checks.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A comment that reads like a parser directive ({@code # syntax=}, {@code # escape=}, {@code # check=})
 * below the top of the file. BuildKit looks for directives only in the unbroken run of directive lines
 * that starts the file, so this one is a plain comment and has no effect.
 */
public final class MisplacedDirectiveRule extends SyntaxRule {

    private static final Pattern DIRECTIVE = Pattern.compile(
            "[\\t\\n\\f\\r ]*([a-zA-Z][a-zA-Z0-9]*)[\\t\\n\\f\\r ]*=[\\t\\n\\f\\r ]*([^\\n]+?)[\\t\\n\\f\\r ]*");
    private static final Set<String> KNOWN = Set.of("syntax", "escape", "check");

    public MisplacedDirectiveRule() {
        super("misplaced-directive", Severity.WARNING,
                "A parser directive below the top of the file, which BuildKit reads as a comment");
    }

    @Override
    public void check(CheckInput input, Findings out) {
        ParsedDockerfile file = input.file();
        for (Comment c : file.comments()) {
            Matcher m = DIRECTIVE.matcher(c.text());
            if (!m.matches()) {
                continue;
            }
            String key = m.group(1).toLowerCase(Locale.ROOT);
            if (!KNOWN.contains(key)) {
                continue;
            }
            String message = "'# " + key + "=' is not at the top of the file, so BuildKit treats it as a plain comment;"
                    + " parser directives must come before any other line, blank lines and comments included";
            if (hasDirective(file.directives(), key)) {
                out.report(c.range(), message + " (a " + key + " directive is already set at the top)");
            } else {
                out.report(c.range(), message, moveToTop(input.text(), c));
            }
        }
    }

    private static boolean hasDirective(List<Directive> directives, String key) {
        return directives.stream().anyMatch(d -> d.name().equals(key));
    }

    /** Deletes the comment's line and writes it as the first line of the file (after a byte order mark). */
    private static Fix moveToTop(String text, Comment c) {
        int lineStart = c.range().start();
        while (lineStart > 0 && text.charAt(lineStart - 1) != '\n' && text.charAt(lineStart - 1) != '\r') {
            lineStart--;
        }
        int lineEnd = c.range().end();
        if (lineEnd < text.length() && text.charAt(lineEnd) == '\r') {
            lineEnd++;
        }
        if (lineEnd < text.length() && text.charAt(lineEnd) == '\n') {
            lineEnd++;
        }
        int top = text.startsWith("\uFEFF") ? 1 : 0;
        String newline = text.contains("\r\n") ? "\r\n" : "\n";
        String line = "#" + c.text().stripTrailing() + newline;
        return new Fix("Move to the top of the file", List.of(
                new Fix.Edit(TextRange.of(lineStart, lineEnd), ""),
                new Fix.Edit(TextRange.empty(top), line)));
    }
}

package dev.stagesmith.grammar.syntax;

import dev.stagesmith.grammar.TextRange;
import java.util.regex.Pattern;

/**
 * A heredoc: its marker on the instruction line ({@code <<-"EOF"}) and the body lines that follow.
 *
 * @param name the terminator word, quotes removed
 * @param chomp {@code <<-}: leading tabs are stripped from the body and terminator
 * @param expand whether variables in the body are expanded (the marker was not quoted)
 * @param fd the file descriptor before {@code <<}, 0 when absent
 * @param markerRange the marker word on the instruction line
 * @param bodyRange the body lines, line breaks included (empty when unterminated)
 * @param body the body text exactly as in the file
 * @param terminatorRange the terminator line (empty when unterminated)
 * @param terminated whether a terminator line was found
 */
public record Heredoc(
        String name,
        boolean chomp,
        boolean expand,
        int fd,
        TextRange markerRange,
        TextRange bodyRange,
        String body,
        TextRange terminatorRange,
        boolean terminated) {

    /**
     * Leading tabs of BuildKit's lines. UNIX_LINES, because Go's {@code (?m)^} follows {@code \n} only, while
     * Java's also follows a lone {@code \r}, U+0085, U+2028 and U+2029.
     */
    private static final Pattern LEADING_TABS = Pattern.compile("^\\t+", Pattern.MULTILINE | Pattern.UNIX_LINES);

    /** The body as the build uses it: with {@code <<-}, leading tabs removed from every line. */
    public String content() {
        return chomp ? LEADING_TABS.matcher(body).replaceAll("") : body;
    }
}

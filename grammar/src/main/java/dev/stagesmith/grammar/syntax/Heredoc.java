package dev.stagesmith.grammar.syntax;

import dev.stagesmith.grammar.TextRange;

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

    /** The body as the build uses it: with {@code <<-}, leading tabs removed from every line. */
    public String content() {
        return chomp ? body.replaceAll("(?m)^\\t+", "") : body;
    }
}

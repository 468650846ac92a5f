package dev.stagesmith.grammar;

import dev.stagesmith.grammar.syntax.Comment;
import dev.stagesmith.grammar.syntax.Directive;
import dev.stagesmith.grammar.syntax.Instruction;
import java.util.List;

/**
 * A parsed Dockerfile: parser directives, comments and instructions in file order, plus the syntax
 * errors BuildKit's parser would report. Never null, never partial: every line is accounted for.
 *
 * @param text the text that was parsed
 * @param escape the escape character ({@code \} or the one {@code # escape=} chose)
 * @param directives the parser directives at the top of the file
 * @param comments the comment lines outside instructions
 * @param instructions every instruction, unknown ones included
 * @param errors what BuildKit's parser rejects, each with an exact range
 * @param lines line index of {@code text}
 * @param sourceMap positions inside words, mapped back to the file
 */
public record ParsedDockerfile(
        String text,
        char escape,
        List<Directive> directives,
        List<Comment> comments,
        List<Instruction> instructions,
        List<SyntaxError> errors,
        LineIndex lines,
        SourceMap sourceMap) {

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** One-based line on which {@code offset} lies. */
    public int lineNumber(int offset) {
        return lines.lineNumber(offset);
    }

    /** One-based first line of {@code range}, as BuildKit numbers an instruction's {@code StartLine}. */
    public int startLine(TextRange range) {
        return lines.lineFeedLineNumber(range.start());
    }

    /** One-based last line of {@code range}, as BuildKit numbers an instruction's {@code EndLine}. */
    public int endLine(TextRange range) {
        return lines.lineFeedLineNumber(Math.max(range.start(), range.end()));
    }
}

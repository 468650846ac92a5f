package dev.stagesmith.grammar.parse;

import dev.stagesmith.grammar.SyntaxError;
import dev.stagesmith.grammar.TextRange;
import java.util.List;

/**
 * One instruction as read from the source: its joined line and BuildKit's parse of it, where its
 * physical lines are, and the heredoc bodies that follow it.
 *
 * @param start offset of the instruction's first character
 * @param line the joined logical line
 * @param node BuildKit's parse of the line
 * @param lineEnd end of the last physical line of the logical line (before its line break)
 * @param continuations offsets of the escape characters that continue a line
 * @param skippedLines ranges of the comment and blank lines inside the continuation
 * @param heredocs the heredocs, in marker order
 * @param end end of the last line the instruction consumed (heredoc terminators included)
 * @param next offset of the line after the instruction
 * @param errors what BuildKit's parser would reject here
 */
public record ScannedInstruction(
        int start,
        LogicalLine line,
        RawNode node,
        int lineEnd,
        int[] continuations,
        List<TextRange> skippedLines,
        List<HeredocBody> heredocs,
        int end,
        int next,
        List<SyntaxError> errors) {

    /** A heredoc's marker and, when terminated, its body and terminator line. */
    public record HeredocBody(
            HeredocMarkers.Marker marker, boolean terminated, TextRange body, String content, TextRange terminator) {}

    public TextRange range() {
        return TextRange.of(start, end);
    }
}

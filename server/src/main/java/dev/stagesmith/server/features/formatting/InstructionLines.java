package dev.stagesmith.server.features.formatting;

import dev.stagesmith.grammar.GoStrings;
import dev.stagesmith.grammar.syntax.Heredoc;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.server.features.PhysicalLines;
import java.util.ArrayList;
import java.util.List;

/**
 * The physical lines of an instruction up to its heredoc bodies: the line with the keyword, then the lines
 * its continuations join (content, comment and blank lines). Heredoc bodies and terminators are not here,
 * so nothing the formatter does can reach them.
 *
 * @param indent the spaces and tabs in front of the keyword
 */
record InstructionLines(String indent, List<Line> lines) {

    enum Kind { FIRST, CONTENT, COMMENT, BLANK }

    /**
     * One physical line.
     *
     * @param start where the line starts
     * @param textStart the first character that is not blank (Go's spaces, as BuildKit classifies lines)
     * @param end the end of its content, before the line break
     */
    record Line(Kind kind, int start, int textStart, int end) {}

    static InstructionLines of(String text, Instruction instruction) {
        int start = instruction.range().start();
        int end = logicalEnd(text, instruction);
        String indent = text.substring(PhysicalLines.trailingBlanks(text, PhysicalLines.start(text, start), start), start);
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(Kind.FIRST, PhysicalLines.start(text, start), start,
                Math.min(PhysicalLines.contentEnd(text, start), Math.max(end, start))));
        int p = PhysicalLines.next(text, start);
        while (p <= end && p < text.length() && p > lines.get(lines.size() - 1).end()) {
            int ce = PhysicalLines.contentEnd(text, p);
            int textStart = GoStrings.skipSpace(text, p, ce);
            Kind kind = textStart == ce ? Kind.BLANK : text.charAt(textStart) == '#' ? Kind.COMMENT : Kind.CONTENT;
            lines.add(new Line(kind, p, textStart, ce));
            p = PhysicalLines.next(text, p);
        }
        return new InstructionLines(indent, List.copyOf(lines));
    }

    /** The end of the last line before the first heredoc body, or the instruction's end without one. */
    private static int logicalEnd(String text, Instruction instruction) {
        for (Instruction i : instruction.withTriggers()) {
            for (Heredoc h : i.heredocs()) {
                if (h.terminated()) {
                    int bodyStart = h.bodyRange().start();
                    return bodyStart == 0 ? 0 : PhysicalLines.contentEnd(text, PhysicalLines.start(text, bodyStart - 1));
                }
            }
        }
        return instruction.range().end();
    }
}

package dev.stagesmith.server.features.outline;

import dev.stagesmith.grammar.GoStrings;
import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.syntax.Heredoc;
import dev.stagesmith.grammar.syntax.Instruction;
import java.util.List;

/**
 * An instruction in a few words for an outline: its keyword and the start of its arguments as written, on
 * one line (continuations joined, comment lines inside them dropped, spaces collapsed, heredoc bodies left
 * out), cut after {@value #MAX} characters. Reads only as much of the instruction as it shows.
 */
final class InstructionSummary {

    static final int MAX = 60;

    private InstructionSummary() {}

    static String of(ParsedDockerfile file, Instruction i) {
        String text = file.text();
        int end = Math.min(logicalEnd(i), text.length());
        String keyword = i.keyword().value().isEmpty() ? "?" : i.keyword().value();
        StringBuilder out = new StringBuilder(keyword);
        boolean space = true;
        int pos = Math.min(i.keyword().range().end(), end);
        int limit = keyword.length() + 1 + MAX;
        while (pos < end && out.length() <= limit) {
            char c = text.charAt(pos);
            if (c == file.escape() && isContinuation(text, pos + 1, end)) {
                pos = skipCommentLines(text, nextLine(text, pos), end);
                space = true;
            } else if (c == '\n' || c == '\r' || GoStrings.isSpace(c)) {
                space = true;
                pos++;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
                pos++;
            }
        }
        if (out.length() > limit) {
            out.setLength(limit);
            out.append('…');
        }
        return out.toString();
    }

    /** Where the instruction's own lines end: its first heredoc body starts on the line after them. */
    private static int logicalEnd(Instruction i) {
        int end = i.range().end();
        for (Heredoc h : i.heredocs()) {
            end = Math.min(end, h.bodyRange().start());
        }
        return end;
    }


    /** Only blanks between {@code from} and the line break. */
    private static boolean isContinuation(String text, int from, int end) {
        int p = from;
        while (p < end && (text.charAt(p) == ' ' || text.charAt(p) == '\t')) {
            p++;
        }
        return p >= end || text.charAt(p) == '\n' || text.charAt(p) == '\r';
    }

    private static int nextLine(String text, int from) {
        int nl = text.indexOf('\n', from);
        return nl < 0 ? text.length() : nl + 1;
    }

    /** BuildKit drops comment and blank lines inside a continuation. */
    private static int skipCommentLines(String text, int pos, int end) {
        while (pos < end) {
            int nl = text.indexOf('\n', pos);
            int lineEnd = nl < 0 || nl > end ? end : nl;
            int s = GoStrings.skipSpace(text, pos, lineEnd);
            if (s < lineEnd && text.charAt(s) != '#' && text.charAt(s) != '\r') {
                return pos;
            }
            pos = lineEnd == end ? end : lineEnd + 1;
        }
        return pos;
    }
}

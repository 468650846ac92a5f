package dev.stagesmith.grammar.parse;

import dev.stagesmith.grammar.GoStrings;
import dev.stagesmith.grammar.SyntaxError;
import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.parse.ScannedInstruction.HeredocBody;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * BuildKit's line reader: walks the physical lines of a Dockerfile and finds directives, comments
 * and instructions, joining continuation lines (skipping the comment and blank lines inside them) and
 * reading heredoc bodies. The lexer follows this layout, so the tokens and BuildKit agree on every line.
 */
public final class SourceScanner {

    /** BuildKit reads lines with a 64 KiB buffer; a longer line fails the whole parse. */
    public static final int MAX_LINE_BYTES = 65535;

    /** The layout of a whole file. */
    public record Layout(
            DirectiveScanner.Result directives,
            List<TextRange> comments,
            List<ScannedInstruction> instructions,
            List<SyntaxError> errors) {}

    private final String text;
    private final char escape;
    private final int length;
    /** Built when a heredoc finds no terminator, so that later ones need not read to the end again. */
    private TerminatorIndex terminators;

    private SourceScanner(String text, char escape) {
        this.text = text;
        this.escape = escape;
        this.length = text.length();
    }

    public static Layout scan(String text) {
        DirectiveScanner.Result directives = DirectiveScanner.scan(text);
        SourceScanner s = new SourceScanner(text, directives.escape());
        List<TextRange> comments = new ArrayList<>();
        List<ScannedInstruction> instructions = new ArrayList<>();
        List<SyntaxError> errors = new ArrayList<>(directives.errors());
        s.checkLineLengths(errors);
        int pos = directives.end();
        while (pos < s.length) {
            int contentEnd = s.contentEnd(pos);
            int start = GoStrings.skipSpace(text, pos, contentEnd);
            if (start == contentEnd) {
                pos = s.nextLine(pos);
            } else if (text.charAt(start) == '#') {
                comments.add(TextRange.of(start, contentEnd));
                pos = s.nextLine(pos);
            } else {
                ScannedInstruction in = s.instruction(start, pos);
                instructions.add(in);
                errors.addAll(in.errors());
                pos = in.next();
            }
        }
        if (instructions.isEmpty()) {
            errors.add(new SyntaxError("file with no instructions", TextRange.empty(s.length)));
        }
        return new Layout(directives, comments, instructions, errors);
    }

    /** Offset just after the line break of the line starting at {@code lineStart}. */
    private int nextLine(int lineStart) {
        int nl = text.indexOf('\n', lineStart);
        return nl < 0 ? length : nl + 1;
    }

    /** End of the line's content: before the {@code \n} and any {@code \r} directly in front of it. */
    private int contentEnd(int lineStart) {
        int nl = text.indexOf('\n', lineStart);
        int end = nl < 0 ? length : nl;
        while (end > lineStart && text.charAt(end - 1) == '\r') {
            end--;
        }
        return end;
    }

    /**
     * The escape character that continues the line {@code [from, to)}, or -1: the last character
     * before trailing blanks is the escape and is not itself escaped (or begins the line).
     */
    private int continuation(int from, int to) {
        int p = to - 1;
        while (p >= from && (text.charAt(p) == ' ' || text.charAt(p) == '\t')) {
            p--;
        }
        if (p < from || text.charAt(p) != escape) {
            return -1;
        }
        return p == from || text.charAt(p - 1) != escape ? p : -1;
    }

    private boolean isCommentOrBlank(int lineStart, int contentEnd) {
        int s = GoStrings.skipSpace(text, lineStart, contentEnd);
        return s == contentEnd || text.charAt(s) == '#';
    }

    private ScannedInstruction instruction(int start, int lineStart) {
        LogicalLine.Builder joined = new LogicalLine.Builder();
        int[] continuations = new int[4];
        int nConts = 0;
        List<TextRange> skipped = new ArrayList<>();
        int end = contentEnd(lineStart);
        int cont = continuation(start, end);
        joined.append(text, start, cont < 0 ? end : cont);
        int lineEnd = end;
        int pos = nextLine(lineStart);
        while (cont >= 0) {
            if (nConts == continuations.length) {
                continuations = Arrays.copyOf(continuations, nConts * 2);
            }
            continuations[nConts++] = cont;
            if (pos >= length) {
                break;
            }
            int ce = contentEnd(pos);
            if (isCommentOrBlank(pos, ce)) {
                skipped.add(TextRange.of(pos, ce));
                lineEnd = ce;
                pos = nextLine(pos);
                continue;
            }
            cont = continuation(pos, ce);
            joined.append(text, pos, cont < 0 ? ce : cont);
            lineEnd = ce;
            pos = nextLine(pos);
        }
        LogicalLine line = joined.build(lineEnd);
        RawNode node = LineParser.parse(line, escape);
        List<SyntaxError> errors = new ArrayList<>();
        RawNode.Problem problem = node.errorDeep();
        if (problem != null) {
            TextRange where = problem.to() > problem.from() ? line.sourceRange(problem.from(), problem.to())
                    : TextRange.of(start, lineEnd);
            errors.add(new SyntaxError(problem.message(), where));
        }
        List<HeredocBody> heredocs = new ArrayList<>();
        int instructionEnd = lineEnd;
        boolean open = false;
        for (HeredocMarkers.Marker marker : HeredocMarkers.find(node, line)) {
            HeredocBody body = open ? unterminated(marker, pos) : readHeredoc(marker, pos);
            heredocs.add(body);
            if (!body.terminated()) {
                errors.add(new SyntaxError("unterminated heredoc: no line \"" + marker.name() + "\" ends it",
                        line.sourceRange(marker.from(), marker.to())));
                open = true;
                continue;
            }
            instructionEnd = body.terminator().end();
            pos = nextLine(body.terminator().start());
        }
        return new ScannedInstruction(start, line, node, lineEnd, Arrays.copyOf(continuations, nConts),
                List.copyOf(skipped), List.copyOf(heredocs), instructionEnd, pos, errors);
    }

    /**
     * Reads a heredoc body from {@code from}: every line up to the terminator, unprocessed. Without a
     * terminator the heredoc takes no lines, so the lines after it stay instructions an editor can check.
     */
    private HeredocBody readHeredoc(HeredocMarkers.Marker marker, int from) {
        if (terminators != null) {
            return heredocEndingAt(marker, from, terminators.find(marker.name(), marker.chomp(), from));
        }
        for (int pos = from; pos < length; pos = nextLine(pos)) {
            if (isTerminator(marker, pos)) {
                return heredocEndingAt(marker, from, pos);
            }
        }
        terminators = indexLines(from);
        return unterminated(marker, from);
    }

    private boolean isTerminator(HeredocMarkers.Marker marker, int lineStart) {
        int ce = contentEnd(lineStart);
        int s = lineStart;
        if (marker.chomp()) {
            while (s < ce && text.charAt(s) == '\t') {
                s++;
            }
        }
        return ce - s == marker.name().length() && text.startsWith(marker.name(), s);
    }

    private HeredocBody heredocEndingAt(HeredocMarkers.Marker marker, int from, int terminator) {
        if (terminator < 0) {
            return unterminated(marker, from);
        }
        return new HeredocBody(marker, true, TextRange.of(from, terminator), text.substring(from, terminator),
                TextRange.of(terminator, contentEnd(terminator)));
    }

    /** Scanning never goes back, so the lines from {@code from} on are all that later searches need. */
    private TerminatorIndex indexLines(int from) {
        TerminatorIndex index = new TerminatorIndex();
        for (int pos = from; pos < length; pos = nextLine(pos)) {
            index.add(text.substring(pos, contentEnd(pos)), pos);
        }
        return index;
    }

    private static HeredocBody unterminated(HeredocMarkers.Marker marker, int at) {
        return new HeredocBody(marker, false, TextRange.empty(at), "", TextRange.empty(at));
    }

    private void checkLineLengths(List<SyntaxError> errors) {
        int pos = 0;
        while (pos < length) {
            int next = nextLine(pos);
            int nl = next > pos && text.charAt(next - 1) == '\n' ? next - 1 : next;
            if (nl - pos > MAX_LINE_BYTES / 3 && utf8Length(pos, nl) > MAX_LINE_BYTES) {
                errors.add(new SyntaxError("dockerfile line greater than max allowed size of " + MAX_LINE_BYTES
                        + " bytes: BuildKit will refuse this file; split the line with " + escape + " continuations",
                        TextRange.of(pos, contentEnd(pos))));
            }
            pos = next;
        }
    }

    private int utf8Length(int from, int to) {
        return text.substring(from, to).getBytes(StandardCharsets.UTF_8).length;
    }
}

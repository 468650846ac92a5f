package dev.stagesmith.server.features.folding;

import dev.stagesmith.grammar.LineIndex;
import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.syntax.Comment;
import dev.stagesmith.grammar.syntax.Heredoc;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.server.workspace.DocumentSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeCapabilities;
import org.eclipse.lsp4j.FoldingRangeKind;

/**
 * {@code textDocument/foldingRange}: each stage (its FROM to its last instruction), each instruction on
 * more than one line, each heredoc body, each run of comment lines and the parser directives. At most one
 * range starts on a line (the widest), as clients show one fold marker per line.
 */
public final class FoldingService {

    /** A fold before conversion: zero-based lines, kind or null. */
    private record Fold(int start, int end, String kind) {}

    private FoldingService() {}

    public static List<FoldingRange> ranges(DocumentSnapshot snapshot, ClientCapabilities client) {
        ParsedDockerfile file = snapshot.parsed();
        LineIndex lines = file.lines();
        List<Fold> folds = new ArrayList<>();
        for (Stage s : snapshot.graph().stages()) {
            add(folds, lines, s.range(), null);
        }
        for (Instruction i : file.instructions()) {
            add(folds, lines, i.range(), null);
            for (Heredoc h : i.heredocs()) {
                heredoc(folds, lines, h);
            }
        }
        comments(folds, lines, file.comments());
        if (!file.directives().isEmpty()) {
            TextRange first = file.directives().get(0).range();
            TextRange last = file.directives().get(file.directives().size() - 1).range();
            add(folds, lines, first.union(last), FoldingRangeKind.Comment);
        }
        return convert(file, onePerLine(folds), capabilities(client));
    }

    /** A fold over the lines of {@code range}, when it has more than one. */
    private static void add(List<Fold> folds, LineIndex lines, TextRange range, String kind) {
        int start = lines.line(range.start());
        int end = lines.line(Math.max(range.start(), range.end() - 1));
        if (end > start) {
            folds.add(new Fold(start, end, kind));
        }
    }

    /** From the first body line to the terminator, when the body has at least two lines to hide. */
    private static void heredoc(List<Fold> folds, LineIndex lines, Heredoc h) {
        if (!h.terminated()) {
            return;
        }
        int body = lines.line(h.bodyRange().start());
        int terminator = lines.line(h.terminatorRange().start());
        if (terminator - body >= 2) {
            folds.add(new Fold(body, terminator, null));
        }
    }

    private static void comments(List<Fold> folds, LineIndex lines, List<Comment> comments) {
        int runStart = -1;
        int previous = -2;
        for (Comment c : comments) {
            int line = lines.line(c.range().start());
            if (line != previous + 1) {
                if (previous > runStart && runStart >= 0) {
                    folds.add(new Fold(runStart, previous, FoldingRangeKind.Comment));
                }
                runStart = line;
            }
            previous = line;
        }
        if (previous > runStart && runStart >= 0) {
            folds.add(new Fold(runStart, previous, FoldingRangeKind.Comment));
        }
    }


    private static List<Fold> onePerLine(List<Fold> folds) {
        folds.sort(Comparator.comparingInt(Fold::start).thenComparing(Comparator.comparingInt(Fold::end).reversed()));
        List<Fold> out = new ArrayList<>(folds.size());
        for (Fold f : folds) {
            if (out.isEmpty() || out.get(out.size() - 1).start() != f.start()) {
                out.add(f);
            }
        }
        return out;
    }

    private static FoldingRangeCapabilities capabilities(ClientCapabilities client) {
        if (client == null || client.getTextDocument() == null || client.getTextDocument().getFoldingRange() == null) {
            return new FoldingRangeCapabilities();
        }
        return client.getTextDocument().getFoldingRange();
    }

    /** LSP ranges; with columns (the ends of the first and last lines) unless the client folds whole lines only. */
    private static List<FoldingRange> convert(ParsedDockerfile file, List<Fold> folds, FoldingRangeCapabilities caps) {
        boolean linesOnly = Boolean.TRUE.equals(caps.getLineFoldingOnly());
        int limit = caps.getRangeLimit() == null || caps.getRangeLimit() < 0 ? Integer.MAX_VALUE : caps.getRangeLimit();
        LineIndex lines = file.lines();
        List<FoldingRange> out = new ArrayList<>(Math.min(folds.size(), limit));
        for (Fold f : folds) {
            if (out.size() >= limit) {
                break;
            }
            FoldingRange r = new FoldingRange(f.start(), f.end());
            r.setKind(f.kind());
            if (!linesOnly) {
                r.setStartCharacter(lines.lineEnd(f.start(), file.text()) - lines.lineStart(f.start()));
                r.setEndCharacter(lines.lineEnd(f.end(), file.text()) - lines.lineStart(f.end()));
            }
            out.add(r);
        }
        return out;
    }
}

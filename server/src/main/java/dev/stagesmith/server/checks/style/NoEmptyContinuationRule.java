package dev.stagesmith.server.checks.style;

import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.syntax.Add;
import dev.stagesmith.grammar.syntax.Copy;
import dev.stagesmith.grammar.syntax.Heredoc;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.OnBuild;
import dev.stagesmith.grammar.syntax.Run;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Findings;
import dev.stagesmith.server.checks.Fix;
import dev.stagesmith.server.checks.Rule;
import dev.stagesmith.server.checks.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * Blank lines inside a continued instruction (BuildKit's NoEmptyContinuation): BuildKit skips them today
 * and has announced it will reject them. Heredoc bodies are not continuation lines and may be blank.
 */
public final class NoEmptyContinuationRule implements Rule {

    @Override
    public String code() {
        return "NoEmptyContinuation";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public String summary() {
        return "Empty continuation lines will become errors in a future release";
    }

    @Override
    public void check(CheckInput input, Findings out) {
        SourceLines lines = new SourceLines(input.file());
        String text = input.text();
        for (Instruction i : input.file().instructions()) {
            if (i.range().isEmpty() || heredocs(i).stream().anyMatch(h -> !h.terminated())) {
                // An unterminated heredoc stops BuildKit before any check runs.
                continue;
            }
            List<TextRange> heredocLines = heredocLines(i);
            int first = lines.line(i.range().start());
            int last = lines.lastLine(i.range());
            for (int line = first + 1; line <= last; line++) {
                if (lines.isBlank(line) && !inHeredoc(lines.withBreak(line), heredocLines)) {
                    report(lines, line, out);
                }
            }
            // A continuation on the last line before the end of the file swallows the blank lines after it.
            char end = text.charAt(i.range().end() - 1);
            if (end == '\n' || end == '\r') {
                for (int line = last + 1; lines.exists(line); line++) {
                    if (lines.isBlank(line)) {
                        report(lines, line, out);
                    }
                }
            }
        }
    }

    private static void report(SourceLines lines, int line, Findings out) {
        TextRange whole = lines.withBreak(line);
        out.report(whole, "Empty continuation line", Fix.delete("Delete the empty line", whole));
    }

    private static List<TextRange> heredocLines(Instruction i) {
        List<TextRange> out = new ArrayList<>();
        for (Heredoc h : heredocs(i)) {
            if (h.terminated()) {
                out.add(h.bodyRange().union(h.terminatorRange()));
            }
        }
        return out;
    }

    private static List<Heredoc> heredocs(Instruction i) {
        if (i instanceof OnBuild o) {
            return o.trigger().map(NoEmptyContinuationRule::heredocs).orElse(List.of());
        }
        return i instanceof Run r ? r.heredocs() : i instanceof Copy c ? c.heredocs()
                : i instanceof Add a ? a.heredocs() : List.of();
    }

    private static boolean inHeredoc(TextRange line, List<TextRange> heredocLines) {
        for (TextRange h : heredocLines) {
            if (h.contains(line.start())) {
                return true;
            }
        }
        return false;
    }
}

package dev.stagesmith.server.features.completion;

import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.syntax.From;
import dev.stagesmith.grammar.syntax.Heredoc;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.OnBuild;
import dev.stagesmith.grammar.syntax.Word;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Completion inside an instruction: its keyword, an ONBUILD trigger, a heredoc body, or the flags and
 * arguments after the keyword.
 */
final class InstructionCompletions {

    private InstructionCompletions() {}

    static void complete(Cursor c, Instruction in, Items items) {
        List<Heredoc> heredocs = in.heredocs();
        if (!heredocs.isEmpty() && c.line(c.offset()) > markerLine(c, heredocs)) {
            heredocAt(c, heredocs).ifPresent(h -> VariableCompletions.inHeredoc(c, in, h, items));
            return;
        }
        if (c.lineStart() > in.range().start() && c.linePrefix().stripLeading().startsWith("#")) {
            return; // a comment line inside a continuation
        }
        if (c.offset() <= in.keyword().range().end()) {
            keyword(c, in, in.keyword(), firstFrom(c, in) ? KeywordCompletions.PREAMBLE : KeywordCompletions.ALL, items);
            return;
        }
        Instruction target = in;
        if (in instanceof OnBuild ob) {
            if (ob.trigger().isEmpty()) {
                if (KeywordCompletions.isKeywordPrefix(c.typed())) {
                    KeywordCompletions.complete(c, c.typedRange(), KeywordCompletions.TRIGGERS, true, items);
                }
                return;
            }
            target = ob.trigger().get();
            if (c.offset() <= target.keyword().range().end()) {
                keyword(c, in, target.keyword(), KeywordCompletions.TRIGGERS, items);
                return;
            }
        }
        ArgumentCompletions.complete(c, target, items);
    }

    /** Keywords over the one being typed; with only blanks after it, as on a fresh line. */
    private static void keyword(Cursor c, Instruction in, Word keyword, Predicate<String> allowed, Items items) {
        if (c.wordStart() != keyword.range().start() || !KeywordCompletions.isKeywordPrefix(c.typed())) {
            return;
        }
        boolean fresh = c.offset() == keyword.range().end() && c.blankAfter(in.range().end());
        TextRange replace = fresh ? c.typedRange() : keyword.range();
        KeywordCompletions.complete(c, replace, allowed, fresh, items);
    }

    /** Whether {@code in} is the first FROM, so that replacing its keyword comes before any stage. */
    private static boolean firstFrom(Cursor c, Instruction in) {
        return c.stage() == null || (in instanceof From && c.stage().index() == 0 && c.stage().from() == in);
    }

    private static int markerLine(Cursor c, List<Heredoc> heredocs) {
        int line = 0;
        for (Heredoc h : heredocs) {
            line = Math.max(line, c.line(h.markerRange().start()));
        }
        return line;
    }

    /** The heredoc whose body holds the cursor; an unterminated one runs to the end of the file. */
    private static Optional<Heredoc> heredocAt(Cursor c, List<Heredoc> heredocs) {
        for (Heredoc h : heredocs) {
            if (h.terminated() && h.bodyRange().touches(c.offset()) && c.offset() < h.terminatorRange().start()) {
                return Optional.of(h);
            }
            if (!h.terminated()) {
                return Optional.of(h);
            }
        }
        return Optional.empty();
    }
}

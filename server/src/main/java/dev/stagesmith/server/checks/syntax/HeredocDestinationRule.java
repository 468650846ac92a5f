package dev.stagesmith.server.checks.syntax;

import dev.stagesmith.grammar.syntax.Add;
import dev.stagesmith.grammar.syntax.Copy;
import dev.stagesmith.grammar.syntax.Heredoc;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.Word;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Findings;
import dev.stagesmith.server.checks.Severity;
import java.util.List;
import java.util.Optional;

/** COPY or ADD whose last argument, the destination, is a heredoc: BuildKit refuses it when typing. */
public final class HeredocDestinationRule extends SyntaxRule {

    public HeredocDestinationRule() {
        super("heredoc-destination", Severity.ERROR, "The destination of COPY or ADD is a heredoc");
    }

    @Override
    public void check(CheckInput input, Findings out) {
        for (Instruction i : Instructions.withTriggers(input.file().instructions())) {
            if (i instanceof Copy c) {
                check(i, c.destination(), c.heredocs(), out);
            } else if (i instanceof Add a) {
                check(i, a.destination(), a.heredocs(), out);
            }
        }
    }

    private static void check(Instruction i, Optional<Word> destination, List<Heredoc> heredocs, Findings out) {
        if (destination.isEmpty()) {
            return;
        }
        Word dest = destination.get();
        if (heredocs.stream().anyMatch(h -> h.markerRange().equals(dest.range()))) {
            out.report(dest.range(), i.name() + " cannot accept a heredoc as a destination: the last argument must be"
                    + " the path to write to");
        }
    }
}

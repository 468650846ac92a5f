package dev.stagesmith.server.checks.syntax;

import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.Volume;
import dev.stagesmith.grammar.syntax.Word;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Findings;
import dev.stagesmith.server.checks.Severity;

/** A VOLUME path that is empty or only blanks ({@code VOLUME ["", "/data"]}), which BuildKit refuses. */
public final class EmptyVolumeRule extends SyntaxRule {

    public EmptyVolumeRule() {
        super("empty-volume", Severity.ERROR, "A VOLUME path is an empty string");
    }

    @Override
    public void check(CheckInput input, Findings out) {
        for (Instruction i : Instructions.withTriggers(input.file().instructions())) {
            if (i instanceof Volume v) {
                for (Word w : v.paths()) {
                    if (w.value().isBlank()) {
                        out.report(w.range(), "VOLUME specified can not be an empty string");
                    }
                }
            }
        }
    }
}

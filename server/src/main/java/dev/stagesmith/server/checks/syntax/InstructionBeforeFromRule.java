package dev.stagesmith.server.checks.syntax;

import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.Unknown;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Findings;
import dev.stagesmith.server.checks.Severity;

/**
 * An instruction other than ARG before the first FROM: it belongs to no stage and BuildKit stops at it.
 * Only reported when a FROM follows ({@code no-from} covers files without one); unknown keywords are
 * {@code unknown-instruction}'s.
 */
public final class InstructionBeforeFromRule extends SyntaxRule {

    public InstructionBeforeFromRule() {
        super("instruction-before-from", Severity.ERROR, "An instruction other than ARG before the first FROM");
    }

    @Override
    public void check(CheckInput input, Findings out) {
        if (input.graph().stages().isEmpty()) {
            return;
        }
        for (Instruction i : input.graph().preamble()) {
            if (!(i instanceof Unknown)) {
                out.report(i.keyword().range(), "no build stage in current context: " + i.name()
                        + " must come after a FROM (only ARG may come before the first FROM)");
            }
        }
    }
}

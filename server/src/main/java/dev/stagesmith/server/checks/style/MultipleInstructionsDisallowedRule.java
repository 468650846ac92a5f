package dev.stagesmith.server.checks.style;

import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.syntax.Cmd;
import dev.stagesmith.grammar.syntax.Entrypoint;
import dev.stagesmith.grammar.syntax.Healthcheck;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Finding;
import dev.stagesmith.server.checks.Findings;
import dev.stagesmith.server.checks.Fix;
import dev.stagesmith.server.checks.Rule;
import dev.stagesmith.server.checks.Severity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A CMD, ENTRYPOINT or HEALTHCHECK that a later one of the same stage overrides (BuildKit's
 * MultipleInstructionsDisallowed). The earlier one is reported: it is the one that has no effect.
 */
public final class MultipleInstructionsDisallowedRule implements Rule {

    @Override
    public String code() {
        return "MultipleInstructionsDisallowed";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public String summary() {
        return "Multiple instructions of the same type should not be used in the same stage";
    }

    @Override
    public void check(CheckInput input, Findings out) {
        SourceLines lines = new SourceLines(input.file());
        for (Stage stage : input.graph().stages()) {
            // Per stage only: a stage built on another may override its CMD on purpose.
            Map<Class<?>, Instruction> last = new HashMap<>();
            for (Instruction i : stage.instructions()) {
                if (i instanceof Cmd || i instanceof Entrypoint || i instanceof Healthcheck) {
                    Instruction earlier = last.put(i.getClass(), i);
                    if (earlier != null) {
                        // Removing the overridden one leaves the image config as it was: a later CMD or
                        // ENTRYPOINT of the stage replaces it whatever came in between.
                        Fix remove = Fix.delete("Remove the overridden " + earlier.keyword().value(),
                                lines.wholeLines(earlier.range()));
                        out.report(earlier.range(), "Multiple " + i.keyword().value()
                                + " instructions should not be used in the same stage because only the last one will"
                                + " be used", Set.of(Finding.Tag.UNNECESSARY), List.of(remove));
                    }
                }
            }
        }
    }
}

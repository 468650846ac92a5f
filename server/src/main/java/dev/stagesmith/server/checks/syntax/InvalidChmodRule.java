package dev.stagesmith.server.checks.syntax;

import dev.stagesmith.grammar.syntax.Add;
import dev.stagesmith.grammar.syntax.Copy;
import dev.stagesmith.grammar.syntax.Flag;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Findings;
import dev.stagesmith.server.checks.Severity;

/** A {@code --chmod} value BuildKit cannot read; values with variables are left to the build. */
public final class InvalidChmodRule extends SyntaxRule {

    public InvalidChmodRule() {
        super("invalid-chmod", Severity.ERROR, "A --chmod value that is neither an octal nor a symbolic mode");
    }

    @Override
    public void check(CheckInput input, Findings out) {
        for (Instruction i : Instructions.withTriggers(input.file().instructions())) {
            if (!(i instanceof Copy || i instanceof Add)) {
                continue;
            }
            for (Flag f : i.flags("chmod")) {
                String value = f.value().orElse("");
                if (value.contains("$")) {
                    continue;
                }
                ChmodSyntax.problem(value).ifPresent(p -> out.report(f.valueRange(), p));
            }
        }
    }
}

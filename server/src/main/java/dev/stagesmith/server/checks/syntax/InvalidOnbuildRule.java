package dev.stagesmith.server.checks.syntax;

import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.OnBuild;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Findings;
import dev.stagesmith.server.checks.Fix;
import dev.stagesmith.server.checks.Severity;
import java.util.Locale;

/** ONBUILD wrapping ONBUILD, FROM or MAINTAINER, which BuildKit refuses when it types the ONBUILD. */
public final class InvalidOnbuildRule extends SyntaxRule {

    public InvalidOnbuildRule() {
        super("invalid-onbuild", Severity.ERROR, "ONBUILD wraps an instruction that cannot be a trigger");
    }

    @Override
    public void check(CheckInput input, Findings out) {
        for (Instruction i : Instructions.withTriggers(input.file().instructions())) {
            if (!(i instanceof OnBuild ob) || ob.trigger().isEmpty()) {
                continue;
            }
            Instruction trigger = ob.trigger().get();
            String name = trigger.keyword().value().toUpperCase(Locale.ROOT);
            switch (name) {
                case "ONBUILD" -> out.report(trigger.keyword().range(),
                        "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed",
                        Fix.delete("Remove the extra ONBUILD",
                                Instructions.withTrailingBlanks(input.text(), trigger.keyword().range())));
                case "FROM", "MAINTAINER" -> out.report(trigger.keyword().range(),
                        name + " isn't allowed as an ONBUILD trigger");
                default -> { }
            }
        }
    }
}

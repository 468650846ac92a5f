package dev.stagesmith.server.checks.syntax;

import dev.stagesmith.grammar.reference.InstructionReference.FlagInfo;
import dev.stagesmith.grammar.syntax.Flag;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Findings;
import dev.stagesmith.server.checks.Fix;
import dev.stagesmith.server.checks.Severity;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** A flag given twice; only {@code --mount}, {@code --device} and {@code --exclude} may repeat. */
public final class DuplicateFlagRule extends SyntaxRule {

    public DuplicateFlagRule() {
        super("duplicate-flag", Severity.ERROR, "A flag that may appear once is given again");
    }

    @Override
    public void check(CheckInput input, Findings out) {
        for (Instructions.WithFlags w : Instructions.withParsedFlags(input.file().instructions())) {
            Set<String> seen = new HashSet<>();
            for (Flag f : w.instruction().flags()) {
                Optional<FlagInfo> known = w.info().flag(f.name());
                if (known.isEmpty() || known.get().repeatable()) {
                    continue;
                }
                if (!seen.add(f.name())) {
                    out.report(f.range(), "duplicate flag specified: --" + f.name(),
                            Fix.delete("Remove this --" + f.name(),
                                    Instructions.withTrailingBlanks(input.text(), f.range())));
                }
            }
        }
    }
}

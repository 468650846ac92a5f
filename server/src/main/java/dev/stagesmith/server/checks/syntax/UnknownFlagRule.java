package dev.stagesmith.server.checks.syntax;

import dev.stagesmith.grammar.ClosestMatch;
import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.reference.InstructionReference.InstructionInfo;
import dev.stagesmith.grammar.syntax.Flag;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Findings;
import dev.stagesmith.server.checks.Fix;
import dev.stagesmith.server.checks.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A builder flag the instruction does not have ({@code COPY --form=build}): BuildKit stops at it. */
public final class UnknownFlagRule extends SyntaxRule {

    public UnknownFlagRule() {
        super("unknown-flag", Severity.ERROR, "A flag the instruction does not accept");
    }

    @Override
    public void check(CheckInput input, Findings out) {
        for (Instructions.WithFlags w : Instructions.withParsedFlags(input.file().instructions())) {
            for (Flag f : w.instruction().flags()) {
                if (w.info().flag(f.name()).isEmpty()) {
                    report(input.text(), w.instruction(), w.info(), f, out);
                }
            }
        }
    }

    private static void report(String text, Instruction i, InstructionInfo info, Flag f, Findings out) {
        TextRange name = TextRange.of(f.range().start(), Math.max(f.range().start(), f.nameRange().end()));
        String message = "unknown flag: --" + f.name();
        List<Fix> fixes = new ArrayList<>();
        Optional<String> match = ClosestMatch.find(f.name(), info.flagNames());
        if (match.isPresent()) {
            message += " (did you mean --" + match.get() + "?)";
            fixes.add(Fix.replace("Change to --" + match.get(), f.nameRange(), match.get()));
        } else if (info.flags().isEmpty()) {
            message += " (" + i.name() + " accepts no flags)";
        } else {
            message += " (" + i.name() + " accepts " + String.join(", ",
                    info.flags().stream().map(fl -> fl.text()).toList()) + ")";
        }
        fixes.add(Fix.delete("Remove --" + f.name(), Instructions.withTrailingBlanks(text, f.range())));
        out.report(name, message, Set.of(), fixes);
    }
}

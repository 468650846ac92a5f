package dev.stagesmith.server.checks.syntax;

import dev.stagesmith.grammar.ClosestMatch;
import dev.stagesmith.grammar.reference.InstructionReference;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.Unknown;
import dev.stagesmith.grammar.syntax.Word;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Findings;
import dev.stagesmith.server.checks.Fix;
import dev.stagesmith.server.checks.Severity;
import java.util.Optional;

/** A keyword that is no Dockerfile instruction: BuildKit stops with {@code unknown instruction: X}. */
public final class UnknownInstructionRule extends SyntaxRule {

    public UnknownInstructionRule() {
        super("unknown-instruction", Severity.ERROR, "A keyword that is not a Dockerfile instruction");
    }

    @Override
    public void check(CheckInput input, Findings out) {
        for (Instruction i : Instructions.withTriggers(input.file().instructions())) {
            if (!(i instanceof Unknown)) {
                continue;
            }
            Word keyword = i.keyword();
            Optional<String> match = ClosestMatch.find(keyword.value(), InstructionReference.names());
            String message = "unknown instruction: " + keyword.value();
            if (match.isPresent()) {
                String suggestion = Instructions.matchCase(match.get(), keyword.value());
                out.report(keyword.range(), message + " (did you mean " + suggestion + "?)",
                        Fix.replace("Change to " + suggestion, keyword.range(), suggestion));
            } else {
                out.report(keyword.range(), message);
            }
        }
    }
}

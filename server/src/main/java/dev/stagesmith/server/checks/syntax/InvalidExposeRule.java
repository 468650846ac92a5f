package dev.stagesmith.server.checks.syntax;

import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.expand.ExpansionException;
import dev.stagesmith.grammar.expand.Expander;
import dev.stagesmith.grammar.syntax.Expose;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.Word;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Findings;
import dev.stagesmith.server.checks.Severity;
import java.util.List;

/**
 * EXPOSE words BuildKit's port parser refuses: non-numeric or out-of-range ports, reversed ranges,
 * unknown protocols. Words with variables are expanded by the build and are left alone.
 */
public final class InvalidExposeRule extends SyntaxRule {

    public InvalidExposeRule() {
        super("invalid-expose", Severity.ERROR, "An EXPOSE port or protocol that BuildKit cannot parse");
    }

    @Override
    public void check(CheckInput input, Findings out) {
        for (Instruction i : Instructions.withTriggers(input.file().instructions())) {
            if (!(i instanceof Expose e)) {
                continue;
            }
            for (Word w : e.ports()) {
                if (!w.value().contains("$")) {
                    check(w, input.text(), input.file().escape(), out);
                }
            }
        }
    }

    private static void check(Word w, String text, char escape, Findings out) {
        List<String> specs;
        try {
            specs = Expander.words(w.value(), Expander.Variables.NONE, Expander.Options.standard(escape));
        } catch (ExpansionException e) {
            return;
        }
        boolean literal = specs.size() == 1 && specs.get(0).equals(w.value()) && w.range().of(text).equals(w.value());
        for (String spec : specs) {
            PortSpec.check(spec).ifPresent(p -> {
                TextRange at = w.range();
                if (literal && p.to() > p.from()) {
                    at = TextRange.of(w.range().start() + p.from(), w.range().start() + p.to());
                }
                out.report(at, p.message());
            });
        }
    }
}

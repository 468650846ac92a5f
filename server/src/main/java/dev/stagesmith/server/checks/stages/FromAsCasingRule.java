package dev.stagesmith.server.checks.stages;

import dev.stagesmith.grammar.syntax.From;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.Word;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Findings;
import dev.stagesmith.server.checks.Fix;
import dev.stagesmith.server.checks.Rule;
import dev.stagesmith.server.checks.Severity;
import java.util.Locale;

/**
 * BuildKit's FromAsCasing check: {@code FROM x as y} or {@code from x AS y}. A FROM keyword in mixed
 * case is left to the instruction-casing check, as BuildKit does.
 */
public final class FromAsCasingRule implements Rule {

    @Override
    public String code() {
        return "FromAsCasing";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public String summary() {
        return "The 'as' keyword should match the case of the 'from' keyword";
    }

    @Override
    public void check(CheckInput input, Findings out) {
        for (Instruction i : input.file().instructions()) {
            if (!(i instanceof From f) || f.args().size() < 3 || f.asKeyword().isEmpty()) {
                continue;
            }
            String from = f.keyword().value();
            Word as = f.asKeyword().get();
            String lower = from.toLowerCase(Locale.ROOT);
            String upper = from.toUpperCase(Locale.ROOT);
            String wanted;
            if (from.equals(lower)) {
                wanted = as.value().toLowerCase(Locale.ROOT);
            } else if (from.equals(upper)) {
                wanted = as.value().toUpperCase(Locale.ROOT);
            } else {
                continue;
            }
            if (!as.value().equals(wanted)) {
                out.report(as.range(), "'" + as.value() + "' and '" + from + "' keywords' casing do not match",
                        Fix.replace("Change '" + as.value() + "' to '" + wanted + "'", as.range(), wanted));
            }
        }
    }
}

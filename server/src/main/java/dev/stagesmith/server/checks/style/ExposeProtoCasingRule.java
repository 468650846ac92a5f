package dev.stagesmith.server.checks.style;

import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Findings;
import dev.stagesmith.server.checks.Fix;
import dev.stagesmith.server.checks.Rule;
import dev.stagesmith.server.checks.Severity;
import java.util.Locale;

/** An EXPOSE protocol not in lower case, {@code 80/TCP} (BuildKit's ExposeProtoCasing). */
public final class ExposeProtoCasingRule implements Rule {

    @Override
    public String code() {
        return "ExposeProtoCasing";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public String summary() {
        return "Protocol in EXPOSE instruction should be lowercase";
    }

    @Override
    public void check(CheckInput input, Findings out) {
        for (ExposedPorts.Port p : ExposedPorts.of(input.graph())) {
            String proto = p.spec().proto();
            String lower = proto.toLowerCase(Locale.ROOT);
            if (proto.equals(lower)) {
                continue;
            }
            String message = "Defined protocol '" + p.spec().raw() + "' in EXPOSE instruction should be lowercase";
            if (p.literal()) {
                TextRange word = p.word().range();
                TextRange range = TextRange.of(word.end() - proto.length(), word.end());
                out.report(range, message, Fix.replace("Change '" + proto + "' to '" + lower + "'", range, lower));
            } else {
                out.report(p.word().range(), message);
            }
        }
    }
}

package dev.stagesmith.server.checks.syntax;

import dev.stagesmith.grammar.GoQuoting;
import dev.stagesmith.grammar.syntax.Flag;
import dev.stagesmith.grammar.syntax.Healthcheck;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.Word;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Findings;
import dev.stagesmith.server.checks.Fix;
import dev.stagesmith.server.checks.Severity;
import java.util.Locale;
import java.util.Set;

/**
 * HEALTHCHECK options BuildKit refuses: durations Go cannot parse or that are below 1ms (zero means
 * "default"), retries that are not a non-negative 32-bit integer, and a type other than CMD or NONE.
 * BuildKit does not expand variables in these options, so {@code $} is taken literally here too.
 */
public final class InvalidHealthcheckRule extends SyntaxRule {

    private static final Set<String> DURATIONS = Set.of("interval", "timeout", "start-period", "start-interval");
    private static final long MILLISECOND = 1_000_000L;

    public InvalidHealthcheckRule() {
        super("invalid-healthcheck", Severity.ERROR, "A HEALTHCHECK option or type BuildKit does not accept");
    }

    @Override
    public void check(CheckInput input, Findings out) {
        for (Instruction i : Instructions.withTriggers(input.file().instructions())) {
            if (i instanceof Healthcheck h && h.type().isPresent() && !Instructions.isNone(h)) {
                check(h, out);
            }
        }
    }

    private static void check(Healthcheck h, Findings out) {
        Word type = h.type().get();
        if (!type.value().toUpperCase(Locale.ROOT).equals("CMD")) {
            out.report(type.range(), "Unknown type " + GoQuoting.quote(type.value().toUpperCase(Locale.ROOT))
                    + " in HEALTHCHECK (try CMD)",
                    Fix.insert("Insert CMD before '" + type.value() + "'", type.range().start(),
                            Instructions.matchCase("CMD", h.keyword().value()) + " "));
        }
        for (Flag f : h.flags()) {
            if (f.value().isEmpty() || f.value().get().isEmpty()) {
                continue;
            }
            String value = f.value().get();
            if (DURATIONS.contains(f.name())) {
                duration(f, value, out);
            } else if (f.name().equals("retries")) {
                retries(f, value, out);
            }
        }
    }

    private static void duration(Flag f, String value, Findings out) {
        GoDuration.Result d = GoDuration.parse(value);
        if (!d.ok()) {
            out.report(f.valueRange(), d.error() + " in --" + f.name());
        } else if (d.nanos() != 0 && d.nanos() < MILLISECOND) {
            out.report(f.valueRange(), "Interval " + GoQuoting.quote(f.name()) + " cannot be less than 1ms");
        }
    }

    private static void retries(Flag f, String value, Findings out) {
        String quoted = GoQuoting.quote(value);
        if (!value.matches("[+-]?[0-9]+")) {
            out.report(f.valueRange(), "strconv.ParseInt: parsing " + quoted + ": invalid syntax (--retries takes a"
                    + " whole number)");
            return;
        }
        long n;
        try {
            n = Long.parseLong(value.startsWith("+") ? value.substring(1) : value);
        } catch (NumberFormatException e) {
            n = Long.MAX_VALUE;
        }
        if (n > Integer.MAX_VALUE || n < Integer.MIN_VALUE) {
            out.report(f.valueRange(), "strconv.ParseInt: parsing " + quoted + ": value out of range");
        } else if (n < 0) {
            out.report(f.valueRange(), "--retries cannot be negative (" + n + ")");
        }
    }
}

package dev.stagesmith.server.checks.syntax;

import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.reference.InstructionReference.FlagInfo;
import dev.stagesmith.grammar.reference.InstructionReference.FlagKind;
import dev.stagesmith.grammar.syntax.Flag;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Findings;
import dev.stagesmith.server.checks.Fix;
import dev.stagesmith.server.checks.Severity;
import java.util.Locale;

/**
 * A flag whose value BuildKit's flag parser refuses: a value flag without {@code =value}
 * ({@code COPY --from a b}), or a boolean flag with an empty value or one other than true and false.
 */
public final class FlagMissingValueRule extends SyntaxRule {

    public FlagMissingValueRule() {
        super("flag-missing-value", Severity.ERROR, "A flag lacks its value, or a boolean flag has a bad one");
    }

    @Override
    public void check(CheckInput input, Findings out) {
        for (Instructions.WithFlags w : Instructions.withParsedFlags(input.file().instructions())) {
            for (Flag f : w.instruction().flags()) {
                w.info().flag(f.name()).ifPresent(known -> check(known, f, out));
            }
        }
    }

    private static void check(FlagInfo known, Flag f, Findings out) {
        String flag = "--" + f.name();
        if (known.kind() != FlagKind.BOOL) {
            if (f.value().isEmpty()) {
                out.report(f.range(), "missing a value on flag: " + flag + " (write " + flag + "=<value>)");
            }
            return;
        }
        if (f.value().isEmpty()) {
            return;
        }
        String value = f.value().get();
        TextRange equalsAndValue = TextRange.of(f.nameRange().end(), f.range().end());
        if (value.isEmpty()) {
            out.report(f.range(), "missing a value on flag: " + flag,
                    Fix.delete("Remove the '='", equalsAndValue));
        } else if (!value.toLowerCase(Locale.ROOT).equals("true") && !value.toLowerCase(Locale.ROOT).equals("false")) {
            out.report(f.valueRange(), "expecting boolean value for flag " + flag + ", not: " + value,
                    Fix.replace("Change to " + flag, equalsAndValue, ""),
                    Fix.replace("Change to " + flag + "=false", f.valueRange(), "false"));
        }
    }
}

package dev.stagesmith.server.checks.style;

import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.Unknown;
import dev.stagesmith.grammar.syntax.Word;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Findings;
import dev.stagesmith.server.checks.Fix;
import dev.stagesmith.server.checks.Rule;
import dev.stagesmith.server.checks.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Instruction keywords in mixed case, or in the minority casing of the file (BuildKit's ConsistentInstructionCasing). */
public final class ConsistentInstructionCasingRule implements Rule {

    @Override
    public String code() {
        return "ConsistentInstructionCasing";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public String summary() {
        return "All commands within the Dockerfile should use the same casing (either upper or lower)";
    }

    @Override
    public void check(CheckInput input, Findings out) {
        // BuildKit counts the FROM keywords and the instructions of stages; global ARGs are not looked at.
        List<Word> keywords = new ArrayList<>();
        for (Stage stage : input.graph().stages()) {
            keywords.add(stage.from().keyword());
            for (Instruction i : stage.instructions()) {
                if (!(i instanceof Unknown)) {
                    keywords.add(i.keyword());
                }
            }
        }
        int lower = 0;
        int upper = 0;
        for (Word k : keywords) {
            if (k.value().equals(lowerCase(k))) {
                lower++;
            } else if (k.value().equals(upperCase(k))) {
                upper++;
            }
        }
        boolean majorityLower = lower > upper;
        for (Word k : keywords) {
            String wanted = majorityLower ? lowerCase(k) : upperCase(k);
            if (!k.value().equals(wanted)) {
                out.report(k.range(), "Command '" + k.value() + "' should match the case of the command majority ("
                        + (majorityLower ? "lowercase" : "uppercase") + ")",
                        Fix.replace("Change '" + k.value() + "' to '" + wanted + "'", k.range(), wanted));
            }
        }
    }

    private static String lowerCase(Word w) {
        return w.value().toLowerCase(Locale.ROOT);
    }

    private static String upperCase(Word w) {
        return w.value().toUpperCase(Locale.ROOT);
    }
}

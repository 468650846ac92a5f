package dev.stagesmith.server.checks;

import dev.stagesmith.server.checks.stages.StageRules;
import dev.stagesmith.server.checks.style.StyleRules;
import dev.stagesmith.server.checks.syntax.SyntaxRules;
import dev.stagesmith.server.checks.variables.VariableRules;
import java.util.ArrayList;
import java.util.List;

/** Every rule Stagesmith has, by group; {@code docs/checks.md} has one entry per rule. */
public final class Rules {

    private Rules() {}

    public static List<Rule> all() {
        List<Rule> all = new ArrayList<>();
        all.addAll(SyntaxRules.all());
        all.addAll(StageRules.all());
        all.addAll(VariableRules.all());
        all.addAll(StyleRules.all());
        return List.copyOf(all);
    }
}

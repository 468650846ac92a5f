package dev.stagesmith.server.checks.stages;

import dev.stagesmith.server.checks.Rule;
import java.util.List;

/** Stage rules: names, references between stages, cycles and unused stages. */
public final class StageRules {

    private StageRules() {}

    public static List<Rule> all() {
        return List.of();
    }
}

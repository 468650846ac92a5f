package dev.stagesmith.server.checks.stages;

import dev.stagesmith.server.checks.Rule;
import java.util.List;

/** Stage rules: names, references between stages, cycles and unused stages. */
public final class StageRules {

    private StageRules() {}

    public static List<Rule> all() {
        return List.of(
                new InvalidStageNameRule(),
                new ReservedStageNameRule(),
                new DuplicateStageNameRule(),
                new StageNameCasingRule(),
                new FromAsCasingRule(),
                new UnknownStageReferenceRule(),
                new ForwardStageReferenceRule(),
                new SelfStageReferenceRule(),
                new StageIndexOutOfRangeRule(),
                new VariableInFromFlagRule(),
                new FromStageCaseMismatchRule(),
                new StageCycleRule(),
                new UnusedStageRule(),
                new CopyEntireStageRule());
    }
}

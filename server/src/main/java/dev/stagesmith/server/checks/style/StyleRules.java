package dev.stagesmith.server.checks.style;

import dev.stagesmith.server.checks.Rule;
import java.util.List;

/** BuildKit's remaining build checks: casing, deprecated forms, platform flags, EXPOSE, .dockerignore. */
public final class StyleRules {

    private StyleRules() {}

    public static List<Rule> all() {
        return List.of(
                new ConsistentInstructionCasingRule(),
                new JSONArgsRecommendedRule(),
                new LegacyKeyValueFormatRule(),
                new MaintainerDeprecatedRule(),
                new MultipleInstructionsDisallowedRule(),
                new NoEmptyContinuationRule(),
                new RedundantTargetPlatformRule(),
                new FromPlatformFlagConstDisallowedRule(),
                new WorkdirRelativePathRule(),
                new ExposeProtoCasingRule(),
                new ExposeInvalidFormatRule(),
                new CopyIgnoredFileRule(),
                new InvalidDefinitionDescriptionRule());
    }
}

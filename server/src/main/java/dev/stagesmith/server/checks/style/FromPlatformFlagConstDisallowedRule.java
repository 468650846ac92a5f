package dev.stagesmith.server.checks.style;

import dev.stagesmith.grammar.GoQuoting;
import dev.stagesmith.grammar.expand.Expander;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.syntax.Flag;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Findings;
import dev.stagesmith.server.checks.Rule;
import dev.stagesmith.server.checks.Severity;
import java.util.Optional;

/**
 * {@code FROM --platform} with a constant, which pins the stage to one platform and defeats multi-platform
 * builds (BuildKit's FromPlatformFlagConstDisallowed). As in BuildKit, a stage whose name contains the
 * platform's OS or architecture ({@code AS build_amd64}) is taken as meant to be platform-specific.
 */
public final class FromPlatformFlagConstDisallowedRule implements Rule {

    @Override
    public String code() {
        return "FromPlatformFlagConstDisallowed";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public String summary() {
        return "FROM --platform flag should not use a constant value";
    }

    @Override
    public void check(CheckInput input, Findings out) {
        for (Stage stage : input.graph().stages()) {
            Optional<Flag> platform = stage.from().platform();
            if (platform.isEmpty()) {
                continue;
            }
            Optional<Expander.Result> expanded = FromPlatforms.expand(input.graph(), platform.get());
            if (expanded.isEmpty() || !expanded.get().matched().isEmpty() || !expanded.get().unmatched().isEmpty()) {
                continue;
            }
            String value = expanded.get().value();
            Optional<FromPlatforms.Platform> parsed = FromPlatforms.parse(value);
            if (parsed.isEmpty()) {
                continue;
            }
            String name = stage.name().orElse("");
            if (name.contains(parsed.get().os()) || name.contains(parsed.get().arch())) {
                continue;
            }
            out.report(platform.get().valueRange(),
                    "FROM --platform flag should not use constant value " + GoQuoting.quote(value));
        }
    }
}

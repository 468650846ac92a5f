package dev.stagesmith.server.checks.stages;

import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Findings;
import dev.stagesmith.server.checks.Rule;
import dev.stagesmith.server.checks.Severity;
import java.util.Set;

/**
 * BuildKit's ReservedStageName check: {@code scratch} and {@code context} already mean something to
 * BuildKit (the empty image, the build context), so a stage of that name is confusing at best.
 */
public final class ReservedStageNameRule implements Rule {

    private static final Set<String> RESERVED = Set.of("scratch", "context");

    @Override
    public String code() {
        return "ReservedStageName";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public String summary() {
        return "Reserved words should not be used as stage names";
    }

    @Override
    public void check(CheckInput input, Findings out) {
        for (Stage s : input.graph().stages()) {
            if (s.name().isPresent() && s.nameWord().isPresent() && RESERVED.contains(s.name().get())) {
                out.report(s.nameWord().get().range(),
                        "Stage name should not use the same name as reserved stage " + References.quote(s.name().get()));
            }
        }
    }
}

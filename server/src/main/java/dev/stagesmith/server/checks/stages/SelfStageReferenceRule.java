package dev.stagesmith.server.checks.stages;

import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.stages.Dependency;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Findings;
import dev.stagesmith.server.checks.Rule;
import dev.stagesmith.server.checks.Severity;
import java.util.HashSet;
import java.util.Set;

/** A stage that copies or mounts from itself: BuildKit sees a dependency cycle and refuses the build. */
public final class SelfStageReferenceRule implements Rule {

    @Override
    public String code() {
        return "self-stage-reference";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public String summary() {
        return "A stage copies or mounts from itself (BuildKit reports a circular dependency)";
    }

    @Override
    public void check(CheckInput input, Findings out) {
        Set<TextRange> reported = new HashSet<>();
        for (Dependency d : input.graph().dependencies()) {
            if (References.isFromFlag(d) && References.target(d) == d.stage() && reported.add(d.range())) {
                String name = References.name(input.graph(), d.stage());
                String self = References.isMount(d)
                        ? "mounts itself: name an earlier stage, or drop from= to mount the build context"
                        : "copies from itself: name an earlier stage, or drop --from to copy from the build context";
                out.report(d.range(), "circular dependency detected on stage: " + name
                        + References.trigger(input.graph(), d) + "; stage " + References.quote(name) + " " + self);
            }
        }
    }
}

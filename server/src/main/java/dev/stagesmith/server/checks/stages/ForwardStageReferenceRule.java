package dev.stagesmith.server.checks.stages;

import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.stages.Dependency;
import dev.stagesmith.grammar.stages.StageGraph;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Findings;
import dev.stagesmith.server.checks.Rule;
import dev.stagesmith.server.checks.Severity;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code COPY --from} or {@code RUN --mount=from=} naming a stage defined further down: BuildKit builds
 * stages in file order and refuses the reference. References on a dependency cycle are left to
 * {@code stage-cycle}, which explains the cycle instead.
 */
public final class ForwardStageReferenceRule implements Rule {

    @Override
    public String code() {
        return "forward-stage-reference";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public String summary() {
        return "COPY --from or a RUN mount names a stage defined later (BuildKit fails)";
    }

    @Override
    public void check(CheckInput input, Findings out) {
        StageGraph graph = input.graph();
        int[] component = References.components(graph);
        Set<TextRange> reported = new HashSet<>();
        for (Dependency d : graph.dependencies()) {
            int target = References.target(d);
            if (!References.isFromFlag(d) || target <= d.stage() || component[target] == component[d.stage()]
                    || !reported.add(d.range())) {
                continue;
            }
            out.report(d.range(), message(input, d, target));
        }
    }

    private static String message(CheckInput input, Dependency d, int target) {
        StageGraph graph = input.graph();
        String current = References.quote(References.name(graph, d.stage()));
        String buildKit = References.isMount(d)
                ? "cannot mount from stage " + References.quote(d.text()) + " to "
                        + References.quote(References.mountTarget(d))
                        + ", stage needs to be defined before current command"
                : "cannot copy from stage " + References.quote(d.text())
                        + ", it needs to be defined before current stage " + current;
        return buildKit + References.trigger(graph, d) + "; stage " + References.quote(References.name(graph, target))
                + " is defined at line " + References.line(input.file(), graph.stage(target)) + ": move it above stage "
                + current;
    }
}

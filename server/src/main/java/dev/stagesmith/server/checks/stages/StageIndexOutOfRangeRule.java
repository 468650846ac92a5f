package dev.stagesmith.server.checks.stages;

import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.stages.Dependency;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.stages.StageGraph;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Findings;
import dev.stagesmith.server.checks.Fix;
import dev.stagesmith.server.checks.Rule;
import dev.stagesmith.server.checks.Severity;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;

/**
 * A stage index that names no stage: {@code COPY --from=<n>} past the last stage (BuildKit: invalid stage
 * index), or any number in {@code RUN --mount=from=}, which BuildKit looks up as a name, never as an index.
 */
public final class StageIndexOutOfRangeRule implements Rule {

    private static final BigInteger MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

    @Override
    public String code() {
        return "stage-index-out-of-range";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public String summary() {
        return "--from=<n> names no stage (index out of range, or an index in RUN --mount, which takes names only)";
    }

    @Override
    public void check(CheckInput input, Findings out) {
        Set<TextRange> reported = new HashSet<>();
        for (Dependency d : input.graph().dependencies()) {
            if (!References.isFromFlag(d) || !References.isInteger(d.text()) || !reported.add(d.range())) {
                continue;
            }
            BigInteger index = new BigInteger(d.text());
            if (References.isMount(d)) {
                reportMountIndex(input, d, index, out);
            } else if (index.compareTo(MIN) >= 0 && index.compareTo(MAX) <= 0) {
                // Go's Atoi reads 64-bit numbers; a longer one is not an index but an (invalid) image name.
                reportCopyIndex(input.graph(), d, index, out);
            }
        }
    }

    private static void reportCopyIndex(StageGraph graph, Dependency d, BigInteger index, Findings out) {
        int count = graph.stages().size();
        if (index.signum() >= 0 && index.compareTo(BigInteger.valueOf(count)) < 0) {
            return;
        }
        out.report(d.range(), "invalid stage index " + index + References.trigger(graph, d) + ": this Dockerfile has "
                + count + (count == 1 ? " stage, numbered 0" : " stages, numbered 0 to " + (count - 1))
                + "; --from counts stages from 0, or name the stage");
    }

    private static void reportMountIndex(CheckInput input, Dependency d, BigInteger index, Findings out) {
        String message = "RUN --mount takes stage names, not indexes" + References.trigger(input.graph(), d)
                + ": BuildKit looks for a stage named " + References.quote(d.text()) + ", finds none and pulls an image "
                + References.quote(d.text()) + ", which fails; name the stage";
        StageGraph graph = input.graph();
        if (index.signum() >= 0 && index.compareTo(BigInteger.valueOf(d.stage())) < 0
                && d.kind() == Dependency.Kind.MOUNT && References.editable(input.file(), d)) {
            Stage stage = graph.stage(index.intValue());
            if (stage.name().isPresent()) {
                out.report(d.range(), message + " (from=" + stage.name().get() + ")",
                        Fix.replace("Use stage name '" + stage.name().get() + "'", d.range(), stage.name().get()));
                return;
            }
        }
        out.report(d.range(), message);
    }
}

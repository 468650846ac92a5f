package dev.stagesmith.server.checks.stages;

import dev.stagesmith.grammar.stages.Dependency;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.stages.StageGraph;
import dev.stagesmith.grammar.syntax.Copy;
import dev.stagesmith.grammar.syntax.Word;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Findings;
import dev.stagesmith.server.checks.Rule;
import dev.stagesmith.server.checks.Severity;
import java.util.Set;

/**
 * {@code COPY --from=<stage> / /}: the other stage's whole filesystem, base image included, laid over
 * this one, which overwrites system files and duplicates them in a new layer. Left alone: copies from
 * stages built on {@code scratch} and from bare aliases of an image ({@code FROM tonistiigi/xx AS xx}),
 * which are export or toolbox images meant to be copied whole, and copies into a {@code scratch} stage,
 * which squash a stage into one layer.
 */
public final class CopyEntireStageRule implements Rule {

    private static final Set<String> ROOT = Set.of("/", "/.", ".", "./");

    @Override
    public String code() {
        return "copy-entire-stage";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public String summary() {
        return "COPY --from=<stage> / / copies a stage's entire filesystem over this one";
    }

    @Override
    public void check(CheckInput input, Findings out) {
        StageGraph graph = input.graph();
        for (Dependency d : graph.dependencies()) {
            int target = References.target(d);
            if (d.kind() != Dependency.Kind.COPY || target < 0 || target == d.stage()
                    || !(d.instruction() instanceof Copy copy) || !copiesRootToRoot(copy)
                    || !hasOwnFilesOverAnImage(graph, graph.stage(target))
                    || !endsInImage(graph, graph.stage(d.stage()))) {
                // Into a scratch stage, a whole copy is the usual way to squash a stage into one layer.
                continue;
            }
            String name = References.quote(References.name(graph, target));
            out.report(copy.sources().get(0).range(), "This copies the entire filesystem of stage " + name
                    + ", its base image included, over this stage: system files are overwritten and stored again in"
                    + " a new layer; copy only the paths you need (COPY --from=" + d.text() + " /app /app) or build"
                    + " FROM " + d.text() + " instead");
        }
    }

    private static boolean copiesRootToRoot(Copy copy) {
        if (copy.sources().size() != 1 || copy.destination().isEmpty() || !copy.heredocs().isEmpty()) {
            return false;
        }
        Word source = copy.sources().get(0);
        String dest = copy.destination().get().value();
        return ROOT.contains(source.value()) && (dest.equals("/") || dest.equals("/."));
    }

    /**
     * Whether the stage's chain of bases ends in an image (not scratch) and some stage on the chain adds
     * instructions: then its root holds a whole operating system plus build leftovers.
     */
    private static boolean endsInImage(StageGraph graph, Stage stage) {
        Stage s = stage;
        while (s.base() instanceof Stage.StageBase b) {
            s = graph.stage(b.index());
        }
        return s.base() instanceof Stage.ImageBase;
    }

    private static boolean hasOwnFilesOverAnImage(StageGraph graph, Stage stage) {
        boolean instructions = false;
        Stage s = stage;
        while (true) {
            instructions |= !s.instructions().isEmpty();
            if (s.base() instanceof Stage.StageBase b) {
                s = graph.stage(b.index());
            } else {
                return s.base() instanceof Stage.ImageBase && instructions;
            }
        }
    }
}

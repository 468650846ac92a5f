package dev.stagesmith.server.features.symbols;

import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.stages.Dependency;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.stages.StageGraph;
import dev.stagesmith.grammar.syntax.OnBuild;
import dev.stagesmith.grammar.syntax.Run;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The places that name a stage or an image: FROM bases, {@code COPY --from} and {@code RUN --mount=from=},
 * as the stage graph resolved them (FROM case-sensitively, the flags ignoring case). An ONBUILD trigger
 * inherited by several stages is one place.
 */
public final class StageUses {

    private StageUses() {}

    /** Every reference once, in file order. */
    public static List<Dependency> of(StageGraph graph) {
        Set<TextRange> seen = new HashSet<>();
        List<Dependency> out = new ArrayList<>();
        for (Dependency d : graph.dependencies()) {
            if (seen.add(d.range())) {
                out.add(d);
            }
        }
        out.sort((a, b) -> a.range().compareTo(b.range()));
        return out;
    }

    /** The references written inside {@code range}, once each. */
    public static List<Dependency> within(StageGraph graph, TextRange range) {
        Set<TextRange> seen = new HashSet<>();
        List<Dependency> out = new ArrayList<>();
        for (Dependency d : graph.dependencies()) {
            if (range.contains(d.range()) && seen.add(d.range())) {
                out.add(d);
            }
        }
        return out;
    }

    /** The references BuildKit resolves to {@code stage}. */
    public static List<Dependency> to(StageGraph graph, Stage stage) {
        return of(graph).stream().filter(d -> target(d) == stage.index()).toList();
    }

    /** The stage BuildKit resolves the reference to, or -1 (an image, or refused). */
    public static int target(Dependency d) {
        return d.isStage() && !(isMount(d) && d.text().matches("[+-]?[0-9]+")) ? d.targetStage() : -1;
    }

    /** A {@code RUN --mount} source, directly or in an inherited ONBUILD trigger. */
    public static boolean isMount(Dependency d) {
        return d.kind() == Dependency.Kind.MOUNT || d.kind() == Dependency.Kind.ONBUILD
                && d.instruction() instanceof OnBuild ob && ob.trigger().filter(t -> t instanceof Run).isPresent();
    }

    /** How the reference is written, which decides what a rename does with it. */
    public static Occurrence.Form form(ParsedDockerfile file, Dependency d, Stage target) {
        boolean exact = d.range().of(file.text()).equals(d.text());
        if (!exact) {
            return Occurrence.Form.INDIRECT;
        }
        if (d.kind() == Dependency.Kind.FROM) {
            return target.name().filter(d.text()::equals).isPresent() ? Occurrence.Form.FROM_NAME
                    : Occurrence.Form.INDIRECT;
        }
        if (!isMount(d) && d.text().matches("[+-]?[0-9]+")) {
            return Occurrence.Form.INDEX;
        }
        return Occurrence.Form.NAME;
    }
}

package dev.stagesmith.server.features;

import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.stages.StageGraph;
import dev.stagesmith.grammar.syntax.Word;
import dev.stagesmith.grammar.expand.VariableReferences;
import java.util.Optional;
import java.util.Set;

/**
 * The image a stage starts from, as the build will pull it, when the Dockerfile and the build args settle
 * it: every variable in the FROM is set, or unset where its {@code ${V:-default}} form settles the value.
 */
public final class BaseImages {

    /** The forms whose value is known even when the variable is unset. */
    private static final Set<String> SETTLED_WHEN_UNSET = Set.of("-", ":-", "+", ":+");

    private BaseImages() {}

    public static Optional<String> resolved(StageGraph graph, Stage stage) {
        if (!(stage.base() instanceof Stage.ImageBase image) || image.reference().isEmpty()
                || stage.from().base().isEmpty()) {
            return Optional.empty();
        }
        Word base = stage.from().base().get();
        for (VariableReferences.Reference r : VariableReferences.find(base.value(), VariableReferences.Syntax.WORD,
                graph.file().escape())) {
            if (image.unresolved().contains(r.name()) && !SETTLED_WHEN_UNSET.contains(r.modifier())) {
                return Optional.empty();
            }
        }
        return Optional.of(image.reference());
    }
}

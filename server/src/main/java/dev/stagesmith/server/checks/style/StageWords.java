package dev.stagesmith.server.checks.style;

import dev.stagesmith.grammar.expand.ExpansionException;
import dev.stagesmith.grammar.expand.Expander;
import dev.stagesmith.grammar.stages.Scope;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.stages.StageGraph;
import java.util.List;
import java.util.Optional;

/**
 * What a word of an instruction becomes after BuildKit's variable expansion at that point of its stage,
 * when that is knowable: a variable that is unset where the base image's environment is unknown could be
 * set by the image, so the result is then unknown, and checks stay quiet rather than guess.
 */
final class StageWords {

    private StageWords() {}

    /** {@code ProcessWord} of {@code word} before the stage's {@code index}-th instruction, if knowable. */
    static Optional<String> expand(StageGraph graph, Stage stage, int index, String word) {
        return process(graph, stage, index, word).map(Expander.Result::value);
    }

    /** {@code ProcessWords} (expanded, then split on unquoted blanks), if knowable. */
    static Optional<List<String>> expandWords(StageGraph graph, Stage stage, int index, String word) {
        return process(graph, stage, index, word)
                .map(r -> r.words().stream().map(Expander.Word::text).toList());
    }

    private static Optional<Expander.Result> process(StageGraph graph, Stage stage, int index, String word) {
        Scope scope = graph.environment(stage).before(index);
        try {
            Expander.Result r = Expander.process(word, scope.variables(),
                    Expander.Options.standard(graph.file().escape()));
            if (!r.unmatched().isEmpty() && scope.open()) {
                return Optional.empty();
            }
            return Optional.of(r);
        } catch (ExpansionException e) {
            return Optional.empty();
        }
    }

    /** The stage a stage is built on, when it is an earlier stage of the file. */
    static Optional<Integer> parentStage(Stage stage) {
        if (stage.base() instanceof Stage.StageBase b && b.index() < stage.index()) {
            return Optional.of(b.index());
        }
        return Optional.empty();
    }
}

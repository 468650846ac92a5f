package dev.stagesmith.server.checks.variables;

import dev.stagesmith.grammar.expand.ExpansionException;
import dev.stagesmith.grammar.expand.Expander;
import dev.stagesmith.grammar.expand.VariableReferences;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.stages.StageGraph;
import dev.stagesmith.grammar.syntax.ImageRef;
import dev.stagesmith.grammar.syntax.Word;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Findings;
import dev.stagesmith.server.checks.Rule;
import dev.stagesmith.server.checks.Severity;
import java.util.Map;
import java.util.Optional;

/**
 * BuildKit's {@code InvalidDefaultArgInFrom}: with no {@code --build-arg}, the global ARGs' defaults must
 * still make every FROM name a valid image reference, or a plain {@code docker build} fails.
 */
public final class InvalidDefaultArgInFromRule implements Rule {

    @Override
    public String code() {
        return "InvalidDefaultArgInFrom";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public String summary() {
        return "Default value for global ARG results in an empty or invalid base image name";
    }

    @Override
    public void check(CheckInput input, Findings out) {
        StageGraph graph = input.graph();
        if (!graph.options().buildArgs().isEmpty()) {
            graph = StageGraph.of(input.file(), graph.options().withBuildArgs(Map.of()));
        }
        char escape = input.file().escape();
        for (Stage stage : graph.stages()) {
            Optional<Word> base = stage.from().base();
            if (base.isEmpty() || VariableReferences.find(base.get().value(), VariableReferences.Syntax.WORD, escape)
                    .isEmpty()) {
                // A constant name is not about ARG defaults; an invalid one fails the build on its own.
                continue;
            }
            String value;
            try {
                value = Expander.process(base.get().value(), graph.args().scope().variables(),
                        Expander.Options.standard(escape)).value();
            } catch (ExpansionException e) {
                return; // BuildKit gives up the whole check here; invalid-variable-syntax reports the word
            }
            if (!ImageRef.parse(value, 0).isValid()) {
                out.report(base.get().range(), "Default value for ARG " + base.get().value()
                        + " results in empty or invalid base image name");
            }
        }
    }
}

package dev.stagesmith.server.checks.variables;

import dev.stagesmith.grammar.expand.ExpansionException;
import dev.stagesmith.grammar.expand.Expander;
import dev.stagesmith.grammar.expand.VariableReferences;
import dev.stagesmith.grammar.stages.Binding;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.Word;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One word BuildKit expands, with the variables visible to it.
 *
 * @param instruction the instruction the word belongs to
 * @param stage the stage, empty for the ARGs before the first FROM
 * @param word the word as written (its value is scanned for references, its range locates them)
 * @param input the text BuildKit expands: the word's value, or a heredoc body with {@code <<-} tabs removed
 * @param options how BuildKit expands it
 * @param syntax how references are found in the word's value
 * @param visible the variables declared at this point, unset ARGs included (with a null value)
 * @param open whether a base image from a registry may add variables nobody declared here
 */
record ExpansionSite(
        Instruction instruction,
        Optional<Stage> stage,
        Word word,
        String input,
        Expander.Options options,
        VariableReferences.Syntax syntax,
        Map<String, Binding> visible,
        boolean open) {

    Expander.Variables variables() {
        return name -> {
            Binding b = visible.get(name);
            return b == null ? null : b.value();
        };
    }

    Optional<Binding> lookup(String name) {
        return Optional.ofNullable(visible.get(name));
    }

    /** Whether value indices of the expanded input are indices into the word's value. */
    boolean inputIsWord() {
        return input.equals(word.value());
    }

    Expander.Result expand() throws ExpansionException {
        return Expander.process(input, variables(), options);
    }

    List<VariableReferences.Reference> references(char escape) {
        return VariableReferences.find(word.value(), syntax, escape);
    }
}

package dev.stagesmith.server.features.symbols;

import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.expand.VariableReferences;
import dev.stagesmith.grammar.stages.Dependency;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.syntax.Flag;
import dev.stagesmith.grammar.syntax.Instruction;
import java.util.List;
import java.util.Optional;

/**
 * What is at a place in a Dockerfile, as hover, definition, references, highlight and rename see it.
 * {@link #range()} is the exact text of the name; {@link #hitRange()} is what a cursor may touch to mean it.
 */
public sealed interface Symbol {

    TextRange range();

    default TextRange hitRange() {
        return range();
    }

    /** An instruction keyword ({@code COPY}). */
    record Keyword(Place place, Instruction instruction, TextRange range) implements Symbol {}

    /** A builder flag's name; the range includes the dashes. */
    record FlagName(Place place, Instruction instruction, Flag flag, TextRange range) implements Symbol {}

    /** A stage's name after {@code AS}. */
    record StageDeclaration(Stage stage, TextRange range) implements Symbol {}

    /** A {@code COPY --from}, {@code RUN --mount=from=} or FROM base that BuildKit resolves to a stage. */
    record StageReference(Dependency use, Stage target, TextRange range) implements Symbol {}

    /**
     * An image named in FROM (or {@code scratch}) or a {@code --from}/{@code from=} that names no stage.
     *
     * @param written the reference as written
     * @param reference after expanding global ARGs
     * @param unresolved the ARGs the expansion found without a value
     */
    record ImageReference(Place place, String written, String reference, List<String> unresolved, TextRange range)
            implements Symbol {}

    /**
     * {@code $NAME} or {@code ${NAME...}} where BuildKit or the shell expands it.
     *
     * @param range the name
     * @param whole the whole reference, from the dollar to the closing brace
     */
    record VariableReference(Variable variable, VariableSites.Site site, VariableReferences.Reference reference,
            TextRange range, TextRange whole) implements Symbol {

        @Override
        public TextRange hitRange() {
            return whole;
        }
    }

    /** An ARG name or an ENV key. */
    record VariableDeclaration(Variable variable, VariableSites.Declaration declaration, TextRange range)
            implements Symbol {}

    /** The stage this symbol names, if it is a stage declaration or reference. */
    default Optional<Stage> stageSymbol() {
        if (this instanceof StageDeclaration d) {
            return Optional.of(d.stage());
        }
        if (this instanceof StageReference r) {
            return Optional.of(r.target());
        }
        return Optional.empty();
    }

    /** The variable this symbol names, if it is a variable declaration or reference. */
    default Optional<Variable> variableSymbol() {
        if (this instanceof VariableReference r) {
            return Optional.of(r.variable());
        }
        if (this instanceof VariableDeclaration d) {
            return Optional.of(d.variable());
        }
        return Optional.empty();
    }
}

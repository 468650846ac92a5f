package dev.stagesmith.grammar.stages;

import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.syntax.From;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.Word;
import java.util.List;
import java.util.Optional;

/**
 * A build stage: a FROM and the instructions after it, up to the next FROM.
 *
 * @param index zero-based position among the stages (what {@code --from=<index>} counts)
 * @param name the stage name after {@code AS}, lower-cased as BuildKit stores it
 * @param nameWord the name as written, with its range
 * @param from the FROM instruction
 * @param base what the stage starts from
 * @param instructions the instructions after FROM
 * @param range from the FROM to the end of the stage's last instruction
 */
public record Stage(
        int index,
        Optional<String> name,
        Optional<Word> nameWord,
        From from,
        Base base,
        List<Instruction> instructions,
        TextRange range) {

    /** What a stage is built on. */
    public sealed interface Base {}

    /** {@code FROM scratch}: an empty filesystem. */
    public record Scratch() implements Base {}

    /** An earlier stage, named in FROM. */
    public record StageBase(int index) implements Base {}

    /**
     * An image from a registry (or a named build context).
     *
     * @param reference the reference after expanding global ARGs
     * @param unresolved the variables the expansion could not resolve (empty when fully known)
     */
    public record ImageBase(String reference, List<String> unresolved) implements Base {}

    /** The name BuildKit shows for the stage: its name, or {@code stage-<index>}. */
    public String displayName() {
        return name.orElse("stage-" + index);
    }

    /** The name to pass as {@code --target}, or the index when the stage has no name. */
    public String targetName() {
        return name.orElse(Integer.toString(index));
    }
}

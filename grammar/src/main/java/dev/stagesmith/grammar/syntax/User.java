package dev.stagesmith.grammar.syntax;

import dev.stagesmith.grammar.TextRange;
import java.util.List;
import java.util.Optional;

/** USER: the user (and group) later instructions and the container run as. */
public record User(Word keyword, List<Flag> flags, List<Word> args, TextRange range) implements Instruction {

    /** The single argument, verbatim, if there is one. */
    public Optional<Word> value() {
        return args.isEmpty() ? Optional.empty() : Optional.of(args.get(0));
    }
}

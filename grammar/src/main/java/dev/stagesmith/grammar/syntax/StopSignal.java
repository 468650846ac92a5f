package dev.stagesmith.grammar.syntax;

import dev.stagesmith.grammar.TextRange;
import java.util.List;
import java.util.Optional;

/** STOPSIGNAL: the signal that stops the container. */
public record StopSignal(Word keyword, List<Flag> flags, List<Word> args, TextRange range) implements Instruction {

    /** The single argument, verbatim, if there is one. */
    public Optional<Word> value() {
        return args.isEmpty() ? Optional.empty() : Optional.of(args.get(0));
    }
}

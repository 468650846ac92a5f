package dev.stagesmith.grammar.syntax;

import dev.stagesmith.grammar.TextRange;
import java.util.List;
import java.util.Optional;

/** CMD: the default command of the image. */
public record Cmd(Word keyword, List<Flag> flags, List<Word> args, TextRange range, Optional<Command> command) implements Instruction {
}

package dev.stagesmith.grammar.syntax;

import dev.stagesmith.grammar.TextRange;
import java.util.List;
import java.util.Optional;

/** RUN: a command executed in the stage, in shell or exec form, possibly with heredocs. */
public record Run(Word keyword, List<Flag> flags, List<Word> args, TextRange range, Optional<Command> command, List<Heredoc> heredocs) implements Instruction {
}

package dev.stagesmith.grammar.syntax;

import dev.stagesmith.grammar.TextRange;
import java.util.List;
import java.util.Optional;

/** SHELL: the shell used by later shell-form instructions (must be JSON). */
public record Shell(Word keyword, List<Flag> flags, List<Word> args, TextRange range, Optional<Command> command) implements Instruction {
}

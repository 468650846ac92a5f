package dev.stagesmith.grammar.syntax;

import dev.stagesmith.grammar.TextRange;
import java.util.List;
import java.util.Optional;

/** HEALTHCHECK: {@code CMD ...} or {@code NONE}, with interval and retry flags. */
public record Healthcheck(Word keyword, List<Flag> flags, List<Word> args, TextRange range, Optional<Word> type, Optional<Command> command) implements Instruction {
}

package dev.stagesmith.grammar.syntax;

import dev.stagesmith.grammar.TextRange;
import java.util.List;

/** An instruction BuildKit does not know; kept as a node so editors can point at it. */
public record Unknown(Word keyword, List<Flag> flags, List<Word> args, TextRange range, TextRange argumentsRange) implements Instruction {
}

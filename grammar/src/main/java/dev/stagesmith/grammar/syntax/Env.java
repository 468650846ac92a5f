package dev.stagesmith.grammar.syntax;

import dev.stagesmith.grammar.TextRange;
import java.util.List;

/** ENV: environment variables, in {@code k=v} form or the legacy {@code K value} form. */
public record Env(Word keyword, List<Flag> flags, List<Word> args, TextRange range, List<KeyValue> pairs, boolean legacy) implements Instruction {
}

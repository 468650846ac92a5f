package dev.stagesmith.grammar.syntax;

import dev.stagesmith.grammar.TextRange;
import java.util.List;

/** LABEL: image labels, in {@code k=v} form or the legacy {@code K value} form. */
public record Label(Word keyword, List<Flag> flags, List<Word> args, TextRange range, List<KeyValue> pairs, boolean legacy) implements Instruction {
}

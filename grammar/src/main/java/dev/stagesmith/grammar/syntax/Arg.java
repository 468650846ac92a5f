package dev.stagesmith.grammar.syntax;

import dev.stagesmith.grammar.TextRange;
import java.util.List;

/** ARG: build arguments, each with an optional default. */
public record Arg(Word keyword, List<Flag> flags, List<Word> args, TextRange range, List<ArgDeclaration> declarations) implements Instruction {
}

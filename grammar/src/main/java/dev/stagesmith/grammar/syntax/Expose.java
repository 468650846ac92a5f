package dev.stagesmith.grammar.syntax;

import dev.stagesmith.grammar.TextRange;
import java.util.List;

/** EXPOSE: ports, each {@code port[/protocol]} or a range. */
public record Expose(Word keyword, List<Flag> flags, List<Word> args, TextRange range) implements Instruction {

    public List<Word> ports() {
        return args;
    }
}

package dev.stagesmith.grammar.syntax;

import dev.stagesmith.grammar.TextRange;
import java.util.List;

/** VOLUME: mount points, in JSON or whitespace-separated form. */
public record Volume(Word keyword, List<Flag> flags, List<Word> args, TextRange range, boolean json) implements Instruction {

    public List<Word> paths() {
        return args;
    }
}

package dev.stagesmith.grammar.syntax;

import dev.stagesmith.grammar.TextRange;
import java.util.List;
import java.util.Optional;

/** COPY: files from the context, a stage or an image into the stage. */
public record Copy(Word keyword, List<Flag> flags, List<Word> args, TextRange range, boolean json, List<Word> sources, Optional<Word> destination, List<Heredoc> heredocs) implements Instruction {

    /** The {@code --from} flag, if given. */
    public Optional<Flag> from() {
        return flag("from");
    }
}

package dev.stagesmith.grammar.syntax;

import dev.stagesmith.grammar.TextRange;
import java.util.List;
import java.util.Optional;

/** FROM: the base of a new stage, with its optional {@code AS name}. */
public record From(Word keyword, List<Flag> flags, List<Word> args, TextRange range, Optional<Word> base, Optional<ImageRef> image, Optional<Word> asKeyword, Optional<Word> stageName) implements Instruction {

    /** The {@code --platform} flag, if given. */
    public Optional<Flag> platform() {
        return flag("platform");
    }
}

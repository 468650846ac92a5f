package dev.stagesmith.grammar.syntax;

import dev.stagesmith.grammar.TextRange;
import java.util.List;
import java.util.Optional;

/** ADD: like COPY, plus URLs, Git repositories and archive extraction. */
public record Add(Word keyword, List<Flag> flags, List<Word> args, TextRange range, boolean json, List<Word> sources, Optional<Word> destination, List<Heredoc> heredocs) implements Instruction {
}

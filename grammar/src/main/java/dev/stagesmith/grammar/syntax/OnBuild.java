package dev.stagesmith.grammar.syntax;

import dev.stagesmith.grammar.TextRange;
import java.util.List;
import java.util.Optional;

/** ONBUILD: an instruction stored in the image and run when another build uses it as a base. */
public record OnBuild(Word keyword, List<Flag> flags, List<Word> args, TextRange range, Optional<Instruction> trigger) implements Instruction {

    @Override
    public List<Heredoc> heredocs() {
        return trigger.map(Instruction::heredocs).orElse(List.of());
    }
}

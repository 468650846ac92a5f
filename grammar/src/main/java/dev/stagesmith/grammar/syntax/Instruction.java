package dev.stagesmith.grammar.syntax;

import dev.stagesmith.grammar.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One Dockerfile instruction. Every instruction has its keyword as written, its builder flags, BuildKit's
 * argument values ({@link #args()}, in the order BuildKit's parser produces them) and its range, which
 * spans continuation lines and heredoc bodies. The records add typed views of their arguments.
 */
public sealed interface Instruction
        permits From, Run, Cmd, Entrypoint, Shell, Copy, Add, Env, Label, Arg, Expose, Volume, Workdir, User,
                StopSignal, Maintainer, Healthcheck, OnBuild, Unknown {

    Word keyword();

    List<Flag> flags();

    List<Word> args();

    TextRange range();

    /**
     * The heredocs whose bodies follow the instruction's lines: RUN's, COPY's and ADD's, and an ONBUILD's
     * through its trigger.
     */
    default List<Heredoc> heredocs() {
        return List.of();
    }

    /**
     * This instruction, then the instruction its ONBUILD wraps, and so on ({@code ONBUILD ONBUILD} parses,
     * though BuildKit refuses it).
     */
    default List<Instruction> withTriggers() {
        if (!(this instanceof OnBuild ob) || ob.trigger().isEmpty()) {
            return List.of(this);
        }
        List<Instruction> out = new ArrayList<>(2);
        Instruction current = this;
        out.add(current);
        while (current instanceof OnBuild o && o.trigger().isPresent()) {
            current = o.trigger().get();
            out.add(current);
        }
        return out;
    }

    /** The keyword in upper case, as the reference writes it ({@code FROM}, {@code COPY}, ...). */
    default String name() {
        return keyword().value().toUpperCase(Locale.ROOT);
    }

    /** The first flag with this name (without dashes), if present. */
    default Optional<Flag> flag(String name) {
        for (Flag f : flags()) {
            if (f.name().equals(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** Every flag with this name, for the ones that may repeat ({@code --mount}, {@code --exclude}). */
    default List<Flag> flags(String name) {
        return flags().stream().filter(f -> f.name().equals(name)).toList();
    }
}

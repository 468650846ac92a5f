package dev.stagesmith.grammar.syntax;

import dev.stagesmith.grammar.TextRange;
import java.util.List;

/** The command of RUN, CMD, ENTRYPOINT, SHELL and HEALTHCHECK CMD: shell form or exec (JSON) form. */
public sealed interface Command {

    TextRange range();

    /** {@code RUN apt-get update}: one string handed to the shell, verbatim. */
    record ShellForm(Word script) implements Command {
        @Override
        public TextRange range() {
            return script.range();
        }
    }

    /** {@code RUN ["apt-get", "update"]}: the decoded strings, each with the range of its JSON literal. */
    record ExecForm(List<Word> arguments, TextRange range) implements Command {}
}

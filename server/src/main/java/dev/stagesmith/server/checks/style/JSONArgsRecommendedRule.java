package dev.stagesmith.server.checks.style;

import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.syntax.Cmd;
import dev.stagesmith.grammar.syntax.Command;
import dev.stagesmith.grammar.syntax.Entrypoint;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.Shell;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Findings;
import dev.stagesmith.server.checks.Fix;
import dev.stagesmith.server.checks.Rule;
import dev.stagesmith.server.checks.Severity;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Shell-form CMD and ENTRYPOINT where no SHELL was chosen: the program runs under {@code /bin/sh -c} and
 * does not get the container's stop signal (BuildKit's JSONArgsRecommended).
 */
public final class JSONArgsRecommendedRule implements Rule {

    /** Words that mean the same to {@code /bin/sh -c} and to exec: no quoting, globbing, variables or redirection. */
    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_./:,@%+=-]+");

    /** Builtins and keywords: as the first word they need a shell, there is no program of that name to exec. */
    private static final Set<String> SHELL_ONLY = Set.of("!", ".", ":", "[[", "{", "}", "alias", "bg", "break",
            "builtin", "case", "cd", "command", "continue", "do", "done", "elif", "else", "esac", "eval", "exec",
            "exit", "export", "fg", "fi", "for", "function", "getopts", "hash", "if", "jobs", "local", "read",
            "readonly", "return", "select", "set", "shift", "source", "then", "time", "times", "trap", "type",
            "ulimit", "umask", "unalias", "unset", "until", "wait", "while");

    @Override
    public String code() {
        return "JSONArgsRecommended";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public String summary() {
        return "JSON arguments recommended for ENTRYPOINT/CMD to prevent unintended behavior related to OS signals";
    }

    @Override
    public void check(CheckInput input, Findings out) {
        List<Stage> stages = input.graph().stages();
        boolean[] shellAtEnd = new boolean[stages.size()];
        for (Stage stage : stages) {
            // A SHELL in the stage this one is built on carries over, as the image config does.
            boolean shellSet = StageWords.parentStage(stage).map(p -> shellAtEnd[p]).orElse(false);
            for (Instruction i : stage.instructions()) {
                if (i instanceof Shell) {
                    shellSet = true;
                } else if (!shellSet) {
                    shellForm(i).ifPresent(script -> report(i, script, out));
                }
            }
            shellAtEnd[stage.index()] = shellSet;
        }
    }

    private static Optional<Command.ShellForm> shellForm(Instruction i) {
        Optional<Command> command = i instanceof Cmd c ? c.command()
                : i instanceof Entrypoint e ? e.command() : Optional.empty();
        return command.filter(Command.ShellForm.class::isInstance).map(Command.ShellForm.class::cast);
    }

    private static void report(Instruction i, Command.ShellForm script, Findings out) {
        String message = "JSON arguments recommended for " + i.keyword().value()
                + " to prevent unintended behavior related to OS signals";
        Optional<String> json = execForm(script.script().value());
        if (json.isPresent()) {
            out.report(script.range(), message, Fix.replace("Convert to JSON (exec) form", script.range(), json.get()));
        } else {
            out.report(script.range(), message);
        }
    }

    /**
     * The JSON form of a command when running it without a shell changes nothing but the signal handling
     * (also the "Convert to JSON form" code action's test).
     */
    public static Optional<String> execForm(String command) {
        String trimmed = command.strip();
        if (trimmed.isEmpty()) {
            return Optional.empty();
        }
        String[] words = trimmed.split("[ \t]+");
        // A leading NAME=value is an environment assignment for the shell.
        if (SHELL_ONLY.contains(words[0]) || words[0].contains("=")) {
            return Optional.empty();
        }
        StringBuilder json = new StringBuilder("[");
        for (int w = 0; w < words.length; w++) {
            if (!PLAIN_WORD.matcher(words[w]).matches()) {
                return Optional.empty();
            }
            json.append(w == 0 ? "" : ", ").append('"').append(words[w]).append('"');
        }
        return Optional.of(json.append(']').toString());
    }
}

package dev.stagesmith.server.checks.syntax;

import dev.stagesmith.grammar.GoQuoting;
import dev.stagesmith.grammar.syntax.Command;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.Shell;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Findings;
import dev.stagesmith.server.checks.Fix;
import dev.stagesmith.server.checks.Severity;
import java.util.Arrays;
import java.util.List;

/** SHELL must be a JSON array with at least one element ({@code SHELL ["/bin/bash", "-c"]}). */
public final class ShellNotJsonRule extends SyntaxRule {

    public ShellNotJsonRule() {
        super("shell-not-json", Severity.ERROR, "SHELL is not a JSON array with at least one element");
    }

    @Override
    public void check(CheckInput input, Findings out) {
        for (Instruction i : Instructions.withTriggers(input.file().instructions())) {
            if (!(i instanceof Shell s) || s.command().isEmpty()) {
                continue;
            }
            Command c = s.command().get();
            if (c instanceof Command.ExecForm exec) {
                if (exec.arguments().isEmpty()) {
                    out.report(exec.range(), "SHELL requires at least one argument");
                }
            } else if (c instanceof Command.ShellForm shell) {
                List<String> words = Arrays.stream(shell.script().value().trim().split("\\s+"))
                        .filter(w -> !w.isEmpty()).toList();
                String json = "[" + String.join(", ", words.stream().map(GoQuoting::quote).toList()) + "]";
                String message = "SHELL requires the arguments to be in JSON form, such as [\"/bin/sh\", \"-c\"]";
                if (shell.script().value().matches("[^\"'\\\\$`\\p{Cntrl}]+")) {
                    out.report(shell.range(), message, Fix.replace("Change to " + json, shell.range(), json));
                } else {
                    out.report(shell.range(), message);
                }
            }
        }
    }
}

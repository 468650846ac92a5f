package dev.stagesmith.grammar.stages;

import dev.stagesmith.grammar.syntax.Command;
import dev.stagesmith.grammar.syntax.Shell;
import java.util.Locale;
import java.util.Set;

/** Which shells read {@code $NAME} in a script themselves, as the POSIX shell does. */
public final class Shells {

    private static final Set<String> POSIX = Set.of("sh", "bash", "ash", "dash", "zsh", "ksh", "mksh", "busybox");

    private Shells() {}

    /** Whether {@code SHELL ["<program>", ...]} chose a POSIX shell; {@code /bin/bash} and {@code sh.exe} do. */
    public static boolean isPosix(Shell shell) {
        return shell.command().orElse(null) instanceof Command.ExecForm exec && !exec.arguments().isEmpty()
                && isPosixProgram(exec.arguments().get(0).value());
    }

    /** Whether a program path names a POSIX shell, ignoring its directory, case and an {@code .exe} suffix. */
    public static boolean isPosixProgram(String path) {
        String program = path.toLowerCase(Locale.ROOT);
        program = program.substring(Math.max(program.lastIndexOf('/'), program.lastIndexOf('\\')) + 1);
        return POSIX.contains(program.endsWith(".exe") ? program.substring(0, program.length() - 4) : program);
    }

    /**
     * Whether a script (a heredoc body run as the command) runs in a POSIX shell: it has no {@code #!} line,
     * or the line names one, directly ({@code #!/bin/bash -e}) or through env ({@code #!/usr/bin/env bash}).
     */
    public static boolean isPosixScript(String script) {
        if (!script.startsWith("#!")) {
            return true;
        }
        int nl = script.indexOf('\n');
        String[] parts = script.substring(2, nl < 0 ? script.length() : nl).trim().split("\\s+");
        String program = parts[0].substring(parts[0].lastIndexOf('/') + 1);
        return isPosixProgram(program.equals("env") && parts.length > 1 ? parts[1] : program);
    }
}

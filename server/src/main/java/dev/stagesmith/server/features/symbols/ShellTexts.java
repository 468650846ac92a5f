package dev.stagesmith.server.features.symbols;

import dev.stagesmith.grammar.expand.VariableReferences.Syntax;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.stages.StageGraph;
import dev.stagesmith.grammar.syntax.Cmd;
import dev.stagesmith.grammar.syntax.Command;
import dev.stagesmith.grammar.syntax.Entrypoint;
import dev.stagesmith.grammar.syntax.Healthcheck;
import dev.stagesmith.grammar.syntax.Heredoc;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.Run;
import dev.stagesmith.grammar.syntax.Shell;
import dev.stagesmith.grammar.syntax.Word;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The shell text of RUN, CMD, ENTRYPOINT and HEALTHCHECK (and RUN heredoc bodies) where a POSIX shell
 * expands {@code $NAME}: not under a SHELL that picked another shell, nor in Windows Dockerfiles.
 */
final class ShellTexts {

    private static final Set<String> POSIX_SHELLS = Set.of("sh", "bash", "ash", "dash", "zsh", "ksh", "mksh",
            "busybox");

    private ShellTexts() {}

    static void of(StageGraph graph, Place place, List<VariableSites.Site> out) {
        if (posixShell(graph, place.stage().orElseThrow(), place.index())) {
            shellText(graph, place, out);
        }
    }

    private static void shellText(StageGraph graph, Place place, List<VariableSites.Site> out) {
        Instruction i = place.instruction();
        Optional<Command> command = i instanceof Run r ? r.command()
                : i instanceof Cmd c ? c.command()
                : i instanceof Entrypoint e ? e.command()
                : i instanceof Healthcheck h ? h.command() : Optional.empty();
        if (command.isEmpty() || !(command.get() instanceof Command.ShellForm form)) {
            return;
        }
        VariableSites.Context context = i instanceof Run ? VariableSites.Context.SHELL : VariableSites.Context.RUNTIME;
        out.add(new VariableSites.Site(place, -1, form.script(), Syntax.SHELL, context));
        if (i instanceof Run r) {
            runHeredocs(graph, place, form.script(), r.heredocs(), out);
        }
    }

    /**
     * {@code RUN <<EOF} alone runs the body as the script (unless a {@code #!} line names a non-POSIX
     * interpreter); otherwise a body is input the shell expands like a double-quoted string, unless the
     * marker is quoted.
     */
    private static void runHeredocs(StageGraph graph, Place place, Word script, List<Heredoc> heredocs,
            List<VariableSites.Site> out) {
        String text = graph.file().text();
        boolean alone = heredocs.size() == 1 && script.value().trim().equals(heredocs.get(0).markerRange().of(text));
        for (Heredoc h : heredocs) {
            if (alone) {
                if (!h.content().startsWith("#!") || POSIX_SHELLS.contains(interpreter(h.content()))) {
                    out.add(new VariableSites.Site(place, -1, VariableSites.body(h), Syntax.SHELL, VariableSites.Context.SHELL));
                }
            } else if (h.expand()) {
                out.add(new VariableSites.Site(place, -1, VariableSites.body(h), Syntax.HEREDOC, VariableSites.Context.SHELL));
            }
        }
    }

    private static String interpreter(String content) {
        int nl = content.indexOf('\n');
        String[] parts = content.substring(2, nl < 0 ? content.length() : nl).trim().split("\\s+");
        String program = parts[0].substring(parts[0].lastIndexOf('/') + 1);
        return program.equals("env") && parts.length > 1 ? parts[1] : program;
    }

    /** Whether the stage's shell (the last SHELL here or up its FROM chain, else /bin/sh) reads {@code $NAME}. */
    private static boolean posixShell(StageGraph graph, Stage stage, int index) {
        if (graph.file().escape() != '\\') {
            return false;
        }
        Stage s = stage;
        int limit = index;
        while (true) {
            for (int j = limit - 1; j >= 0; j--) {
                if (s.instructions().get(j) instanceof Shell sh) {
                    return isPosix(sh);
                }
            }
            if (!(s.base() instanceof Stage.StageBase b) || b.index() >= s.index()) {
                return true;
            }
            s = graph.stage(b.index());
            limit = s.instructions().size();
        }
    }

    private static boolean isPosix(Shell shell) {
        if (shell.command().isEmpty() || !(shell.command().get() instanceof Command.ExecForm exec)
                || exec.arguments().isEmpty()) {
            return false;
        }
        String program = exec.arguments().get(0).value().toLowerCase(Locale.ROOT);
        program = program.substring(Math.max(program.lastIndexOf('/'), program.lastIndexOf('\\')) + 1);
        return POSIX_SHELLS.contains(program.endsWith(".exe") ? program.substring(0, program.length() - 4) : program);
    }
}

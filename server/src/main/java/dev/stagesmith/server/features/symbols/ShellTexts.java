package dev.stagesmith.server.features.symbols;

import dev.stagesmith.grammar.expand.VariableReferences.Syntax;
import dev.stagesmith.grammar.stages.Shells;
import dev.stagesmith.grammar.stages.StageGraph;
import dev.stagesmith.grammar.syntax.Cmd;
import dev.stagesmith.grammar.syntax.Command;
import dev.stagesmith.grammar.syntax.Entrypoint;
import dev.stagesmith.grammar.syntax.Healthcheck;
import dev.stagesmith.grammar.syntax.Heredoc;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.Run;
import dev.stagesmith.grammar.syntax.Word;
import java.util.List;
import java.util.Optional;

/**
 * The shell text of RUN, CMD, ENTRYPOINT and HEALTHCHECK (and RUN heredoc bodies) where a POSIX shell
 * expands {@code $NAME}: not under a SHELL that picked another shell, nor in Windows Dockerfiles.
 */
final class ShellTexts {

    private ShellTexts() {}

    static void of(StageGraph graph, Place place, List<VariableSites.Site> out) {
        if (graph.posixShellAt(place.stage().orElseThrow(), place.index())) {
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
                if (Shells.isPosixScript(h.content())) {
                    out.add(new VariableSites.Site(place, -1, VariableSites.body(h), Syntax.SHELL, VariableSites.Context.SHELL));
                }
            } else if (h.expand()) {
                out.add(new VariableSites.Site(place, -1, VariableSites.body(h), Syntax.HEREDOC, VariableSites.Context.SHELL));
            }
        }
    }
}

package dev.stagesmith.server.checks.variables;

import dev.stagesmith.grammar.SourceMap;
import dev.stagesmith.grammar.expand.ExpansionException;
import dev.stagesmith.grammar.expand.VariableReferences;
import dev.stagesmith.grammar.stages.Scope;
import dev.stagesmith.grammar.stages.Shells;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.stages.StageGraph;
import dev.stagesmith.grammar.syntax.Cmd;
import dev.stagesmith.grammar.syntax.Command;
import dev.stagesmith.grammar.syntax.Entrypoint;
import dev.stagesmith.grammar.syntax.Heredoc;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.Run;
import dev.stagesmith.grammar.syntax.Word;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Findings;
import dev.stagesmith.server.checks.Fix;
import dev.stagesmith.server.checks.Rule;
import dev.stagesmith.server.checks.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The classic ARG mistake: an ARG declared before the first FROM (or an automatic platform ARG such as
 * TARGETARCH) used inside a stage that never redeclared it with {@code ARG NAME}, where it is empty.
 * Checks the words BuildKit expands and the shell text of RUN, CMD and ENTRYPOINT.
 */
public final class GlobalArgNotRedeclaredRule implements Rule {

    @Override
    public String code() {
        return "global-arg-not-redeclared";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public String summary() {
        return "A global ARG is used in a stage that did not redeclare it, so it is empty there";
    }

    /** The global ARGs and the automatic platform ARGs: names a stage sees only after {@code ARG NAME}. */
    static Set<String> globalNames(StageGraph graph) {
        Set<String> names = new LinkedHashSet<>(ExpansionSites.globalArgNames(graph));
        names.addAll(ExpansionSites.automaticArgs(graph));
        return names;
    }

    @Override
    public void check(CheckInput input, Findings out) {
        StageGraph graph = input.graph();
        Set<String> declared = ExpansionSites.globalArgNames(graph);
        Set<String> names = globalNames(graph);
        Context cx = new Context(input, graph, declared, input.file().sourceMap(), out);
        for (Stage stage : graph.stages()) {
            for (int i = 0; i < stage.instructions().size(); i++) {
                expandedWords(cx, stage, i, names);
                shellText(cx, stage, i, names);
            }
        }
    }

    private record Context(CheckInput input, StageGraph graph, Set<String> declared, SourceMap source, Findings out) {}

    /** Where BuildKit expands, the expansion itself says which names were not found. */
    private static void expandedWords(Context cx, Stage stage, int index, Set<String> names) {
        for (ExpansionSite site : ExpansionSites.instruction(cx.graph(), stage, index)) {
            Set<String> unmatched;
            try {
                unmatched = site.expand().unmatched();
            } catch (ExpansionException e) {
                continue; // invalid-variable-syntax reports it
            }
            List<VariableReferences.Reference> refs = null;
            for (String name : unmatched) {
                if (names.contains(name) && site.lookup(name).isEmpty()) {
                    if (refs == null) {
                        refs = site.references(cx.input().file().escape());
                    }
                    ReferenceReport.report(cx.out(), cx.source(), site.word(), refs, name,
                            message(cx, name, site.open(), false), Optional.empty(),
                            RedeclareFix.arg(cx.input().file(), stage, name));
                }
            }
        }
    }

    /**
     * The shell expands RUN, CMD and ENTRYPOINT text itself, from the environment: an ARG the stage did
     * not redeclare is not in it. Names the script assigns itself are left alone.
     */
    private static void shellText(Context cx, Stage stage, int index, Set<String> names) {
        Instruction instruction = stage.instructions().get(index);
        Optional<Command> command = instruction instanceof Run r ? r.command()
                : instruction instanceof Cmd c ? c.command()
                : instruction instanceof Entrypoint e ? e.command() : Optional.empty();
        if (command.isEmpty() || !(command.get() instanceof Command.ShellForm form)
                || !cx.graph().posixShellAt(stage, index)) {
            return;
        }
        List<ShellText> texts = new ArrayList<>();
        texts.add(new ShellText(form.script(), VariableReferences.Syntax.SHELL));
        if (instruction instanceof Run r) {
            heredocTexts(cx, form.script(), r.heredocs(), texts);
        }
        String script = String.join("\n", texts.stream().map(t -> t.word().value()).toList());
        boolean runtime = !(instruction instanceof Run);
        Scope scope = cx.graph().environment(stage).before(index);
        for (ShellText text : texts) {
            List<VariableReferences.Reference> refs = VariableReferences.find(text.word().value(), text.syntax(), '\\');
            Set<String> seen = new LinkedHashSet<>();
            for (VariableReferences.Reference r : refs) {
                String name = r.name();
                if (names.contains(name) && scope.lookup(name).isEmpty() && !assigns(script, name) && seen.add(name)) {
                    Fix fix = runtime ? RedeclareFix.argAndEnv(cx.input().file(), stage, name)
                            : RedeclareFix.arg(cx.input().file(), stage, name);
                    ReferenceReport.report(cx.out(), cx.source(), text.word(), refs, name,
                            message(cx, name, scope.open(), runtime), Optional.empty(), fix);
                }
            }
        }
    }

    private record ShellText(Word word, VariableReferences.Syntax syntax) {}

    /**
     * {@code RUN <<EOF} alone runs the body as the script (BuildKit ignores the marker's quotes); then the
     * body is shell text unless a {@code #!} line names another interpreter. Otherwise a body is input to
     * the command, which the shell expands like a double-quoted string unless the marker is quoted.
     */
    private static void heredocTexts(Context cx, Word script, List<Heredoc> heredocs, List<ShellText> out) {
        boolean alone = heredocs.size() == 1
                && script.value().trim().equals(heredocs.get(0).markerRange().of(cx.input().text()));
        for (Heredoc h : heredocs) {
            Word body = new Word(h.body(), h.bodyRange());
            if (alone) {
                if (Shells.isPosixScript(h.content())) {
                    out.add(new ShellText(body, VariableReferences.Syntax.SHELL));
                }
            } else if (h.expand()) {
                out.add(new ShellText(body, VariableReferences.Syntax.HEREDOC));
            }
        }
    }

    private static String message(Context cx, String name, boolean open, boolean runtime) {
        String kind = cx.declared().contains(name) ? "Global ARG" : "Automatic platform ARG";
        String where = runtime ? "when the container runs" : "here";
        String effect = open
                ? "does not get the ARG's value " + where + " (it is empty unless the base image sets it)"
                : "is empty " + where;
        String todo = runtime
                ? "add 'ARG " + name + "' and 'ENV " + name + "=${" + name + "}' after the stage's FROM"
                : "add 'ARG " + name + "' after the stage's FROM";
        return kind + " '" + name + "' is not redeclared in this stage, so '$" + name + "' " + effect + "; " + todo;
    }

    /** Whether the script sets the variable itself ({@code NAME=}, {@code for NAME in}, {@code read NAME}). */
    private static boolean assigns(String script, String name) {
        String n = Pattern.quote(name);
        return Pattern.compile("(?:^|[^\\w$])" + n + "\\+?=|\\bfor\\s+" + n + "\\b|\\bread\\b[^;&|\\n]*\\b" + n
                + "\\b|\\$\\{" + n + ":?=").matcher(script).find();
    }
}

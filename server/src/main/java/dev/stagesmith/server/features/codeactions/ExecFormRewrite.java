package dev.stagesmith.server.features.codeactions;

import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.stages.StageGraph;
import dev.stagesmith.grammar.syntax.Cmd;
import dev.stagesmith.grammar.syntax.Command;
import dev.stagesmith.grammar.syntax.Entrypoint;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.Run;
import dev.stagesmith.grammar.syntax.Shell;
import dev.stagesmith.server.checks.Fix;
import dev.stagesmith.server.checks.style.JSONArgsRecommendedRule;
import dev.stagesmith.server.workspace.DocumentSnapshot;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.TextEdit;

/**
 * "Convert to JSON form" for a shell-form RUN, CMD or ENTRYPOINT, offered only where running the words
 * without {@code /bin/sh -c} does the same: plain words (no quoting, variables, globs or redirection), no
 * SHELL in effect, and no CMD/ENTRYPOINT pairing whose arguments would change (an exec-form ENTRYPOINT
 * receives the CMD as arguments, a shell-form one ignores it).
 */
final class ExecFormRewrite {

    static final String TITLE = "Convert to JSON form";

    private static final Pattern WINDOWS_IMAGE = Pattern.compile("windows|nanoserver|servercore");

    private ExecFormRewrite() {}

    static List<CodeAction> actions(DocumentSnapshot snapshot, TextRange selection, List<CodeAction> offered) {
        ParsedDockerfile file = snapshot.parsed();
        StageGraph graph = snapshot.graph();
        for (Stage stage : graph.stages()) {
            for (Instruction i : stage.instructions()) {
                if (i.range().touches(selection.start())) {
                    return rewrite(file, graph, stage, i)
                            .map(e -> Actions.edits(file, List.of(e)))
                            .filter(edits -> !alreadyOffered(offered, edits.get(0)))
                            .map(edits -> List.of(Actions.of(TITLE, CodeActionKind.RefactorRewrite, snapshot.uri(), edits)))
                            .orElse(List.of());
                }
            }
        }
        return List.of();
    }

    private static Optional<Fix.Edit> rewrite(ParsedDockerfile file, StageGraph graph, Stage stage, Instruction i) {
        Optional<Command> command = i instanceof Run r && r.heredocs().isEmpty() ? r.command()
                : i instanceof Cmd c ? c.command() : i instanceof Entrypoint e ? e.command() : Optional.empty();
        if (command.isEmpty() || !(command.get() instanceof Command.ShellForm shell)) {
            return Optional.empty();
        }
        // A '#' in the source but not in the value is a comment line inside the continuation, which would be lost.
        if (shell.range().of(file.text()).indexOf('#') >= 0) {
            return Optional.empty();
        }
        List<Stage> ancestry = ancestry(graph, stage);
        int at = stage.instructions().indexOf(i);
        boolean shellSet = stage.instructions().subList(0, at).stream().anyMatch(x -> x instanceof Shell)
                || ancestry.stream().anyMatch(s -> has(s, Shell.class));
        boolean changesArguments = i instanceof Cmd
                ? has(stage, Entrypoint.class) || ancestry.stream().anyMatch(s -> has(s, Entrypoint.class))
                : i instanceof Entrypoint && (has(stage, Cmd.class) || descendants(graph, stage).stream().anyMatch(s -> has(s, Cmd.class)));
        if (shellSet || changesArguments || windows(file, stage, ancestry)) {
            return Optional.empty();
        }
        return JSONArgsRecommendedRule.execForm(shell.script().value()).map(json -> new Fix.Edit(shell.range(), json));
    }

    /**
     * A Windows image runs shell form under {@code cmd /S /C}, whose builtins ({@code dir}, {@code copy}) the
     * plain-word test does not know: a backtick escape or a Windows base image is taken as the sign.
     */
    private static boolean windows(ParsedDockerfile file, Stage stage, List<Stage> ancestry) {
        Stage root = ancestry.isEmpty() ? stage : ancestry.get(ancestry.size() - 1);
        String image = root.base() instanceof Stage.ImageBase i ? i.reference().toLowerCase(Locale.ROOT) : "";
        return file.escape() == '`' || WINDOWS_IMAGE.matcher(image).find();
    }

    private static boolean has(Stage stage, Class<? extends Instruction> kind) {
        return stage.instructions().stream().anyMatch(kind::isInstance);
    }

    /** The stages {@code stage} is built on, nearest first. */
    private static List<Stage> ancestry(StageGraph graph, Stage stage) {
        List<Stage> out = new ArrayList<>();
        BitSet seen = new BitSet();
        Stage current = stage;
        while (current.base() instanceof Stage.StageBase b && b.index() < graph.stages().size() && !seen.get(b.index())) {
            seen.set(b.index());
            current = graph.stage(b.index());
            out.add(current);
        }
        return out;
    }

    /** The stages built on {@code stage}, directly or not. */
    private static List<Stage> descendants(StageGraph graph, Stage stage) {
        return graph.stages().stream().filter(s -> ancestry(graph, s).contains(stage)).toList();
    }

    private static boolean alreadyOffered(List<CodeAction> offered, TextEdit edit) {
        return offered.stream().anyMatch(a -> a.getEdit() != null && a.getEdit().getChanges() != null
                && a.getEdit().getChanges().values().stream().anyMatch(edits -> edits.equals(List.of(edit))));
    }
}

package dev.stagesmith.server.features.codeactions;

import dev.stagesmith.grammar.Dockerfiles;
import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.stages.Dependency;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.stages.StageGraph;
import dev.stagesmith.grammar.syntax.Arg;
import dev.stagesmith.grammar.syntax.Comment;
import dev.stagesmith.grammar.syntax.From;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.OnBuild;
import dev.stagesmith.grammar.syntax.Word;
import dev.stagesmith.server.checks.Fix;
import dev.stagesmith.server.features.PhysicalLines;
import dev.stagesmith.server.workspace.DocumentSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;

/**
 * "Extract into a new stage": the first instructions of a stage move into a new stage inserted before it,
 * {@code FROM <same base> AS <new>}, and the stage becomes {@code FROM <new>}. Only a stage's first
 * instructions can move without changing the build: the new stage hands over its filesystem and image
 * config, so the rest of the stage runs exactly as before. What does not cross a FROM is put back: ARGs
 * are declared again, {@code COPY --from=<index>} numbers after the new stage are renumbered. ONBUILD is
 * never moved (its triggers would run in the stage that now builds on it).
 */
final class ExtractStage {

    private static final String STAGE_NAME = "[a-z][a-z0-9-_.]*";

    private ExtractStage() {}

    static List<CodeAction> actions(DocumentSnapshot snapshot, TextRange selection) {
        if (selection.isEmpty()) {
            return List.of();
        }
        ParsedDockerfile file = snapshot.parsed();
        StageGraph graph = snapshot.graph();
        List<Instruction> touched = file.instructions().stream()
                .filter(i -> i.range().start() < selection.end() && selection.start() < i.range().end()).toList();
        if (touched.isEmpty()) {
            return List.of();
        }
        Optional<Stage> stage = graph.stages().stream()
                .filter(s -> s.instructions().contains(touched.get(0))).findFirst();
        if (stage.isEmpty() || !stage.get().instructions().containsAll(touched)) {
            return List.of(); // a FROM, a global ARG, or more than one stage
        }
        List<Instruction> body = stage.get().instructions();
        int last = body.indexOf(touched.get(touched.size() - 1));
        List<Instruction> moved = body.subList(0, last + 1);
        if (moved.stream().anyMatch(i -> i instanceof OnBuild) || stage.get().from().base().isEmpty()) {
            return List.of();
        }
        String title = body.indexOf(touched.get(0)) == 0 ? "Extract into a new stage"
                : "Extract the stage's first " + moved.size() + " instructions into a new stage";
        return edits(file, graph, stage.get(), moved)
                .filter(e -> stillParses(file, e, moved))
                .map(e -> List.of(Actions.of(title, CodeActionKind.RefactorExtract, snapshot.uri(),
                        Actions.edits(file, e))))
                .orElse(List.of());
    }

    private static Optional<List<Fix.Edit>> edits(ParsedDockerfile file, StageGraph graph, Stage stage,
            List<Instruction> moved) {
        String text = file.text();
        String lineBreak = PhysicalLines.lineBreak(text);
        From from = stage.from();
        Word base = from.base().get();
        String name = newName(graph, stage);
        int headStart = from.flags().isEmpty() ? base.range().start() : from.flags().get(0).range().start();
        String as = from.asKeyword().map(Word::value)
                .orElse(from.keyword().value().equals(from.keyword().value().toLowerCase(Locale.ROOT)) ? "as" : "AS");
        int fromLine = PhysicalLines.start(text, from.range().start());
        String indent = text.substring(PhysicalLines.trailingBlanks(text, fromLine, from.range().start()),
                from.range().start());
        String newFrom = indent + from.keyword().value() + " " + text.substring(headStart, base.range().end()) + " "
                + as + " " + name;

        int blockStart = PhysicalLines.next(text, PhysicalLines.start(text, from.range().end()));
        int blockEnd = PhysicalLines.next(text, PhysicalLines.start(text, moved.get(moved.size() - 1).range().end()));
        Optional<List<Fix.Edit>> renumbered = renumbered(file, graph, stage);
        if (renumbered.isEmpty()) {
            return Optional.empty();
        }
        List<Fix.Edit> inside = new ArrayList<>();
        List<Fix.Edit> out = new ArrayList<>();
        for (Fix.Edit e : renumbered.get()) {
            (e.range().start() >= blockStart && e.range().end() <= blockEnd ? inside : out).add(e);
        }
        String block = applied(text, TextRange.of(blockStart, blockEnd), inside);
        if (!block.endsWith("\n")) {
            block += lineBreak;
        }
        StringBuilder args = new StringBuilder();
        for (Instruction i : moved) {
            if (i instanceof Arg) {
                int line = PhysicalLines.start(text, i.range().start());
                args.append(text, PhysicalLines.trailingBlanks(text, line, i.range().start()), i.range().end())
                        .append(lineBreak);
            }
        }
        out.add(new Fix.Edit(TextRange.empty(insertionPoint(file, fromLine)), newFrom + lineBreak + block + lineBreak));
        out.add(new Fix.Edit(TextRange.of(headStart, base.range().end()), name));
        out.add(new Fix.Edit(TextRange.of(blockStart, blockEnd), args.toString()));
        out.sort(Comparator.comparing(Fix.Edit::range));
        return Optional.of(out);
    }

    /** {@code <name>-base}, or {@code base} for an unnamed stage, made unique among names and references. */
    private static String newName(StageGraph graph, Stage stage) {
        String base = stage.name().filter(n -> n.matches(STAGE_NAME)).map(n -> n + "-base").orElse("base");
        Set<String> taken = new HashSet<>(Set.of("scratch", "context"));
        graph.stages().forEach(s -> s.name().ifPresent(taken::add));
        // A name an image is referred to by would turn that reference into one to the new stage.
        graph.dependencies().forEach(d -> taken.add(d.text().toLowerCase(Locale.ROOT)));
        String name = base;
        for (int n = 2; taken.contains(name); n++) {
            name = base + "-" + n;
        }
        return name;
    }

    /** {@code COPY --from=<index>} of this stage or a later one counts one more, as a stage comes before it. */
    private static Optional<List<Fix.Edit>> renumbered(ParsedDockerfile file, StageGraph graph, Stage stage) {
        List<Fix.Edit> out = new ArrayList<>();
        Set<TextRange> seen = new HashSet<>();
        for (Dependency d : graph.dependencies()) {
            boolean index = (d.kind() == Dependency.Kind.COPY || d.kind() == Dependency.Kind.ONBUILD)
                    && d.text().matches("[+-]?[0-9]+");
            if (!index || d.targetStage() < stage.index() || !seen.add(d.range())) {
                continue;
            }
            if (!d.range().of(file.text()).equals(d.text())) {
                return Optional.empty(); // quoted or escaped: no exact place to write the new number
            }
            out.add(new Fix.Edit(d.range(), Integer.toString(d.targetStage() + 1)));
        }
        return Optional.of(out);
    }

    /** The start of the FROM's line, or of the comments right above it, which stay with it. */
    private static int insertionPoint(ParsedDockerfile file, int fromLine) {
        String text = file.text();
        Set<Integer> commentLines = new HashSet<>();
        for (Comment c : file.comments()) {
            commentLines.add(PhysicalLines.start(text, c.range().start()));
        }
        int at = fromLine;
        while (at > 0 && commentLines.contains(PhysicalLines.start(text, at - 1))) {
            at = PhysicalLines.start(text, at - 1);
        }
        return at == 0 && text.startsWith("\uFEFF") ? 1 : at;
    }

    private static String applied(String text, TextRange range, List<Fix.Edit> edits) {
        List<Fix.Edit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparing(Fix.Edit::range));
        StringBuilder out = new StringBuilder();
        int at = range.start();
        for (Fix.Edit e : sorted) {
            out.append(text, at, e.range().start()).append(e.text());
            at = e.range().end();
        }
        return out.append(text, at, range.end()).toString();
    }

    /** A last check: the result has one more stage, the ARGs declared again, and no new syntax error. */
    private static boolean stillParses(ParsedDockerfile file, List<Fix.Edit> edits, List<Instruction> moved) {
        ParsedDockerfile after = Dockerfiles.parse(applied(file.text(), TextRange.of(0, file.text().length()), edits));
        long args = moved.stream().filter(i -> i instanceof Arg).count();
        return after.instructions().size() == file.instructions().size() + 1 + args
                && after.errors().size() <= file.errors().size();
    }
}

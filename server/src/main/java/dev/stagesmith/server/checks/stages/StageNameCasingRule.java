package dev.stagesmith.server.checks.stages;

import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.stages.Dependency;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.stages.StageGraph;
import dev.stagesmith.grammar.syntax.Word;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Findings;
import dev.stagesmith.server.checks.Fix;
import dev.stagesmith.server.checks.Rule;
import dev.stagesmith.server.checks.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * BuildKit's StageNameCasing check. BuildKit lower-cases stage names, so {@code --from=Builder} still
 * works but {@code FROM Builder} does not; the quick fix lower-cases the name and every reference to it.
 */
public final class StageNameCasingRule implements Rule {

    @Override
    public String code() {
        return "StageNameCasing";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public String summary() {
        return "Stage names should be lowercase";
    }

    @Override
    public void check(CheckInput input, Findings out) {
        for (Stage s : input.graph().stages()) {
            // BuildKit checks before validating the name; a FROM whose second word is not AS is a syntax error.
            if (s.from().args().size() != 3 || s.from().asKeyword().isEmpty()) {
                continue;
            }
            Word name = s.from().args().get(2);
            String lower = name.value().toLowerCase(Locale.ROOT);
            if (!name.value().equals(lower)) {
                out.report(name.range(), "Stage name '" + name.value() + "' should be lowercase",
                        new Fix("Lower-case stage name '" + name.value() + "' and its references",
                                edits(input.file(), input.graph(), s, name, lower)));
            }
        }
    }

    /** The name itself, {@code --from}/{@code from=} values naming it, and later {@code FROM <name>} lines. */
    private static List<Fix.Edit> edits(ParsedDockerfile file, StageGraph graph, Stage stage, Word name,
            String lower) {
        // Keyed by range: an inherited ONBUILD trigger is one piece of text shared by every child stage.
        Map<TextRange, String> edits = new TreeMap<>();
        edits.put(name.range(), lower);
        for (Dependency d : graph.dependencies()) {
            if (References.isFromFlag(d) && d.text().toLowerCase(Locale.ROOT).equals(lower)
                    && !d.text().equals(lower) && References.editable(file, d)) {
                edits.put(d.range(), lower);
            }
        }
        for (Stage later : graph.stages().subList(stage.index() + 1, graph.stages().size())) {
            later.from().base().filter(w -> w.value().equalsIgnoreCase(name.value()) && !w.value().equals(lower)
                    && w.range().of(file.text()).equals(w.value())).ifPresent(w -> edits.put(w.range(), lower));
        }
        List<Fix.Edit> out = new ArrayList<>();
        edits.forEach((range, text) -> out.add(new Fix.Edit(range, text)));
        return out;
    }
}

package dev.stagesmith.server.cli;

import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.stages.StageGraph;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Renders the stage list as an aligned table, then the build order for a target. */
final class StagesText {

    private StagesText() {}

    static void render(StageGraph graph, Optional<Stage> target, PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"#", "NAME", "BASE", "LINE", "NEEDS"});
        for (Stage s : graph.stages()) {
            List<String> needs = graph.directDependencies(s).stream().map(Stage::displayName).toList();
            rows.add(new String[] {
                Integer.toString(s.index()),
                s.name().orElse("-"),
                StageDescriptions.base(graph, s),
                Integer.toString(graph.file().lineNumber(s.from().range().start())),
                needs.isEmpty() ? "-" : String.join(", ", needs)
            });
        }
        printTable(rows, out);
        target.ifPresent(t -> {
            List<Stage> order = graph.stagesFor(t);
            out.println();
            out.printf("Build order for target %s (%d of %d stages):%n", t.displayName(), order.size(),
                    graph.stages().size());
            int n = 1;
            for (Stage s : order) {
                out.printf("  %d. %s%n", n++, s.displayName());
            }
        });
    }

    private static void printTable(List<String[]> rows, PrintWriter out) {
        int[] widths = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                line.append(r[i]);
                if (i + 1 < r.length) {
                    line.append(" ".repeat(widths[i] - r[i].length() + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }
}

package dev.stagesmith.server.checks.stages;

import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.stages.Dependency;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.stages.StageGraph;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Finding;
import dev.stagesmith.server.checks.Findings;
import dev.stagesmith.server.checks.Rule;
import dev.stagesmith.server.checks.Severity;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stage that no other stage needs and that is not the last one: the default build skips it. It may be
 * a deliberate {@code --target} (test, dev), so this is only a hint, shown greyed out.
 */
public final class UnusedStageRule implements Rule {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{[^}]*}|\\$[A-Za-z0-9_]+");

    @Override
    public String code() {
        return "unused-stage";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.HINT;
    }

    @Override
    public String summary() {
        return "A stage the default build never uses (only --target builds it)";
    }

    /**
     * {@code FROM binary-$TARGETOS}: the stage the build uses depends on the platform or a build arg, so
     * every earlier stage whose name fits the pattern may be needed.
     */
    private static void markSelectable(StageGraph graph, Stage stage, String base, boolean[] needed) {
        StringBuilder regex = new StringBuilder();
        Matcher m = VARIABLE.matcher(base);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(base.substring(last, m.start()))).append(".*");
            last = m.end();
        }
        regex.append(Pattern.quote(base.substring(last)));
        Pattern pattern = Pattern.compile(regex.toString());
        for (Stage s : graph.stages().subList(0, stage.index())) {
            if (s.name().filter(n -> pattern.matcher(n).matches()).isPresent()) {
                needed[s.index()] = true;
            }
        }
    }

    @Override
    public void check(CheckInput input, Findings out) {
        StageGraph graph = input.graph();
        boolean[] needed = new boolean[graph.stages().size()];
        for (Dependency d : graph.dependencies()) {
            int target = References.target(d);
            if (target >= 0 && target != d.stage()) {
                needed[target] = true;
            }
        }
        for (Stage s : graph.stages()) {
            s.from().base().filter(w -> w.value().contains("$"))
                    .ifPresent(w -> markSelectable(graph, s, w.value(), needed));
        }
        for (Stage s : graph.stages()) {
            if (needed[s.index()] || s.index() == graph.stages().size() - 1) {
                continue;
            }
            TextRange range = s.nameWord().map(w -> w.range()).orElse(s.from().range());
            String target = s.name().map(n -> "--target " + n).orElse("a --target");
            out.report(range, "Stage " + References.quote(s.displayName()) + " is not used by the default build: no"
                    + " other stage builds on it, copies from it or mounts it, so only " + target + " builds it;"
                    + " remove it if it is not a deliberate target", EnumSet.of(Finding.Tag.UNNECESSARY), List.of());
        }
    }
}

package dev.stagesmith.server.checks.stages;

import dev.stagesmith.grammar.stages.Dependency;
import dev.stagesmith.grammar.stages.StageGraph;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Findings;
import dev.stagesmith.server.checks.Rule;
import dev.stagesmith.server.checks.Severity;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Stages that need each other through {@code COPY --from}, mounts or FROM: none of them can be built
 * first. Reported once per cycle (per set of stages that all need each other), at the reference that
 * points down the file; a stage that needs only itself is {@code self-stage-reference}'s.
 */
public final class StageCycleRule implements Rule {

    @Override
    public String code() {
        return "stage-cycle";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public String summary() {
        return "Stages depend on each other in a cycle (BuildKit cannot build any of them)";
    }

    @Override
    public void check(CheckInput input, Findings out) {
        StageGraph graph = input.graph();
        int[] component = References.components(graph);
        Set<Integer> done = new HashSet<>();
        List<Dependency> forward = new ArrayList<>(graph.dependencies().stream()
                .filter(d -> References.target(d) > d.stage()).toList());
        forward.sort(Comparator.comparingInt(d -> d.range().start()));
        for (Dependency d : forward) {
            int target = References.target(d);
            if (component[target] == component[d.stage()] && done.add(component[d.stage()])) {
                List<Integer> path = pathBack(graph, component, target, d.stage());
                out.report(d.range(), message(graph, d, path));
            }
        }
    }

    /** The shortest chain of stages from {@code from} back to {@code to}, inside one component. */
    private static List<Integer> pathBack(StageGraph graph, int[] component, int from, int to) {
        List<List<Dependency>> outgoing = References.outgoing(graph);
        int[] parent = new int[graph.stages().size()];
        Arrays.fill(parent, -1);
        parent[from] = from;
        Deque<Integer> todo = new ArrayDeque<>();
        todo.add(from);
        while (!todo.isEmpty() && parent[to] < 0) {
            int v = todo.poll();
            for (Dependency e : outgoing.get(v)) {
                int t = References.target(e);
                if (parent[t] < 0 && component[t] == component[from]) {
                    parent[t] = v;
                    todo.add(t);
                }
            }
        }
        List<Integer> path = new ArrayList<>();
        for (int v = to; v != from; v = parent[v]) {
            path.add(v);
        }
        path.add(from);
        Collections.reverse(path);
        return path;
    }

    private static String message(StageGraph graph, Dependency d, List<Integer> pathBack) {
        StringBuilder chain = new StringBuilder(References.name(graph, d.stage()));
        for (int s : pathBack) {
            chain.append(" -> ").append(References.name(graph, s));
        }
        String verb = References.isMount(d) ? "mounts" : "copies from";
        return "Dependency cycle " + chain + ": stage " + References.quote(References.name(graph, d.stage())) + " "
                + verb + " " + References.quote(References.name(graph, References.target(d)))
                + References.trigger(graph, d) + ", which needs it in turn, so neither can be built first (BuildKit"
                + " reports a circular dependency); remove one of these references";
    }
}

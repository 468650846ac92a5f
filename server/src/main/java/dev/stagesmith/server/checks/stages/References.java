package dev.stagesmith.server.checks.stages;

import dev.stagesmith.grammar.GoQuoting;
import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.stages.Dependency;
import dev.stagesmith.grammar.stages.MountSpec;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.stages.StageGraph;
import dev.stagesmith.grammar.syntax.Flag;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.OnBuild;
import dev.stagesmith.grammar.syntax.Run;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * The references between stages as BuildKit resolves them, shared by the stage rules. Where the stage
 * graph is more lenient than BuildKit (a number in {@code RUN --mount=from=} is a name to BuildKit, never
 * an index), BuildKit wins here.
 */
final class References {

    private References() {}

    /** Whether the reference is a {@code RUN --mount} source (directly or in an inherited ONBUILD trigger). */
    static boolean isMount(Dependency d) {
        if (d.kind() == Dependency.Kind.MOUNT) {
            return true;
        }
        return d.kind() == Dependency.Kind.ONBUILD && d.instruction() instanceof OnBuild ob
                && ob.trigger().filter(t -> t instanceof Run).isPresent();
    }

    /** A {@code --from} flag or a mount's {@code from=}, as opposed to the base named in FROM. */
    static boolean isFromFlag(Dependency d) {
        return d.kind() != Dependency.Kind.FROM;
    }

    /** What Go's {@code strconv.Atoi} would try to read as a number (BuildKit's test for a stage index). */
    static boolean isInteger(String s) {
        return s.matches("[+-]?[0-9]+");
    }

    /** {@code RUN --mount=from=<digits>}: BuildKit looks mount sources up by name only, so this names an image. */
    static boolean isIndexInMount(Dependency d) {
        return isMount(d) && isInteger(d.text());
    }

    /** The stage BuildKit resolves the reference to, or -1 when it resolves to no stage. */
    static int target(Dependency d) {
        return d.isStage() && !isIndexInMount(d) ? d.targetStage() : -1;
    }

    /** What {@code stage} needs, as BuildKit resolves references, per stage index. */
    static List<List<Dependency>> outgoing(StageGraph graph) {
        List<List<Dependency>> out = new ArrayList<>();
        for (int i = 0; i < graph.stages().size(); i++) {
            out.add(new ArrayList<>());
        }
        for (Dependency d : graph.dependencies()) {
            if (target(d) >= 0) {
                out.get(d.stage()).add(d);
            }
        }
        return out;
    }

    /**
     * The strongly connected component of each stage (Kosaraju, iterative so that thousands of chained
     * stages cannot overflow the stack). Two stages share a component exactly when each needs the other.
     */
    static int[] components(StageGraph graph) {
        int n = graph.stages().size();
        List<List<Dependency>> out = outgoing(graph);
        List<List<Integer>> in = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            in.add(new ArrayList<>());
        }
        for (List<Dependency> ds : out) {
            for (Dependency d : ds) {
                in.get(target(d)).add(d.stage());
            }
        }
        int[] order = new int[n];
        int done = 0;
        boolean[] seen = new boolean[n];
        for (int s = 0; s < n; s++) {
            if (seen[s]) {
                continue;
            }
            Deque<int[]> stack = new ArrayDeque<>();
            stack.push(new int[] {s, 0});
            seen[s] = true;
            while (!stack.isEmpty()) {
                int[] top = stack.peek();
                List<Dependency> next = out.get(top[0]);
                if (top[1] < next.size()) {
                    int t = target(next.get(top[1]++));
                    if (!seen[t]) {
                        seen[t] = true;
                        stack.push(new int[] {t, 0});
                    }
                } else {
                    order[done++] = stack.pop()[0];
                }
            }
        }
        int[] component = new int[n];
        Arrays.fill(component, -1);
        for (int k = n - 1; k >= 0; k--) {
            int root = order[k];
            if (component[root] >= 0) {
                continue;
            }
            Deque<Integer> todo = new ArrayDeque<>();
            todo.push(root);
            component[root] = root;
            while (!todo.isEmpty()) {
                int v = todo.pop();
                for (int u : in.get(v)) {
                    if (component[u] < 0) {
                        component[u] = root;
                        todo.push(u);
                    }
                }
            }
        }
        return component;
    }

    /** The target of the mount a {@code from=} reference belongs to, as BuildKit's errors show it. */
    static String mountTarget(Dependency d) {
        Instruction i = d.instruction() instanceof OnBuild ob && ob.trigger().isPresent() ? ob.trigger().get()
                : d.instruction();
        for (Flag f : i.flags("mount")) {
            if (f.value().isPresent() && f.valueRange().contains(d.range())) {
                return MountSpec.parse(f.value().get()).field("target", "dst", "destination")
                        .map(MountSpec.Field::value).orElse("");
            }
        }
        return "";
    }

    /** How BuildKit names a stage in its errors: its name, or {@code stage-<index>}. */
    static String name(StageGraph graph, int index) {
        return graph.stage(index).displayName();
    }

    static String quote(String s) {
        return GoQuoting.quote(s);
    }

    /** For a reference made by an inherited ONBUILD trigger, says which stage runs it. */
    static String trigger(StageGraph graph, Dependency d) {
        if (d.kind() != Dependency.Kind.ONBUILD) {
            return "";
        }
        return " (in an ONBUILD trigger that runs when stage " + quote(name(graph, d.stage())) + " is built)";
    }

    /** Whether the reference's range holds exactly its text, so a quick fix may replace it. */
    static boolean editable(ParsedDockerfile file, Dependency d) {
        return d.range().of(file.text()).equals(d.text());
    }

    static int line(ParsedDockerfile file, TextRange range) {
        return file.startLine(range);
    }

    static int line(ParsedDockerfile file, Stage stage) {
        return file.startLine(stage.from().range());
    }
}

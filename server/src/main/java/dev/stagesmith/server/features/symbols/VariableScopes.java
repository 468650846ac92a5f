package dev.stagesmith.server.features.symbols;

import dev.stagesmith.grammar.stages.Binding;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.stages.StageGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which {@link Variable} a mention of a name belongs to. Inside a stage, a name belongs to the
 * family of the first stage up its {@code FROM <stage>} chain that declares it (ARG or ENV), or to the
 * chain's first stage when none does (a name from the base image). A family where some stage redeclares
 * a global or automatic ARG with {@code ARG NAME} joins the global scope: the value flows from there.
 */
public final class VariableScopes {

    private final StageGraph graph;
    private final List<Set<String>> declared = new ArrayList<>();
    private final List<Set<String>> argDeclared = new ArrayList<>();
    private final Set<String> globalNames = new HashSet<>();
    private final Set<String> automaticNames = new HashSet<>();
    private final Map<String, int[]> roots = new HashMap<>();
    private final Map<String, Set<Integer>> joined = new HashMap<>();

    private VariableScopes(StageGraph graph) {
        this.graph = graph;
        for (Binding b : graph.args().scope().bindings().values()) {
            if (b.origin() == Binding.Origin.AUTOMATIC) {
                automaticNames.add(b.name());
            }
        }
        globalNames.addAll(automaticNames);
        graph.args().declared().forEach(b -> globalNames.add(b.name()));
    }

    /** The names each stage declares (ARG or ENV) and the ones it declares with ARG, computed on first use. */
    private void declarations() {
        if (!declared.isEmpty() || graph.stages().isEmpty()) {
            return;
        }
        for (Stage s : graph.stages()) {
            Set<String> names = new HashSet<>();
            Set<String> args = new HashSet<>();
            for (int k = 0; k < s.instructions().size(); k++) {
                for (VariableSites.Declaration d : VariableSites.declarations(new Place(s.instructions().get(k),
                        Optional.of(s), k))) {
                    names.add(d.variableName());
                    if (d.arg()) {
                        args.add(d.variableName());
                    }
                }
            }
            declared.add(names);
            argDeclared.add(args);
        }
    }

    public static VariableScopes of(StageGraph graph) {
        return new VariableScopes(graph);
    }

    /** The variable {@code name} means in {@code stage}, or in the global scope when the stage is empty. */
    public Variable variable(String name, Optional<Stage> stage) {
        if (stage.isEmpty()) {
            return new Variable(name, Variable.GLOBAL);
        }
        int root = roots(name)[stage.get().index()];
        return new Variable(name, joined(name).contains(root) ? Variable.GLOBAL : root);
    }

    public Variable variable(String name, VariableSites.Site site) {
        return variable(name, site.scopeStage());
    }

    public Variable variable(VariableSites.Declaration d) {
        return variable(d.variableName(), d.place().stage());
    }

    /** Whether BuildKit sets the name itself ({@code TARGETARCH}, ...). */
    public boolean isAutomatic(String name) {
        return automaticNames.contains(name);
    }

    /** The stages in which the variable's name means this variable. */
    public List<Stage> stages(Variable v) {
        List<Stage> out = new ArrayList<>();
        for (Stage s : graph.stages()) {
            if (variable(v.name(), Optional.of(s)).equals(v)) {
                out.add(s);
            }
        }
        return out;
    }

    /** Per stage, the root of its family for {@code name}. */
    private int[] roots(String name) {
        declarations();
        return roots.computeIfAbsent(name, n -> {
            int count = graph.stages().size();
            int[] top = new int[count];
            int[] declaring = new int[count];
            int[] root = new int[count];
            for (Stage s : graph.stages()) {
                int i = s.index();
                int base = s.base() instanceof Stage.StageBase b && b.index() < i ? b.index() : -1;
                top[i] = base >= 0 ? top[base] : i;
                declaring[i] = base >= 0 && declaring[base] >= 0 ? declaring[base]
                        : declared.get(i).contains(n) ? i : -1;
                root[i] = declaring[i] >= 0 ? declaring[i] : top[i];
            }
            return root;
        });
    }

    /** The family roots that joined the global scope for {@code name}. */
    private Set<Integer> joined(String name) {
        declarations();
        return joined.computeIfAbsent(name, n -> {
            Set<Integer> out = new HashSet<>();
            if (!globalNames.contains(n)) {
                return out;
            }
            int[] root = roots(n);
            for (int i = 0; i < root.length; i++) {
                if (argDeclared.get(i).contains(n)) {
                    out.add(root[i]);
                }
            }
            return out;
        });
    }
}

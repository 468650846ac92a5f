package dev.stagesmith.grammar.stages;

import dev.stagesmith.grammar.ClosestMatch;
import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.syntax.Arg;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.Shell;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The stages of a Dockerfile and how they depend on each other ({@code FROM <stage>},
 * {@code COPY --from}, {@code RUN --mount=from=}, inherited ONBUILD triggers), with BuildKit's name
 * lookups, {@code --target} pruning, ARG scoping and the environment at every instruction.
 */
public final class StageGraph {

    private final ParsedDockerfile file;
    private final ModelOptions options;
    private final List<Arg> globalArgInstructions;
    private final List<Instruction> preamble;
    private final List<Stage> stages;
    private final List<Dependency> dependencies;
    private final List<List<Dependency>> outgoing;
    private final List<List<Dependency>> incoming;
    private final ArgScope args;
    private final List<StageEnvironment> environments;
    private final List<ExpansionProblem> problems;
    private final List<List<Integer>> cycles;

    StageGraph(ParsedDockerfile file, ModelOptions options, List<Arg> globalArgInstructions, List<Instruction> preamble,
            List<Stage> stages, List<Dependency> dependencies, ArgScope args, List<StageEnvironment> environments,
            List<ExpansionProblem> problems) {
        this.file = file;
        this.options = options;
        this.globalArgInstructions = List.copyOf(globalArgInstructions);
        this.preamble = List.copyOf(preamble);
        this.stages = List.copyOf(stages);
        this.dependencies = List.copyOf(dependencies);
        this.args = args;
        this.environments = List.copyOf(environments);
        this.problems = List.copyOf(problems);
        this.outgoing = new ArrayList<>(stages.size());
        this.incoming = new ArrayList<>(stages.size());
        for (int i = 0; i < stages.size(); i++) {
            outgoing.add(new ArrayList<>());
            incoming.add(new ArrayList<>());
        }
        for (Dependency d : dependencies) {
            outgoing.get(d.stage()).add(d);
            if (d.isStage()) {
                incoming.get(d.targetStage()).add(d);
            }
        }
        this.cycles = findCycles();
    }

    /** The stage graph of {@code file} for a build with no build args on this machine's platform. */
    public static StageGraph of(ParsedDockerfile file) {
        return of(file, ModelOptions.defaults());
    }

    public static StageGraph of(ParsedDockerfile file, ModelOptions options) {
        return StageGraphBuilder.build(file, options);
    }

    public ParsedDockerfile file() {
        return file;
    }

    public ModelOptions options() {
        return options;
    }

    public List<Stage> stages() {
        return stages;
    }

    public Stage stage(int index) {
        return stages.get(index);
    }

    /** The ARG instructions before the first FROM. */
    public List<Arg> globalArgInstructions() {
        return globalArgInstructions;
    }

    /** Instructions other than ARG before the first FROM (BuildKit rejects them). */
    public List<Instruction> preamble() {
        return preamble;
    }

    public List<Dependency> dependencies() {
        return dependencies;
    }

    /** What {@code stage} refers to, in source order. */
    public List<Dependency> dependenciesOf(Stage stage) {
        return List.copyOf(outgoing.get(stage.index()));
    }

    /** The references to {@code stage} from other stages (or from itself). */
    public List<Dependency> dependentsOf(Stage stage) {
        return List.copyOf(incoming.get(stage.index()));
    }

    public ArgScope args() {
        return args;
    }

    public StageEnvironment environment(Stage stage) {
        return environments.get(stage.index());
    }

    /** Words BuildKit would fail to expand, found while evaluating ARG, ENV and FROM. */
    public List<ExpansionProblem> problems() {
        return problems;
    }

    /** The stage containing {@code offset}, if any. */
    public Optional<Stage> stageAt(int offset) {
        for (Stage s : stages) {
            if (s.range().touches(offset)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The stage a build builds without {@code --target}: the last one. */
    public Optional<Stage> defaultTarget() {
        return stages.isEmpty() ? Optional.empty() : Optional.of(stages.get(stages.size() - 1));
    }

    /**
     * The stage {@code --target} names: a stage name (case-insensitive; the last stage of that name,
     * as BuildKit) or, as a Stagesmith extension for unnamed stages, a decimal index.
     */
    public Optional<Stage> findTarget(String target) {
        Optional<Stage> byName = findByName(target);
        if (byName.isPresent()) {
            return byName;
        }
        if (target.matches("[0-9]{1,9}")) {
            int i = Integer.parseInt(target);
            return i < stages.size() ? Optional.of(stages.get(i)) : Optional.empty();
        }
        return Optional.empty();
    }

    /** The last stage called {@code name}, ignoring case, as {@code --from} and {@code --target} find stages. */
    public Optional<Stage> findByName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (int i = stages.size() - 1; i >= 0; i--) {
            if (stages.get(i).name().filter(lower::equals).isPresent()) {
                return Optional.of(stages.get(i));
            }
        }
        return Optional.empty();
    }

    /** The stage name closest to a misspelt one, for did-you-mean messages. */
    public Optional<String> closestName(String name) {
        List<String> names = stages.stream().flatMap(s -> s.name().stream()).toList();
        return ClosestMatch.find(name, names);
    }

    /**
     * Exactly the stages a build of {@code target} runs, in build order: the target, its base chain,
     * and every stage reachable through {@code COPY --from}, mounts and inherited ONBUILD triggers
     * (BuildKit's pruning, not the legacy builder's "every earlier stage").
     */
    public List<Stage> stagesFor(Stage target) {
        BitSet seen = new BitSet(stages.size());
        Deque<Integer> todo = new ArrayDeque<>();
        todo.push(target.index());
        while (!todo.isEmpty()) {
            int i = todo.pop();
            if (seen.get(i)) {
                continue;
            }
            seen.set(i);
            for (Dependency d : outgoing.get(i)) {
                if (d.isStage()) {
                    todo.push(d.targetStage());
                }
            }
        }
        List<Stage> out = new ArrayList<>(seen.cardinality());
        for (int i = seen.nextSetBit(0); i >= 0; i = seen.nextSetBit(i + 1)) {
            out.add(stages.get(i));
        }
        return out;
    }

    /** The stages {@code stage} needs directly (its base stage and the stages it copies or mounts from). */
    public List<Stage> directDependencies(Stage stage) {
        BitSet seen = new BitSet();
        List<Stage> out = new ArrayList<>();
        for (Dependency d : outgoing.get(stage.index())) {
            if (d.isStage() && !seen.get(d.targetStage())) {
                seen.set(d.targetStage());
                out.add(stages.get(d.targetStage()));
            }
        }
        return out;
    }

    /**
     * The SHELL in effect before instruction {@code index} of {@code stage}: the last SHELL above it in
     * the stage, else the last one in the stage it is built on ({@code FROM <stage>}), and so on up the
     * chain; empty when none chose a shell (the default, {@code /bin/sh -c}).
     */
    public Optional<Shell> shellAt(Stage stage, int index) {
        Stage s = stage;
        int limit = index;
        while (true) {
            for (int j = Math.min(limit, s.instructions().size()) - 1; j >= 0; j--) {
                if (s.instructions().get(j) instanceof Shell shell) {
                    return Optional.of(shell);
                }
            }
            if (!(s.base() instanceof Stage.StageBase b) || b.index() >= s.index()) {
                return Optional.empty();
            }
            s = stages.get(b.index());
            limit = s.instructions().size();
        }
    }

    /**
     * Whether a shell-form command at instruction {@code index} of {@code stage} runs in a POSIX shell,
     * which reads {@code $NAME} itself: the default shell, or a SHELL naming sh, bash, ash, dash, zsh,
     * ksh, mksh or busybox. A file with the backtick escape (a Windows Dockerfile) never does.
     */
    public boolean posixShellAt(Stage stage, int index) {
        return file.escape() == '\\' && shellAt(stage, index).map(Shells::isPosix).orElse(true);
    }

    /** References to a stage defined at or after the referring one; BuildKit rejects them. */
    public List<Dependency> forwardReferences() {
        return dependencies.stream().filter(d -> d.isStage() && d.targetStage() >= d.stage()).toList();
    }

    /** Dependency cycles, each as the stage indexes along it (a self-reference is a cycle of one). */
    public List<List<Integer>> cycles() {
        return cycles;
    }

    private List<List<Integer>> findCycles() {
        List<List<Integer>> found = new ArrayList<>();
        int n = stages.size();
        int[] state = new int[n];
        Deque<Integer> path = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            if (state[i] == 0) {
                visit(i, state, path, found);
            }
        }
        return List.copyOf(found);
    }

    private void visit(int start, int[] state, Deque<Integer> path, List<List<Integer>> found) {
        // Iterative depth-first search: a Dockerfile with thousands of chained stages must not overflow the stack.
        Deque<int[]> stack = new ArrayDeque<>();
        stack.push(new int[] {start, 0});
        state[start] = 1;
        path.addLast(start);
        while (!stack.isEmpty()) {
            int[] frame = stack.peek();
            List<Dependency> out = outgoing.get(frame[0]);
            if (frame[1] < out.size()) {
                Dependency d = out.get(frame[1]++);
                if (!d.isStage()) {
                    continue;
                }
                int t = d.targetStage();
                if (state[t] == 1) {
                    List<Integer> cycle = new ArrayList<>();
                    boolean in = false;
                    for (int p : path) {
                        in |= p == t;
                        if (in) {
                            cycle.add(p);
                        }
                    }
                    found.add(List.copyOf(cycle));
                } else if (state[t] == 0) {
                    state[t] = 1;
                    path.addLast(t);
                    stack.push(new int[] {t, 0});
                }
            } else {
                state[frame[0]] = 2;
                path.removeLast();
                stack.pop();
            }
        }
    }
}

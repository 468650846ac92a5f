package dev.stagesmith.server.graph;

import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.stages.Dependency;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.stages.StageGraph;
import dev.stagesmith.grammar.syntax.OnBuild;
import dev.stagesmith.grammar.syntax.Run;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * The stage graph reduced to what a picture or an editor needs: one node per stage (label, base, FROM line,
 * whether the target needs it) and one edge per reference from a stage to an earlier stage. Every renderer
 * and the {@code stagesmith/stages} request read this, so they agree on labels and edges.
 *
 * @param nodes the stages in file order
 * @param edges every reference to a stage, in file order (several may join the same two stages)
 * @param target the index of the target stage, when one was given
 */
public record StageDiagram(List<Node> nodes, List<Edge> edges, Optional<Integer> target) {

    /** What a stage starts from, as the protocol names it. */
    public enum BaseKind {
        IMAGE("image"), STAGE("stage"), SCRATCH("scratch");

        private final String wire;

        BaseKind(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    /** How a stage uses another: ONBUILD-inherited references count as the COPY or mount they run. */
    public enum EdgeKind {
        FROM("FROM"), COPY("COPY"), MOUNT("mount");

        private final String wire;

        EdgeKind(String wire) {
            this.wire = wire;
        }

        /** The name in the protocol and on the pictures: {@code FROM}, {@code COPY}, {@code mount}. */
        public String wire() {
            return wire;
        }
    }

    /**
     * One stage.
     *
     * @param name the stage name as BuildKit stores it (lower case), empty for an unnamed stage
     * @param label the name, or {@code #index} for an unnamed stage
     * @param baseText the image reference (after global ARGs), the base stage's label, or {@code scratch}
     * @param line the zero-based line of the FROM
     * @param from the FROM instruction's range
     * @param needed whether building the target runs this stage (false when there is no target)
     */
    public record Node(int index, Optional<String> name, String label, BaseKind baseKind, String baseText, int line,
            TextRange from, boolean needed) {

        /** The base as a picture shows it under the label. */
        public String baseCaption() {
            return baseKind == BaseKind.STAGE ? "stage " + baseText : baseText;
        }
    }

    /**
     * One reference of stage {@code to} to the earlier stage {@code from}: data flows from {@code from} to
     * {@code to}, and {@code from} is built first.
     *
     * @param line the zero-based line where the reference is written
     * @param range where the reference is written (for an inherited ONBUILD trigger, in the parent stage)
     */
    public record Edge(int from, int to, EdgeKind kind, int line, TextRange range) {}

    /** The diagram of {@code graph}, with the stages {@code target} needs marked when a target is given. */
    public static StageDiagram of(StageGraph graph, Optional<Stage> target) {
        ParsedDockerfile file = graph.file();
        BitSet needed = new BitSet();
        target.ifPresent(t -> graph.stagesFor(t).forEach(s -> needed.set(s.index())));
        List<Node> nodes = new ArrayList<>(graph.stages().size());
        for (Stage s : graph.stages()) {
            nodes.add(new Node(s.index(), s.name(), label(s), baseKind(s), baseText(graph, s),
                    file.lines().position(s.from().range().start()).line(), s.from().range(), needed.get(s.index())));
        }
        List<Edge> edges = new ArrayList<>();
        for (Dependency d : graph.dependencies()) {
            // Only references to earlier stages are edges: BuildKit rejects the others, and checks report them.
            if (d.isStage() && d.targetStage() < d.stage()) {
                edges.add(new Edge(d.targetStage(), d.stage(), edgeKind(d),
                        file.lines().position(d.range().start()).line(), d.range()));
            }
        }
        return new StageDiagram(List.copyOf(nodes), List.copyOf(edges), target.map(Stage::index));
    }

    /** Whether the picture should show what a target needs. */
    public boolean hasTarget() {
        return target.isPresent();
    }

    /** Whether an edge carries data into the target's build: both of its stages are needed. */
    public boolean needed(Edge e) {
        return nodes.get(e.from()).needed() && nodes.get(e.to()).needed();
    }

    static String label(Stage s) {
        return s.name().orElse("#" + s.index());
    }

    private static BaseKind baseKind(Stage s) {
        if (s.base() instanceof Stage.Scratch) {
            return BaseKind.SCRATCH;
        }
        return s.base() instanceof Stage.StageBase ? BaseKind.STAGE : BaseKind.IMAGE;
    }

    private static String baseText(StageGraph graph, Stage s) {
        if (s.base() instanceof Stage.Scratch) {
            return "scratch";
        }
        if (s.base() instanceof Stage.StageBase b) {
            return label(graph.stage(b.index()));
        }
        String ref = ((Stage.ImageBase) s.base()).reference();
        return ref.isEmpty() ? "(none)" : ref;
    }

    private static EdgeKind edgeKind(Dependency d) {
        return switch (d.kind()) {
            case FROM -> EdgeKind.FROM;
            case COPY -> EdgeKind.COPY;
            case MOUNT -> EdgeKind.MOUNT;
            case ONBUILD -> d.instruction() instanceof OnBuild ob && ob.trigger().orElse(null) instanceof Run
                    ? EdgeKind.MOUNT : EdgeKind.COPY;
        };
    }
}

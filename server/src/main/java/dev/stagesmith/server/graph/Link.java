package dev.stagesmith.server.graph;

import dev.stagesmith.server.graph.StageDiagram.Edge;
import dev.stagesmith.server.graph.StageDiagram.EdgeKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a picture draws between two stages: every reference from one stage to another, merged into one
 * arrow so that three {@code COPY --from=build} lines read as one "COPY ×3" rather than three parallel lines.
 *
 * @param from the stage that is built first
 * @param to the stage that uses it
 * @param counts how many references of each kind, in {@link EdgeKind} order
 * @param first the first reference in file order (where a click on the arrow should go)
 */
public record Link(int from, int to, Map<EdgeKind, Integer> counts, Edge first) {

    /** The links of a diagram, in the file order of their first reference. */
    public static List<Link> of(StageDiagram diagram) {
        Map<Long, List<Edge>> groups = new LinkedHashMap<>();
        for (Edge e : diagram.edges()) {
            groups.computeIfAbsent(((long) e.from() << 32) | e.to(), k -> new ArrayList<>()).add(e);
        }
        List<Link> links = new ArrayList<>(groups.size());
        for (List<Edge> group : groups.values()) {
            Map<EdgeKind, Integer> counts = new EnumMap<>(EdgeKind.class);
            group.forEach(e -> counts.merge(e.kind(), 1, Integer::sum));
            Edge first = group.get(0);
            links.add(new Link(first.from(), first.to(), counts, first));
        }
        return links;
    }

    /** The kind that decides the arrow's style: FROM over COPY over mount. */
    public EdgeKind primary() {
        return counts.keySet().iterator().next();
    }

    /** {@code FROM}, {@code COPY ×2}, {@code FROM + COPY}: the kinds, with a count where there are several. */
    public String label() {
        StringBuilder out = new StringBuilder();
        counts.forEach((kind, n) -> {
            if (out.length() > 0) {
                out.append(" + ");
            }
            out.append(kind.wire());
            if (n > 1) {
                out.append(" \u00d7").append(n);
            }
        });
        return out.toString();
    }
}

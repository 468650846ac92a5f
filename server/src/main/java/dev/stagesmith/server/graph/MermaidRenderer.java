package dev.stagesmith.server.graph;

import dev.stagesmith.server.graph.StageDiagram.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * The stage graph as a Mermaid flowchart (for Markdown that renders Mermaid): left to right, one node per
 * stage with its base under the label, arrows {@code ==>} FROM, {@code -->} COPY, {@code -.->} mount; with a
 * target, class {@code needed}/{@code target}/{@code pruned} on the nodes and the needed arrows drawn blue.
 */
public final class MermaidRenderer {

    private MermaidRenderer() {}

    public static String render(StageDiagram diagram) {
        StringBuilder out = new StringBuilder("flowchart LR\n");
        for (Node n : diagram.nodes()) {
            String title = n.name().isPresent() ? n.label() + " #" + n.index() : n.label();
            out.append("  s").append(n.index()).append("[\"").append(escape(title)).append("<br/><small>")
                    .append(escape(n.baseCaption())).append("</small>\"]\n");
        }
        List<Integer> neededLinks = new ArrayList<>();
        List<Link> links = Link.of(diagram);
        for (int i = 0; i < links.size(); i++) {
            Link l = links.get(i);
            String arrow = switch (l.primary()) {
                case FROM -> "==>";
                case COPY -> "-->";
                case MOUNT -> "-.->";
            };
            out.append("  s").append(l.from()).append(' ').append(arrow).append("|\"").append(escape(l.label()))
                    .append("\"| s").append(l.to()).append('\n');
            if (diagram.needed(l.first())) {
                neededLinks.add(i);
            }
        }
        if (diagram.hasTarget()) {
            highlight(diagram, neededLinks, out);
        }
        return out.toString();
    }

    private static void highlight(StageDiagram diagram, List<Integer> neededLinks, StringBuilder out) {
        out.append("  classDef needed fill:#ddf4ff,stroke:#0969da,stroke-width:2px\n");
        out.append("  classDef target fill:#ddf4ff,stroke:#0969da,stroke-width:4px\n");
        out.append("  classDef pruned fill:#f6f8fa,stroke:#d0d7de,color:#8c959f\n");
        int target = diagram.target().orElseThrow();
        List<String> needed = new ArrayList<>();
        List<String> pruned = new ArrayList<>();
        for (Node n : diagram.nodes()) {
            if (n.index() != target) {
                (n.needed() ? needed : pruned).add("s" + n.index());
            }
        }
        if (!needed.isEmpty()) {
            out.append("  class ").append(String.join(",", needed)).append(" needed\n");
        }
        out.append("  class s").append(target).append(" target\n");
        if (!pruned.isEmpty()) {
            out.append("  class ").append(String.join(",", pruned)).append(" pruned\n");
        }
        if (!neededLinks.isEmpty()) {
            out.append("  linkStyle ").append(String.join(",", neededLinks.stream().map(String::valueOf).toList()))
                    .append(" stroke:#0969da,stroke-width:2px\n");
        }
    }

    /** Text inside a quoted Mermaid label: Mermaid's {@code #code;} entities for the characters it would parse. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("#quot;");
                case '<' -> out.append("#lt;");
                case '>' -> out.append("#gt;");
                case '&' -> out.append("#amp;");
                case '#' -> out.append("#35;");
                case '|' -> out.append("#124;");
                case '\n', '\r' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

package dev.stagesmith.server.graph;

import dev.stagesmith.server.graph.StageDiagram.Node;

/**
 * The stage graph in Graphviz's DOT language, left to right like the SVG: stages as rounded boxes
 * (label, index, base image), arrows labelled FROM (bold), COPY (dashed) and mount (dotted); with a target,
 * the stages it needs are highlighted and the others greyed.
 */
public final class DotRenderer {

    private DotRenderer() {}

    public static String render(StageDiagram diagram) {
        StringBuilder out = new StringBuilder();
        out.append("digraph stages {\n");
        out.append("  graph [rankdir=LR, nodesep=0.25, ranksep=0.7, fontname=\"monospace\"];\n");
        out.append("  node [shape=box, style=\"rounded,filled\", fontname=\"monospace\", fontsize=11,"
                + " fillcolor=\"#ffffff\", color=\"#8c959f\"];\n");
        out.append("  edge [fontname=\"monospace\", fontsize=9, color=\"#57606a\", fontcolor=\"#57606a\"];\n");
        for (Node n : diagram.nodes()) {
            out.append("  s").append(n.index()).append(" [label=").append(quote(text(n)))
                    .append(", tooltip=").append(quote("line " + (n.line() + 1)))
                    .append(nodeStyle(diagram, n)).append("];\n");
        }
        for (Link l : Link.of(diagram)) {
            out.append("  s").append(l.from()).append(" -> s").append(l.to())
                    .append(" [label=").append(quote(l.label())).append(edgeStyle(diagram, l)).append("];\n");
        }
        out.append("}\n");
        return out.toString();
    }

    private static String text(Node n) {
        String title = n.name().isPresent() ? n.label() + "  #" + n.index() : n.label();
        return title + "\n" + n.baseCaption();
    }

    private static String nodeStyle(StageDiagram d, Node n) {
        if (!d.hasTarget()) {
            return "";
        }
        if (!n.needed()) {
            return ", fillcolor=\"#f6f8fa\", color=\"#d0d7de\", fontcolor=\"#8c959f\"";
        }
        String width = d.target().orElseThrow() == n.index() ? "3" : "2";
        return ", fillcolor=\"#ddf4ff\", color=\"#0969da\", penwidth=" + width;
    }

    private static String edgeStyle(StageDiagram d, Link l) {
        String style = switch (l.primary()) {
            case FROM -> ", style=bold";
            case COPY -> ", style=dashed";
            case MOUNT -> ", style=dotted";
        };
        if (d.hasTarget()) {
            style += d.needed(l.first()) ? ", color=\"#0969da\", fontcolor=\"#0969da\", penwidth=2"
                    : ", color=\"#d0d7de\", fontcolor=\"#8c959f\"";
        }
        return style;
    }

    /** A DOT double-quoted string: backslashes and quotes escaped, line breaks as DOT's centred {@code \n}. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> { }
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}

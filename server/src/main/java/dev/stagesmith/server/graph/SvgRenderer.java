package dev.stagesmith.server.graph;

import dev.stagesmith.server.graph.LayeredLayout.Box;
import dev.stagesmith.server.graph.LayeredLayout.Point;
import dev.stagesmith.server.graph.LayeredLayout.Route;
import dev.stagesmith.server.graph.StageDiagram.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * The stage graph as a standalone SVG drawn by our own code (no Graphviz): the {@link LayeredLayout} of
 * the stages, boxes with label, index and base, curved arrows styled by kind and labelled, a legend.
 * Each stage is a {@code <g class="stage" data-stage data-line>} so a webview can jump to its FROM, and
 * every colour is a CSS custom property with a default, so a webview can theme it light or dark.
 * The output depends only on the diagram: same input, same bytes.
 */
public final class SvgRenderer {

    static final double BOX_HEIGHT = 46;
    static final double PAD = 12;
    static final int LABEL_CHARS = 28;
    static final int BASE_CHARS = 36;
    static final double LABEL_SIZE = 13;
    static final double SMALL_SIZE = 11;
    private static final double MIN_WIDTH = 120;
    private static final double HEAD = 8;
    private static final double LEGEND_HEIGHT = 40;

    private static final String STYLE = """
            <style>
            .stagesmith-stages { font-family: var(--stagesmith-font, "DejaVu Sans Mono", Menlo, Consolas, monospace); }
            .background { fill: var(--stagesmith-bg, #ffffff); }
            .stage rect { fill: var(--stagesmith-stage-bg, #f6f8fa); stroke: var(--stagesmith-stage-border, #8c959f); stroke-width: 1.2; }
            .stage .label { fill: var(--stagesmith-stage-fg, #1f2328); font-size: 13px; font-weight: bold; }
            .stage .index, .stage .base { fill: var(--stagesmith-muted-fg, #59636e); font-size: 11px; }
            .stage[data-needed="true"] rect { fill: var(--stagesmith-needed-bg, #ddf4ff); stroke: var(--stagesmith-needed-border, #0969da); stroke-width: 2; }
            .stage[data-target="true"] rect { stroke-width: 3.5; }
            .stage[data-needed="false"] { opacity: var(--stagesmith-pruned-opacity, 0.45); }
            .stage { cursor: pointer; }
            .line { fill: none; stroke-width: 1.6; }
            .from .line { stroke: var(--stagesmith-edge-from, #59636e); stroke-width: 2.2; }
            .copy .line { stroke: var(--stagesmith-edge-copy, #1a7f37); stroke-dasharray: 7 4; }
            .mount .line { stroke: var(--stagesmith-edge-mount, #8250df); stroke-dasharray: 2 3; }
            .from .head, .edge-label.from { fill: var(--stagesmith-edge-from, #59636e); }
            .copy .head, .edge-label.copy { fill: var(--stagesmith-edge-copy, #1a7f37); }
            .mount .head, .edge-label.mount { fill: var(--stagesmith-edge-mount, #8250df); }
            .edge[data-needed="true"] .line { stroke: var(--stagesmith-needed-edge, #0969da); stroke-width: 2.6; }
            .edge[data-needed="true"] .head, .edge-label[data-needed="true"] { fill: var(--stagesmith-needed-edge, #0969da); }
            .edge[data-needed="false"], .edge-label[data-needed="false"] text { opacity: var(--stagesmith-pruned-opacity, 0.45); }
            .edge-label { font-size: 10px; }
            .edge-label-bg { fill: var(--stagesmith-bg, #ffffff); }
            .legend .swatch { fill: var(--stagesmith-needed-bg, #ddf4ff); stroke: var(--stagesmith-needed-border, #0969da); stroke-width: 2; }
            .legend text { fill: var(--stagesmith-muted-fg, #59636e); font-size: 11px; }
            </style>
            """;

    private SvgRenderer() {}

    public static String render(StageDiagram diagram) {
        List<Node> nodes = diagram.nodes();
        LayeredLayout.Result layout = layout(diagram);
        String legend = legendCaption(diagram);
        double width = Math.ceil(Math.max(layout.width(), LayeredLayout.MARGIN * 2 + legendWidth(legend)));
        double height = Math.ceil(layout.height() + LEGEND_HEIGHT);
        Svg svg = new Svg();
        svg.open("svg", "xmlns", "http://www.w3.org/2000/svg", "class", "stagesmith-stages",
                "width", Svg.num(width), "height", Svg.num(height),
                "viewBox", "0 0 " + Svg.num(width) + " " + Svg.num(height),
                "role", "img", "aria-label", "Stage graph: " + nodes.size() + " stages");
        svg.raw(STYLE);
        svg.empty("rect", "class", "background", "width", Svg.num(width), "height", Svg.num(height));
        svg.open("g", "class", "edges");
        for (Route route : layout.routes()) {
            edge(svg, diagram, route);
        }
        svg.close("g");
        svg.open("g", "class", "stages");
        for (Box box : layout.boxes()) {
            stage(svg, diagram, nodes.get(box.node()), box);
        }
        svg.close("g");
        svg.open("g", "class", "edge-labels");
        new EdgeLabels(layout.boxes()).draw(svg, diagram, layout.routes());
        svg.close("g");
        legend(svg, legend, diagram.hasTarget(), layout.height());
        svg.close("svg");
        return svg.toString();
    }

    /** Where the boxes and arrows of {@code diagram} go. */
    static LayeredLayout.Result layout(StageDiagram diagram) {
        double[] widths = new double[diagram.nodes().size()];
        for (Node node : diagram.nodes()) {
            widths[node.index()] = boxWidth(node);
        }
        return LayeredLayout.layout(widths, BOX_HEIGHT, Link.of(diagram));
    }

    // --- stages -------------------------------------------------------------------------------------------

    static double boxWidth(Node node) {
        double title = Svg.textWidth(Svg.ellipsize(node.label(), LABEL_CHARS), LABEL_SIZE);
        if (node.name().isPresent()) {
            title += 10 + Svg.textWidth("#" + node.index(), SMALL_SIZE);
        }
        double base = Svg.textWidth(Svg.ellipsize(node.baseCaption(), BASE_CHARS), SMALL_SIZE);
        return Math.max(MIN_WIDTH, Math.ceil(Math.max(title, base) + 2 * PAD));
    }

    private static void stage(Svg svg, StageDiagram diagram, Node node, Box box) {
        List<String> attributes = new ArrayList<>(List.of("class", "stage",
                "data-stage", Integer.toString(node.index()), "data-line", Integer.toString(node.line())));
        if (diagram.hasTarget()) {
            attributes.addAll(List.of("data-needed", Boolean.toString(node.needed())));
            if (diagram.target().orElseThrow() == node.index()) {
                attributes.addAll(List.of("data-target", "true"));
            }
        }
        svg.open("g", attributes.toArray(String[]::new));
        svg.element("title", tooltip(diagram, node));
        svg.empty("rect", "x", Svg.num(box.x()), "y", Svg.num(box.y()), "width", Svg.num(box.width()),
                "height", Svg.num(box.height()), "rx", "7");
        svg.element("text", Svg.ellipsize(node.label(), LABEL_CHARS), "class", "label",
                "x", Svg.num(box.x() + PAD), "y", Svg.num(box.y() + 19));
        if (node.name().isPresent()) {
            svg.element("text", "#" + node.index(), "class", "index", "x", Svg.num(box.right() - PAD),
                    "y", Svg.num(box.y() + 19), "text-anchor", "end");
        }
        svg.element("text", Svg.ellipsize(node.baseCaption(), BASE_CHARS), "class", "base",
                "x", Svg.num(box.x() + PAD), "y", Svg.num(box.y() + 36));
        svg.close("g");
    }

    private static String tooltip(StageDiagram diagram, Node node) {
        String name = node.name().isPresent() ? node.label() + " (#" + node.index() + ")" : "stage " + node.label();
        String text = name + "\nFROM " + node.baseText() + "\nline " + (node.line() + 1);
        if (diagram.hasTarget()) {
            text += node.needed() ? "\nneeded for the target" : "\nnot needed for the target";
        }
        return text;
    }

    // --- edges --------------------------------------------------------------------------------------------

    private static void edge(Svg svg, StageDiagram diagram, Route route) {
        Link link = route.link();
        List<String> attributes = new ArrayList<>(List.of("class", "edge " + kindClass(link),
                "data-from", Integer.toString(link.from()), "data-to", Integer.toString(link.to()),
                "data-line", Integer.toString(link.first().line())));
        if (diagram.hasTarget()) {
            attributes.addAll(List.of("data-needed", Boolean.toString(diagram.needed(link.first()))));
        }
        svg.open("g", attributes.toArray(String[]::new));
        svg.element("title", link.label() + ": " + diagram.nodes().get(link.from()).label() + " \u2192 "
                + diagram.nodes().get(link.to()).label() + ", line " + (link.first().line() + 1));
        svg.empty("path", "class", "line", "d", path(route.points()));
        Point tip = route.points().get(route.points().size() - 1);
        // Heads of arrows arriving side by side must not overlap.
        double half = route.entrySpacing() == 0 ? 4.5 : Math.min(4.5, route.entrySpacing() / 2 - 0.4);
        svg.empty("path", "class", "head", "d", "M" + Svg.num(tip.x() - HEAD) + " " + Svg.num(tip.y() - half)
                + " L" + Svg.num(tip.x()) + " " + Svg.num(tip.y()) + " L" + Svg.num(tip.x() - HEAD) + " "
                + Svg.num(tip.y() + half) + " Z");
        svg.close("g");
    }

    static String kindClass(Link link) {
        return switch (link.primary()) {
            case FROM -> "from";
            case COPY -> "copy";
            case MOUNT -> "mount";
        };
    }

    /** Curves with horizontal ends between columns, straight lines through skipped columns; stops at the head. */
    private static String path(List<Point> points) {
        StringBuilder d = new StringBuilder();
        Point p = points.get(0);
        d.append('M').append(Svg.num(p.x())).append(' ').append(Svg.num(p.y()));
        for (int i = 1; i < points.size(); i++) {
            Point q = points.get(i);
            double endX = i == points.size() - 1 ? q.x() - HEAD + 1 : q.x();
            if (i % 2 == 1) {
                double mid = (p.x() + endX) / 2;
                d.append(" C").append(Svg.num(mid)).append(' ').append(Svg.num(p.y())).append(' ')
                        .append(Svg.num(mid)).append(' ').append(Svg.num(q.y())).append(' ')
                        .append(Svg.num(endX)).append(' ').append(Svg.num(q.y()));
            } else {
                d.append(" L").append(Svg.num(endX)).append(' ').append(Svg.num(q.y()));
            }
            p = new Point(endX, q.y());
        }
        return d.toString();
    }

    // --- legend -------------------------------------------------------------------------------------------

    private static String legendCaption(StageDiagram diagram) {
        if (diagram.target().isEmpty()) {
            return diagram.nodes().size() + " stages";
        }
        long needed = diagram.nodes().stream().filter(Node::needed).count();
        return "target " + diagram.nodes().get(diagram.target().get()).label() + ": " + needed + " of "
                + diagram.nodes().size() + " stages needed";
    }

    private static final String[][] LEGEND = {{"from", "FROM"}, {"copy", "COPY --from"}, {"mount", "RUN --mount"}};
    private static final double SAMPLE = 28;

    private static double legendWidth(String caption) {
        double w = 0;
        for (String[] kind : LEGEND) {
            w += SAMPLE + 6 + Svg.textWidth(kind[1], SMALL_SIZE) + 24;
        }
        return w + 28 + Svg.textWidth(caption, SMALL_SIZE);
    }

    private static void legend(Svg svg, String caption, boolean target, double top) {
        svg.open("g", "class", "legend", "transform",
                "translate(" + Svg.num(LayeredLayout.MARGIN) + " " + Svg.num(top) + ")");
        double x = 0;
        for (String[] kind : LEGEND) {
            svg.open("g", "class", "sample " + kind[0]);
            svg.empty("path", "class", "line", "d", "M" + Svg.num(x) + " 12 L" + Svg.num(x + SAMPLE) + " 12");
            svg.close("g");
            svg.element("text", kind[1], "x", Svg.num(x + SAMPLE + 6), "y", "16");
            x += SAMPLE + 6 + Svg.textWidth(kind[1], SMALL_SIZE) + 24;
        }
        if (target) {
            svg.empty("rect", "class", "swatch", "x", Svg.num(x), "y", "5", "width", "22", "height", "14", "rx", "3");
            x += 28;
        }
        svg.element("text", caption, "class", "legend-caption", "x", Svg.num(x), "y", "16");
        svg.close("g");
    }
}

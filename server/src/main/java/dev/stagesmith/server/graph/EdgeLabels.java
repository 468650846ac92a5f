package dev.stagesmith.server.graph;

import dev.stagesmith.server.graph.LayeredLayout.Box;
import dev.stagesmith.server.graph.LayeredLayout.Point;
import dev.stagesmith.server.graph.LayeredLayout.Route;
import java.util.ArrayList;
import java.util.List;

/**
 * Places the FROM/COPY/mount labels of the arrows: on the arrow's curve, at the first of a few positions
 * along it where the label covers no box and no label placed before (else where it covers least), so that
 * many arrows converging on one stage still have readable labels.
 */
final class EdgeLabels {

    /** Spots along a curve, tried in turn: fan-ins are labelled near their sources, fan-outs near their targets. */
    private static final double[] NEAR_SOURCE = {0.3, 0.2, 0.42, 0.12, 0.55, 0.68, 0.8};
    private static final double[] NEAR_TARGET = {0.7, 0.8, 0.58, 0.88, 0.45, 0.32, 0.2};
    private static final double SIZE = 10;
    private static final double HEIGHT = 13;

    /** A label's rectangle: x, y, width, height. */
    private record Rect(double x, double y, double w, double h) {
        double overlap(Rect o) {
            double dx = Math.min(x + w, o.x + o.w) - Math.max(x, o.x);
            double dy = Math.min(y + h, o.y + o.h) - Math.max(y, o.y);
            return dx > 0 && dy > 0 ? dx * dy : 0;
        }
    }

    private final List<Rect> taken = new ArrayList<>();

    EdgeLabels(List<Box> boxes) {
        for (Box b : boxes) {
            taken.add(new Rect(b.x() - 2, b.y() - 2, b.width() + 4, b.height() + 4));
        }
    }

    void draw(Svg svg, StageDiagram diagram, List<Route> routes) {
        for (Route route : routes) {
            Link link = route.link();
            String text = link.label();
            double w = Svg.textWidth(text, SIZE) + 6;
            Rect rect = place(route.points(), w, fanIn(routes, link) ? NEAR_SOURCE : NEAR_TARGET);
            taken.add(rect);
            List<String> attributes = new ArrayList<>(List.of("class", "edge-label " + SvgRenderer.kindClass(link),
                    "data-from", Integer.toString(link.from()), "data-to", Integer.toString(link.to())));
            if (diagram.hasTarget()) {
                attributes.addAll(List.of("data-needed", Boolean.toString(diagram.needed(link.first()))));
            }
            svg.open("g", attributes.toArray(String[]::new));
            svg.empty("rect", "class", "edge-label-bg", "x", Svg.num(rect.x()), "y", Svg.num(rect.y()),
                    "width", Svg.num(rect.w()), "height", Svg.num(rect.h()), "rx", "3");
            svg.element("text", text, "x", Svg.num(rect.x() + rect.w() / 2), "y", Svg.num(rect.y() + 10),
                    "text-anchor", "middle");
            svg.close("g");
        }
    }

    /** Whether more arrows arrive at the link's target than leave its source. */
    private static boolean fanIn(List<Route> routes, Link link) {
        long in = routes.stream().filter(r -> r.link().to() == link.to()).count();
        long out = routes.stream().filter(r -> r.link().from() == link.from()).count();
        return in > out;
    }

    /** The best of the candidate spots on the curves of the route (its column-crossing parts are straight). */
    private Rect place(List<Point> points, double w, double[] along) {
        Rect best = null;
        double bestCover = Double.MAX_VALUE;
        int curves = points.size() / 2;
        for (double t : along) {
            for (int c = 0; c < curves; c++) {
                // A long arrow is labelled near one of its ends, where a reader looks for it.
                if (c >= 2 && c < curves - 2) {
                    continue;
                }
                int i = 2 * c;
                Point at = onCurve(points.get(i), points.get(i + 1), t);
                Rect r = new Rect(LayeredLayout.round(at.x() - w / 2), LayeredLayout.round(at.y() - HEIGHT / 2),
                        LayeredLayout.round(w), HEIGHT);
                double cover = 0;
                for (Rect o : taken) {
                    cover += o.overlap(r);
                }
                if (cover == 0) {
                    return r;
                }
                if (cover < bestCover) {
                    bestCover = cover;
                    best = r;
                }
            }
        }
        return best;
    }

    /** A point of the curve from {@code a} to {@code b} with horizontal ends, as the SVG path draws it. */
    private static Point onCurve(Point a, Point b, double t) {
        double mid = (a.x() + b.x()) / 2;
        double u = 1 - t;
        double x = u * u * u * a.x() + 3 * u * u * t * mid + 3 * u * t * t * mid + t * t * t * b.x();
        double y = u * u * u * a.y() + 3 * u * u * t * a.y() + 3 * u * t * t * b.y() + t * t * t * b.y();
        return new Point(x, y);
    }
}

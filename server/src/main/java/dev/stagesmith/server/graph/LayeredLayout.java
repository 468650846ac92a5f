package dev.stagesmith.server.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A layered (Sugiyama-style) layout, left to right: each stage's column is its dependency depth, a link
 * that skips columns passes through a reserved slot in each column it crosses (so it never runs through a
 * box), a few barycenter sweeps reduce crossings, and rows are placed by order-preserving least squares
 * (each box as close as it may get to the boxes it is linked with). Everything is deterministic: the same
 * input gives the same coordinates, so pictures can be golden files.
 */
public final class LayeredLayout {

    /** Horizontal space between columns: room for the curves and their FROM/COPY/mount labels. */
    static final double RANK_GAP = 120;
    /** Vertical space between two boxes of a column. */
    static final double BOX_GAP = 18;
    /** Vertical space a link passing through a column takes, and its distance to neighbours. */
    static final double SLOT = 4;
    static final double SLOT_GAP = 6;
    /** Between a box and a link passing it: enough that the line does not seem to touch the box. */
    static final double SLOT_BOX_GAP = 14;
    static final double MARGIN = 24;
    private static final int SWEEPS = 12;
    /** Sweeps in a row that find nothing better before giving up: big graphs stop early, small ones are done. */
    private static final int STALE_SWEEPS = 3;
    private static final int PLACEMENT_ROUNDS = 12;

    /** A point of the picture. */
    public record Point(double x, double y) {}

    /** Where a stage's box is: its top-left corner and size, and its column. */
    public record Box(int node, int rank, double x, double y, double width, double height) {
        public double right() {
            return x + width;
        }

        public double bottom() {
            return y + height;
        }

        public double centerY() {
            return y + height / 2;
        }

        boolean overlaps(Box o) {
            return x < o.right() && o.x < right() && y < o.bottom() && o.y < bottom();
        }
    }

    /**
     * The way a link takes: it starts on the right edge of its source box and ends on the left edge of its
     * target box; in between, pairs of points mark where it crosses a column straight (a skipped column).
     * Between consecutive points in different columns it is drawn as a curve with horizontal ends.
     */
    public record Route(Link link, List<Point> points, double entrySpacing) {}

    /** The computed picture: one box per node (in node order), one route per link, the overall size. */
    public record Result(List<Box> boxes, List<Route> routes, double width, double height, int ranks) {}

    private final int n;
    private final List<Link> links;
    private final double[] nodeWidth;
    private final double nodeHeight;
    private final List<Integer> rankOf = new ArrayList<>();
    private final List<List<Integer>> succ = new ArrayList<>();
    private final List<List<Integer>> pred = new ArrayList<>();
    private final List<int[]> chains = new ArrayList<>();
    private List<List<Integer>> layers;
    private int[] position;
    private double[] key;
    private double[] center;

    private LayeredLayout(double[] nodeWidth, double nodeHeight, List<Link> links) {
        this.n = nodeWidth.length;
        this.nodeWidth = nodeWidth;
        this.nodeHeight = nodeHeight;
        this.links = links;
    }

    /**
     * Lays out {@code widths.length} boxes of height {@code height} joined by {@code links} (each from an
     * earlier node to a later one; others are ignored).
     */
    public static Result layout(double[] widths, double height, List<Link> links) {
        List<Link> forward = links.stream().filter(l -> l.from() < l.to() && l.to() < widths.length).toList();
        LayeredLayout l = new LayeredLayout(widths, height, forward);
        l.rank();
        l.order();
        l.place();
        return l.result();
    }

    // --- columns -------------------------------------------------------------------------------------------

    private void rank() {
        int[] rank = new int[n];
        List<List<Integer>> parents = new ArrayList<>();
        List<List<Integer>> children = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            parents.add(new ArrayList<>());
            children.add(new ArrayList<>());
        }
        for (Link l : links) {
            parents.get(l.to()).add(l.from());
            children.get(l.from()).add(l.to());
        }
        // Stages only ever use earlier stages, so file order is a topological order: the longest path.
        for (int i = 0; i < n; i++) {
            for (int p : parents.get(i)) {
                rank[i] = Math.max(rank[i], rank[p] + 1);
            }
        }
        // A stage built from an image alone sits just before its first user, not far left with long arrows.
        for (int i = n - 1; i >= 0; i--) {
            if (parents.get(i).isEmpty() && !children.get(i).isEmpty()) {
                int first = children.get(i).stream().mapToInt(c -> rank[c]).min().orElseThrow();
                rank[i] = Math.max(rank[i], first - 1);
            }
        }
        for (int i = 0; i < n; i++) {
            vertex(rank[i]);
        }
        for (Link l : links) {
            int[] chain = new int[rank[l.to()] - rank[l.from()] + 1];
            chain[0] = l.from();
            for (int k = 1; k < chain.length - 1; k++) {
                chain[k] = vertex(rank[l.from()] + k);
            }
            chain[chain.length - 1] = l.to();
            for (int k = 0; k + 1 < chain.length; k++) {
                succ.get(chain[k]).add(chain[k + 1]);
                pred.get(chain[k + 1]).add(chain[k]);
            }
            chains.add(chain);
        }
        int ranks = Arrays.stream(rank).max().orElse(-1) + 1;
        layers = new ArrayList<>();
        for (int r = 0; r < ranks; r++) {
            layers.add(new ArrayList<>());
        }
        for (int v = 0; v < rankOf.size(); v++) {
            layers.get(rankOf.get(v)).add(v);
        }
    }

    private int vertex(int rank) {
        rankOf.add(rank);
        succ.add(new ArrayList<>());
        pred.add(new ArrayList<>());
        return rankOf.size() - 1;
    }

    private boolean dummy(int v) {
        return v >= n;
    }

    // --- order within columns -----------------------------------------------------------------------------

    private void order() {
        position = new int[rankOf.size()];
        key = new double[rankOf.size()];
        for (int r = 0; r < layers.size(); r++) {
            renumber(r);
        }
        List<List<Integer>> best = copy(layers);
        long bestCrossings = crossings();
        int stale = 0;
        for (int sweep = 0; sweep < SWEEPS && bestCrossings > 0 && stale < STALE_SWEEPS; sweep++) {
            for (int r = 1; r < layers.size(); r++) {
                sortByBarycenter(r, pred, r - 1);
            }
            for (int r = layers.size() - 2; r >= 0; r--) {
                sortByBarycenter(r, succ, r + 1);
            }
            transpose();
            long c = crossings();
            if (c < bestCrossings) {
                bestCrossings = c;
                best = copy(layers);
                stale = 0;
            } else {
                stale++;
            }
        }
        layers = best;
        for (int r = 0; r < layers.size(); r++) {
            renumber(r);
        }
    }

    private void sortByBarycenter(int r, List<List<Integer>> neighbours, int other) {
        int[] pos = positions(other);
        List<Integer> layer = layers.get(r);
        for (int i = 0; i < layer.size(); i++) {
            int v = layer.get(i);
            List<Integer> ns = neighbours.get(v);
            // Scaled so a vertex without neighbours there keeps its place among the others.
            double sum = 0;
            for (int u : ns) {
                sum += pos[u];
            }
            key[v] = ns.isEmpty() ? i * scale(other, layer) : sum / ns.size();
        }
        List<Integer> sorted = new ArrayList<>(layer);
        int[] current = positions(r);
        sorted.sort(Comparator.<Integer>comparingDouble(v -> key[v]).thenComparingInt(v -> current[v]));
        layers.set(r, sorted);
        renumber(r);
    }

    /** Swaps neighbours in a column while that removes crossings (the barycenter leaves some behind). */
    private void transpose() {
        boolean improved = true;
        for (int pass = 0; improved && pass < 8; pass++) {
            improved = false;
            for (int r = 0; r < layers.size(); r++) {
                List<Integer> layer = layers.get(r);
                for (int i = 0; i + 1 < layer.size(); i++) {
                    int u = layer.get(i);
                    int v = layer.get(i + 1);
                    if (pairCrossings(r, v, u) < pairCrossings(r, u, v)) {
                        layer.set(i, v);
                        layer.set(i + 1, u);
                        position[v] = i;
                        position[u] = i + 1;
                        improved = true;
                    }
                }
            }
        }
    }

    /** Crossings between the segments of {@code u} and those of {@code v} when {@code u} is above {@code v}. */
    private long pairCrossings(int r, int u, int v) {
        long c = 0;
        if (r > 0) {
            c += inversions(pred.get(u), pred.get(v), positions(r - 1));
        }
        if (r + 1 < layers.size()) {
            c += inversions(succ.get(u), succ.get(v), positions(r + 1));
        }
        return c;
    }

    private static long inversions(List<Integer> above, List<Integer> below, int[] pos) {
        long c = 0;
        for (int a : above) {
            for (int b : below) {
                if (pos[a] > pos[b]) {
                    c++;
                }
            }
        }
        return c;
    }

    private double scale(int other, List<Integer> layer) {
        return layer.size() <= 1 ? 0 : (double) Math.max(layers.get(other).size() - 1, 0) / (layer.size() - 1);
    }

    /** Each vertex's place in its column, kept up to date as columns are reordered (one array for all columns). */
    private int[] positions(int r) {
        return position;
    }

    private void renumber(int r) {
        List<Integer> layer = layers.get(r);
        for (int i = 0; i < layer.size(); i++) {
            position[layer.get(i)] = i;
        }
    }

    /** Pairs of segments that cross between neighbouring columns. */
    long crossings() {
        long total = 0;
        for (int r = 0; r + 1 < layers.size(); r++) {
            List<long[]> segments = new ArrayList<>();
            for (int v : layers.get(r)) {
                for (int w : succ.get(v)) {
                    segments.add(new long[] {position[v], position[w]});
                }
            }
            total += crossingPairs(segments, layers.get(r + 1).size());
        }
        return total;
    }

    /**
     * Segment pairs whose ends are in opposite orders: sorted by upper end (then lower), the pairs whose lower
     * ends are out of order, counted with a Fenwick tree in O(s log s) rather than pair by pair.
     */
    private static long crossingPairs(List<long[]> segments, int width) {
        segments.sort(Comparator.<long[]>comparingLong(s -> s[0]).thenComparingLong(s -> s[1]));
        long[] tree = new long[width + 1];
        long count = 0;
        for (int i = 0; i < segments.size(); i++) {
            int b = (int) segments.get(i)[1];
            long atMost = 0;
            for (int k = b + 1; k > 0; k -= k & -k) {
                atMost += tree[k];
            }
            count += i - atMost;
            for (int k = b + 1; k <= width; k += k & -k) {
                tree[k]++;
            }
        }
        return count;
    }

    private static List<List<Integer>> copy(List<List<Integer>> layers) {
        List<List<Integer>> out = new ArrayList<>(layers.size());
        layers.forEach(l -> out.add(new ArrayList<>(l)));
        return out;
    }

    // --- rows ---------------------------------------------------------------------------------------------

    private void place() {
        center = new double[rankOf.size()];
        for (List<Integer> layer : layers) {
            double y = 0;
            for (int i = 0; i < layer.size(); i++) {
                int v = layer.get(i);
                y += i == 0 ? height(v) / 2 : separation(layer.get(i - 1), v);
                center[v] = y;
            }
        }
        for (int round = 0; round < PLACEMENT_ROUNDS; round++) {
            for (int r = 1; r < layers.size(); r++) {
                align(r, pred, null);
            }
            for (int r = layers.size() - 2; r >= 0; r--) {
                align(r, succ, null);
            }
        }
        for (int r = 0; r < layers.size(); r++) {
            align(r, pred, succ);
        }
    }

    /** Moves column {@code r} toward the mean of its neighbours' rows, keeping order and spacing. */
    private void align(int r, List<List<Integer>> neighbours, List<List<Integer>> more) {
        List<Integer> layer = layers.get(r);
        int m = layer.size();
        double[] desired = new double[m];
        double[] offset = new double[m];
        double[] weight = new double[m];
        for (int i = 0; i < m; i++) {
            int v = layer.get(i);
            double sum = 0;
            int count = 0;
            for (int u : neighbours.get(v)) {
                sum += center[u];
                count++;
            }
            if (more != null) {
                for (int u : more.get(v)) {
                    sum += center[u];
                    count++;
                }
            }
            desired[i] = count == 0 ? hug(layer, i) : sum / count;
            // Passing links pull harder, so long arrows run straight.
            weight[i] = count == 0 ? 0.5 : dummy(v) ? 2 : 1;
            offset[i] = i == 0 ? 0 : offset[i - 1] + separation(layer.get(i - 1), v);
        }
        double[] z = isotonic(desired, offset, weight);
        for (int i = 0; i < m; i++) {
            center[layer.get(i)] = z[i] + offset[i];
        }
    }

    /** Where a vertex with no links to follow should go: next to its neighbour in the column, not adrift. */
    private double hug(List<Integer> layer, int i) {
        int v = layer.get(i);
        if (i > 0) {
            return center[layer.get(i - 1)] + separation(layer.get(i - 1), v);
        }
        return i + 1 < layer.size() ? center[layer.get(i + 1)] - separation(v, layer.get(i + 1)) : center[v];
    }

    /**
     * The non-decreasing {@code z} closest (weighted least squares) to {@code desired - offset}: pool
     * adjacent violators. Adding the offsets back gives rows in order with at least the separations.
     */
    private static double[] isotonic(double[] desired, double[] offset, double[] weight) {
        int m = desired.length;
        double[] sumW = new double[m];
        double[] sumWT = new double[m];
        int[] count = new int[m];
        int blocks = 0;
        for (int i = 0; i < m; i++) {
            sumW[blocks] = weight[i];
            sumWT[blocks] = weight[i] * (desired[i] - offset[i]);
            count[blocks] = 1;
            blocks++;
            while (blocks > 1 && sumWT[blocks - 2] / sumW[blocks - 2] >= sumWT[blocks - 1] / sumW[blocks - 1]) {
                sumW[blocks - 2] += sumW[blocks - 1];
                sumWT[blocks - 2] += sumWT[blocks - 1];
                count[blocks - 2] += count[blocks - 1];
                blocks--;
            }
        }
        double[] z = new double[m];
        int i = 0;
        for (int b = 0; b < blocks; b++) {
            double mean = sumWT[b] / sumW[b];
            for (int k = 0; k < count[b]; k++) {
                z[i++] = mean;
            }
        }
        return z;
    }

    private double height(int v) {
        return dummy(v) ? SLOT : nodeHeight;
    }

    private double separation(int above, int below) {
        double gap = dummy(above) && dummy(below) ? SLOT_GAP : dummy(above) || dummy(below) ? SLOT_BOX_GAP : BOX_GAP;
        return (height(above) + height(below)) / 2 + gap;
    }

    // --- coordinates --------------------------------------------------------------------------------------

    private Result result() {
        int ranks = layers.size();
        double[] columnWidth = new double[ranks];
        for (int v = 0; v < n; v++) {
            columnWidth[rankOf.get(v)] = Math.max(columnWidth[rankOf.get(v)], nodeWidth[v]);
        }
        double[] left = new double[ranks];
        double x = MARGIN;
        for (int r = 0; r < ranks; r++) {
            left[r] = x;
            x += columnWidth[r] + RANK_GAP;
        }
        double width = ranks == 0 ? 2 * MARGIN : x - RANK_GAP + MARGIN;
        double top = Double.MAX_VALUE;
        double bottom = -Double.MAX_VALUE;
        for (int v = 0; v < center.length; v++) {
            top = Math.min(top, center[v] - height(v) / 2);
            bottom = Math.max(bottom, center[v] + height(v) / 2);
        }
        double shift = center.length == 0 ? MARGIN : MARGIN - top;
        for (int v = 0; v < center.length; v++) {
            center[v] = round(center[v] + shift);
        }
        List<Box> boxes = new ArrayList<>(n);
        for (int v = 0; v < n; v++) {
            int r = rankOf.get(v);
            boxes.add(new Box(v, r, left[r], round(center[v] - nodeHeight / 2), columnWidth[r], nodeHeight));
        }
        Ports ports = new Ports(boxes);
        List<Route> routes = new ArrayList<>(links.size());
        for (int k = 0; k < links.size(); k++) {
            int[] chain = chains.get(k);
            List<Point> points = new ArrayList<>();
            points.add(new Point(boxes.get(chain[0]).right(), ports.exit(chain[0], chain[1])));
            for (int i = 1; i + 1 < chain.length; i++) {
                int r = rankOf.get(chain[i]);
                points.add(new Point(left[r], center[chain[i]]));
                points.add(new Point(left[r] + columnWidth[r], center[chain[i]]));
            }
            points.add(new Point(boxes.get(chain[chain.length - 1]).x(),
                    ports.entry(chain[chain.length - 1], chain[chain.length - 2])));
            routes.add(new Route(links.get(k), List.copyOf(points), ports.step(chain[chain.length - 1], pred)));
        }
        double height = center.length == 0 ? 2 * MARGIN : bottom - top + 2 * MARGIN;
        return new Result(List.copyOf(boxes), List.copyOf(routes), round(width), round(height), ranks);
    }

    /** Where links leave and enter boxes: spread down the box's side in the order of the rows they go to. */
    private final class Ports {
        private final List<Box> boxes;

        Ports(List<Box> boxes) {
            this.boxes = boxes;
        }

        double exit(int v, int next) {
            return spread(v, succ.get(v), next);
        }

        double entry(int v, int previous) {
            return spread(v, pred.get(v), previous);
        }

        /** The distance between neighbouring ports on one side of {@code v} (0 when there is one). */
        double step(int v, List<List<Integer>> side) {
            int k = side.get(v).size();
            return k <= 1 ? 0 : round(Math.min(10, (boxes.get(v).height() - 8) / (k - 1)));
        }

        private double spread(int v, List<Integer> ends, int end) {
            List<Integer> sorted = new ArrayList<>(ends);
            sorted.sort(Comparator.<Integer>comparingDouble(u -> center[u]).thenComparingInt(u -> u));
            int k = sorted.size();
            int i = sorted.indexOf(end);
            double step = step(v, ends == succ.get(v) ? succ : pred);
            return round(boxes.get(v).centerY() + (i - (k - 1) / 2.0) * step);
        }
    }

    /** Tenths of a pixel: enough for a sharp picture, and the printed numbers stay short and stable. */
    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}

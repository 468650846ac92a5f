package dev.stagesmith.server.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagesmith.server.SharedData;
import dev.stagesmith.server.graph.LayeredLayout.Box;
import dev.stagesmith.server.graph.LayeredLayout.Point;
import dev.stagesmith.server.graph.LayeredLayout.Result;
import dev.stagesmith.server.graph.LayeredLayout.Route;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Properties of the layered layout, on small graphs and on every Dockerfile of the real-world corpus. */
class LayeredLayoutTest {

    @TestFactory
    Stream<DynamicTest> everyCorpusFileLaysOutCleanly() {
        List<Path> files = SharedData.corpusFiles();
        assertTrue(files.size() >= 100, "corpus files: " + files.size());
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            StageDiagram diagram = Diagrams.of(Diagrams.read(f));
            assertLaidOutCleanly(diagram, SvgRenderer.layout(diagram));
        }));
    }

    /** Boxes apart and inside the picture; arrows from a lower column to a higher one, never through a box. */
    static void assertLaidOutCleanly(StageDiagram diagram, Result layout) {
        List<Box> boxes = layout.boxes();
        assertEquals(diagram.nodes().size(), boxes.size());
        for (Box a : boxes) {
            assertTrue(a.x() >= 0 && a.y() >= 0 && a.right() <= layout.width() && a.bottom() <= layout.height(),
                    "box " + a + " outside " + layout.width() + "x" + layout.height());
            for (Box b : boxes) {
                if (a != b) {
                    assertFalse(a.overlaps(b), a + " overlaps " + b);
                }
            }
        }
        assertEquals(Link.of(diagram).size(), layout.routes().size());
        for (Route r : layout.routes()) {
            Box from = boxes.get(r.link().from());
            Box to = boxes.get(r.link().to());
            assertTrue(from.rank() < to.rank(),
                    "arrow " + r.link() + " from column " + from.rank() + " to " + to.rank());
            List<Point> p = r.points();
            assertEquals(from.right(), p.get(0).x(), "starts on the source's right side");
            assertTrue(p.get(0).y() > from.y() && p.get(0).y() < from.bottom(), "starts beside the source: " + r);
            Point end = p.get(p.size() - 1);
            assertEquals(to.x(), end.x(), "ends on the target's left side");
            assertTrue(end.y() > to.y() && end.y() < to.bottom(), "ends beside the target: " + r);
            assertEquals(2 * (to.rank() - from.rank()), p.size(), "one pair of points per skipped column");
            for (int i = 1; i < p.size(); i++) {
                assertTrue(p.get(i).x() >= p.get(i - 1).x(), "always rightwards: " + r);
            }
            for (int i = 1; i + 1 < p.size(); i += 2) {
                assertPassesNoBox(p.get(i), p.get(i + 1), boxes, r);
            }
        }
    }

    private static void assertPassesNoBox(Point a, Point b, List<Box> boxes, Route r) {
        assertEquals(a.y(), b.y(), "straight through a skipped column");
        for (Box box : boxes) {
            boolean sameColumn = box.x() < b.x() && a.x() < box.right();
            assertFalse(sameColumn && a.y() >= box.y() && a.y() <= box.bottom(), r + " runs through " + box);
        }
    }

    @Test
    void columnsAreDependencyDepthAndImageStagesSitNextToTheirFirstUser() {
        StageDiagram d = Diagrams.of("""
                FROM alpine AS a
                FROM a AS b
                FROM b AS c
                FROM busybox AS tools
                FROM c AS final
                COPY --from=tools /bin/x /x
                FROM scratch AS lonely
                """);
        assertEquals(List.of(0, 1, 2, 2, 3, 0),
                SvgRenderer.layout(d).boxes().stream().map(Box::rank).toList());
    }

    @Test
    void barycenterSweepsUncrossArrowsThatFileOrderCrosses() {
        StageDiagram d = Diagrams.of("""
                FROM alpine AS a
                FROM alpine AS b
                FROM alpine AS e
                FROM b AS c
                FROM e AS f
                FROM a AS g
                """);
        Result layout = SvgRenderer.layout(d);
        assertEquals(0, crossings(layout), "in file order, c, f and g would cross the arrows from a, b and e");
        List<Box> boxes = layout.boxes();
        assertTrue(boxes.get(5).y() < boxes.get(3).y(), "g, built on a, moved above c");
    }

    @Test
    void theSameDiagramGivesTheSameLayout() {
        String text = Diagrams.corpus("hoppscotch__hoppscotch__prod.Dockerfile");
        assertEquals(SvgRenderer.layout(Diagrams.of(text)), SvgRenderer.layout(Diagrams.of(text)));
    }

    @Test
    void severalReferencesBetweenTwoStagesAreOneArrow() {
        StageDiagram d = Diagrams.of("""
                FROM alpine AS build
                FROM build AS test
                COPY --from=build /a /a
                COPY --from=build /b /b
                RUN --mount=from=build,target=/c true
                """);
        List<Link> links = Link.of(d);
        assertEquals(1, links.size());
        assertEquals("FROM + COPY \u00d72 + mount", links.get(0).label());
        assertEquals(StageDiagram.EdgeKind.FROM, links.get(0).primary());
        assertEquals(4, d.edges().size(), "the data keeps every reference");
    }

    @Test
    void aGraphWithNoStagesOrArrowsStillHasAPicture() {
        Result empty = LayeredLayout.layout(new double[0], 46, List.of());
        assertTrue(empty.width() > 0 && empty.height() > 0);
        StageDiagram one = Diagrams.of("FROM scratch\n");
        assertLaidOutCleanly(one, SvgRenderer.layout(one));
    }

    /** Pairs of arrows between the same two columns whose ends are in opposite vertical orders. */
    private static int crossings(Result layout) {
        int n = 0;
        List<Route> routes = layout.routes();
        for (int i = 0; i < routes.size(); i++) {
            for (int j = i + 1; j < routes.size(); j++) {
                List<Point> a = routes.get(i).points();
                List<Point> b = routes.get(j).points();
                if (a.size() == 2 && b.size() == 2 && a.get(0).x() == b.get(0).x() && a.get(1).x() == b.get(1).x()
                        && (a.get(0).y() - b.get(0).y()) * (a.get(1).y() - b.get(1).y()) < 0) {
                    n++;
                }
            }
        }
        return n;
    }
}

package dev.stagesmith.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagesmith.engine.testing.RequiredTool;
import dev.stagesmith.grammar.Dockerfiles;
import dev.stagesmith.grammar.stages.StageGraph;
import dev.stagesmith.server.SharedData;
import dev.stagesmith.server.graph.DotRenderer;
import dev.stagesmith.server.graph.StageDiagram;
import dev.stagesmith.server.graph.SvgRenderer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The pictures in the programs people view them with: Chromium renders our SVG file on its own (a valid
 * standalone SVG whose CSS defaults colour the boxes), and Graphviz accepts our DOT.
 */
class StageGraphPicturesIT {

    private static final String SOURCE = "docker__cli__Dockerfile";

    private static StageDiagram diagram(String target) throws IOException {
        StageGraph graph = StageGraph.of(Dockerfiles.parse(
                Files.readString(SharedData.root().resolve("corpus/real").resolve(SOURCE))));
        return StageDiagram.of(graph, Optional.ofNullable(target).map(t -> graph.findTarget(t).orElseThrow()));
    }

    @Test
    void chromiumDrawsEveryStageBoxInItsDefaultColours(@TempDir Path dir) throws Exception {
        Path chromium = RequiredTool.find("chromium", "chromium");
        StageDiagram d = diagram("e2e");
        String svg = SvgRenderer.render(d);
        Path file = dir.resolve("stages.svg");
        Files.writeString(file, svg);
        Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        int width = Integer.parseInt(root.getAttribute("width"));
        int height = Integer.parseInt(root.getAttribute("height"));
        Path png = dir.resolve("stages.png");
        Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--hide-scrollbars", "--force-device-scale-factor=1", "--window-size=" + width + "," + height,
                "--user-data-dir=" + dir.resolve("profile"), "--screenshot=" + png, file.toUri().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not finish within 120 s");
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("chromium.log")));
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(width, image.getWidth());
        assertEquals(height, image.getHeight());
        List<Element> stages = stageRects(root);
        assertEquals(d.nodes().size(), stages.size());
        for (int i = 0; i < stages.size(); i++) {
            Element rect = stages.get(i);
            // Right of the text, inside the border: the box's fill and nothing else.
            int x = (int) (Double.parseDouble(rect.getAttribute("x"))
                    + Double.parseDouble(rect.getAttribute("width")) - 6);
            int y = (int) (Double.parseDouble(rect.getAttribute("y")) + 26);
            int expected = d.nodes().get(i).needed() ? 0xddf4ff : blendedWithWhite(0xf6f8fa, 0.45);
            assertColour(expected, image.getRGB(x, y) & 0xffffff, "stage " + i + " at " + x + "," + y);
        }
    }

    @Test
    void graphvizAcceptsTheDotAndDrawsEveryStage(@TempDir Path dir) throws Exception {
        Path dot = RequiredTool.find("dot", "graphviz");
        StageDiagram d = diagram("e2e");
        Path file = dir.resolve("stages.dot");
        Files.writeString(file, DotRenderer.render(d));
        Path out = dir.resolve("stages.svg");
        Process p = new ProcessBuilder(dot.toString(), "-Tsvg", "-o", out.toString(), file.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("dot.log").toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "dot did not finish within 60 s");
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("dot.log")));
        assertEquals("", Files.readString(dir.resolve("dot.log")), "no warnings");
        String drawn = Files.readString(out);
        for (int i = 0; i < d.nodes().size(); i++) {
            assertTrue(drawn.contains("<title>s" + i + "</title>"), "stage " + i + " drawn");
        }
    }

    private static List<Element> stageRects(Element root) {
        List<Element> out = new ArrayList<>();
        NodeList groups = root.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (g.getAttribute("class").equals("stage")) {
                out.add((Element) g.getElementsByTagName("rect").item(0));
            }
        }
        return out;
    }

    /** A colour drawn at {@code opacity} over the white background. */
    private static int blendedWithWhite(int rgb, double opacity) {
        int out = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int c = (rgb >> shift) & 0xff;
            out |= (int) Math.round(c * opacity + 255 * (1 - opacity)) << shift;
        }
        return out;
    }

    private static void assertColour(int expected, int actual, String where) {
        for (int shift = 16; shift >= 0; shift -= 8) {
            int e = (expected >> shift) & 0xff;
            int a = (actual >> shift) & 0xff;
            assertTrue(Math.abs(e - a) <= 3, String.format("%s: expected #%06x, drew #%06x", where, expected, actual));
        }
    }
}

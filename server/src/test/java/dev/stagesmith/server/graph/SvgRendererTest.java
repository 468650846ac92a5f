package dev.stagesmith.server.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.server.graph.StageDiagram.BaseKind;
import dev.stagesmith.server.graph.StageDiagram.Edge;
import dev.stagesmith.server.graph.StageDiagram.EdgeKind;
import dev.stagesmith.server.graph.StageDiagram.Node;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The SVG: a well-formed standalone document, one {@code <g class="stage">} per stage, text escaped and
 * truncated with the full text in a tooltip, colours only through CSS custom properties, and the golden
 * pictures of a 23-stage corpus file (rewrite with {@code -Dgolden.update=true}, then look at them).
 */
class SvgRendererTest {

    /** The source folder, so that updating rewrites the files under version control. */
    static final Path GOLDEN = Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources/graph");

    private static final String SMALL = """
            FROM golang:1.22 AS build
            FROM alpine:3.20
            RUN --mount=from=build,target=/c true
            FROM scratch AS app
            COPY --from=build /out /app
            FROM app AS debug
            """;

    @Test
    void goldenPictureOfTwentyThreeStages() throws Exception {
        assertGolden("docker-cli.svg", SvgRenderer.render(Diagrams.of(Diagrams.corpus(Diagrams.GOLDEN_SOURCE))));
    }

    @Test
    void goldenPictureOfWhatTargetE2eNeeds() throws Exception {
        assertGolden("docker-cli-target-e2e.svg",
                SvgRenderer.render(Diagrams.of(Diagrams.corpus(Diagrams.GOLDEN_SOURCE), "e2e")));
    }

    @Test
    void aStandaloneSvgWithOneGroupPerStageCarryingIndexAndFromLine() throws Exception {
        StageDiagram d = Diagrams.of(SMALL);
        String svg = SvgRenderer.render(d);
        Element root = parse(svg).getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
        assertEquals("0 0 " + root.getAttribute("width") + " " + root.getAttribute("height"),
                root.getAttribute("viewBox"));
        List<Element> stages = groups(root, "stage");
        assertEquals(List.of("0:0", "1:1", "2:3", "3:5"), stages.stream()
                .map(g -> g.getAttribute("data-stage") + ":" + g.getAttribute("data-line")).toList());
        assertEquals(List.of("build", "#1", "app", "debug"), stages.stream().map(g -> text(g, "label")).toList());
        assertEquals(List.of("golang:1.22", "alpine:3.20", "scratch", "stage app"),
                stages.stream().map(g -> text(g, "base")).toList());
        assertEquals(List.of("edge mount", "edge copy", "edge from"),
                elements(root, "g").stream().map(g -> g.getAttribute("class")).filter(c -> c.startsWith("edge "))
                        .toList());
        assertFalse(svg.contains(" data-needed=\""), "no highlighting without a target");
    }

    @Test
    void aTargetHighlightsTheStagesAndArrowsItNeeds() throws Exception {
        Element root = parse(SvgRenderer.render(Diagrams.of(SMALL, "app"))).getDocumentElement();
        assertEquals(List.of("true", "false", "true", "false"),
                groups(root, "stage").stream().map(g -> g.getAttribute("data-needed")).toList());
        assertEquals(List.of("", "", "true", ""),
                groups(root, "stage").stream().map(g -> g.getAttribute("data-target")).toList());
        assertEquals(List.of("false", "true", "false"), elements(root, "g").stream()
                .filter(g -> g.getAttribute("class").startsWith("edge ")).map(g -> g.getAttribute("data-needed"))
                .toList());
        assertTrue(text(root, "legend-caption").contains("target app: 2 of 4 stages needed"));
    }

    @Test
    void specialCharactersAreEscapedAndLongTextIsCutWithTheWholeInATooltip() throws Exception {
        String name = "a<b&c\"d'e";
        String image = "registry.example:5000/some/very/long/path/to/an/image<&\">:1.2.3-with-a-long-tag";
        StageDiagram d = new StageDiagram(List.of(
                new Node(0, Optional.of(name), name, BaseKind.IMAGE, image, 0, TextRange.of(0, 4), false),
                new Node(1, Optional.empty(), "#1", BaseKind.STAGE, name, 1, TextRange.of(5, 9), false)),
                List.of(new Edge(0, 1, EdgeKind.FROM, 1, TextRange.of(5, 9))), Optional.empty());
        String svg = SvgRenderer.render(d);
        Element root = parse(svg).getDocumentElement();
        Element first = groups(root, "stage").get(0);
        assertEquals(name, text(first, "label"));
        String base = text(first, "base");
        assertEquals(SvgRenderer.BASE_CHARS, base.codePointCount(0, base.length()));
        assertTrue(base.endsWith("\u2026") && image.startsWith(base.substring(0, base.length() - 1)), base);
        String tooltip = first.getElementsByTagName("title").item(0).getTextContent();
        assertTrue(tooltip.contains(name) && tooltip.contains(image), tooltip);
        assertEquals("stage " + name, text(groups(root, "stage").get(1), "base"));
        assertTrue(svg.contains("a&lt;b&amp;c&quot;d&apos;e"), "escaped in the markup itself");
    }

    @Test
    void everyColourIsACustomPropertyWithADefault() {
        String svg = SvgRenderer.render(Diagrams.of(SMALL, "app"));
        Matcher colours = Pattern.compile("#[0-9a-fA-F]{6}\\b").matcher(svg);
        int n = 0;
        while (colours.find()) {
            String before = svg.substring(Math.max(0, colours.start() - 60), colours.start());
            assertTrue(before.matches("(?s).*var\\(--stagesmith-[a-z-]+, $"), "a bare colour: ..." + before);
            n++;
        }
        assertTrue(n >= 10, "colours found: " + n);
        assertFalse(Pattern.compile("\\s(fill|stroke)=\"").matcher(svg).find(), "no colour attributes to override");
    }

    @Test
    void theSameInputGivesTheSameBytes() {
        String text = Diagrams.corpus("moby__buildkit__Dockerfile");
        assertEquals(SvgRenderer.render(Diagrams.of(text, "integration-tests")),
                SvgRenderer.render(Diagrams.of(text, "integration-tests")));
    }

    private static void assertGolden(String name, String actual) throws IOException {
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        assertTrue(Files.exists(file), "missing " + file + ": run with -Dgolden.update=true and look at it");
        assertEquals(Diagrams.read(file), actual, name + " changed: if on purpose, rewrite it with "
                + "-Dgolden.update=true, render it (docs/images/stage-graph.sh) and look at it");
        parse(actual);
    }

    static Document parse(String svg) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static List<Element> elements(Element root, String tag) {
        NodeList list = root.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    private static List<Element> groups(Element root, String cls) {
        return elements(root, "g").stream().filter(g -> g.getAttribute("class").equals(cls)).toList();
    }

    private static String text(Element root, String cls) {
        return elements(root, "text").stream().filter(t -> t.getAttribute("class").equals(cls)).findFirst()
                .orElseThrow(() -> new AssertionError("no text of class " + cls)).getTextContent();
    }
}

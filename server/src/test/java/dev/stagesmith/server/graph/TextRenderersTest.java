package dev.stagesmith.server.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.server.graph.StageDiagram.BaseKind;
import dev.stagesmith.server.graph.StageDiagram.Node;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** DOT and Mermaid: the stages, bases and kinds of arrow, what a target needs, and escaping. */
class TextRenderersTest {

    private static final String FILE = """
            FROM golang:1.22 AS build
            FROM alpine:3.20
            RUN --mount=from=build,target=/c true
            FROM scratch AS app
            COPY --from=build /out /app
            COPY --from=build /etc /etc
            FROM app AS debug
            """;

    @Test
    void dotHasEveryStageAndArrowStyledByKind() {
        assertEquals("""
                digraph stages {
                  graph [rankdir=LR, nodesep=0.25, ranksep=0.7, fontname="monospace"];
                  node [shape=box, style="rounded,filled", fontname="monospace", fontsize=11, fillcolor="#ffffff", color="#8c959f"];
                  edge [fontname="monospace", fontsize=9, color="#57606a", fontcolor="#57606a"];
                  s0 [label="build  #0\\ngolang:1.22", tooltip="line 1"];
                  s1 [label="#1\\nalpine:3.20", tooltip="line 2"];
                  s2 [label="app  #2\\nscratch", tooltip="line 4"];
                  s3 [label="debug  #3\\nstage app", tooltip="line 7"];
                  s0 -> s1 [label="mount", style=dotted];
                  s0 -> s2 [label="COPY ×2", style=dashed];
                  s2 -> s3 [label="FROM", style=bold];
                }
                """, DotRenderer.render(Diagrams.of(FILE)));
    }

    @Test
    void dotWithATargetHighlightsWhatItNeedsAndGreysTheRest() {
        String dot = DotRenderer.render(Diagrams.of(FILE, "app"));
        assertTrue(dot.contains("s2 [label=\"app  #2\\nscratch\", tooltip=\"line 4\", fillcolor=\"#ddf4ff\","
                + " color=\"#0969da\", penwidth=3];"), dot);
        assertTrue(dot.contains("s0 [label=\"build  #0\\ngolang:1.22\", tooltip=\"line 1\", fillcolor=\"#ddf4ff\","
                + " color=\"#0969da\", penwidth=2];"), dot);
        assertTrue(dot.contains("s1 [label=\"#1\\nalpine:3.20\", tooltip=\"line 2\", fillcolor=\"#f6f8fa\","), dot);
        assertTrue(dot.contains("s0 -> s2 [label=\"COPY ×2\", style=dashed, color=\"#0969da\""), dot);
        assertTrue(dot.contains("s2 -> s3 [label=\"FROM\", style=bold, color=\"#d0d7de\""), dot);
    }

    @Test
    void mermaidHasEveryStageAndArrowStyledByKind() {
        assertEquals("""
                flowchart LR
                  s0["build #35;0<br/><small>golang:1.22</small>"]
                  s1["#35;1<br/><small>alpine:3.20</small>"]
                  s2["app #35;2<br/><small>scratch</small>"]
                  s3["debug #35;3<br/><small>stage app</small>"]
                  s0 -.->|"mount"| s1
                  s0 -->|"COPY ×2"| s2
                  s2 ==>|"FROM"| s3
                """, MermaidRenderer.render(Diagrams.of(FILE)));
    }

    @Test
    void mermaidWithATargetSetsClassesAndColoursTheNeededArrows() {
        String mermaid = MermaidRenderer.render(Diagrams.of(FILE, "debug"));
        assertTrue(mermaid.endsWith("""
                  class s0,s2 needed
                  class s3 target
                  class s1 pruned
                  linkStyle 1,2 stroke:#0969da,stroke-width:2px
                """), mermaid);
        assertTrue(mermaid.contains("  classDef needed fill:#ddf4ff,stroke:#0969da,stroke-width:2px\n"), mermaid);
    }

    @Test
    void labelsAreEscapedForEachLanguage() {
        String name = "a<b&c\"d\\e|f";
        StageDiagram d = new StageDiagram(List.of(new Node(0, Optional.of(name), name, BaseKind.IMAGE,
                "img\"x", 0, TextRange.of(0, 4), false)), List.of(), Optional.empty());
        assertTrue(DotRenderer.render(d).contains("s0 [label=\"a<b&c\\\"d\\\\e|f  #0\\nimg\\\"x\""),
                DotRenderer.render(d));
        assertTrue(MermaidRenderer.render(d).contains(
                "s0[\"a#lt;b#amp;c#quot;d\\e#124;f #35;0<br/><small>img#quot;x</small>\"]"), MermaidRenderer.render(d));
    }

    @Test
    void formatsAreFoundByNameInAnyCase() {
        assertEquals(Optional.of(GraphFormat.SVG), GraphFormat.parse("SVG"));
        assertEquals(Optional.of(GraphFormat.MERMAID), GraphFormat.parse("mermaid"));
        assertEquals(Optional.empty(), GraphFormat.parse("png"));
        assertTrue(GraphFormat.DOT.render(Diagrams.of(FILE)).startsWith("digraph stages {"));
    }
}

package dev.stagesmith.server.graph;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** The pictures of the stage graph, by the name the command line and the protocol use for them. */
public enum GraphFormat {
    DOT(DotRenderer::render), MERMAID(MermaidRenderer::render), SVG(SvgRenderer::render);

    private final Function<StageDiagram, String> renderer;

    GraphFormat(Function<StageDiagram, String> renderer) {
        this.renderer = renderer;
    }

    /** {@code dot}, {@code mermaid} or {@code svg}, in any case. */
    public static Optional<GraphFormat> parse(String name) {
        for (GraphFormat f : values()) {
            if (f.name().equalsIgnoreCase(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String render(StageDiagram diagram) {
        return renderer.apply(diagram);
    }
}

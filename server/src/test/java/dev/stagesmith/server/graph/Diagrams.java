package dev.stagesmith.server.graph;

import dev.stagesmith.grammar.Dockerfiles;
import dev.stagesmith.grammar.stages.StageGraph;
import dev.stagesmith.server.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Diagrams for the tests: from Dockerfile text, with or without a target. */
final class Diagrams {

    /** The corpus file the golden pictures are drawn from: 23 stages, FROM and COPY --from edges, scratch stages. */
    static final String GOLDEN_SOURCE = "docker__cli__Dockerfile";

    private Diagrams() {}

    static StageDiagram of(String dockerfile) {
        return of(dockerfile, null);
    }

    static StageDiagram of(String dockerfile, String target) {
        StageGraph graph = StageGraph.of(Dockerfiles.parse(dockerfile));
        return StageDiagram.of(graph, Optional.ofNullable(target).map(t -> graph.findTarget(t).orElseThrow()));
    }

    static String corpus(String name) {
        return read(SharedData.root().resolve("corpus/real").resolve(name));
    }

    static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

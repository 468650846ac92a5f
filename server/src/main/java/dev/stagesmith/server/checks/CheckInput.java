package dev.stagesmith.server.checks;

import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.stages.StageGraph;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What rules look at: the syntax tree, the stage graph, and, when the build context is known, which
 * context paths {@code .dockerignore} excludes.
 *
 * @param file the parsed Dockerfile
 * @param graph its stages, references, ARG scopes and environments
 * @param ignored tells whether a context path (slash-separated, relative) is excluded by .dockerignore
 */
public record CheckInput(ParsedDockerfile file, StageGraph graph, Optional<Predicate<String>> ignored) {

    public static CheckInput of(ParsedDockerfile file) {
        return new CheckInput(file, StageGraph.of(file), Optional.empty());
    }

    public String text() {
        return file.text();
    }
}

package dev.stagesmith.grammar.stages;

import dev.stagesmith.grammar.TextRange;
import java.util.Optional;

/**
 * A variable as the build sees it at some point: its value (null for an {@code ARG} declared without one)
 * and where it came from.
 *
 * @param name the variable name
 * @param value the expanded value, or null when declared without a value
 * @param origin what set it
 * @param range where it was set in the Dockerfile (the name), empty for automatic and build args
 * @param stage the stage that set it, or -1 for the global scope
 */
public record Binding(String name, String value, Origin origin, TextRange range, int stage) {

    /** What set a variable. */
    public enum Origin {
        /** An ARG before the first FROM. */
        GLOBAL_ARG,
        /** One of BuildKit's automatic platform args ({@code TARGETARCH}, ...). */
        AUTOMATIC,
        /** An ARG inside a stage. */
        ARG,
        /** An ENV inside a stage. */
        ENV,
        /** The environment of {@code FROM scratch} ({@code PATH}). */
        SCRATCH,
        /** A {@code --build-arg} given to the build. */
        BUILD_ARG
    }

    public Optional<String> valueIfSet() {
        return Optional.ofNullable(value);
    }

    public boolean isSet() {
        return value != null;
    }
}

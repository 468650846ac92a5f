package dev.stagesmith.server.features.build;

import java.time.Instant;

/** What a code lens shows about its stage's build: running, or the last result until it expires. */
sealed interface BuildStatus {

    /** How long a result stays on the lens. */
    java.time.Duration SHOWN_FOR = java.time.Duration.ofSeconds(60);

    record Running() implements BuildStatus {}

    /** {@code digest} is the manifest digest {@code sha256:...}. */
    record Built(double seconds, String digest, Instant until) implements BuildStatus {}

    /** {@code line} is the 1-based line to blame, or 0. */
    record Failed(int line, Instant until) implements BuildStatus {}
}

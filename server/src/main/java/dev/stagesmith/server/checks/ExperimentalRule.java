package dev.stagesmith.server.checks;

/**
 * A rule BuildKit marks experimental: it runs only when {@code # check=experimental=<code>} (or
 * {@code all}) enables it, or when a severity setting names it.
 */
public interface ExperimentalRule extends Rule {}

package dev.stagesmith.engine.build;

/** Receives build events; called from the build's worker threads, so implementations must be thread-safe. */
@FunctionalInterface
public interface BuildListener {

    void on(BuildEvent event);

    BuildListener NONE = e -> { };
}

package dev.stagesmith.engine.build;

import dev.stagesmith.grammar.TextRange;
import java.time.Duration;

/** What the engine reports while it builds. The engine never prints; the CLI and the LSP render these. */
public sealed interface BuildEvent {

    /** One step of a stage: {@code stage} is the display name, {@code index} the step number from 1. */
    record StepId(String stage, int stageIndex, int index, int count) {
        @Override
        public String toString() {
            return "[" + stage + " " + index + "/" + count + "]";
        }
    }

    record StageStarted(String stage, int stageIndex) implements BuildEvent {}

    record StageFinished(String stage, int stageIndex, Duration elapsed, boolean cached) implements BuildEvent {}

    record StepStarted(StepId id, String text, TextRange range) implements BuildEvent {}

    record StepCached(StepId id) implements BuildEvent {}

    record StepProgress(StepId id, long bytes, long total) implements BuildEvent {}

    record StepFinished(StepId id, Duration elapsed) implements BuildEvent {}

    record StepFailed(StepId id, String message, TextRange range) implements BuildEvent {}

    /** One line a running step printed (a RUN's stdout and stderr, merged, without the line break). */
    record StepOutput(StepId id, String line) implements BuildEvent {}

    /** Bytes moved for something that is not a step (pulling a base image layer, pushing). */
    record Transfer(String what, long bytes, long total) implements BuildEvent {}

    /** A message about the build as a whole (resolving, exporting), with an optional size in bytes. */
    record Note(String message) implements BuildEvent {}

    record Warning(String message) implements BuildEvent {}
}

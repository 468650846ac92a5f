package dev.stagesmith.engine.build;

/** A step that cannot be done, with the one-line reason; the stage builder adds where (file:line, stage). */
final class StepFailure extends Exception {

    StepFailure(String message) {
        super(message);
    }

    StepFailure(String message, Throwable cause) {
        super(message, cause);
    }
}

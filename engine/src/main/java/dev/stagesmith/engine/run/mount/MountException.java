package dev.stagesmith.engine.run.mount;

/** A {@code RUN --mount} that cannot be set up, with what to do; the step reports it on its line. */
public final class MountException extends Exception {

    public MountException(String message) {
        super(message);
    }

    public MountException(String message, Throwable cause) {
        super(message, cause);
    }
}

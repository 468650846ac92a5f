package dev.stagesmith.server.features.build;

/**
 * A build that did not happen or did not finish, with the one line a user reads: refused before it started
 * (already running, no such stage, not a file), failed, or cancelled.
 */
public final class BuildRefusedException extends RuntimeException {

    private final boolean cancelled;

    BuildRefusedException(String message, boolean cancelled) {
        super(message, null, false, false);
        this.cancelled = cancelled;
    }

    BuildRefusedException(String message) {
        this(message, false);
    }

    /** True when the build was cancelled (the protocol answers RequestCancelled). */
    public boolean cancelled() {
        return cancelled;
    }
}

package dev.stagesmith.engine.copy;

/**
 * Why a COPY or ADD cannot be done, as one user-facing line; the caller adds the file, line and stage. Checked
 * because every cause is a mistake in the Dockerfile or the context, which the build must report, not crash on.
 */
public final class CopyException extends Exception {

    private static final long serialVersionUID = 1L;

    public CopyException(String message) {
        super(message);
    }
}

package dev.stagesmith.server.features.rename;

/**
 * A rename (or prepareRename) that cannot be done, with a message for the user that says why and what
 * to do instead. The protocol layer answers the request with this message as an error.
 */
public final class RenameRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RenameRefusedException(String message) {
        super(message, null, false, false);
    }
}

package dev.stagesmith.server.cli;

/** A problem the user can fix (bad arguments, unreadable file): printed as one line, never as a stack trace. */
final class UserError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    UserError(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    static UserError usage(String message) {
        return new UserError(message, ExitCodes.USAGE);
    }

    int exitCode() {
        return exitCode;
    }
}

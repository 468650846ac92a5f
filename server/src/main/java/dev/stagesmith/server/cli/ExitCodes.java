package dev.stagesmith.server.cli;

/** The command line's exit codes, the same for every command. */
final class ExitCodes {

    /** Success. */
    static final int OK = 0;
    /** The Dockerfile has problems (syntax errors, or findings at error severity). */
    static final int PROBLEMS = 1;
    /** Bad arguments, an unknown target, or a file that cannot be read. */
    static final int USAGE = 2;
    /** A bug in Stagesmith. */
    static final int INTERNAL = 3;

    private ExitCodes() {}
}

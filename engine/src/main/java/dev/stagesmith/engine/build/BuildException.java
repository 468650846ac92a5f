package dev.stagesmith.engine.build;

import dev.stagesmith.grammar.TextRange;
import java.util.Optional;

/**
 * A build that cannot go on, with what went wrong, where (the instruction's range and stage, when one is
 * to blame) and what to do. {@link #getMessage()} is the one line a user reads.
 */
public class BuildException extends Exception {

    private final transient Optional<TextRange> range;
    private final String stage;
    private final int line;

    public BuildException(String message, String stage, int line, TextRange range, Throwable cause) {
        super(message, cause);
        this.stage = stage;
        this.line = line;
        this.range = Optional.ofNullable(range);
    }

    public BuildException(String message) {
        this(message, null, 0, null, null);
    }

    public BuildException(String message, Throwable cause) {
        this(message, null, 0, null, cause);
    }

    /** The instruction to blame, if any. */
    public Optional<TextRange> range() {
        return range;
    }

    /** The stage's display name, or null when the failure is not in a stage. */
    public String stage() {
        return stage;
    }

    /** The 1-based Dockerfile line, or 0. */
    public int line() {
        return line;
    }
}

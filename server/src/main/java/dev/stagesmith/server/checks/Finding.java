package dev.stagesmith.server.checks;

import dev.stagesmith.grammar.TextRange;
import java.util.List;
import java.util.Set;

/**
 * One problem a rule found: where, how serious, what to do about it, and the quick fixes that solve it
 * (text edits an editor can apply without analysing the file again).
 */
public record Finding(String code, Severity severity, String message, TextRange range, Set<Tag> tags, List<Fix> fixes) {

    /** Extra meaning editors render specially (LSP diagnostic tags). */
    public enum Tag {
        /** Code that does nothing (greyed out). */
        UNNECESSARY,
        /** Something deprecated (struck through). */
        DEPRECATED
    }

    public Finding {
        tags = Set.copyOf(tags);
        fixes = List.copyOf(fixes);
    }

    public Finding withSeverity(Severity s) {
        return new Finding(code, s, message, range, tags, fixes);
    }
}

package dev.stagesmith.server.checks;

import dev.stagesmith.grammar.TextRange;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Collects what one rule reports; the rule's code and default severity are filled in here. */
public final class Findings {

    private final Rule rule;
    private final List<Finding> found = new ArrayList<>();

    Findings(Rule rule) {
        this.rule = rule;
    }

    /** Reports {@code message} at {@code range}, with optional quick fixes. */
    public void report(TextRange range, String message, Fix... fixes) {
        report(range, message, EnumSet.noneOf(Finding.Tag.class), List.of(fixes));
    }

    public void report(TextRange range, String message, Set<Finding.Tag> tags, List<Fix> fixes) {
        found.add(new Finding(rule.code(), rule.defaultSeverity(), message, range, tags, fixes));
    }

    List<Finding> all() {
        return found;
    }
}

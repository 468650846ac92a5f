package dev.stagesmith.server.checks.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stagesmith.server.checks.Finding;
import dev.stagesmith.server.checks.Rule;
import dev.stagesmith.server.checks.RuleTester;
import java.util.List;

/** How many quick fixes the only finding of a rule offers, for cases where a fix would be a guess. */
final class RuleTesterFixes {

    private RuleTesterFixes() {}

    static int fixes(Rule rule, String text) {
        List<Finding> found = RuleTester.run(rule, text);
        assertEquals(1, found.size(), "findings: " + found);
        return found.get(0).fixes().size();
    }
}

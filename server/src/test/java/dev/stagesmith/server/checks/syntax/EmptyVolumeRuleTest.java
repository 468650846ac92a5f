package dev.stagesmith.server.checks.syntax;

import static dev.stagesmith.server.checks.RuleTester.assertFindings;
import static dev.stagesmith.server.checks.RuleTester.assertNoFindings;

import org.junit.jupiter.api.Test;

class EmptyVolumeRuleTest {

    private final EmptyVolumeRule rule = new EmptyVolumeRule();

    @Test
    void emptyOrBlankPaths() {
        assertFindings(rule, "FROM a\nVOLUME [⟦\"\"⟧, \"/data\", ⟦\"  \"⟧]\n", "VOLUME specified can not be an empty string");
    }

    @Test
    void quietOnPaths() {
        assertNoFindings(rule, "FROM a\nVOLUME /data /logs\nVOLUME [\"/data\"]\n");
    }
}

package dev.stagesmith.server.checks.style;

import static dev.stagesmith.server.checks.RuleTester.applyFix;
import static dev.stagesmith.server.checks.RuleTester.assertFindings;
import static dev.stagesmith.server.checks.RuleTester.assertNoFindings;
import static dev.stagesmith.server.checks.RuleTester.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LegacyKeyValueFormatRuleTest {

    private final LegacyKeyValueFormatRule rule = new LegacyKeyValueFormatRule();

    @Test
    void reportsLegacyEnvAndLabel() {
        assertFindings(rule, "FROM scratch\nENV ⟦testkey value⟧\nLABEL ⟦key value⟧\n",
                "\"ENV key=value\" should be used instead of legacy \"ENV key value\" format",
                "\"LABEL key=value\" should be used instead of legacy \"LABEL key value\" format");
        assertFindings(rule, "FROM scratch\nenv ⟦PATH /bin⟧\n", "\"env key=value\"");
    }

    @Test
    void quietOnKeyEqualsValue() {
        assertNoFindings(rule, "FROM scratch\nENV testkey=value\nLABEL key=value a=\"b c\"\nARG foo bar=1\n");
    }

    @Test
    void fixKeepsTheValueExactly() {
        assertEquals("FROM scratch\nENV K=v\n", applyFix(rule, "FROM scratch\nENV K v\n"));
        assertEquals("FROM scratch\nENV K=\"v  w $X\"\n", applyFix(rule, "FROM scratch\nENV K v  w $X\n"));
        assertEquals("FROM scratch\nENV C=\"q r\"\n", applyFix(rule, "FROM scratch\nENV C \"q r\"\n"));
        assertEquals("FROM scratch\nLABEL K=a\\ b\n", applyFix(rule, "FROM scratch\nLABEL K a\\ b\n"));
        assertEquals("FROM scratch\nENV K=\"a \\\n  b\"\n", applyFix(rule, "FROM scratch\nENV K \\\n a \\\n  b\n"));
    }

    @Test
    void noFixWhenQuotingWouldChangeTheValue() {
        var found = run(rule, "FROM scratch\nENV K 'a b' c\n");
        assertEquals(1, found.size());
        assertTrue(found.get(0).fixes().isEmpty());
    }
}

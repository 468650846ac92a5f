package dev.stagesmith.server.checks.syntax;

import static dev.stagesmith.server.checks.RuleTester.applyFix;
import static dev.stagesmith.server.checks.RuleTester.assertFindings;
import static dev.stagesmith.server.checks.RuleTester.assertNoFindings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InvalidHealthcheckRuleTest {

    private final InvalidHealthcheckRule rule = new InvalidHealthcheckRule();

    @Test
    void durationsGoCannotParse() {
        assertFindings(rule, "FROM a\nHEALTHCHECK --interval=⟦5⟧ CMD true\n", "time: missing unit in duration \"5\"");
        assertFindings(rule, "FROM a\nHEALTHCHECK --timeout=⟦5sec⟧ CMD true\n", "time: unknown unit \"sec\" in duration \"5sec\"");
        assertFindings(rule, "FROM a\nHEALTHCHECK --start-period=⟦abc⟧ CMD true\n", "time: invalid duration \"abc\"");
        assertFindings(rule, "FROM a\nHEALTHCHECK --start-interval=⟦.s⟧ CMD true\n", "time: invalid duration");
        assertFindings(rule, "FROM a\nHEALTHCHECK --interval=⟦$INTERVAL⟧ CMD true\n", "time: invalid duration");
        assertFindings(rule, "FROM a\nHEALTHCHECK --interval=⟦9999999999h⟧ CMD true\n", "time: invalid duration");
    }

    @Test
    void durationsBelowOneMillisecond() {
        assertFindings(rule, "FROM a\nHEALTHCHECK --interval=⟦500us⟧ CMD true\n",
                "Interval \"interval\" cannot be less than 1ms");
        assertFindings(rule, "FROM a\nHEALTHCHECK --timeout=⟦-1s⟧ CMD true\n", "Interval \"timeout\" cannot be less than 1ms");
    }

    @Test
    void retries() {
        assertFindings(rule, "FROM a\nHEALTHCHECK --retries=⟦-1⟧ CMD true\n", "--retries cannot be negative (-1)");
        assertFindings(rule, "FROM a\nHEALTHCHECK --retries=⟦three⟧ CMD true\n",
                "strconv.ParseInt: parsing \"three\": invalid syntax");
        assertFindings(rule, "FROM a\nHEALTHCHECK --retries=⟦2.5⟧ CMD true\n", "invalid syntax");
        assertFindings(rule, "FROM a\nHEALTHCHECK --retries=⟦3000000000⟧ CMD true\n", "value out of range");
    }

    @Test
    void unknownType() {
        assertFindings(rule, "FROM a\nHEALTHCHECK ⟦try⟧ CMD\n", "Unknown type \"TRY\" in HEALTHCHECK (try CMD)");
        assertEquals("FROM a\nHEALTHCHECK CMD curl -f http://x/\n",
                applyFix(rule, "FROM a\nHEALTHCHECK curl -f http://x/\n"));
    }

    @Test
    void quietOnValidOptionsAndOnNone() {
        assertNoFindings(rule, """
                FROM a
                HEALTHCHECK --interval=30s --timeout=1m30s --start-period=0 --start-interval=1.5ms --retries=0 CMD true
                HEALTHCHECK --interval=0s --retries=+3 CMD ["true"]
                HEALTHCHECK --interval=1h2m3s4ms5us6ns cmd true
                HEALTHCHECK --interval= CMD true
                HEALTHCHECK --interval=bogus NONE
                """);
    }
}

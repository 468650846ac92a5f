package dev.stagesmith.server.checks.syntax;

import static dev.stagesmith.server.checks.RuleTester.applyFix;
import static dev.stagesmith.server.checks.RuleTester.assertFindings;
import static dev.stagesmith.server.checks.RuleTester.assertNoFindings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FlagMissingValueRuleTest {

    private final FlagMissingValueRule rule = new FlagMissingValueRule();

    @Test
    void valueFlagsNeedAValue() {
        assertFindings(rule, "FROM alpine\nCOPY ⟦--from⟧ build a b\n", "missing a value on flag: --from");
        assertFindings(rule, "FROM alpine\nRUN ⟦--mount⟧ make\n", "missing a value on flag: --mount");
        assertFindings(rule, "FROM ⟦--platform⟧ alpine\n");
        assertFindings(rule, "FROM alpine\nHEALTHCHECK ⟦--retries⟧ CMD true\n");
    }

    @Test
    void booleanFlagsTakeNothingTrueOrFalse() {
        assertFindings(rule, "FROM alpine\nCOPY ⟦--link=⟧ a b\n", "missing a value on flag: --link");
        assertFindings(rule, "FROM alpine\nCOPY --link=⟦yes⟧ a b\n", "expecting boolean value for flag --link, not: yes");
        assertFindings(rule, "FROM alpine\nADD --keep-git-dir=⟦1⟧ a b\n", "not: 1");
    }

    @Test
    void quickFixes() {
        assertEquals("FROM alpine\nCOPY --link a b\n", applyFix(rule, "FROM alpine\nCOPY --link= a b\n"));
        assertEquals("FROM alpine\nCOPY --link a b\n", applyFix(rule, "FROM alpine\nCOPY --link=yes a b\n"));
    }

    @Test
    void quietOnGoodValues() {
        assertNoFindings(rule, """
                FROM alpine
                COPY --link --parents=TRUE --from= a b
                ADD --link=false --unpack=True --checksum= a b
                STOPSIGNAL --whatever SIGTERM
                """);
    }
}

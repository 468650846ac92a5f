package dev.stagesmith.server.checks.stages;

import static dev.stagesmith.server.checks.RuleTester.applyFix;
import static dev.stagesmith.server.checks.RuleTester.assertFindings;
import static dev.stagesmith.server.checks.RuleTester.assertNoFindings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FromAsCasingRuleTest {

    private final FromAsCasingRule rule = new FromAsCasingRule();

    @Test
    void reportsAsInTheOtherCase() {
        assertFindings(rule, "FROM alpine ⟦as⟧ build\nfrom alpine ⟦AS⟧ test\nFROM alpine ⟦As⟧ x\n",
                "'as' and 'FROM' keywords' casing do not match",
                "'AS' and 'from' keywords' casing do not match",
                "'As' and 'FROM' keywords' casing do not match");
    }

    @Test
    void quietWhenCasesMatchOrFromIsMixedCase() {
        assertNoFindings(rule, "FROM alpine AS a\nfrom alpine as b\nFrom alpine as c\nFROM alpine\n");
    }

    @Test
    void fixRecasesAs() {
        assertEquals("FROM alpine AS build\n", applyFix(rule, "FROM alpine as build\n"));
        assertEquals("from alpine as build\n", applyFix(rule, "from alpine AS build\n"));
    }
}

package dev.stagesmith.server.checks.stages;

import static dev.stagesmith.server.checks.RuleTester.assertFindings;
import static dev.stagesmith.server.checks.RuleTester.assertNoFindings;

import org.junit.jupiter.api.Test;

class InvalidStageNameRuleTest {

    private final InvalidStageNameRule rule = new InvalidStageNameRule();

    @Test
    void reportsNamesBuildKitRejects() {
        assertFindings(rule, "FROM alpine AS ⟦1st⟧\n",
                "invalid name for build stage: \"1st\", name can't start with a number or contain symbols");
        assertFindings(rule, "FROM alpine AS ⟦build@x⟧\nFROM alpine AS ⟦-x⟧\n", "\"build@x\"", "\"-x\"");
        assertFindings(rule, "from alpine as ⟦my:stage⟧\n", "\"my:stage\"");
    }

    @Test
    void acceptsLettersDigitsDashUnderscoreDotAfterLowerCasing() {
        assertNoFindings(rule, "FROM alpine AS Build-1_x.y\nFROM alpine\nFROM alpine AS b\n");
    }

    @Test
    void leavesMalformedFromToTheSyntaxCheck() {
        assertNoFindings(rule, "FROM alpine 1st\nFROM alpine AS 1st extra\n");
    }
}

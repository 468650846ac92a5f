package dev.stagesmith.server.checks.stages;

import static dev.stagesmith.server.checks.RuleTester.assertFindings;
import static dev.stagesmith.server.checks.RuleTester.assertNoFindings;

import org.junit.jupiter.api.Test;

class ReservedStageNameRuleTest {

    private final ReservedStageNameRule rule = new ReservedStageNameRule();

    @Test
    void reportsScratchAndContextInAnyCase() {
        assertFindings(rule, "FROM alpine AS ⟦scratch⟧\nFROM alpine AS ⟦Context⟧\n",
                "Stage name should not use the same name as reserved stage \"scratch\"",
                "Stage name should not use the same name as reserved stage \"context\"");
    }

    @Test
    void quietOnOtherNames() {
        assertNoFindings(rule, "FROM scratch AS scratchpad\nFROM scratch\nFROM alpine AS build-context\n");
    }
}

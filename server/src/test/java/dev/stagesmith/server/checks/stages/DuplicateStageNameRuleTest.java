package dev.stagesmith.server.checks.stages;

import static dev.stagesmith.server.checks.RuleTester.assertFindings;
import static dev.stagesmith.server.checks.RuleTester.assertNoFindings;

import org.junit.jupiter.api.Test;

class DuplicateStageNameRuleTest {

    private final DuplicateStageNameRule rule = new DuplicateStageNameRule();

    @Test
    void reportsEveryLaterDuplicateIgnoringCase() {
        assertFindings(rule, "FROM alpine AS build\nFROM alpine AS ⟦Build⟧\nFROM alpine AS test\nFROM alpine AS ⟦build⟧\n",
                "Duplicate stage name \"build\", stage names should be unique",
                "Duplicate stage name \"build\"");
    }

    @Test
    void quietOnUniqueNamesAndUnnamedStages() {
        assertNoFindings(rule, "FROM alpine AS build\nFROM alpine\nFROM alpine\nFROM alpine AS test\n");
    }
}

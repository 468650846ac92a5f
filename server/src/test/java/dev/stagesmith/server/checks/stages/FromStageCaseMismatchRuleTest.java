package dev.stagesmith.server.checks.stages;

import static dev.stagesmith.server.checks.RuleTester.applyFix;
import static dev.stagesmith.server.checks.RuleTester.assertFindings;
import static dev.stagesmith.server.checks.RuleTester.assertNoFindings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FromStageCaseMismatchRuleTest {

    private final FromStageCaseMismatchRule rule = new FromStageCaseMismatchRule();

    @Test
    void reportsFromNamingAnEarlierStageInAnotherCase() {
        assertFindings(rule, "FROM golang AS builder\nFROM ⟦Builder⟧\nFROM golang AS Base\nFROM ⟦Base⟧ AS x\n",
                "FROM Builder does not refer to stage \"builder\" (line 1)",
                "pulls an image \"Base\", which fails (repository name must be lowercase); write base");
    }

    @Test
    void reportsGlobalArgsExpandingToSuchANameWithoutAFix() {
        assertFindings(rule, "ARG STAGE=Builder\nFROM golang AS builder\nFROM ⟦${STAGE}⟧\n", "FROM Builder");
        assertEquals(0, RuleTesterFixes.fixes(rule, "ARG STAGE=Builder\nFROM golang AS builder\nFROM ${STAGE}\n"));
    }

    @Test
    void quietOnExactNamesAndLaterStages() {
        assertNoFindings(rule, "FROM golang AS builder\nFROM builder\nFROM Later\nFROM alpine AS later\n");
    }

    @Test
    void fixWritesTheStageName() {
        assertEquals("FROM golang AS Builder\nFROM builder\n", applyFix(rule, "FROM golang AS Builder\nFROM Builder\n"));
    }
}

package dev.stagesmith.server.checks.syntax;

import static dev.stagesmith.server.checks.RuleTester.assertFindings;
import static dev.stagesmith.server.checks.RuleTester.assertNoFindings;

import org.junit.jupiter.api.Test;

class NoFromRuleTest {

    private final NoFromRule rule = new NoFromRule();

    @Test
    void instructionsWithoutAnyFrom() {
        assertFindings(rule, "⟦⟧ARG VERSION=1\n", "dockerfile contains no stages to build");
        assertFindings(rule, "⟦⟧# syntax=docker/dockerfile:1\nRUN make\nCOPY a b\n");
    }

    @Test
    void quietWithAFromOrWithoutInstructions() {
        assertNoFindings(rule, "ARG V=1\nFROM alpine:$V\n");
        assertNoFindings(rule, "# only a comment\n");
        assertNoFindings(rule, "");
    }
}

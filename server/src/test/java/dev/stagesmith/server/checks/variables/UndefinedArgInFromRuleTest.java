package dev.stagesmith.server.checks.variables;

import static dev.stagesmith.server.checks.RuleTester.applyFix;
import static dev.stagesmith.server.checks.RuleTester.assertFindings;
import static dev.stagesmith.server.checks.RuleTester.assertNoFindings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UndefinedArgInFromRuleTest {

    private final UndefinedArgInFromRule rule = new UndefinedArgInFromRule();

    @Test
    void reportsNamesNotDeclaredBeforeTheFirstFrom() {
        assertFindings(rule, "ARG VERSION=3\nFROM alpine:⟦${VERSON}⟧\n",
                "FROM argument 'VERSON' is not declared (did you mean VERSION?)");
        assertFindings(rule, "FROM --platform=⟦$PLATFORM⟧ alpine\n", "FROM argument 'PLATFORM' is not declared");
        assertFindings(rule, "FROM ⟦$REGISTRY⟧/app:⟦$REGISTRY⟧\n", "'REGISTRY'", "'REGISTRY'");
    }

    @Test
    void anArgInsideAStageDoesNotReachLaterFromLines() {
        assertFindings(rule, "FROM alpine AS a\nARG TAG=1\nFROM alpine:⟦$TAG⟧\n",
                "FROM argument 'TAG' is not declared");
    }

    @Test
    void continuationLinesKeepExactRanges() {
        assertFindings(rule, "FROM \\\n  alpine:⟦$TAG⟧ AS a\n", "'TAG'");
        assertFindings(rule, "FROM alpine:\\\n⟦$TAG⟧\n", "'TAG'");
    }

    @Test
    void quietForGlobalAndAutomaticArgs() {
        assertNoFindings(rule, "ARG TAG\nFROM --platform=$BUILDPLATFORM alpine:${TAG:-3}\n");
        assertNoFindings(rule, "FROM --platform=$TARGETPLATFORM alpine:$TARGETARCH\n");
        assertNoFindings(rule, "ARG A=1 B\nFROM alpine:$A$B\n");
        assertNoFindings(rule, "FROM alpine:\\$TAG\n");
    }

    @Test
    void fixReplacesTheMisspeltName() {
        assertEquals("ARG VERSION=3\nFROM alpine:${VERSION}\n",
                applyFix(rule, "ARG VERSION=3\nFROM alpine:${VERSON}\n"));
    }
}

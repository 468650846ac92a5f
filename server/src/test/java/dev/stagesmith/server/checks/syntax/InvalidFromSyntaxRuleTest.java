package dev.stagesmith.server.checks.syntax;

import static dev.stagesmith.server.checks.RuleTester.applyFix;
import static dev.stagesmith.server.checks.RuleTester.assertFindings;
import static dev.stagesmith.server.checks.RuleTester.assertNoFindings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InvalidFromSyntaxRuleTest {

    private final InvalidFromSyntaxRule rule = new InvalidFromSyntaxRule();

    @Test
    void reportsTheShapesBuildKitRejects() {
        assertFindings(rule, "FROM alpine ⟦build⟧\n", "FROM requires either one or three arguments");
        assertFindings(rule, "FROM alpine ⟦AS⟧\n", "AS must be followed by a stage name");
        assertFindings(rule, "FROM alpine AS build ⟦extra words⟧\n", "FROM requires either one or three arguments");
        assertFindings(rule, "FROM alpine ⟦TO⟧ build\n", "expected AS, found 'TO'");
        assertFindings(rule, "⟦FROM⟧\n", "the base image is missing");
        assertFindings(rule, "⟦FROM⟧ --platform=linux/amd64\n", "the base image is missing");
    }

    @Test
    void quickFixInsertsAs() {
        assertEquals("FROM alpine AS build\n", applyFix(rule, "FROM alpine build\n"));
        assertEquals("from alpine as build\n", applyFix(rule, "from alpine build\n"));
    }

    @Test
    void quietOnOneOrThreeArguments() {
        assertNoFindings(rule, "FROM alpine\nFROM --platform=$BUILDPLATFORM golang:1.22 as build\nFROM scratch AS out\n");
    }
}

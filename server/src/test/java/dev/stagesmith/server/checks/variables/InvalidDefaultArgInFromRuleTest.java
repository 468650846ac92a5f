package dev.stagesmith.server.checks.variables;

import static dev.stagesmith.server.checks.RuleTester.assertFindings;
import static dev.stagesmith.server.checks.RuleTester.assertNoFindings;

import org.junit.jupiter.api.Test;

class InvalidDefaultArgInFromRuleTest {

    private final InvalidDefaultArgInFromRule rule = new InvalidDefaultArgInFromRule();

    @Test
    void reportsBasesThatNeedABuildArg() {
        assertFindings(rule, "ARG TAG\nFROM ⟦busybox:${TAG}⟧\n",
                "Default value for ARG busybox:${TAG} results in empty or invalid base image name");
        assertFindings(rule, "ARG BASE\nFROM ⟦$BASE⟧ AS build\n", "ARG $BASE");
        assertFindings(rule, "ARG BASE=Ubuntu\nFROM ⟦$BASE⟧\n", "invalid base image name");
        assertFindings(rule, "ARG REGISTRY\nFROM ⟦$REGISTRY/app⟧\n", "invalid base image name");
    }

    @Test
    void quietWhenTheDefaultsGiveAValidName() {
        assertNoFindings(rule, "ARG TAG=latest\nFROM busybox:${TAG}\n");
        assertNoFindings(rule, "ARG VARIANT\nFROM busybox:stable${VARIANT}\n");
        assertNoFindings(rule, "ARG TAG\nFROM alpine:${TAG:-3.14}\n");
        assertNoFindings(rule, "FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nFROM build\n");
    }

    @Test
    void leavesConstantNamesToOtherRules() {
        assertNoFindings(rule, "FROM Ubuntu\n");
    }
}

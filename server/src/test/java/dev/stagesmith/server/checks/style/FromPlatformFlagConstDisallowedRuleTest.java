package dev.stagesmith.server.checks.style;

import static dev.stagesmith.server.checks.RuleTester.assertFindings;
import static dev.stagesmith.server.checks.RuleTester.assertNoFindings;

import org.junit.jupiter.api.Test;

class FromPlatformFlagConstDisallowedRuleTest {

    private final FromPlatformFlagConstDisallowedRule rule = new FromPlatformFlagConstDisallowedRule();

    @Test
    void reportsAConstantPlatform() {
        assertFindings(rule, "FROM --platform=⟦linux/amd64⟧ scratch\n",
                "FROM --platform flag should not use constant value \"linux/amd64\"");
        assertFindings(rule, "FROM --platform=⟦linux/arm64⟧ alpine AS base\n", "\"linux/arm64\"");
    }

    @Test
    void aStageNamedAfterItsPlatformIsMeantToBeSpecific() {
        assertNoFindings(rule, "FROM --platform=linux/amd64 scratch AS my_amd64_stage\n");
        assertNoFindings(rule, "FROM --platform=linux/amd64 scratch AS linux\n");
        // containerd normalises the architecture before BuildKit compares it with the name.
        assertNoFindings(rule, "FROM --platform=linux/aarch64 alpine AS build-arm64\n");
        assertFindings(rule, "FROM --platform=⟦linux/amd64⟧ scratch AS build_arm64\n");
    }

    @Test
    void quietOnVariablesAndUnparsablePlatforms() {
        assertNoFindings(rule, "ARG P=linux/amd64\nFROM --platform=$P alpine\n"
                + "FROM --platform=${BUILDPLATFORM} alpine\nFROM --platform=$NOPE alpine\n"
                + "FROM --platform=not/a/valid/platform alpine\nFROM alpine\n");
    }
}

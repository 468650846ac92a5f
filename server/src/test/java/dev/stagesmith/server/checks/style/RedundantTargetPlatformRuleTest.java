package dev.stagesmith.server.checks.style;

import static dev.stagesmith.server.checks.RuleTester.applyFix;
import static dev.stagesmith.server.checks.RuleTester.assertFindings;
import static dev.stagesmith.server.checks.RuleTester.assertNoFindings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stagesmith.server.checks.Finding;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RedundantTargetPlatformRuleTest {

    private final RedundantTargetPlatformRule rule = new RedundantTargetPlatformRule();

    @Test
    void reportsTargetPlatformAlone() {
        var found = assertFindings(rule, "FROM ⟦--platform=$TARGETPLATFORM⟧ scratch\n",
                "Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior");
        assertEquals(Set.of(Finding.Tag.UNNECESSARY), found.get(0).tags());
        assertFindings(rule, "FROM ⟦--platform=${TARGETPLATFORM}⟧ alpine AS builder\n",
                "Setting platform to predefined ${TARGETPLATFORM} in FROM");
    }

    @Test
    void quietOnOtherPlatforms() {
        assertNoFindings(rule, "FROM --platform=$BUILDPLATFORM golang AS build\n"
                + "FROM --platform=linux/amd64 alpine\nFROM --platform=$TARGETOS/$TARGETARCH alpine\n"
                + "FROM --platform=${TARGETPLATFORM}${SUFFIX} alpine\nFROM alpine\n");
    }

    @Test
    void fixRemovesTheFlag() {
        assertEquals("FROM alpine AS builder\n", applyFix(rule, "FROM --platform=$TARGETPLATFORM alpine AS builder\n"));
    }
}

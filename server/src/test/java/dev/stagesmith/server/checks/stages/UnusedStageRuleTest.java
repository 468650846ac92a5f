package dev.stagesmith.server.checks.stages;

import static dev.stagesmith.server.checks.RuleTester.assertFindings;
import static dev.stagesmith.server.checks.RuleTester.assertNoFindings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stagesmith.server.checks.Finding;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UnusedStageRuleTest {

    private final UnusedStageRule rule = new UnusedStageRule();

    @Test
    void reportsStagesNothingNeedsExceptTheLast() {
        var found = assertFindings(rule, """
                FROM golang AS build
                FROM golang AS ⟦test⟧
                COPY --from=test /x /x
                ⟦FROM alpine⟧
                FROM alpine
                COPY --from=build /app /app
                """,
                "Stage \"test\" is not used by the default build", "Stage \"stage-2\"");
        assertEquals(Set.of(Finding.Tag.UNNECESSARY), found.get(0).tags());
    }

    @Test
    void quietOnStagesUsedThroughFromCopyMountOrIndex() {
        assertNoFindings(rule, """
                FROM golang AS base
                FROM base AS build
                FROM alpine AS tools
                FROM alpine
                COPY --from=1 /app /app
                RUN --mount=from=tools,target=/t true
                """);
    }

    @Test
    void stagesAFromMaySelectByPlatformOrBuildArgAreUsed() {
        assertNoFindings(rule, """
                FROM scratch AS binary-linux
                FROM scratch AS binary-darwin
                FROM binary-${TARGETOS} AS binary
                """);
    }

    @Test
    void aMountIndexIsNoUse() {
        assertFindings(rule, "FROM golang AS ⟦build⟧\nFROM alpine\nRUN --mount=from=0,target=/s true\n", "\"build\"");
    }
}

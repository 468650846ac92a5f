package dev.stagesmith.server.checks.stages;

import static dev.stagesmith.server.checks.RuleTester.assertFindings;
import static dev.stagesmith.server.checks.RuleTester.assertNoFindings;

import org.junit.jupiter.api.Test;

class SelfStageReferenceRuleTest {

    private final SelfStageReferenceRule rule = new SelfStageReferenceRule();

    @Test
    void reportsStagesCopyingOrMountingFromThemselves() {
        assertFindings(rule, """
                FROM golang AS build
                COPY --from=⟦Build⟧ /a /b
                RUN --mount=from=⟦build⟧,target=/src true
                FROM alpine
                COPY --from=⟦1⟧ /a /b
                """,
                "circular dependency detected on stage: build; stage \"build\" copies from itself",
                "stage \"build\" mounts itself",
                "circular dependency detected on stage: stage-1");
    }

    @Test
    void quietOnOtherStages() {
        assertNoFindings(rule, "FROM golang AS build\nFROM alpine AS app\nCOPY --from=build /a /b\nCOPY --from=0 /a /b\n");
    }
}

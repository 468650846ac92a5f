package dev.stagesmith.server.checks.stages;

import static dev.stagesmith.server.checks.RuleTester.assertFindings;
import static dev.stagesmith.server.checks.RuleTester.assertNoFindings;

import org.junit.jupiter.api.Test;

class ForwardStageReferenceRuleTest {

    private final ForwardStageReferenceRule rule = new ForwardStageReferenceRule();

    @Test
    void reportsCopiesAndMountsFromLaterStages() {
        assertFindings(rule, """
                FROM alpine AS app
                COPY --from=⟦Builder⟧ /out /out
                RUN --mount=type=bind,from=⟦builder⟧,target=/src true
                COPY --from=⟦2⟧ /a /a
                FROM golang AS builder
                FROM alpine
                """,
                "cannot copy from stage \"Builder\", it needs to be defined before current stage \"app\"; stage"
                        + " \"builder\" is defined at line 5: move it above stage \"app\"",
                "cannot mount from stage \"builder\" to \"/src\", stage needs to be defined before current command",
                "cannot copy from stage \"2\", it needs to be defined before current stage \"app\"");
    }

    @Test
    void namesUnnamedStagesAsBuildKitDoes() {
        assertFindings(rule, "FROM alpine\nCOPY --from=⟦b⟧ /a /a\nFROM alpine AS b\n",
                "current stage \"stage-0\"");
    }

    @Test
    void reportsATriggerInheritedFromAnEarlierStage() {
        assertFindings(rule, """
                FROM alpine AS base
                ONBUILD COPY --from=⟦late⟧ /a /a
                FROM base AS child
                FROM alpine AS late
                """,
                "(in an ONBUILD trigger that runs when stage \"child\" is built)");
    }

    @Test
    void quietOnEarlierStagesSelfReferencesAndCycles() {
        assertNoFindings(rule, """
                FROM golang AS builder
                FROM alpine AS app
                COPY --from=builder /out /out
                COPY --from=0 /out /out
                COPY --from=app /x /x
                """);
        // A reference on a cycle is stage-cycle's.
        assertNoFindings(rule, "FROM alpine AS a\nCOPY --from=b /x /x\nFROM alpine AS b\nCOPY --from=a /y /y\n");
    }
}

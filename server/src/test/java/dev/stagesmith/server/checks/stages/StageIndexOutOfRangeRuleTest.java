package dev.stagesmith.server.checks.stages;

import static dev.stagesmith.server.checks.RuleTester.applyFix;
import static dev.stagesmith.server.checks.RuleTester.assertFindings;
import static dev.stagesmith.server.checks.RuleTester.assertNoFindings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StageIndexOutOfRangeRuleTest {

    private final StageIndexOutOfRangeRule rule = new StageIndexOutOfRangeRule();

    @Test
    void reportsIndexesPastTheLastStage() {
        assertFindings(rule, "FROM alpine\nFROM alpine\nCOPY --from=⟦2⟧ /a /a\nCOPY --from=⟦-1⟧ /a /a\n",
                "invalid stage index 2: this Dockerfile has 2 stages, numbered 0 to 1",
                "invalid stage index -1");
        assertFindings(rule, "FROM alpine\nCOPY --from=⟦007⟧ /a /a\n", "invalid stage index 7: this Dockerfile has 1 stage");
    }

    @Test
    void reportsAnyIndexInAMount() {
        assertFindings(rule, "FROM golang AS build\nFROM alpine\nRUN --mount=from=⟦0⟧,target=/src true\n",
                "RUN --mount takes stage names, not indexes: BuildKit looks for a stage named \"0\"");
    }

    @Test
    void quietOnIndexesInRangeAndNames() {
        assertNoFindings(rule, "FROM alpine\nFROM alpine\nCOPY --from=0 /a /a\nCOPY --from=1 /a /a\nCOPY --from=b1 /a /a\n");
    }

    @Test
    void fixNamesTheStageAMountMeant() {
        assertEquals("FROM golang AS build\nFROM alpine\nRUN --mount=from=build,target=/src true\n",
                applyFix(rule, "FROM golang AS build\nFROM alpine\nRUN --mount=from=0,target=/src true\n"));
    }
}

package dev.stagesmith.server.checks.stages;

import static dev.stagesmith.server.checks.RuleTester.assertFindings;
import static dev.stagesmith.server.checks.RuleTester.assertNoFindings;

import org.junit.jupiter.api.Test;

class StageCycleRuleTest {

    private final StageCycleRule rule = new StageCycleRule();

    @Test
    void reportsATwoStageCycleOnceAtTheForwardReference() {
        assertFindings(rule, "FROM alpine AS a\nCOPY --from=⟦b⟧ /x /x\nFROM alpine AS b\nCOPY --from=a /y /y\n",
                "Dependency cycle a -> b -> a: stage \"a\" copies from \"b\", which needs it in turn");
    }

    @Test
    void reportsLongerCyclesThroughMountsAndFrom() {
        assertFindings(rule, """
                FROM alpine AS a
                RUN --mount=from=⟦c⟧,target=/c true
                FROM a AS b
                FROM alpine AS c
                COPY --from=b /y /y
                """,
                "Dependency cycle a -> c -> b -> a: stage \"a\" mounts \"c\"");
    }

    @Test
    void reportsEachSeparateCycle() {
        assertFindings(rule, """
                FROM alpine AS a
                COPY --from=⟦b⟧ /x /x
                FROM alpine AS b
                COPY --from=a /x /x
                FROM alpine AS c
                COPY --from=⟦d⟧ /x /x
                FROM alpine AS d
                COPY --from=c /x /x
                """, "a -> b -> a", "c -> d -> c");
    }

    @Test
    void quietWithoutCyclesAndOnSelfReferences() {
        assertNoFindings(rule, "FROM alpine AS a\nFROM a AS b\nCOPY --from=a /x /x\nCOPY --from=b /y /y\n");
    }
}

package dev.stagesmith.server.checks.stages;

import static dev.stagesmith.server.checks.RuleTester.applyFix;
import static dev.stagesmith.server.checks.RuleTester.assertFindings;
import static dev.stagesmith.server.checks.RuleTester.assertNoFindings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StageNameCasingRuleTest {

    private final StageNameCasingRule rule = new StageNameCasingRule();

    @Test
    void reportsUpperCaseInStageNames() {
        assertFindings(rule, "FROM alpine AS ⟦Builder⟧\nFROM alpine AS ⟦TEST⟧\n",
                "Stage name 'Builder' should be lowercase", "Stage name 'TEST' should be lowercase");
    }

    @Test
    void quietOnLowerCaseNames() {
        assertNoFindings(rule, "FROM Alpine AS builder\nFROM alpine\nCOPY --from=Builder /a /b\n");
    }

    @Test
    void fixLowerCasesTheNameAndEveryReference() {
        String before = """
                FROM alpine AS Builder
                RUN make
                FROM Builder AS test
                FROM alpine
                COPY --from=BUILDER /out /out
                COPY --from=builder /doc /doc
                RUN --mount=type=bind,from=Builder,target=/src true
                """;
        String after = """
                FROM alpine AS builder
                RUN make
                FROM builder AS test
                FROM alpine
                COPY --from=builder /out /out
                COPY --from=builder /doc /doc
                RUN --mount=type=bind,from=builder,target=/src true
                """;
        assertEquals(after, applyFix(rule, before));
    }

    @Test
    void fixLeavesAnEarlierImageOfTheSameNameAlone() {
        assertEquals("FROM Builder\nFROM alpine AS builder\n", applyFix(rule, "FROM Builder\nFROM alpine AS Builder\n"));
    }
}

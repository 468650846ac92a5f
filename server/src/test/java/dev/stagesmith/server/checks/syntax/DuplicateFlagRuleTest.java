package dev.stagesmith.server.checks.syntax;

import static dev.stagesmith.server.checks.RuleTester.applyFix;
import static dev.stagesmith.server.checks.RuleTester.assertFindings;
import static dev.stagesmith.server.checks.RuleTester.assertNoFindings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DuplicateFlagRuleTest {

    private final DuplicateFlagRule rule = new DuplicateFlagRule();

    @Test
    void reportsEveryRepeatOfASingleFlag() {
        assertFindings(rule, "FROM alpine\nCOPY --from=a ⟦--from=b⟧ x y\n", "duplicate flag specified: --from");
        assertFindings(rule, "FROM alpine\nCOPY --link ⟦--link=false⟧ ⟦--link⟧ x y\n");
        assertFindings(rule, "FROM --platform=a ⟦--platform=b⟧ alpine\n");
    }

    @Test
    void quickFixRemovesTheRepeat() {
        assertEquals("FROM alpine\nCOPY --from=a x y\n", applyFix(rule, "FROM alpine\nCOPY --from=a --from=b x y\n"));
    }

    @Test
    void repeatableFlagsMayRepeat() {
        assertNoFindings(rule, """
                FROM alpine
                RUN --mount=type=cache,target=/a --mount=type=cache,target=/b --device=a --device=b make
                COPY --exclude=a --exclude=b x y
                ADD --exclude=a --exclude=b x y
                """);
    }
}

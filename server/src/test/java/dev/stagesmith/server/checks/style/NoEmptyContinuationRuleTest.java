package dev.stagesmith.server.checks.style;

import static dev.stagesmith.server.checks.RuleTester.applyFix;
import static dev.stagesmith.server.checks.RuleTester.assertFindings;
import static dev.stagesmith.server.checks.RuleTester.assertNoFindings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NoEmptyContinuationRuleTest {

    private final NoEmptyContinuationRule rule = new NoEmptyContinuationRule();

    @Test
    void reportsBlankLinesInsideAContinuation() {
        assertFindings(rule, "FROM scratch\nCOPY Dockerfile \\\n⟦\n⟧.\nCOPY Dockerfile \\\n.\n",
                "Empty continuation line");
        assertFindings(rule, "FROM alpine\nRUN apk add \\\n⟦   \n⟧    gnupg \\\n⟦\t\n⟧    # a comment\n    curl\n");
        assertFindings(rule, "FROM alpine\r\nRUN a \\\r\n⟦\r\n⟧  b\r\n");
    }

    @Test
    void aContinuationAtTheEndOfTheFileSwallowsTheBlankLinesAfterIt() {
        assertFindings(rule, "FROM alpine\nRUN a \\\n⟦\n⟧⟦  \n⟧");
    }

    @Test
    void heredocBodiesMayBeBlank() {
        assertNoFindings(rule, "FROM alpine\nRUN <<EOF\necho a\n\necho b\nEOF\n\nRUN b\n");
        assertFindings(rule, "FROM alpine\nRUN <<EOF \\\n⟦\n⟧  cat\nline\n\nEOF\n");
    }

    @Test
    void quietWithoutBlankContinuationLines() {
        assertNoFindings(rule, "FROM alpine\n\nRUN a \\\n  # comment\n  b\n\n\nEXPOSE \\\n# port\n80\n");
    }

    @Test
    void fixDeletesTheLine() {
        assertEquals("FROM alpine\nEXPOSE \\\n80\n", applyFix(rule, "FROM alpine\nEXPOSE \\\n\n80\n"));
    }
}

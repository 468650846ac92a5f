package dev.stagesmith.server.checks.syntax;

import static dev.stagesmith.server.checks.RuleTester.applyFix;
import static dev.stagesmith.server.checks.RuleTester.assertFindings;
import static dev.stagesmith.server.checks.RuleTester.assertNoFindings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UnknownInstructionRuleTest {

    private final UnknownInstructionRule rule = new UnknownInstructionRule();

    @Test
    void reportsUnknownKeywordsWithASuggestion() {
        assertFindings(rule, "FROM alpine\n⟦RUNN⟧ make\n", "unknown instruction: RUNN (did you mean RUN?)");
        assertFindings(rule, "FROM alpine\n⟦cpoy⟧ a b\n", "(did you mean copy?)");
        assertFindings(rule, "FROM alpine\n⟦FOOBAR⟧ x\n", "unknown instruction: FOOBAR");
    }

    @Test
    void noSuggestionWhenNothingIsClose() {
        var found = assertFindings(rule, "FROM alpine\n⟦XYZZYPLUGH⟧ x\n");
        assertTrue(found.get(0).fixes().isEmpty());
        assertTrue(!found.get(0).message().contains("did you mean"));
    }

    @Test
    void checksOnbuildTriggers() {
        assertFindings(rule, "FROM alpine\nONBUILD ⟦RUNN⟧ make\n", "unknown instruction: RUNN");
    }

    @Test
    void quickFixReplacesTheKeywordInItsCase() {
        assertEquals("FROM alpine\nWORKDIR /app\n", applyFix(rule, "FROM alpine\nWORKDIRR /app\n"));
        assertEquals("FROM alpine\nexpose 80\n", applyFix(rule, "FROM alpine\nexpos 80\n"));
    }

    @Test
    void quietOnKnownInstructionsInAnyCase() {
        assertNoFindings(rule, "from alpine\nRun echo\nHealthCheck NONE\nonbuild copy a b\n");
    }
}

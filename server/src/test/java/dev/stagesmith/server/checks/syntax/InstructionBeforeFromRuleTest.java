package dev.stagesmith.server.checks.syntax;

import static dev.stagesmith.server.checks.RuleTester.assertFindings;
import static dev.stagesmith.server.checks.RuleTester.assertNoFindings;

import org.junit.jupiter.api.Test;

class InstructionBeforeFromRuleTest {

    private final InstructionBeforeFromRule rule = new InstructionBeforeFromRule();

    @Test
    void everyInstructionButArgBeforeTheFirstFrom() {
        assertFindings(rule, "ARG V=1\n⟦ENV⟧ A=1\n⟦LABEL⟧ a=b\nFROM alpine\nRUN true\n",
                "no build stage in current context: ENV must come after a FROM", "LABEL");
    }

    @Test
    void quietWhenOnlyArgsComeFirstOrThereIsNoFrom() {
        assertNoFindings(rule, "ARG A\nARG B=1\nFROM alpine\nENV C=1\n");
        assertNoFindings(rule, "RUN make\n");
        assertNoFindings(rule, "RUNN make\nFROM alpine\n");
    }
}

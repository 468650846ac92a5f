package dev.stagesmith.server.checks.style;

import static dev.stagesmith.server.checks.RuleTester.applyFix;
import static dev.stagesmith.server.checks.RuleTester.assertFindings;
import static dev.stagesmith.server.checks.RuleTester.assertNoFindings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ConsistentInstructionCasingRuleTest {

    private final ConsistentInstructionCasingRule rule = new ConsistentInstructionCasingRule();

    @Test
    void reportsKeywordsAgainstTheMajority() {
        assertFindings(rule, "FROM scratch\n⟦copy⟧ Dockerfile /foo\nCOPY Dockerfile /bar\n",
                "Command 'copy' should match the case of the command majority (uppercase)");
        assertFindings(rule, "from scratch\n⟦COPY⟧ Dockerfile /foo\ncopy Dockerfile /bar\n",
                "Command 'COPY' should match the case of the command majority (lowercase)");
        assertFindings(rule, "⟦from⟧ scratch\nCOPY a /a\nCOPY b /b\nCOPY c /c\n", "(uppercase)");
    }

    @Test
    void mixedCaseKeywordsAreNeverRightAndDoNotVote() {
        assertFindings(rule, "⟦From⟧ scratch as base\nFROM scratch AS base2\n",
                "Command 'From' should match the case of the command majority (uppercase)");
        assertFindings(rule, "⟦frOM⟧ scratch as base\nfrom scratch as base2\n", "(lowercase)");
    }

    @Test
    void aTieGoesToUppercase() {
        assertFindings(rule, "FROM scratch\n⟦run⟧ true\n", "(uppercase)");
    }

    @Test
    void globalArgsAndHeredocBodiesAreNotCounted() {
        assertNoFindings(rule, "arg V=1\nFROM scratch\nCOPY a /a\n");
        assertNoFindings(rule, "FROM alpine\nRUN <<'EOT'\nenv\nEOT\n");
        assertNoFindings(rule, "from scratch\ncopy Dockerfile /foo\nonbuild RUN true\n");
    }

    @Test
    void fixRecasesTheKeyword() {
        assertEquals("FROM scratch\nCOPY a /a\nCOPY b /b\n", applyFix(rule, "FROM scratch\nCopy a /a\nCOPY b /b\n"));
    }
}

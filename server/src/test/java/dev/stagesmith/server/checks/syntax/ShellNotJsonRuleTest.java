package dev.stagesmith.server.checks.syntax;

import static dev.stagesmith.server.checks.RuleTester.applyFix;
import static dev.stagesmith.server.checks.RuleTester.assertFindings;
import static dev.stagesmith.server.checks.RuleTester.assertNoFindings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ShellNotJsonRuleTest {

    private final ShellNotJsonRule rule = new ShellNotJsonRule();

    @Test
    void shellFormAndEmptyArrays() {
        assertFindings(rule, "FROM a\nSHELL ⟦/bin/bash -c⟧\n", "SHELL requires the arguments to be in JSON form");
        assertFindings(rule, "FROM a\nSHELL ⟦[]⟧\n", "SHELL requires at least one argument");
        assertFindings(rule, "FROM a\nSHELL ⟦['/bin/bash', '-c']⟧\n", "JSON form");
    }

    @Test
    void quickFixWritesTheJsonArray() {
        assertEquals("FROM a\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\n",
                applyFix(rule, "FROM a\nSHELL /bin/bash -o pipefail -c\n"));
        var found = assertFindings(rule, "FROM a\nSHELL ⟦\"/bin/bash\" -c⟧\n");
        assertTrue(found.get(0).fixes().isEmpty(), "no guess when the words are quoted");
    }

    @Test
    void quietOnJson() {
        assertNoFindings(rule, "FROM a\nSHELL [\"/bin/sh\", \"-c\"]\nSHELL [\"pwsh\"]\nSHELL\n");
    }
}

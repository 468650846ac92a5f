package dev.stagesmith.server.checks.style;

import static dev.stagesmith.server.checks.RuleTester.applyFix;
import static dev.stagesmith.server.checks.RuleTester.assertFindings;
import static dev.stagesmith.server.checks.RuleTester.assertNoFindings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stagesmith.server.checks.Finding;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MultipleInstructionsDisallowedRuleTest {

    private final MultipleInstructionsDisallowedRule rule = new MultipleInstructionsDisallowedRule();

    @Test
    void reportsTheOverriddenOnes() {
        var found = assertFindings(rule, "FROM scratch\n⟦ENTRYPOINT [\"/myapp\"]⟧\nENTRYPOINT [\"/other\"]\n"
                + "⟦CMD [\"/myapp\"]⟧\nCMD [\"/other\"]\n⟦HEALTHCHECK CMD [\"/myapp\"]⟧\nHEALTHCHECK NONE\n",
                "Multiple ENTRYPOINT instructions should not be used in the same stage because only the last one"
                        + " will be used",
                "Multiple CMD instructions", "Multiple HEALTHCHECK instructions");
        assertEquals(Set.of(Finding.Tag.UNNECESSARY), found.get(0).tags());
    }

    @Test
    void otherInstructionsInBetweenDoNotMatter() {
        assertFindings(rule, "FROM scratch\n⟦CMD a⟧\nCOPY <<EOF /a.txt\nHello\nEOF\n⟦CMD b⟧\ncmd c\n",
                "Multiple CMD instructions", "Multiple cmd instructions");
    }

    @Test
    void eachStageMayHaveItsOwn() {
        assertNoFindings(rule, "FROM scratch AS a\nENTRYPOINT [\"/a\"]\nCMD [\"/a\"]\nHEALTHCHECK NONE\n\n"
                + "FROM a AS b\nENTRYPOINT [\"/b\"]\nCMD [\"/b\"]\nHEALTHCHECK NONE\n");
    }

    @Test
    void fixRemovesTheOverriddenInstruction() {
        assertEquals("FROM scratch\nCMD [\"b\"]\n", applyFix(rule, "FROM scratch\nCMD a \\\n  more\nCMD [\"b\"]\n"));
    }
}

package dev.stagesmith.server.checks.style;

import static dev.stagesmith.server.checks.RuleTester.applyFix;
import static dev.stagesmith.server.checks.RuleTester.assertFindings;
import static dev.stagesmith.server.checks.RuleTester.assertNoFindings;
import static dev.stagesmith.server.checks.RuleTester.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JSONArgsRecommendedRuleTest {

    private final JSONArgsRecommendedRule rule = new JSONArgsRecommendedRule();

    @Test
    void reportsShellFormCmdAndEntrypoint() {
        assertFindings(rule, "FROM scratch\nCMD ⟦mycommand⟧\n",
                "JSON arguments recommended for CMD to prevent unintended behavior related to OS signals");
        assertFindings(rule, "FROM scratch\nENTRYPOINT ⟦my-program start⟧\n",
                "JSON arguments recommended for ENTRYPOINT to prevent unintended behavior related to OS signals");
        assertFindings(rule, "FROM scratch\ncmd ⟦a \\\n  b⟧\n", "JSON arguments recommended for cmd ");
    }

    @Test
    void aShellInTheStageOrItsParentStageSilencesIt() {
        assertNoFindings(rule, "FROM scratch\nSHELL [\"/usr/bin/customshell\"]\nCMD mycommand\n");
        assertNoFindings(rule, "FROM scratch AS base\nSHELL [\"/bin/bash\", \"-c\"]\n\nFROM base\nENTRYPOINT run\n");
        assertFindings(rule, "FROM scratch AS base\nSHELL [\"/bin/bash\", \"-c\"]\n\nFROM scratch\nCMD ⟦run⟧\n");
        assertFindings(rule, "FROM scratch\nCMD ⟦early⟧\nSHELL [\"/bin/bash\", \"-c\"]\nCMD late\n");
    }

    @Test
    void quietOnJsonFormAndOtherInstructions() {
        assertNoFindings(rule, "FROM scratch\nCMD [\"a\", \"b\"]\nENTRYPOINT [\"x\"]\nRUN echo hi\n"
                + "HEALTHCHECK CMD curl -f http://localhost/\n");
    }

    @Test
    void convertsPlainWordsToJson() {
        assertEquals("FROM node\nCMD [\"npm\", \"run\", \"start\", \"--port=80\"]\n",
                applyFix(rule, "FROM node\nCMD npm run start --port=80\n"));
    }

    @Test
    void offersNoConversionWhereTheShellMatters() {
        for (String command : new String[] {"echo $HOME", "a && b", "exec nginx", "FOO=1 app", "cat *.txt",
                "echo 'hi there'", "cd /app", "app > log", "~/bin/app"}) {
            var found = run(rule, "FROM scratch\nCMD " + command + "\n");
            assertEquals(1, found.size(), command);
            assertTrue(found.get(0).fixes().isEmpty(), command);
        }
    }
}

package dev.stagesmith.server.checks.style;

import static dev.stagesmith.server.checks.RuleTester.assertFindings;
import static dev.stagesmith.server.checks.RuleTester.assertNoFindings;

import org.junit.jupiter.api.Test;

class WorkdirRelativePathRuleTest {

    private final WorkdirRelativePathRule rule = new WorkdirRelativePathRule();

    @Test
    void reportsTheFirstRelativeWorkdirOfAChain() {
        assertFindings(rule, "FROM scratch\nWORKDIR ⟦app/⟧\nWORKDIR src\n",
                "Relative workdir \"app/\" can have unexpected results if the base image changes");
        assertFindings(rule, "FROM nginx AS web\nWORKDIR ⟦usr/share/nginx/html⟧\n", "\"usr/share/nginx/html\"");
        assertFindings(rule, "FROM scratch\nARG D=build\nWORKDIR ⟦$D⟧\n", "Relative workdir \"build\"");
    }

    @Test
    void anAbsoluteWorkdirEarlierInTheChainMakesLaterOnesFine() {
        assertNoFindings(rule, "FROM scratch AS a\nWORKDIR /app\n\nFROM a AS b\nWORKDIR subdir/\n");
        assertNoFindings(rule, "FROM alpine\nWORKDIR /app\nWORKDIR src\n");
        assertFindings(rule, "FROM scratch AS a\nWORKDIR /app\n\nFROM scratch\nWORKDIR ⟦subdir⟧\n");
    }

    @Test
    void quietWhenTheBaseImageMayDefineTheVariable() {
        assertNoFindings(rule, "FROM alpine\nWORKDIR $APP_HOME\n");
        assertNoFindings(rule, "FROM mcr.microsoft.com/windows/servercore\nWORKDIR C:\\\\app\n");
    }
}

package dev.stagesmith.server.checks.syntax;

import static dev.stagesmith.server.checks.RuleTester.applyFix;
import static dev.stagesmith.server.checks.RuleTester.assertFindings;
import static dev.stagesmith.server.checks.RuleTester.assertNoFindings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CopyRemoteSourceRuleTest {

    private final CopyRemoteSourceRule rule = new CopyRemoteSourceRule();

    @Test
    void remoteSources() {
        assertFindings(rule, "FROM a\nCOPY ⟦https://example.com/tool.tar.gz⟧ /opt/\n", "source can't be a URL for COPY");
        assertFindings(rule, "FROM a\nCOPY ⟦https://github.com/org/repo.git#main⟧ /src\n",
                "source can't be a git ref for COPY");
        assertFindings(rule, "FROM a\nCOPY ⟦git@github.com:org/repo.git⟧ /src\n", "a git ref");
        assertFindings(rule, "FROM a\nONBUILD COPY ⟦http://x/y⟧ /\n", "a URL");
    }

    @Test
    void quickFixUsesAdd() {
        assertEquals("FROM a\nADD https://x/y /\n", applyFix(rule, "FROM a\nCOPY https://x/y /\n"));
        assertEquals("FROM a\nadd https://x/y /\n", applyFix(rule, "FROM a\ncopy https://x/y /\n"));
    }

    @Test
    void quietOnLocalSourcesAddAndVariables() {
        assertNoFindings(rule, """
                FROM a
                COPY src/ /app/
                COPY github.com/org/repo /x
                ADD https://example.com/tool.tar.gz /opt/
                ARG URL=https://x/y
                COPY $URL /
                COPY https://x/y
                """);
    }
}

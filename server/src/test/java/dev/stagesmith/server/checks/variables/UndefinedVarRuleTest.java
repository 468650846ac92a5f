package dev.stagesmith.server.checks.variables;

import static dev.stagesmith.server.checks.RuleTester.applyFix;
import static dev.stagesmith.server.checks.RuleTester.assertFindings;
import static dev.stagesmith.server.checks.RuleTester.assertNoFindings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UndefinedVarRuleTest {

    private final UndefinedVarRule rule = new UndefinedVarRule();

    @Test
    void reportsUndeclaredVariablesWhereBuildKitExpands() {
        assertFindings(rule, "FROM scratch\nCOPY ⟦$foo⟧ .\n", "Usage of undefined variable '$foo'");
        assertFindings(rule, "FROM scratch\nENV PATH=⟦$PAHT⟧:/app/bin\n",
                "Usage of undefined variable '$PAHT' (did you mean $PATH?)");
        assertFindings(rule, "FROM scratch\nWORKDIR /opt/⟦${APP}⟧/bin\nLABEL v=⟦${APP:-x}⟧\n",
                "'$APP'", "'$APP'");
    }

    @Test
    void stagesSeeTheirBaseStageButNotOthers() {
        assertNoFindings(rule, "FROM scratch AS base\nENV APP=/app\nARG MODE\nFROM base\nWORKDIR $APP/$MODE\n");
        assertFindings(rule, "FROM scratch AS a\nENV APP=/app\nFROM scratch\nWORKDIR ⟦$APP⟧\n", "'$APP'");
    }

    @Test
    void quietForDeclaredArgsAndShellText() {
        assertNoFindings(rule, "FROM scratch\nARG V\nCOPY $V /\n");
        assertNoFindings(rule, "FROM scratch\nARG A=1 B=$A\n");
        assertNoFindings(rule, "FROM scratch\nRUN echo $foo\nCMD echo $bar\n");
        assertNoFindings(rule, "FROM scratch\nCOPY '$foo' \\$bar /\n");
    }

    @Test
    void leavesGlobalArgsToTheMoreSpecificRule() {
        assertNoFindings(rule, "ARG VERSION=1\nFROM scratch\nCOPY app-$VERSION.jar /\nCOPY $TARGETARCH /\n");
    }

    @Test
    void aRegistryImageMaySetAnything() {
        assertNoFindings(rule, "FROM golang\nENV PATH=$GOPATH/bin:$PATH\nCOPY $foo .\n");
        assertFindings(rule, "FROM alpine\nENV PATH=⟦$PAHT⟧:/bin\n", "(did you mean $PATH?)");
    }

    @Test
    void rangesFollowContinuationsHeredocsAndQuotes() {
        assertFindings(rule, "FROM scratch\nCOPY a \\\n  b/⟦${foo}⟧ /\n", "'$foo'");
        assertFindings(rule, "FROM scratch\nCOPY <<EOF /x\nhi ⟦$foo⟧ '⟦$bar⟧'\nEOF\n", "'$foo'", "'$bar'");
        assertNoFindings(rule, "FROM scratch\nCOPY <<'EOF' /x\nhi $foo\nEOF\n");
        assertFindings(rule, "FROM scratch\nCOPY --chown=⟦\"$U\"⟧ a /b\n", "'$U'");
    }

    @Test
    void fixReplacesATypo() {
        assertEquals("FROM scratch\nENV PATH=$PATH:/bin\n", applyFix(rule, "FROM scratch\nENV PATH=$PAHT:/bin\n"));
    }
}

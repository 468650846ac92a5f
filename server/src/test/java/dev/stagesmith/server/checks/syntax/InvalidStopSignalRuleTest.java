package dev.stagesmith.server.checks.syntax;

import static dev.stagesmith.server.checks.RuleTester.applyFix;
import static dev.stagesmith.server.checks.RuleTester.assertFindings;
import static dev.stagesmith.server.checks.RuleTester.assertNoFindings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InvalidStopSignalRuleTest {

    private final InvalidStopSignalRule rule = new InvalidStopSignalRule();

    @Test
    void notASignal() {
        assertFindings(rule, "FROM a\nSTOPSIGNAL ⟦SIGTREM⟧\n", "invalid signal: SIGTREM (did you mean SIGTERM?)");
        assertFindings(rule, "FROM a\nSTOPSIGNAL ⟦0⟧\n", "invalid signal: 0");
        assertFindings(rule, "FROM a\nSTOPSIGNAL ⟦SIGTERM SIGKILL⟧\n", "invalid signal: SIGTERM SIGKILL");
        assertFindings(rule, "FROM a\nSTOPSIGNAL ⟦RTMIN+16⟧\n", "invalid signal");
        assertFindings(rule, "FROM a\nSTOPSIGNAL ⟦SIGSIGTERM⟧\n", "invalid signal");
    }

    @Test
    void quickFixUsesTheClosestName() {
        assertEquals("FROM a\nSTOPSIGNAL SIGQUIT\n", applyFix(rule, "FROM a\nSTOPSIGNAL SIGQUTI\n"));
    }

    @Test
    void quietOnNamesNumbersAndVariables() {
        assertNoFindings(rule, """
                FROM a
                STOPSIGNAL SIGTERM
                STOPSIGNAL term
                STOPSIGNAL SigKill
                STOPSIGNAL 9
                STOPSIGNAL -1
                STOPSIGNAL SIGRTMIN+3
                STOPSIGNAL RTMAX-14
                STOPSIGNAL "SIGINT"
                STOPSIGNAL $SIGNAL
                """);
    }
}

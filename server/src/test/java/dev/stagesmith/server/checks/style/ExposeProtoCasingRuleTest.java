package dev.stagesmith.server.checks.style;

import static dev.stagesmith.server.checks.RuleTester.applyFix;
import static dev.stagesmith.server.checks.RuleTester.assertFindings;
import static dev.stagesmith.server.checks.RuleTester.assertNoFindings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ExposeProtoCasingRuleTest {

    private final ExposeProtoCasingRule rule = new ExposeProtoCasingRule();

    @Test
    void reportsProtocolsNotInLowerCase() {
        assertFindings(rule, "FROM alpine\nEXPOSE 80/⟦TcP⟧ 53/⟦UDP⟧\n",
                "Defined protocol '80/TcP' in EXPOSE instruction should be lowercase",
                "Defined protocol '53/UDP' in EXPOSE instruction should be lowercase");
        assertFindings(rule, "FROM alpine\nENV P=8080/TCP\nEXPOSE ⟦$P⟧\n", "'8080/TCP'");
    }

    @Test
    void quietOnLowerCaseAndOnPortsBuildKitRejectsFirst() {
        assertNoFindings(rule, "FROM alpine\nEXPOSE 80 80/tcp 53/udp 9/sctp\n");
        // An unknown protocol fails the build before the check; later ports are not looked at.
        assertNoFindings(rule, "FROM alpine\nEXPOSE 80/HTTP 81/TCP\n");
    }

    @Test
    void fixLowersTheProtocol() {
        assertEquals("FROM alpine\nEXPOSE 80/tcp\n", applyFix(rule, "FROM alpine\nEXPOSE 80/TcP\n"));
    }
}

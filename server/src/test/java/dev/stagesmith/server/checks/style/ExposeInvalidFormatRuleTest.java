package dev.stagesmith.server.checks.style;

import static dev.stagesmith.server.checks.RuleTester.applyFix;
import static dev.stagesmith.server.checks.RuleTester.assertFindings;
import static dev.stagesmith.server.checks.RuleTester.assertNoFindings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ExposeInvalidFormatRuleTest {

    private final ExposeInvalidFormatRule rule = new ExposeInvalidFormatRule();

    @Test
    void reportsAddressesAndHostPorts() {
        assertFindings(rule, "FROM alpine\nEXPOSE ⟦127.0.0.1:80:80⟧ ⟦8080:80/tcp⟧ ⟦[::1]:53:53/udp⟧\n",
                "EXPOSE instruction should not define an IP address or host-port mapping, found '127.0.0.1:80:80'",
                "found '8080:80/tcp'", "found '[::1]:53:53/udp'");
    }

    @Test
    void quietOnPlainPorts() {
        assertNoFindings(rule, "FROM alpine\nEXPOSE 80 443/tcp 8000-8010 53/UDP\n");
    }

    @Test
    void fixKeepsTheContainerPort() {
        assertEquals("FROM alpine\nEXPOSE 80\n", applyFix(rule, "FROM alpine\nEXPOSE 80:80\n"));
        assertEquals("FROM alpine\nEXPOSE 8000-8010/udp\n",
                applyFix(rule, "FROM alpine\nEXPOSE 0.0.0.0:9000-9010:8000-8010/udp\n"));
    }
}

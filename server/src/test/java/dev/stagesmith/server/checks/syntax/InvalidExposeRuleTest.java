package dev.stagesmith.server.checks.syntax;

import static dev.stagesmith.server.checks.RuleTester.assertFindings;
import static dev.stagesmith.server.checks.RuleTester.assertNoFindings;

import org.junit.jupiter.api.Test;

class InvalidExposeRuleTest {

    private final InvalidExposeRule rule = new InvalidExposeRule();

    @Test
    void portsBuildKitCannotParse() {
        assertFindings(rule, "FROM a\nEXPOSE ⟦http⟧\n", "invalid containerPort: http");
        assertFindings(rule, "FROM a\nEXPOSE ⟦65536⟧\n", "invalid containerPort: 65536");
        assertFindings(rule, "FROM a\nEXPOSE ⟦9000-8000⟧\n", "invalid containerPort: 9000-8000");
        assertFindings(rule, "FROM a\nEXPOSE 80/⟦tpc⟧\n", "invalid proto: tpc");
        assertFindings(rule, "FROM a\nEXPOSE ⟦/tcp⟧\n", "no port specified: /tcp<empty>");
        assertFindings(rule, "FROM a\nEXPOSE ⟦\"abc\"⟧\n", "invalid containerPort: abc");
        assertFindings(rule, "FROM a\nEXPOSE ⟦foo⟧:80\n", "invalid hostPort: foo");
        assertFindings(rule, "FROM a\nEXPOSE ⟦1.2.3⟧:80:80\n", "invalid IP address: 1.2.3");
        assertFindings(rule, "FROM a\nEXPOSE ⟦8000-8001:80-82⟧\n", "invalid ranges specified for container and host Ports");
    }

    @Test
    void quietOnValidPortsAndVariables() {
        assertNoFindings(rule, """
                FROM a
                EXPOSE 80 443/tcp 53/udp 9/sctp 8000-8010 0 65535 80/TCP 80/
                EXPOSE 127.0.0.1:8080:80 8080:80 [::1]:80:80 8000-8010:80
                ARG PORT=80
                EXPOSE $PORT ${PORT}/udp
                """);
    }
}

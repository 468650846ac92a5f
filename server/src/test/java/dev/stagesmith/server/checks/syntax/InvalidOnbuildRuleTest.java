package dev.stagesmith.server.checks.syntax;

import static dev.stagesmith.server.checks.RuleTester.applyFix;
import static dev.stagesmith.server.checks.RuleTester.assertFindings;
import static dev.stagesmith.server.checks.RuleTester.assertNoFindings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InvalidOnbuildRuleTest {

    private final InvalidOnbuildRule rule = new InvalidOnbuildRule();

    @Test
    void triggersBuildKitRefuses() {
        assertFindings(rule, "FROM a\nONBUILD ⟦ONBUILD⟧ RUN make\n", "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
        assertFindings(rule, "FROM a\nONBUILD ⟦from⟧ alpine\n", "FROM isn't allowed as an ONBUILD trigger");
        assertFindings(rule, "FROM a\nonbuild ⟦Maintainer⟧ me\n", "MAINTAINER isn't allowed as an ONBUILD trigger");
    }

    @Test
    void quickFixRemovesTheSecondOnbuild() {
        assertEquals("FROM a\nONBUILD RUN make\n", applyFix(rule, "FROM a\nONBUILD ONBUILD RUN make\n"));
    }

    @Test
    void quietOnOrdinaryTriggers() {
        assertNoFindings(rule, "FROM a\nONBUILD RUN make\nONBUILD COPY . /src\nONBUILD\n");
    }
}

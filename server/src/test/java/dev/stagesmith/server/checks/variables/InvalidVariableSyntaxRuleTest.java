package dev.stagesmith.server.checks.variables;

import static dev.stagesmith.server.checks.RuleTester.assertFindings;
import static dev.stagesmith.server.checks.RuleTester.assertNoFindings;

import org.junit.jupiter.api.Test;

class InvalidVariableSyntaxRuleTest {

    private final InvalidVariableSyntaxRule rule = new InvalidVariableSyntaxRule();

    @Test
    void reportsTheBadSubstitution() {
        assertFindings(rule, "FROM alpine\nENV A=x⟦${}⟧y\n", "syntax error: bad substitution");
        assertFindings(rule, "FROM alpine\nENV A=${B:-⟦${}⟧}\n", "bad substitution");
        assertFindings(rule, "FROM alpine\nCOPY a ⟦${B/x⟧\n", "missing '/' in ${}");
        assertFindings(rule, "FROM alpine\nWORKDIR /x/⟦${A:=b}⟧/y\n", "unsupported modifier (:=) in substitution");
        assertFindings(rule, "ARG A=⟦${}⟧\nFROM alpine\n", "bad substitution");
        assertFindings(rule, "FROM ⟦${}⟧\n", "bad substitution");
    }

    @Test
    void reportsAnUnterminatedQuoteFromTheQuote() {
        assertFindings(rule, "FROM alpine\nENV name='a\\'b⟦'⟧\n", "matching single-quote. Close the quote");
    }

    @Test
    void reportsRequiredVariablesNothingCanSet() {
        assertFindings(rule, "FROM scratch\nWORKDIR ⟦${DIR:?set DIR}⟧\n",
                "DIR: set DIR. Nothing sets 'DIR' at this point");
        assertFindings(rule, "FROM ⟦${BASE:?}⟧\n", "BASE: is not allowed to be unset");
        assertFindings(rule, "FROM scratch\nENV E=\nWORKDIR ⟦${F:?}⟧\n", "F: is not allowed to be unset");
    }

    @Test
    void requiredBuildArgsAreAGuardNotAMistake() {
        assertNoFindings(rule, "ARG DIR\nFROM scratch\nARG DIR\nWORKDIR ${DIR:?set DIR}\n");
        assertNoFindings(rule, "ARG BASE\nFROM ${BASE:?}\n");
        assertNoFindings(rule, "FROM alpine\nWORKDIR ${DIR:?}\n");
        assertNoFindings(rule, "FROM scratch\nARG V=\nCOPY v${V:?} /\n");
    }

    @Test
    void quietWhereNothingIsExpanded() {
        assertNoFindings(rule, "FROM alpine\nENV A=\\${} B='${}'\nRUN echo ${}\nCMD echo ${x\n");
        assertNoFindings(rule, "FROM alpine\nCOPY <<'EOF' /x\n${}\nEOF\n");
    }

    @Test
    void checksExpandedHeredocBodies() {
        assertFindings(rule, "FROM alpine\nCOPY <<EOF /x\na ⟦${}⟧\nEOF\n", "bad substitution");
    }
}

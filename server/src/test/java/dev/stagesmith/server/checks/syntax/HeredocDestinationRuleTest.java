package dev.stagesmith.server.checks.syntax;

import static dev.stagesmith.server.checks.RuleTester.assertFindings;
import static dev.stagesmith.server.checks.RuleTester.assertNoFindings;

import org.junit.jupiter.api.Test;

class HeredocDestinationRuleTest {

    private final HeredocDestinationRule rule = new HeredocDestinationRule();

    @Test
    void aHeredocAsTheLastArgument() {
        assertFindings(rule, "FROM a\nCOPY file ⟦<<EOF⟧\nx\nEOF\n", "COPY cannot accept a heredoc as a destination");
        assertFindings(rule, "FROM a\nADD <<A ⟦<<B⟧\na\nA\nb\nB\n", "ADD cannot accept a heredoc as a destination");
    }

    @Test
    void quietWhenHeredocsAreSources() {
        assertNoFindings(rule, "FROM a\nCOPY <<EOF /etc/motd\nhi\nEOF\nRUN <<EOF\nmake\nEOF\n");
    }
}

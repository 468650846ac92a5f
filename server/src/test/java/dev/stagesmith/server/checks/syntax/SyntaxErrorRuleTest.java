package dev.stagesmith.server.checks.syntax;

import static dev.stagesmith.server.checks.RuleTester.assertFindings;
import static dev.stagesmith.server.checks.RuleTester.assertNoFindings;

import org.junit.jupiter.api.Test;

class SyntaxErrorRuleTest {

    private final SyntaxErrorRule rule = new SyntaxErrorRule();

    @Test
    void reportsWhatBuildKitsParserRejects() {
        assertFindings(rule, "FROM alpine\nENV ⟦PATH⟧\n", "ENV must have two arguments");
        assertFindings(rule, "FROM alpine\nRUN ⟦<<EOF⟧\necho hi\n", "unterminated heredoc");
        assertFindings(rule, "FROM alpine\nCMD [\"a\", ⟦1⟧]\n", "arrays must be comprised of strings only");
    }

    @Test
    void quietOnValidFiles() {
        assertNoFindings(rule, "FROM alpine\nENV PATH=/bin\nCMD [\"a\"]\n");
    }
}

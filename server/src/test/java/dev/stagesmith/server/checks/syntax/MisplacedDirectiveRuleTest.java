package dev.stagesmith.server.checks.syntax;

import static dev.stagesmith.server.checks.RuleTester.applyFix;
import static dev.stagesmith.server.checks.RuleTester.assertFindings;
import static dev.stagesmith.server.checks.RuleTester.assertNoFindings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MisplacedDirectiveRuleTest {

    private final MisplacedDirectiveRule rule = new MisplacedDirectiveRule();

    @Test
    void directivesAfterOtherLines() {
        assertFindings(rule, "FROM alpine\n⟦# syntax=docker/dockerfile:1⟧\n", "'# syntax=' is not at the top of the file");
        assertFindings(rule, "\n⟦# escape=`⟧\nFROM alpine\n", "'# escape=' is not at the top");
        assertFindings(rule, "# This is my image\n⟦#check=skip=all⟧\nFROM alpine\n", "'# check='");
        assertFindings(rule, "# foo=bar\n⟦# SYNTAX = docker/dockerfile:1.7⟧\nFROM alpine\n", "'# syntax='");
    }

    @Test
    void noMoveWhenTheDirectiveIsAlreadySet() {
        var found = assertFindings(rule, "# syntax=docker/dockerfile:1\nFROM alpine\n⟦# syntax=docker/dockerfile:1.7⟧\n",
                "already set at the top");
        assertTrue(found.get(0).fixes().isEmpty());
    }

    @Test
    void quickFixMovesItToTheTop() {
        assertEquals("# escape=`\n# syntax=docker/dockerfile:1\n\nFROM alpine\n",
                applyFix(rule, "# syntax=docker/dockerfile:1\n\n# escape=`\nFROM alpine\n"));
        assertEquals("# check=skip=all\r\nFROM alpine\r\n", applyFix(rule, "FROM alpine\r\n# check=skip=all\r\n"));
    }

    @Test
    void quietOnDirectivesAtTheTopAndOtherComments() {
        assertNoFindings(rule, """
                # syntax=docker/dockerfile:1
                # escape=\\
                # check=skip=JSONArgsRecommended
                FROM alpine
                # set the shell
                # foo=bar
                # syntax is great
                RUN true
                """);
    }
}

package dev.stagesmith.server.checks.style;

import static dev.stagesmith.server.checks.RuleTester.apply;
import static dev.stagesmith.server.checks.RuleTester.applyFix;
import static dev.stagesmith.server.checks.RuleTester.assertFindings;
import static dev.stagesmith.server.checks.RuleTester.assertNoFindings;
import static dev.stagesmith.server.checks.RuleTester.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stagesmith.server.checks.Checker;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.grammar.Dockerfiles;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvalidDefinitionDescriptionRuleTest {

    private final InvalidDefinitionDescriptionRule rule = new InvalidDefinitionDescriptionRule();

    private static final String ON = "# check=experimental=InvalidDefinitionDescription\n";

    @Test
    void reportsCommentsThatDoNotStartWithTheName() {
        assertFindings(rule, ON + "⟦# bar this is the bar⟧\nARG foo=bar\n⟦# BasE this is the BasE image⟧\n"
                + "FROM scratch AS base\n⟦# definitely a bad comment⟧\nARG version=latest\n"
                + "⟦# definitely a bad comment⟧\nARG foo=baz bar=qux baz=quux\n",
                "Comment for ARG should follow the format: `# foo <description>`",
                "Comment for FROM should follow the format: `# base <description>`",
                "Comment for ARG should follow the format: `# version <description>`",
                "Comment for ARG should follow the format: `# <arg_key> <description>`");
    }

    @Test
    void quietOnDescriptionsAndOnCommentsSetApart() {
        assertNoFindings(rule, ON + "# foo this is the foo\nARG foo=bar\n\n# base this is the base image\n"
                + "FROM scratch AS base\n\n# baz this is the baz\nARG foo=baz bar=qux baz=quux\n#\nARG bit=bat\n\n"
                + "# a non-descriptive comment\n\nFROM scratch AS other\n# not about COPY\nCOPY Dockerfile .\n"
                + "# an unnamed stage has no description\nFROM scratch\n");
    }

    @Test
    void runsOnlyWhenEnabled() {
        var input = CheckInput.of(Dockerfiles.parse("# a comment\nFROM scratch AS base\n"));
        assertEquals(List.of(), new Checker(List.of(rule)).check(input));
    }

    @Test
    void fixesSeparateTheCommentOrNameTheDefinition() {
        String text = ON + "# Builds the CLI\nFROM golang AS cli\n";
        assertEquals(ON + "# Builds the CLI\n\nFROM golang AS cli\n", applyFix(rule, text));
        assertEquals(ON + "# cli Builds the CLI\nFROM golang AS cli\n",
                apply(text, run(rule, text).get(0).fixes().get(1)));
    }
}

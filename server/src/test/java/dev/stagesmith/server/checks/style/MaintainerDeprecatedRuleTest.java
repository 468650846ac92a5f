package dev.stagesmith.server.checks.style;

import static dev.stagesmith.server.checks.RuleTester.applyFix;
import static dev.stagesmith.server.checks.RuleTester.assertFindings;
import static dev.stagesmith.server.checks.RuleTester.assertNoFindings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stagesmith.server.checks.Finding;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MaintainerDeprecatedRuleTest {

    private final MaintainerDeprecatedRule rule = new MaintainerDeprecatedRule();

    @Test
    void reportsMaintainerAsDeprecated() {
        var found = assertFindings(rule, "FROM scratch\n⟦MAINTAINER⟧ me@example.org\n",
                "Maintainer instruction is deprecated in favor of using label");
        assertEquals(Set.of(Finding.Tag.DEPRECATED), found.get(0).tags());
    }

    @Test
    void quietOnTheAuthorsLabel() {
        assertNoFindings(rule, "FROM scratch\nLABEL org.opencontainers.image.authors=\"me@example.org\"\n");
    }

    @Test
    void fixWritesTheAuthorsLabelWithTheValueQuoted() {
        assertEquals("FROM scratch\nLABEL org.opencontainers.image.authors=\"Jane \\\"JD\\\" Doe <jd@x.org> \\$5\"\n",
                applyFix(rule, "FROM scratch\nMAINTAINER Jane \"JD\" Doe <jd@x.org> $5\n"));
        assertEquals("from scratch\nlabel org.opencontainers.image.authors=\"me\"\n",
                applyFix(rule, "from scratch\nmaintainer me\n"));
        assertEquals("# escape=`\nFROM scratch\nLABEL org.opencontainers.image.authors=\"a``b C:\\x\"\n",
                applyFix(rule, "# escape=`\nFROM scratch\nMAINTAINER a`b C:\\x\n"));
    }
}

package dev.stagesmith.server.checks.variables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagesmith.server.checks.Rule;
import dev.stagesmith.server.checks.RuleTester;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Bad and Good examples in docs/checks.md say what the rules do: Bad is reported, Good is not. */
class VariableRulesDocsTest {

    private static final Pattern EXAMPLE = Pattern.compile("\\*\\*(Bad|Good):\\*\\*\\s*```dockerfile\\n(.*?)```",
            Pattern.DOTALL);

    @Test
    void examplesMatchTheRules() throws IOException {
        String docs = Files.readString(Path.of("..", "docs", "checks.md"));
        for (Rule rule : VariableRules.all()) {
            String entry = entry(docs, rule.code());
            Matcher m = EXAMPLE.matcher(entry);
            int bad = 0;
            int good = 0;
            while (m.find()) {
                List<?> found = RuleTester.run(rule, m.group(2));
                if (m.group(1).equals("Bad")) {
                    bad++;
                    assertFalse(found.isEmpty(), rule.code() + " misses its Bad example");
                } else {
                    good++;
                    assertEquals(List.of(), found, rule.code() + " reports its Good example");
                }
            }
            assertTrue(bad == 1 && good == 1, rule.code() + " has one Bad and one Good example");
        }
    }

    private static String entry(String docs, String code) {
        int start = docs.indexOf("### `" + code + "`");
        assertTrue(start >= 0, code + " is documented");
        int end = docs.indexOf("\n### ", start + 1);
        int section = docs.indexOf("\n## ", start);
        if (end < 0 || (section >= 0 && section < end)) {
            end = section;
        }
        return docs.substring(start, end < 0 ? docs.length() : end);
    }
}

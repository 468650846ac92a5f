package dev.stagesmith.server.checks.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagesmith.server.checks.Finding;
import dev.stagesmith.server.checks.Rule;
import dev.stagesmith.server.checks.RuleTester;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Bad and Good examples under "## Stages" in docs/checks.md do what they claim, rule by rule. */
class StageRulesDocsTest {

    private static final Pattern ENTRY = Pattern.compile("(?m)^### `([^`]+)`");
    private static final Pattern EXAMPLE = Pattern.compile("(Bad|Good):\\s*```dockerfile\\n(.*?)```", Pattern.DOTALL);

    @Test
    void badExamplesAreReportedAndGoodOnesAreNot() throws IOException {
        String docs = Files.readString(Path.of("..", "docs", "checks.md"));
        int start = docs.indexOf("\n## Stages\n");
        String section = docs.substring(start, docs.indexOf("\n## ", start + 1));
        Matcher entry = ENTRY.matcher(section);
        List<Integer> starts = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        while (entry.find()) {
            starts.add(entry.start());
            codes.add(entry.group(1));
        }
        assertEquals(StageRules.all().size(), codes.size(), "one entry per stage rule");
        for (int i = 0; i < codes.size(); i++) {
            String body = section.substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : section.length());
            Rule rule = rule(codes.get(i));
            Matcher example = EXAMPLE.matcher(body);
            int seen = 0;
            while (example.find()) {
                seen++;
                List<Finding> found = RuleTester.run(rule, example.group(2));
                if (example.group(1).equals("Bad")) {
                    assertFalse(found.isEmpty(), rule.code() + " should report its Bad example");
                } else {
                    assertTrue(found.isEmpty(), rule.code() + " should not report its Good example: " + found);
                }
            }
            assertEquals(2, seen, rule.code() + " has one Bad and one Good example");
        }
    }

    private static Rule rule(String code) {
        return StageRules.all().stream().filter(r -> r.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no stage rule " + code));
    }
}
